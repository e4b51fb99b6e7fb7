"""A Frictionless tabular data package: one CSV per table of the model, `datapackage.json` with
a Table Schema per resource (types, primary and foreign keys), columns derived from the model's
fields so a field added to a class is exported with no list to update."""

from __future__ import annotations

import csv
import dataclasses
import io
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tui.data.dates import PartialDate, Precision, Status
from tui.data.describe import item_status
from tui.data.model import Cited, Dataset, DatedItem, Excerpt, Figure, Issue, Party, Position, Source
from tui.data.sources import SourceLibrary
from tui.exports.codebook import DATE_PARTS, describe
from tui.exports.jsondoc import json_text

PROFILE = "tabular-data-package"
# A spreadsheet runs a cell that starts with = + - @ (and, in some, a tab or a carriage return)
# as a formula: a title "=HYPERLINK(…)" would become a live link. Such a text value is written
# with a leading apostrophe, which spreadsheets show as text and hide; so that the rule can be
# undone without doubt, a value that itself starts with an apostrophe gets one too. A reader
# removes the first character of any text value that starts with "'" (the codebook says so).
# Numbers are typed columns and keep their sign.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its Table Schema field and how a row gives its value."""

    name: str
    type: str
    value: Callable[[Any], object]
    required: bool = False
    enum: tuple[str, ...] = ()
    references: str = ""
    """The table whose `id` this column holds ("" for none; the table's own name for a self-reference)."""
    list_of: bool = False

    def schema(self, table: str) -> dict[str, Any]:
        field: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "description": describe(table, self.name),
        }
        if self.type == "list":
            field |= {"delimiter": ";", "itemType": "string"}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            field["constraints"] = constraints
        return field


@dataclass(frozen=True, slots=True)
class Table:
    """A resource of the package: its columns, rows and keys."""

    name: str
    columns: tuple[Column, ...]
    rows: list[Any]
    primary_key: tuple[str, ...] = ("id",)

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [c.schema(self.name) for c in self.columns],
            "primaryKey": list(self.primary_key),
        }
        keys = [
            {
                "fields": column.name,
                "reference": {
                    "resource": "" if column.references == self.name else column.references,
                    "fields": "id",
                },
            }
            for column in self.columns
            if column.references
        ]
        if keys:
            schema["foreignKeys"] = keys
        return schema


# Ids that name another table's row, by the annotation the model gives them (PartyId, IssueId).
REFERENCES = {"the id of a party": "parties", "the id of an issue": "issues"}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


def _literal_values(hint: Any) -> tuple[str, ...]:
    """The closed vocabulary of a Literal (or Literal | None) type, else ()."""
    if typing.get_origin(hint) is typing.Literal:
        return tuple(str(v) for v in typing.get_args(hint))
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        for arg in typing.get_args(hint):
            if values := _literal_values(arg):
                return values
    return ()


def _references(hint: Any) -> str:
    if typing.get_origin(hint) is typing.Annotated:
        return next((REFERENCES[m] for m in hint.__metadata__ if m in REFERENCES), "")
    return ""


def _getter(name: str) -> Callable[[Any], object]:
    return lambda row: getattr(row, name)


def _composed(outer: Callable[[Any], object], inner: Callable[[Any], Any]) -> Callable[[Any], object]:
    return lambda row: outer(inner(row))


def _only_for(what: str) -> Callable[[ExcerptRow], object]:
    """The cited id in the column of its own table, else none."""
    return lambda row: row.cites if row.what == what else None


def _date_columns(name: str, get: Callable[[Any], PartialDate]) -> list[Column]:
    parts: list[tuple[str, str, Callable[[PartialDate], object], tuple[str, ...]]] = [
        ("text", "string", lambda d: d.text, ()),
        ("start", "date", lambda d: d.start, ()),
        ("end", "date", lambda d: d.end, ()),
        ("precision", "string", lambda d: d.precision, typing.get_args(Precision)),
        ("qualifier", "string", lambda d: d.qualifier, ()),
    ]
    assert tuple(p[0] for p in parts) == DATE_PARTS
    return [
        Column(
            f"{name}_{part}",
            kind,
            _composed(fn, get),
            required=part in ("text", "precision"),
            enum=enum,
        )
        for part, kind, fn, enum in parts
    ]


