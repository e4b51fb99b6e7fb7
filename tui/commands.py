"""Command palette entries: go to a party, an issue, a position, a deadline or a meeting."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class GoToProvider(Provider):
    """Offers every party, issue and claim of the data on show."""

    def _targets(self) -> Iterator[tuple[str, str, object]]:
        from tui.screens.dashboard import DashboardScreen

        screen = self.app.screen_stack[0] if self.app.screen_stack else None
        dash = next((s for s in self.app.screen_stack if isinstance(s, DashboardScreen)), None)
        if dash is None or dash.data is None:
            return
        data = dash.data
        for party in data.parties.values():
            first = next((p.id for p in data.positions if p.party == party.id), None)
            if first:
                yield f"Go to party: {party.name}", f"{party.name}'s positions", partial(dash.select_claim, first)
        for issue in data.issues.values():
            yield f"Go to issue: {issue.name}", "row of the issue matrix", partial(dash.select_issue, issue.id)
        for item in data.meetings:
            yield f"Go to meeting: {item.title}", item.date.text, partial(dash.select_claim, item.id)
        for item in data.timeline:
            yield f"Go to deadline: {item.title}", item.date.text, partial(dash.select_claim, item.id)
        del screen

    async def discover(self) -> Hits:
        for name, help_text, action in self._targets():
            if name.startswith(("Go to party", "Go to issue")):
                yield DiscoveryHit(name, action, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._targets():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), action, help=help_text)  # type: ignore[arg-type]
