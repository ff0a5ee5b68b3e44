/* bars: the top bar (speaker, sound, display buttons and progress), the
 * bottom bar's fixed slots (Back, I don't understand, Skip, Next), the
 * corner kept for the speaker, touch-to-hear's banner and the hint shown
 * when a switched-off button is tapped. */
#include "ui.h"

static void top_bar_at(ctx *c, int with_progress);
static int lang_button_w(const ctx *c, int *named);

/* The top bar's progress words ("3 of 9") for pos of total: their width. */
static int progress_w(const ctx *c, int pos, int total)
{
    char buf[64];
    snprintf(buf, sizeof buf, tr(c, "%d of %d"), pos, total);
    return ui_text_w(c, buf, strlen(buf), S(c, SZ_TEXT), 1) + 4;
}

int ui_top_h(const ctx *c)
{
    int h = S(c, SZ_TOP_BAR);
    if (h < c->tmin + 16) h = c->tmin + 16; /* room for the smallest target */
    int need = ui_line_h_at(c, S(c, SZ_TEXT), 1, 100) + S(c, SZ_GAP_WIDE); /* one line of words */
    return need > h ? need : h;
}

/* The bottom bar: one row of four buttons, or in portrait two rows of two.
 * Its size does not grow with the text size: the buttons keep their place,
 * picture and size on every screen, and their words grow as far as they fit
 * (ui_button() in a bar). */
static int bar_h(const ctx *c)
{
    int slot = ui_line_h_at(c, S(c, SZ_TEXT), 1, 100) + S(c, SZ_GAP_ROW);
    if (slot < c->tmin) slot = c->tmin; /* buttons of at least 12 mm */
    int h = c->portrait ? S(c, SZ_BOTTOM_BAR_TALL) : S(c, SZ_BOTTOM_BAR);
    int need = c->portrait ? 2 * slot + S(c, SZ_GAP_SECTION) : slot + S(c, SZ_GAP_WIDE);
    return need > h ? need : h;
}

/* Touch-to-hear's banner: one line and a button, just above the bottom
 * bar while it is on (0 when off). */
static int banner_h(const ctx *c)
{
    if (!c->in->explore || c->in->notice || c->in->staff) return 0;
    int h = ui_line_h_at(c, S(c, SZ_TEXT), 1, 100) + S(c, SZ_BANNER_PAD);
    return h > c->tmin + S(c, SZ_GAP) ? h : c->tmin + S(c, SZ_GAP);
}

/* What the content leaves free at the bottom: the bar, and the banner. */
int ui_bottom_h(const ctx *c)
{
    return bar_h(c) + banner_h(c);
}

/* The row of "Earlier" and "More" buttons on a paged screen: as tall as a
 * bar button. */
int ui_scroll_row_h(const ctx *c)
{
    int h = ui_line_h_at(c, S(c, SZ_TEXT), 1, 100) + S(c, SZ_GAP);
    return h > c->tmin ? h : c->tmin;
}

/* Where slot i (0..3) of the bottom bar is: one row of four, or in portrait
 * two rows of two. Slots keep their places on every screen. */
void ui_bar_slot(ctx *c, int i, int *x, int *y, int *w, int *h)
{
    c->has_bar = 1;
    int W = c->f->w, H = c->f->h, m = c->m, top = H - bar_h(c);
    if (c->portrait) {
        *w = (W - 3 * m) / 2;
        *h = (bar_h(c) - S(c, SZ_GAP_SECTION)) / 2;
        *x = m + (i % 2) * (*w + m);
        *y = top + S(c, SZ_PAD) + (i / 2) * (*h + S(c, SZ_PAD));
    } else {
        *w = (W - 5 * m) / 4;
        *h = bar_h(c) - S(c, SZ_GAP_WIDE);
        *x = m + i * (*w + m);
        *y = top + S(c, SZ_PAD);
    }
}

/* Bars are laid out at their own (100%) size; see ctx.bar. */
void ui_bar_begin(ctx *c)
{
    c->bar = c->ts, c->ts = 100;
}

void ui_bar_end(ctx *c)
{
    c->ts = c->bar, c->bar = 0;
}

