/* commands: the command-line tools besides the kiosk itself:
 * `haveyoursay check FORM` and `haveyoursay answers`. */
#ifndef HYS_COMMANDS_H
#define HYS_COMMANDS_H

/* Check a question set; print every problem as file:row:column: message.
 * Returns 0 when it can run, 1 when it cannot. */
int hys_cmd_check(const char *form);
/* Print the stored answers as CSV. Returns 0, or 1 with a message. */
int hys_cmd_answers(const char *data_dir);

#endif
