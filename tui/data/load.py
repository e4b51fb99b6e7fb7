"""Load a data file: YAML text → validated, frozen Dataset, or every problem with FILE:LINE:COL."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from tui.data.cancelling import Asked, Cancelled, asking
from tui.data.collector import paused
from tui.data.date_sense import date_sense_warnings
from tui.data.dates import UNKNOWN, spoken
from tui.data.describe import plural
from tui.data.estimative import estimative_warnings
from tui.data.fields import Fields, Problems, describe, did_you_mean, entries
from tui.data.history import check_supersession
from tui.data.model import (
    ALIGNMENTS,
    MEETING_KINDS,
    POINT_STANCES,
    POSITION_KINDS,
    RECORDED_STATUSES,
    TIMELINE_KINDS,
    UNNAMED_OUTLET,
    Dataset,
    DatedItem,
    Excerpt,
    Figure,
    Issue,
    Location,
    Party,
    PartyStance,
    Plan,
    PlanPoint,
    PlanVersion,
    Position,
    Problem,
    Source,
)
from tui.data.quoted import each_quoted
from tui.data.safefiles import Refused, kind_of, path_problem
from tui.data.sentences import quote_warnings
from tui.data.sources import (
    MAX_HINT_QUOTE,
    MIN_QUOTE_WORDS,
    Match,
    Occurrences,
    SourceLibrary,
    SourceText,
    count_words,
    fold,
    glimpse,
)
from tui.data.yamlnodes import Node, YamlProblem, parse_nodes, read_text, release

TOP_KEYS = (
    "version",
    "title",
    "seeds",
    "sources",
    "parties",
    "issues",
    "positions",
    "timeline",
    "meetings",
    "figures",
    "plans",
    "stale_after_days",
)
PLAN_KEYS = ("name", "note", "versions")
VERSION_KEYS = ("label", "date", "inferred", "note", "excerpts", "points")
POINT_KEYS = ("number", "topic", "summary", "excerpts", "stances")
STANCE_KEYS = ("stance", "excerpts")
FIGURE_KEYS = (
    "measures",
    "value",
    "range",
    "words",
    "unit",
    "approximate",
    "as_of",
    "inferred",
    "party",
    "issue",
    "note",
    "speaker",
    "reported",
    "excerpts",
)
REQUIRED = ("sources", "parties", "issues", "positions")
SOURCE_KEYS = ("file", "title", "outlet", "published", "inferred", "note")
PARTY_KEYS = ("name", "short", "includes")
ISSUE_KEYS = ("name", "short", "alignment", "note", "excerpts")
POSITION_KEYS = (
    "party",
    "issue",
    "kind",
    "stance",
    "stated",
    "supersedes",
    "speaker",
    "reported",
    "hedged",
    "excerpts",
)
DATED_KEYS = (
    "kind",
    "supersedes",
    "speaker",
    "reported",
    "hedged",
    "title",
    "date",
    "as_written",
    "inferred",
    "status",
    "proposed_by",
    "participants",
    "place",
    "format",
    "outcome",
    "note",
    "excerpts",
)
EXCERPT_KEYS = ("source", "quote")


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The data when the file is sound, every problem found, and the seed texts read on the way."""

    path: Path
    dataset: Dataset | None
    problems: tuple[Problem, ...]
    library: SourceLibrary | None = field(default=None, compare=False)
    warnings: tuple[Problem, ...] = ()
    """Located notes that do not stop the load: a quote that drops its sentence's hedge or speaker."""

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not self.problems


def load_positions(
    path: Path,
    verify: bool = True,
    cancelled: Asked = None,
    *,
    text: str | None = None,
    tree: tuple[Node, list[YamlProblem]] | None = None,
    files: bool = True,
) -> LoadResult:
    """Read, validate and (unless verify is False) check every excerpt against its source.

    `cancelled`, when given, is asked now and then (every few hundred YAML events, every few
    dozen entries read, quotes checked and sentences weighed); once it says yes the load stops by
    raising Cancelled (a newer load has made this one moot). Asked often: the app, loading in a
    thread, waits inside it while a key is answered.

    An earlier version of the file (from git) is given as `text`, or as a `tree` already
    parsed, named by `path`; `files=False` then leaves the seeds folder and files on disk
    alone, since they are today's, not that version's.
    """
    with paused():
        return _load(path, verify, cancelled, text, tree, files)


