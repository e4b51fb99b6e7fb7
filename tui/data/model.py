"""Frozen dataclasses of the domain: sources, parties, issues, claims and problems; no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal, get_args

from tui.data.characters import one_line
from tui.data.dates import PartialDate, spoken

PositionKind = Literal["demand", "red-line", "offer", "proposal", "rejects", "stance"]
POSITION_KINDS: tuple[str, ...] = ("demand", "red-line", "offer", "proposal", "rejects", "stance")

# The words for each kind, as people write and read them (the file says "red-line").
KIND_WORDS = {
    "demand": "demand",
    "red-line": "red line",
    "offer": "offer",
    "proposal": "proposal",
    "rejects": "rejects",
    "stance": "stance",
}

Alignment = Literal["agreed", "close", "apart", "unclear"]
ALIGNMENTS: tuple[str, ...] = ("agreed", "close", "apart", "unclear")

DatedKind = Literal["deadline", "milestone", "election", "meeting", "event"]
TIMELINE_KINDS: tuple[str, ...] = ("deadline", "milestone", "election")
MEETING_KINDS: tuple[str, ...] = ("meeting", "event")

# Ids that name another entry of the file: a reader reads them as that entry's name (the change
# engine speaks a value by its declared type, see tui/data/reading.py).
PartyId = Annotated[str, "the id of a party"]
IssueId = Annotated[str, "the id of an issue"]

# How the change engine (tui/data/reading.py) reads a field, marked on the field itself so that a
# field added to a class is compared with no list to update:
# - `field(compare=False)`: not the user's data (where an entry stands in the file, a cache), so
#   left out of == and of every list of changes;
# - `metadata=read_as(label, words)`: read together with other fields, as the property `words`
#   under `label` (a figure's low, high and unit are its "value: about 20%").
READ_AS = "read as"


def read_as(label: str, words: str) -> dict[str, tuple[str, str]]:
    return {READ_AS: (label, words)}


# What the data may record about a dated item; the rest of a status is computed against today.
RecordedStatus = Literal["proposed", "scheduled", "held", "met", "missed", "cancelled"]
RECORDED_STATUSES: tuple[str, ...] = ("proposed", "scheduled", "held", "met", "missed", "cancelled")


@dataclass(frozen=True, slots=True)
class Location:
    """Where something stands in the data file (1-based line and column)."""

    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a data file, in the user's words."""

    file: str
    message: str
    line: int | None = None
    col: int | None = None

    def __post_init__(self) -> None:
        # Messages quote values from the file: show any control character as an escape, so a
        # message can never drive the terminal or break the one-problem-a-line format.
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.col or 1}: {self.message}"


# A source's outlet when the file names none (and what add-source proposes for an article that
# prints none): the words for "unknown", which the exports leave out where they list what is known.
UNNAMED_OUTLET = "not named"


@dataclass(frozen=True, slots=True)
class Source:
    """A stored article under seeds/ that claims cite."""

    id: str
    file: str
    title: str
    outlet: str
    published: PartialDate = field(metadata=read_as("published", "published_text"))
    published_inferred: bool = field(metadata=read_as("published", "published_text"))
    note: str
    at: Location = field(compare=False)

    @property
    def published_text(self) -> str:
        """'February 2026 (inferred)': the date as people write it, with its honesty."""
        return spoken(self.published) + (" (inferred)" if self.published_inferred else "")


