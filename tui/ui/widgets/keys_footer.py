"""Textual's footer, laid out again only when the keys it shows change, and relabelled in
place when only their words do."""

from __future__ import annotations

from rich.cells import cell_len
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[str, str, str, str, bool, str], ...]


class KeysFooter(Footer):
    """Every focus change and screen push says the bindings changed, and Textual's footer queues
    a whole recompose for each: five at the dashboard's start (about 80 ms of restyling its
    keys, measured in-process), two for a tab key, 36-47 ms each and a layout after (a timeline
    of one tab key), the second showing the same keys as the first. It recomposes only when what
    it would show differs from what it shows; when only the keys' words or keys differ (a tab
    key: Enter reads "Detail" in a party pane, "All in cell" in the matrix), the keys on show
    are relabelled where they stand."""

    _shown: Shown | None = None

    def _active(self) -> list[tuple[Binding, bool, str]]:
        """The bindings the footer shows (see Footer.compose), each with whether it is enabled
        and its tooltip, in order: read once a change (the screen walks its focus chain)."""
        return [
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        ]

    @staticmethod
    def _shows(active: list[tuple[Binding, bool, str]]) -> Shown:
        """What compose draws of them: each one's key, action, words, group, state and tooltip."""
        return tuple(
            (b.key, b.action, b.description, b.group.description if b.group else "", enabled, tooltip)
            for b, enabled, tooltip in active
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual says so as the focus moves, before the frame that shows the new pane: relabelled
        # now, the footer is in that frame, not in one of its own with a layout after (a tab key
        # ended ≈ 40 ms later). What cannot be relabelled is composed after the frame, as before.
        ready = self._bindings_ready and screen.app.app_focus and self.is_attached and screen is self.screen
        if ready and self._shown is not None:
            active = self._active()
            shows = self._shows(active)
            if shows == self._shown:
                return
            if self._relabel(self._shown, shows, active):
                self._shown = shows
                return
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        active = self._active() if self._bindings_ready and self.is_attached else None
        shows = self._shows(active) if active is not None else None
        if shows is not None and shows == self._shown:
            return  # the same keys again
        relabelled = (
            active is not None
            and shows is not None
            and self._shown is not None
            and self._relabel(self._shown, shows, active)
        )
        self._shown = shows
        if not relabelled:
            await super().recompose()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Compact (less padding) when the keys at full width do not fit: at 80 columns the
        matrix's keys were one column too many and the last was cut ('? Hel')."""
        keys = list(self.query_children(FooterKey))
        # A key at full width (FooterKey's CSS and render): a space, its key, a space, its words,
        # a space; a key without words is its key alone. The palette's key has a border of its
        # own and is as wide either way.
        wide = sum(
            key.outer_size.width
            if key.has_class("-command-palette")
            else cell_len(key.key_display) + (cell_len(key.description) + 3 if key.description else 0)
            for key in keys
        )
        self.compact = bool(keys) and wide > self.size.width

    def _relabel(self, was: Shown, now: Shown, active: list[tuple[Binding, bool, str]]) -> bool:
        """Give the keys on show their new words in place, when nothing but words and keys
        differ: as many keys, none grouped, each as enabled as before. False when it cannot."""
        if len(was) != len(now) or any(a[3] or b[3] or a[4] != b[4] for a, b in zip(was, now, strict=True)):
            return False
        keys = [key for key in self.query_children(FooterKey) if not key.has_class("-command-palette")]
        if len(keys) != len(now):
            return False
        for key, (binding, _, tooltip), old, new in zip(keys, active, was, now, strict=True):
            if old == new:
                continue  # this key reads as it did
            key.key, key.key_display = binding.key, self.app.get_key_display(binding)
            key.action, key.description = binding.action, binding.description
            key.tooltip = tooltip or None
            key.refresh(layout=True)
        self._fit()
        return True
