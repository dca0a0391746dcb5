"""Calendar arithmetic for time expressions: ISO 8601 / TIMEX3 values from parsed parts.

Everything here is pure and works on ``datetime.date``; no text, no spaCy. A function that
cannot give a sensible value (31 February, year 99999, a shift past the calendar's end)
returns None instead of raising.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
# TIMEX3 codes and the first month of each season (northern hemisphere).
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
           "winter": ("WI", 12)}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "tonight": "NI"}
# Duration units: (ISO designator, multiplier, whether it is a time-of-day unit "PT...").
DURATION_UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "weekend": ("WE", 1, False),
}
MIN_YEAR, MAX_YEAR = 1000, 2999


def make_date(year: int, month: int, day: int) -> date | None:
    """A real calendar day, or None (31 February, year 99999)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def shift_days(anchor: date, days: int) -> date | None:
    try:
        return anchor + timedelta(days=days)
    except OverflowError:
        return None


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def period(value: str) -> tuple[date, date]:
    """The first and last day an ISO date value covers: "2026-03-12", "2026-W12", "2026-03",
    "2026". Anything else (a season, a weekend, a bad date) raises ValueError."""
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        year, week = int(value[:4]), int(value[6:])
        return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"not an ISO date value: {value!r}")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        return date(*parts, 1), date(*parts, calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def weekday_date(anchor: date, weekday: int, direction: int, modifier: str | None) -> date:
    """The day a weekday name points to, seen from ``anchor``.

    "last Tuesday" is the latest Tuesday strictly before the anchor (the day before, on a
    Wednesday); "next/this/coming Tuesday" the first strictly after (or the anchor itself for
    "this"); a bare name is the anchor's own day when it is that weekday, else the latest one
    before in the past tense and the first one after in the future tense.
    """
    back = (anchor.weekday() - weekday) % 7 or 7  # days back to the previous such weekday
    ahead = (weekday - anchor.weekday()) % 7 or 7  # days ahead to the next one
    if modifier in ("last", "past", "previous"):
        return anchor - timedelta(days=back)
    if modifier in ("next", "coming", "this coming", "following"):
        return anchor + timedelta(days=ahead)
    if anchor.weekday() == weekday:
        return anchor
    if modifier == "this":
        return anchor + timedelta(days=ahead) if direction >= 0 else anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead) if direction > 0 else anchor - timedelta(days=back)


def month_year(anchor: date, month: int, direction: int) -> int:
    """The year of a month named without one: the publication year, moved by tense.

    In the past tense a month later in the year than the publication is last year's; in the
    future tense an earlier one is next year's. When the tense says nothing, the nearest
    occurrence ("October" in a February article is last October; a tie keeps the year).
    """
    if direction < 0 and month > anchor.month:
        return anchor.year - 1
    if direction > 0 and month < anchor.month:
        return anchor.year + 1
    if direction == 0 and month - anchor.month > 6:
        return anchor.year - 1
    if direction == 0 and anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year


def season_year(anchor: date, first_month: int, direction: int) -> int:
    """The year of a season named without one, by the same rule as ``month_year``."""
    last_month = first_month + 2  # winter runs into the next year: 12..14
    month = anchor.month if anchor.month >= 3 or first_month != 12 else anchor.month + 12
    if direction < 0 and first_month > month:
        return anchor.year - 1
    if direction > 0 and last_month < month:
        return anchor.year + 1
    if first_month == 12 and anchor.month < 3:
        return anchor.year - 1  # January's winter began last December
    return anchor.year


def duration_value(amount: float | None, unit: str) -> str | None:
    """ISO 8601 duration: (5, "hour") -> PT5H, (2, "year") -> P2Y, (None, "day") -> PXD."""
    designator, factor, clock = DURATION_UNITS[unit]
    if amount is None:
        number = "X"
    else:
        total = amount * factor
        if total <= 0 or total > 1_000_000:
            return None
        number = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"PT{number}{designator}" if clock else f"P{number}{designator}"
