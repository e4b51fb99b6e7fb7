"""`peacedash add-source TEXTFILE [--id ID] [FILE]`: copy an article into the seeds folder and
print a ready `sources:` entry of what its text prints. It never edits the data file."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tui.data.article import Found, propose_id, read_facts
from tui.data.characters import visible
from tui.data.load import load_positions
from tui.data.safefiles import Refused, read_capped
from tui.data.sources import MAX_SEED_BYTES

ID_SHAPE = "lower-case letters, digits and '-'"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # YAML double-quoted syntax


def _where(found: Found | None, what: str) -> str:
    return (
        f"{what} from line {found.line} ({visible(found.text)[:60]!r})" if found else f"{what}: not printed"
    )


def run_add_source(data_path: Path, article: Path, wanted_id: str | None) -> int:
    try:
        raw = read_capped(article, MAX_SEED_BYTES)
    except Refused as refused:
        print(f"peacedash add-source: {article} {refused}", file=sys.stderr)
        return 2
    if b"\x00" in raw[:8192]:
        print(f"peacedash add-source: {article} holds binary data, not text", file=sys.stderr)
        return 2
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        print(f"peacedash add-source: {article} is not UTF-8 text (byte {error.start:,})", file=sys.stderr)
        return 2
    result = load_positions(data_path, verify=False)
    data = result.dataset
    seed_dir = data.seed_dir if data is not None else (data_path.parent / "../seeds").resolve()
    taken = set(data.sources) if data is not None else set()
    facts = read_facts(text)
    if wanted_id is not None:
        import re

        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", wanted_id):
            print(f"peacedash add-source: --id '{wanted_id}' should be {ID_SHAPE}", file=sys.stderr)
            return 2
        if wanted_id in taken:
            print(
                f"peacedash add-source: the source id '{wanted_id}' is already used in {data_path}",
                file=sys.stderr,
            )
            return 2
        sid = wanted_id
    else:
        sid = propose_id(facts.headline.value if facts.headline else article.stem, taken)
    target = seed_dir / f"{sid}.txt"
    if not seed_dir.is_dir():
        print(f"peacedash add-source: the seeds folder {seed_dir} does not exist", file=sys.stderr)
        return 2
    if os.path.lexists(target):
        if target.is_file() and target.read_bytes() == raw:
            print(f"{target} holds this text already; not copied again", file=sys.stderr)
        else:
            print(f"peacedash add-source: {target} exists and differs: choose another --id", file=sys.stderr)
            return 2
    else:
        with open(target, "xb") as out:  # 'x': never over a file that appeared meanwhile
            out.write(raw)
        print(f"copied to {target}", file=sys.stderr)
    notes = [
        _where(facts.headline, "title"),
        _where(facts.published_from, "published"),
        _where(facts.credit, "outlet"),
        _where(facts.byline, "byline"),
    ]
    if facts.banner:
        notes.append(
            "the date stands alone at the top of the page: a banner, perhaps the day viewed, not the publication"
        )
    published = facts.published.isoformat() if facts.published else "unknown"
    inferred = facts.banner
    print("sources:")
    print(f"  {sid}:")
    print(f"    file: {target.name}")
    print(f"    title: {_quoted(facts.headline.value if facts.headline else 'unknown')}")
    print(f"    outlet: {_quoted(facts.credit.value if facts.credit else 'not named')}")
    print(f"    published: {published}")
    if inferred:
        print("    inferred: true")
    print(f"    note: {_quoted('; '.join(notes))}")
    return 0
