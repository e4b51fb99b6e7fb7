"""One figure: its value, what it measures, as of when, who says it, and each excerpt in context."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data.describe import cited_title, figure_groups, sources_differ, voice
from tui.data.model import Dataset, Excerpt, Figure
from tui.data.sources import SourceLibrary
from tui.ui.literal import assemble, literal
from tui.ui.screens.overlay import ExcerptsOverlay
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.reader import ReaderScroll
from tui.ui.widgets.source_pane import MUTED, excerpt_content


class FigureScreen(ExcerptsOverlay):
    HELP_TITLE = "In a figure's detail"

    def __init__(self, data: Dataset, library: SourceLibrary | None, figure: Figure) -> None:
        super().__init__()
        self.data, self.library, self.figure = data, library, figure

    def compose(self) -> ComposeResult:
        figure = self.figure
        with ReaderScroll(id="detail", classes="pane") as scroll:
            scroll.border_title = literal(figure.measures)
            scroll.border_subtitle = "Esc back · a / 1-9 article"
            yield Static(assemble((figure.value_text, "b"), (f" · as of {figure.as_of_text}", MUTED)))
            facts = [f"id: {figure.id}", f"line {figure.at.line} of {self.data.path.name}"]
            if figure.party in self.data.parties:
                facts.append(f"party: {self.data.parties[figure.party].name}")
            if figure.issue in self.data.issues:
                facts.append(f"issue: {self.data.issues[figure.issue].name}")
            if said := voice(figure):
                facts.append(said)
            if figure.note:
                facts.append(f"note: {figure.note}")
            yield Static(literal(" · ".join(facts), MUTED))
            for number, excerpt in enumerate(figure.excerpts, start=1):
                yield Static(
                    assemble((f"{number}.", "b"), " ", excerpt_content(self.data, self.library, excerpt)),
                    classes="excerpt",
                )
            # The same measure from other sources, side by side here too: never averaged.
            group = self._group()
            others = [f for f in group if f.id != figure.id]
            if others:
                heading = "The same measure elsewhere" + (
                    " — the sources differ" if sources_differ(group) else ""
                )
                yield Static(literal(heading, "b"), classes="excerpt")
                for other in others:
                    said = f" · {voice(other)}" if voice(other) else ""
                    yield Static(
                        assemble(
                            ("  ", ""),
                            (other.value_text, "b"),
                            (
                                f" · as of {other.as_of_text} · {cited_title(self.data, other)}{said}",
                                MUTED,
                            ),
                        )
                    )
        yield KeysFooter()

    def shown_excerpts(self) -> Sequence[Excerpt]:
        return self.figure.excerpts

    def _group(self) -> list[Figure]:
        """The figures that measure what this one does (as the Figures tab groups them)."""
        for group in figure_groups(self.data.figures):
            if any(f.id == self.figure.id for f in group):
                return group
        return [self.figure]
