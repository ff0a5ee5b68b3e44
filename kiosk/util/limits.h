/* limits: every size limit of the kiosk in one place (as microui's MU_*).
 * Input beyond these is refused with a clear message, never truncated silently. */
#ifndef HYS_LIMITS_H
#define HYS_LIMITS_H

#define HYS_MAX_FORM_FILE_BYTES (8L * 1024 * 1024) /* a question-set file */
#define HYS_MAX_XML_PART_BYTES (32L * 1024 * 1024) /* one uncompressed part of an .xlsx */
#define HYS_MAX_XLSX_PARTS 2000                    /* entries in an .xlsx zip */
#define HYS_MAX_XML_DEPTH 64                       /* element nesting in one .xlsx part */
#define HYS_MAX_CELL_BYTES 4096                    /* one spreadsheet cell */
#define HYS_MAX_ROWS 2000                          /* rows in one sheet */
#define HYS_MAX_COLS 200                           /* columns in one sheet */
#define HYS_MAX_SHARED_STRINGS 100000              /* shared strings in an .xlsx */
#define HYS_MAX_QUESTIONS 200                      /* questions in a set */
#define HYS_MAX_CHOICES 200      /* choices in one list (more than fit are shown in pages) */
#define HYS_MAX_MULTI_CHOICES 64 /* choices a select_multiple offers */
#define HYS_MAX_CHOICES_PAGE 24  /* answer cards on one page at most (6 by 4) */
#define HYS_RANGE_CARDS 11      /* a range of up to this many numbers is a row of cards (0 to 10) */
#define HYS_MAX_LANGUAGES 16    /* languages in a set */
#define HYS_MAX_EXPR_BYTES 1024 /* one relevant or constraint expression */
#define HYS_MAX_EXPR_DEPTH 32   /* nesting in an expression */
#define HYS_MAX_TEXT_ANSWER 200 /* bytes typed into a text question */
#define HYS_MAX_WORDS 2048      /* a question's words with the answers they name put in */
#define HYS_MAX_INTEGER_DIGITS 9 /* characters in a number answer (a decimal's point too) */
#define HYS_MAX_MEDIA_BYTES (16L * 1024 * 1024) /* one picture or sound file */
#define HYS_MAX_PICTURE_PIXELS                                                                     \
    (24L * 1000 * 1000)                      /* a .png or .jpg, unpacked (a phone photo fits) */
#define HYS_MAX_STORE_QUEUE 4096             /* answers waiting to be written */
#define HYS_MAX_MANIFEST_BYTES (64L * 1024)  /* a bundle's manifest.json */
#define HYS_MAX_JSON_DEPTH 16                /* nesting in a manifest */
#define HYS_MAX_JSON_NODES 4096              /* values in a manifest */
#define HYS_MAX_BUNDLE_FILE_BYTES (2L << 30) /* one file of a bundle */
#define HYS_MAX_BUNDLES 100000               /* bundles one collect reads */
#define HYS_MAX_FOLDER_DEPTH 8               /* how deep collect looks for bundles */
#define HYS_MAX_FOLDERS 20000                /* folders collect looks in for bundles */

#endif
