"""Why the parties stand where they do on an issue: its alignment, trend, note and excerpts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from tui.data.model import Dataset, Issue
from tui.data.sources import SourceLibrary
from tui.ui.glyphs import ALIGNMENT
from tui.ui.literal import assemble, literal
from tui.ui.widgets.source_pane import MUTED, excerpt_content

if TYPE_CHECKING:  # trends read git: the type only, not the module, at start-up
    from tui.data.trends import Trend

NO_NOTE = "The file gives no reason for this stand (the issue has no note)."


def stand_line(issue: Issue, trend: Trend | None) -> Content:
    """'≈ parties close · since 12 Feb 2026, was apart: towards agreement' (no trend: the stand)."""
    glyph, word, style = ALIGNMENT[issue.alignment]
    parts: list[str | tuple[str, str]] = [(f"{glyph} parties {word}", f"b {style}")]
    if trend is not None:
        parts.append((f" · {trend.history}", MUTED))
    return assemble(*parts)


def issue_reasons(
    data: Dataset, library: SourceLibrary | None, issue: Issue, trend: Trend | None
) -> list[Content]:
    """The stand, the note (or that there is none), then each excerpt behind it in its paragraph."""
    out = [stand_line(issue, trend), literal(issue.note) if issue.note else literal(NO_NOTE, MUTED)]
    # "Behind it", not numbers: in the cell view and the detail, numbers are the party's claims.
    out.extend(assemble(("Behind it:", "b"), " ", excerpt_content(data, library, e)) for e in issue.excerpts)
    return out
