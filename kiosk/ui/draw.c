/* draw: the frame's primitives: rectangles, pictures and icons, words to hear,
 * touch targets (each appended to the frame's fixed arrays). */
#include "ui.h"

const char *ui_store_text(ctx *c, const char *s, size_t n)
{
    hys_frame *f = c->f;
    if (f->text_used + n + 1 > sizeof f->text) {
        f->overflow = 1;
        return NULL;
    }
    char *d = f->text + f->text_used;
    memcpy(d, s, n);
    d[n] = '\0';
    f->text_used += n + 1;
    return d;
}

hys_draw *ui_add(ctx *c, hys_draw_kind k, int x, int y, int w, int h)
{
    hys_frame *f = c->f;
    if (f->ndraw >= HYS_MAX_DRAW) {
        f->overflow = 1;
        return NULL;
    }
    hys_draw *d = &f->draw[f->ndraw++];
    memset(d, 0, sizeof *d);
    d->kind = k, d->x = x, d->y = y, d->w = w, d->h = h;
    return d;
}

void ui_rect(ctx *c, int x, int y, int w, int h, hys_color fill, hys_color edge, int border,
             int radius)
{
    hys_draw *d = ui_add(c, HYS_DRAW_RECT, x, y, w, h);
    if (!d) return;
    d->fill = fill, d->edge = edge, d->border = border, d->radius = radius;
}

void ui_image(ctx *c, int x, int y, int w, int h, const char *path)
{
    if (!path || w <= 0 || h <= 0) return;
    if (c->t->picture_badge) { /* black outlines need a light ground on a dark theme */
        int side = w < h ? w : h, b = side / 14 + 1; /* the badge fills the box; the picture */
        ui_rect(c, x + (w - side) / 2, y + (h - side) / 2, side, side, c->t->badge, c->t->badge, 0,
                side / 6);
        x += b, y += b, w -= 2 * b, h -= 2 * b; /* sits inside it */
        if (w <= 0 || h <= 0) return;
    }
    const char *p = ui_store_text(c, path, strlen(path));
    hys_draw *d = p ? ui_add(c, HYS_DRAW_IMAGE, x, y, w, h) : NULL;
    if (d) d->image = p;
}

void ui_icon(ctx *c, int x, int y, int w, int h, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.svg", c->in->icons_dir, name);
    ui_image(c, x, y, w, h, path);
    /* arrows point the way the screen reads */
    if (c->rtl && c->f->ndraw > 0 &&
        (!strcmp(name, "next") || !strcmp(name, "back") || !strcmp(name, "skip")))
        c->f->draw[c->f->ndraw - 1].flip = 1;
}

/* Something to hear: heard (else text), or the recording wav, in language
 * lang (-1: the screen's); ti: its target, or -1. */
void ui_speak_item(ctx *c, int x, int y, int w, int h, const char *text, const char *heard,
                   const char *wav, int lang, int ti)
{
    hys_frame *f = c->f;
    const char *words = heard ? heard : text;
    if (c->group < 0 || !words || !*words) return;
    if (f->nspeak >= HYS_MAX_SPEAK) {
        f->overflow = 1;
        return;
    }
    const char *st = ui_store_text(c, words, strlen(words));
    const char *sl = text && text != words ? ui_store_text(c, text, strlen(text)) : st;
    const char *sw = wav ? ui_store_text(c, wav, strlen(wav)) : NULL;
    if (!st || !sl) return;
    hys_speak *sp = &f->speak[f->nspeak++];
    sp->x = x, sp->y = y, sp->w = w, sp->h = h;
    sp->text = st, sp->label = sl, sp->wav = sw, sp->lang = lang, sp->target = ti;
    sp->group = c->group;
    /* the whole screen: its words, its answers and the bottom bar's buttons
     * (the top bar's are for the resident to find; keys are heard alone) */
    sp->in_screen =
        !c->quiet && (ti < 0 || c->group == HYS_READ_CONTENT || c->group == HYS_READ_BOTTOM);
}

/* A touch target: heard as it->say, else its label then its meaning. */
void ui_target(ctx *c, const ui_item *it, int x, int y, int w, int h)
{
    hys_frame *f = c->f;
    if (f->ntargets >= HYS_MAX_TARGETS) {
        f->overflow = 1;
        return;
    }
    hys_target *t = &f->targets[f->ntargets++];
    snprintf(t->id, sizeof t->id, "%s", it->id);
    t->x = x, t->y = y, t->w = w, t->h = h;
    t->action = it->action, t->arg = it->arg, t->enabled = !it->off;
    snprintf(t->why, sizeof t->why, "%s", it->off && it->meaning ? it->meaning : "");
    char words[600];
    const char *heard = it->say;
    if (it->meaning && !heard) {
        if (it->label && *it->label)
            snprintf(words, sizeof words, "%s. %s", it->label, it->meaning);
        else
            snprintf(words, sizeof words, "%s", it->meaning);
        heard = words;
    }
    ui_speak_item(c, x, y, w, h, it->label, heard, it->say_wav, it->lang - 1, f->ntargets - 1);
}