void ui_top_bar(ctx *c, int with_progress)
{
    ui_bar_begin(c);
    top_bar_at(c, with_progress);
    ui_bar_end(c);
}

static void top_bar_at(ctx *c, int with_progress)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, th = ui_top_h(c), m = c->m;
    ui_rect(c, 0, 0, W, th, t->bar, t->bar, 0, 0);
    int right = W - m - c->corner_w;
    if (fm->nlangs > 1 &&
        (c->v->screen == HYS_SCREEN_QUESTION || c->v->screen == HYS_SCREEN_REVIEW)) {
        /* as wide as the language's name needs, up to a third of the screen */
        const char *name = hys_lang_autonym(&fm->langs[c->v->lang]);
        int named, bw = lang_button_w(c, &named);
        int lh = 48 * th / 60 > c->tmin ? 48 * th / 60 : c->tmin;
        int nlh = ui_line_h(c, S(c, SZ_TEXT), 1) +
                  S(c, SZ_GAP_SMALL); /* the name's own line (Nastaliq is tall) */
        if (lh < nlh) lh = nlh;
        if (lh > th - 4) lh = th - 4;
        /* when the name is too big for the bar, or leaves no room for the
         * progress, the globe alone (its name is heard) */
        int pw = with_progress ? progress_w(c, c->v->progress_pos, c->v->progress_total) : 0;
        if (right - bw - m < m + pw) named = 0;
        if (!named) bw = lh;
        right -= bw;
        c->group = HYS_READ_TOP;
        ui_button(c,
                  &(ui_item){.id = "button:language",
                             .action = HYS_ACT_LANGUAGE_MENU,
                             .label = named ? name : NULL,
                             .meaning = tr(c, "Choose another language"),
                             .say = !named ? name : NULL},
                  right, (th - lh) / 2, bw, lh, "language", B_NORMAL);
        c->group = HYS_READ_CONTENT;
        right -= m;
    }
    c->top_free = right;
    if (!with_progress) return;
    char buf[64];
    snprintf(buf, sizeof buf, tr(c, "%d of %d"), c->v->progress_pos, c->v->progress_total);
    int px = S(c, SZ_TEXT);
    int tw = ui_text_w(c, buf, strlen(buf), px, 1);
    char said[96];
    snprintf(said, sizeof said, tr(c, "Question %d of %d"), c->v->progress_pos,
             c->v->progress_total);
    c->group = HYS_READ_HEADING;
    ui_text_box_heard(c, said, NULL, buf, m, 0, tw + 4, th, px, 1, t->text, ALIGN_START, 1);
    c->group = HYS_READ_CONTENT;
    /* dots: filled for done and current (current larger), rings for the rest */
    int n = c->v->progress_total;
    int x = m + tw + S(c, SZ_PROGRESS_LEAD), d = S(c, SZ_PROGRESS_DOT), gap = S(c, SZ_GAP_ROW);
    if (n <= 0 || x + n * (d + gap) > right) return;
    for (int i = 1; i <= n; i++) {
        int cur = i == c->v->progress_pos, size = cur ? S(c, SZ_PROGRESS_NOW) : d;
        int cy = th / 2 - size / 2;
        if (i <= c->v->progress_pos)
            ui_rect(c, x, cy, size, size, t->text, t->text, 0, size / 2);
        else
            ui_rect(c, x, cy, size, size, t->bar, t->text, S(c, SZ_LINE_BOLD), size / 2);
        x += size + gap;
    }
}

/* The bottom bar: its ground, and a button in each of its four fixed
 * slots that has one (slot.item.id set): 0 at the start (Back), 1 and 2 in
 * the middle, 3 the main one at the end. */
void ui_bar_buttons(ctx *c, const ui_slot slots[4])
{
    ui_bar_begin(c);
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, bh = ui_bottom_h(c);
    ui_rect(c, 0, H - bh, W, bh, t->bar, t->bar, 0, 0);
    c->group = HYS_READ_BOTTOM;
    for (int i = 0; i < 4; i++) {
        if (!slots[i].item.id) continue;
        int x, y, w, h;
        ui_bar_slot(c, i, &x, &y, &w, &h);
        ui_button(c, &slots[i].item, x, y, w, h, slots[i].icon, slots[i].style);
    }
    c->group = HYS_READ_CONTENT;
    ui_bar_end(c);
}

