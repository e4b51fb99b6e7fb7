"""Merge conflict markers git leaves in a file, found before any YAML is parsed and named as such.

After two people change the same lines, `git merge` writes both versions between marker lines:

    <<<<<<< HEAD                    (ours, labelled)
    ...
    ||||||| merged common ancestors (only with merge.conflictStyle diff3 or zdiff3)
    ...
    =======
    ...
    >>>>>>> their-branch            (theirs, labelled)

A marker is what git writes (git's rerere reads back about the same, rerere.c is_cmarker): exactly
seven of the same character at the very start of a line, then the end of the line or a space and
a label (`=======` takes no label, so only trailing spaces may follow it). Eight `<` are not a
marker; nor is `<<<<<<<HEAD`. No key of a data file starts so, and a text that would have a line
start so can indent it, so such a line is always taken for a marker, even inside a quoted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain

from tui.data.cancelling import CHUNK, Asked, chunks

MAX_CONFLICT_PROBLEMS = 100  # a flood (a file of nothing but markers) ends in one line saying so
MAX_LABEL = 60  # a label is shown up to this many characters
_BODY = r"(?:([<|>])\1{6}(?:[ \t]([^\n]*))?|={7}[ \t]*)\r?(?=\n|\Z)"
# The first line is matched on its own, every other one after its newline: a literal first
# character lets the regex engine skip ahead fast (about 5 times faster on 32 MiB than `^` with
# MULTILINE, measured), and no copy of the text is made.
# Compiled on the first file that holds a marker: compiling them took 4 ms of every `check`
# (measured), and a file without markers never needs them (`_any_marker` looks first).


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_BODY), re.compile("\n" + _BODY)


_SEVEN = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")


@dataclass(slots=True)
class _Open:
    """A conflict whose `<<<<<<<` line has been seen and whose `>>>>>>>` line has not yet."""

    start: int
    ours: str
    base: int = 0
    base_label: str = ""
    middle: int = 0


def _markers(text: str) -> Iterator[tuple[int, str, str]]:
    """(line, marker character, label) of each marker line, in order, found as they are asked for."""
    first_line, later_lines = _patterns()
    first = first_line.match(text)
    matches = chain([first] if first else [], later_lines.finditer(text))
    line, counted_to = 1, 0
    for match in matches:
        at = match.start() if match is first else match.start() + 1
        line += text.count("\n", counted_to, at)
        counted_to = at
        yield line, match.group(1) or "=", (match.group(2) or "").strip()


def _label(label: str, fallback: str) -> str:
    if not label:
        return fallback
    return f"'{label[:MAX_LABEL]}…'" if len(label) > MAX_LABEL else f"'{label}'"


def _lines(first: int, last: int, name: str) -> str:
    if last < first:
        return f"{name} has no lines"
    if last == first:
        return f"line {first} is {name}"
    return f"lines {first}–{last} are {name}"


def _span(first: int, last: int) -> str:
    if last < first:
        return "no lines"
    return f"line {first}" if last == first else f"lines {first}–{last}"


def _resolved(block: _Open, end: int, theirs: str) -> str:
    ours_to = (block.base or block.middle) - 1
    said = (
        f"unresolved merge conflict: {_lines(block.start + 1, ours_to, _label(block.ours, 'the first side'))}, "
        f"{_lines(block.middle + 1, end - 1, _label(theirs, 'the second side'))}"
    )
    if block.base:
        base = _label(block.base_label, "the common ancestor")
        said += f" (base {base}: {_span(block.base + 1, block.middle - 1)})"
        return said + " — keep one side, delete the base and the marker lines"
    return said + " — keep one side, delete the marker lines"


def _unclosed(block: _Open, why: str) -> str:
    return f"unresolved merge conflict: '{_shown('<', block.ours)}' {why} — keep one side, delete the marker lines"


def _any_marker(text: str, cancelled: Asked) -> bool:
    # Chunks overlap by a marker's length less one: a marker across a boundary is still found.
    return any(seven in text[at : at + CHUNK + 6] for at in chunks(len(text), cancelled) for seven in _SEVEN)


def _shown(char: str, label: str) -> str:
    return char * 7 + (f" {label[:MAX_LABEL]}" if label else "")


def conflict_problems(text: str, cancelled: Asked = None) -> list[tuple[int, str]]:
    """(line, message) for each conflict (at its `<<<<<<<` line) and each marker out of place.

    The first look for any marker goes a chunk at a time, `cancelled` asked before each: over a
    large file at once it held the interpreter for 50 ms while a load ran beside the keys."""
    if not _any_marker(text, cancelled):
        return []
    out: list[tuple[int, str]] = []
    block: _Open | None = None
    for line, char, label in _markers(text):
        if len(out) >= MAX_CONFLICT_PROBLEMS:
            out.append((line, f"more merge conflict markers from here on; the first {len(out)} are listed"))
            return sorted(out)
        if char == "<":
            if block is not None:
                out.append((block.start, _unclosed(block, f"is not closed by '>>>>>>>' before line {line}")))
            block = _Open(line, label)
        elif block is None:
            out.append(
                (
                    line,
                    f"a stray merge conflict marker '{_shown(char, label)}' (no '<<<<<<<' line opens a "
                    "conflict above it): finish resolving the merge and delete the line",
                )
            )
        elif char == "|" and not block.base and not block.middle:
            block.base, block.base_label = line, label
        elif char == "=" and not block.middle:
            block.middle = line
        elif char == ">":
            if block.middle:
                out.append((block.start, _resolved(block, line, label)))
            else:
                out.append(
                    (block.start, _unclosed(block, f"has no '=======' line before its end at line {line}"))
                )
            block = None
        else:  # a second ||||||| or =======, or a ||||||| after the =======
            out.append(
                (
                    line,
                    f"a merge conflict marker '{_shown(char, label)}' out of place in the conflict opened at "
                    f"line {block.start}: delete the line",
                )
            )
    if block is not None:
        out.append((block.start, _unclosed(block, "is not closed by a '>>>>>>>' line")))
    return sorted(out)
