# study-lib.sh: what the study scripts share (pairs of runs, their
# arguments). For them: `. scripts/study-lib.sh`, from the top of the
# repository.
#
# each_pair FN RUN... calls FN I J OLD NEW for every pair of the RUNs, old
# before new in the order given (I and J their places, from 1).
each_pair() {
	_fn=$1
	shift
	_pi=0
	for _pa in "$@"; do
		_pi=$((_pi + 1))
		_pj=0
		for _pb in "$@"; do
			_pj=$((_pj + 1))
			[ "$_pj" -gt "$_pi" ] || continue
			"$_fn" "$_pi" "$_pj" "$_pa" "$_pb"
		done
	done
}

# unpinned RUN prints the families RUN ran on every CPU (machine.txt's
# unpinned list), a comma between them, or nothing.
unpinned() {
	sed -n 's/^unpinned: .*: *//p' "$1/machine.txt" | tr -d ' '
}

# positive_ints SCRIPT WHAT VALUE...: exits 2, naming SCRIPT and WHAT (the
# arguments' names, as its usage gives them), unless every VALUE is a
# whole number above 0.
positive_ints() {
	_ps=$1 _pw=$2
	shift 2
	for _pv in "$@"; do
		case $_pv in '' | *[!0-9]* | 0 | 0*) echo "$_ps: $_pw must be whole numbers above 0, not '$_pv'" >&2; exit 2 ;; esac
	done
}
