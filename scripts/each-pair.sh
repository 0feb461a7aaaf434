# each-pair.sh: each_pair FN RUN... calls FN I J OLD NEW for every pair
# of the RUNs, old before new in the order given (I and J their places,
# from 1). For the study scripts: `. scripts/each-pair.sh`, from the top
# of the repository.
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
