/* screen: SDL window or off-screen surface, draw list -> pixels (see screen.h).
 * Text is rendered once per (string, size, weight, colour) and kept as a
 * texture; pictures are loaded once per (file, size). */
#include "screen.h"

#include "../text/bidi.h"
#include "../util/alloc.h"
#include "../util/text.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#define FONT_SLOTS 64
#define TEXT_SLOTS 1024
#define IMAGE_SLOTS 256
#define WIDTH_SLOTS 8192 /* measured widths kept (layout measures the same words often) */
/* Pixels kept in rendered text and pictures (4 bytes each): a few screens'
 * worth, so memory stays flat however many sizes, colours and languages
 * residents choose over months (the monkey soak found it growing to 130 MB
 * when only the number of entries was capped) */
#define TEXT_BYTES (12L << 20)
#define IMAGE_BYTES (12L << 20)

/* Font families: a script, or a script as one language writes it. */
typedef enum { FAM_LATIN, FAM_ARABIC, FAM_URDU, FAM_BENGALI, FAM_GURMUKHI, FAM_COUNT } family;

static const char *const family_file[FAM_COUNT] = {"AtkinsonHyperlegibleNext", "NotoSansArabic",
                                                   "NotoNastaliqUrdu", "NotoSansBengali",
                                                   "NotoSansGurmukhi"};

typedef struct font_slot {
    int fam, px, bold;
    TTF_Font *font;
} font_slot;

typedef struct text_slot {
    char *text;
    int px, bold, rtl;
    char lang[16];
    SDL_Color color;
    SDL_Texture *tex;
    int w, h;
} text_slot;

/* A measured width, found by a 64-bit hash of (language, size, weight, text). */
typedef struct width_slot {
    unsigned long long key;
    int width; /* 0: empty */
} width_slot;

typedef struct image_slot {
    char *path;
    int w, h;         /* requested box */
    SDL_Texture *tex; /* NULL when the file could not be drawn */
    int tw, th;
} image_slot;

struct hys_sdl_screen {
    SDL_Window *win;
    SDL_Surface *surface; /* offscreen target */
    SDL_Renderer *r;
    char fonts[1024];
    int missing[FAM_COUNT]; /* a font file that is not there: said once, Latin used */
    font_slot font[FONT_SLOTS];
    int nfont;
    text_slot text[TEXT_SLOTS];
    int ntext;
    long text_bytes;
    image_slot image[IMAGE_SLOTS];
    int nimage;
    long image_bytes;
    char lang[16]; /* the language being measured (see hys_measure.set_lang) */
    hys_measure measure;
    width_slot widths[WIDTH_SLOTS];
};

static TTF_Font *font_for(hys_sdl_screen *s, int fam, int px, int bold)
{
    if (px < 4) px = 4;
    if (s->missing[fam]) fam = FAM_LATIN;
    for (int i = 0; i < s->nfont; i++)
        if (s->font[i].fam == fam && s->font[i].px == px && s->font[i].bold == bold) {
            font_slot hit = s->font[i]; /* to the back: the oldest unused go first */
            memmove(&s->font[i], &s->font[i + 1], (size_t)(s->nfont - 1 - i) * sizeof hit);
            s->font[s->nfont - 1] = hit;
            return hit.font;
        }
    char path[1200];
    snprintf(path, sizeof path, "%s/%s-%s.ttf", s->fonts, family_file[fam],
             bold ? "Bold" : "Regular");
    TTF_Font *f = TTF_OpenFont(path, px);
    if (!f) {
        fprintf(stderr, "haveyoursay: cannot open font %s: %s\n", path, TTF_GetError());
        if (fam == FAM_LATIN) return NULL;
        s->missing[fam] = 1;
        return font_for(s, FAM_LATIN, px, bold);
    }
    if (s->nfont == FONT_SLOTS) {
        /* forget the size used longest ago */
        TTF_CloseFont(s->font[0].font);
        memmove(&s->font[0], &s->font[1], (FONT_SLOTS - 1) * sizeof s->font[0]);
        s->nfont--;
    }
    s->font[s->nfont++] = (font_slot){fam, px, bold, f};
    return f;
}

