#include "page.h"

#include "charts.h"
#include "machine.h"
#include "report.h"
#include "rundir.h"
#include "summary.h"
#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void esc(struct sbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		switch (s[i]) {
		case '<': sbuf_addstr(sb, "&lt;"); break;
		case '>': sbuf_addstr(sb, "&gt;"); break;
		case '&': sbuf_addstr(sb, "&amp;"); break;
		case '"': sbuf_addstr(sb, "&quot;"); break;
		default: sbuf_add(sb, s + i, 1);
		}
	}
}

static void esc0(struct sbuf *sb, const char *s)
{
	esc(sb, s, strlen(s));
}

/* One line's inline markdown: `code`, **bold**, *emphasis*. */
static void inline_md(struct sbuf *sb, const char *s, size_t n)
{
	static const struct {
		const char *mark, *open, *close;
	} spans[] = {{"`", "<code>", "</code>"},
		     {"**", "<strong>", "</strong>"},
		     {"*", "<em>", "</em>"}};
	size_t i = 0;
	while (i < n) {
		size_t k = 0, ml = 0;
		const char *end = NULL;
		for (; k < 3; k++) {
			ml = strlen(spans[k].mark);
			if (i + ml < n && !strncmp(s + i, spans[k].mark, ml) &&
			    (end = memmem(s + i + ml, n - i - ml, spans[k].mark,
					  ml)))
				break;
		}
		if (k == 3) {
			esc(sb, s + i, 1);
			i++;
			continue;
		}
		sbuf_addstr(sb, spans[k].open);
		if (k == 0)
			esc(sb, s + i + ml, (size_t)(end - s - i - ml));
		else
			inline_md(sb, s + i + ml, (size_t)(end - s - i - ml));
		sbuf_addstr(sb, spans[k].close);
		i = (size_t)(end - s) + ml;
	}
}

/* A markdown table row "| a | b |" as <tr> of cells of tag. */
static void table_row(struct sbuf *sb, const char *l, size_t n, const char *tag)
{
	sbuf_addstr(sb, "<tr>");
	const char *p = l + 1, *e = l + n;
	while (p < e) {
		const char *bar = memchr(p, '|', (size_t)(e - p));
		if (!bar)
			break;
		const char *a = p, *b = bar;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		sbuf_addf(sb, "<%s>", tag);
		inline_md(sb, a, (size_t)(b - a));
		sbuf_addf(sb, "</%s>", tag);
		p = bar + 1;
	}
	sbuf_addstr(sb, "</tr>\n");
}

void page_markdown(const char *md, struct sbuf *sb)
{
	int depth = 0, in_table = 0, in_p = 0;
	for (const char *l = md; *l;) {
		size_t n = strcspn(l, "\n");
		size_t ind = strspn(l, " ");
		int item = n > ind + 1 && !strncmp(l + ind, "- ", 2);
		int level = item ? (int)ind / 2 + 1 : 0;
		if (in_p && (item || !n || l[0] == '#' || l[0] == '|')) {
			sbuf_addstr(sb, "</p>\n");
			in_p = 0;
		}
		if (in_table && l[0] != '|') {
			sbuf_addstr(sb, "</tbody></table>\n");
			in_table = 0;
		}
		for (; depth > level; depth--)
			sbuf_addstr(sb, "</li></ul>\n");
		if (item && depth == level)
			sbuf_addstr(sb, "</li>\n");
		for (; depth < level; depth++)
			sbuf_addstr(sb, "<ul>\n");
		if (item) {
			sbuf_addstr(sb, "<li>");
			inline_md(sb, l + ind + 2, n - ind - 2);
		} else if (l[0] == '#') {
			int h = (int)strspn(l, "#");
			sbuf_addf(sb, "<h%d>", h);
			inline_md(sb, l + h + 1, n > (size_t)h ? n - h - 1 : 0);
			sbuf_addf(sb, "</h%d>\n", h);
		} else if (l[0] == '|' && n > 2 && !strncmp(l, "|---", 4)) {
			/* the separator under a header */
		} else if (l[0] == '|') {
			if (!in_table)
				sbuf_addstr(
				    sb, "<table class=\"sortable\"><thead>");
			table_row(sb, l, n, in_table ? "td" : "th");
			if (!in_table)
				sbuf_addstr(sb, "</thead><tbody>\n");
			in_table = 1;
		} else if (n) {
			sbuf_addstr(sb, in_p ? " " : "<p>");
			in_p = 1;
			inline_md(sb, l, n);
		}
		l += n + (l[n] == '\n');
	}
	if (in_p)
		sbuf_addstr(sb, "</p>\n");
	if (in_table)
		sbuf_addstr(sb, "</tbody></table>\n");
	for (; depth > 0; depth--)
		sbuf_addstr(sb, "</li></ul>\n");
}

