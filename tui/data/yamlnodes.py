"""YAML text → a small tree of located nodes, safely: no tags run, no aliases, bounded depth and size."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tui.data.cancelling import CHUNK, Asked, Cancelled, chunks
from tui.data.characters import FORBIDDEN, describe
from tui.data.conflicts import conflict_problems
from tui.data.safefiles import Refused, read_capped

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
MAX_LINE = 20_000
MAX_NODES = 5_000_000
MAX_CHARACTER_PROBLEMS = 50  # beyond this, one line says how many more
# Events between looks at whether a newer load has made this one moot. The look is also where
# a load in its thread gives way to keys (the app waits in it while a key is answered): over a
# 20,000-position load the looks came a median 1.1 ms apart (95% within 3.8 ms); 4,096 events
# were 25 ms, a frame and a half.
CANCEL_EVERY = 512
# Escapes of a double-quoted YAML scalar, to find the one that made a forbidden character.
ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
# The one-letter escapes that stand for a forbidden character (\t, \n and \r are allowed).
CONTROL_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "v": "\x0b",
    "f": "\x0c",
    "e": "\x1b",
    "N": "\x85",
    "L": "\u2028",  # YAML's escapes for the line and paragraph separators, refused like the rest
    "P": "\u2029",
}
# What follows an error's mark when the parser stopped at the end of the file.
AT_END = re.compile(r"\s*\Z")
# Within a flow collection: brackets, and the quoted texts and comments whose brackets do not count.
FLOW_TOKENS = re.compile(
    r"""[\[\]{}]|(?<![^\s\[{,:])(?:'(?:[^']|'')*'?|"(?:[^"\\]|\\.)*"?)|(?<!\S)#[^\n]*""", re.DOTALL
)
FLOW_REACH = 65_536  # how far on a '[' or '{' is looked for its closing bracket
# Tags a hand-written data file may carry; anything else (e.g. !!python/object) is refused unread.
PLAIN_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


@dataclass(slots=True)
class Node:
    """A scalar (str), sequence (list) or mapping (dict of key text → (key node, value node))."""

    value: str | list[Node] | dict[str, tuple[Node, Node]]
    line: int
    col: int
    quoted: bool = False

    @property
    def kind(self) -> str:
        if isinstance(self.value, str):
            return "text"
        return "list" if isinstance(self.value, list) else "mapping"


