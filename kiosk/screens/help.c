/* help: what to do on the screen Help was opened over, a picture and a
 * short sentence a line, in the resident's language; read out when it
 * opens (kiosk/app/input.c). Done goes back to that screen. */
#include "screens.h"

#include "../ui/ui.h"

enum { HELP_MAX_LINES = 6 };

typedef struct {
    const char *icon;  /* a picture in assets/icons */
    const char *words; /* an English sentence, translated with tr() */
} help_line;

/* What to do with a question of type q, in one sentence. */
static help_line answer_line(const hys_question *q)
{
    switch (q->type) {
    case HYS_Q_SELECT_MULTIPLE:
        return (help_line){"start", "Tap every answer that fits you."};
    case HYS_Q_TEXT:
        return (help_line){"keyboard", "Type your answer with the keys."};
    case HYS_Q_INTEGER:
    case HYS_Q_DECIMAL:
        return (help_line){"numbers", "Tap the numbers of your answer."};
    case HYS_Q_NOTE:
        return (help_line){"easy-read", "Read this, then tap Next."};
    default:
        return (help_line){"start", "Tap the answer that fits you best."};
    }
}

/* The lines for screen s (the one under Help). Returns how many. */
static int help_lines(const ctx *c, hys_screen s, help_line out[HELP_MAX_LINES])
{
    const hys_journey_view *v = c->v;
    const help_line next = {"next", "Then tap Next."}, back = {"back", "Back: go back one step."},
                    hear = {"speaker", "Read aloud: hear the words on the screen."},
                    bigger = {"display-settings", "Bigger text: make the words bigger."},
                    lang = {"language", "Tap your language."},
                    safe = {"anonymous", "Nobody will know it is you. You can stop at any time."};
    int n = 0;
    switch (s) {
    case HYS_SCREEN_WELCOME:
        if (c->in->form->nlangs > 1) out[n++] = lang;
        out[n++] = (help_line){"next", "Tap Start to begin."};
        out[n++] = safe;
        break;
    case HYS_SCREEN_LANGUAGE:
        out[n++] = lang;
        out[n++] = back;
        break;
    case HYS_SCREEN_INTRO:
        out[n++] = safe;
        out[n++] = (help_line){"next", "Tap Next to go on."};
        out[n++] = back;
        break;
    case HYS_SCREEN_PRACTICE:
        out[n++] = (help_line){"practice", "Try a question first. This answer is not kept."};
        out[n++] = (help_line){"start", "Tap the answer that fits you best."};
        out[n++] = next;
        break;
    case HYS_SCREEN_QUESTION: {
        const hys_question *q = &c->in->form->questions[v->question];
        out[n++] = answer_line(q);
        if (v->quick) break; /* the answer is all there is */
        if (q->type != HYS_Q_NOTE) out[n++] = next;
        if (v->can_skip) out[n++] = (help_line){"skip", "Skip: go on without answering."};
        if (q->type != HYS_Q_NOTE)
            out[n++] =
                (help_line){"dont-understand", "I don't understand: tell us the question is hard."};
        if (v->can_back) out[n++] = back;
        break;
    }
    case HYS_SCREEN_REVIEW:
        out[n++] = (help_line){"review", "These are your answers. Tap Change to change one."};
        out[n++] = (help_line){"next", "Tap Send my answers when you are done."};
        out[n++] = back;
        break;
    case HYS_SCREEN_THANKS:
        out[n++] = (help_line){"thanks", "Your answers are saved. Tap Finish to end."};
        break;
    case HYS_SCREEN_UPDATES:
        out[n++] = (help_line){"changes", "These are changes made because of what people said."};
        out[n++] = back;
        break;
    default:
        break;
    }
    if (c->in->can_speak && n < HELP_MAX_LINES) out[n++] = hear;
    if (n < HELP_MAX_LINES) out[n++] = bigger;
    return n;
}

void screen_help(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    /* (large text: the heading at the words' size, so that they start on its page) */
    int y = ui_heading(c, "info", tr(c, "Help"), S(c, c->paged ? SZ_TEXT : SZ_TEXT_HEAD),
                       S(c, SZ_HEAD_ICON));
    help_line lines[HELP_MAX_LINES];
    int n = help_lines(c, c->v->under, lines);
    int isz = S(c, SZ_HELP_ICON) * c->ts / 100, gap = S(c, SZ_GAP_ROW); /* (grows with the words) */
    if (isz > W / 8) isz = W / 8; /* (leaving the words most of the width) */
    int tx = m + isz + S(c, SZ_GAP), tw = W - tx - m;
    for (int i = 0; i < n; i++) {
        const char *words = tr(c, lines[i].words);
        int th = ui_text_need(c, words, S(c, SZ_TEXT), 0, tw);
        int h = th > isz ? th : isz;
        ui_icon(c, m, y + (h - isz) / 2, isz, isz, lines[i].icon);
        ui_text_box(c, words, tx, y, tw, h, S(c, SZ_TEXT), 0, t->text, ALIGN_START, 1);
        y += h + gap;
    }
    ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "Done"), "yes", HYS_ACT_DONE);
}
