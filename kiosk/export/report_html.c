/* report_html: report.html (see report.h), one self-contained page with no
 * scripts, drawn from the counts report_data.c makes. */
#include "report_private.h"

#include "../util/alloc.h"
#include "../util/limits.h"

#include <stdio.h>
#include <string.h>

static void html(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&#39;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

/* A count as people should see it: under 5 (zero too) it could point at
 * someone. */
static void count_as(FILE *f, long n, long of, int how)
{
    if (how == NOT_SHOWN)
        fputs("not shown", f);
    else if (how == SMALL_COUNT || n < SMALL)
        fputs("fewer than 5", f);
    else if (of > 0)
        fprintf(f, "%ld (%ld%%)", n, (n * 100 + of / 2) / of);
    else
        fprintf(f, "%ld", n);
}

static void count(FILE *f, long n, long of)
{
    count_as(f, n, of, SHOWN);
}

/* One bar of a chart: its label, a bar as long as its share, its count. */
static void bar(FILE *f, int i, const char *label, long n, long of, int how)
{
    int y = 8 + i * 44, w = how == SHOWN && n >= SMALL && of > 0
                                ? (int)(n * 360 / of)
                                : 0; /* (room after it for "100 (100%)") */
    fprintf(f, "<text x=\"0\" y=\"%d\">", y + 20);
    html(f, label);
    fprintf(f, "</text><rect x=\"260\" y=\"%d\" width=\"%d\" height=\"28\" class=\"bar\"/>", y, w);
    fprintf(f, "<text x=\"%d\" y=\"%d\">", 268 + w, y + 20);
    count_as(f, n, of, how);
    fputs("</text>", f);
}

/* A question's answers venue by venue (a collection of several venues): a
 * table of counts, each under 5 shown as "fewer than 5". A column adds up
 * to the count in the chart above it, so each column is protected (see
 * hys_report_protect) as a whole. HYS_OK, or HYS_EIO when the answers
 * cannot be read, HYS_ENOMEM. */
#define MAX_VENUES 200
static hys_status by_venue(out *o, const char *form, const char *q, const report_count *cs, int nc)
{
    FILE *f = o->f;
    sqlite3_stmt *st = report_prep(o, "SELECT count(*) FROM kiosks");
    int nv = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (nv < 2 || nv > MAX_VENUES) return HYS_OK; /* one venue: the chart says it all */
    st = report_prep_q(o,
                       "SELECT coalesce(nullif(k.venue,''), k.kiosk_id), t.value, t.n"
                       " FROM tally t JOIN kiosks k USING(kiosk_id)"
                       " WHERE t.question=? AND t.form_id=? AND t.status='answered' ORDER BY 1",
                       form, q);
    if (!st) return HYS_EIO;
    /* every venue's counts first (rows come venue by venue), then the table */
    long(*n)[HYS_MAX_CHOICES] = hys_calloc(MAX_VENUES, sizeof *n);
    unsigned char(*how)[HYS_MAX_CHOICES] = hys_calloc(MAX_VENUES, sizeof *how);
    char(*venue)[256] = hys_calloc(MAX_VENUES, sizeof *venue);
    int rows = -1, step = SQLITE_DONE;
    while (n && how && venue && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (rows < 0 || strcmp(venue[rows], report_col(st, 0))) {
            if (rows == MAX_VENUES - 1) break;
            snprintf(venue[++rows], sizeof venue[0], "%s", report_col(st, 0));
        }
        char v[HYS_MAX_CELL_BYTES];
        snprintf(v, sizeof v, "%s", report_col(st, 1));
        long times = sqlite3_column_int64(st, 2);
        for (char *save = NULL, *w = strtok_r(v, " ", &save); w; w = strtok_r(NULL, " ", &save))
            for (int k = 0; k < nc; k++)
                if (!strcmp(cs[k].name, w)) n[rows][k] += times;
    }
    sqlite3_finalize(st);
    hys_status rc = !n || !how || !venue ? HYS_ENOMEM : step == SQLITE_ERROR ? HYS_EIO : HYS_OK;
    int ok = rc == HYS_OK;
    rows++;
    for (int k = 0; ok && k < nc; k++)
        hys_report_protect(&n[0][k], rows, HYS_MAX_CHOICES, &how[0][k]);
    if (ok) {
        fputs("<table><tr><th>Venue</th>", f);
        for (int k = 0; k < nc; k++) {
            fputs("<th>", f);
            html(f, cs[k].label[0] ? cs[k].label : cs[k].name);
            fputs("</th>", f);
        }
        fputs("</tr>\n", f);
        for (int r = 0; r < rows; r++) {
            fputs("<tr><td>", f);
            html(f, venue[r]);
            fputs("</td>", f);
            for (int k = 0; k < nc; k++) {
                fputs("<td>", f);
                count_as(f, n[r][k], 0, how[r][k]);
                fputs("</td>", f);
            }
            fputs("</tr>\n", f);
        }
        fputs("</table>\n", f);
    }
    hys_free(n);
    hys_free(how);
    hys_free(venue);
    return rc;
}

/* A question's section: its words, its chart, its skip and "did not
 * understand" rates. HYS_OK, or HYS_EIO when it cannot be made. */
static hys_status question(out *o, const report_question *q, void *ud)
{
    (void)ud;
    FILE *f = o->f;
    if (q->nsets > 1 && q->first_of_set) { /* a set's title heads its questions */
        fputs("<h1 class=\"set\">", f);
        html(f, q->form_title[0] ? q->form_title : q->form_id);
        fputs("</h1>\n", f);
    }
    fputs("<section><h2>", f);
    html(f, q->label);
    fputs("</h2>\n", f);
    int ok = 1, nc = q->ncounts;
    if (nc > 0 && !q->breakdown) {
        fputs("<p>Fewer than 10 people answered this question, so how they answered is not "
              "shown: with so few, it could point at someone.</p>\n",
              f);
    } else if (nc > 0) {
        fprintf(f, "<svg viewBox=\"0 0 760 %d\" width=\"760\" height=\"%d\" role=\"img\">",
                16 + nc * 44, 16 + nc * 44);
        for (int k = 0; k < nc; k++)
            bar(f, k, q->counts[k].label[0] ? q->counts[k].label : q->counts[k].name,
                q->counts[k].n, q->answered, q->counts[k].how);
        fputs("</svg>\n", f);
        int other = nc > 0 && !q->counts[nc - 1].name[0];
        if (o->venues) ok = by_venue(o, q->form_id, q->name, q->counts, nc - other) == HYS_OK;
    } else {
        fputs("<p>Answered in the resident's own words or numbers: ", f);
        count(f, q->answered, 0);
        fputs(" (in answers.csv).</p>\n", f);
    }
    fputs("<p class=\"rates\">Answered: ", f);
    count_as(f, q->answered, q->seen, q->rates_how[0]);
    fputs(" &middot; Skipped: ", f);
    count_as(f, q->skipped, q->seen, q->rates_how[1]);
    fputs(" &middot; Did not understand the question: ", f);
    count_as(f, q->dont, q->seen, q->rates_how[2]);
    fputs("</p></section>\n", f);
    return ok ? HYS_OK : HYS_EIO;
}

hys_status hys_report_html(const char *db, const char *path, int venues, char *err, size_t errn)
{
    out o;
    hys_status rc = report_begin(&o, db, path, err, errn);
    if (rc) return rc;
    FILE *f = o.f;
    o.venues = venues;
    if ((venues && report_release(&o) != HYS_OK) || report_tally(&o) != HYS_OK ||
        report_words(&o) != HYS_OK)
        return report_end(&o, 0);
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width\">\n<title>",
          f);
    sqlite3_stmt *st = report_prep(&o, "SELECT group_concat(title, ' / ') FROM"
                                       " (SELECT DISTINCT title FROM forms ORDER BY title)");
    char title[512] = "Have Your Say";
    if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(title, sizeof title, "%s", report_col(st, 0));
    sqlite3_finalize(st);
    html(f, title);
    fputs(": what people said</title>\n<style>\n"
          "body{font-family:sans-serif;font-size:18px;max-width:52em;margin:1em auto;"
          "padding:0 1em;color:#111;background:#fff}\n"
          "h1{font-size:1.7em}h2{font-size:1.25em;margin-top:1.6em}\n"
          "svg text{font-size:17px;fill:#111}.bar{fill:#0b3d91}\n"
          ".rates{color:#333}table{border-collapse:collapse}"
          "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}\n"
          "</style></head><body>\n<h1>",
          f);
    html(f, title);
    fputs(": what people said</h1>\n", f);
    report_totals tot;
    int ok = report_totals_get(&o, &tot) == HYS_OK;
    if (ok && tot.sessions == 0) { /* (a collection whose days are not over yet) */
        fputs("<p>No one is counted here yet.", f);
    } else if (ok) {
        fputs("<p>People who answered: ", f);
        count(f, tot.sessions, 0);
        fputs(". From ", f);
        html(f, tot.from);
        fputs(" to ", f);
        html(f, tot.to);
        fputs(".", f);
    }
    if (ok)
        fputs(" Counts under 5 are shown as &ldquo;fewer than 5&rdquo; so that nobody can be "
              "picked out; where a hidden count could be worked out from the others, one more "
              "count is &ldquo;not shown&rdquo;.</p>\n",
              f);
    if (venues && o.held > 0) {
        fprintf(f,
                "<p>%ld %s whose answers left their kiosks on %s or later %s not counted here "
                "yet. This report counts answers by the day they left their kiosk, only whole "
                "days that are over, in groups of at least %d people, so that comparing two "
                "reports can never show what one person said; they will be counted once their "
                "day is over and at least %d people have answered.</p>\n",
                o.held, o.held == 1 ? "person" : "people", o.held_from, o.held == 1 ? "is" : "are",
                HYS_REPORT_MIN_BLOCK, HYS_REPORT_MIN_BLOCK);
    }
    if (ok && venues) {
        st = report_prep(
            &o, "SELECT coalesce(nullif(k.venue,''), k.kiosk_id), coalesce(s.n, 0),"
                " coalesce(t.n, 0) FROM kiosks k"
                " LEFT JOIN (SELECT kiosk_id, count(*) AS n FROM sessions GROUP BY kiosk_id) s"
                " USING(kiosk_id)"
                " LEFT JOIN (SELECT kiosk_id, sum(n) AS n FROM tally GROUP BY kiosk_id) t"
                " USING(kiosk_id) ORDER BY 1");
        ok = st != NULL;
        fputs("<h2>Where</h2><table><tr><th>Venue</th><th>People</th><th>Answers</th></tr>\n", f);
        while (ok && sqlite3_step(st) == SQLITE_ROW) {
            fputs("<tr><td>", f);
            html(f, report_col(st, 0));
            fputs("</td><td>", f);
            count(f, sqlite3_column_int64(st, 1), 0);
            fputs("</td><td>", f);
            count(f, sqlite3_column_int64(st, 2), 0);
            fputs("</td></tr>\n", f);
        }
        fputs("</table>\n", f);
        sqlite3_finalize(st);
    }
    if (ok) ok = report_walk(&o, question, NULL) == HYS_OK;
    fputs("</body></html>\n", f);
    return report_end(&o, ok);
}