/* report.md without its headline, which the family tables replace. */
static void verdicts(const struct run_model *m, struct sbuf *sb)
{
	struct sbuf md = {0};
	report_markdown(m, &md);
	char *h = md.buf ? strstr(md.buf, "\n## Headline") : NULL;
	char *next = h ? strstr(h + 1, "\n## ") : NULL;
	if (h)
		memmove(h + 1, next ? next + 1 : "", next ? strlen(next) : 1);
	/* the report's title is the page's */
	const char *body = md.buf ? strstr(md.buf, "\n## ") : NULL;
	page_markdown(body ? body + 1 : "", sb);
	sbuf_free(&md);
}

/* A cell holding a figure: data-v carries it whole, for sorting. */
static void num_cell(struct sbuf *sb, double v, const char *text)
{
	if (isfinite(v))
		sbuf_addf(sb, "<td data-v=\"%.17g\">", v);
	else
		sbuf_addstr(sb, "<td data-v=\"\">");
	esc0(sb, text);
	sbuf_addstr(sb, "</td>");
}

static void family_row(struct sbuf *sb, const struct summary_row *x)
{
	const char *st = summary_status_names[x->status];
	char med[96] = "", iv[96] = "", ov[96] = "", ra[96] = "", n[32];
	if (x->s.n) {
		units_format(med, sizeof med, x->s.median, x->unit, 0);
		units_format_ci(iv, sizeof iv, NAN, x->s.ci_low, x->s.ci_high,
				x->unit, 0);
	}
	if (x->baseline_found && isfinite(x->d.diff)) {
		units_format_ci(ov, sizeof ov, x->d.diff, x->d.diff_low,
				x->d.diff_high, x->unit, 1);
		units_format_ci(ra, sizeof ra, x->d.ratio, x->d.ratio_low,
				x->d.ratio_high, "x", 0);
	}
	snprintf(n, sizeof n, "%zu", x->s.n);
	sbuf_addf(sb, "<tr class=\"%s\"><td><code>", st);
	esc0(sb, x->variant);
	sbuf_addstr(sb, "</code></td><td>");
	esc0(sb, x->toolchain);
	sbuf_addstr(sb, "</td><td>");
	esc0(sb, x->param);
	sbuf_addstr(sb, "</td>");
	num_cell(sb, x->s.n ? x->s.median : NAN, med);
	num_cell(sb, x->s.n ? x->s.ci_high - x->s.ci_low : NAN, iv);
	num_cell(sb, x->baseline_found ? x->d.diff : NAN, ov);
	num_cell(sb, x->baseline_found ? x->d.ratio : NAN, ra);
	num_cell(sb, (double)x->s.n, n);
	sbuf_addf(sb, "<td class=\"status\">%s</td><td>", st);
	esc0(sb, x->note ? x->note : "");
	sbuf_addstr(sb, "</td></tr>\n");
}

/* A table a family of every row in the run's unit. */
static void family_tables(const struct run_model *m, struct sbuf *sb)
{
	const struct summary_table *t = &m->sum;
	const char *unit = rundir_primary(m);
	struct key_index done = {0};
	sbuf_addstr(sb, "<h2>Every benchmark</h2>\n<p>Click a column to "
			"sort by it. Rows not <em>ok</em> are marked with "
			"their status and why.</p>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const char *f = t->rows[r].family;
		if (key_index_put(&done, &f, 1, r) != r)
			continue;
		sbuf_addstr(sb, "<h3>");
		esc0(sb, f);
		sbuf_addstr(
		    sb, "</h3>\n<table class=\"sortable family\"><thead><tr>"
			"<th>variant</th><th>toolchain</th><th>param</th>"
			"<th>median</th><th>95% interval</th>"
			"<th>overhead [95%]</th><th>ratio [95%]</th>"
			"<th>n</th><th>status</th><th>note</th></tr>"
			"</thead><tbody>\n");
		for (size_t k = r; k < t->nrows; k++)
			if (!strcmp(t->rows[k].family, f) &&
			    !strcmp(t->rows[k].unit, unit))
				family_row(sb, &t->rows[k]);
		sbuf_addstr(sb, "</tbody></table>\n");
	}
	key_index_free(&done);
}

/* The chart name.svg that scripts/charts.sh drew in the run directory,
 * inline; 0 when there is none. */