/* The bottom bar's middle slots of a screen shown a page at a time (when it
 * has more than one): the earlier page, and the next, each switched off at
 * its end. */
void ui_page_slots(ui_slot s[4], int page, int pages, const char *up, const char *down)
{
    if (pages <= 1) return;
    s[1] = (ui_slot){
        {.id = "button:page-up", .action = HYS_ACT_PAGE, .arg = -1, .label = up, .off = page <= 0},
        NULL,
        B_NORMAL};
    s[2] = (ui_slot){{.id = "button:page-down",
                      .action = HYS_ACT_PAGE,
                      .arg = 1,
                      .label = down,
                      .off = page >= pages - 1},
                     NULL,
                     B_NORMAL};
}

/* Back | I don't understand | Skip | Next, always in the same places. */
void ui_bottom_bar(ctx *c, int back, int dont, int skip, int next, const char *next_label,
                   const char *next_icon, hys_action next_action)
{
    ui_slot s[4] = {{{0}, NULL, B_NORMAL}};
    if (back)
        s[0] = (ui_slot){{.id = "button:back",
                          .action = HYS_ACT_BACK,
                          .label = tr(c, "Back"),
                          .meaning = tr(c, "Go back one step")},
                         "back",
                         B_NORMAL};
    if (dont)
        s[1] =
            (ui_slot){{.id = "button:dont-understand",
                       .action = HYS_ACT_DONT_UNDERSTAND,
                       .label = tr(c, "I don't understand"),
                       .meaning = tr(c, "Tell us this question is hard to understand, and go on")},
                      "dont-understand",
                      B_NORMAL};
    if (skip)
        s[2] = (ui_slot){{.id = "button:skip",
                          .action = HYS_ACT_SKIP,
                          .label = tr(c, "Skip"),
                          .meaning = tr(c, "Go on without answering")},
                         "skip",
                         B_NORMAL};
    if (next >= 0) {
        const char *id = next_action == HYS_ACT_NEXT         ? "button:next"
                         : next_action == HYS_ACT_FINISH     ? "button:finish"
                         : next_action == HYS_ACT_START      ? "button:start"
                         : next_action == HYS_ACT_STILL_HERE ? "button:still-here"
                         : next_action == HYS_ACT_DISMISS    ? "notice:ok"
                                                             : "button:done";
        const char *meaning = !next ? tr(c, "Choose an answer first")
                              : next_action == HYS_ACT_START
                                  ? tr(c, "Start answering the questions")
                                  : NULL;
        s[3] = (ui_slot){{.id = id,
                          .action = next_action,
                          .label = next_label,
                          .off = !next,
                          .meaning = meaning},
                         next_icon,
                         B_PRIMARY};
    }
    ui_bar_buttons(c, s);
}

/* The corner buttons' side: 76 design units, and never under the smallest target. */
static int corner_side(const ctx *c)
{
    int b = S(c, SZ_CORNER);
    return b < c->tmin ? c->tmin : b;
}

/* The top bar's language button: how wide it is, and whether the name fits
 * in it (*named; else the globe alone, its name heard). */
static int lang_button_w(const ctx *c, int *named)
{
    const char *name = hys_lang_autonym(&c->in->form->langs[c->v->lang]);
    int nw = ui_text_w(c, name, strlen(name), S(c, SZ_TEXT), 1);
    int bw = nw + S(c, SZ_GAP_LARGE) + S(c, SZ_BUTTON_ICON_COL);
    if (bw < S(c, SZ_LANG_BUTTON_MIN)) bw = S(c, SZ_LANG_BUTTON_MIN);
    if (bw > c->f->w / 3) bw = c->f->w / 3;
    *named = nw <= bw - S(c, SZ_GAP_LARGE);
    return bw;
}

