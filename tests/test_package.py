"""`peacedash export csv -o DIR`: a Frictionless data package, validated by frictionless (types,
primary and foreign keys) and read back with the standard csv module, field by field."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pytest
from frictionless import Package
from running import run_cli

from tui.data.load import load_positions
from tui.data.model import DatedItem, Excerpt, Figure, Issue, Party, Position, Source
from tui.data.sources import fold
from tui.exports.codebook import codebook_markdown
from tui.exports.package import export_package

REPO = Path(__file__).parent.parent
TODAY = "2026-03-01"
HOSTILE = {
    "title: Summit hosted by Westland": 'title: \'=HYPERLINK("http://x","click")\'',
    "stance: Monitors": "stance: '+monitors, \"quoted\", and a line'",
    "stance: Fund reconstruction": 'stance: "\'@fund reconstruction"',
}
# A later position superseding an earlier one, and a figure: every table has rows.
LATER = """  north-valley-later:
    party: north
    issue: valley
    kind: offer
    stance: "-share the valley"
    stated: 2026-02-12
    supersedes: north-valley
    excerpts:
      - source: beta
        quote: "Northland rejects any referendum"
"""
FIGURES = """figures:
  summit-count:
    measures: Rounds held
    value: 1
    unit: rounds
    party: north
    excerpts:
      - source: beta
        quote: "The first round, held in Geneva"
