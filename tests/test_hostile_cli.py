"""A data file from someone else, through the installed `peacedash`: every case of issue 9 that a command meets."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

PEACEDASH = shutil.which("peacedash", path=str(Path(sys.executable).parent)) or "peacedash"
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # The timeout is a hang detector (a FIFO read blocks forever), not a speed requirement.
    return subprocess.run(
        [PEACEDASH, *args], capture_output=True, text=True, cwd=cwd, timeout=60, check=False
    )


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def problems(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in done.stderr, done.stderr
    return done.stderr.strip().splitlines()[:-1]


def assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    """No traceback and no raw control character reached the terminal."""
    assert "Traceback" not in done.stderr
    assert not RAW_CONTROL.search(done.stdout), done.stdout
    assert not RAW_CONTROL.search(done.stderr), done.stderr


# ── control characters ─────────────────────────────────────────────────────
@pytest.mark.parametrize(
    "command", [["check"], ["brief"], ["export", "md"], ["export", "ics"], ["export", "json"]]
)
def test_escapes_in_a_double_quoted_title_are_located_and_never_printed_raw(mini, command):
    text = edit(mini, "title: Test negotiation", 'title: "Peace \\e]0;PWNED\\a \\e[31mRED"')
    done = run(*command, str(mini))
    assert done.returncode == 1
    assert_clean(done)
    line = line_of(text, "PWNED")
    assert problems(done) == [
        f"{mini}:{line}:15: the escape '\\e' makes a control character \\x1b (ESC), which is not allowed in a data file: delete it",
        f"{mini}:{line}:25: the escape '\\a' makes a control character \\x07 (BEL), which is not allowed in a data file: delete it",
        f"{mini}:{line}:28: the escape '\\e' makes a control character \\x1b (ESC), which is not allowed in a data file: delete it",
    ]


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (b"\x1b", "\\x1b (ESC)"),
        (b"\x07", "\\x07 (BEL)"),
        (b"\x0b", "\\x0b (VT)"),
        ("\x9b".encode(), "\\x9b (C1)"),
    ],
)
def test_a_raw_control_byte_is_located_at_its_column(mini, raw, name):
    data = mini.read_bytes().replace(b"stance: Monitors", b"stance: Moni" + raw + b"tors")
    mini.write_bytes(data)
    done = run("check", str(mini))
    assert done.returncode == 1
    assert_clean(done)
    line = line_of(data.decode(), "stance: Moni")
    assert problems(done) == [
        f"{mini}:{line}:17: a control character {name} is not allowed in a data file: delete it"
    ]


def test_a_nul_after_the_first_8_kb_is_located(mini):
    text = mini.read_text() + "\n".join(f"# padding line {n:04}" + "." * 40 for n in range(200)) + "\n"
    mini.write_text(text + "# x\x00y\n")
    done = run("check", str(mini))
    assert done.returncode == 1
    assert problems(done) == [
        f"{mini}:{len(text.splitlines()) + 1}:4: a control character \\x00 (NUL) is not allowed in a data file: delete it"
    ]


def test_bidi_overrides_are_refused_raw_or_escaped(mini):
    text = edit(mini, "stance: Monitors", 'stance: "Moni\\u202etors"')
    text = edit(mini, "stance: Fund reconstruction", "stance: Fund \u2066reconstruction")
    done = run("check", str(mini))
    assert_clean(done)
    assert problems(done) == [
        f"{mini}:{line_of(text, 'Moni')}:18: the escape '\\u202e' makes a bidi control \\u202e "
        "(RIGHT-TO-LEFT OVERRIDE), which is not allowed in a data file: delete it",
        f"{mini}:{line_of(text, 'Fund')}:18: a bidi control \\u2066 (LEFT-TO-RIGHT ISOLATE) is not allowed in a data file: delete it",
    ]


def test_tabs_and_newlines_in_block_text_are_fine(mini):
    edit(mini, "stance: Monitors", 'stance: "International\\tmonitors"')
    edit(mini, "    stance: Fund reconstruction", "    stance: |\n      Fund\n      reconstruction")
    assert run("check", str(mini)).returncode == 0


# ── paths from the data file ──────────────────────────────────────────────
@pytest.mark.parametrize(
    ("file", "says"),
    [
        ("../../../../etc/shadow", "climbs out with '..'"),
        ("/etc/passwd", "is an absolute path"),
        ("/dev/zero", "is an absolute path"),
        ("/dev/stdin", "is an absolute path"),
    ],
)
def test_source_files_outside_the_seeds_folder_are_refused_unread(mini, file, says):
    text = edit(mini, "file: alpha.txt", f"file: {file}")
    done = run("check", str(mini))
    assert done.returncode == 1
    [problem] = problems(done)
    assert (
        problem
        == f"{mini}:{line_of(text, 'file: ' + file)}:11: source file '{file}' {says}"
        + problem.split(says, 1)[1]
    )
    assert "closest passage" not in done.stderr and "root:" not in done.stderr


def test_a_link_out_of_the_seeds_folder_is_refused(mini, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(
        "Talks resume in Geneva. The Northland delegation said it will never give up the river valley"
    )
    (mini.parent.parent / "seeds" / "link.txt").symlink_to(secret)
    edit(mini, "file: alpha.txt", "file: link.txt")
    done = run("check", str(mini))
    assert "source file 'link.txt' is a link that leads out of the seeds folder" in done.stderr
    assert "river valley”" not in done.stderr  # nothing of the refused file is quoted


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_seed_that_is_not_a_regular_file_is_never_opened(mini, kind):
    seeds = mini.parent.parent / "seeds"
    if kind == "fifo":
        os.mkfifo(seeds / "pipe.txt")
        name, says = "pipe.txt", "is a named pipe (FIFO), not a text file"
    elif kind == "folder":
        (seeds / "sub").mkdir()
        name, says = "sub", "is a folder, not a text file"
    else:
        (seeds / "zero").symlink_to("/dev/zero")
        name, says = "zero", "is a link that leads out of the seeds folder"
    edit(mini, "file: alpha.txt", f"file: {name}")
    done = run("check", str(mini))  # a FIFO opened for reading would block here until the timeout
    assert done.returncode == 1 and f"source file '{name}' {says}" in done.stderr


def test_a_seeds_folder_that_is_a_device_folder_still_refuses_devices(mini):
    edit(mini, "version: 1", "version: 1\nseeds: /dev")
    edit(mini, "file: alpha.txt", "file: zero")
    done = run("check", str(mini))
    assert done.returncode == 1 and "source file 'zero' is a device, not a text file" in done.stderr


@pytest.mark.parametrize(
    ("seeds", "says"),
    [("/etc/hostname", "is a file, not a folder"), ("/dev/null", "is a device, not a folder")],
)
def test_a_seeds_folder_that_is_not_a_folder_is_refused(mini, seeds, says):
    if not Path(seeds).exists():
        pytest.skip(f"{seeds} is not on this machine")
    edit(mini, "version: 1", f"version: 1\nseeds: {seeds}")
    done = run("check", str(mini))
    assert done.returncode == 1 and f"the seeds folder '{seeds}' {says}" in done.stderr


def test_a_seeds_link_leading_outside_the_tree_is_refused(mini, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.copytree(mini.parent.parent / "seeds", outside)
    (mini.parent / "seeds-link").symlink_to(outside)
    text = edit(mini, "version: 1", "version: 1\nseeds: seeds-link")
    done = run("check", str(mini))
    assert problems(done) == [
        f"{mini}:{line_of(text, 'seeds:')}:8: the seeds folder 'seeds-link' lies outside this file's tree through a link: name the real folder"
    ]
    edit(mini, "seeds: seeds-link", f"seeds: {outside}")  # the plain folder itself is fine
    assert run("check", str(mini)).returncode == 0


def test_an_oversized_seed_is_refused_by_what_is_read_not_by_its_size_field(mini):
    seed = mini.parent.parent / "seeds" / "alpha.txt"
    seed.write_text(seed.read_text() + "x" * (4 * 1024 * 1024))
    done = run("check", str(mini))
    assert (
        "source file 'alpha.txt' is 4,194,5" in done.stderr
        and "larger than the 4,194,304 bytes" in done.stderr
    )


# ── the closest-passage search is bounded ─────────────────────────────────
@pytest.mark.parametrize("length", [19_000, 100_000])
def test_a_huge_unmatched_quote_is_reported_as_too_long_without_a_search(mini, length):
    words = ("river valley harbour ceasefire monitors " * (length // 40 + 1))[:length]
    block = "\n".join("          " + words[i : i + 5000] for i in range(0, len(words), 5000))
    text = edit(mini, 'quote: "and asked for monitors"', "quote: >-\n" + block)
    done = run("check", str(mini))
    assert problems(done) == [
        f"{mini}:{line_of(text, 'quote: >-')}:16: quote not found in source 'alpha' (alpha.txt); at {length - 1:,} "
        "characters it is too long to look for the closest passage (up to 2,000): cite a shorter passage"
    ]


def test_a_long_source_of_many_sentences_is_cut_into_sentences_in_bounded_time(mini):
    # check reads the sentence around every quote for hedges: cutting 2.4 MB into 40,000
    # sentences once searched the whole text before each full stop (minutes, here the timeout).
    seed = mini.parent.parent / "seeds" / "alpha.txt"
    filler = " ".join(f"Paragraph {n} says nothing of note about anything at all." for n in range(20_000))
    seed.write_text(filler + "\n" + seed.read_text() + "\n" + filler)
    done = run("check", str(mini))
    assert done.returncode == 0, done.stderr


def test_a_near_miss_in_a_long_source_still_gets_its_closest_passage(mini):
    seed = mini.parent.parent / "seeds" / "alpha.txt"
    filler = " ".join(f"Paragraph {n} says nothing of note about anything at all." for n in range(20_000))
    seed.write_text(filler + "\n" + seed.read_text() + "\n" + filler)
    edit(mini, "will never give up the river valley", "will never give up the river delta")
    done = run("check", str(mini))
    assert re.search(
        r"the closest passage \(\d+% alike\) reads: “[^”]*will never give up the river valley", done.stderr
    )


# ── dates ──────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("where", "value", "says"),
    [
        (
            "published: February 2026",
            "December 9999",
            "names the year 9999: peacedash accepts years 1900–2199",
        ),
        ("published: February 2026", "Q4 9999", "names the year 9999"),
        ("published: February 2026", "'0000'", "names the year 0000"),
        ("date: April 2026", "before 0001-01-01", "names the year 0001"),
        ("date: April 2026", "after 9999-12-31", "names the year 9999"),
        ("date: April 2026", "'9999'", "names the year 9999"),
        ("date: April 2026", "before 1900-01-01", "falls outside the years 1900–2199"),
        ("date: April 2026", "1/1/1", "is a numeric date whose order of day and month is not certain"),
        ("date: April 2026", "01/02/2026", "write it as '2026-02-01' (year-month-day) or '1 February 2026'"),
        ("date: April 2026", "31/12/2026", "is a numeric date"),
        ("date: April 2026", "'-2026'", "cannot read '-2026' as a date"),
        ("date: April 2026", "12:00 2026", "cannot read '12:00 2026' as a date"),
        ("date: April 2026", "Monday, February 8, 2026", "8 February 2026 is a Sunday"),
    ],
)
@pytest.mark.parametrize(
    "command", [["check"], ["brief"], ["export", "ics"], ["export", "md"], ["export", "json"]]
)
def test_dates_out_of_bounds_or_guessed_are_located_problems_everywhere(mini, where, value, says, command):
    key = where.split(":")[0]
    text = edit(mini, where, f"{key}: {value}")
    done = run(*command, str(mini))
    assert done.returncode == 1
    [problem] = problems(done)
    assert problem.startswith(f"{mini}:{line_of(text, f'{key}: {value}')}:") and says in problem


@pytest.mark.parametrize("today", ["9999-12-01", "0001-01-05", "1899-12-31", "2200-01-01"])
@pytest.mark.parametrize("command", [[], ["check"], ["brief"], ["export", "ics"]])
def test_today_outside_the_bounds_is_a_usage_error(mini, today, command):
    done = run(*command, str(mini), "--today", today)
    assert (
        done.returncode == 2
        and "outside the years 1900–2199" in done.stderr
        and "Traceback" not in done.stderr
    )


def test_an_anchor_is_refused_even_without_an_alias(mini):
    text = edit(mini, "stance: Monitors", "stance: &a Monitors")
    done = run("check", str(mini))
    assert problems(done) == [
        f"{mini}:{line_of(text, '&a')}:13: anchors ('&a') are not allowed in a data file: write each value out"
    ]


# ── exports ────────────────────────────────────────────────────────────────
def test_markdown_export_cannot_be_injected_into(mini):
    edit(mini, "name: Northland", 'name: "North\\n# Injected heading\\n- injected item"')
    edit(
        mini,
        "stance: Monitors",
        'stance: "Monitors <script>alert(1)</script>\\n\\n# Another | cell [link](http://x)"',
    )
    edit(mini, "title: First round in Geneva", 'title: "Geneva **bold** `code` ![img](http://x)"')
    done = run("export", "md", str(mini), "--today", "2026-03-15")
    assert done.returncode == 0, done.stderr
    page = MarkdownIt("commonmark").enable("table").render(done.stdout)
    headings = re.findall(r"<h\d>(.*?)</h\d>", page)
    assert "North # Injected heading - injected item" in headings
    assert not [h for h in headings if h.startswith(("Injected", "Another"))]
    for tag in ("<script", "<a ", "<img", "<code>", "<strong>bold", "<li>injected"):
        assert tag not in page, tag
    assert "Monitors &lt;script&gt;alert(1)&lt;/script&gt; # Another | cell [link](http://x)" in page
    assert "<strong>Geneva **bold** `code` ![img](http://x)</strong>" in page
    # The brief has no table for a '|' in a value to open a column in, with tables enabled.
    assert "<table>" not in page


def test_exports_never_overwrite_the_data_file_through_another_name(mini):
    before = mini.read_bytes()
    alias = mini.with_name("alias.yaml")
    os.link(mini, alias)
    link = mini.with_name("link.yaml")
    link.symlink_to(mini.name)
    seed = mini.parent.parent / "seeds" / "alpha.txt"
    for target, what in ((alias, "the data file"), (link, "the data file"), (seed, "a seed text")):
        seed_before = seed.read_bytes()
        done = run("export", "json", str(mini), "-o", str(target))
        assert done.returncode == 1 and f"refusing to write the export over {what}" in done.stderr
        assert seed.read_bytes() == seed_before
    assert mini.read_bytes() == before


def test_check_still_works_on_the_bundled_copy_in_a_plain_folder(tmp_path):
    done = run("check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
