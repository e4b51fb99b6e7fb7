"""Partial dates: precision, qualifiers, refusals, and status against a given today."""

from datetime import date

import pytest

from tui.data.dates import DateError, ago_words, days_until, describe_status, parse_date, spoken, status_of


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "qualifier"),
    [
        ("2026-02-05", date(2026, 2, 5), date(2026, 2, 5), "day", None),
        ("March 2026", date(2026, 3, 1), date(2026, 3, 31), "month", None),
        ("2026-03", date(2026, 3, 1), date(2026, 3, 31), "month", None),
        ("end of January 2026", date(2026, 1, 21), date(2026, 1, 31), "month", "end"),
        ("by the end of January 2026", date(2026, 1, 21), date(2026, 1, 31), "month", "by end"),
        ("by summer 2026", date(2026, 6, 1), date(2026, 8, 31), "season", "by"),
        ("before summer 2026", date(2026, 5, 31), date(2026, 5, 31), "season", "before"),
        ("Q2 2026", date(2026, 4, 1), date(2026, 6, 30), "quarter", None),
        ("H2 2026", date(2026, 7, 1), date(2026, 12, 31), "half", None),
        ("2027", date(2027, 1, 1), date(2027, 12, 31), "year", None),
        ("by 2027", date(2027, 1, 1), date(2027, 12, 31), "year", "by"),
        ("early January 2026", date(2026, 1, 1), date(2026, 1, 10), "month", "early"),
        ("winter 2026", date(2026, 12, 1), date(2027, 2, 28), "season", None),
        ("Sunday, February 8, 2026", date(2026, 2, 8), date(2026, 2, 8), "day", None),
        ("5 February 2026", date(2026, 2, 5), date(2026, 2, 5), "day", None),
        ("2026-02-02/2026-02-08", date(2026, 2, 2), date(2026, 2, 8), "range", None),
        ("week of 2026-02-02", date(2026, 2, 2), date(2026, 2, 8), "week", None),
    ],
)
def test_dates_keep_the_precision_the_text_gives(text, start, end, precision, qualifier):
    when = parse_date(text)
    assert (when.start, when.end, when.precision, when.qualifier) == (start, end, precision, qualifier)
    assert when.text == text


def test_unknown_is_a_date_with_no_window():
    when = parse_date("unknown")
    assert when.start is None and when.precision == "unknown" and not when.known


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("March", "gives no year"),
        ("end of January", "gives no year"),
        ("soon", "cannot read 'soon'"),
        ("2026-02-30", "not a real calendar day"),
        ("2026-13", "no month 13"),
        ("2026-02-08/2026-02-01", "ends before it starts"),
        ("", "empty"),
    ],
)
def test_unreadable_dates_say_why(text, says):
    with pytest.raises(DateError, match=says):
        parse_date(text)


def test_no_day_is_invented_for_a_month():
    when = parse_date("March 2026")
    assert when.approximate and not parse_date("2026-03-04").approximate


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 2, 28), "upcoming"),
        (date(2026, 3, 1), "due"),
        (date(2026, 3, 31), "due"),
        (date(2026, 4, 1), "past"),
    ],
)
def test_status_against_today(today, expected):
    assert status_of(parse_date("by March 2026"), "proposed", today) == expected


@pytest.mark.parametrize("outcome", ["held", "met", "missed", "cancelled"])
def test_a_recorded_outcome_applies_only_once_today_reaches_the_window(outcome):
    when = parse_date("May 2026")
    assert status_of(when, outcome, date(2026, 4, 30)) == "upcoming"  # judged from before it
    assert status_of(when, outcome, date(2026, 5, 1)) == outcome
    assert status_of(when, outcome, date(2027, 1, 1)) == outcome
    assert describe_status("upcoming", outcome, when, date(2026, 4, 29)) == (
        f"upcoming · in 2 days (the file records it as {outcome})"
    )


def test_undated_items_keep_a_recorded_outcome():
    assert status_of(parse_date("unknown"), None, date(2026, 1, 1)) == "undated"
    assert status_of(parse_date("unknown"), "proposed", date(2026, 1, 1)) == "undated"
    assert status_of(parse_date("unknown"), "held", date(2026, 1, 1)) == "held"


def test_status_labels_count_days():
    when = parse_date("May 2026")
    assert describe_status("upcoming", "proposed", when, date(2026, 4, 29)) == "proposed · in 2 days"
    assert "no outcome recorded" in describe_status("past", "proposed", when, date(2026, 6, 2))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2026-02-05", "5 Feb 2026"),
        ("2026-02-02/2026-02-08", "2–8 Feb 2026"),
        ("2026-01-28/2026-02-03", "28 Jan – 3 Feb 2026"),
        ("2025-12-28/2026-01-03", "28 Dec 2025 – 3 Jan 2026"),
        ("week of 2026-02-02", "week of 2 Feb 2026"),
        ("2026-03", "March 2026"),
        ("before 2026-02-05", "before 5 Feb 2026"),
        ("by 2026-03-31", "by 31 Mar 2026"),
        ("late February 2026", "late February 2026"),  # already in words: kept as written
        ("by end of January 2026", "by end of January 2026"),
        ("unknown", "unknown"),
    ],
)
def test_dates_read_as_people_write_them(text, said):
    assert spoken(parse_date(text)) == said


def test_a_by_deadline_counts_to_the_end_of_its_window_before_and_after():
    when = parse_date("by March 2026")
    assert days_until(when, date(2026, 2, 8)) == 51  # to 31 March, not to 1 March
    assert (
        describe_status("upcoming", "proposed", when, date(2026, 2, 8))
        == "proposed · 51 days to the deadline"
    )
    assert (
        describe_status("past", "proposed", when, date(2026, 4, 5))
        == "proposed · ended 5 days ago, no outcome recorded"  # a month's window: it ended
    )
    plain = parse_date("March 2026")  # not a deadline: counts to when it begins
    assert days_until(plain, date(2026, 2, 8)) == 21


def test_how_long_ago_is_said_as_precisely_as_the_date_is_known():
    """ "November 2026" read "2 days ago" on 2 December, "May 2026" "185 days ago": counted from
    the window's end, as if the day were known (a newcomer's trial)."""
    today = date(2026, 12, 2)
    assert (
        describe_status("past", None, parse_date("2026-11-30"), today)
        == "past · 2 days ago, no outcome recorded"
    )
    assert describe_status("past", None, parse_date("November 2026"), today).startswith(
        "past · ended 2 days ago"
    )
    assert "ended about 6 months ago" in describe_status("past", None, parse_date("May 2026"), today)
    assert "· 1 day ago" in describe_status("past", None, parse_date("2026-12-01"), today)


def test_a_window_that_ended_45_days_ago_is_about_a_month_not_1_months():
    assert ago_words(45, "month") == "ended about 1 month ago"
    assert ago_words(44, "month") == "ended 44 days ago"
    assert ago_words(1, "season") == "ended 1 day ago"
    assert ago_words(1, "day") == "1 day ago"
