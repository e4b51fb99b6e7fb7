"""Command palette entries: go to any party, issue, position, deadline, meeting, figure or source.

They are found by the one search the filter uses (tui.data.search) and ranked by it: a title
the query is exactly first, then titles that begin with it, then titles that hold its words,
then things that match elsewhere (a quote, a speaker, a headline). Each hit says what it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.data.dates import spoken
from tui.data.model import KIND_WORDS, DatedItem, Figure, Position
from tui.data.search import Query, marked, rank, searchable, title_key
from tui.data.search_index import Entry
from tui.ui.literal import literal

if TYPE_CHECKING:
    from tui.ui.screens.dashboard import DashboardScreen

MUTED = "$foreground-muted"
KIND_WIDTH = 9  # "position " — the longest kind, and a space
MOST_HITS = 40  # more than a screen of them; at 50,000 claims, a short word matches most
# "go to meeting vienna": the words of the hits' old labels, and a kind, narrow the search.
GO_TO = re.compile(r"\s*go\s+to\b\s*(?:(position|deadline|meeting|issue|party|figure|source|pane)\b)?", re.I)


def labelled(kind: str, title: str, query: Query) -> Content:
    """'deadline  Referendum on the deal': what the hit is, then its title with the query's word
    beginnings marked (the title is literal text: data never goes through markup)."""
    content = literal(title)
    if len(content.plain) == len(title):  # marks are offsets into the title as written
        for start, end in marked(query, title):
            content = content.stylize("bold underline", start, end)
    return Content.assemble(literal(f"{kind:<{KIND_WIDTH}}", MUTED), content)


SINCE = ("Show what changed since…", "a day or a commit, from git (key s)")


def discovered(kind: str, title: str, action: Callable[[], object], help_text: str) -> DiscoveryHit:
    """What the palette lists before anything is typed."""
    prompt = labelled(kind, title, Query.parse(""))
    # The text a chosen hit writes into the palette's input is drawn as it is: escaped.
    text = literal(f"{kind} {title}").plain
    return DiscoveryHit(prompt, action, text=text, help=literal(help_text))  # type: ignore[arg-type]


def hit(
    score: float, kind: str, title: str, query: Query, action: Callable[[], object], help_text: str
) -> Hit:
    # `help` is typed str, but the palette hands it to Content.from_markup, which returns a
    # Content unchanged and would parse a str as markup: data text must go in as Content.
    return Hit(
        score,
        labelled(kind, title, query),
        action,
        text=literal(f"{kind} {title}").plain,  # written into the palette's input: escaped
        help=literal(help_text),  # type: ignore[arg-type]
    )


NOTE_ROOM = 100  # the palette's help line is one line: the whole note is in the issue's view


def issue_help(dash: DashboardScreen, issue_id: str) -> str:
    """'≈ close ↗ since 12 Feb 2026 · The sources call …': the stand, its trend and its reason."""
    from tui.ui.glyphs import ALIGNMENT

    data = dash.state.data
    issue = data.issues[issue_id] if data else None
    if issue is None:
        return "row of the issue matrix"
    glyph, word, _ = ALIGNMENT[issue.alignment]
    trend = dash.state.trends.get(issue_id)
    said = f"{glyph} parties {word}" + (f" {trend.short}" if trend and trend.short else "")
    note = issue.note if len(issue.note) <= NOTE_ROOM else issue.note[: NOTE_ROOM - 1].rstrip() + "…"
    return f"{said} · {note}" if note else f"{said} · row of the issue matrix (no note)"


class GoToProvider(Provider):
    """Offers every party, issue, claim, figure and source of the data on show, and each pane."""

    def _dashboard(self) -> DashboardScreen | None:
        from tui.ui.screens.dashboard import DashboardScreen

        dash = next((s for s in self.app.screen_stack if isinstance(s, DashboardScreen)), None)
        return dash if dash is not None and dash.state.loaded is not None else None

    def _panes(self, dash: DashboardScreen) -> Iterator[tuple[str, str, str, str, Callable[[], object]]]:
        """(kind, id, title, help, action) of each pane, in key order: a party's by its name."""
        from tui.ui.screens.pane_table import pane_slots

        for slot in pane_slots(dash.state):
            where = f"key {slot.shown_key}" if slot.key else "past the number keys (Tab)"
            kind = "party" if slot.row.per_party else "pane"
            yield kind, slot.party_id or slot.row.name, slot.name, where, partial(dash.go_to, slot)

    async def discover(self) -> Hits:
        dash = self._dashboard()
        if dash is None or dash.state.data is None:
            return
        for kind, _, title, where, action in self._panes(dash):
            yield discovered(kind, title, action, where)
        for issue in dash.state.data.issues.values():
            yield discovered(
                "issue", issue.name, partial(dash.select_issue, issue.id), issue_help(dash, issue.id)
            )
        yield discovered("command", SINCE[0], dash.action_since, SINCE[1])

    async def search(self, query: str) -> Hits:
        dash = self._dashboard()
        if dash is None or dash.state.loaded is None:
            return
        only = None
        if said := GO_TO.match(query):
            only, query = (said.group(1) or "").lower() or None, query[said.end() :]
        parsed = Query.parse(query)
        found: list[Hit] = []
        panes = {(kind, key): (title, where, action) for kind, key, title, where, action in self._panes(dash)}
        for score, entry in dash.state.loaded.filter.index.ranked(parsed, MOST_HITS, only):
            chosen = self._action(dash, entry, panes)
            if chosen is not None:
                found.append(hit(score, entry.kind, entry.title, parsed, *chosen))
        others = [(kind, title, action, where) for (kind, _), (title, where, action) in panes.items()]
        others.append(("command", SINCE[0], dash.action_since, SINCE[1]))
        for kind, title, action, where in others:
            score = rank(parsed, title_key(title), searchable([title, kind]))
            if kind in ("pane", "command") and only in (None, kind) and score:
                found.append(hit(score, kind, title, parsed, action, where))
        for each in sorted(found, key=lambda h: -h.score):
            yield each

    def _action(
        self,
        dash: DashboardScreen,
        entry: Entry,
        panes: dict[tuple[str, str], tuple[str, str, Callable[[], object]]],
    ) -> tuple[Callable[[], object], str] | None:
        """What choosing the entry does, and the line under it."""
        loaded = dash.state.loaded
        assert loaded is not None
        data = loaded.dataset
        if entry.kind in ("position", "deadline", "meeting"):
            claim = loaded.claims[entry.id]
            if isinstance(claim, Position):
                party, issue = data.parties.get(claim.party), data.issues.get(claim.issue)
                said = f"{party.name if party else claim.party} · {issue.name if issue else claim.issue}"
                said += f" · {KIND_WORDS[claim.kind]}"
            else:
                said = spoken(claim.date)
            return partial(dash.select_claim, entry.id), said
        if entry.kind == "issue":
            return partial(dash.select_issue, entry.id), issue_help(dash, entry.id)
        if entry.kind == "party":
            pane = panes.get(("party", entry.id))
            return (pane[2], pane[1]) if pane is not None else None
        if entry.kind == "figure":
            figure = data.cited[entry.id]
            assert isinstance(figure, Figure)  # the index's figure entries are the data's figures
            return partial(dash.open_figure, entry.id), f"{figure.value_text} · as of {figure.as_of_text}"
        source = data.sources[entry.id]
        where = f"{source.outlet} · {spoken(source.published)} · {source.file}"
        return partial(self._open_source, dash, entry.id), where

    def _open_source(self, dash: DashboardScreen, source_id: str) -> None:
        """The article, at the first excerpt that cites it (n / p step through the others)."""
        from tui.ui.screens.article import ArticleScreen

        loaded = dash.state.loaded
        if loaded is None:
            return
        data = loaded.dataset
        things: list[Position | DatedItem | Figure] = [
            *data.current_positions,
            *data.current_dated,
            *data.figures,
        ]
        cited = [e for thing in things for e in thing.excerpts if e.source == source_id]
        if not cited:
            self.app.notify("No claim cites this source yet: nothing to open it at.", severity="warning")
            return
        self.app.push_screen(ArticleScreen(data, loaded.library, tuple(cited), 0))


EXPORTS = [
    ("ics", "Export calendar (.ics)", "timeline and meetings as all-day events, next to the data file"),
    ("md", "Export brief (.md)", "matrix, positions, timeline and meetings with footnoted sources"),
    ("json", "Export data (.json)", "the whole validated model, dates normalised"),
]


class ExportProvider(Provider):
    """Offers each export; the app writes it next to the data file and says where."""

    async def discover(self) -> Hits:
        for kind, name, help_text in EXPORTS:
            yield discovered("export", name, partial(self.app.run_action, f"export('{kind}')"), help_text)

    async def search(self, query: str) -> Hits:
        parsed = Query.parse(query)
        for kind, name, help_text in EXPORTS:
            score = rank(parsed, title_key(name), searchable([name, help_text, "export"]))
            if score > 0:
                yield hit(
                    score,
                    "export",
                    name,
                    parsed,
                    partial(self.app.run_action, f"export('{kind}')"),
                    help_text,
                )
