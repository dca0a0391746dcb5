"""Query parameters shared by the pages, with the bounds that turn bad input into a 422."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query
from pydantic import AfterValidator

MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50
MAX_PAGE = 100_000
DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None) -> str | None:
    """A real calendar date written YYYY, YYYY-MM or YYYY-MM-DD, else a ValueError (422)."""
    if value is None or value == "":
        return None
    if not DATE_PREFIX.match(value):
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise ValueError(f"{value!r} is not a date: month {parts[1]} does not exist")
    if len(parts) > 2 and not 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]:
        raise ValueError(f"{value!r} is not a date: that month has no day {parts[2]}")
    return value


def blank_is_none(value: str | None) -> str | None:
    """An empty filter box means no filter."""
    return value.strip() or None if value is not None else None


@dataclass(frozen=True)
class PageRequest:
    page: int
    per_page: int


def _page_request(
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE,
                                   description=f"Items per list, 1 to {MAX_PER_PAGE}.")]
    = DEFAULT_PER_PAGE,
) -> PageRequest:
    return PageRequest(page, per_page)


Paginate = Annotated[PageRequest, Depends(_page_request)]
DateFrom = Annotated[str | None, Query(
    alias="from", description="On or after this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(check_date)]
DateTo = Annotated[str | None, Query(
    alias="to", description="On or before this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(check_date)]
Name = Annotated[str | None, Query(max_length=200), AfterValidator(blank_is_none)]
