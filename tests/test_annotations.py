"""`peacedash export annotations`: W3C Web Annotations whose selectors point at exactly their quote
in the stored seed text, found where the loader found it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from running import run_cli

import tui.data.sources as sources
from tui.data.load import load_positions
from tui.data.sources import fold
from tui.exports.annotations import export_annotations

REPO = Path(__file__).parent.parent
SCHEMA = json.loads((REPO / "docs" / "annotations.schema.json").read_text(encoding="utf-8"))


def annotations_of(path: Path) -> dict:
    done = run_cli("export", "annotations", str(path))
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def check_selectors(document: dict, data_file: Path) -> int:
    """Every selector points at exactly its quote; returns how many annotations were checked."""
    data = load_positions(data_file).dataset
    assert data is not None
    seeds = data_file.parent.parent
    checked = 0
    for annotation in document["first"]["items"]:
        claim_id, number = annotation["id"].removeprefix("urn:peacedash:").rsplit(":excerpt:", 1)
        excerpt = data.cited[claim_id].excerpts[int(number) - 1]
        target = annotation["target"]
        assert target["source"]["id"] == f"seeds/{data.sources[excerpt.source].file}"
        text = (seeds / target["source"]["id"]).read_text(encoding="utf-8")
        by_quote, by_position = target["selector"]
        start, end = by_position["start"], by_position["end"]
        exact, prefix, suffix = by_quote["exact"], by_quote["prefix"], by_quote["suffix"]
        assert text[start:end] == exact
        assert fold(exact) == fold(excerpt.quote)
        assert text[start - len(prefix) : start] == prefix and text[end : end + len(suffix)] == suffix
        whole = prefix + exact + suffix
        first = text.find(whole)  # the quote with its prefix and suffix stands only here
        assert first == start - len(prefix) and text.find(whole, first + 1) < 0, annotation["id"]
        checked += 1
    return checked


@pytest.mark.parametrize("which", ["mini", "bundled"])
def test_every_selector_points_at_exactly_its_quote(request, which):
    path = request.getfixturevalue(which)
    document = annotations_of(path)
    jsonschema.validate(document, SCHEMA)
    data = load_positions(path).dataset
    assert data is not None
    # Every claim's and figure's excerpt (issues' reasons and plans' quotes are not annotated yet).
    cited = sum(len(c.excerpts) for c in data.cited.values())
    assert check_selectors(document, path) == document["total"] == cited


def test_a_quote_found_twice_gets_a_prefix_and_suffix_that_tell_them_apart(mini):
    seed = mini.parent.parent / "seeds" / "alpha.txt"
    text = seed.read_text(encoding="utf-8")
    # The monitors sentence twice, with the same 40 characters before and after each copy.
    padding = "x" * 40
    seed.write_text(
        f"{padding} and asked for monitors {padding}\n{text}\n{padding} and asked for monitors {padding}\n",
        encoding="utf-8",
    )
    document = annotations_of(mini)
    check_selectors(document, mini)
    [monitors] = [
        a for a in document["first"]["items"] if a["id"].startswith("urn:peacedash:north-monitors:")
    ]
    assert len(monitors["target"]["selector"][0]["prefix"]) > 40


def test_the_body_says_the_claim(mini):
    items = {a["id"]: a for a in annotations_of(mini)["first"]["items"]}
    assert items["urn:peacedash:north-valley:excerpt:1"]["body"]["value"] == (
        "Northland on River valley, red line: Never give up the river valley"
    )
    assert items["urn:peacedash:vienna:excerpt:1"]["body"]["value"].startswith(
        "Meeting: Next round in Vienna, April 2026"
    )


def test_offsets_come_from_the_load_not_a_new_search(mini, monkeypatch):
    result = load_positions(mini)
    assert result.dataset is not None and result.library is not None

    def no_search(text: str) -> str:
        raise AssertionError("the export searched a source again")

    monkeypatch.setattr(sources, "fold", no_search)
    body, count = export_annotations(result.dataset, result.library)
    assert (
        count == sum(len(c.excerpts) for c in result.dataset.cited.values())
        and '"TextPositionSelector"' in body
    )
