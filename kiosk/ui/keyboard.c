/* keyboard: the on-screen keyboards (Latin, Arabic, Urdu, Bengali,
 * Gurmukhi, digits), a page at a time. */
#include "ui.h"

static void keys(ctx *c, const hys_question *q, int x, int y, int w, int h);

/* A keyboard is a few pages of rows; the page key moves to the next page. */
typedef struct kb_page {
    const char *rows[5];
    const char *label; /* on the key that leads to this page */
    const char *say;   /* what that key says */
    int ltr;           /* laid out left to right even on right-to-left screens */
} kb_page;

static const kb_page kb_latin[] = {
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
    {{"áàâäąćçčéèêë", "ęěíîïłńñóôöő", "øśšșțúüűůŵýŷ", "źżžßãåřă"},
     "áéł",
     "Letters with accents",
     1},
};

/* Arabic and Urdu letters in alphabetical order: easier to find than a
 * typist's layout for someone who rarely types */
static const kb_page kb_arabic[] = {
    {{"ابتثجحخدذرز", "سشصضطظعغفقك", "لمنهويءةىئؤأإآ"}, "أبت", "Arabic letters", 0},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};

static const kb_page kb_urdu[] = {
    {{"ابپتٹثجچحخدڈذ", "رڑزژسشصضطظعغف", "قکگلمنںوہھءیےۓ"}, "ابپ", "Urdu letters", 0},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};

static const kb_page kb_bengali[] = {
    {{"অআইঈউঊঋএঐওঔকখগঘ", "ঙচছজঝঞটঠডঢণতথদধ", "নপফবভমযরলশষসহ"}, "অআক", "Bengali letters", 1},
    {{"ািীুূৃেৈোৌ্", "ংঃঁড়ঢ়য়ৎ"}, "◌া", "Bengali vowel signs", 1},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};

static const kb_page kb_gurmukhi[] = {
    {{"ੳਅੲਸਹਕਖਗਘਙਚਛਜਝ", "ਞਟਠਡਢਣਤਥਦਧਨਪਫ", "ਬਭਮਯਰਲਵੜਸ਼ਖ਼ਗ਼ਜ਼ਫ਼"}, "ਅਸਕ", "Punjabi letters", 1},
    {{"ਾਿੀੁੂੇੈੋੌੰਂ", "ੱ਼੍"}, "◌ਾ", "Punjabi vowel signs", 1},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};

/* The number pad's keys in the order they are read, "." for the decimal
 * point and "<" for Delete; laid out as a telephone's 3 by 4 where the keys
 * are tall enough so, else in 2 rows of 6, else in one row. */
static const char kb_pad[] = "1234567890.<";

/* The keyboard for the screen's language, by its script. */
static const kb_page *kb_for(const ctx *c, int *npages)
{
    const char *l = c->lang;
    const kb_page *k = kb_latin;
    int n = 2;
    if (!strncmp(l, "ur", 2))
        k = kb_urdu, n = 2;
    else if (hys_lang_is_rtl(l))
        k = kb_arabic, n = 2;
    else if (!strncmp(l, "bn", 2))
        k = kb_bengali, n = 3;
    else if (!strncmp(l, "pa", 2))
        k = kb_gurmukhi, n = 3;
    *npages = n;
    return k;
}

/* How many characters s has (a letter with its marks counts each). */
static int letters(const char *s)
{
    int n = 0;
    for (size_t i = 0, len = strlen(s); i < len; n++) {
        unsigned cp;
        size_t l = hys_utf8_decode(s + i, len - i, &cp);
        i += l ? l : 1;
    }
    return n;
}

void ui_key(ctx *c, const ui_item *it, int x, int y, int w, int h)
{
    const hys_theme *t = c->t;
    const char *label = it->label;
    hys_color bg = pressed(c, it->id) ? t->pressed : t->button;
    ui_rect(c, x, y, w, h, bg, t->edge, S(c, SZ_LINE_BOLD), S(c, SZ_ROUND_KEY));
    c->inner = 1;
    /* letter caps in the Arabic script use the plain Naskh style (as Urdu
     * phone keyboards do): a single Nastaliq letter needs twice the height;
     * words (Space, Delete) keep the language's own style where the key is
     * tall enough for it at the smallest size words shrink to (60%) */
    const char *was = c->lang;
    int px = c->bar ? S(c, SZ_TEXT_KEY) * c->bar / 100 : S(c, SZ_TEXT_KEY);
    if (hys_lang_is_rtl(c->lang) &&
        (letters(label) <= 2 || ui_line_h(c, px, 1) * 6 / 10 > h - S(c, SZ_GAP_TINY)))
        c->lang = "ar";
    ui_text_box(c, label, x, y, w, h, px, 1, t->on_button, ALIGN_CENTER, 1);
    c->lang = was;
    c->inner = 0;
    ui_target(c, it, x, y, w, h);
}

