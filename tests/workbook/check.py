"""Check an answers.xlsx with an independent reader (openpyxl), as staff
would open it: tests/workbook/run calls it for each folder that holds one.

usage: check.py FOLDER bundle|collection SESSIONS
"""
import csv
import html
import re
import sys

import openpyxl

folder, kind, sessions = sys.argv[1], sys.argv[2], int(sys.argv[3])
problems = []


def need(ok, what):
    if not ok:
        problems.append(what)


SCRIPTS = ["More buses, please", "Więcej autobusów, proszę", "Mwy o fysiau ŵ ŷ",
           "Mai multe autobuze, vă rog", "براہ کرم مزید بسیں", "المزيد من الحافلات من فضلك",
           "আরও বাস চাই", "ਹੋਰ ਬੱਸਾਂ ਚਾਹੀਦੀਆਂ"]

# the CSV files: a byte-order mark, then what Python's utf-8-sig reads as before
for name in ("answers.csv", "sessions.csv", "free-text.csv"):
    with open(f"{folder}/{name}", "rb") as f:
        need(f.read(3) == b"\xef\xbb\xbf", f"{name} does not start with UTF-8's byte-order mark")
with open(f"{folder}/answers.csv", encoding="utf-8-sig", newline="") as f:
    answers_csv = list(csv.reader(f))
with open(f"{folder}/sessions.csv", encoding="utf-8-sig", newline="") as f:
    sessions_csv = list(csv.reader(f))
with open(f"{folder}/free-text.csv", encoding="utf-8-sig", newline="") as f:
    free_csv = list(csv.reader(f))

wb = openpyxl.load_workbook(f"{folder}/answers.xlsx")
need(wb.sheetnames == ["Summary", "Sessions", "Answers", "Free text", "About"],
     f"sheets are {wb.sheetnames}")

# Sessions: as sessions.csv, header frozen and filtered, numbers as numbers
ws = wb["Sessions"]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
need(len(rows) == sessions + 1 == len(sessions_csv),
     f"Sessions has {len(rows)} rows, sessions.csv {len(sessions_csv)}, want {sessions + 1}")
need(ws.freeze_panes == "A2", f"Sessions' header is not frozen ({ws.freeze_panes})")
need(bool(ws.auto_filter.ref) and ws.auto_filter.ref.startswith("A1:"), "Sessions has no filter")
head = rows[0] if rows else []
for r in rows[1:]:
    need(isinstance(r[head.index("completed")], (int, float)), "completed is not a number")
    need(isinstance(r[head.index("period")], str), f"a period is not text: {r!r}")
need(ws.column_dimensions["A"].width >= 30, "Sessions' first column is too narrow for its ids")
for x, c in zip(rows[1:], sessions_csv[1:]):
    shown = ["" if v is None else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
             for v in x]
    need(shown == c, f"a session differs: {shown} in the sheet, {c} in sessions.csv")

# Answers: as answers.csv (free text pointed to; a short number kept as a number)
ws = wb["Answers"]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
need(len(rows) == len(answers_csv), f"Answers has {len(rows)} rows, answers.csv {len(answers_csv)}")
for x, c in zip(rows[1:], answers_csv[1:]):
    shown = ["" if v is None else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
             for v in x]
    need(shown == c, f"an answer differs: {shown} in the sheet, {c} in answers.csv")
need(all(isinstance(r[9], str) for r in rows[1:]), "a period in Answers is not text")

# Free text: every script as typed, and a formula kept as words
ws = wb["Free text"]
texts = [r[2] for r in ws.iter_rows(min_row=2, values_only=True)]
# (the CSV puts ' before what Excel would run as a formula; the sheet keeps it as text)
need(sorted(texts) == sorted(r[2][1:] if r[2].startswith("'=") else r[2] for r in free_csv[1:]),
     f"Free text differs from free-text.csv: {sorted(texts)}")
for t in SCRIPTS:
    need(t in texts, f"Free text lacks {t!r}")
formula = [c for row in ws.iter_rows(min_row=2) for c in row if str(c.value).startswith("=")]
need(len(formula) == 1 and formula[0].data_type == "s",
     f"the typed =HYPERLINK is not kept as text: {[(c.value, c.data_type) for c in formula]}")

# Summary: what report.html says, question by question, with a chart each
with open(f"{folder}/report.html", encoding="utf-8") as f:
    page = f.read()
report = {}
for label, body in re.findall(r"<section><h2>(.*?)</h2>(.*?)</section>", page, re.S):
    bars = re.findall(r'<text x="0" y="\d+">(.*?)</text><rect[^>]*/><text[^>]*>(.*?)</text>', body)
    report[html.unescape(label)] = [(html.unescape(a), html.unescape(b)) for a, b in bars]
ws = wb["Summary"]
cells = [list(r) + [None] * 3 for r in ws.iter_rows(values_only=True)]
summary, i = {}, 0
while i < len(cells):
    if cells[i][0] and i + 1 < len(cells) and cells[i + 1][:3] == ["Answer", "People", "Per cent"]:
        label, first, got = cells[i][0], i + 2, []
        i += 2
        while i < len(cells) and cells[i][0] not in (None, "Answered"):
            n, p = cells[i][1], cells[i][2]
            # (a whole per cent, as report.html shows: the exact share would give the total away)
            need(p is None or abs(p * 100 - round(p * 100)) < 1e-9, f"per cent {p!r} is not whole")
            got.append((cells[i][0], f"{int(n)} ({round(p * 100)}%)"
                        if isinstance(n, (int, float)) else n))
            i += 1
        summary[label] = (got, first + 1)  # (its first count's row, from 1)
    i += 1
with_bars = {k: v for k, v in report.items() if v}
need(set(summary) == set(with_bars),
     f"questions with counts differ: {sorted(summary)} in the workbook, {sorted(with_bars)}")
for label, bars in with_bars.items():
    got = summary.get(label, ([], 0))[0]
    need(got == bars, f"{label!r}: the workbook says {got}, report.html {bars}")
charts = ws._charts
need(len(charts) == len(with_bars),
     f"{len(charts)} charts for {len(with_bars)} questions with counts")
refs = {s.val.numRef.f for ch in charts for s in ch.series}
want = {f"Summary!$B${row}:$B${row + len(got) - 1}" for got, row in summary.values()}
need(refs == want, f"the charts point at {sorted(refs)}, the counts are at {sorted(want)}")
about = " ".join(str(r[0]) for r in wb["About"].iter_rows(values_only=True) if r[0])
if kind == "collection":
    need("Collected from" in about, "About does not say how the answers were collected")
    need(bool(with_bars) or "not counted on the Summary sheet yet" in about,
         "a collection made today counts nothing, and About does not say why")
    top = " ".join(str(r[0]) for r in wb["Summary"].iter_rows(max_row=6, values_only=True) if r[0])
    need(bool(with_bars) or ("No one is counted here yet." in top and "not counted here yet" in top),
         f"a collection made today counts nothing, and its Summary does not say why: {top}")
else:
    need("signed with its key" in about, "About does not say how the bundle was signed")
    need("Llyfrgell Caerdydd" in about, "About does not name the venue")

for p in problems:
    print(f"check.py {folder}: {p}")
if not problems:
    print(f"check.py {folder}: {len(wb.sheetnames)} sheets, {len(charts)} charts, "
          f"{len(rows) - 1} answers, {len(texts)} free texts, as report.html and the CSV files")
sys.exit(1 if problems else 0)
