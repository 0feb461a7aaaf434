# usage: objdump -d --no-show-raw-insn BIN | awk -v sym=SYMBOL -f scripts/loop-heads.awk
#
# The byte within its 64-byte line at which the last loop of the function
# SYMBOL starts: the target of its last conditional jump backwards. Prints
# nothing where the function has no loop. placement-study.sh and
# harness/tests/studies.sh read it.
function hex(s,   i, x) {
	for (i = 1; i <= length(s); i++)
		x = x * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return x
}
$2 == "<" sym ">:" { on = 1; next }
on && NF == 0 { exit }
on && $2 ~ /^j/ && $2 != "jmp" {
	at = hex(substr($1, 1, length($1) - 1))
	to = hex($3)
	if (to < at) head = to
}
END { if (head != "") printf "%d\n", head % 64 }
