"""The overlays a dashboard opens, each made from the state (None when there is nothing to open)."""

from __future__ import annotations

from textual.screen import Screen

from tui.data.history import earlier
from tui.data.model import Excerpt, Figure, Position
from tui.data.state import DashboardState


def detail_screen(state: DashboardState, claim_id: str) -> Screen[None] | None:
    from tui.ui.screens.detail import DetailScreen

    loaded = state.loaded
    claim = loaded.claims.get(claim_id) if loaded else None
    if claim is None or loaded is None:
        return None
    history = earlier(loaded.claims, claim)
    trend = state.trends.get(claim.issue) if isinstance(claim, Position) else None
    return DetailScreen(loaded.dataset, loaded.library, claim, state.today, history, trend)


def figure_screen(state: DashboardState, figure_id: str) -> Screen[None] | None:
    """A figure's own screen (from its pane or the palette), found through the claim index."""
    from tui.ui.screens.figure import FigureScreen

    loaded = state.loaded
    figure = loaded.dataset.cited.get(figure_id) if loaded else None
    if not isinstance(figure, Figure) or loaded is None:
        return None
    return FigureScreen(loaded.dataset, loaded.library, figure)


def cell_screen(state: DashboardState, issue_id: str, party_id: str) -> Screen[None] | None:
    from tui.ui.screens.cell import CellScreen

    loaded = state.loaded
    here = state.by_cell.get((issue_id, party_id), [])
    if loaded is None or not here:
        return None
    return CellScreen(
        loaded.dataset,
        loaded.library,
        issue_id,
        party_id,
        list(here),
        state.today,
        loaded.claims,
        state.trends.get(issue_id),
    )


def issue_screen(state: DashboardState, issue_id: str) -> Screen[None] | None:
    """An issue's stand and its reasons (note, excerpts, trend), from the matrix's Stand column."""
    from tui.ui.screens.issue import IssueScreen

    loaded = state.loaded
    if loaded is None or issue_id not in loaded.dataset.issues:
        return None
    return IssueScreen(loaded.dataset, loaded.library, issue_id, state.trends.get(issue_id))


def excerpts_screen(state: DashboardState, excerpts: tuple[Excerpt, ...]) -> Screen[None] | None:
    """These excerpts' articles, opened at the first quote (a plan's point or version)."""
    from tui.ui.screens.article import ArticleScreen

    if not excerpts or state.loaded is None:
        return None
    return ArticleScreen(state.loaded.dataset, state.loaded.library, excerpts, 0)


def article_screen(state: DashboardState) -> Screen[None] | None:
    """The selected claim's (or figure's) article, opened at its first quote."""
    from tui.ui.screens.article import ArticleScreen

    cited = state.selected_cited
    if cited is None or not cited.excerpts or state.loaded is None:
        return None
    return ArticleScreen(state.loaded.dataset, state.loaded.library, cited.excerpts, 0)