/* The corner's buttons, from the end of the top bar inwards: Read aloud,
 * Sound, Bigger text and Help. */
enum { CORNER_HEAR, CORNER_SOUND, CORNER_DISPLAY, CORNER_HELP, CORNER_MAX };

typedef struct {
    ui_item item;
    const char *icon;
    int w; /* with its words beside the icon, or the icon alone (as wide as tall) */
} corner_button;

/* What the top bar needs left of the corner on this screen (at the bar's
 * own text size): the progress and the language button, or a quick poll's
 * languages. The corner's words give way to them. */
static int corner_left_need(const ctx *c)
{
    const hys_form *fm = c->in->form;
    const hys_journey_view *v = c->v;
    int W = c->f->w, m = c->m, named;
    if (v->screen == HYS_SCREEN_QUESTION && v->quick) {
        if (fm->nlangs > 3) return S(c, SZ_LANG_BUTTON_WIDE) + m;
        if (fm->nlangs > 1) return fm->nlangs * (S(c, SZ_LANG_BUTTON_W) + S(c, SZ_GAP_ROW)) + m;
        return W / 2; /* the question's words beside the corner */
    }
    if (v->screen != HYS_SCREEN_QUESTION && v->screen != HYS_SCREEN_REVIEW) return 0;
    int need = progress_w(c, v->progress_total, v->progress_total) + m;
    if (fm->nlangs > 1) need += lang_button_w(c, &named) + m;
    return need;
}

/* The corner's buttons on this screen, with their widths: words beside
 * each icon on the resident's screens, as far as the top bar has room
 * at *px (design units, never growing with the resident's text size);
 * when even the smallest size is too wide, Sound's words give way first,
 * then Help's, Bigger text's and Read aloud's last. Returns how many. */
static int corner_buttons(const ctx *c0, corner_button out[CORNER_MAX], int *px)
{
    ctx at = *c0; /* measured at the bar's own size */
    const ctx *c = &at;
    at.ts = 100;
    hys_screen screen = c->v->screen;
    int resident = !c->in->notice && !c->in->staff;
    /* (a notice is over the journey's screen: its settings would change
     * what cannot be seen) */
    int settings =
        screen != HYS_SCREEN_STILL_THERE && !hys_screen_is_overlay(screen) && !c->in->notice;
    int reading = c->v->read_aloud, n = 0, slot[CORNER_MAX] = {-1, -1, -1, -1};
    if (c->in->can_speak) {
        slot[CORNER_HEAR] = n;
        out[n++] = (corner_button){
            {.id = "button:hear",
             .action = HYS_ACT_HEAR,
             .label = !resident ? NULL
                      : reading ? tr(c, "Hear again")
                                : tr(c, "Read aloud"),
             .meaning = reading ? tr(c, "Hear this screen again")
                                : tr(c, "Hear this screen, and every screen after it")},
            "speaker",
            0};
    }
    if (c->in->can_speak && settings) {
        slot[CORNER_SOUND] = n;
        out[n++] = (corner_button){{.id = "button:sound",
                                    .action = HYS_ACT_SOUND_MENU,
                                    .label = resident ? tr(c, "Sound") : NULL,
                                    .meaning = tr(c, "Read aloud, volume and speed")},
                                   "sound-settings",
                                   0};
    }
    if (settings) {
        slot[CORNER_DISPLAY] = n;
        out[n++] = (corner_button){{.id = "button:display",
                                    .action = HYS_ACT_DISPLAY_MENU,
                                    .label = resident ? tr(c, "Bigger text") : NULL,
                                    .meaning = tr(c, "Text size and colours")},
                                   "display-settings",
                                   0};
    }
    if (settings && resident) {
        slot[CORNER_HELP] = n;
        out[n++] = (corner_button){{.id = "button:help",
                                    .action = HYS_ACT_HELP_MENU,
                                    .label = tr(c, "Help"),
                                    .meaning = tr(c, "What to do on this screen")},
                                   "info",
                                   0};
    }
    int b = corner_side(c), pad = S(c, SZ_GAP_ROW), gap = S(c, SZ_GAP_ROW), total = 0;
    int isz = b - 2 * pad < S(c, SZ_BUTTON_ICON) ? b - 2 * pad : S(c, SZ_BUTTON_ICON);
    int budget = c->f->w - 2 * c->m - corner_left_need(c);
    /* the words at the bar's size; else smaller (ui_button() fits them to
     * the width given); else some give way */
    static const int sizes[] = {SZ_TEXT, SZ_TEXT_CORNER, SZ_TEXT_CORNER_MIN};
    for (int k = 0; k < 3 && (k == 0 || total > budget); k++) {
        total = 0, *px = sizes[k];
        for (int i = 0; i < n; i++) {
            const char *l = out[i].item.label;
            out[i].w = l ? ui_text_w(c, l, strlen(l), S(c, sizes[k]), 1) + isz + 3 * pad : b;
            if (l && out[i].w <= 3 * isz) out[i].w = 3 * isz + 1; /* (ui_button() shows the icon) */
            total += out[i].w + gap;
        }
    }
    static const int give_way[] = {CORNER_SOUND, CORNER_HELP, CORNER_DISPLAY, CORNER_HEAR};
    for (int k = 0; k < CORNER_MAX && total > budget; k++) {
        int i = slot[give_way[k]];
        if (i < 0 || !out[i].item.label) continue;
        total -= out[i].w - b;
        out[i].w = b, out[i].item.label = NULL; /* its words are heard */
    }
    return n;
}

