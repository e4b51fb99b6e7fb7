"""The claim-level warnings: dates taken from the source while the sentence says when (English,
Russian, Ukrainian), an `as_written` the date contradicts, and estimative words a claim drops;
each with the case it must stay silent on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.data.estimative import QUALIFIERS
from tui.data.load import load_positions

HEAD = """version: 1
title: One claim
seeds: ../seeds
sources:
  one:
    file: one.txt
    title: One sentence
    published: 12 March 2026
parties:
  north:
    name: Northland
    short: NL
issues:
  coast:
    name: Coast
    alignment: apart
"""


def one_claim(tmp_path: Path, sentence: str, fields: str = "", quote: str | None = None) -> Path:
    """A data file of one position citing `quote` (default: the whole sentence) of a one-line seed."""
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "one.txt").write_text(f"Headline\n\n{sentence}\n", encoding="utf-8")
    body = (
        "positions:\n  north-claim:\n    party: north\n    issue: coast\n    kind: stance\n"
        "    stance: Northland keeps the harbour\n"
        + "".join(f"    {line}\n" for line in fields.splitlines() if line)
        + f"    excerpts:\n      - source: one\n        quote: {json.dumps(quote or sentence, ensure_ascii=False)}\n"
    )
    path = tmp_path / "data" / "positions.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def warnings(path: Path) -> list[str]:
    result = load_positions(path)
    assert result.ok, result.problems
    return [w.message for w in result.warnings]


# ── date sense ──────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("It has been one year since the envoy told Northland to keep the harbour.", "one year since"),
        ("Northland said last month that it keeps the harbour.", "last month"),
        ("Around the six-month mark of the talks Northland kept the harbour.", "Around the six-month mark"),
        ("Northland kept the harbour this week, the envoy said.", "this week"),
        ("Northland kept the harbour on Thursday, the envoy said.", "on Thursday"),
        ("Northland kept the harbour yesterday, the envoy said.", "yesterday"),
        ("Нортленд вчера сохранил гавань за собой.", "вчера"),
        ("Нортленд на прошлой неделе сохранил гавань.", "на прошлой неделе"),
        ("Нортленд в четверг сохранил гавань за собой.", "в четверг"),
        ("Нортленд минулого місяця зберіг гавань.", "минулого місяця"),
        ("Нортленд у четвер зберіг гавань за собою.", "у четвер"),
        ("Нортленд рік тому зберіг гавань за собою.", "рік тому"),
    ],
)
def test_a_claim_dated_by_its_source_whose_sentence_says_when_is_warned(tmp_path, sentence, expression):
    found = [w for w in warnings(one_claim(tmp_path, sentence)) if "takes its date" in w]
    assert found == [
        f"warning: 'north-claim' takes its date from source 'one', but its sentence says '{expression}': "
        "write when that was with 'stated:' (as precise as the text allows)"
    ]


def test_the_warning_is_at_the_claim_and_fails_strict_check(tmp_path, capsys):
    from tui.commands.cli import main

    path = one_claim(tmp_path, "It has been one year since the envoy told Northland to keep the harbour.")
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:18:3: warning: 'north-claim' takes its date" in err
    assert err.strip().endswith(f"{path}: fails --strict on 1 warning")


@pytest.mark.parametrize(
    "sentence",
    [
        "It has been one year since the envoy told Northland to keep the harbour.",
        "Нортленд вчера сохранил гавань за собой.",
        "Нортленд минулого місяця зберіг гавань.",
    ],
)
def test_a_stated_date_silences_it(tmp_path, sentence):
    assert warnings(one_claim(tmp_path, sentence, "stated: 2025")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Northland keeps the harbour, the envoy said at the talks.",
        "The talks were held four years after the war began.",  # dated from the war, not the text
        "Нортленд сохраняет гавань, сказал посланник.",
        "Нортленд зберігає гавань, сказав посланець.",
    ],
)
def test_a_sentence_with_no_relative_time_is_silent(tmp_path, sentence):
    found = warnings(one_claim(tmp_path, sentence))
    assert not [w for w in found if "takes its date" in w]


DATED = """timeline:
  north-deadline:
    kind: deadline
    title: Northland's harbour deadline
    date: {date}
    as_written: {written}
    inferred: true
    excerpts:
      - source: one
        quote: "Northland keeps the harbour by March"
