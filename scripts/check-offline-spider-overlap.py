#!/usr/bin/env python3
"""Reports what of Spider dev shows up in the offline engine's source (main and test).

Every comment and string literal of server/src/{main,test}/java/io/datamind/offline is checked against
../shared/datasets/spider-dev:
  Q  a run of N words (default 5, N=... to change) that also occurs in a dev question
  N  an identifier-like word (with _ or camelCase) that is a Spider table or column name
  V  a quoted string or capitalized name that is a text value of a Spider database

Report only: short runs such as "what are the names of" are ordinary English and will always match;
the output is for a person to read. Usage: scripts/check-offline-spider-overlap.py [Q|N|V ...]
"""
import glob
import json
import os
import re
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPIDER = os.path.join(ROOT, "..", "shared", "datasets", "spider-dev")
N = int(os.environ.get("N", "5"))
KINDS = set(sys.argv[1:]) or {"Q", "N", "V"}


def words(s):
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", s.lower())


def spider():
    dev = json.load(open(os.path.join(SPIDER, "dev.json")))
    grams = set()
    for q in dev:
        w = words(q["question"])
        grams.update(tuple(w[i : i + N]) for i in range(len(w) - N + 1))
    names = {}
    for db in json.load(open(os.path.join(SPIDER, "tables.json"))):
        for t in db["table_names_original"]:
            names.setdefault(t.lower(), db["db_id"])
        for _, c in db["column_names_original"]:
            names.setdefault(c.lower(), db["db_id"])
    values = {}
    if "V" in KINDS:
        for path in glob.glob(os.path.join(SPIDER, "database", "*", "*.sqlite")):
            db = os.path.basename(os.path.dirname(path))
            con = sqlite3.connect(path)
            con.text_factory = lambda b: b.decode("utf8", "replace")
            for (t,) in con.execute("select name from sqlite_master where type='table'"):
                for col in con.execute(f'pragma table_info("{t}")').fetchall():
                    try:
                        for (v,) in con.execute(f'select distinct "{col[1]}" from "{t}" limit 3000'):
                            if isinstance(v, str) and 3 <= len(v.strip()) <= 40:
                                values.setdefault(v.strip().lower(), db)
                    except sqlite3.Error:
                        pass
    return grams, names, values


def texts(src):
    """Comments ('C') and string literals ('S') of a Java source, with their first line numbers."""
    i, line, n = 0, 1, len(src)
    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            yield line, "C", src[i + 2 : j]
            i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i) + 2
            yield line, "C", src[i:j]
            line += src[i:j].count("\n")
            i = j
        elif src.startswith('"""', i):
            j = src.find('"""', i + 3) + 3
            yield line, "S", src[i + 3 : j - 3]
            line += src[i:j].count("\n")
            i = j
        elif src[i] in "\"'":
            quote, j = src[i], i + 1
            while src[j] != quote:
                j += 2 if src[j] == "\\" else 1
            if quote == '"':
                yield line, "S", src[i + 1 : j]
            i = j + 1
        else:
            line += src[i] == "\n"
            i += 1


def main():
    grams, names, values = spider()
    base = os.path.join(ROOT, "server", "src")
    files = sorted(
        glob.glob(base + "/main/java/io/datamind/offline/**/*.java", recursive=True)
        + glob.glob(base + "/test/java/io/datamind/offline/*.java")
    )
    for f in files:
        rel = os.path.relpath(f, ROOT)
        for first, kind, text in texts(open(f).read()):
            for k, seg in enumerate(text.split("\n")):
                where = f"{rel}:{first + k} [{kind}]"
                w = words(seg)
                if "Q" in KINDS:
                    hits = {" ".join(w[i : i + N]) for i in range(len(w) - N + 1) if tuple(w[i : i + N]) in grams}
                    if hits:
                        print(f"Q {where} {seg.strip()[:120]}  <= {sorted(hits)[:3]}")
                if "N" in KINDS:
                    for t in set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", seg)):
                        if ("_" in t or re.search("[a-z][A-Z]", t)) and t.lower() in names:
                            print(f"N {where} {t} ({names[t.lower()]})")
                if "V" in KINDS:
                    probe = seg if kind == "C" else '"' + seg + '"'
                    pattern = r"'([^']{3,40})'|\"([^\"]{3,40})\"|\b([A-Z][a-z]+(?: [A-Z][a-z]+)*)\b"
                    for m in re.findall(pattern, probe):
                        s = next(x for x in m if x).strip().lower()
                        if s in values:
                            print(f"V {where} {s!r} ({values[s]})")


if __name__ == "__main__":
    main()
