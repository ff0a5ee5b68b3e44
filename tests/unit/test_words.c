/* Tests for the program's words (.po files) and the theme's contrast:
 * every locale file parses, translations keep their %d, and every text
 * colour pair reaches 7:1. */
#include "check.h"

#include "layout/theme.h"
#include "util/po.h"

#include <dirent.h>
#include <string.h>

int main(void)
{
    const char *po_text = "# comment\n"
                          "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                          "msgid \"Next\"\nmsgstr \"Dalej\"\n\n"
                          "#, fuzzy\nmsgid \"Back\"\nmsgstr \"Zle\"\n\n"
                          "msgid \"Long\"\nmsgstr \"\"\n\"one \"\n\"two\"\n\n"
                          "msgctxt \"button\"\nmsgid \"Skip\"\nmsgstr \"Pomiń\"\n\n"
                          "msgid \"Empty\"\nmsgstr \"\"\n";
    hys_status rc;
    char err[200];
    hys_po *po = hys_po_parse(po_text, strlen(po_text), &rc, err, sizeof err);
    CHECK(po != NULL);
    CHECK_STR(hys_po_get(po, "Next"), "Dalej");
    CHECK_STR(hys_po_get(po, "Back"), "Back"); /* fuzzy is not used */
    CHECK_STR(hys_po_get(po, "Long"), "one two");
    CHECK_STR(hys_po_get(po, "Skip"), "Pomiń");
    CHECK_STR(hys_po_get(po, "Empty"), "Empty");
    CHECK_STR(hys_po_get(NULL, "Start"), "Start");
    hys_po_destroy(po);
    const char *bad = "msgid \"a\"\nmsgstr \"b\nmsgid\n";
    po = hys_po_parse(bad, strlen(bad), &rc, err, sizeof err);
    CHECK(po == NULL && rc == HYS_EFORMAT);
    CHECK(strstr(err, "line 2") != NULL);

    DIR *d = opendir(HYS_LOCALES);
    CHECK(d != NULL);
    int files = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".po")) continue;
        char code[16];
        snprintf(code, sizeof code, "%.*s", (int)(n - 3), e->d_name);
        po = hys_po_load(HYS_LOCALES, code, &rc, err, sizeof err);
        CHECK(po != NULL);
        if (!po) fprintf(stderr, "%s\n", err);
        CHECK(hys_po_count(po) >= 30);
        CHECK(strstr(hys_po_get(po, "%d of %d"), "%d") != NULL);
        hys_po_destroy(po);
        files++;
    }
    if (d) closedir(d);
    CHECK(files >= 1);

    /* every theme: text >= 7:1; control edges, chosen edges, the main action
     * and the focus ring against what they sit on >= 3:1 */
    const hys_theme *themes[2] = {hys_theme_default(), hys_theme_high_contrast()};
    for (int k = 0; k < 2; k++) {
        const hys_theme *t = themes[k];
        hys_color pairs[32][2];
        int n = hys_theme_text_pairs(t, pairs, 32);
        CHECK(n >= 10);
        for (int i = 0; i < n; i++) {
            double c = hys_contrast(pairs[i][0], pairs[i][1]);
            if (c < 7.0) fprintf(stderr, "%s: text pair %d has contrast %.2f\n", t->name, i, c);
            CHECK(c >= 7.0);
        }
        CHECK(hys_contrast(t->edge, t->bg) >= 3.0);
        CHECK(hys_contrast(t->chosen_edge, t->chosen) >= 3.0 ||
              hys_contrast(t->chosen_edge, t->bg) >= 3.0);
        CHECK(hys_contrast(t->primary, t->bar) >= 3.0);
        CHECK(hys_contrast(t->focus, t->bg) >= 3.0 || hys_contrast(t->focus_edge, t->bg) >= 3.0);
        CHECK(hys_contrast(t->speaking, t->bg) >= 3.0);
        /* pictures with black outlines: on a dark ground they get a light badge */
        CHECK(hys_contrast(t->bg, (hys_color){0, 0, 0, 255}) >= 3.0 ||
              (t->picture_badge && hys_contrast(t->badge, (hys_color){0, 0, 0, 255}) >= 3.0));
    }
    hys_color black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
    CHECK(hys_contrast(black, white) > 20.9);
    return check_done();
}
