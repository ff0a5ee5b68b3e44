/* commands: the command-line tools besides the kiosk itself:
 * check, answers, export, collect, keygen, set-pin, the keys and sticks a
 * kiosk trusts (kiosk-key, trust, enrol-stick, forget-sticks) and combine.
 * Each returns the program's exit status, which main returns as it is. */
#ifndef HYS_COMMANDS_H
#define HYS_COMMANDS_H

/* Check a question set; print every problem as file:row:column: message.
 * Exit status 0 when it can run, 1 when it cannot. */
int hys_cmd_check(const char *form);
/* Print the stored answers as CSV. Exit status 0, or 1 with a message. */
int hys_cmd_answers(const char *data_dir);
/* Export the answers not yet exported (all with full) to a stick mounted at
 * stick, then collect every bundle on it into HAVEYOURSAY/combined. Exit
 * status 0, or 1 with a message for staff. */
int hys_cmd_export(const char *data_dir, const char *stick, const char *venue, int full,
                   const char *seal_to);
/* Collect the bundles under the folders in into out, merging only kiosks in
 * the trust list trust_file (NULL: the office's, trust.h), printing what was
 * accepted, rejected, untrusted and missing. Exit status 0 when every bundle was
 * accepted and no number is missing, 3 when some were rejected, untrusted or
 * missing (the good ones are still merged), 1 on other errors. */
int hys_cmd_collect(const char *const *in, int nin, const char *out, const char *key,
                    const char *trust_file);
/* Print the kiosk's trust line (kiosk id, public key, fingerprint). Exit
 * status 0 or 1. */
int hys_cmd_kiosk_key(const char *data_dir);
/* Add a trust line to file (or DATA/trusted-kiosks with data_dir, or the
 * office's default list). Exit status 0 or 1. */
int hys_cmd_trust(const char *line, const char *file, const char *data_dir);
/* Enrol the stick mounted at stick on the kiosk; forget every enrolled
 * stick. Exit status 0 or 1. */
int hys_cmd_enrol_stick(const char *stick, const char *data_dir);
int hys_cmd_forget_sticks(const char *data_dir);
/* The kiosk's own step after an export (run by it as a child process):
 * every trusted bundle on the stick into HAVEYOURSAY/combined, within
 * memory and CPU limits. Exit status 0, 3 (some bundle left out) or 1. */
int hys_cmd_combine(const char *stick, const char *data_dir);
/* Make a key pair for sealed exports: the secret key into path (0600), the
 * public key printed for the question set's settings. Exit status 0, or 1. */
int hys_cmd_keygen(const char *path);
/* Set the staff PIN (6 to 8 digits, read from standard input, never shown).
 * Exit status 0, or 1 with a message. */
int hys_cmd_set_pin(const char *data_dir);

#endif
