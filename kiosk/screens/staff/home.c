/* staff/home: staff's own screen: rounded counts, the kiosk's key, and
 * what staff can do. */
#include "../screens.h"

#include "../../ui/ui.h"

/* Staff: counts (never single answers), and what staff can do. */
void screen_staff(ctx *c, const hys_staff_view *sv)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    int y = screen_staff_page(c, tr(c, "Staff"));
    char words[600];
    const char *fmts[3] = {sv->per_week ? tr(c, "People who answered this week: %ld")
                                        : tr(c, "People who answered today: %ld"),
                           tr(c, "Answers not yet saved on a USB stick: %ld"),
                           tr(c, "People who answered, in all: %ld")};
    long values[3] = {sv->sessions_today, sv->unexported, sv->sessions};
    for (int i = 0; i < 3; i++) {
        snprintf(words, sizeof words, fmts[i], values[i]);
        int lh = ui_text_need(c, words, S(c, SZ_TEXT), i == 1, W - 2 * m);
        y += ui_text_box(c, words, m, y, W - 2 * m, lh, S(c, SZ_TEXT), i == 1, t->text, ALIGN_START,
                         0) +
             S(c, SZ_GAP_SMALL);
    }
    {
        /* the key the office compares, and why the counts are round */
        char key_words[200] = "";
        if (sv->fingerprint)
            snprintf(key_words, sizeof key_words, tr(c, "This kiosk's key: %s"), sv->fingerprint);
        snprintf(words, sizeof words, "%s%s%s",
                 tr(c, "Counts are rounded to 5, so no one person's answers show."),
                 key_words[0] ? " " : "", key_words);
        int lh = ui_text_need(c, words, S(c, SZ_TEXT_NOTE), 0, W - 2 * m);
        y += ui_text_box(c, words, m, y, W - 2 * m, lh, S(c, SZ_TEXT_NOTE), 0, t->muted,
                         ALIGN_START, 0) +
             S(c, SZ_GAP_SMALL);
    }
    if (sv->nhard > 0) {
        const char *h = tr(c, "Questions people did not understand:");
        y += S(c, SZ_GAP_SMALL) + ui_text_box(c, h, m, y + S(c, SZ_GAP_SMALL), W - 2 * m,
                                              ui_text_need(c, h, S(c, SZ_TEXT), 1, W - 2 * m),
                                              S(c, SZ_TEXT), 1, t->muted, ALIGN_START, 0);
        for (int i = 0; i < sv->nhard; i++) {
            snprintf(words, sizeof words, "%s: %ld", sv->hard_label[i] ? sv->hard_label[i] : "",
                     sv->hard_n[i]);
            int lh = ui_text_need(c, words, S(c, SZ_TEXT_STAFF), 0, W - 3 * m);
            y += ui_text_box(c, words, 2 * m, y, W - 3 * m, lh, S(c, SZ_TEXT_STAFF), 0, t->text,
                             ALIGN_START, 0);
        }
    }
    if (sv->message) {
        int mh = ui_text_need(c, sv->message, S(c, SZ_TEXT_STAFF), 1, W - 2 * m);
        y += S(c, SZ_GAP_SMALL) + ui_text_box(c, sv->message, m, y + S(c, SZ_GAP_SMALL), W - 2 * m,
                                              mh, S(c, SZ_TEXT_STAFF), 1, t->text, ALIGN_START, 0);
    }
    /* what staff can do, each a large button, two a row */
    y += S(c, SZ_GAP_WIDE);
    int bot = H - ui_bottom_h(c) - S(c, SZ_GAP_ROW), gap = S(c, SZ_GAP);
    int cols = 2, rows = 2;
    int bw = (W - 2 * m - (cols - 1) * gap) / cols;
    static const char *const labels[4] = {"Save the answers on a USB stick",
                                          "Use the questions on the stick",
                                          "Go back to the earlier questions", "Check the kiosk"};
    static const char *const ids[4] = {"staff:export", "staff:load", "staff:restore",
                                       "staff:check"};
    static const char *const icons[4] = {"paper-form", "words", "back", "speaker"};
    static const hys_action acts[4] = {HYS_ACT_STAFF_EXPORT, HYS_ACT_STAFF_LOAD,
                                       HYS_ACT_STAFF_RESTORE, HYS_ACT_STAFF_CHECK};
    int on[4] = {sv->can_export, sv->can_load, sv->can_restore, 1};
    int bh = S(c, SZ_STAFF_ROW) > c->tmin ? S(c, SZ_STAFF_ROW) : c->tmin;
    for (int i = 0; i < 4; i++)
        bh = ui_button_need(c, tr(c, labels[i]), bw, bh);
    int need = rows * bh + (rows - 1) * gap;
    if (y + need > bot && bot - need > y - S(c, SZ_GAP_WIDE)) y = bot - need;
    if (y + need > bot) ui_unfit(c->f, "staff buttons"); /* shown a part at a time instead */
    for (int i = 0; i < 4; i++) {
        ui_button(c,
                  &(ui_item){.id = ids[i],
                             .action = acts[i],
                             .label = tr(c, labels[i]),
                             .off = !on[i],
                             .meaning = !on[i] ? tr(c, i < 2 ? "Put a USB stick in first"
                                                             : "There is none")
                                               : NULL},
                  m + (i % cols) * (bw + gap), y + (i / cols) * (bh + gap), bw, bh, icons[i],
                  i == 0 ? B_PRIMARY : B_NORMAL);
    }
    screen_staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back to the kiosk"), 1);
}