def _load(
    path: Path,
    verify: bool,
    cancelled: Asked,
    text: str | None,
    tree: tuple[Node, list[YamlProblem]] | None,
    files: bool,
) -> LoadResult:
    name = str(path)
    try:
        root, soft = (
            tree
            if tree is not None
            else parse_nodes(read_text(path, cancelled) if text is None else text, cancelled)
        )
    except Cancelled:
        raise
    except YamlProblem as fatal:
        return LoadResult(path, None, tuple(Problem(name, p.message, p.line, p.col) for p in fatal.each))
    try:
        return _read(path, name, root, soft, verify, files, cancelled)
    finally:
        if tree is None:
            release(root, cancelled)


def _read(
    path: Path,
    name: str,
    root: Node,
    soft: list[YamlProblem],
    verify: bool,
    files: bool,
    cancelled: Asked = None,
) -> LoadResult:
    problems = Problems(name)
    for soft_problem in soft:
        problems.items.append(Problem(name, soft_problem.message, soft_problem.line, soft_problem.col))
    if not isinstance(root.value, dict):
        problems.add(root, "the top level should be a mapping with keys such as 'sources:' and 'parties:'")
        return LoadResult(path, None, tuple(problems.items))
    top = Fields(root, "the top level", TOP_KEYS, problems)
    for key in REQUIRED:
        if top.get(key) is None:
            # Point at the top-level mapping, where the section would go.
            problems.add(root, f"the file has no '{key}:' section{did_you_mean(key, top.entries)}")
    seed_dir = _seed_dir(path, top, problems, files)
    library = SourceLibrary(seed_dir)
    reader = _Reader(problems, library, files, cancelled)
    sources = reader.sources(top.get("sources"))
    parties = reader.parties(top.get("parties"))
    issues = reader.issues(top.get("issues"), sources)
    positions = reader.positions(top.get("positions"), sources, parties, issues)
    timeline = reader.dated(top.get("timeline"), "timeline", TIMELINE_KINDS, sources, parties)
    meetings = reader.dated(top.get("meetings"), "meetings", MEETING_KINDS, sources, parties)
    figures = reader.figures(top.get("figures"), sources, parties, issues)
    plans = reader.plans(top.get("plans"), sources, parties)
    dataset = Dataset(
        path=path,
        title=top.text("title", "Russia–Ukraine peace process"),
        seed_dir=seed_dir,
        sources=sources,
        parties=parties,
        issues=issues,
        positions=tuple(positions),
        timeline=tuple(timeline),
        meetings=tuple(meetings),
        figures=tuple(figures),
        plans=tuple(plans),
        stale_after_days=_stale_after(top, problems),
    )
    # Checked against the dataset's own claim index; the links found are added to it after.
    replaced_by = check_supersession(dataset.claims, reader.links, sources, problems)
    if verify and files:
        reader.verify(sources)
    if problems.items:
        ordered = sorted(problems.items, key=lambda p: (p.line or 0, p.col or 0))
        return LoadResult(path, None, tuple(ordered), library)
    if replaced_by:
        dataset = replace(dataset, replaced_by=replaced_by)
    warnings: tuple[Problem, ...] = ()
    if verify and files:
        quoted = list(asking(each_quoted(dataset, library), cancelled))
        warnings = (
            *reader.warnings,
            *quote_warnings(str(path), asking(quoted, cancelled)),
            *date_sense_warnings(str(path), asking(quoted, cancelled), dataset.dated_items),
            *estimative_warnings(str(path), asking(quoted, cancelled)),
        )
        # Dropped a quote at a time, asking as it goes: left to go whole as this returns, the
        # quotes (80,000 with their sentences at 50,000 positions) held the interpreter for
        # 50 ms, and a key pressed then waited for it.
        for _ in asking(range(len(quoted)), cancelled):
            quoted.pop()
    # In file order, as problems are: a quote's warnings together, at its line.
    ordered_warnings = tuple(sorted(warnings, key=lambda p: (p.line or 0, p.col or 0)))
    return LoadResult(path, dataset, (), library, ordered_warnings)


