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

/* Something to hear; the words are c->say when set, else text. */
void ui_speak_item(ctx *c, int x, int y, int w, int h, const char *text, int lang, int ti)
{
    hys_frame *f = c->f;
    const char *words = c->say ? c->say : text;
    const char *wav = c->say_wav;
    c->say = c->say_wav = NULL;
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
    sp->in_screen = ti < 0 || (c->group == HYS_READ_CONTENT && !c->quiet);
}

/* A touch target; label is what it says when heard, with c->meaning after it. */
void ui_target(ctx *c, const char *id, int x, int y, int w, int h, hys_action a, int arg,
               int enabled, const char *label, int lang)
{
    hys_frame *f = c->f;
    if (f->ntargets >= HYS_MAX_TARGETS) {
        f->overflow = 1;
        return;
    }
    hys_target *t = &f->targets[f->ntargets++];
    snprintf(t->id, sizeof t->id, "%s", id);
    t->x = x, t->y = y, t->w = w, t->h = h;
    t->action = a, t->arg = arg, t->enabled = enabled;
    snprintf(t->why, sizeof t->why, "%s", !enabled && c->meaning ? c->meaning : "");
    char words[600];
    if (c->meaning && !c->say) {
        if (label && *label)
            snprintf(words, sizeof words, "%s. %s", label, c->meaning);
        else
            snprintf(words, sizeof words, "%s", c->meaning);
        c->say = words;
    }
    c->meaning = NULL;
    ui_speak_item(c, x, y, w, h, label, lang, f->ntargets - 1);
}
