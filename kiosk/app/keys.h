/* keys: which physical key or switch does what. Keys are named as SDL names
 * them ("Up", "Keypad 8", "F5"); joystick buttons as "Joystick 0". Every
 * role has defaults (arrows, Enter, a USB number pad, two switch keys) and
 * can be changed in config.ini, e.g. "key_select = Return, Keypad 5". */
#ifndef HYS_KEYS_H
#define HYS_KEYS_H

#include "../util/status.h"

typedef enum {
    HYS_KEY_NONE,
    HYS_KEY_PREV,   /* focus the item before */
    HYS_KEY_NEXT,   /* focus the item after */
    HYS_KEY_SELECT, /* choose the focused item (in explore mode: the one last heard) */
    HYS_KEY_BACK,   /* Back, or delete the last letter typed */
    HYS_KEY_HELP,   /* hear how to use the keys */
    HYS_KEY_SPEECH, /* hear the screen; touch-to-hear on */
    HYS_KEY_LOUDER,
    HYS_KEY_QUIETER,
    HYS_KEY_SWITCH_SELECT, /* one switch: start scanning, then choose; or the second switch's
                              "choose" */
    HYS_KEY_SWITCH_MOVE,   /* two switches: move to the next item */
    HYS_KEY_STAFF,         /* staff mode (then the PIN) */
    HYS_KEY_ROLES
} hys_key_role;

#define HYS_KEYS_PER_ROLE 8

typedef struct hys_keymap {
    char names[HYS_KEY_ROLES][HYS_KEYS_PER_ROLE][24];
} hys_keymap;

void hys_keymap_default(hys_keymap *m);
/* A config.ini setting. HYS_OK when it was a key setting and was taken;
 * else nothing changes, and HYS_ENOTFOUND says the setting is not about
 * keys, HYS_EFORMAT or HYS_ELIMIT (too many keys, a name too long) that the
 * value is not a key list. */
hys_status hys_keymap_set(hys_keymap *m, const char *setting, const char *value);
/* The role of a key name (case does not matter), or HYS_KEY_NONE. */
hys_key_role hys_keymap_role(const hys_keymap *m, const char *name);
/* The setting name for a role ("key_select"). */
const char *hys_keymap_setting(hys_key_role r);

#endif
