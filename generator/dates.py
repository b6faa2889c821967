"""Dates with year, month or day precision, and times of day with a UTC offset."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_TIME = re.compile(
    r"(?P<hour>\d{2}):(?P<minute>\d{2})(?:(?P<utc>Z)|(?P<sign>[+-])(?P<oh>\d{2}):(?P<om>\d{2}))"
)

MONTHS = tuple(calendar.month_name)

# The years a site can be built from: the build is dated by the newest date in the data (SOURCE_DATE_EPOCH),
# and gzip (sitemap.xml.gz) holds a file's time in 32 bits, which run out on 7 February 2106. Python's dates
# begin in year 1.
FIRST_YEAR, LAST_YEAR = 1, 2105


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError naming what is wrong."""
        match = _PARTIAL_DATE.fullmatch(text)
        if not match:
            raise ValueError("a date written YYYY-MM-DD, YYYY-MM or YYYY")
        year, month, day = (int(match[name] or 0) for name in ("year", "month", "day"))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(
                f"a year from {FIRST_YEAR:04d} to {LAST_YEAR} (what the built files' timestamps can hold)"
            )
        if match["month"] and not 1 <= month <= 12:
            raise ValueError("a month from 01 to 12")
        if match["day"] and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"a day that exists in {MONTHS[month]} {year}")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """The ISO 8601 form at this date's precision, as used in ``datetime`` attributes."""
        return self._iso

    @cached_property
    def _iso(self) -> str:
        # Once per date: every quote's link names its day's page, and formatting costs more than the lookup.
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class TimeOfDay:
    """A time of day with its UTC offset, as a source reports it."""

    hour: int
    minute: int
    offset_minutes: int

    @classmethod
    def parse(cls, text: str) -> TimeOfDay:
        match = _TIME.fullmatch(text)
        if not match:
            raise ValueError('a time with its UTC offset, written "HH:MM+HH:MM", "HH:MM-HH:MM" or "HH:MMZ"')
        hour, minute = int(match["hour"]), int(match["minute"])
        if hour > 23 or minute > 59:
            raise ValueError("a time from 00:00 to 23:59")
        offset = 0
        if not match["utc"]:
            offset_hours, offset_minutes = int(match["oh"]), int(match["om"])
            if offset_hours > 14 or offset_minutes > 59:
                raise ValueError("a UTC offset from -14:00 to +14:00")
            offset = (offset_hours * 60 + offset_minutes) * (-1 if match["sign"] == "-" else 1)
        return cls(hour, minute, offset)

    @property
    def utc_minutes(self) -> int:
        """Minutes after midnight UTC of the same calendar day (may be negative or past 1440)."""
        return self.hour * 60 + self.minute - self.offset_minutes

    def iso(self) -> str:
        if self.offset_minutes == 0:
            return f"{self.hour:02d}:{self.minute:02d}Z"
        sign = "-" if self.offset_minutes < 0 else "+"
        offset = abs(self.offset_minutes)
        return f"{self.hour:02d}:{self.minute:02d}{sign}{offset // 60:02d}:{offset % 60:02d}"

    def __str__(self) -> str:
        return self.iso()
