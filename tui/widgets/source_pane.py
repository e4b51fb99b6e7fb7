"""The selected claim's excerpts: source, outlet, date, the quote highlighted in its paragraph."""

from __future__ import annotations

from datetime import date

from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.describe import item_status, party_names, published_label
from tui.glyphs import KIND, STATUS, escape, tag
from tui.model import Dataset, DatedItem, Excerpt, Position
from tui.sources import SourceLibrary

Claim = Position | DatedItem


def source_line(data: Dataset, excerpt: Excerpt) -> str:
    source = data.sources[excerpt.source]
    return f"[b]{escape(source.title)}[/] [$foreground-muted]· {escape(source.outlet)} · {escape(published_label(source))}[/]"


def excerpt_markup(data: Dataset, library: SourceLibrary | None, excerpt: Excerpt) -> str:
    """The excerpt in its paragraph, quote highlighted, with a verified mark."""
    head = source_line(data, excerpt)
    match = None
    if library is not None:
        text = library.get(data.sources[excerpt.source].file)
        match = text.find(excerpt.quote)
        if match is not None:
            context = text.context(match)
            return (
                f"{head}  [$success]✓ verified[/]\n"
                f"{escape(context.before)}[b reverse]{escape(context.quote)}[/]{escape(context.after)}"
            )
    return f"{head}  [$error]✕ not verified[/]\n“{escape(excerpt.quote)}”"


def stated_label(position: Position) -> str:
    return f"stated {position.stated.text}" if position.stated.known else "date not printed in the source"


def claim_heading(data: Dataset, claim: Claim, today: date) -> str:
    if isinstance(claim, Position):
        party = data.parties[claim.party].name
        issue = data.issues[claim.issue].name
        return (
            f"{tag(KIND, claim.kind)} [b]{escape(claim.stance)}[/]\n"
            f"[$foreground-muted]{escape(party)} · {escape(issue)} · {escape(stated_label(claim))}[/]"
        )
    status, label = item_status(claim, today)
    who = party_names(data, claim.participants or claim.proposed_by)
    details = " · ".join(x for x in (claim.date.text, claim.place, who) if x)
    return (
        f"{tag(STATUS, status)} [b]{escape(claim.title)}[/]\n"
        f"[$foreground-muted]{escape(details)} · {escape(label)}[/]"
    )


class SourcePane(VerticalScroll, can_focus=True):
    """Shows the excerpts of whatever claim the screen says is selected."""

    def __init__(self, **kwargs) -> None:
        super().__init__(classes="pane", **kwargs)
        self.border_title = "Source"
        self.body = Static("[$foreground-muted]Select a position, deadline or meeting to see its sources.[/]")

    def compose(self):
        yield self.body

    def show(self, data: Dataset | None, library: SourceLibrary | None, claim: Claim | None, today: date) -> None:
        if data is None or claim is None:
            self.body.update("[$foreground-muted]Select a position, deadline or meeting to see its sources.[/]")
            self.border_subtitle = ""
            return
        parts = [claim_heading(data, claim, today)]
        parts.extend(excerpt_markup(data, library, e) for e in claim.excerpts)
        self.border_subtitle = f"{len(claim.excerpts)} excerpt{'s' if len(claim.excerpts) != 1 else ''} · a: article"
        self.body.update("\n\n".join(parts))
        self.scroll_home(animate=False)