@dataclass(frozen=True, slots=True)
class Party:
    """A side in the talks (Ukraine, Russia, United States, Europe)."""

    id: str
    name: str
    short: str
    includes: tuple[str, ...]
    at: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A verbatim quote of a source that backs a claim."""

    source: str
    quote: str
    at: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Issue:
    """A question on the table, with where the parties stand relative to each other."""

    id: str
    name: str
    alignment: Alignment
    note: str
    at: Location = field(compare=False)
    short: str = ""  # an optional label for tight columns
    excerpts: tuple[Excerpt, ...] = ()
    """The quotes behind the alignment (optional; verified like every claim's)."""

    def label(self, width: int) -> str:
        """The name if it fits in width, else the short label if there is one."""
        return self.name if len(self.name) <= width or not self.short else self.short


@dataclass(frozen=True, slots=True)
class Position:
    """What one party demands, offers or rejects on one issue."""

    id: str
    party: PartyId
    issue: IssueId
    kind: PositionKind
    stance: str
    stated: PartialDate
    excerpts: tuple[Excerpt, ...]
    at: Location = field(compare=False)
    supersedes: str = ""
    """The id of the earlier position of the same party on the same issue that this one replaces."""
    speaker: str = ""
    """Who the source quotes ('Foreign Minister Sybiha', 'an unnamed senior official', 'analysts')."""
    reported: bool = False
    """The source reports it second-hand ('reportedly', 'sources said', 'according to')."""
    hedged: bool = False
    """The source's words are estimative ('likely', 'could', 'about') and the claim says so by
    this mark rather than in its own words."""
    dated_by_source: bool = field(default=False, compare=False)
    """No `stated:` was written: the date is the first excerpt's source's (what the date-sense
    warning looks at); not the user's data, so no change of it is listed."""


@dataclass(frozen=True, slots=True)
class DatedItem:
    """A proposed deadline, milestone, meeting or event on the calendar."""

    id: str
    kind: DatedKind
    title: str
    date: PartialDate
    as_written: str
    inferred: bool
    status: RecordedStatus | None
    proposed_by: tuple[PartyId, ...]
    participants: tuple[PartyId, ...]
    place: str
    format: str
    outcome: str
    note: str
    excerpts: tuple[Excerpt, ...]
    at: Location = field(compare=False)
    supersedes: str = ""
    """The id of the earlier timeline item or meeting this one replaces (a deadline moved, a
    meeting rescheduled or replaced)."""
    speaker: str = ""
    reported: bool = False
    hedged: bool = False
    """As on a position: the claim keeps its source's estimative words by this mark."""

    @property
    def is_meeting(self) -> bool:
        return self.kind in MEETING_KINDS


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a source gives: a value or a range, its unit, what it measures and as of when;
    or, where the source gives no number ("the largest since 2022"), its words."""

    id: str
    measures: str
    low: float | None = field(metadata=read_as("value", "value_text"))
    high: float | None = field(metadata=read_as("value", "value_text"))
    unit: str = field(metadata=read_as("value", "value_text"))
    approximate: bool = field(metadata=read_as("value", "value_text"))
    as_of: PartialDate = field(metadata=read_as("as of", "as_of_text"))
    party: PartyId  # "" for none
    issue: IssueId  # "" for none
    note: str
    excerpts: tuple[Excerpt, ...]
    at: Location = field(compare=False)
    speaker: str = ""
    reported: bool = False
    supersedes: str = ""  # figures do not supersede; kept so every cited item answers alike
    words: str = field(default="", metadata=read_as("value", "value_text"))
    """The amount in the source's words, for a comparison that is no number (low and high None)."""
    as_of_inferred: bool = field(default=False, metadata=read_as("as of", "as_of_text"))
    """The as-of date is not printed: worked out by the curator, or the cited source's own date
    is inferred."""
    dated_by_source: bool = field(default=False, compare=False)
    """No `as_of:` was written: the as-of date is the first excerpt's source's."""

    @property
    def as_of_text(self) -> str:
        """'2–8 Feb 2026 · inferred' (as dated items say it): the as-of date, with its honesty."""
        return spoken(self.as_of) + (" · inferred" if self.as_of_inferred else "")

    @property
    def value_text(self) -> str:
        """'about 20%', '2,000+ drones' as written by the data; a figure in words, its words."""
        if self.low is None or self.high is None:
            return f"{self.words} {self.unit}".strip()
        number = _number(self.low) if self.low == self.high else f"{_number(self.low)}–{_number(self.high)}"
        unit = self.unit if self.unit.startswith(("%", "‰")) else f" {self.unit}"
        return ("about " if self.approximate else "") + number + unit

    @property
    def amount(self) -> tuple[float | None, float | None, str, str]:
        """What tells two figures on one measure apart: their numbers or words, and unit."""
        return (self.low, self.high, " ".join(self.words.lower().split()), self.unit)


# Where a party stands on one point of a plan, as the sources say; "unknown" where none says.
PointStance = Literal["accepts", "contests", "rejects", "unknown"]
POINT_STANCES: tuple[str, ...] = get_args(PointStance)


@dataclass(frozen=True, slots=True)
class PartyStance:
    """One party's stance on one point of a plan, with the quotes that show it."""

    party: PartyId
    stance: PointStance
    excerpts: tuple[Excerpt, ...]
    at: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class PlanPoint:
    """One point (or, where the source numbers none, one topic) of a version of a plan."""

    id: str
    """'plan/version/point': unique in the file; the point's own key is the last part."""
    number: str
    """The number the source gives the point ('' when it gives none)."""
    topic: str
    summary: str
    excerpts: tuple[Excerpt, ...]
    stances: tuple[PartyStance, ...]
    at: Location = field(compare=False)

    @property
    def key(self) -> str:
        """The point's key in its version: the same point in two versions has the same key."""
        return self.id.rsplit("/", 1)[-1]

    def stance_of(self, party: str) -> PointStance:
        return next((s.stance for s in self.stances if s.party == party), "unknown")


@dataclass(frozen=True, slots=True)
class PlanVersion:
    """A plan as one source (or several) describes it at one time."""

    id: str
    """'plan/version'."""
    label: str
    date: PartialDate
    inferred: bool
    note: str
    excerpts: tuple[Excerpt, ...]
    at: Location = field(compare=False)
    points: tuple[PlanPoint, ...] = field(default=(), compare=False)
    """Compared point by point as entries of their own (see plan_entries), not as one field."""

    @property
    def key(self) -> str:
        return self.id.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Plan:
    """A peace plan recorded point by point, version by version (oldest version first)."""

    id: str
    name: str
    note: str
    at: Location = field(compare=False)
    versions: tuple[PlanVersion, ...] = field(default=(), compare=False)
    """Compared version by version as entries of their own (see plan_entries)."""


PlanEntry = Plan | PlanVersion | PlanPoint


def plan_entries(plans: tuple[Plan, ...]) -> dict[str, PlanEntry]:
    """Every plan, version and point by its id, in file order: what the change engine compares."""
    out: dict[str, PlanEntry] = {}
    for plan in plans:
        out[plan.id] = plan
        for version in plan.versions:
            out[version.id] = version
            out.update((point.id, point) for point in version.points)
    return out


Claim = Position | DatedItem
"""What the panes list, mark and select: a position, a timeline item or a meeting."""
Cited = Claim | Figure
"""Anything that cites excerpts: a claim or a figure."""


@dataclass(frozen=True, slots=True)
class Dataset:
    """A whole validated data file."""

    path: Path
    title: str
    seed_dir: Path
    sources: dict[str, Source] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    issues: dict[str, Issue] = field(default_factory=dict)
    positions: tuple[Position, ...] = ()
    timeline: tuple[DatedItem, ...] = ()
    meetings: tuple[DatedItem, ...] = ()
    replaced_by: dict[str, str] = field(default_factory=dict)
    """Each superseded claim's id → the id of the claim that replaces it (from `supersedes:`)."""
    figures: tuple[Figure, ...] = ()
    plans: tuple[Plan, ...] = ()
    stale_after_days: int = 30
    """Days after the newest source's date past which the data is called out of date."""
    claims: Mapping[str, Claim] = field(init=False, repr=False, compare=False)
    """Every position, timeline item and meeting by id, built once with the dataset: the one
    id → claim lookup of the panes, history, exports and the change engine."""
    cited: Mapping[str, Cited] = field(init=False, repr=False, compare=False)
    """The claims, then the figures, by id: everything that cites a source, in the one namespace
    of ids they share (checked at load)."""
    excerpt_count: int = field(init=False, repr=False, compare=False)
    """Every quote the file cites: claims', figures', issues' and plans' (each verified);
    counted with the dataset, in the loading thread (20 ms of the UI thread at 50,000)."""
    dated_count: int = field(init=False, repr=False, compare=False)
    """Current items with a usable date (a moved deadline counts once): the one meaning of
    "dated" in check, the status bar, brief and exports. Counted with the dataset (in the
    loading thread), not on each status bar draw (8 ms at 50,000 positions)."""

    def __post_init__(self) -> None:
        claims: dict[str, Claim] = {p.id: p for p in self.positions}
        claims |= {d.id: d for d in self.timeline}
        claims |= {d.id: d for d in self.meetings}
        cited: dict[str, Cited] = {**claims, **{f.id: f for f in self.figures}}
        object.__setattr__(self, "claims", MappingProxyType(claims))
        object.__setattr__(self, "cited", MappingProxyType(cited))
        replaced = self.replaced_by
        dated = sum(1 for d in self.timeline if d.date.known and d.id not in replaced)
        dated += sum(1 for d in self.meetings if d.date.known and d.id not in replaced)
        object.__setattr__(self, "dated_count", dated)
        plans = plan_entries(self.plans).values()
        excerpts = (
            sum(len(p.excerpts) for p in self.positions)
            + sum(len(d.excerpts) for d in self.timeline)
            + sum(len(d.excerpts) for d in self.meetings)
            + sum(len(f.excerpts) for f in self.figures)
            + sum(len(i.excerpts) for i in self.issues.values())
            + sum(len(e.excerpts) for e in plans if not isinstance(e, Plan))
            + sum(len(s.excerpts) for e in plans if isinstance(e, PlanPoint) for s in e.stances)
        )
        object.__setattr__(self, "excerpt_count", excerpts)

    @property
    def dated_items(self) -> tuple[DatedItem, ...]:
        """Every timeline item and meeting, with a date or not."""
        return self.timeline + self.meetings

    @property
    def current_positions(self) -> tuple[Position, ...]:
        """Positions no later one supersedes: the ones shown and counted (the rest are history)."""
        return tuple(p for p in self.positions if p.id not in self.replaced_by)

    @property
    def current_dated(self) -> tuple[DatedItem, ...]:
        """Timeline items and meetings no later one supersedes (a moved deadline, once)."""
        return tuple(d for d in self.dated_items if d.id not in self.replaced_by)