/* The Read aloud, Sound, Bigger text and Help buttons, in the top right
 * corner of every screen. */
void ui_corner(ctx *c)
{
    corner_button bs[CORNER_MAX];
    int px, n = corner_buttons(c, bs, &px);
    int W = c->f->w, th = ui_top_h(c), b = corner_side(c), gap = S(c, SZ_GAP_ROW);
    if (b > th - 8) b = th - 8;
    int x = W - c->m, y = (th - b) / 2;
    ui_bar_begin(c);
    int resident = c->bar;       /* (the resident's text size, for ui_bar_end) */
    c->bar = px * 100 / SZ_TEXT; /* (the words at the size their widths were measured at) */
    c->group = HYS_READ_TOP;
    for (int i = 0; i < n; i++) {
        x -= bs[i].w;
        ui_button(c, &bs[i].item, x, y, bs[i].w, b, bs[i].icon, B_NORMAL);
        x -= gap;
    }
    c->group = HYS_READ_CONTENT;
    c->bar = resident;
    ui_bar_end(c);
}

/* How wide the corner buttons are, so headings keep clear of them. */
int ui_corner_width(const ctx *c)
{
    corner_button bs[CORNER_MAX];
    int px, n = corner_buttons(c, bs, &px), w = c->m;
    for (int i = 0; i < n; i++)
        w += bs[i].w + S(c, SZ_GAP_ROW);
    return w;
}

/* While touch-to-hear is on, a banner above the bottom bar says so, with a
 * button to switch it off (a double tap, like everything else then). */
void ui_banner(ctx *c)
{
    int bh = banner_h(c);
    if (!bh) return;
    const hys_theme *t = c->t;
    /* above the bottom bar; at the foot of a screen with none (welcome) */
    int W = c->f->w, m = c->m, y = c->f->h - (c->has_bar ? ui_bottom_h(c) : bh);
    ui_bar_begin(c);
    ui_rect(c, 0, y, W, bh, t->panel, t->edge, S(c, SZ_LINE), 0);
    const char *off = tr(c, "Switch off");
    int bw = ui_text_w(c, off, strlen(off), S(c, SZ_TEXT), 1) + S(c, SZ_PAD_WORDS),
        bhh = bh - S(c, SZ_GAP);
    if (bw < S(c, SZ_BANNER_BUTTON_W)) bw = S(c, SZ_BANNER_BUTTON_W);
    if (bw > W / 3) bw = W / 3;
    c->group = HYS_READ_HEADING;
    ui_button(c,
              &(ui_item){.id = "button:explore-off",
                         .action = HYS_ACT_EXPLORE,
                         .label = off,
                         .meaning = tr(c, "Switch off touch to hear")},
              W - m - bw, y + S(c, SZ_GAP_SMALL), bw, bhh, NULL, B_NORMAL);
    const char *words = tr(c, "Touch to hear is on: tap twice to choose");
    ui_text_box(c, words, m, y, W - 3 * m - bw, bh, S(c, SZ_TEXT_BANNER), 1, t->on_panel,
                ALIGN_START, 1);
    c->group = HYS_READ_CONTENT;
    ui_bar_end(c);
}