"""


@pytest.mark.parametrize(
    ("date", "written", "clash"),
    [
        ("by June 2026", "by March", "March is not in its window"),
        ("by June 2026", "до марта", "марта is not in its window"),
        ("by June 2026", "до березня", "березня is not in its window"),
        ("March 2027", "by March 2026", "2026 is not in its window"),
    ],
)
def test_an_as_written_the_date_contradicts_is_warned(tmp_path, date, written, clash):
    path = one_claim(tmp_path, "Northland keeps the harbour by March, the envoy said.", "stated: 2026")
    path.write_text(path.read_text() + DATED.format(date=date, written=written), encoding="utf-8")
    assert warnings(path) == [
        f"warning: 'as_written' of 'north-deadline' says '{written}' but its date is '{date}' ({clash}): "
        "make one say what the other does"
    ]


@pytest.mark.parametrize(
    ("date", "written"), [("by March 2026", "by March"), ("Q1 2026", "by the end of March")]
)
def test_an_as_written_the_date_agrees_with_is_silent(tmp_path, date, written):
    path = one_claim(tmp_path, "Northland keeps the harbour by March, the envoy said.", "stated: 2026")
    path.write_text(path.read_text() + DATED.format(date=date, written=written), encoding="utf-8")
    assert warnings(path) == []


# ── estimative language ─────────────────────────────────────────────────────
def _sentence(words: str) -> str:
    """A sentence holding the qualifier before a number (so number-bound ones count too)."""
    if any("\u0400" <= c <= "\u04ff" for c in words):
        return f"Делегация Нортленда {words} 300 кораблей держит в гавани."
    return f"The Northland envoys {words} 300 ships kept in the harbour."


@pytest.mark.parametrize("qualifier", [q.words for q in QUALIFIERS])
def test_each_qualifier_the_claim_drops_is_warned_showing_the_word(tmp_path, qualifier):
    found = warnings(one_claim(tmp_path, _sentence(qualifier), "stated: 2026\nreported: false"))
    assert (
        f"warning: the quote of 'north-claim' says '{qualifier}', which the claim's own words leave out: "
        in ("\n".join(found))
    )


@pytest.mark.parametrize("qualifier", [q.words for q in QUALIFIERS])
def test_each_qualifier_the_claim_keeps_is_silent(tmp_path, qualifier):
    path = one_claim(tmp_path, _sentence(qualifier), "stated: 2026")
    path.write_text(
        path.read_text().replace(
            "stance: Northland keeps the harbour", f"stance: Northland {qualifier} keeps 300"
        ),
        encoding="utf-8",
    )
    assert not [w for w in warnings(path) if "own words" in w]


@pytest.mark.parametrize("qualifier", [q.words for q in QUALIFIERS])
def test_each_qualifier_is_silent_on_a_claim_marked_hedged(tmp_path, qualifier):
    path = one_claim(tmp_path, _sentence(qualifier), "stated: 2026\nhedged: true")
    assert not [w for w in warnings(path) if "own words" in w]


@pytest.mark.parametrize(
    "sentence",
    [
        "Northland keeps the harbour until May 2026, the envoy said.",  # the month, not 'may'
        "Northland talks about the harbour with the envoy.",  # 'about' before no number
        "Northland wants the harbour more than ever, the envoy said.",  # 'more than' before no number
        "Northland keeps the harbour around the clock, the envoy said.",
        "Нортленд говорит о гавани более уверенно.",
    ],
)
def test_words_that_qualify_only_before_a_number_or_in_lower_case_are_silent(tmp_path, sentence):
    assert [w for w in warnings(one_claim(tmp_path, sentence, "stated: 2026")) if "own words" in w] == []


def test_a_figure_marked_approximate_keeps_its_about(tmp_path):
    path = one_claim(tmp_path, "About 300 ships are kept in the harbour, the envoy said.", "stated: 2026")
    figure = (
        "figures:\n  ships:\n    measures: Ships in the harbour\n    value: 300\n    unit: ships\n"
        "    as_of: March 2026\n{mark}    excerpts:\n      - source: one\n"
        '        quote: "About 300 ships are kept in the harbour"\n'
    )
    path.write_text(path.read_text() + figure.format(mark=""), encoding="utf-8")
    assert [w for w in warnings(path) if "'ships'" in w] == [
        "warning: the quote of 'ships' says 'About', which the claim's own words leave out: say it in the "
        "claim, or mark it 'approximate: true'"
    ]
    text = path.read_text().replace(
        "    as_of: March 2026\n", "    as_of: March 2026\n    approximate: true\n"
    )
    path.write_text(text, encoding="utf-8")
    assert [w for w in warnings(path) if "'ships'" in w] == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Делегация вероятно примет план по гавани.", "вероятно"),
        ("Делегация, возможно, примет план по гавани.", "возможно"),
        ("Делегація, ймовірно, ухвалить план щодо гавані.", "ймовірно"),
        ("Делегація, можливо, ухвалить план щодо гавані.", "можливо"),
        ("The envoys would likely accept the harbour plan.", "likely"),
    ],
)
def test_russian_ukrainian_and_english_qualifiers_are_on_the_list(tmp_path, sentence, word):
    found = warnings(one_claim(tmp_path, sentence, "stated: 2026"))
    assert [w for w in found if "own words" in w] == [
        f"warning: the quote of 'north-claim' says '{word}', which the claim's own words leave out: "
        "say it in the claim, or mark it 'hedged: true'"
    ]


def test_the_documented_list_is_the_list_the_check_uses():
    import re

    docs = (Path(__file__).parent.parent / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = docs.split("## Estimative language")[1].split("\n## ")[0]
    listed = [
        line for line in section.splitlines() if line.startswith(("- English:", "- Russian:", "- Ukrainian:"))
    ]
    documented = [w for line in listed for w in re.findall(r"`([^`]+)`", line)]
    assert documented == [q.words for q in QUALIFIERS]
