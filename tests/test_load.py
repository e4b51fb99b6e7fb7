"""The loader: a sound file becomes a frozen model; every bad file becomes located problems."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tui.data.load import load_positions


def load_text(mini: Path, text: str | bytes):
    if isinstance(text, bytes):
        mini.write_bytes(text)
    else:
        mini.write_text(text, encoding="utf-8")
    # How fast a bad file is refused is measured in bench/, not asserted here: a wall-clock
    # limit fails on a busy machine and passes on a broken one.
    return load_positions(mini)


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_the_fixture_loads_into_a_frozen_model(mini):
    result = load_positions(mini)
    assert result.ok, messages(result)
    data = result.dataset
    assert list(data.parties) == ["north", "south", "west"]
    assert [p.id for p in data.positions][:2] == ["north-valley", "north-monitors"]
    summit = data.timeline[0]
    assert (summit.date.precision, summit.date.qualifier, summit.inferred) == ("month", "by end", True)
    assert summit.proposed_by == ("west",)
    assert data.meetings[0].place == "Geneva"
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.positions[0].stance = "x"  # type: ignore[misc]


def test_every_node_keeps_its_line(mini):
    data = load_positions(mini).dataset
    lines = mini.read_text().splitlines()
    position = data.positions[0]
    assert lines[position.at.line - 1].strip() == "north-valley:"
    quote = position.excerpts[0]
    assert "will never give up" in lines[quote.at.line - 1]


def test_stated_date_defaults_to_the_first_source(mini):
    data = load_positions(mini).dataset
    by_id = {p.id: p for p in data.positions}
    assert by_id["north-valley"].stated.text == "2026-02-10"
    assert by_id["west-rebuild"].stated.text == "2026-02-11"


def test_dates_stay_text_not_yaml_types(mini):
    text = mini.read_text().replace("published: 2026-02-10", "published: 2026-02-10 ")
    result = load_text(mini, text.replace("title: Test negotiation", "title: no"))
    assert result.ok and result.dataset.title == "no"


@pytest.mark.parametrize(
    ("edit", "line_of", "says"),
    [
        (("kind: red-line", "kind: redline"), "kind: redline", "did you mean 'red-line'?"),
        (
            ("party: south", "party: sooth"),
            "party: sooth",
            "unknown party 'sooth' in position 'south-harbour' (did you mean 'south'?)",
        ),
        (("issue: vote", "issue: votes"), "issue: votes", "did you mean 'vote'?"),
        (("source: beta", "source: betta"), "source: betta", "unknown source 'betta'"),
        (("date: April 2026", "date: Apirl 2026"), "date: Apirl 2026", "cannot read 'Apirl 2026'"),
        (("date: April 2026", "date: April"), "date: April", "gives no year"),
        (
            ("stance: Monitors", "stanse: Monitors"),
            "stanse: Monitors",
            "unknown key 'stanse' in position 'north-monitors' (did you mean 'stance'?)",
        ),
        (
            ("participants: [north, south]\n    excerpts", "participants: [north, soth]\n    excerpts"),
            "soth",
            "unknown party 'soth'",
        ),
        (("file: beta.txt", "file: betta.txt"), "file: betta.txt", "did you mean 'beta.txt'?"),
        (
            ("inferred: true\n    note: No", "inferred: maybe\n    note: No"),
            "inferred: maybe",
            "should be true or false",
        ),
        (
            ("alignment: close", "alignment: near"),
            "alignment: near",
            "use one of: agreed, close, apart, unclear",
        ),
        (("status: held", "status: hold"), "status: hold", "did you mean 'held'?"),
        (
            ("    stance: Monitors\n", "    stance: [Monitors]\n"),
            "[Monitors]",
            "'stance' of position 'north-monitors' should be text, not a list",
        ),
    ],
)
def test_inconsistent_data_is_located(mini, edit, line_of, says):
    old, new = edit
    text = mini.read_text()
    assert old in text
    text = text.replace(old, new, 1)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if line_of in row)
    result = load_text(mini, text)
    assert not result.ok
    hits = [p for p in result.problems if says in p.message]
    assert hits, messages(result)
    assert hits[0].line == line and hits[0].col >= 1
    assert str(hits[0]).startswith(f"{mini}:{line}:")


def test_a_changed_quote_word_is_caught_with_the_closest_passage(mini):
    text = mini.read_text().replace(
        "will never give up the river valley", "will never give up the river delta"
    )
    result = load_text(mini, text)
    [problem] = result.problems
    assert problem.line == next(i for i, row in enumerate(text.splitlines(), 1) if "river delta" in row)
    assert "quote not found in source 'alpha'" in problem.message
    assert "closest passage" in problem.message and "river valley" in problem.message


def test_all_problems_are_reported_at_once_in_line_order(mini):
    text = mini.read_text().replace("kind: red-line", "kind: x").replace("party: west", "party: wast")
    text = text.replace("Fund reconstruction", "Fund").replace("to fund reconstruction", "to fund roads")
    result = load_text(mini, text)
    assert len(result.problems) == 3
    assert [p.line for p in result.problems] == sorted(p.line for p in result.problems)


def test_missing_excerpts_and_ids_reused(mini):
    text = mini.read_text()
    text = text.replace("  vienna:", "  geneva-1:")
    text = text.replace('    excerpts:\n      - source: beta\n        quote: "to fund reconstruction"\n', "")
    result = load_text(mini, text)
    said = " | ".join(messages(result))
    assert "position 'west-rebuild' has no 'excerpts'" in said
    assert "duplicate key 'geneva-1'" in said


def test_missing_sections_are_named(mini):
    result = load_text(mini, "title: x\nsources: {}\n")
    said = messages(result)
    assert f"{mini}:1:1: the file has no 'parties:' section" in said
    assert f"{mini}:1:1: the file has no 'positions:' section" in said


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("sources:\n\tx: 1\n", (2, 1), "tab character"),
        # An unclosed quote or bracket is located where it opens, not where the parser gave up.
        ("sources: 'unclosed\nparties: {}\n", (1, 10), "quoted text is never closed"),
        ('sources: "unclosed\n', (1, 10), "quoted text is never closed"),
        (
            "sources: [a, b\nparties: {}\n",
            (1, 10),
            "'[' list is not closed with ']': it is still open at line 2",
        ),
        ("sources: {a: 1\n", (1, 10), "'{' mapping is not closed with '}' before the end of the file"),
        ("sources: {}\nsources: {}\n", (2, 1), "duplicate key 'sources' (first at line 1)"),
        ("sources: {}\n---\nparties: {}\n", (2, 1), "a second YAML document"),
        ("", (1, 1), "the file is empty"),
        ("# nothing but\n# comments\n", (1, 1), "the file is empty"),
        ("- a\n- b\n", (1, 1), "the top level should be a mapping"),
        ("just text\n", (1, 1), "the top level should be a mapping"),
        ("sources: []\n", (1, 10), "'sources' should be a mapping of ids to entries, not a list"),
        (
            "x: !!python/object/apply:os.system ['echo pwned']\n",
            (1, 4),
            "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        ),
        ("x: !!binary aGVsbG8=\n", (1, 4), "is not allowed"),
        ("a: &a [x]\nb: *a\n", (2, 4), "aliases ('*a') are not allowed"),
        ("a: b: c\n", (1, 5), "':' where a value was expected"),
        ("sources:\n  a: 1\n b: 2\n", (3, 2), "indentation"),
    ],
)
def test_broken_yaml_is_located(mini, text, where, says):
    result = load_text(mini, text)
    assert not result.ok
    problem = next((p for p in result.problems if says in p.message), None)
    assert problem is not None, messages(result)
    assert (problem.line, problem.col) == (where or (None, None))


def test_a_tag_never_runs_code(mini, tmp_path):
    marker = tmp_path / "pwned"
    result = load_text(mini, f"x: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not result.ok and not marker.exists()


def test_billion_laughs_is_refused_fast(mini):
    lines = ['a0: &a0 "lol"']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    result = load_text(mini, "\n".join(lines) + "\n")
    assert "aliases" in result.problems[0].message


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_is_refused_fast(mini, opener):
    closer = "]" if opener == "[" else "}"
    lines = 2_000  # 1,000 openers a line, so the line-length limit does not answer first
    text = "x: " + (opener * 1000 + "\n") * lines + (closer * 1000 + "\n") * lines
    result = load_text(mini, text)
    assert "nested more than 64 levels deep" in result.problems[0].message


def test_deep_block_nesting_is_refused(mini):
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n"
    assert "nested more than" in load_text(mini, text).problems[0].message


def test_very_long_lines_are_refused(mini):
    result = load_text(mini, "sources: {}\ntitle: " + "x" * 2_000_000 + "\n")
    problem = result.problems[0]
    assert (problem.line, "the limit is 20,000") == (
        2,
        "the limit is 20,000",
    ) and "line is 2,000,007" in problem.message


@pytest.mark.parametrize(
    ("raw", "where", "says"),
    [
        (b"title: caf\xe9\n", (1, 11), "byte 0xe9 is not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (3, 1), "binary data"),
        (b"\xff\xfe\x00t\x00i", (1, 3), "binary data"),
    ],
)
def test_non_utf8_and_binary_bytes(mini, raw, where, says):
    result = load_text(mini, raw)
    problem = result.problems[0]
    assert says in problem.message and (problem.line, problem.col) == where


def test_a_utf8_bom_is_accepted(mini):
    assert load_text(mini, b"\xef\xbb\xbf" + mini.read_bytes()).ok


def test_missing_file_directory_and_unreadable(mini, tmp_path):
    assert load_positions(tmp_path / "nope.yaml").problems[0].message == "does not exist (deleted or moved?)"
    assert load_positions(tmp_path).problems[0].message == "is a folder, not a text file"
    (tmp_path / "plain").write_text("x")
    assert "cannot be read" in load_positions(tmp_path / "plain" / "positions.yaml").problems[0].message


def test_huge_file_is_refused_by_size(mini):
    with mini.open("wb") as handle:
        handle.truncate(33 * 1024 * 1024)
    result = load_positions(mini)
    assert "larger than the 33,554,432 bytes peacedash reads" in result.problems[0].message


def test_missing_seed_folder_is_reported(mini):
    text = mini.read_text().replace("version: 1", "version: 1\nseeds: ../nowhere")
    said = " | ".join(messages(load_text(mini, text)))
    assert "the seeds folder '../nowhere' does not exist" in said


@pytest.mark.parametrize(
    ("bad", "col", "says"),
    [
        ("  note: " + "x" * 20_001 + "\n", 1, "characters long"),
        ("# a bell \a here\n", 10, "not allowed in a data file: delete it"),
        ("# \xff\n", 3, "is not UTF-8"),
    ],
)
def test_a_large_file_is_read_in_chunks_and_problems_keep_their_place(mini, bad, col, says):
    """Past the first MiB (the text is scanned a chunk at a time, so a load of a large file never
    holds the interpreter for long) a problem is found, at its line and column."""
    padding = "# padding to push what follows past the first chunk of the text\n" * 20_000
    text = mini.read_text(encoding="utf-8")
    assert len(padding) > 1 << 20
    head = text + padding
    line = head.count("\n") + 1
    if bad.startswith("# \xff"):
        mini.write_bytes(head.encode("utf-8") + b"# \xff\n")
    else:
        mini.write_text(head + bad, encoding="utf-8")
    result = load_positions(mini)
    assert result.dataset is None
    problem = next(p for p in result.problems if says in p.message)
    assert (problem.line, problem.col) == (line, col), problem


def test_a_load_asks_whether_it_is_still_wanted_all_the_way_through(tmp_path):
    """`cancelled` is asked through the whole load (every few dozen entries read, quotes checked
    and sentences weighed), not only while the YAML is parsed: it is where a load in the app's
    thread gives way to keys, and a parse is only half of a large load. Saying yes at its very
    last look still stops the load without a result."""
    from bench.generate import generate
    from tui.data.cancelling import Cancelled
    from tui.data.yamlnodes import parse_nodes

    path = generate(1_000, tmp_path)
    tree = parse_nodes(path.read_text(encoding="utf-8"))  # given parsed: no look is the parse's
    looks: list[int] = []

    def counted() -> bool:
        looks.append(1)
        return False

    assert load_positions(path, tree=tree, cancelled=counted).ok
    # 145 when written: every 64 entries read and quotes checked, and in each of the four passes
    # over the quotes' sentences (45 without those passes).
    assert len(looks) >= 100, len(looks)
    last = len(looks)
    asked = iter(range(1, last + 1))
    with pytest.raises(Cancelled):
        load_positions(path, tree=tree, cancelled=lambda: next(asked) == last)


def test_what_follows_a_load_asks_whether_it_is_still_wanted_too(tmp_path):
    """After the load, the app's loading thread keeps the last load's objects (reuse_unchanged)
    and makes the filter's texts (Loaded.build): three seconds at 50,000 positions, where keys
    waited 60-77 ms while it ran without a look. Both ask `cancelled` as they go, and a yes
    stops them."""
    from datetime import datetime

    from bench.generate import generate
    from tui.data.cancelling import Cancelled
    from tui.data.reuse import reuse_unchanged
    from tui.data.state import Loaded

    path = generate(1_000, tmp_path)
    first, second = load_positions(path), load_positions(path)
    assert first.dataset is not None and second.dataset is not None
    looks: list[str] = []

    def counted(step: str):  # type: ignore[no-untyped-def]
        return lambda: looks.append(step) or False

    kept = reuse_unchanged(first.dataset, second.dataset, counted("reuse"))
    assert kept.positions[0] is first.dataset.positions[0]  # it still keeps what did not change
    Loaded.build(kept, second.library, datetime(2026, 3, 15), frozenset(), (), None, counted("build"))
    # Every 64 claims: 1,000 positions and their dated items and figures, in each step.
    assert looks.count("reuse") >= 1_000 // 64 and looks.count("build") >= 1_000 // 64, looks
    with pytest.raises(Cancelled):
        reuse_unchanged(first.dataset, second.dataset, lambda: True)
    with pytest.raises(Cancelled):
        Loaded.build(kept, second.library, datetime(2026, 3, 15), frozenset(), (), None, lambda: True)


def test_a_conflict_marker_across_a_chunk_boundary_is_found(mini):
    """A large file is looked over for merge conflict markers a chunk at a time (one look over it
    all held the interpreter while the keys waited); a marker that starts in one chunk and ends
    in the next is found all the same."""
    from tui.data.cancelling import CHUNK

    at = CHUNK - 3  # "<<<<<<<" begins three characters before the second chunk
    lines, rest = divmod(at, 100)
    filler = ("# " + "x" * 97 + "\n") * lines + "#" * (rest - 1) + "\n"
    assert len(filler) == at
    result = load_text(mini, filler + "<<<<<<< HEAD\n" + mini.read_text(encoding="utf-8"))
    assert any("merge conflict" in message for message in messages(result)), messages(result)[:3]


def test_freeing_a_parsed_tree_asks_as_it_goes_and_frees_it_all(tmp_path):
    """The tree a load parsed is freed an entry at a time, `cancelled` asked every 64 entries
    (the app gives way to keys there: freeing a 20,000-position tree took 100 ms with no look),
    and its answer does not stop the freeing."""
    from bench.generate import generate
    from tui.data.yamlnodes import parse_nodes, release

    path = generate(1_000, tmp_path)
    root, _ = parse_nodes(path.read_text(encoding="utf-8"))
    entries = sum(
        len(section.value) for _key, section in root.value.values() if not isinstance(section.value, str)
    )
    looks: list[int] = []
    release(root, lambda: looks.append(1) or True)  # "not wanted": freed all the same
    assert len(looks) >= entries // 64 - 1 and root.value == {}, (len(looks), entries)
