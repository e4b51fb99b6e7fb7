"""How a reader reads an entry of the file: its fields, each named and spoken as a reader reads
it ('proposed by: Ukraine, Russia', 'date: by March 2026'), derived from the model's own fields.

A field added to a model class is read with nothing to update here: `dataclasses.fields` lists
it, its declared type says how it is spoken. A field marked `compare=False` (where an entry stands
in the file) is not read; `read_as` fields are read together (see model.py).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Union, get_args, get_origin, get_type_hints

from tui.data.dates import PartialDate, spoken
from tui.data.history import what_of
from tui.data.model import (
    KIND_WORDS,
    READ_AS,
    Dataset,
    DatedItem,
    Figure,
    Issue,
    IssueId,
    Party,
    PartyId,
    Plan,
    PlanPoint,
    PlanVersion,
    Position,
    PositionKind,
    Source,
)

Entry = Position | DatedItem | Figure | Issue | Party | Source | Plan | PlanVersion | PlanPoint
"""What a list of changes is about: a claim, a figure, an issue, a party, a source, or a plan,
one of its versions or one of their points."""
Speak = Callable[[Any, Dataset], str]
"""A value (or a whole entry) as text, in the words of the dataset it belongs to."""


def _name(entries: Mapping[str, Party] | Mapping[str, Issue], eid: str) -> str:
    return entries[eid].name if eid in entries else eid


# By declared type, never by field name: every field of one of these types is spoken alike.
SPOKEN: dict[object, Speak] = {
    PartialDate: lambda when, data: spoken(when),
    PositionKind: lambda kind, data: KIND_WORDS[kind] if kind in KIND_WORDS else str(kind),
    PartyId: lambda pid, data: _name(data.parties, pid),
    IssueId: lambda iid, data: _name(data.issues, iid),
}


def _speaker(hint: object, label: str) -> Speak:
    """How a value of the declared type `hint` is spoken ("" for nothing)."""
    if hint in SPOKEN:
        return SPOKEN[hint]
    if hint is bool:  # a flag reads as its name when set: "reported: (none) → reported"
        return lambda flag, data: label if flag else ""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):  # `X | None`: None reads as nothing
        inner = [_speaker(a, label) for a in args if a is not type(None)]
        if len(inner) == 1:
            return lambda value, data: "" if value is None else inner[0](value, data)
    if origin is tuple and args:
        item = _speaker(args[0], label)
        joint = "\n" if _holds_entries(hint) else ", "  # one excerpt a line; names in a row
        return lambda values, data: joint.join(item(v, data) for v in values)
    if isinstance(hint, type) and is_dataclass(hint):  # an excerpt: "alpha: the quote"
        parts = readings(hint)
        return lambda value, data: ": ".join(r.speak(value, data) for r in parts)
    return lambda value, data: "" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Reading:
    """One thing a reader compares: a field, or fields read together (a figure's value)."""

    label: str
    names: tuple[str, ...]
    """The fields read."""
    speak: Speak
    """The entry's fields as text."""


_READINGS: dict[type, tuple[Reading, ...]] = {}


def readings(cls: type) -> tuple[Reading, ...]:
    """What a reader compares in an entry of this class, in the order of its fields, the entries
    it holds (its excerpts) last: what a claim says, then what backs it. Worked out once a class."""
    found = _READINGS.get(cls)
    if found is None:
        found = _READINGS[cls] = _readings(cls)
    return found


def _readings(cls: type) -> tuple[Reading, ...]:
    hints = get_type_hints(cls, include_extras=True)
    out: list[Reading] = []
    together: dict[str, list[str]] = {}
    for f in fields(cls):
        if not f.compare or f.name == "id":  # the id is what two versions are matched by
            continue
        if READ_AS in f.metadata:
            label, words = f.metadata[READ_AS]
            if label not in together:
                together[label] = []
                out.append(Reading(label, (), _words(words)))
            together[label].append(f.name)
        else:
            label = f.name.replace("_", " ")
            out.append(Reading(label, (f.name,), _field(f.name, _speaker(hints[f.name], label))))
    held = {f.name for f in fields(cls) if _holds_entries(hints[f.name])}
    return tuple(
        sorted(
            (Reading(r.label, tuple(together[r.label]), r.speak) if not r.names else r for r in out),
            key=lambda r: r.names[0] in held,
        )
    )


def _holds_entries(hint: object) -> bool:
    """A tuple of dataclasses, such as a claim's excerpts."""
    args = get_args(hint)
    return get_origin(hint) is tuple and bool(args) and is_dataclass(args[0])


def _words(name: str) -> Speak:
    return lambda entry, data: str(getattr(entry, name))


def _field(name: str, speak: Speak) -> Speak:
    return lambda entry, data: speak(getattr(entry, name), data)


# The field that names an entry in a list of changes, by class (a subclass is named as its base).
TITLES: dict[type, str] = {
    Position: "stance",
    DatedItem: "title",
    Figure: "measures",
    Issue: "name",
    Party: "name",
    Source: "title",
    Plan: "name",
    PlanVersion: "label",
    PlanPoint: "topic",
}
# How a list of changes names an entry of a class whose name is not the word ('plan point').
WHAT = {PlanVersion: "plan version", PlanPoint: "plan point"}


def _base(entry: object) -> type:
    return next(c for c in type(entry).__mro__ if c in TITLES)


def title_of(entry: Entry) -> str:
    """'Will not withdraw from territory', 'First round in Geneva', 'River valley'."""
    return str(getattr(entry, TITLES[_base(entry)]))


def what(entry: Entry) -> str:
    """'position', 'meeting', 'timeline item', 'figure', 'issue', 'party' or 'source'."""
    if isinstance(entry, Position | DatedItem):
        return what_of(entry)
    base = _base(entry)
    return WHAT.get(base, base.__name__.lower())
