from datetime import UTC, date, datetime

from govuk_bank_holidays.bank_holidays import BankHolidays

from api.core import calendar


def test_the_holidays_package_agrees_with_the_bundled_govuk_data_for_england():
    govuk = BankHolidays(use_cached_holidays=True)
    days = {item["date"] for item in govuk.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)}
    years = {day.year for day in days}
    ours = {day for day in calendar._bank_holidays("ENG").__class__(years=years, subdiv="ENG") if day.year in years}
    # holidays also lists a holiday's own date when it falls at a weekend; only working days off matter.
    assert {day for day in ours if day.weekday() < 5} == days
    assert all(not calendar.is_working_day(day) for day in days)


def test_acknowledgment_is_due_at_the_end_of_the_next_working_day():
    friday_evening = datetime(2026, 12, 18, 18, 0, tzinfo=UTC)
    assert calendar.acknowledgment_deadline(friday_evening).date() == date(2026, 12, 21)
    christmas_eve = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)
    # 25 Dec is a Friday, 28 Dec the substitute Boxing Day: the next working day is 29 Dec.
    assert calendar.acknowledgment_deadline(christmas_eve).date() == date(2026, 12, 29)
    thursday_before_easter = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
    assert calendar.acknowledgment_deadline(thursday_before_easter).date() == date(2026, 4, 7)


def test_the_chase_comes_three_working_days_after_filing():
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert calendar.chase_after(monday).date() == date(2026, 11, 26)
