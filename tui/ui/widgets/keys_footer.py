"""The keys line at the foot of every screen: one widget that draws its keys itself.

Textual's `Footer` is a container of a widget per key. Every focus change says the bindings
changed, and it composed its keys again (36-47 ms and a layout, twice per tab key, in a
timeline of one); relabelled in place instead, a key's new width still cost the screen a second
layout and frame after the one that showed the new pane, and ten keys drawn again (10-16 ms a
tab key, bench/). Drawn as one line of fixed size, new keys are a repaint of that line: no
widgets come or go and nothing is laid out. What is drawn and where each key stands come from
one placing (`_place`), so the fit, the drawing and a click agree.

It looks as Textual's footer does (the same theme variables, padding and the palette's key at
the right), and a key is clicked or hovered as there.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str
    """What pressing it sends (the binding's key)."""
    display: str
    words: str
    enabled: bool
    tooltip: str
    palette: bool = False
    """The command palette's key, drawn at the right."""

    def pieces(self, compact: bool) -> tuple[tuple[str, str], ...]:
        """What the key is drawn as, each piece with the part it is drawn in (Textual's
        FooterKey: padding round the key and after the words, a column between keys when
        compact; the palette's key: a border, its key and words as when compact, a column
        after). Its width and its drawing both come from here."""
        if self.palette:
            return (
                ("▏", "border"),
                (self.display, "key"),
                (f" {self.words}" if self.words else "", "words"),
                (" ", "gap"),
            )
        if not self.words:
            return ((self.display, "key"), (" " if compact else "", "base"))
        if compact:
            return ((self.display, "key"), (f" {self.words}", "words"), (" ", "base"))
        return ((f" {self.display} ", "key"), (f"{self.words} ", "words"))

    def width(self, compact: bool) -> int:
        return sum(cell_len(text) for text, _ in self.pieces(compact))


class Placed(NamedTuple):
    """A key and the columns it is drawn at (its x, and one past its last column)."""

    entry: FooterEntry
    x: int
    end: int


class Placing(NamedTuple):
    width: int
    compact: bool
    keys: tuple[Placed, ...]


def place(entries: tuple[FooterEntry, ...], width: int, keep: str) -> Placing:
    """Where each key goes in `width` columns: at full width when all fit, else compact (at 80
    columns the matrix's keys were one column too many and the last read "? Hel"); when even
    compact they do not fit, keys are left out whole from the end, but not the one that sends
    `keep` (the help, which lists them all; on a line too narrow for it beside the palette's
    key, that key goes first). The blank after the last key may go under the palette's border."""
    keys = [e for e in entries if not e.palette]
    palette = next((e for e in entries if e.palette), None)
    kept = [e for e in keys if e.key == keep][:1]
    if palette is not None and palette.width(False) + _used(kept, True) > width:
        palette = None
    room = width - (palette.width(False) if palette else 0)
    compact = _used(keys, False) > room
    while _used(keys, compact) > room and len(keys) > 1:
        drop = next((i for i in range(len(keys) - 1, -1, -1) if keys[i].key != keep), None)
        if drop is None:
            break
        del keys[drop]
    if _used(keys, compact) > room:  # not even the help fits
        keys = []
    # Compact keys read as one run at 80 columns ("⏎ All in cell a Article / Filter"): the room
    # left over goes to a second blank after each key, the pane's own first (a newcomer's trial).
    spare = max(0, room - _used(keys, compact) - (1 if palette else 0)) if compact else 0
    placed: list[Placed] = []
    x = 0
    for index, entry in enumerate(keys):
        placed.append(Placed(entry, x, min(x + entry.width(compact), room)))
        x += entry.width(compact) + (1 if index < min(spare, len(keys) - 1) else 0)
    if palette is not None:
        placed.append(Placed(palette, room, width))
    return Placing(width, compact, tuple(placed))


def _used(keys: list[FooterEntry], compact: bool) -> int:
    """Columns the keys take side by side (the blank after the last one not counted)."""
    return sum(e.width(compact) for e in keys) - (1 if compact and keys else 0)


class KeysFooter(Widget, can_focus=False):
    """The focused pane's keys and the app's, drawn as one line (see the module's docstring)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hover",
        "keys-footer--border",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keys-footer--hover { background: $block-hover-background; }
        & > .keys-footer--border { color: $foreground 20%; }
    }
    """

    HELP_KEY = "question_mark"
    """Kept when keys must be left out: the help lists every key."""

    _entries: tuple[FooterEntry, ...] = ()
    _placing: Placing | None = None
    _hover: int | None = None
    _line: Strip | None = None

    @property
    def compact(self) -> bool:
        """Whether the keys are drawn compact (they do not fit at full width)."""
        return self._placing.compact if self._placing is not None else False

    @property
    def keys(self) -> tuple[Placed, ...]:
        """The keys on show, where they stand."""
        return self._placing.keys if self._placing is not None else ()

    @property
    def text(self) -> str:
        """The line as drawn, as text."""
        return self._strip().text

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Textual says so at every focus change and screen push: drawn again only when the keys
        it would show differ from those it shows. While the terminal has no focus, Textual takes
        the focus away and its footer keeps the keys it shows: so does this."""
        if not self.is_attached or screen is not self.screen or not screen.app.app_focus:
            return
        entries = self._read(screen)
        if entries != self._entries:
            self._entries = entries
            self._changed()

    def _read(self, screen: Screen[object]) -> tuple[FooterEntry, ...]:
        """The keys to show, in order (as Footer.compose reads them): the screen walks its focus
        chain once for them."""
        app = self.app
        active = screen.active_bindings
        # One key an action, the first, as Textual's footer shows them: "escape,q" is two
        # bindings of one action, and the overlays read "esc Back q Back". Textual draws a
        # binding group's keys without words and then the group's; no binding here has a group
        # (a test checks every screen's and widget's), so each key is drawn with its words.
        first: dict[str, FooterEntry] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.key != app.COMMAND_PALETTE_BINDING and binding.action not in first:
                display = app.get_key_display(binding)
                first[binding.action] = FooterEntry(
                    binding.key, display, binding.description, enabled, tooltip
                )
        entries = list(first.values())
        palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            _, binding, enabled, _ = palette
            tip = binding.tooltip or binding.description
            entries.append(
                FooterEntry(
                    binding.key, app.get_key_display(binding), binding.description, enabled, tip, True
                )
            )
        return tuple(entries)

    def _changed(self) -> None:
        self._placing = None
        self._line = None
        self._hover = None
        self.tooltip = None  # the key it named may be gone or elsewhere; the next move says
        self.refresh()

    def on_resize(self) -> None:
        self._changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line = None  # drawn with the old theme's colours
        self.refresh()

    def _placed(self) -> Placing:
        if self._placing is None or self._placing.width != self.size.width:
            self._line = None
            self._placing = place(self._entries, self.size.width, self.HELP_KEY)
        return self._placing

    def render_line(self, y: int) -> Strip:
        return self._strip() if y == 0 else Strip.blank(self.size.width, self.rich_style)

    def _strip(self) -> Strip:
        placing = self._placed()
        if self._line is None:
            self._line = self._draw(placing)
        return self._line

    def _draw(self, placing: Placing) -> Strip:
        base = self.rich_style
        key_style = base + self.get_component_rich_style("keys-footer--key")
        words_style = base + self.get_component_rich_style("keys-footer--description")
        hover = Style(bgcolor=self.get_component_rich_style("keys-footer--hover").bgcolor)
        border = base + Style(color=self.get_component_rich_style("keys-footer--border").color)
        segments: list[Segment] = []
        for index, (entry, start, _) in enumerate(placing.keys):
            if entry.palette:  # at the right: the keys before it end at its border
                segments = list(Strip(segments).crop(0, start).adjust_cell_length(start, base))
            elif (drawn := Strip(segments).cell_length) < start:  # a gap the placing left
                segments.append(Segment(" " * (start - drawn), base))
            lit = hover if index == self._hover else Style()
            dim = Style(dim=True) if not entry.enabled else Style()
            parts = {
                "key": key_style + dim + lit,
                "words": words_style + dim + lit,
                "gap": base + dim + lit,
                "border": border + lit,
                "base": base,
            }
            segments.extend(Segment(text, parts[part]) for text, part in entry.pieces(placing.compact))
        width = self.size.width
        return Strip(segments).adjust_cell_length(width, base).crop(0, width).simplify()

    # ── the mouse, as on Textual's footer ────────────────────────────────────
    def _at(self, x: int) -> int | None:
        return next((i for i, placed in enumerate(self.keys) if placed.x <= x < placed.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_at(self._at(event.x))

    def on_leave(self) -> None:
        self._hover_at(None)

    def _hover_at(self, index: int | None) -> None:
        if index == self._hover:
            return
        self._hover = index
        self._line = None
        entry = self.keys[index].entry if index is not None else None
        self.tooltip = (entry.tooltip or None) if entry is not None else None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._at(event.x)
        if index is None:
            return
        entry = self.keys[index].entry
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
