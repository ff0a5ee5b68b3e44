/* commands: the command-line tools besides the kiosk itself:
 * `haveyoursay check FORM`, `haveyoursay answers`, `haveyoursay export`
 * and `haveyoursay collect`. */
#ifndef HYS_COMMANDS_H
#define HYS_COMMANDS_H

/* Check a question set; print every problem as file:row:column: message.
 * Returns 0 when it can run, 1 when it cannot. */
int hys_cmd_check(const char *form);
/* Print the stored answers as CSV. Returns 0, or 1 with a message. */
int hys_cmd_answers(const char *data_dir);
/* Export the answers not yet exported (all with full) to a stick mounted at
 * stick, then collect every bundle on it into HAVEYOURSAY/combined. Returns
 * 0, or 1 with a message for staff. */
int hys_cmd_export(const char *data_dir, const char *stick, const char *venue, int full,
                   const char *seal_to);
/* Collect the bundles under the folders in into out, printing what was
 * accepted, rejected and missing. Returns 0 when every bundle was accepted
 * and no number is missing, 3 when some were rejected or missing (the good
 * ones are still merged), 1 on other errors. */
int hys_cmd_collect(const char *const *in, int nin, const char *out, const char *key);
/* Make a key pair for sealed exports: the secret key into path (0600), the
 * public key printed for the question set's settings. Returns 0, or 1. */
int hys_cmd_keygen(const char *path);
/* Set the staff PIN (4 to 8 digits, read from standard input, never shown).
 * Returns 0, or 1 with a message. */
int hys_cmd_set_pin(const char *data_dir);

#endif