void ui_keyboard(ctx *c, const hys_question *q, int x, int y, int w, int h)
{
    c->quiet = 1;    /* keys are heard one at a time, not read with the screen */
    ui_bar_begin(c); /* keys keep their size; their letters grow as far as they fit */
    keys(c, q, x, y, w, h);
    ui_bar_end(c);
    c->quiet = 0;
}

static void number_pad(ctx *c, int decimal, int x, int y, int w, int h)
{
    int gap = S(c, SZ_PAD), min_key = c->tmin + 4;
    static const int shapes[3][2] = {{3, 4}, {6, 2}, {12, 1}}; /* columns, rows */
    int cols = 3, rows = 4, kw = 0, kh = 0;
    for (int i = 0; i < 3; i++) {
        cols = shapes[i][0], rows = shapes[i][1];
        kw = (w - (cols - 1) * gap) / cols, kh = (h - (rows - 1) * gap) / rows;
        if (kh >= min_key && kw >= min_key) break;
    }
    if (kh < min_key || kw < min_key) ui_unfit(c->f, "no room for the number keys");
    if (kw > S(c, SZ_KEY_MAX_W)) kw = S(c, SZ_KEY_MAX_W);
    if (kh > S(c, SZ_KEY_MAX_H) * 2) kh = S(c, SZ_KEY_MAX_H) * 2;
    int x0 = x + (w - (cols * kw + (cols - 1) * gap)) / 2;
    int y0 = y + (h - (rows * kh + (rows - 1) * gap)) / 2;
    for (int i = 0; kb_pad[i]; i++) {
        char d = kb_pad[i], id[32], lab[4] = {d, 0};
        if (d == '.' && !decimal) continue;
        /* the telephone's last row: the point, 0 and Delete */
        int at = cols == 3 ? (d == '.' ? 9 : d == '0' ? 10 : d == '<' ? 11 : i) : i;
        int r = at / cols, k = at % cols;
        int kx = x0 + (c->rtl ? cols - 1 - k : k) * (kw + gap); /* 1 2 3 in every language */
        int ky = y0 + r * (kh + gap);
        snprintf(id, sizeof id, "key:%s", d == '<' ? "backspace" : d == '.' ? "point" : lab);
        ui_key(c,
               &(ui_item){.id = id,
                          .action = d == '<' ? HYS_ACT_ERASE : HYS_ACT_KEY,
                          .arg = d == '<' ? 0 : d,
                          .label = d == '<' ? tr(c, "Delete") : lab},
               kx, ky, kw, kh);
    }
}

