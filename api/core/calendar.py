"""Working days for the front door's deadlines: weekends and the nation's bank holidays are not working days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
END_OF_DAY = time(23, 59, 59)


@lru_cache(maxsize=8)
def _bank_holidays(nation: str) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=nation)


def is_working_day(day: date, nation: str = "ENG") -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(nation)


def add_working_days(day: date, count: int, nation: str = "ENG") -> date:
    """The `count`-th working day after `day` (day itself not counted)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day, nation):
            count -= 1
    return day


def end_of_working_day(day: date) -> datetime:
    """23:59:59 London time on that day, as UTC."""
    return datetime.combine(day, END_OF_DAY, tzinfo=LONDON).astimezone(UTC)


def acknowledgment_deadline(received: datetime, nation: str = "ENG") -> datetime:
    """End of the next working day after the referral arrived (in London time)."""
    local_day = received.astimezone(LONDON).date()
    return end_of_working_day(add_working_days(local_day, 1, nation))


def chase_after(received: datetime, nation: str = "ENG") -> datetime:
    """When a referrer with no acknowledgment should contact the front door again: three working days."""
    local_day = received.astimezone(LONDON).date()
    return end_of_working_day(add_working_days(local_day, 3, nation))
