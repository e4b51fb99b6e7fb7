"""Changing a Line API view without Textual repainting more than changed: its scrollable size
(no screen layout) and its border subtitle (only the bottom border row)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Set the size a view that draws its own lines scrolls over.

    Textual's `virtual_size` is a layout reactive: setting it lays out the whole screen (every
    widget placed again and the screen repainted, about 15 ms a frame at 120×40 in bench/), once
    per cursor move in the source pane. A view of fixed height needs none of that: only its
    scrollbars change, which is what `_scroll_update` does when a layout hands a ScrollView a new
    virtual size (textual is pinned, so this private call is checked by the tests on every bump).
    Were a scrollbar to appear or go, Textual lays out as usual. A view whose height follows its
    content (`height: auto`) takes the usual path: its height may change with the size.
    """
    if size == view.virtual_size:
        return
    height = view.styles.height
    if height is None or height.is_auto or not view.is_mounted:
        view.virtual_size = size
        if view.is_mounted:
            # The layout this asks for leaves the scrollbars as they were when the view's own
            # size does not change: the changes pane, down to one row as a since-point was
            # cleared, kept the long list's scrollbar and wrapped its prompt 2 columns short.
            view._scroll_update(size)
        return
    view.set_reactive(Widget.virtual_size, size)
    view._scroll_update(size)  # the layout-free half of Textual's own path (see above)
    view.refresh()


def set_subtitle(view: Widget, text: str) -> None:
    """Set the view's border subtitle as plain text, repainting only the row it is drawn in.

    Textual's `border_subtitle` setter repaints the whole widget. A list that says where its
    cursor is ("12/33") sets it on every cursor move, and the whole pane was drawn again for two
    rows that changed (every line of it through Textual's styles cache, about a quarter of a
    key's frame in bench/). Stored as Textual keeps a title, as Content, but taken literally (the
    setter reads markup and keeps the first line; these subtitles are counts and words). Textual
    is pinned; tests read the subtitle and the drawn border.
    """
    old = view._border_subtitle
    if old is not None and old.plain == text:
        return
    width, height = view.outer_size
    if not height:  # not laid out: nothing drawn yet to spare
        view.border_subtitle = Content(text)
        return
    view._border_subtitle = Content(text)
    offset = view.content_offset  # refresh() takes regions relative to the content
    view.refresh(Region(-offset.x, height - 1 - offset.y, width, 1))
