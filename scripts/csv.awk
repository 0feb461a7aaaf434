# csv.awk: fields(line, f) splits one line of a CSV file into f[1..n]
# and returns n; a quoted field may hold commas. For the study scripts:
# awk -f scripts/csv.awk -f PROGRAM.
function fields(line, f,   n, q, ch, i) {
	split("", f)
	n = 1; f[1] = ""; q = 0
	for (i = 1; i <= length(line); i++) {
		ch = substr(line, i, 1)
		if (ch == "\"") q = !q
		else if (ch == "," && !q) f[++n] = ""
		else f[n] = f[n] ch
	}
	return n
}
# columns(line, col): a CSV file's header line split into col, each
# column's number by its name (col["unit"]); returns how many
function columns(line, col,   h, n, i) {
	split("", col)
	n = fields(line, h)
	for (i = 1; i <= n; i++) col[h[i]] = i
	return n
}
# bench_name(f, col): a raw.csv row split into f, its columns by name in
# col, as go test names its benchmark below the top level: the variant,
# or variant/param ('cgo.Handle/goroutines=2')
function bench_name(f, col) {
	if (f[col["param"]] == "") return f[col["variant"]]
	return f[col["variant"]] "/" f[col["param"]]
}
