"""`peacedash add-source TEXTFILE [--id ID] [FILE]`: copy an article into the seeds folder and
print a ready `sources:` entry of what its text prints. It never edits the data file."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tui.data.article import ArticleFacts, Found, propose_id, read_facts
from tui.data.characters import visible
from tui.data.load import load_positions
from tui.data.safefiles import Refused, read_capped
from tui.data.sources import MAX_SEED_BYTES

ID_SHAPE = "lower-case letters, digits and '-'"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # YAML double-quoted syntax


def _folded(text: str, indent: int, width: int = 96) -> str:
    """`text` as a YAML double-quoted scalar folded over lines of `width` (a line break in one
    reads back as a space), so a long note stays readable in an editor. It is read back to make
    sure; anything the fold would change (runs of spaces) stays on one line."""
    import textwrap

    import yaml

    one_line = _quoted(text)
    lines = textwrap.wrap(
        one_line,
        width - indent,
        break_long_words=False,
        break_on_hyphens=False,
        subsequent_indent=" " * indent,
    )
    folded = "\n".join(lines)
    return folded if yaml.safe_load(folded) == text else one_line


def _shown(text: str, limit: int = 60) -> str:
    """The line a value came from, cut at a word (with '…') when longer than `limit`."""
    text = visible(text)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _where(found: Found | None, what: str) -> str:
    return f"{what} from line {found.line} ({_shown(found.text)!r})" if found else f"{what}: not printed"


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
    if not seed_dir.is_dir():
        print(f"peacedash add-source: the seeds folder {seed_dir} does not exist", file=sys.stderr)
        return 2
    copy = _same_text(seed_dir, raw)
    if copy is not None:
        # Run again after the entry was pasted, it would otherwise propose 'id-2' and copy twice.
        known = [s for s, source in (data.sources.items() if data else ()) if source.file == copy.name]
        sid = known[0] if known else copy.stem
        said = f" (source '{sid}' of {data_path})" if known else ""
        print(f"{copy} holds this text already{said}; not copied again", file=sys.stderr)
        return _print_entry(sid, copy, facts)
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
        # A proposed id steps past the seeds folder's files too ('-2'); an --id the user chose
        # is never changed behind their back, it is refused below if its file exists.
        on_disk = {
            entry.name.removesuffix(".txt") for entry in seed_dir.iterdir() if entry.name.endswith(".txt")
        }
        sid = propose_id(facts.headline.value if facts.headline else article.stem, taken | on_disk)
    target = seed_dir / f"{sid}.txt"
    if os.path.lexists(target):
        print(f"peacedash add-source: {target} exists and differs: choose another --id", file=sys.stderr)
        return 2
    with open(target, "xb") as out:  # 'x': never over a file that appeared meanwhile
        out.write(raw)
    print(f"copied to {target}", file=sys.stderr)
    return _print_entry(sid, target, facts)


def _same_text(seed_dir: Path, raw: bytes) -> Path | None:
    """A file of the seeds folder that holds exactly these bytes, if any."""
    for path in sorted(seed_dir.iterdir()):
        try:
            if (
                path.is_file()
                and path.stat().st_size == len(raw)
                and read_capped(path, MAX_SEED_BYTES) == raw
            ):
                return path
        except (OSError, Refused):
            continue  # unreadable: not the same text as far as anyone can tell
    return None


def _print_entry(sid: str, target: Path, facts: ArticleFacts) -> int:
    notes = [
        _where(facts.headline, "title"),
        _where(facts.published_from, "published")
        if not facts.yearless
        else f"published: not in full (line {facts.yearless.line} prints {facts.yearless.value!r}, no year)",
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
    # Always printed, so the curator sees the question was asked: true only for a banner date.
    print(f"    inferred: {'true' if inferred else 'false'}")
    print(f"    note: {_folded('; '.join(notes), indent=6)}")
    return 0