void ui_curtain(ctx *c)
{
    if (!c->in->curtain || c->in->notice || c->in->staff) return; /* (theirs are not private) */
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m, gr = c->group;
    c->group = -1; /* (said when it is hidden, not as part of the screen) */
    ui_bar_begin(c);
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    const char *words = tr(c, "The screen is hidden while you listen.");
    int isz = S(c, SZ_PIC_NOTICE), gap = S(c, SZ_GAP);
    int th = ui_text_need(c, words, S(c, SZ_TEXT_LEAD), 1, W - 2 * m);
    int y = (H - isz - gap - th) / 2;
    ui_icon(c, (W - isz) / 2, y, isz, isz, "headphones");
    ui_text_box(c, words, m, y + isz + gap, W - 2 * m, th, S(c, SZ_TEXT_LEAD), 1, t->text,
                ALIGN_CENTER, 0);
    ui_bar_end(c);
    c->group = gr;
}

const char *ui_refused_words(const ctx *c, char *buf, size_t n)
{
    const hys_journey_view *v = c->v;
    if (c->in->notice || !v->refused || v->screen != HYS_SCREEN_QUESTION || c->in->staff)
        return NULL;
    const hys_form *fm = c->in->form;
    const char *m = hys_journey_text(c->in->journey, &fm->questions[v->question].constraint_msg,
                                     v->lang, buf, n);
    return m ? m : tr(c, HYS_REFUSED_WORDS);
}

int ui_message_h(ctx *c, const char *text, int w)
{
    return ui_text_need(c, text, S(c, SZ_TEXT), 1, w - 2 * S(c, SZ_GAP)) + 2 * S(c, SZ_GAP);
}

int ui_message_box(ctx *c, const char *text, int x, int y, int w)
{
    const hys_theme *t = c->t;
    int pad = S(c, SZ_GAP), h = ui_message_h(c, text, w);
    ui_rect(c, x, y, w, h, t->primary, t->edge, S(c, SZ_LINE_BOLD), S(c, SZ_ROUND_BUTTON));
    ui_text_box(c, text, x + pad, y + pad, w - 2 * pad, h - 2 * pad, S(c, SZ_TEXT), 1,
                t->on_primary, ALIGN_CENTER, 0);
    return h;
}

static void hint_box(ctx *c, const char *text);

/* Why a switched-off button did nothing: a box just above the bottom bar
 * (a refused answer's message is the question screen's own, ui_refused_words). */
void ui_hint(ctx *c)
{
    if (c->in->notice) return;
    if (c->in->hint) hint_box(c, c->in->hint);
}

static void hint_box(ctx *c, const char *text)
{
    int W = c->f->w, m = c->m;
    int h = ui_message_h(c, text, W - 4 * m), y = c->f->h - ui_bottom_h(c) - h - S(c, SZ_GAP_ROW);
    int gr = c->group;
    c->group = -1; /* (it is said at once, not as part of the screen) */
    ui_message_box(c, text, 2 * m, y, W - 4 * m);
    c->group = gr;
}

/* Every switched-off target says why, when it is tapped. */
void ui_explain_off(ctx *c)
{
    for (int i = 0; i < c->f->ntargets; i++) {
        hys_target *t = &c->f->targets[i];
        if (t->enabled || t->why[0]) continue;
        size_t n = strlen(t->id);
        const char *why = n > 3 && !strcmp(t->id + n - 3, "-up")     ? "This is the first page"
                          : n > 5 && !strcmp(t->id + n - 5, "-down") ? "This is the last page"
                                                                     : "This cannot be used now";
        snprintf(t->why, sizeof t->why, "%s", tr(c, why));
    }
}
