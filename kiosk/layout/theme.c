/* theme: colours and contrast (see theme.h). */
#include "theme.h"

#include <math.h>

#define C(hex)                                                                                     \
    {                                                                                              \
        (unsigned char)((hex) >> 16), (unsigned char)((hex) >> 8), (unsigned char)(hex), 255       \
    }

static const hys_theme standard = {
    .name = "standard",
    .bg = C(0xFFFFFF),
    .text = C(0x1A1A1A),
    .muted = C(0x404040),
    .bar = C(0xF2F2F2),
    .primary = C(0x0B3D91),
    .on_primary = C(0xFFFFFF),
    .button = C(0xFFFFFF),
    .on_button = C(0x1A1A1A),
    .edge = C(0x4A4A4A),
    .card = C(0xFFFFFF),
    .on_card = C(0x1A1A1A),
    .chosen = C(0xFFF1A8),
    .on_chosen = C(0x1A1A1A),
    .chosen_edge = C(0x0B3D91),
    .pressed = C(0xDCE6F7),
    .on_pressed = C(0x1A1A1A),
    .disabled = C(0xEDEDED),
    .on_disabled = C(0x474747),
    .panel = C(0xE8F0FB),
    .on_panel = C(0x1A1A1A),
    .focus = C(0xFFDD00),
    .focus_edge = C(0x0B0C0C),
    .speaking = C(0xB3105B),
};

static const hys_theme high_contrast = {
    .name = "high-contrast",
    .bg = C(0x000000),
    .text = C(0xFFFFFF),
    .muted = C(0xFFFF66),
    .bar = C(0x1A1A1A),
    .primary = C(0xFFFF00),
    .on_primary = C(0x000000),
    .button = C(0x000000),
    .on_button = C(0xFFFFFF),
    .edge = C(0xFFFFFF),
    .card = C(0x000000),
    .on_card = C(0xFFFFFF),
    .chosen = C(0xFFFF00),
    .on_chosen = C(0x000000),
    .chosen_edge = C(0xFFFFFF),
    .pressed = C(0x3A3A3A),
    .on_pressed = C(0xFFFFFF),
    .disabled = C(0x000000),
    .on_disabled = C(0xBDBDBD),
    .panel = C(0x1A1A1A),
    .on_panel = C(0xFFFFFF),
    .focus = C(0x00E5FF),
    .focus_edge = C(0xFFFFFF),
    .speaking = C(0xFF66FF),
    .picture_badge = 1,
    .badge = C(0xFFFFFF),
};

const hys_theme *hys_theme_default(void)
{
    return &standard;
}

const hys_theme *hys_theme_high_contrast(void)
{
    return &high_contrast;
}

static double channel(unsigned char c)
{
    double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

static double luminance(hys_color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double hys_contrast(hys_color a, hys_color b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}

int hys_theme_text_pairs(const hys_theme *t, hys_color (*pairs)[2], int max)
{
    const hys_color all[][2] = {
        {t->text, t->bg},
        {t->muted, t->bg},
        {t->text, t->bar},
        {t->muted, t->bar},
        {t->on_primary, t->primary},
        {t->on_button, t->button},
        {t->on_card, t->card},
        {t->on_chosen, t->chosen},
        {t->on_pressed, t->pressed},
        {t->on_disabled, t->disabled},
        {t->on_panel, t->panel},
    };
    int n = (int)(sizeof all / sizeof all[0]);
    for (int i = 0; i < n && i < max; i++)
        pairs[i][0] = all[i][0], pairs[i][1] = all[i][1];
    return n < max ? n : max;
}