/* How many of the run's characters font f has no glyph for. */
static int missing_glyphs(TTF_Font *f, const char *str, const hys_run *run)
{
    int miss = 0;
    for (size_t i = run->start; i < run->start + run->len;) {
        unsigned cp;
        size_t l = hys_utf8_decode(str + i, run->start + run->len - i, &cp);
        i += l ? l : 1;
        if (cp > ' ' && !TTF_GlyphIsProvided32(f, cp)) miss++;
    }
    return miss;
}

/* The font for a run: its script's, as the language writes it (Urdu in
 * Nastaliq); when that font lacks some of the run's characters, the bundled
 * font that lacks the fewest (font fallback). */
static TTF_Font *run_font(hys_sdl_screen *s, const char *str, const hys_run *run, const char *lang,
                          int px, int bold)
{
    int fam = FAM_LATIN;
    if (run->script == HYS_SCRIPT_ARABIC)
        fam = lang && !strncmp(lang, "ur", 2) ? FAM_URDU : FAM_ARABIC;
    else if (run->script == HYS_SCRIPT_BENGALI)
        fam = FAM_BENGALI;
    else if (run->script == HYS_SCRIPT_GURMUKHI)
        fam = FAM_GURMUKHI;
    TTF_Font *f = font_for(s, fam, px, bold);
    if (!f) return NULL;
    /* the Latin font has every ASCII character: nothing to look up */
    int ascii = fam == FAM_LATIN;
    for (size_t i = run->start; ascii && str && i < run->start + run->len; i++)
        ascii = !((unsigned char)str[i] & 0x80);
    int miss = str && !ascii ? missing_glyphs(f, str, run) : 0;
    for (int other = 0; miss > 0 && other < FAM_COUNT; other++) {
        TTF_Font *g = other != fam ? font_for(s, other, px, bold) : NULL;
        int m = g ? missing_glyphs(g, str, run) : miss;
        if (m < miss) f = g, miss = m;
    }
    TTF_SetFontDirection(f, run->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(f, hys_script_tag(run->script));
    return f;
}

/* The runs of a line, each with its font and width; the line's width. */
typedef struct line_runs {
    int n;
    hys_run run[HYS_BIDI_MAX_RUNS];
    int w[HYS_BIDI_MAX_RUNS];
    int width;
} line_runs;

static void runs_of(hys_sdl_screen *s, const char *str, size_t len, const char *lang, int px,
                    int bold, line_runs *lr)
{
    char buf[2048];
    /* right to left when the language is, and the line has a right-to-left
     * letter: words not yet translated (English) keep their own order */
    int rtl = 0;
    if (hys_lang_is_rtl(lang))
        for (size_t i = 0; i < len && !rtl;) {
            unsigned cp;
            size_t l = hys_utf8_decode(str + i, len - i, &cp);
            rtl = hys_script_of(cp) == HYS_SCRIPT_ARABIC;
            i += l ? l : 1;
        }
    size_t ascii = 0;
    while (ascii < len && !((unsigned char)str[ascii] & 0x80))
        ascii++;
    if (ascii == len && !rtl) { /* plain ASCII: one Latin run, no bidi work */
        lr->n = len ? 1 : 0;
        lr->run[0] = (hys_run){0, len, 0, HYS_SCRIPT_LATIN};
    } else {
        lr->n = hys_bidi_runs(str, len, rtl, lr->run, HYS_BIDI_MAX_RUNS);
    }
    lr->width = 0;
    for (int i = 0; i < lr->n; i++) {
        TTF_Font *f = run_font(s, str, &lr->run[i], lang, px, bold);
        size_t n = lr->run[i].len < sizeof buf ? lr->run[i].len : sizeof buf - 1;
        memcpy(buf, str + lr->run[i].start, n);
        buf[n] = '\0';
        int w = 0, h = 0;
        if (!f || TTF_SizeUTF8(f, buf, &w, &h) != 0) w = (int)n * px / 2;
        lr->w[i] = w;
        lr->width += w;
    }
}

/* FNV-1a over bytes, continued from h. */
static unsigned long long fnv(unsigned long long h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ULL;
    return h;
}

static int measure_width(void *ud, const char *str, size_t len, int px, int bold)
{
    hys_sdl_screen *s = ud;
    if (len == 0) return 0;
    int head[2] = {px, bold};
    unsigned long long key = fnv(14695981039346656037ULL, head, sizeof head);
    key = fnv(fnv(key, s->lang, strlen(s->lang) + 1), str, len);
    width_slot *slot = &s->widths[key % WIDTH_SLOTS];
    if (slot->width && slot->key == key) return slot->width;
    line_runs lr;
    runs_of(s, str, len, s->lang, px, bold, &lr);
    if (lr.width > 0) slot->key = key, slot->width = lr.width;
    return lr.width;
}

/* Lines are as tall as the tallest font the language may use (Nastaliq is tall). */
static int line_skip(hys_sdl_screen *s, const char *lang, int px, int bold)
{
    TTF_Font *f = font_for(s, FAM_LATIN, px, bold);
    int h = f ? TTF_FontLineSkip(f) : px * 5 / 4;
    int fam = -1;
    if (lang && !strncmp(lang, "ur", 2))
        fam = FAM_URDU;
    else if (hys_lang_is_rtl(lang))
        fam = FAM_ARABIC;
    else if (lang && !strncmp(lang, "bn", 2))
        fam = FAM_BENGALI;
    else if (lang && !strncmp(lang, "pa", 2))
        fam = FAM_GURMUKHI;
    /* Arabic-script fonts declare room for the tallest stacks (Nastaliq 2.5
     * times its size); measured ink of real sentences needs about 2.3 times
     * for Nastaliq and 1.1 for Noto Sans Arabic, and lines of Nastaliq may
     * touch a little, as in print */
    int want = fam == FAM_URDU ? px * 2 : fam == FAM_ARABIC ? px * 3 / 2 : 0;
    TTF_Font *g = fam >= 0 && !want ? font_for(s, fam, px, bold) : NULL;
    if (g && TTF_FontLineSkip(g) > want) want = TTF_FontLineSkip(g);
    return want > h ? want : h;
}

static int measure_line(void *ud, int px, int bold)
{
    hys_sdl_screen *s = ud;
    return line_skip(s, s->lang, px, bold);
}

static void measure_lang(void *ud, const char *code)
{
    hys_sdl_screen *s = ud;
    snprintf(s->lang, sizeof s->lang, "%s", code ? code : "");
}

hys_sdl_screen *hys_screen_open(const hys_screen_options *o, char *err, size_t errn)
{
    hys_sdl_screen *s = hys_calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    snprintf(s->fonts, sizeof s->fonts, "%s", o->fonts);
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errn, "cannot start SDL_ttf: %s", TTF_GetError());
        hys_free(s);
        return NULL;
    }
    int w = o->w > 0 ? o->w : 1280, h = o->h > 0 ? o->h : 800;
    if (o->offscreen) {
        s->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (s->surface) s->r = SDL_CreateSoftwareRenderer(s->surface);
    } else {
        Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_RESIZABLE;
        int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
        SDL_DisplayMode dm;
        if (o->fullscreen && SDL_GetDesktopDisplayMode(0, &dm) == 0) {
            /* a borderless window covering the screen at once; full screen
             * proper is asked for once the first frame is showing (see
             * hys_screen_full), since SDL under X11 then waits up to 100 ms
             * for a window manager, and a kiosk box may have none */
            x = y = 0;
            w = dm.w, h = dm.h;
            flags |= SDL_WINDOW_BORDERLESS;
        } else if (o->fullscreen) {
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        }
        s->win = SDL_CreateWindow("Have Your Say", x, y, w, h, flags);
        if (s->win) s->r = SDL_CreateRenderer(s->win, -1, 0);
        if (o->fullscreen) SDL_ShowCursor(SDL_DISABLE);
    }
    if (!s->r) {
        snprintf(err, errn, "cannot open the screen: %s", SDL_GetError());
        hys_screen_close(s);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(s->r, SDL_BLENDMODE_BLEND);
    s->measure.ud = s;
    s->measure.width = measure_width;
    s->measure.line_height = measure_line;
    s->measure.set_lang = measure_lang;
    if (!font_for(s, FAM_LATIN, 36, 0)) {
        snprintf(err, errn, "cannot open the fonts in %s", o->fonts);
        hys_screen_close(s);
        return NULL;
    }
    return s;
}

