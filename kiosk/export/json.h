/* json: a small strict JSON reader for the manifests found on USB sticks
 * (hostile input): objects, arrays, strings, integers, true/false/null.
 * Depth, size and string lengths are capped; anything else is refused with
 * the byte offset of the problem. */
#ifndef HYS_JSON_H
#define HYS_JSON_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    HYS_JSON_NULL,
    HYS_JSON_BOOL,
    HYS_JSON_INT,
    HYS_JSON_STRING,
    HYS_JSON_ARRAY,
    HYS_JSON_OBJECT
} hys_json_kind;

typedef struct hys_json hys_json;

/* Parse text[0..n). Returns the root, or NULL with "byte N: what" in err. */
hys_json *hys_json_parse(const char *text, size_t n, char *err, size_t errn);
/* Free a tree; NULL is fine. */
void hys_json_free(hys_json *j);

hys_json_kind hys_json_type(const hys_json *j);
/* The member called key of an object, or NULL (also when j is not an object). */
const hys_json *hys_json_get(const hys_json *j, const char *key);
/* A string's value (UTF-8, NUL-terminated), or NULL when j is not a string. */
const char *hys_json_str(const hys_json *j);
/* An integer's value (true and false: 1 and 0), or dflt for anything else. */
long long hys_json_int(const hys_json *j, long long dflt);
/* Members of an object or elements of an array. */
int hys_json_count(const hys_json *j);
const hys_json *hys_json_at(const hys_json *j, int i);
/* The name of member i of an object, or NULL. */
const char *hys_json_key_at(const hys_json *j, int i);

/* Write s as a JSON string (with quotes) to out, escaping what must be. */
void hys_json_write_str(FILE *out, const char *s);

#endif