def _seed_dir(path: Path, top: Fields, problems: Problems, files: bool = True) -> Path:
    """The seeds folder, resolved. Inside the data file's tree (the folder above the data file's
    own, where the default ../seeds lies) any folder will do; outside it, only a plain folder
    named as such, not a link to one, so a file from elsewhere cannot point peacedash at
    arbitrary places through links."""
    text = top.text("seeds", "../seeds")
    where = top.get("seeds") or top.node
    given = path.parent / text
    resolved = given.resolve()
    if not files:
        return resolved  # an earlier version's folder is not checked against today's disk
    tree = path.parent.resolve().parent
    try:
        mode = os.stat(resolved).st_mode
    except OSError:
        problems.add(where, f"the seeds folder '{text}' does not exist ({resolved})")
        return resolved
    if not stat.S_ISDIR(mode):
        problems.add(where, f"the seeds folder '{text}' is {kind_of(mode)}, not a folder")
    elif not resolved.is_relative_to(tree) and given.absolute() != resolved:
        problems.add(
            where,
            f"the seeds folder '{text}' lies outside this file's tree through a link: name the real folder",
        )
    return resolved


DEFAULT_STALE_AFTER = 30


def _stale_after(top: Fields, problems: Problems) -> int:
    """`stale_after_days: 30`: days after the newest source past which the data is called old."""
    node = top.get("stale_after_days")
    if node is None:
        return DEFAULT_STALE_AFTER
    text = node.value if isinstance(node.value, str) else ""
    if not text.isdigit() or not 1 <= int(text) <= 36500:
        shown = f"'{node.value}'" if isinstance(node.value, str) else describe(node)
        problems.add(node, f"'stale_after_days' should be a whole number of days such as 30, not {shown}")
        return DEFAULT_STALE_AFTER
    return int(text)


def _at(node: Node) -> Location:
    return Location(node.line, node.col)


