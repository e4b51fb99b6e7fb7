"""A month grid with marked days and today, and an agenda of every dated item in date order."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.dates import status_of
from tui.describe import date_label, item_status
from tui.glyphs import CHANGED_PART, STATUS, escape, glyph, tag_part
from tui.model import DatedItem
from tui.widgets.claim_list import ClaimList

# Windows this short are drawn on their days; longer ones ("March 2026") are listed under the grid.
DAY_SPAN = 14


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def shift_month(month: date, by: int) -> date:
    index = month.year * 12 + month.month - 1 + by
    return date(index // 12, index % 12 + 1, 1)


class MonthGrid(Static):
    """One month: days with short-window items marked, today boxed, longer windows listed below."""

    month: reactive[date] = reactive(date(2026, 1, 1))
    today: reactive[date] = reactive(date(2026, 1, 1))

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: tuple[DatedItem, ...] = ()

    def set_items(self, items: tuple[DatedItem, ...]) -> None:
        self.items = items
        self.refresh_grid()

    def watch_month(self) -> None:
        self.refresh_grid()

    def watch_today(self) -> None:
        self.refresh_grid()

    def refresh_grid(self) -> None:
        month, today = self.month, self.today
        last = date(month.year, month.month, pycalendar.monthrange(month.year, month.month)[1])
        short = [i for i in self.items if i.date.known and (i.date.end - i.date.start).days < DAY_SPAN]  # type: ignore[operator]
        short_ids = {i.id for i in short}
        marked = {
            day
            for item in short
            for day in range(1, last.day + 1)
            if item.date.contains(date(month.year, month.month, day))
        }
        lines = [f"[b]{pycalendar.month_name[month.month]} {month.year}[/]".center(20 + 7), "Mo Tu We Th Fr Sa Su"]
        for week in pycalendar.Calendar().monthdayscalendar(month.year, month.month):
            cells = []
            for day in week:
                if day == 0:
                    cells.append("  ")
                    continue
                text = f"{day:2d}"
                if date(month.year, month.month, day) == today:
                    text = f"[reverse]{text}[/]"
                elif day in marked:
                    text = f"[b $accent underline]{text}[/]"
                cells.append(text)
            lines.append(" ".join(cells))
        wide = [
            i for i in self.items
            if i.date.known and i.id not in short_ids and i.date.start <= last and i.date.end >= month  # type: ignore[operator]
        ]
        # Most important first, so a short terminal still shows the month's fuzzy deadlines.
        if wide:
            lines.append("[b]Within this month:[/]")
            lines.extend(
                f"{glyph(STATUS, status_of(i.date, i.status, today))} {escape(i.title)} [$foreground-muted]({escape(i.date.text)})[/]"
                for i in wide
            )
        on_days = [i for i in short if i.date.start <= last and i.date.end >= month]  # type: ignore[operator]
        if on_days:
            lines.append("[b]On marked days:[/]")
            lines.extend(f"{escape(i.date.text)}: {escape(i.title)}" for i in on_days)
        lines.append("[reverse]  [/] today  [b $accent underline]12[/] has items")
        self.update("\n".join(lines))


class Agenda(ClaimList):
    """Deadlines, meetings and events in date order with precision and status against today."""

    def show(
        self, items: tuple[DatedItem, ...], today: date, keep: str | None, total: int, marked: frozenset[str] = frozenset()
    ) -> None:
        rows = []
        for item in items:
            status, label = item_status(item, today)
            kind = "meeting" if item.kind == "meeting" else item.kind
            prompt = Content.assemble(
                *((CHANGED_PART, " ") if item.id in marked else ()),
                tag_part(STATUS, status, 11),
                " ",
                (item.title, "b"),
                (f" · {kind}", "$foreground-muted"),
                "\n            ",
                date_label(item),
                (f" · {label}", "$foreground-muted"),
            )
            rows.append(Option(prompt, id=item.id))
        self.border_subtitle = f"{len(items)}/{total}" if len(items) != total else f"{total}"
        self.set_rows(rows, keep, empty="no dated items match")
