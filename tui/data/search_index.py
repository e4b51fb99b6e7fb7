"""The searchable text of everything in a dataset, built once per load for the filter and the palette."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from tui.data.cancelling import Asked, asking
from tui.data.dates import PartialDate, spoken, status_of
from tui.data.history import current_id
from tui.data.model import KIND_WORDS, Dataset, DatedItem, Excerpt, Figure, Position
from tui.data.search import Field, Piece, Query, TextMaker, title_score

EntryKind = Literal["position", "deadline", "meeting", "issue", "party", "figure", "source"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing search can find: what it is, its id, its title and its searchable text."""

    kind: EntryKind
    id: str
    title: str
    """As written: a stance, a title, a name, a measure or a headline."""
    key: str
    """The title's folded words, to rank it on."""
    text: str
    """Every text of it and its fields, as tui.data.search makes it."""


class _Drafts:
    """Collects every entry's texts and field pieces; the words of a party, an issue, a source,
    a kind, a speaker and a date are made once and shared by all the claims that name them."""

    def __init__(self, data: Dataset, today: date | None = None) -> None:
        self.today = today
        self.maker = TextMaker()
        self.drafts: list[tuple[EntryKind, str, str]] = []
        piece = self.maker.piece
        self.parties = {i: piece("party", i, p.name, p.short) for i, p in data.parties.items()}
        self.members = {i: " ".join(p.includes) for i, p in data.parties.items()}
        self.issues = {i: piece("issue", i, issue.name, issue.short) for i, issue in data.issues.items()}
        self.sources = {i: piece("source", i, s.outlet, s.title) for i, s in data.sources.items()}
        self.kinds = {k: piece("kind", k, KIND_WORDS[k], "position") for k in KIND_WORDS}
        self._dates: dict[str, str] = {}

    def add(self, kind: EntryKind, id: str, title: str, plain: list[str], pieces: list[Piece]) -> int:
        """A draft entry, made with all the others at once (make): its number."""
        self.maker.add(title, [id, *plain], pieces)
        self.drafts.append((kind, id, title))
        return len(self.drafts) - 1

    def make(self) -> list[Entry]:
        return [
            Entry(*draft, key, text)
            for draft, (key, text) in zip(self.drafts, self.maker.make(), strict=True)
        ]

    def of(self, field: Field, known: dict[str, Piece], value: str) -> Piece:
        return known.get(value) or self.maker.piece(field, value)

    def cited(self, excerpts: tuple[Excerpt, ...]) -> list[Piece]:
        known = self.sources
        if len(excerpts) == 1 and excerpts[0].source in known:  # most claims: one known source
            return [known[excerpts[0].source]]
        return [self.of("source", known, s) for s in dict.fromkeys(e.source for e in excerpts)]

    def when(self, date: PartialDate) -> str:
        said = self._dates.get(date.text)  # the same text always reads as the same date
        if said is None:
            said = self._dates[date.text] = f"{date.text} {spoken(date)}"
        return said

    def position(self, p: Position) -> int:
        pieces = [
            self.of("party", self.parties, p.party),
            self.of("issue", self.issues, p.issue),
            self.kinds[p.kind],
            *self.cited(p.excerpts),
            self.maker.piece("speaker", p.speaker),
        ]
        plain = [self.when(p.stated), self.members.get(p.party, ""), *(e.quote for e in p.excerpts)]
        return self.add("position", p.id, p.stance, plain, pieces)

    def dated(self, d: DatedItem) -> int:
        who = list(dict.fromkeys((*d.participants, *d.proposed_by)))
        what: EntryKind = "meeting" if d.is_meeting else "deadline"
        kind = ("meeting",) if d.is_meeting else ("deadline", "timeline")
        pieces = [
            *(self.of("party", self.parties, i) for i in who),
            self.maker.piece("kind", d.kind, *kind),
            # What the file records ("proposed") and, given a today, where it stands ("missed"):
            # status:missed finds a deadline passed with no outcome, as the panes call it.
            self.maker.piece(
                "status", d.status or "", status_of(d.date, d.status, self.today) if self.today else ""
            ),
            *self.cited(d.excerpts),
            self.maker.piece("speaker", d.speaker),
        ]
        texts = [self.when(d.date), d.as_written, d.place, d.format, d.outcome, d.note]
        texts += [self.members.get(i, "") for i in who]
        return self.add(what, d.id, d.title, [*texts, *(e.quote for e in d.excerpts)], pieces)

    def figure(self, f: Figure) -> int:
        pieces = [
            *([self.of("party", self.parties, f.party)] if f.party else []),
            *([self.of("issue", self.issues, f.issue)] if f.issue else []),
            self.maker.piece("kind", "figure"),
            *self.cited(f.excerpts),
            self.maker.piece("speaker", f.speaker),
        ]
        texts = [f.value_text, f.unit, f.as_of_text, f.note, *(e.quote for e in f.excerpts)]
        return self.add("figure", f.id, f.measures, texts, pieces)