static void clear_text(hys_sdl_screen *s)
{
    for (int i = 0; i < s->ntext; i++) {
        SDL_DestroyTexture(s->text[i].tex);
        hys_free(s->text[i].text);
    }
    s->ntext = 0;
    s->text_bytes = 0;
    malloc_trim(0); /* (the freed pixels go back to the system) */
}

static void clear_images(hys_sdl_screen *s)
{
    for (int i = 0; i < s->nimage; i++) {
        if (s->image[i].tex) SDL_DestroyTexture(s->image[i].tex);
        hys_free(s->image[i].path);
    }
    s->nimage = 0;
    s->image_bytes = 0;
    malloc_trim(0);
}

void hys_screen_close(hys_sdl_screen *s)
{
    if (!s) return;
    clear_text(s);
    clear_images(s);
    for (int i = 0; i < s->nfont; i++)
        TTF_CloseFont(s->font[i].font);
    if (s->r) SDL_DestroyRenderer(s->r);
    if (s->surface) SDL_FreeSurface(s->surface);
    if (s->win) SDL_DestroyWindow(s->win);
    hys_free(s);
}

const hys_measure *hys_screen_measure(hys_sdl_screen *s)
{
    return &s->measure;
}

void hys_screen_size(hys_sdl_screen *s, int *w, int *h)
{
    if (s->surface) {
        *w = s->surface->w;
        *h = s->surface->h;
    } else {
        SDL_GetRendererOutputSize(s->r, w, h);
    }
}