class YamlProblem(Exception):
    """A file that cannot be read as YAML at all; carries a located message."""

    def __init__(self, message: str, line: int | None = None, col: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.col = message, line, col

    @property
    def each(self) -> tuple[YamlProblem, ...]:
        """Every problem this one reports: itself, except for merge conflicts, which come together."""
        return (self,)


class MergeConflicts(YamlProblem):
    """Conflict markers git left in the file: each conflict and stray marker, reported at once.

    Nothing else is parsed: the YAML errors that markers cause ("a key without ':'") would only
    hide what happened, and what else is wrong depends on which side is kept.
    """

    def __init__(self, problems: tuple[YamlProblem, ...]) -> None:
        super().__init__(problems[0].message, problems[0].line, problems[0].col)
        self.problems = problems

    @property
    def each(self) -> tuple[YamlProblem, ...]:
        return self.problems


def read_text(path: Path, cancelled: Asked = None) -> str:
    """Read a data file as UTF-8 text, turning every I/O or encoding failure into a YamlProblem."""
    try:
        raw = read_capped(path, MAX_BYTES)
    except Refused as refused:
        raise YamlProblem(str(refused)) from None
    return decode(raw, cancelled)


def decode(raw: bytes, cancelled: Asked = None) -> str:
    """UTF-8 (with or without BOM) or a located error at the first bad byte."""
    if b"\x00" in raw[:8192]:
        line, col = _locate(raw, raw.index(b"\x00"))
        raise YamlProblem("the file holds binary data (a NUL byte), not YAML text", line, col)
    try:
        if len(raw) <= CHUNK:
            return raw.decode("utf-8-sig")
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        view = memoryview(raw)
        parts = [decoder.decode(view[at : at + CHUNK]) for at in chunks(len(raw), cancelled)]
        return "".join([*parts, decoder.decode(b"", final=True)])
    except UnicodeDecodeError:
        pass
    # A chunk's error gives an offset within the chunk: decode whole to say where the byte is.
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, col = _locate(raw, error.start)
        raise YamlProblem(
            f"byte 0x{raw[error.start]:02x} is not UTF-8 text: save the file as UTF-8", line, col
        ) from None


def _locate(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    col = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def _long_line(text: str, cancelled: Asked = None) -> tuple[int, int] | None:
    """The first line longer than MAX_LINE, as (its number, its length), read a chunk of lines
    at a time (see CHUNK)."""
    number, start = 1, 0
    while start < len(text):
        if cancelled is not None and cancelled():
            raise Cancelled()
        end = text.find("\n", min(len(text), start + CHUNK))
        end = len(text) if end < 0 else end
        lines = text[start:end].split("\n")
        if max(map(len, lines)) > MAX_LINE:
            index = next(i for i, line in enumerate(lines) if len(line) > MAX_LINE)
            return number + index, len(lines[index])
        number, start = number + len(lines), end + 1
    return None


def _has_forbidden(text: str, cancelled: Asked = None) -> bool:
    return any(FORBIDDEN.search(text, at, at + CHUNK) for at in chunks(len(text), cancelled))


def forbidden_characters(text: str, cancelled: Asked = None) -> tuple[str, list[YamlProblem]]:
    """Every raw control or bidi character, located; and the text with each replaced by U+FFFD.

    libyaml refuses most of them with no line ("unacceptable character ... position 8") and
    stops; replacing them (one character for one, so columns hold) lets the parse go on and
    report everything else in the file as well.
    """
    if not _has_forbidden(text, cancelled):
        return text, []
    problems: list[YamlProblem] = []
    line, line_start, counted_to = 1, 0, 0
    found = 0
    for match in FORBIDDEN.finditer(text):
        found += 1
        if found > MAX_CHARACTER_PROBLEMS + 1:
            continue
        at = match.start()
        newlines = text.count("\n", counted_to, at)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", counted_to, at) + 1
        counted_to = at
        if found > MAX_CHARACTER_PROBLEMS:  # the first of those not listed one by one
            more = len(FORBIDDEN.findall(text, at))
            problems.append(
                YamlProblem(
                    f"{more:,} more control or bidi characters from here on", line, at - line_start + 1
                )
            )
            continue
        problems.append(
            YamlProblem(
                f"a {describe(match.group())} is not allowed in a data file: delete it",
                line,
                at - line_start + 1,
            )
        )
    return FORBIDDEN.sub("\ufffd", text), problems


def _position(text: str, at: int) -> tuple[int, int]:
    """1-based line and column of a character offset (the text-side twin of _locate)."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _escaped_characters(text: str, event: yaml.ScalarEvent) -> list[YamlProblem]:
    """Locate the escapes of a double-quoted scalar that made a forbidden character."""
    start, end = event.start_mark, event.end_mark
    assert start is not None and end is not None  # the parser marks every scalar
    raw = text[start.index : end.index]
    out = []
    for match in ESCAPE.finditer(raw):
        code = match.group(1)
        if len(code) > 1:
            char = chr(int(code[1:], 16)) if int(code[1:], 16) <= 0x10FFFF else ""
        else:
            char = CONTROL_ESCAPES.get(code, "")
        if char and FORBIDDEN.match(char):
            line, col = _position(text, start.index + match.start())
            out.append(
                YamlProblem(
                    f"the escape '{match.group()}' makes a {describe(char)}, which is not allowed in a data file: delete it",
                    line,
                    col,
                )
            )
    return out


def parse_nodes(text: str, cancelled: Asked = None) -> tuple[Node, list[YamlProblem]]:
    """Build the node tree from PyYAML's event stream, which never constructs Python objects.

    Problems that leave the tree readable (a duplicate key, a refused tag or anchor, a control
    character) are returned so they are reported with everything else; the rest end the parse
    with a YamlProblem. `cancelled` is asked now and then; when it says yes the parse stops
    with Cancelled. Merge conflict markers are looked for first, before any YAML is read.
    """
    conflicts = conflict_problems(text, cancelled)
    if conflicts:
        raise MergeConflicts(tuple(YamlProblem(message, line, 1) for line, message in conflicts))
    if (long := _long_line(text, cancelled)) is not None:
        number, length = long
        raise YamlProblem(
            f"line is {length:,} characters long; the limit is {MAX_LINE:,}: break it up", number, 1
        )
    text, soft = forbidden_characters(text, cancelled)
    # The loop below runs once per event, some 8,000 for the bundled file: it reads PyYAML's
    # parser directly, tells events apart by their class, and keeps the open collection in locals
    # (it was the larger half of a load). Rare cases (tags, anchors, escapes) go to functions.
    stack: list[tuple[Node | None, Node | None]] = []  # the enclosing (collection, pending key)s
    flows: list[Node] = []  # the '[' and '{' collections open now, innermost last
    current: Node | None = None  # the collection open now
    key: Node | None = None  # its pending mapping key
    root: Node | None = None
    # The last event read, for where an error's unread text starts. Any: the loop tells events
    # apart by `type(event) is`, which mypy does not narrow on.
    event: Any = None
    documents = nodes = count = 0
    parser = (yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)(text)
    next_event: Callable[[], Any] = parser.get_event
    try:
        while (event := next_event()) is not None:
            count += 1
            if cancelled is not None and count % CANCEL_EVERY == 1 and cancelled():
                raise Cancelled()
            kind = type(event)
            if kind is _END_SEQUENCE or kind is _END_MAPPING:
                if flows and flows[-1] is current:
                    flows.pop()
                current, key = stack.pop()
                continue
            if kind is _SCALAR or kind is _START_MAPPING or kind is _START_SEQUENCE:
                mark = event.start_mark
                line, col = mark.line + 1, mark.column + 1
                nodes += 1
                if nodes > MAX_NODES:
                    raise YamlProblem(f"more than {MAX_NODES:,} values: the file is too large", line, col)
                if event.anchor is not None or event.tag not in PLAIN_TAGS:
                    soft.extend(_refused_marks(event, line, col))
                if kind is _SCALAR:
                    style = event.style
                    if style == '"' and FORBIDDEN.search(event.value):
                        soft.extend(_escaped_characters(text, event))
                    node = Node(event.value, line, col, style == "'" or style == '"')
                else:
                    node = Node([] if kind is _START_SEQUENCE else {}, line, col)
                if current is None:
                    root = node
                elif isinstance(items := current.value, list):
                    items.append(node)
                elif key is None:
                    if kind is not _SCALAR:
                        raise YamlProblem(
                            "a mapping key must be plain text, not a list or mapping", line, col
                        )
                    key = node
                else:
                    _set(current, key, node, soft)
                    key = None
                if kind is not _SCALAR:
                    if len(stack) >= MAX_DEPTH:
                        raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", line, col)
                    stack.append((current, key))
                    current, key = node, None
                    if event.flow_style:
                        flows.append(node)
                continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise YamlProblem(
                        "a second YAML document starts here ('---'): keep all the data in one document",
                        mark.line + 1,
                        mark.column + 1,
                    )
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                raise YamlProblem(
                    f"aliases ('*{event.anchor}') are not allowed in a data file: write the value out",
                    mark.line + 1,
                    mark.column + 1,
                )
    except yaml.MarkedYAMLError as error:
        unread = event.end_mark.index if event is not None and event.end_mark is not None else 0
        raise _explain(error, text, flows, len(stack), unread) from None
    except yaml.reader.ReaderError as error:
        # Characters are replaced above, so this is rare; still, say where.
        line, col = _position(text, max(0, min(error.position, len(text))))
        raise YamlProblem(f"not valid YAML: {error.reason}", line, col) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"not valid YAML: {error}") from None
    finally:
        parser.dispose()
    if root is None:
        raise YamlProblem(
            "the file is empty (or only comments): it needs the top-level keys 'sources', 'parties', 'issues', 'positions'",
            1,
            1,
        )
    return root, soft


_SCALAR = yaml.ScalarEvent
_START_MAPPING, _END_MAPPING = yaml.MappingStartEvent, yaml.MappingEndEvent
_START_SEQUENCE, _END_SEQUENCE = yaml.SequenceStartEvent, yaml.SequenceEndEvent


def release(root: Node, cancelled: Asked = None) -> None:
    """Free a parsed tree an entry of each section at a time.

    Left to reference counting, a tree is freed in one go when the load returns: one call that
    holds the interpreter while millions of nodes go (380 ms at 50,000 positions, py-spy), a
    stall for every key pressed while a worker thread loads. Freed entry by entry, the loading
    thread lets the UI thread in between, as in the rest of the load; `cancelled` is asked every
    64 entries only for that (the app gives way to keys in it), its answer ignored: the tree goes
    either way (100 ms of freeing at 20,000 positions had no look).
    """
    sections = root.value
    if not isinstance(sections, dict):
        return
    count = 0
    for _key, section in sections.values():
        entries = section.value
        if not isinstance(entries, list | dict):
            continue
        drop = entries.pop if isinstance(entries, list) else entries.popitem
        while entries:
            count += 1
            if cancelled is not None and count % 64 == 0:
                cancelled()
            drop()
    sections.clear()


def _refused_marks(event: yaml.NodeEvent, line: int, col: int) -> list[YamlProblem]:
    """A tag or anchor on a value: never constructed, so it cannot run; the value reads as if
    it had none."""
    out = []
    tag = getattr(event, "tag", None)
    if tag not in PLAIN_TAGS:
        out.append(
            YamlProblem(
                f"the tag '{tag}' is not allowed: data files hold plain text, lists and mappings", line, col
            )
        )
    if event.anchor is not None:
        out.append(
            YamlProblem(
                f"anchors ('&{event.anchor}') are not allowed in a data file: write each value out", line, col
            )
        )
    return out


def _set(mapping: Node, key: Node, node: Node, soft: list[YamlProblem]) -> None:
    items = mapping.value
    assert isinstance(items, dict) and isinstance(key.value, str)
    if key.value in items:
        first = items[key.value][0]
        soft.append(
            YamlProblem(
                f"duplicate key '{key.value}' (first at line {first.line}): each key may appear once",
                key.line,
                key.col,
            )
        )
    else:
        items[key.value] = (key, node)


def _explain(
    error: yaml.MarkedYAMLError, text: str, flows: list[Node], depth: int, unread: int
) -> YamlProblem:
    """Say what PyYAML's scanner and parser found in words a person editing the file uses, at the
    token that is wrong: an unclosed bracket or quote where it opens, not where the parser gave up.

    `flows` are the '[' and '{' collections open when the error came, `depth` how many collections
    were open, and `unread` where the text the parser had not yet turned into events begins.
    """
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    problem, context = (error.problem or ""), (error.context or "")
    start = error.context_mark
    if "cannot start any token" in problem:
        message = _bad_start(text, line, col)
    elif "maximum nesting depth" in problem:
        # libyaml counts flow levels while it scans ahead for a possible key, so on one long
        # line of '[' it stops at its own limit (1,000 levels, column 1003) before any of them
        # reaches our count. Point where our own count would have stopped, as it does for
        # nesting that libyaml hands over in time: the bracket that opens level 65. That is
        # where the file crosses the limit, the same place whatever libyaml's limit is.
        if mark is not None:
            line, col = _too_deep(text, unread, depth, mark.index)
        message = f"nested more than {MAX_DEPTH} levels deep"
    elif "quoted scalar" in context and error.problem_mark and start:
        return _quoted(text, problem, error.problem_mark, start)
    elif ("flow sequence" in context or "flow mapping" in context or "flow node" in context) and (
        flow := _unclosed_flow(error, text, flows)
    ):
        return flow
    elif mark is not None and text[mark.index : mark.index + 1] in ("]", "}"):
        closer = text[mark.index]
        opens = "'[' list" if closer == "]" else "'{' mapping"
        message = f"a '{closer}' that closes no {opens}: delete it"
    elif "mapping values are not allowed" in problem:
        message = (
            "a ':' where a value was expected: put text that holds ': ' in quotes, or fix the indentation"
        )
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = "the indentation does not line up with the lines above"
    elif "did not find expected '-' indicator" in problem:
        message = "a list item ('- ') was expected here: the indentation does not line up"
    elif "could not find expected ':'" in problem and start:
        # The key is the token at fault; the parser only noticed on the line after it.
        return YamlProblem("a key without ':'", start.line + 1, start.column + 1)
    else:
        message = f"not valid YAML: {problem}{' ' + context if context else ''}".strip()
    return YamlProblem(message, line, col)


def _too_deep(text: str, unread: int, depth: int, stopped: int) -> tuple[int, int]:
    """Where the bracket that opens level MAX_DEPTH + 1 stands, counting on from the `depth`
    collections open at `unread`; the parser's own stop when no bracket reaches it (one always
    should: libyaml's limit is far above ours)."""
    for match in FLOW_TOKENS.finditer(text, unread, stopped + 1):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return _position(text, match.start())
        elif token in ("]", "}"):
            depth -= 1
    return _position(text, stopped)


def _quoted(text: str, problem: str, stop: yaml.Mark, opened: yaml.Mark) -> YamlProblem:
    """An unclosed quote is reported at the quote that opens it; a bad escape at its backslash."""
    if "escape" in problem or "hexdecimal" in problem:
        at = text.rfind("\\", opened.index, stop.index + 1)
        at = at if at >= 0 else stop.index
        line, col = _position(text, at)
        escape = text[at : at + 2]
        if "unknown escape" in problem:
            message = (
                f"'{escape}' is not an escape in double-quoted text: write '\\\\' for a backslash, "
                "or put the text in single quotes"
            )
        else:
            digits = {"\\x": 2, "\\u": 4, "\\U": 8}.get(escape, 2)
            if "hexdecimal" in problem:
                message = f"the escape '{escape}' needs {digits} hexadecimal digits (0-9, a-f)"
            else:
                message = f"the escape '{text[at : at + 2 + digits]}' names no Unicode character"
        return YamlProblem(message, line, col)
    if "document indicator" in problem:
        message = (
            f"a quoted text is never closed: the '{text[stop.index : stop.index + 3]}' at line "
            f"{stop.line + 1} ends the document inside it; add the closing quote"
        )
    else:
        message = "a quoted text is never closed: add the closing quote"
    return YamlProblem(message, opened.line + 1, opened.column + 1)


def _unclosed_flow(error: yaml.MarkedYAMLError, text: str, flows: list[Node]) -> YamlProblem | None:
    """A '[' or '{' the parser could not finish. Never closed in the rest of the file: at the
    bracket, where the fix goes (the parser only gives up lines later). Closed further on: at the
    token inside it that is not a ',', a value or the closing bracket (a comma left out, a ':'
    too many), with the bracket named."""
    stop, context = error.problem_mark, error.context or ""
    if stop is None:
        return None
    if "flow node" in context:  # libyaml marks the value it wanted, not the bracket around it
        if not flows:
            return None
        opener = flows[-1]
        line, col, bracket = opener.line, opener.col, "[" if isinstance(opener.value, list) else "{"
        at = _offset(text, line, col)
    elif error.context_mark is not None:
        line, col = error.context_mark.line + 1, error.context_mark.column + 1
        bracket, at = "[" if "sequence" in context else "{", error.context_mark.index
    else:
        return None
    closer, what = ("]", "list") if bracket == "[" else ("}", "mapping")
    if AT_END.match(text, stop.index):
        return YamlProblem(
            f"a '{bracket}' {what} is not closed with '{closer}' before the end of the file", line, col
        )
    if not _closed(text, at):
        return YamlProblem(
            f"a '{bracket}' {what} is not closed with '{closer}': it is still open at line {stop.line + 1}, "
            f"column {stop.column + 1}",
            line,
            col,
        )
    wanted = "a value" if "flow node" in context else f"a ',' or '{closer}'"
    opened = f"column {col}" if stop.line + 1 == line else f"line {line}, column {col}"
    return YamlProblem(
        f"{wanted} was expected here, in the '{bracket}' {what} opened at {opened}",
        stop.line + 1,
        stop.column + 1,
    )


def _offset(text: str, line: int, col: int) -> int:
    """The character offset of a 1-based line and column (the inverse of _position)."""
    at = 0
    for _ in range(line - 1):
        at = text.index("\n", at) + 1
    return at + col - 1


def _closed(text: str, opener: int) -> bool:
    """Whether the bracket at `opener` is closed in the FLOW_REACH characters after it, brackets in
    quotes and comments aside. A hand-written list or mapping in braces spans a few lines; one
    open for longer is taken for unclosed, and the look stays fast in a 32 MiB file."""
    depth = 0
    for match in FLOW_TOKENS.finditer(text, opener, opener + FLOW_REACH):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
        elif token in ("]", "}"):
            depth -= 1
            if depth == 0:
                return True
    return False


def _bad_start(text: str, line: int | None, col: int | None) -> str:
    # libyaml's marks carry no snippet of the line, so look the character up in the text.
    lines = text.split("\n")
    char = lines[line - 1][col - 1 : col] if line and col and line <= len(lines) else ""
    if char == "\t":
        return "a tab character: YAML indents with spaces only"
    if char in ("@", "`"):
        return f"'{char}' cannot start a value: put the text in quotes"
    return (
        f"'{char}' cannot start a value here: put the text in quotes" if char else "a value cannot start here"
    )