"""


@pytest.fixture
def rich_mini(mini: Path) -> Path:
    text = mini.read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text
        text = text.replace(old, new)
    text = text.replace("\ntimeline:\n", "\n" + LATER + "timeline:\n")
    mini.write_text(text + FIGURES, encoding="utf-8")
    result = load_positions(mini)
    assert result.ok, [str(p) for p in result.problems]
    return mini


def exported(path: Path, folder: Path) -> Path:
    done = run_cli("export", "csv", str(path), "-o", str(folder), "--today", TODAY)
    assert done.returncode == 0, done.stderr.decode()
    return folder


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def data_text(cell: str) -> str:
    """The codebook's rule: a text value starting with ' had one added in front."""
    return cell[1:] if cell.startswith("'") else cell


def test_frictionless_finds_the_package_valid_keys_and_all(rich_mini, tmp_path):
    folder = exported(rich_mini, tmp_path / "out")
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    schema = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    keys = {
        (r["name"], k["fields"], k["reference"]["resource"])
        for r in schema["resources"]
        for k in r["schema"].get("foreignKeys", [])
    }
    assert ("positions", "party", "parties") in keys
    assert ("positions", "supersedes", "") in keys  # a claim supersedes one of its own table
    assert ("excerpts", "source", "sources") in keys
    assert ("dated_item_parties", "party", "parties") in keys


def test_frictionless_catches_a_broken_foreign_key(rich_mini, tmp_path):
    """The control for the test above: the validator does look at the keys."""
    folder = exported(rich_mini, tmp_path / "out")
    positions = folder / "positions.csv"
    positions.write_text(
        positions.read_text(encoding="utf-8").replace(",north,", ",nowhere,", 1), encoding="utf-8"
    )
    assert not Package(str(folder / "datapackage.json")).validate().valid


def test_every_table_reads_back_as_the_model(rich_mini, tmp_path):
    folder = exported(rich_mini, tmp_path / "out")
    data = load_positions(rich_mini).dataset
    assert data is not None
    assert [r["id"] for r in rows(folder, "sources")] == list(data.sources)
    assert [r["id"] for r in rows(folder, "parties")] == list(data.parties)
    assert [r["includes"] for r in rows(folder, "parties")] == [
        ";".join(p.includes) for p in data.parties.values()
    ]
    assert [r["id"] for r in rows(folder, "issues")] == list(data.issues)
    positions = rows(folder, "positions")
    assert [r["id"] for r in positions] == [p.id for p in data.positions]
    for row, position in zip(positions, data.positions, strict=True):
        assert data_text(row["stance"]) == position.stance
        assert (row["party"], row["issue"], row["kind"]) == (position.party, position.issue, position.kind)
        assert row["stated_start"] == (position.stated.start.isoformat() if position.stated.start else "")
        assert row["stated_precision"] == position.stated.precision
        assert row["supersedes"] == position.supersedes
        assert row["line"] == str(position.at.line)
    dated = rows(folder, "dated_items")
    assert [r["id"] for r in dated] == [d.id for d in data.dated_items]
    for row, item in zip(dated, data.dated_items, strict=True):
        assert data_text(row["title"]) == item.title
        assert row["status"] == (item.status or "")
        assert row["date_qualifier"] == (item.date.qualifier or "")
    links = rows(folder, "dated_item_parties")
    assert [(r["dated_item"], r["role"], r["party"]) for r in links] == [
        (d.id, role, party)
        for d in data.dated_items
        for role in ("proposed_by", "participants")
        for party in getattr(d, role)
    ]
    [figure] = rows(folder, "figures")
    assert (figure["id"], figure["low"], figure["high"], figure["unit"], figure["party"]) == (
        "summit-count",
        "1",
        "1",
        "rounds",
        "north",
    )
    assert rows(folder, "history") == [
        {"id": "north-valley-later", "supersedes": "north-valley", "what": "positions"}
    ]


def test_excerpt_offsets_point_at_the_quote_in_the_stored_seed(rich_mini, tmp_path):
    folder = exported(rich_mini, tmp_path / "out")
    data = load_positions(rich_mini).dataset
    assert data is not None
    excerpts = rows(folder, "excerpts")
    assert len(excerpts) == data.excerpt_count
    for row in excerpts:
        seed = (data.seed_dir / data.sources[row["source"]].file).read_text(encoding="utf-8")
        found = seed[int(row["start"]) : int(row["end"])]
        assert fold(found) == fold(data_text(row["quote"])), row
        assert [row["position"], row["dated_item"], row["figure"]].count(row["cites"]) == 1


def test_no_text_starts_a_spreadsheet_formula(rich_mini, tmp_path):
    folder = exported(rich_mini, tmp_path / "out")
    for table in folder.glob("*.csv"):
        with table.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            for line in reader:
                for name, value in zip(header, line, strict=True):
                    if name not in ("low", "high", "start", "end", "line", "number"):
                        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (
                            table.name,
                            name,
                            value,
                        )
    by_id = {r["id"]: r for r in rows(folder, "dated_items")}
    assert by_id["summit-june"]["title"] == '\'=HYPERLINK("http://x","click")'
    stances = {r["id"]: r["stance"] for r in rows(folder, "positions")}
    assert stances["north-monitors"] == '\'+monitors, "quoted", and a line'
    assert stances["west-rebuild"] == "''@fund reconstruction"  # undone by dropping the first '
    assert stances["north-valley-later"] == "'-share the valley"


def test_every_field_of_the_model_has_a_column():
    """Derived from the model: a field added to a class is exported, or this names it."""
    import tui.exports.package as package
    from tui.data.dates import PartialDate

    tables = {t.name: {c.name for c in t.columns} for t in package.all_tables()}
    by_class = {
        Source: "sources",
        Party: "parties",
        Issue: "issues",
        Position: "positions",
        DatedItem: "dated_items",
        Figure: "figures",
        Excerpt: "excerpts",
    }
    elsewhere = {"excerpts", "proposed_by", "participants"}  # tables of their own
    for cls, table in by_class.items():
        for field in dataclasses.fields(cls):
            if field.name in elsewhere or (cls is Figure and field.name == "supersedes"):
                continue
            names = {"line"} if field.name == "at" else {field.name}
            if field.type in ("PartialDate", PartialDate):
                names = {
                    f"{field.name}_{part}" for part in ("text", "start", "end", "precision", "qualifier")
                }
            assert names <= tables[table], (cls.__name__, field.name)


def test_the_codebook_in_docs_is_the_one_printed_from_the_schemas():
    assert (REPO / "docs" / "codebook.md").read_text(encoding="utf-8") == codebook_markdown()
    assert "|  |  |" not in codebook_markdown().replace("| string |", "")  # every column described


def test_csv_needs_a_folder_and_never_writes_over_a_file(mini, tmp_path):
    done = run_cli("export", "csv", str(mini))
    assert done.returncode == 2 and b"-o DIR" in done.stderr
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "positions.csv").write_text("mine", encoding="utf-8")
    done = run_cli("export", "csv", str(mini), "-o", str(folder))
    assert done.returncode == 1 and b"already holds positions.csv" in done.stderr
    assert [p.name for p in folder.iterdir()] == ["positions.csv"]
    assert (folder / "positions.csv").read_text(encoding="utf-8") == "mine"


def test_the_same_file_gives_the_same_bytes(mini):
    result = load_positions(mini)
    assert result.dataset is not None
    from datetime import date

    first = export_package(result.dataset, date(2026, 3, 1), result.library)
    again = export_package(load_positions(mini).dataset, date(2026, 3, 1), None)  # type: ignore[arg-type]
    assert first.keys() == again.keys()
    assert first["positions.csv"] == again["positions.csv"]