class SearchIndex:
    """Every position, timeline item, meeting, figure, issue, party and source, made searchable.

    A superseded claim is not an entry of its own: its words join the claim that replaced it
    (filtering for "28-point" finds the current position that replaced the 28-point plan's).
    """

    def __init__(self, data: Dataset, today: date | None = None, cancelled: Asked = None) -> None:
        """`cancelled` is asked as the texts are made (two seconds at 50,000 positions, in the
        app's loading thread, which gives way to keys there)."""
        self.data = data
        drafts = _Drafts(data, today)
        piece = drafts.maker.piece
        numbers = {p.id: drafts.position(p) for p in asking(data.positions, cancelled)}
        numbers |= {d.id: drafts.dated(d) for d in asking(data.dated_items, cancelled)}
        figures = [drafts.figure(f) for f in asking(data.figures, cancelled)]
        issues = [
            drafts.add("issue", i, issue.name, [], [drafts.issues[i], piece("kind", "issue")])
            for i, issue in data.issues.items()
        ]
        parties = [
            drafts.add("party", i, p.name, [drafts.members[i]], [drafts.parties[i], piece("kind", "party")])
            for i, p in data.parties.items()
        ]
        sources = [
            drafts.add(
                "source",
                i,
                s.title,
                [s.file, drafts.when(s.published)],
                [drafts.sources[i], piece("kind", "source")],
            )
            for i, s in data.sources.items()
        ]
        made = drafts.make()

        claims = {claim_id: made[n] for claim_id, n in numbers.items()}
        history: dict[str, list[str]] = {}
        for old_id in data.replaced_by:  # each earlier claim's words join its current claim's
            current = current_id(data.replaced_by, old_id)
            if current in claims and current != old_id:
                history.setdefault(current, []).append(claims[old_id].text)
        for claim_id, earlier in history.items():  # a newline, like the separator, is in no needle
            claims[claim_id] = replace(claims[claim_id], text="\n".join([claims[claim_id].text, *earlier]))
        self.positions = [(p, claims[p.id]) for p in data.positions if p.id not in data.replaced_by]
        self.dated = sorted(
            ((d, claims[d.id]) for d in data.dated_items if d.id not in data.replaced_by),
            key=lambda pair: pair[0].date.sort_key(),
        )
        self.figures = [(f, made[n]) for f, n in zip(data.figures, figures, strict=True)]
        self.issues = [made[n] for n in issues]
        self.parties = [made[n] for n in parties]
        self.sources = [made[n] for n in sources]

    def entries(self) -> Iterator[Entry]:
        """Everything the palette offers; between equal ranks, the first here comes first."""
        yield from (entry for _, entry in self.dated)
        yield from self.issues
        yield from self.parties
        yield from (entry for _, entry in self.positions)
        yield from (entry for _, entry in self.figures)
        yield from self.sources

    def ranked(self, query: Query, limit: int = 50, kind: str | None = None) -> list[tuple[float, Entry]]:
        """The best `limit` entries (of one kind, if given) for the query, best first: exact
        titles, then titles that begin with it, then titles holding its words, then the rest;
        shorter titles first within each, then in entries() order.

        Each tier is a list comprehension over what matched and only the chosen are scored:
        scoring every match (at 50,000 claims "r" matches most) took most of a second."""
        pool = [e for e in self.entries() if kind is None or e.kind == kind]
        for needle in sorted(query.needles, key=len, reverse=True):  # as the filter narrows
            pool = [e for e in pool if needle in e.text]
        joined = "".join(query.plain)
        tiers: list[list[Entry]] = []
        if query.plain:
            if len(query.plain) == len(query.needles):
                tiers.append([e for e in pool if e.key == joined])
            tiers.append([e for e in pool if e.key.startswith(joined)])
            holds = pool
            for needle in query.plain:
                holds = [e for e in holds if needle in e.key]
            tiers.append(holds)
        tiers.append(pool)
        chosen: dict[int, Entry] = {}
        for tier in tiers:
            left = limit - len(chosen)
            fresh = (e for e in tier if id(e) not in chosen)
            for entry in heapq.nsmallest(left, fresh, key=lambda e: len(e.key)):  # stable
                chosen[id(entry)] = entry
            if len(chosen) >= limit:
                break
        return [(title_score(query, entry.key), entry) for entry in chosen.values()]