class _Reader:
    """Reads each section, checking ids against what earlier sections defined."""

    def __init__(
        self,
        problems: Problems,
        library: SourceLibrary,
        files: bool = True,
        cancelled: Asked = None,
    ) -> None:
        self.problems = problems
        self.library = library
        self.files = files
        self.cancelled = cancelled
        self.claim_ids: dict[str, Node] = {}
        self.excerpts: list[tuple[Excerpt, Node]] = []
        self.links: list[tuple[Position | DatedItem, Node]] = []
        """Each claim that supersedes another, with its `supersedes:` value node (checked once all are read)."""
        self.warnings: list[Problem] = []
        """Located notes from verifying that do not stop the load (a quote found in several places)."""

    def sources(self, section: Node | None) -> dict[str, Source]:
        out: dict[str, Source] = {}
        for sid, key, node in entries(section, "sources", self.problems):
            f = Fields(node, f"source '{sid}'", SOURCE_KEYS, self.problems)
            file = f.text("file")
            if file:
                self._check_seed(file, f.get("file") or node)
            out[sid] = Source(
                id=sid,
                file=file,
                title=f.text("title"),
                outlet=f.text("outlet", UNNAMED_OUTLET),
                published=f.date("published") or UNKNOWN,
                published_inferred=f.flag("inferred"),
                note=f.text("note", ""),
                at=_at(key),
            )
        return out

    def _check_seed(self, file: str, node: Node) -> None:
        """A source file must be a plain relative path to a regular text file inside the seeds folder."""
        seed_dir = self.library.seed_dir
        problem = path_problem(file)
        if problem:
            self.problems.add(node, f"source file '{file}' {problem}")
            return
        if not self.files or not seed_dir.is_dir():
            return  # reported once, against 'seeds:'; or an earlier version, not checked on disk
        try:
            self.library.get(file)
        except Refused as refused:
            message = f"source file '{file}' {refused}"
            if str(refused) == "is not in the seeds folder":
                present = [p.name for p in seed_dir.iterdir() if p.is_file()]
                message = f"source file '{file}' is not in {seed_dir}{did_you_mean(file, present)}"
            self.problems.add(node, message)

    def parties(self, section: Node | None) -> dict[str, Party]:
        out: dict[str, Party] = {}
        for pid, key, node in entries(section, "parties", self.problems):
            f = Fields(node, f"party '{pid}'", PARTY_KEYS, self.problems)
            includes = tuple(text for text, _ in f.texts("includes"))
            out[pid] = Party(pid, f.text("name"), f.text("short"), includes, _at(key))
        return out

    def issues(self, section: Node | None, sources: dict[str, Source]) -> dict[str, Issue]:
        out: dict[str, Issue] = {}
        for iid, key, node in entries(section, "issues", self.problems):
            f = Fields(node, f"issue '{iid}'", ISSUE_KEYS, self.problems)
            alignment = f.choice("alignment", ALIGNMENTS, "unclear")
            out[iid] = Issue(
                iid,
                f.text("name"),
                alignment,  # type: ignore[arg-type]  # choice() returns one of the Literal's words
                f.text("note", ""),
                _at(key),
                short=f.text("short", ""),
                excerpts=self._excerpts(f, f"issue '{iid}'", sources)
                if f.get("excerpts") is not None
                else (),
            )
        return out

    def positions(
        self,
        section: Node | None,
        sources: dict[str, Source],
        parties: dict[str, Party],
        issues: dict[str, Issue],
    ) -> list[Position]:
        out: list[Position] = []
        for pid, key, node in asking(entries(section, "positions", self.problems), self.cancelled):
            self._claim_id(pid, key)
            what = f"position '{pid}'"
            f = Fields(node, what, POSITION_KEYS, self.problems)
            party = self._ref(f, "party", parties, "parties")
            issue = self._ref(f, "issue", issues, "issues")
            kind = f.choice("kind", POSITION_KINDS)
            excerpts = self._excerpts(f, what, sources)
            stated = f.date("stated", UNKNOWN) if f.get("stated") else None
            if stated is None:
                first = sources.get(excerpts[0].source) if excerpts else None
                stated = first.published if first else UNKNOWN
            position = Position(
                pid,
                party,
                issue,
                kind,  # type: ignore[arg-type]  # choice() returns one of the Literal's words
                f.text("stance"),
                stated,
                excerpts,
                _at(key),
                supersedes=self._supersedes(f),
                speaker=f.text("speaker", ""),
                reported=f.flag("reported"),
                hedged=f.flag("hedged"),
                dated_by_source=f.get("stated") is None,
            )
            out.append(position)
            self._link(position, f)
        return out

    def _supersedes(self, f: Fields) -> str:
        return f.text("supersedes", "") if f.get("supersedes") is not None else ""

    def _link(self, claim: Position | DatedItem, f: Fields) -> None:
        node = f.get("supersedes")
        if claim.supersedes and node is not None:
            self.links.append((claim, node))

    def dated(
        self,
        section: Node | None,
        name: str,
        kinds: tuple[str, ...],
        sources: dict[str, Source],
        parties: dict[str, Party],
    ) -> list[DatedItem]:
        out: list[DatedItem] = []
        for did, key, node in asking(entries(section, name, self.problems), self.cancelled):
            self._claim_id(did, key)
            what = f"{'meeting' if name == 'meetings' else 'timeline item'} '{did}'"
            f = Fields(node, what, DATED_KEYS, self.problems)
            status = f.choice("status", RECORDED_STATUSES, "proposed") if f.get("status") else None
            when = f.date("date") or UNKNOWN
            out.append(
                DatedItem(
                    id=did,
                    kind=f.choice("kind", kinds, kinds[0]),  # type: ignore[arg-type]  # one of the Literal's words
                    title=f.text("title"),
                    date=when,
                    as_written=f.text("as_written", ""),
                    inferred=f.flag("inferred"),
                    status=status,  # type: ignore[arg-type]  # a RECORDED_STATUSES word or None
                    proposed_by=self._party_list(f, "proposed_by", parties, what),
                    participants=self._party_list(f, "participants", parties, what),
                    place=f.text("place", ""),
                    format=f.text("format", ""),
                    outcome=f.text("outcome", ""),
                    note=f.text("note", ""),
                    excerpts=self._excerpts(f, what, sources),
                    at=_at(key),
                    supersedes=self._supersedes(f),
                    speaker=f.text("speaker", ""),
                    reported=f.flag("reported"),
                    hedged=f.flag("hedged"),
                )
            )
            self._link(out[-1], f)
        return out

    def figures(
        self,
        section: Node | None,
        sources: dict[str, Source],
        parties: dict[str, Party],
        issues: dict[str, Issue],
    ) -> list[Figure]:
        out: list[Figure] = []
        for fid, key, node in asking(entries(section, "figures", self.problems), self.cancelled):
            self._claim_id(fid, key)
            what = f"figure '{fid}'"
            f = Fields(node, what, FIGURE_KEYS, self.problems)
            low, high, words = self._amount(f, what)
            party = self._ref(f, "party", parties, "parties") if f.get("party") is not None else ""
            issue = self._ref(f, "issue", issues, "issues") if f.get("issue") is not None else ""
            excerpts = self._excerpts(f, what, sources)
            as_of = f.date("as_of", UNKNOWN) if f.get("as_of") else None
            inferred = f.flag("inferred")
            if as_of is None:
                first = sources.get(excerpts[0].source) if excerpts else None
                as_of = first.published if first else UNKNOWN
                inferred = inferred or bool(first and first.published_inferred)
            out.append(
                Figure(
                    fid,
                    f.text("measures"),
                    low,
                    high,
                    # A figure in words ("the largest since 2022") may need no unit.
                    f.text("unit", "" if f.get("words") is not None else None),
                    f.flag("approximate"),
                    as_of,
                    party,
                    issue,
                    f.text("note", ""),
                    excerpts,
                    _at(key),
                    speaker=f.text("speaker", ""),
                    reported=f.flag("reported"),
                    words=words,
                    as_of_inferred=inferred,
                    dated_by_source=f.get("as_of") is None,
                )
            )
        return out

    def plans(
        self, section: Node | None, sources: dict[str, Source], parties: dict[str, Party]
    ) -> list[Plan]:
        out: list[Plan] = []
        for plan_id, key, node in entries(section, "plans", self.problems):
            f = Fields(node, f"plan '{plan_id}'", PLAN_KEYS, self.problems)
            name = f.text("name")
            note = f.text("note", "")
            versions = []
            for vkey, vkey_node, vnode in entries(
                f.get("versions"), f"versions of plan '{plan_id}'", self.problems
            ):
                versions.append(self._plan_version(f"{plan_id}/{vkey}", vkey_node, vnode, sources, parties))
            if f.get("versions") is None:
                self.problems.add(
                    node,
                    f"plan '{plan_id}' has no 'versions:': a plan is recorded as its sources describe it, version by version",
                )
            self._version_order(plan_id, versions)
            out.append(Plan(plan_id, name, note, _at(key), tuple(versions)))
        return out

    def _version_order(self, plan_id: str, versions: list[PlanVersion]) -> None:
        """Versions are listed oldest first: one dated clearly before the one above it is a problem."""
        for before, after in pairwise(versions):
            if before.date.start and after.date.end and after.date.end < before.date.start:
                self.problems.add(
                    after.at,
                    f"version '{after.key}' of plan '{plan_id}' ({spoken(after.date)}) is dated before "
                    f"'{before.key}' above it ({spoken(before.date)}): list versions oldest first",
                )

    def _plan_version(
        self, vid: str, key: Node, node: Node, sources: dict[str, Source], parties: dict[str, Party]
    ) -> PlanVersion:
        plan_id, vkey = vid.split("/")
        what = f"version '{vkey}' of plan '{plan_id}'"
        f = Fields(node, what, VERSION_KEYS, self.problems)
        when = f.date("date") or UNKNOWN
        points: list[PlanPoint] = []
        numbers: dict[str, PlanPoint] = {}
        for pkey, pkey_node, pnode in entries(f.get("points"), f"points of {what}", self.problems):
            point = self._plan_point(f"{vid}/{pkey}", pkey_node, pnode, what, sources, parties)
            if point.number and point.number in numbers:
                first = numbers[point.number]
                self.problems.add(
                    pkey_node,
                    f"point '{pkey}' of {what} has number {point.number}, as point '{first.key}' does "
                    f"(line {first.at.line}): each point is listed once",
                )
            elif point.number:
                numbers[point.number] = point
            points.append(point)
        return PlanVersion(
            vid,
            f.text("label", vkey),
            when,
            f.flag("inferred"),
            f.text("note", ""),
            self._excerpts(f, what, sources),
            _at(key),
            tuple(points),
        )

    def _plan_point(
        self,
        pid: str,
        key: Node,
        node: Node,
        version: str,
        sources: dict[str, Source],
        parties: dict[str, Party],
    ) -> PlanPoint:
        what = f"point '{pid.rsplit('/', 1)[-1]}' of {version}"
        f = Fields(node, what, POINT_KEYS, self.problems)
        number = f.text("number", "") if f.get("number") is not None else ""
        stances: list[PartyStance] = []
        section = f.get("stances")
        if section is not None and isinstance(section.value, dict):
            for party, pnode in section.value.items():
                pkey_node, value = pnode
                if party not in parties:
                    self.problems.add(
                        pkey_node,
                        f"unknown party '{party}' in 'stances' of {what}{did_you_mean(party, parties)}; "
                        f"the ids in 'parties' are: {', '.join(parties) or '(none)'}",
                    )
                    continue
                stances.append(self._stance(party, pkey_node, value, what, sources))
        elif section is not None:
            self.problems.add(
                section,
                f"'stances' of {what} should map party ids to a stance, such as 'ua: {{stance: accepts, excerpts: [...]}}'",
            )
        return PlanPoint(
            pid,
            number,
            f.text("topic"),
            f.text("summary", ""),
            self._excerpts(f, what, sources),
            tuple(stances),
            _at(key),
        )

    def _stance(
        self, party: str, key: Node, node: Node, point: str, sources: dict[str, Source]
    ) -> PartyStance:
        what = f"the stance of '{party}' on {point}"
        if not isinstance(node.value, dict):
            self.problems.add(node, f"{what} should be a mapping with 'stance:' and 'excerpts:'")
            return PartyStance(party, "unknown", (), _at(key))
        f = Fields(node, what, STANCE_KEYS, self.problems)
        stance = f.choice("stance", POINT_STANCES)
        # "unknown" says no source tells; any other stance is a claim and cites its quote.
        excerpts = (
            self._excerpts(f, what, sources) if stance != "unknown" or f.get("excerpts") is not None else ()
        )
        return PartyStance(party, stance, excerpts, _at(key))  # type: ignore[arg-type]  # a POINT_STANCES word

    def _amount(self, f: Fields, what: str) -> tuple[float | None, float | None, str]:
        """'value: 20', 'range: [2000, 2500]' or 'words: the largest since 2022': the amount as
        the source gives it, never averaged, never turned into a number it does not print."""
        given = [key for key in ("value", "range", "words") if f.get(key) is not None]
        if len(given) != 1:
            # At the amount written last (likely the one just added), or at the figure if none.
            nodes = [node for key in given if (node := f.get(key)) is not None]
            self.problems.add(
                max(nodes, key=lambda node: (node.line, node.col)) if nodes else f.node,
                f"{what} needs one of 'value: 20', 'range: [18, 20]' or 'words: the largest since 2022'"
                + (f", not {' and '.join(repr(k) for k in given)} together" if given else ""),
            )
            return 0.0, 0.0, ""
        if given == ["words"]:
            return None, None, f.text("words")
        value, span = f.get("value"), f.get("range")
        if value is not None:
            number = self._number(value, "value", what)
            return number, number, ""
        assert span is not None
        if not isinstance(span.value, list) or len(span.value) != 2:
            self.problems.add(span, f"'range' of {what} should be two numbers, low and high: [18, 20]")
            return 0.0, 0.0, ""
        low, high = (self._number(item, "range", what) for item in span.value)
        if low > high:
            self.problems.add(
                span, f"'range' of {what} runs from {low:g} down to {high:g}: write the low number first"
            )
        return low, high, ""

    def _number(self, node: Node, key: str, what: str) -> float:
        text = node.value.replace(",", "") if isinstance(node.value, str) else ""
        try:
            number = float(text)
        except ValueError:
            self.problems.add(
                node,
                f"'{key}' of {what} should be a number like 20 or 1.3, not "
                + (f"'{node.value}'" if isinstance(node.value, str) else describe(node)),
            )
            return 0.0
        if number != number or number in (float("inf"), float("-inf")):
            self.problems.add(node, f"'{key}' of {what} should be a finite number")
            return 0.0
        return number

    def _claim_id(self, cid: str, key: Node) -> None:
        if cid in self.claim_ids:
            first = self.claim_ids[cid]
            self.problems.add(
                key,
                f"the id '{cid}' is already used at line {first.line}: ids of positions, timeline items and meetings must be unique",
            )
        else:
            self.claim_ids[cid] = key

    def _ref(self, f: Fields, key: str, known: Mapping[str, object], section: str) -> str:
        value = f.text(key)
        if value and value not in known:
            self.problems.add(
                f.get(key) or f.node,
                f"unknown {key} '{value}' in {f.what}{did_you_mean(value, known)}; "
                f"the ids in '{section}' are: {', '.join(known) or '(none)'}",
            )
        return value

    def _party_list(self, f: Fields, key: str, parties: dict[str, Party], what: str) -> tuple[str, ...]:
        out = []
        for value, node in f.texts(key):
            if value not in parties:
                self.problems.add(
                    node, f"unknown party '{value}' in '{key}' of {what}{did_you_mean(value, parties)}"
                )
            out.append(value)
        return tuple(out)

    def _excerpts(self, f: Fields, what: str, sources: dict[str, Source]) -> tuple[Excerpt, ...]:
        if f.get("excerpts") is None:
            self.problems.add(
                f.node, f"{what} has no 'excerpts': every claim cites a verbatim quote of a source"
            )
            return ()
        out = []
        for item in f.items("excerpts"):
            if not isinstance(item.value, dict):
                self.problems.add(item, f"each excerpt of {what} is a mapping with 'source:' and 'quote:'")
                continue
            e = Fields(item, f"an excerpt of {what}", EXCERPT_KEYS, self.problems)
            source = self._ref(e, "source", sources, "sources")
            quote = e.text("quote")
            quote_node = e.get("quote") or item
            excerpt = Excerpt(source, quote, _at(quote_node))
            out.append(excerpt)
            self.excerpts.append((excerpt, quote_node))
        listed = f.get("excerpts")
        if not out and listed is not None and isinstance(listed.value, list):
            self.problems.add(listed, f"{what} has an empty 'excerpts' list: cite at least one quote")
        return tuple(out)

    def verify(self, sources: dict[str, Source]) -> None:
        """Every quote must stand in its source text on whole words, typography and Unicode
        normalisation aside, and hold at least MIN_QUOTE_WORDS words; a quote that stands in
        several places is a warning saying which one is shown."""
        for excerpt, node in asking(self.excerpts, self.cancelled):
            source = sources.get(excerpt.source)
            if source is None or not excerpt.quote:
                continue
            try:
                text = self.library.get(source.file)
            except Refused:
                continue  # already reported against the source entry
            words = count_words(excerpt.quote)
            if words < MIN_QUOTE_WORDS:
                self.problems.add(
                    node,
                    f"quote “{excerpt.quote}” is too short: {plural(words, 'word')}, and a quote needs "
                    f"at least {MIN_QUOTE_WORDS} words of its source to show what it claims",
                )
                continue
            found = text.occurrences(excerpt.quote)
            if found.first is None:
                self._not_found(excerpt, source, text, node)
            elif not found.whole:
                self._inside_words(text, found.first, node)
            elif len(found.whole) > 1 and text.places(found.whole) > 1:
                self._repeated(excerpt, text, found, node)

    def _not_found(self, excerpt: Excerpt, source: Source, text: SourceText, node: Node) -> None:
        length = len(fold(excerpt.quote))
        if length > MAX_HINT_QUOTE:
            self.problems.add(
                node,
                f"quote not found in source '{excerpt.source}' ({source.file}); at {length:,} characters "
                f"it is too long to look for the closest passage (up to {MAX_HINT_QUOTE:,}): cite a shorter passage",
            )
            return
        passage, likeness = text.closest(excerpt.quote)
        hint = f"; the closest passage ({likeness:.0%} alike) reads: “{passage}”" if likeness > 0.5 else ""
        self.problems.add(node, f"quote not found in source '{excerpt.source}' ({source.file}){hint}")

    def _inside_words(self, text: SourceText, match: Match, node: Node) -> None:
        """A quote found only cut out of words: say each word it cuts, as the source spells it."""
        starts, ends = text.cut_words(match)
        for where, span in (("starts", starts), ("ends", ends)):
            if span is not None:
                word = text.text[span[0] : span[1]]
                self.problems.add(
                    node,
                    f"quote {where} inside a word: the source reads '{word}' "
                    f"(“{glimpse(text.text, *span)}”); quote the whole word",
                )

    def _repeated(self, excerpt: Excerpt, text: SourceText, found: Occurrences, node: Node) -> None:
        """A warning naming the lines a quote stands on and the one shown, so the curator can
        tell whether it is the one meant (its sentence may hedge where another does not)."""
        lines = sorted({text.line_of(match.start) for match in found.whole})
        count = f"at least {len(found.whole)}" if found.more else f"{len(found.whole)}"
        first = text.line_of(found.whole[0].start)
        self.warnings.append(
            Problem(
                self.problems.file,
                f"warning: this quote occurs {count} times in source '{excerpt.source}' "
                f"({'line' if len(lines) == 1 else 'lines'} {', '.join(map(str, lines))}); "
                f"the first, line {first}, is shown: quote more words to choose",
                node.line,
                node.col,
            )
        )
