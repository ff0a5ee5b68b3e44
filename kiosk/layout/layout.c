/* layout: a frame from the layout's input (see layout.h): the screen of the
 * moment (kiosk/screens/, drawn with kiosk/ui/) laid out on a canvas of the
 * window's width, taller when large text needs it and then shown a page at
 * a time; checked for targets that overlap and words that run into a
 * button; mirrored for right-to-left languages. */
#include "layout.h"

#include "../screens/screens.h"
#include "../ui/ui.h"

#include "../text/bidi.h"
#include "../util/text.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* One screen laid out on a canvas of the window's width and height h (taller
 * than the window when large text needs the room). */
static void build_screen(ctx *c, hys_frame *f, const hys_layout_in *in, const hys_journey_view *v,
                         int h)
{
    f->w = in->w, f->h = h;
    f->ndraw = f->ntargets = f->nspeak = 0;
    f->text_used = 0;
    f->overflow = 0;
    f->pages = f->scroll_pages = 1;
    f->clipped = f->split_words = 0;
    f->clipped_text[0] = 0;
    memset(c, 0, sizeof *c);
    c->f = f, c->in = in, c->t = in->theme, c->v = v;
    /* sizes come from the window, never from the taller canvas */
    c->portrait = in->h > in->w * 11 / 10;
    double ux = c->portrait ? in->w / 800.0 : in->w / 1280.0;
    double uy = c->portrait ? in->h / 1280.0 : in->h / 800.0;
    c->u = ux < uy ? ux : uy;
    c->m = S(c, SZ_MARGIN);
    c->group = HYS_READ_CONTENT;
    c->lang = lang_code(c, -1);
    c->rtl = hys_lang_is_rtl(c->lang);
    c->ts = c->v->text_size >= 100 && c->v->text_size <= 200 ? c->v->text_size : 100;
    c->tmin = in->min_target > 44 ? in->min_target : 44;
    c->view_h = in->h - ui_top_h(c) - ui_bottom_h(c) - ui_scroll_row_h(c) - 2 * S(c, SZ_GAP_ROW);
    c->paged = h > in->h;
    c->corner_w = ui_corner_width(c);
    hys_journey_screen_id(in->journey, f->screen, sizeof f->screen);
    if (in->notice) {
        snprintf(f->screen, sizeof f->screen, "notice");
        screen_notice(c);
    } else if (in->staff) {
        snprintf(f->screen, sizeof f->screen, "%s", screen_staff_mode(c, in->staff));
    } else {
        screen_journey(c);
    }
    ui_corner(c);
    ui_sort_speak(f);
    /* touch targets that overlap mean the screen did not fit */
    for (int a = 0; a < f->ntargets; a++)
        for (int b = a + 1; b < f->ntargets; b++) {
            const hys_target *ta = &f->targets[a], *tb = &f->targets[b];
            if (ta->x < tb->x + tb->w && tb->x < ta->x + ta->w && ta->y < tb->y + tb->h &&
                tb->y < ta->y + ta->h)
                ui_unfit(f, "targets overlap");
        }
    /* ...and so do words that run into a target they are not part of */
    for (int i = 0; i < f->ndraw; i++) {
        const hys_draw *d = &f->draw[i];
        if (d->kind != HYS_DRAW_TEXT) continue;
        for (int a = 0; a < f->ntargets; a++) {
            const hys_target *t = &f->targets[a];
            int meets = d->x < t->x + t->w && t->x < d->x + d->w && d->y < t->y + t->h &&
                        t->y < d->y + d->h;
            int inside = d->x >= t->x && d->y >= t->y && d->x + d->w <= t->x + t->w &&
                         d->y + d->h <= t->y + t->h;
            if (meets && !inside) ui_unfit(f, "words run into a button");
        }
    }
}

void hys_layout_build(hys_frame *f, const hys_layout_in *in)
{
    assert(f && in && in->form && in->journey && in->theme && in->measure);
    ctx c;
    /* staff's screens are for staff: at the kiosk's own text size, not at the
     * size the resident of the moment chose */
    hys_journey_view v = *hys_journey_view_get(in->journey);
    if (in->staff && !in->notice) v.text_size = 100;
    build_screen(&c, f, in, &v, in->h);
    /* large text that does not fit: lay the screen out taller, then show it
     * a page at a time (arrow buttons, never a drag) */
    for (int k = 2; (f->clipped || f->overflow || ui_off_canvas(f)) && k <= 8; k *= 2)
        build_screen(&c, f, in, &v, in->h * k);
    if (f->h > in->h)
        ui_paginate(&c, in->h);
    else
        f->scroll_pages = 1;
    ui_curtain(&c); /* (touch to hear's banner and a hint show over it) */
    ui_banner(&c);
    ui_hint(&c);
    ui_explain_off(&c);
    /* what is heard is ringed; the key focus gets the strong yellow ring
     * (neither shows where the hidden screen's answers are) */
    if (in->speaking > 0 && in->speaking <= f->nspeak && !in->curtain) {
        const hys_speak *sp = &f->speak[in->speaking - 1];
        ui_ring(&c, sp->x, sp->y, sp->w, sp->h, S(&c, SZ_RING_HEARD), c.t->speaking, 0,
                c.t->speaking);
    }
    const hys_target *ft = in->focus ? hys_frame_find(f, in->focus) : NULL;
    if (ft && !in->curtain)
        ui_ring(&c, ft->x, ft->y, ft->w, ft->h, S(&c, SZ_RING_FOCUS), c.t->focus,
                S(&c, SZ_RING_FOCUS_EDGE), c.t->focus_edge);
    if (c.rtl) ui_mirror(f);
}