/* ---- shapes ---- */

/* A rectangle with rounded corners, as one row of pixels a line of each
 * rounded band and one rectangle between: the software renderer fills
 * opaque rectangles fast. */
static void fill_round(SDL_Renderer *r, int x, int y, int w, int h, int rad, SDL_Color c)
{
    if (w <= 0 || h <= 0) return;
    if (rad * 2 > w) rad = w / 2;
    if (rad * 2 > h) rad = h / 2;
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    /* (blending an opaque colour is the same picture, many times slower) */
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    if (rad <= 1) {
        SDL_Rect rc = {x, y, w, h};
        SDL_RenderFillRect(r, &rc);
        return;
    }
    enum { MAX_RAD = 256 };
    if (rad > MAX_RAD) rad = MAX_RAD;
    SDL_Rect rows[2 * MAX_RAD + 1];
    int n = 0;
    for (int dy = 0; dy < rad; dy++) {
        /* the corner's edge at the middle of this row of pixels */
        float yy = (float)rad - (float)dy - 0.5f;
        int inset = rad - (int)(SDL_sqrtf((float)(rad * rad) - yy * yy) + 0.5f);
        rows[n++] = (SDL_Rect){x + inset, y + dy, w - 2 * inset, 1};
        rows[n++] = (SDL_Rect){x + inset, y + h - 1 - dy, w - 2 * inset, 1};
    }
    rows[n++] = (SDL_Rect){x, y + rad, w, h - 2 * rad};
    SDL_RenderFillRects(r, rows, n);
}

static SDL_Color col(hys_color c)
{
    return (SDL_Color){c.r, c.g, c.b, c.a};
}

/* ---- text ---- */

