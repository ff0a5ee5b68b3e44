/* keys: the key map (see keys.h). */
#include "keys.h"

#include "../util/text.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const settings[HYS_KEY_ROLES] = {
    "",           "key_prev",   "key_next",    "key_select",    "key_back",    "key_help",
    "key_speech", "key_louder", "key_quieter", "switch_select", "switch_move", "key_staff"};

/* Arrows and Enter; a USB number pad (8 4 up, 2 6 down, 5 choose, 0 or *
 * speech, / help, . back, + - volume); F5 and F6 for switch interfaces. */
static const char *const defaults[HYS_KEY_ROLES][HYS_KEYS_PER_ROLE] = {
    {NULL},
    {"Up", "Left", "Keypad 8", "Keypad 4"},
    {"Down", "Right", "Tab", "Keypad 2", "Keypad 6"},
    {"Return", "Keypad Enter", "Keypad 5"},
    {"Backspace", "Escape", "Keypad ."},
    {"F1", "Help", "Keypad /"},
    {"F2", "Keypad *", "Keypad 0"},
    {"Keypad +", "VolumeUp"},
    {"Keypad -", "VolumeDown"},
    {"F5", "Joystick 0"},
    {"F6", "Joystick 1"},
    {"F12"},
};

void hys_keymap_default(hys_keymap *m)
{
    memset(m, 0, sizeof *m);
    for (int r = 1; r < HYS_KEY_ROLES; r++)
        for (int i = 0; i < HYS_KEYS_PER_ROLE && defaults[r][i]; i++)
            snprintf(m->names[r][i], sizeof m->names[r][i], "%s", defaults[r][i]);
}

const char *hys_keymap_setting(hys_key_role r)
{
    return r > HYS_KEY_NONE && r < HYS_KEY_ROLES ? settings[r] : "";
}

hys_status hys_keymap_set(hys_keymap *m, const char *setting, const char *value)
{
    int role = 0;
    for (int r = 1; r < HYS_KEY_ROLES && !role; r++)
        if (!strcmp(setting, settings[r])) role = r;
    if (!role) return HYS_ENOTFOUND;
    char names[HYS_KEYS_PER_ROLE][24];
    int n = 0;
    char buf[400];
    snprintf(buf, sizeof buf, "%s", value);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        tok = hys_trim(tok);
        if (!*tok) continue;
        if (n >= HYS_KEYS_PER_ROLE || strlen(tok) >= sizeof names[0]) return HYS_ELIMIT;
        snprintf(names[n++], sizeof names[0], "%s", tok);
    }
    if (n == 0 && strcmp(hys_trim(buf), "none")) return HYS_EFORMAT;
    memset(m->names[role], 0, sizeof m->names[role]);
    for (int i = 0; i < n; i++)
        memcpy(m->names[role][i], names[i], sizeof names[i]);
    return HYS_OK;
}

hys_key_role hys_keymap_role(const hys_keymap *m, const char *name)
{
    if (!name || !*name) return HYS_KEY_NONE;
    for (int r = 1; r < HYS_KEY_ROLES; r++)
        for (int i = 0; i < HYS_KEYS_PER_ROLE && m->names[r][i][0]; i++)
            if (!strcasecmp(m->names[r][i], name)) return (hys_key_role)r;
    return HYS_KEY_NONE;
}
