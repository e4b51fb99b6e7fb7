"""Command palette entries: go to a party, an issue, a position, a deadline or a meeting."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.data.characters import Shown
from tui.data.dates import spoken
from tui.ui.literal import literal


def highlighted(matcher: Matcher, name: str) -> Content:
    """The name as literal text with the matched letters styled (Matcher.highlight parses markup).

    The match is of the name as written; the letters are styled where the name is shown, after
    any escape that comes before them."""
    content, shown = literal(name), Shown.of(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if offset < len(name) and not name[offset].isspace():
            content = content.stylize(matcher.match_style, shown.at(offset), shown.at(offset + 1))
    return content


class GoToProvider(Provider):
    """Offers every party, issue and claim of the data on show."""

    def _targets(self) -> Iterator[tuple[str, str, object]]:
        from tui.ui.screens.dashboard import DashboardScreen
        from tui.ui.screens.pane_table import pane_slots

        dash = next((s for s in self.app.screen_stack if isinstance(s, DashboardScreen)), None)
        if dash is None or dash.data is None:
            return
        data = dash.data
        # Panes from the pane table, in key order: every party (beyond key 9 too) and the rest.
        for slot in pane_slots(dash.state):
            where = f"key {slot.shown_key}" if slot.key else "past the number keys (Tab)"
            label = f"Go to party: {slot.name}" if slot.row.per_party else f"Go to pane: {slot.name}"
            yield label, where, partial(dash.go_to, slot)
        for issue in data.issues.values():
            yield (
                f"Go to issue: {issue.name}",
                "row of the issue matrix",
                partial(dash.select_issue, issue.id),
            )
        # Current claims only: one another supersedes is listed under it, not on its own.
        for item in data.meetings:
            if item.id not in data.replaced_by:
                yield f"Go to meeting: {item.title}", spoken(item.date), partial(dash.select_claim, item.id)
        for item in data.timeline:
            if item.id not in data.replaced_by:
                yield f"Go to deadline: {item.title}", spoken(item.date), partial(dash.select_claim, item.id)
        yield "Show what changed since…", "a day or a commit, from git (key s)", dash.action_since

    # `help` is typed str, but the palette hands it to Content.from_markup, which returns a
    # Content unchanged and would parse a str as markup: data text must go in as Content.
    async def discover(self) -> Hits:
        for name, help_text, action in self._targets():
            if name.startswith(("Go to party", "Go to pane", "Go to issue", "Show what changed")):
                shown = literal(name)  # the text a chosen hit writes into the palette's input, too
                yield DiscoveryHit(shown, action, text=shown.plain, help=literal(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._targets():
            score = matcher.match(name)
            if score > 0:
                text = literal(name).plain  # a chosen hit writes it into the palette's input, drawn as it is
                yield Hit(score, highlighted(matcher, name), action, text=text, help=literal(help_text))  # type: ignore[arg-type]


EXPORTS = [
    ("ics", "Export calendar (.ics)", "timeline and meetings as all-day events, next to the data file"),
    ("md", "Export brief (.md)", "matrix, positions, timeline and meetings with footnoted sources"),
    ("json", "Export data (.json)", "the whole validated model, dates normalised"),
]


class ExportProvider(Provider):
    """Offers each export; the app writes it next to the data file and says where."""

    async def discover(self) -> Hits:
        for kind, name, help_text in EXPORTS:
            yield DiscoveryHit(
                literal(name), partial(self.app.run_action, f"export('{kind}')"), text=name, help=help_text
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for kind, name, help_text in EXPORTS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, name),
                    partial(self.app.run_action, f"export('{kind}')"),
                    text=name,
                    help=help_text,
                )