static text_slot *text_texture(hys_sdl_screen *s, const hys_draw *d)
{
    SDL_Color c = col(d->fill);
    const char *lang = d->lang ? d->lang : "";
    for (int i = 0; i < s->ntext; i++) {
        text_slot *t = &s->text[i];
        if (t->px == d->px && t->bold == d->bold && t->color.r == c.r && t->color.g == c.g &&
            t->color.b == c.b && !strcmp(t->lang, lang) && !strcmp(t->text, d->text))
            return t;
    }
    if (s->ntext == TEXT_SLOTS) clear_text(s);
    /* each run shaped with its own font and direction, placed left to right
     * in visual order on a shared baseline */
    line_runs lr;
    size_t len = strlen(d->text);
    runs_of(s, d->text, len, lang, d->px, d->bold, &lr);
    if (lr.n == 0 || lr.width <= 0) return NULL;
    int asc = 0, desc = 0;
    for (int i = 0; i < lr.n; i++) {
        TTF_Font *f = run_font(s, d->text, &lr.run[i], lang, d->px, d->bold);
        if (!f) continue;
        if (TTF_FontAscent(f) > asc) asc = TTF_FontAscent(f);
        if (-TTF_FontDescent(f) > desc) desc = -TTF_FontDescent(f);
    }
    SDL_Surface *line =
        SDL_CreateRGBSurfaceWithFormat(0, lr.width, asc + desc, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!line) return NULL;
    SDL_FillRect(line, NULL, SDL_MapRGBA(line->format, c.r, c.g, c.b, 0));
    char buf[2048];
    int x = 0;
    for (int i = 0; i < lr.n; i++) {
        TTF_Font *f = run_font(s, d->text, &lr.run[i], lang, d->px, d->bold);
        size_t n = lr.run[i].len < sizeof buf ? lr.run[i].len : sizeof buf - 1;
        memcpy(buf, d->text + lr.run[i].start, n);
        buf[n] = '\0';
        SDL_Surface *part = f && buf[strspn(buf, " ")] ? TTF_RenderUTF8_Blended(f, buf, c) : NULL;
        if (part) {
            SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
            SDL_Rect dst = {x, asc - TTF_FontAscent(f), part->w, part->h};
            SDL_BlitSurface(part, NULL, line, &dst);
            SDL_FreeSurface(part);
        }
        x += lr.w[i];
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(s->r, line);
    int w = line->w, h = line->h;
    SDL_FreeSurface(line);
    char *copy = hys_strdup(d->text);
    if (!tex || !copy) {
        if (tex) SDL_DestroyTexture(tex);
        hys_free(copy);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    text_slot *t = &s->text[s->ntext++];
    memset(t, 0, sizeof *t);
    t->text = copy, t->px = d->px, t->bold = d->bold, t->color = c, t->tex = tex;
    t->w = w, t->h = h;
    s->text_bytes += 4L * w * h;
    snprintf(t->lang, sizeof t->lang, "%s", lang);
    return t;
}

/* ---- pictures ---- */

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && SDL_strcasecmp(s + a - b, suffix) == 0;
}

static image_slot *image_texture(hys_sdl_screen *s, const char *path, int w, int h)
{
    for (int i = 0; i < s->nimage; i++) {
        image_slot *im = &s->image[i];
        if (im->w == w && im->h == h && !strcmp(im->path, path)) return im;
    }
    if (s->nimage == IMAGE_SLOTS) clear_images(s);
    SDL_Surface *surf = NULL;
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (rw) {
        if (ends_with(path, ".svg")) {
            int side = w < h ? w : h;
            surf = IMG_LoadSizedSVG_RW(rw, side, side);
            SDL_RWclose(rw);
        } else {
            surf = IMG_Load_RW(rw, 1);
        }
    }
    image_slot *im = &s->image[s->nimage];
    memset(im, 0, sizeof *im);
    im->path = hys_strdup(path);
    if (!im->path) {
        if (surf) SDL_FreeSurface(surf);
        return NULL;
    }
    im->w = w, im->h = h;
    s->nimage++;
    if (!surf) {
        fprintf(stderr, "haveyoursay: cannot show the picture %s: %s\n", path, IMG_GetError());
        return im;
    }
    /* a photo bigger than its box is kept at the box's size: the cache
     * holds what is shown, not what the camera took */
    if (surf->w > w || surf->h > h) {
        double sx = (double)w / surf->w, sy = (double)h / surf->h, sc = sx < sy ? sx : sy;
        int dw = (int)(surf->w * sc), dh = (int)(surf->h * sc);
        SDL_Surface *conv = SDL_ConvertSurfaceFormat(surf, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_Surface *small =
            conv && dw > 0 && dh > 0
                ? SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888)
                : NULL;
        if (small && SDL_SoftStretchLinear(conv, NULL, small, NULL) == 0) {
            SDL_FreeSurface(surf);
            surf = small;
            small = NULL;
        }
        SDL_FreeSurface(small);
        SDL_FreeSurface(conv);
    }
    im->tex = SDL_CreateTextureFromSurface(s->r, surf);
    im->tw = surf->w, im->th = surf->h;
    s->image_bytes += 4L * surf->w * surf->h;
    SDL_FreeSurface(surf);
    if (im->tex) SDL_SetTextureScaleMode(im->tex, SDL_ScaleModeLinear);
    return im;
}

void hys_screen_draw(hys_sdl_screen *s, const hys_frame *f)
{
    SDL_Renderer *r = s->r;
    /* the caches over their size are emptied between frames, never in the
     * middle of one (a frame's own pictures would be made again and again) */
    if (s->text_bytes > TEXT_BYTES) clear_text(s);
    if (s->image_bytes > IMAGE_BYTES) clear_images(s);
    SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
    SDL_RenderClear(r);
    for (int i = 0; i < f->ndraw; i++) {
        const hys_draw *d = &f->draw[i];
        switch (d->kind) {
        case HYS_DRAW_RECT:
            if (d->border > 0) {
                fill_round(r, d->x, d->y, d->w, d->h, d->radius, col(d->edge));
                int b = d->border;
                fill_round(r, d->x + b, d->y + b, d->w - 2 * b, d->h - 2 * b,
                           d->radius > b ? d->radius - b : 0, col(d->fill));
            } else {
                fill_round(r, d->x, d->y, d->w, d->h, d->radius, col(d->fill));
            }
            break;
        case HYS_DRAW_TEXT: {
            text_slot *t = text_texture(s, d);
            if (!t) break;
            SDL_Rect dst = {d->x, d->y + (d->h - t->h) / 2, t->w, t->h};
            SDL_RenderCopy(r, t->tex, NULL, &dst);
            break;
        }
        case HYS_DRAW_IMAGE: {
            image_slot *im = image_texture(s, d->image, d->w, d->h);
            if (!im || !im->tex || im->tw <= 0 || im->th <= 0) break;
            /* fit inside the box, keeping the picture's shape */
            double sx = (double)d->w / im->tw, sy = (double)d->h / im->th;
            double sc = sx < sy ? sx : sy;
            int dw = (int)(im->tw * sc), dh = (int)(im->th * sc);
            SDL_Rect dst = {d->x + (d->w - dw) / 2, d->y + (d->h - dh) / 2, dw, dh};
            SDL_RenderCopyEx(r, im->tex, NULL, &dst, 0, NULL,
                             d->flip ? SDL_FLIP_HORIZONTAL : SDL_FLIP_NONE);
            break;
        }
        }
    }
    SDL_RenderPresent(r);
}

void hys_screen_full(hys_sdl_screen *s)
{
    if (s->win && (SDL_GetWindowFlags(s->win) & SDL_WINDOW_BORDERLESS))
        SDL_SetWindowFullscreen(s->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

hys_status hys_screen_save_png(hys_sdl_screen *s, const char *path, char *err, size_t errn)
{
    int w, h;
    hys_screen_size(s, &w, &h);
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!shot) {
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    int rc;
    if (s->surface)
        rc = SDL_BlitSurface(s->surface, NULL, shot, NULL);
    else
        rc = SDL_RenderReadPixels(s->r, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch);
    if (rc == 0) rc = IMG_SavePNG(shot, path);
    if (rc != 0) snprintf(err, errn, "cannot save %s: %s", path, SDL_GetError());
    SDL_FreeSurface(shot);
    return rc == 0 ? HYS_OK : HYS_EIO;
}
