/* frame: reading a built frame: the target or words at a point, a target
 * by id, the reading order, and mirroring for right-to-left languages. */
#include "ui.h"

#include <assert.h>

/* Headings first, then the content, the bottom bar and the top bar: the
 * order things are read in and reached by keys. Stable. */
void ui_sort_speak(hys_frame *f)
{
    for (int i = 1; i < f->nspeak; i++) {
        hys_speak k = f->speak[i];
        int j = i - 1;
        while (j >= 0 && f->speak[j].group > k.group) {
            f->speak[j + 1] = f->speak[j];
            j--;
        }
        f->speak[j + 1] = k;
    }
}

/* Right-to-left: the whole screen mirrored (picture on the right, Back and
 * Next swapped, progress from the right); text lines keep their own order
 * and end up right-aligned. */
void ui_mirror(hys_frame *f)
{
    for (int i = 0; i < f->ndraw; i++)
        f->draw[i].x = f->w - f->draw[i].x - f->draw[i].w;
    for (int i = 0; i < f->ntargets; i++)
        f->targets[i].x = f->w - f->targets[i].x - f->targets[i].w;
    for (int i = 0; i < f->nspeak; i++)
        f->speak[i].x = f->w - f->speak[i].x - f->speak[i].w;
}

const hys_target *hys_frame_hit(const hys_frame *f, int x, int y)
{
    assert(f);
    for (int i = f->ntargets - 1; i >= 0; i--) {
        const hys_target *t = &f->targets[i];
        if (t->enabled && x >= t->x && y >= t->y && x < t->x + t->w && y < t->y + t->h) return t;
    }
    return NULL;
}

const hys_target *hys_frame_find(const hys_frame *f, const char *id)
{
    assert(f && id);
    for (int i = 0; i < f->ntargets; i++)
        if (!strcmp(f->targets[i].id, id)) return &f->targets[i];
    return NULL;
}

int hys_frame_speak_at(const hys_frame *f, int x, int y)
{
    assert(f);
    const hys_target *t = hys_frame_hit(f, x, y);
    int ti = t ? (int)(t - f->targets) : -1;
    if (ti >= 0) return hys_frame_speak_of(f, ti);
    for (int i = f->nspeak - 1; i >= 0; i--) {
        const hys_speak *s = &f->speak[i];
        if (s->target < 0 && x >= s->x && y >= s->y && x < s->x + s->w && y < s->y + s->h) return i;
    }
    return -1;
}

int hys_frame_speak_of(const hys_frame *f, int ti)
{
    assert(f);
    for (int i = 0; i < f->nspeak; i++)
        if (f->speak[i].target == ti) return i;
    return -1;
}
