"""The base of every screen opened over the dashboard: the same Back, quit-closes-first and help keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from tui.data.model import Dataset, Excerpt
from tui.data.sources import SourceLibrary


class Overlay(ModalScreen[None]):
    """A screen over the dashboard (detail, cell, figure, article).

    A modal screen does not see the app's keys, so `?` and `q` are bound here once: `q` closes
    the overlay first (as in lazygit) and quits only from the dashboard, `?` opens the help with
    this screen's keys at its head.
    """

    HELP_TITLE: ClassVar[str] = ""
    """The help's heading for this screen's keys ('In the article')."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Back", tooltip="close this view (q quits from the dashboard)"),
        Binding(
            "question_mark", "app.help", "Help", key_display="?", tooltip="every key, for this view first"
        ),
    ]


def article_keys(tooltip: str) -> list[BindingType]:
    """`a` and 1–9, opening the article at the first or the numbered quote (see excerpt_at)."""
    return [
        Binding("a", "article(0)", "Article", tooltip=tooltip),
        *(Binding(str(n), f"article({n - 1})", f"Article {n}", show=False) for n in range(1, 10)),
    ]


class ExcerptsOverlay(Overlay):
    """A view whose excerpts open in their article at the quote: `a` the first, 1–9 the nth.

    The claim's detail had these keys and the figure's and the issue's views, showing excerpts
    the same way, had none: `a` did nothing there (a newcomer's trial)."""

    BINDINGS = article_keys("open an excerpt's article at its quote (a: the first)")

    data: Dataset
    library: SourceLibrary | None

    def shown_excerpts(self) -> Sequence[Excerpt]:
        """The excerpts the view shows, numbered from 1 in its order."""
        raise NotImplementedError  # each view says which

    def excerpt_at(self, number: int) -> int | None:
        """Which of `shown_excerpts` the key for `number` (0 for a and 1) opens at; None when the
        view has no such number. A view that numbers something else says so (the cell view)."""
        return number if number < len(self.shown_excerpts()) else None

    NUMBERED = "excerpt"
    """What the view's numbers count, for the message when a number has nothing."""

    def action_article(self, number: int) -> None:
        from tui.ui.screens.article import ArticleScreen

        excerpts = tuple(self.shown_excerpts())
        index = self.excerpt_at(number)
        if index is not None:
            self.app.push_screen(ArticleScreen(self.data, self.library, excerpts, index))
        else:  # said, not ignored: a key that does nothing reads as a broken one
            which = f"no {self.NUMBERED}" if not excerpts else f"no {self.NUMBERED} {number + 1}"
            self.notify(f"This view has {which} to open.", severity="warning", timeout=3)