static void keys(ctx *c, const hys_question *q, int x, int y, int w, int h)
{
    int gap = S(c, SZ_PAD);
    char id[64], lab[8];
    if (hys_qtype_is_number(q->type)) {
        number_pad(c, q->type == HYS_Q_DECIMAL, x, y, w, h);
        return;
    }
    int npages;
    const kb_page *pages = kb_for(c, &npages);
    int page = c->v->kb_page / 16, part = c->v->kb_page % 16;
    if (page < 0 || page >= npages) page = 0, part = 0;
    const kb_page *pg = &pages[page];
    /* the page's letters, and where its written rows break */
    enum { MAXK = 128 };
    size_t at[MAXK], len[MAXK];
    unsigned cps[MAXK];
    int nk = 0, brk[6] = {0}, nrows = 0;
    for (; nrows < 5 && pg->rows[nrows]; nrows++) {
        const char *row = pg->rows[nrows];
        size_t rl = strlen(row);
        for (size_t i = 0; i < rl && nk < MAXK;) {
            size_t l = hys_utf8_decode(row + i, rl - i, &cps[nk]);
            if (!l) l = 1;
            at[nk] = i, len[nk] = l;
            nk++;
            i += l;
        }
        brk[nrows + 1] = nk;
    }
    /* keys are at least 48 px each way: the written rows are kept when they
     * fit, else the letters flow into as many keys a row as fit, and into
     * parts of the page that the page key steps through */
    const int min_key = c->tmin + 4;
    int per_row = 11;
    for (int r = 0; r < nrows; r++)
        if (brk[r + 1] - brk[r] > per_row) per_row = brk[r + 1] - brk[r];
    int flow = (w - (per_row - 1) * gap) / per_row < min_key;
    if (flow) per_row = (w + gap) / (min_key + gap);
    if (per_row < 1) per_row = 1;
    int rows_fit = (h + gap) / (min_key + gap) - 1;
    if (rows_fit < 1) rows_fit = 1;
    int rows_needed = flow ? (nk + per_row - 1) / per_row : nrows;
    if (rows_needed > rows_fit) flow = 1;
    int per_part = flow ? per_row * rows_fit : nk;
    int parts = per_part > 0 ? (nk + per_part - 1) / per_part : 1;
    if (part >= parts) part = 0;
    int first = part * per_part, last = first + per_part < nk ? first + per_part : nk;
    int rows = flow ? (last - first + per_row - 1) / per_row : nrows;
    int kh = (h - rows * gap) / (rows + 1);
    if (kh < min_key) ui_unfit(c->f, "no room for keys"); /* the screen is paged instead */
    if (kh > S(c, SZ_KEY_MAX_H) && kh > min_key)
        kh = S(c, SZ_KEY_MAX_H) > min_key ? S(c, SZ_KEY_MAX_H) : min_key;
    int kw = (w - (per_row - 1) * gap) / per_row;
    int full = per_row * kw + (per_row - 1) * gap; /* the bottom row spans the same */
    /* a left-to-right page on a right-to-left screen is laid out reversed, so
     * that the mirror puts it back */
    int flip = c->rtl && pg->ltr;
    for (int r = 0; r < rows; r++) {
        int from = flow ? first + r * per_row : brk[r];
        int to = flow ? (from + per_row < last ? from + per_row : last) : brk[r + 1];
        int n = to - from;
        int kx = x + (w - (n * kw + (n - 1) * gap)) / 2;
        for (int k = from; k < to; k++) {
            const char *row = pg->rows[0];
            for (int rr = 0; rr < nrows; rr++)
                if (k >= brk[rr] && k < brk[rr + 1]) row = pg->rows[rr];
            snprintf(lab, sizeof lab, "%.*s", (int)len[k], row + at[k]);
            snprintf(id, sizeof id, "key:%s", lab);
            int kxx = flip ? 2 * x + w - kx - kw : kx;
            ui_key(c, &(ui_item){.id = id, .action = HYS_ACT_KEY, .arg = (int)cps[k], .label = lab},
                   kxx, y + r * (kh + gap), kw, kh);
            kx += kw + gap;
        }
    }
    int ry = y + rows * (kh + gap);
    int side = full * 2 / 11, x0 = x + (w - full) / 2;
    int dw = ui_text_w(c, tr(c, "Delete"), strlen(tr(c, "Delete")), S(c, SZ_TEXT_KEY), 1) +
             S(c, SZ_GAP_LARGE);
    if (side < dw) side = dw < full / 3 ? dw : full / 3; /* the word on the key fits */
    if (side < min_key) side = min_key;
    /* the page key: the next part of this page, or the next page */
    int next_page = part + 1 < parts ? page : (page + 1) % npages;
    int next_part = part + 1 < parts ? part + 1 : 0;
    const kb_page *next = &pages[next_page];
    ui_key(c,
           &(ui_item){.id = "key:accents",
                      .action = HYS_ACT_KB_PAGE,
                      .arg = next_page * 16 + next_part,
                      .label = part + 1 < parts ? "…" : next->label,
                      .say = tr(c, part + 1 < parts ? "More letters" : next->say)},
           x0, ry, side, kh);
    int space_w = full - 2 * side - 2 * gap;
    ui_key(
        c,
        &(ui_item){.id = "key:space", .action = HYS_ACT_KEY, .arg = ' ', .label = tr(c, "Space")},
        x0 + side + gap, ry, space_w, kh);
    ui_key(c, &(ui_item){.id = "key:backspace", .action = HYS_ACT_ERASE, .label = tr(c, "Delete")},
           x0 + full - side, ry, side, kh);
}
