"""Textual's footer, laid out again only when the keys it shows change."""

from __future__ import annotations

from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, str, bool, str], ...]


class KeysFooter(Footer):
    """Every focus change and screen push says the bindings changed, and Textual's footer queues
    a whole recompose for each: five at the dashboard's start (about 80 ms of restyling its
    keys, measured in-process), two for a tab key, 36 ms each and a layout after (a timeline of
    one tab key), the second showing the same keys as the first. It recomposes only when what
    it would show differs from what it shows."""

    _shown: Shown | None = None

    def _shows(self) -> Shown:
        """What compose draws (see Footer.compose): each shown binding's key, action, words,
        group, whether it is enabled and its tooltip, in order."""
        return tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                binding.group.description if binding.group else "",
                enabled,
                tooltip,
            )
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def recompose(self) -> None:
        shows = self._shows() if self._bindings_ready and self.is_attached else None
        if shows is not None and shows == self._shown:
            return  # the same keys again
        self._shown = shows
        await super().recompose()
