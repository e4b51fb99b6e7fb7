"""The bundled file mutated a few hundred ways: `check` ends in 0 or 1, never a traceback, every problem located."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.commands.cli import main

REPO = Path(__file__).parent.parent
ORIGINAL = (REPO / "data" / "positions.yaml").read_text(encoding="utf-8")
LINES = ORIGINAL.split("\n")
IDS = re.findall(r"^  ([a-z0-9][a-z0-9_-]*):\s*$", ORIGINAL, re.MULTILINE)
SCALARS = [n for n, line in enumerate(LINES) if re.match(r"^\s+[a-z_]+: \S", line)]
FILES = [n for n, line in enumerate(LINES) if line.strip().startswith("file: ")]
RETYPED = [
    "[]",
    "{}",
    "- x",
    "true",
    "123",
    "~",
    "",
    "'",
    '"',
    "&a x",
    "*a",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGk=",
    "9999",
    "1/1/1",
    "'0000'",
    "Q4 9999",
    "before 0001-01-01",
    "[@click=app.quit]x[/]",
    "'[/]'",
    "{a: [b, {c: d}]}",
    "? complex\n  : key",
    "|\n  block",
    ">-",
    "'\\e'",
    '"\\e[2J"',
    '"\\u202e"',
    "-",
    ":",
]
CHARACTERS = [
    "\x1b",
    "\x07",
    "\x0b",
    "\x9b",
    "\x00",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\t",
    "\r",
    "\x85",
    "\ufffe",
]
# Lines git leaves after a conflicting merge, and near misses that are not markers.
MARKERS = [
    "<<<<<<< HEAD",
    "||||||| merged common ancestors",
    "=======",
    ">>>>>>> theirs",
    "<<<<<<<<",
    "======= x",
]
OUTSIDE = [
    "../../etc/passwd",
    "/dev/zero",
    "/etc/passwd",
    "..",
    ".",
    "''",
    "/dev/stdin",
    "a/../../x",
    "C:\\x",
]


@st.composite
def mutation(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """One edit a careless or hostile hand might make to the file."""
    lines = list(lines)
    if not lines:
        return lines
    kind = draw(
        st.sampled_from(
            [
                "delete",
                "duplicate",
                "swap",
                "retype",
                "character",
                "escape",
                "truncate",
                "collide",
                "outside",
                "marker",
            ]
        )
    )
    at = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "retype" and SCALARS:
        n = draw(st.sampled_from(SCALARS)) % len(lines)
        key, _, _ = lines[n].partition(": ")
        lines[n] = f"{key}: {draw(st.sampled_from(RETYPED))}"
    elif kind == "character":
        col = draw(st.integers(0, len(lines[at])))
        lines[at] = lines[at][:col] + draw(st.sampled_from(CHARACTERS)) + lines[at][col:]
    elif kind == "escape" and SCALARS:
        n = draw(st.sampled_from(SCALARS)) % len(lines)
        key, _, value = lines[n].partition(": ")
        escape = draw(st.sampled_from(["\\e", "\\a", "\\x9b", "\\u202e", "\\0", "\\N", "\\U0001F600", "\\t"]))
        lines[n] = f'{key}: "{value.strip(chr(34))[:20]}{escape}"'
    elif kind == "truncate":
        text = "\n".join(lines)
        return text[: draw(st.integers(0, len(text)))].split("\n")
    elif kind == "collide" and len(IDS) > 1:
        first, second = draw(st.sampled_from(IDS)), draw(st.sampled_from(IDS))
        lines = [f"  {second}:" if line == f"  {first}:" else line for line in lines]
    elif kind == "marker":
        lines.insert(at, draw(st.sampled_from(MARKERS)))
    elif kind == "outside" and FILES:
        n = draw(st.sampled_from(FILES)) % len(lines)
        lines[n] = f"    file: {draw(st.sampled_from(OUTSIDE))}"
    return lines


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = LINES
    for _ in range(draw(st.integers(1, 3))):
        lines = draw(mutation(lines))
    return "\n".join(lines)


@settings(
    max_examples=300,
    derandomize=True,  # the same examples on every run, so CI is reproducible
    deadline=2000,  # each example under 2 s
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(text=mutated())
def test_check_survives_any_mutation(bundled: Path, text: str) -> None:
    bundled.write_text(text, encoding="utf-8", errors="surrogatepass")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(bundled), "--today", "2026-03-15"])
    assert code in (0, 1)
    said = err.getvalue().splitlines()
    if code == 0:
        assert out.getvalue().startswith(f"{bundled}: ok")
        # A sound file may still carry warnings (a quote that drops its sentence's hedge): located.
        assert all(re.match(rf"{re.escape(str(bundled))}:\d+:\d+: warning: \S", line) for line in said), said
        return
    *problems, summary = said
    assert re.fullmatch(rf"{re.escape(str(bundled))}: \d+ problems?", summary)
    for line in problems:
        assert re.match(rf"{re.escape(str(bundled))}:\d+:\d+: \S", line), line
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", line), line