static int inline_chart(const struct run_model *m, const char *name,
			struct sbuf *sb)
{
	char *p = xasprintf("%s/%s.svg", m->dir, name), *svg, err[ERRLEN];
	int any = 0;
	if (file_read(p, &svg, NULL, err, sizeof err) == 0) {
		const char *s = strstr(svg, "<svg");
		if (s) {
			sbuf_addf(sb, "<figure id=\"%s\">%s</figure>\n", name,
				  s);
			any = 1;
		}
		free(svg);
	}
	free(p);
	return any;
}

/* The charts scripts/charts.sh drew in the run directory, inline. */
static void charts(const struct run_model *m, struct sbuf *sb)
{
	sbuf_addstr(sb, "<h2>Charts</h2>\n");
	int any = inline_chart(m, "overview", sb);
	any |= inline_chart(m, "toolchains", sb);
	for (size_t i = 0; i < charts_nseries; i++)
		any |= inline_chart(m, charts_all_series[i].chart, sb);
	any |= inline_chart(m, "anatomy", sb);
	if (!any)
		sbuf_addstr(sb,
			    "<p>No chart drawn yet: <code>make charts "
			    "RUN=this-directory</code> draws them and writes "
			    "this page again.</p>\n");
}

static const char style[] =
    "body{font-family:sans-serif;margin:2em auto;max-width:1200px;"
    "color:#222}table{border-collapse:collapse;margin:1em 0;font-size:"
    "14px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}"
    "th{background:#eef;cursor:pointer}td[data-v]{text-align:right}"
    "tr.wide td{background:#fff4d6}tr.failed td,tr.deleted td{background:"
    "#fde2e2}tr.skipped td,tr.incomplete td{background:#eee;color:#666}"
    "td.status{font-weight:bold}figure{margin:1em 0}figure svg{max-width:"
    "100%;height:auto}code{font-size:13px}";

/* Sorts a table by the column clicked: by data-v where the cells have
 * it, else by text; a second click reverses. "#sort-check" in the URL
 * sorts the first family table by its median and notes the order, so
 * that a test can see the script work. */
static const char script[] =
    "function sortBy(th){var t=th.closest('table'),b=t.tBodies[0],i="
    "Array.prototype.indexOf.call(th.parentNode.children,th),d=th.dataset."
    "d==='1'?-1:1;th.dataset.d=d===1?'1':'0';var rows=Array.from(b.rows);"
    "rows.sort(function(x,y){var a=x.cells[i],c=y.cells[i];if(a.dataset.v"
    "!==undefined&&c.dataset.v!==undefined){var p=parseFloat(a.dataset.v),"
    "q=parseFloat(c.dataset.v);if(isNaN(p))return 1;if(isNaN(q))return -1;"
    "return d*(p-q);}return d*a.textContent.localeCompare(c.textContent);});"
    "rows.forEach(function(r){b.appendChild(r);});}"
    "document.querySelectorAll('table.sortable th').forEach(function(th){"
    "th.addEventListener('click',function(){sortBy(th);});});"
    "if(location.hash==='#sort-check'){var t=document.querySelector("
    "'table.family');if(t){sortBy(t.tHead.rows[0].cells[3]);document.body."
    "dataset.sorted=Array.from(t.tBodies[0].rows).map(function(r){return "
    "r.cells[3].dataset.v;}).filter(function(v){return v!=='';}).join(',');"
    "}}document.body.dataset.ready='1';";

int page_html(const struct run_model *m, struct sbuf *sb)
{
	char *date = machine_lookup(m->machine, "date");
	sbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
			"charset=\"utf-8\"><title>cgobench: ");
	esc0(sb, m->dir);
	sbuf_addf(sb,
		  "</title><style>%s</style></head>\n<body>\n<h1>cgobench "
		  "run ",
		  style);
	esc0(sb, m->dir);
	sbuf_addstr(sb, "</h1>\n<p>Ran ");
	esc0(sb, date);
	sbuf_addstr(sb, ". Every figure is the run's own (summary.csv), "
			"intervals 95% (about 92 to 95% for rows stopped as "
			"soon as they met their goal). Files: ");
	static const char *const files[] = {
	    "summary.csv", "raw.csv",  "bench.txt", "machine.txt",
	    "report.md",   "bmf.json", "gab.json"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		sbuf_addf(sb, "%s<a href=\"%s\">%s</a>", i ? ", " : "",
			  files[i], files[i]);
	sbuf_addstr(sb, ".</p>\n");
	free(date);
	verdicts(m, sb);
	charts(m, sb);
	family_tables(m, sb);
	sbuf_addf(sb, "<script>%s</script>\n</body></html>\n", script);
	return 1;
}