def columns_of(cls: type, table: str, skip: frozenset[str] = frozenset()) -> list[Column]:
    """The columns of a model class, field by field: a date becomes its five parts, a Literal a
    constrained string, an annotated id a foreign key, `supersedes` a reference to the table
    itself, `at` the line in the data file; excerpts and party lists are tables of their own."""
    hints = _hints(cls)
    out: list[Column] = []
    for field in dataclasses.fields(cls):
        hint, name = hints[field.name], field.name
        if name in skip or hint == tuple[Excerpt, ...]:
            continue
        plain = typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint
        if name == "at":
            out.append(Column("line", "integer", lambda row: row.at.line, required=True))
        elif plain is PartialDate:
            out += _date_columns(name, _getter(name))  # type: ignore[arg-type]
        elif plain is bool:
            out.append(Column(name, "boolean", _getter(name), required=True))
        elif plain is int:
            out.append(Column(name, "integer", _getter(name)))
        elif plain in (float, float | None):
            out.append(Column(name, "number", _getter(name)))
        elif plain == tuple[str, ...]:
            out.append(Column(name, "list", _getter(name), list_of=True))
        elif values := _literal_values(plain):
            optional = type(None) in typing.get_args(plain)
            out.append(Column(name, "string", _getter(name), required=not optional, enum=values))
        elif plain is str:
            refers = table if name == "supersedes" else _references(hint)
            out.append(Column(name, "string", _getter(name), required=name == "id", references=refers))
        else:
            raise TypeError(f"no CSV column for {cls.__name__}.{name}: {hint!r}")
    return out


def _party_links(cls: type) -> list[str]:
    """The fields of a class that list parties (a dated item's proposed_by and participants)."""
    hints = _hints(cls)
    return [
        f.name
        for f in dataclasses.fields(cls)
        if typing.get_origin(hints[f.name]) is tuple
        and _references(typing.get_args(hints[f.name])[0]) == "parties"
    ]


@dataclass(frozen=True, slots=True)
class ExcerptRow:
    """An excerpt with what cites it, its place in that list and where the loader found it."""

    cites: str
    what: str
    number: int
    excerpt: Excerpt
    start: int | None
    end: int | None


def _excerpt_rows(data: Dataset, library: SourceLibrary | None) -> list[ExcerptRow]:
    rows = []
    everything: list[tuple[str, Cited]] = [
        *(("positions", p) for p in data.positions),
        *(("dated_items", d) for d in data.dated_items),
        *(("figures", f) for f in data.figures),
    ]
    for what, cited in everything:
        for number, excerpt in enumerate(cited.excerpts, 1):
            match = None
            if library is not None:
                # The loader verified this quote and cached where it stands: this is its lookup.
                match = library.get(data.sources[excerpt.source].file).find(excerpt.quote)
            rows.append(
                ExcerptRow(
                    cited.id,
                    what,
                    number,
                    excerpt,
                    match.start if match else None,
                    match.end if match else None,
                )
            )
    return rows


