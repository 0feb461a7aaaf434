/* page: index.html, a run as a page to open. Self-contained: the CSS and
 * the script are inline, and so are the charts (the run directory's SVGs,
 * when scripts/charts.sh has drawn them; it writes the page again after).
 * It holds the machine and the verdicts (report.md rendered), a table a
 * family of every benchmark in the run's unit with its interval, overhead
 * and ratio, sortable by any column, rows not ok marked with their status
 * and note, and links to the run's files. Nothing is fetched: it opens
 * offline. */
#ifndef CGOBENCH_PAGE_H
#define CGOBENCH_PAGE_H

struct run_model;
struct sbuf;

int page_html(const struct run_model *m, struct sbuf *sb);
/* Appends markdown md (the subset report.md uses: headings, paragraphs,
 * nested "- " lists, tables, **bold**, *emphasis*, `code`) as HTML. */
void page_markdown(const char *md, struct sbuf *sb);

#endif
