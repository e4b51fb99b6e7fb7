"""A reloaded dataset keeping the last load's objects for what did not change at all.

After a reload every claim is a new object, equal to the old one for all but the few that were
edited. The screen compares what each pane shows with what it showed, and equal-but-new objects
are compared field by field: half a second of the UI thread after a 50,000-position reload
(bench/). With the old objects kept, those compares are by identity; this module's own compares
run in the loading thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from operator import is_
from typing import TypeVar

from tui.data.cancelling import Asked, asking
from tui.data.model import Cited, Dataset

T = TypeVar("T", bound=Cited)
V = TypeVar("V")


_FIELDS: dict[type, tuple[tuple[str, bool], ...] | None] = {}


def _fields(kind: type) -> tuple[tuple[str, bool], ...] | None:
    """A dataclass's fields as (name, compared by ==); None for any other type. Once per type:
    asking dataclasses for each object was a fifth of a 50,000-position reload's compare."""
    if kind not in _FIELDS:
        _FIELDS[kind] = tuple((f.name, f.compare) for f in fields(kind)) if is_dataclass(kind) else None
    return _FIELDS[kind]


def _same_hidden(a: object, b: object) -> bool:
    """With a == b already known: equal in the fields == leaves out too, at any depth (inside
    the dataclasses and tuples a claim is made of; anything else == has already compared)."""
    if a is b:
        return True
    names = _fields(type(a))
    if names is not None:
        for name, compared in names:
            x, y = getattr(a, name), getattr(b, name)
            if (x != y) if not compared else not _same_hidden(x, y):
                return False
        return True
    if isinstance(a, tuple):
        return isinstance(b, tuple) and all(map(_same_hidden, a, b))
    return True


def same(a: object, b: object) -> bool:
    """Equal in every field, those == leaves out as well: one may stand for the other."""
    return a is b or (type(a) is type(b) and a == b and _same_hidden(a, b))


def same_items(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """The same objects in the same order: a new tuple of what a reload kept (reuse_unchanged)
    is as good as the old one, and telling so costs a pass of identity checks, not a compare."""
    return a is b or (len(a) == len(b) and all(map(is_, a, b)))


def _kept(
    items: tuple[T, ...], old: Mapping[str, object], cancelled: Asked = None
) -> tuple[tuple[T, ...], bool]:
    """The items, the old object standing for each that is the same; and whether any was kept."""
    out: list[T] = []
    for item in asking(items, cancelled):
        was = old.get(item.id)
        out.append(was if was is not None and same(was, item) else item)  # type: ignore[arg-type]
    return tuple(out), any(a is not b for a, b in zip(out, items, strict=True))


def _kept_map(items: dict[str, V], old: dict[str, V]) -> tuple[dict[str, V], bool]:
    """The old mapping when it holds the same entries, each the same in every field."""
    if items.keys() == old.keys() and all(same(old[key], value) for key, value in items.items()):
        return old, True
    return items, False


def reuse_unchanged(old: Dataset, new: Dataset, cancelled: Asked = None) -> Dataset:
    """`new`, with each claim and figure that is the same as in `old` (where it stands in the
    file included) replaced by the old object, and the old sources, parties and issues when
    none of them changed (a pane's compare of two datasets is then by identity in those, not
    field by field: 30 ms of the key that met a 50,000-position reload); `new` itself when
    nothing is kept. `cancelled` is asked as it goes (a second at 50,000 positions: the app's
    loading thread gives way to keys there)."""
    positions, p = _kept(new.positions, old.cited, cancelled)
    timeline, t = _kept(new.timeline, old.cited, cancelled)
    meetings, m = _kept(new.meetings, old.cited, cancelled)
    figures, f = _kept(new.figures, old.cited, cancelled)
    sources, s = _kept_map(new.sources, old.sources)
    parties, r = _kept_map(new.parties, old.parties)
    issues, i = _kept_map(new.issues, old.issues)
    if not (p or t or m or f or s or r or i):
        return new
    return replace(
        new,
        positions=positions,
        timeline=timeline,
        meetings=meetings,
        figures=figures,
        sources=sources,
        parties=parties,
        issues=issues,
    )