def tables(data: Dataset, today: date, library: SourceLibrary | None) -> list[Table]:
    """Every table of the package, in the order of the data file."""
    links = _party_links(DatedItem)
    statuses: tuple[str, ...] = typing.get_args(Status)
    dated = [
        *columns_of(DatedItem, "dated_items", skip=frozenset(links)),
        Column("status_today", "string", lambda d: item_status(d, today)[0], required=True, enum=statuses),
    ]
    excerpt_fields = [
        Column("source", "string", lambda r: r.excerpt.source, required=True, references="sources")
        if c.name == "source"
        else dataclasses.replace(c, value=_composed(c.value, lambda r: r.excerpt))
        for c in columns_of(Excerpt, "excerpts")
    ]
    by_what = {"positions": "position", "dated_items": "dated_item", "figures": "figure"}
    excerpt_columns = [
        Column("cites", "string", lambda r: r.cites, required=True),
        Column("number", "integer", lambda r: r.number, required=True),
        *(Column(column, "string", _only_for(what), references=what) for what, column in by_what.items()),
        *excerpt_fields,
        Column("start", "integer", lambda r: r.start),
        Column("end", "integer", lambda r: r.end),
    ]
    party_rows = [
        (item.id, role, n, party)
        for item in data.dated_items
        for role in links
        for n, party in enumerate(getattr(item, role), 1)
    ]
    positions = {p.id for p in data.positions}
    replaced = [
        (new, old, "positions" if new in positions else "dated_items")
        for old, new in data.replaced_by.items()
    ]
    return [
        Table("sources", tuple(columns_of(Source, "sources")), list(data.sources.values())),
        Table("parties", tuple(columns_of(Party, "parties")), list(data.parties.values())),
        Table("issues", tuple(columns_of(Issue, "issues")), list(data.issues.values())),
        Table("positions", tuple(columns_of(Position, "positions")), list(data.positions)),
        Table("dated_items", tuple(dated), list(data.dated_items)),
        Table(
            "dated_item_parties",
            (
                Column("dated_item", "string", lambda r: r[0], required=True, references="dated_items"),
                Column("role", "string", lambda r: r[1], required=True, enum=tuple(links)),
                Column("number", "integer", lambda r: r[2], required=True),
                Column("party", "string", lambda r: r[3], required=True, references="parties"),
            ),
            party_rows,
            primary_key=("dated_item", "role", "number"),
        ),
        # A figure's `supersedes` is always empty (figures do not supersede): no column for it.
        Table(
            "figures",
            tuple(columns_of(Figure, "figures", skip=frozenset({"supersedes"}))),
            list(data.figures),
        ),
        Table(
            "excerpts", tuple(excerpt_columns), _excerpt_rows(data, library), primary_key=("cites", "number")
        ),
        Table(
            "history",
            (
                Column("id", "string", lambda r: r[0], required=True),
                Column("supersedes", "string", lambda r: r[1], required=True),
                Column("what", "string", lambda r: r[2], required=True, enum=("positions", "dated_items")),
            ),
            replaced,
        ),
    ]


def cell(column: Column, value: object) -> str:
    """A value as CSV text: empty for none, true/false, ISO dates, ';'-joined lists, and text
    that cannot start a spreadsheet formula (FORMULA_STARTS)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int | date):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, tuple):
        return ";".join(_text(str(v)) for v in value)
    return _text(str(value))


def _text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(table: Table) -> bytes:
    out = io.StringIO(newline="")
    # The csv module quotes what needs quoting (commas, quotes, line breaks) as RFC 4180 says.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([cell(c, c.value(row)) for c in table.columns] for row in table.rows)
    return out.getvalue().encode("utf-8")


def _resources(made: list[Table]) -> Iterator[dict[str, Any]]:
    for table in made:
        yield {
            "name": table.name,
            "path": f"{table.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table.schema(),
        }


def export_package(data: Dataset, today: date, library: SourceLibrary | None) -> dict[str, bytes]:
    """File name → bytes: `datapackage.json` and one CSV per table."""
    made = tables(data, today, library)
    package = {
        "profile": PROFILE,
        "name": "peacedash-"
        + "".join(c if c.isascii() and c.isalnum() else "-" for c in data.path.stem.lower()),
        "title": data.title,
        "description": f"{data.title}, exported by peacedash from {data.path.name} on {today.isoformat()}; "
        "the columns are described in peacedash's docs/codebook.md.",
        "resources": list(_resources(made)),
    }
    files = {"datapackage.json": json_text(package).encode("utf-8")}
    files |= {f"{table.name}.csv": _csv(table) for table in made}
    return files


def all_tables() -> list[Table]:
    """The tables with no rows: what the codebook describes."""
    return tables(Dataset(Path("positions.yaml"), "", Path("seeds")), date(2026, 1, 1), None)
