"""Danish date mentions -> ISO (pipeline.dates)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.dates import DateMention, find_dates, parse_date

REF = dt.date(2021, 5, 4)
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "text" / "002_3388be411b985e9f.txt"


def _only(text: str, ref: dt.date = REF) -> DateMention:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


# (input, expected text, expected ISO day)
DAY_CASES = [
    ("25. maj 2021", "25. maj 2021", "2021-05-25"),
    ("Frist for eksempler er den 25. maj.", "25. maj", "2021-05-25"),
    ("Tidspunkt: Den 4. maj 2021 kl. 9.00-12.00", "4. maj 2021", "2021-05-04"),
    ("DASSOS Referat 25.11.21", "25.11.21", "2021-11-25"),
    ("25.11.2021", "25.11.2021", "2021-11-25"),
    ("sundhedslovsydelser pr. 1.1.2022 (jf. punkt 2.1)", "1.1.2022", "2022-01-01"),
    ("DAS Social 28-01-2022 11:00:00", "28-01-2022", "2022-01-28"),
    ("eksporteret 2022-01-28", "2022-01-28", "2022-01-28"),
    ("frist 3/6-2024", "3/6-2024", "2024-06-03"),
    ("frist 3/6 2024", "3/6 2024", "2024-06-03"),
    ("frist 3/6", "3/6", "2021-06-03"),
    ("den 3.6 holdes der møde", "3.6", "2021-06-03"),
    ("mandag den 18. marts kl. 17", "mandag den 18. marts", "2024-03-18"),  # weekday picks 2024 (see ref below)
    ("d. 2. marts 2022: Mulighed", "2. marts 2022", "2022-03-02"),
    ("den 5. jan. 2022", "5. jan. 2022", "2022-01-05"),
    ("den 5 feb 2022", "5 feb 2022", "2022-02-05"),
    ("1. sept. 2022", "1. sept. 2022", "2022-09-01"),
    ("28. Januar 9.30-12.30 Temamøde", "28. Januar", "2022-01-28"),
    ("udløber den 30.juni 2022 (se bilag 8)", "30.juni 2022", "2022-06-30"),
    ("den 29. februar 2024", "29. februar 2024", "2024-02-29"),
    # a two-digit year after a month name, where only punctuation or a time follows
    ("skal være modtaget senest 30. juni 24.", "30. juni 24", "2024-06-30"),
    ("Dato: 12. maj 22 kl. 10", "12. maj 22", "2022-05-12"),
    ("torsdag den 7. november 24, hvor", "torsdag den 7. november 24", "2024-11-07"),
    # ... but a number after the month that goes on into words is no year
    ("den 24. marts 24 deltagere", "24. marts", "2022-03-24"),
    ("den 24. marts 12.00", "24. marts", "2022-03-24"),
]


@pytest.mark.parametrize(("text", "expected_text", "iso"), DAY_CASES)
def test_day_dates(text: str, expected_text: str, iso: str) -> None:
    ref = dt.date(2024, 1, 10) if "mandag" in text else dt.date(2022, 1, 10) if "Januar" in text else REF
    m = _only(text, ref)
    assert m.text == expected_text
    assert text[m.start: m.end] == m.text
    assert m.granularity == "day"
    assert m.iso == iso
    assert m.deadline_date.isoformat() == iso


# (input, ref, granularity, start_date, end_date, deadline_date, text)
PERIOD_CASES = [
    ("primo maj 2024", REF, "month", "2024-05-01", "2024-05-31", "2024-05-01", "primo maj 2024"),
    ("medio maj 2024", REF, "month", "2024-05-01", "2024-05-31", "2024-05-15", "medio maj 2024"),
    ("ultimo maj 2024", REF, "month", "2024-05-01", "2024-05-31", "2024-05-31", "ultimo maj 2024"),
    ("forventes primo december", dt.date(2021, 11, 25), "month", "2021-12-01", "2021-12-31", "2021-12-01", "primo december"),
    ("forventes primo december", dt.date(2022, 1, 28), "month", "2022-12-01", "2022-12-31", "2022-12-01", "primo december"),
    ("afklares i løbet af maj", REF, "month", "2021-05-01", "2021-05-31", "2021-05-31", "i løbet af maj"),
    ("senest ved udgangen af 2024", REF, "year", "2024-01-01", "2024-12-31", "2024-12-31", "udgangen af 2024"),
    ("ved udgangen af juni 2024", REF, "month", "2024-06-01", "2024-06-30", "2024-06-30", "udgangen af juni 2024"),
    ("planen gælder i 2024", REF, "year", "2024-01-01", "2024-12-31", "2024-12-31", "2024"),
    ("Spor 2 ventes gennemført medio 2022, så", REF, "year", "2022-01-01", "2022-12-31", "2022-07-01", "medio 2022"),
    ("klar ved årets udgang", REF, "year", "2021-01-01", "2021-12-31", "2021-12-31", "årets udgang"),
    ("i uge 23", REF, "week", "2021-06-07", "2021-06-13", "2021-06-11", "uge 23"),
    ("i uge 23 2025", REF, "week", "2025-06-02", "2025-06-08", "2025-06-06", "uge 23 2025"),
    ("i uge 10", REF, "week", "2022-03-07", "2022-03-13", "2022-03-11", "uge 10"),  # week 10 of 2021 is past
    ("i 1. kvartal 2025", REF, "quarter", "2025-01-01", "2025-03-31", "2025-03-31", "1. kvartal 2025"),
    ("i første kvartal 2025", REF, "quarter", "2025-01-01", "2025-03-31", "2025-03-31", "første kvartal 2025"),
    ("i Q3 2025", REF, "quarter", "2025-07-01", "2025-09-30", "2025-09-30", "Q3 2025"),
    ("fremlægges i maj 2024.", REF, "month", "2024-05-01", "2024-05-31", "2024-05-31", "maj 2024"),
    ("primo 2. kvartal 2024", REF, "quarter", "2024-04-01", "2024-06-30", "2024-04-01", "primo 2. kvartal 2024"),
    ("senest ved udgangen af 1. halvår 2025", REF, "halfyear", "2025-01-01", "2025-06-30", "2025-06-30",
     "udgangen af 1. halvår 2025"),
    ("i andet halvår", REF, "halfyear", "2021-07-01", "2021-12-31", "2021-12-31", "andet halvår"),
    ("i løbet af foråret 2025", REF, "season", "2025-03-01", "2025-05-31", "2025-05-31", "i løbet af foråret 2025"),
    ("evalueres efteråret 2024", REF, "season", "2024-09-01", "2024-11-30", "2024-11-30", "efteråret 2024"),
]


# Several days before one month: each listed day is a date of that month.
DAY_LIST_CASES = [
    ("kurset afholdes den 3. og 4. juni 2024", [("3.", "2024-06-03"), ("4. juni 2024", "2024-06-04")]),
    ("den 5., 6. og 7. marts 2022", [("5.", "2022-03-05"), ("6.", "2022-03-06"), ("7. marts 2022", "2022-03-07")]),
    ("fra 1. til 3. juni 2022", [("1.", "2022-06-01"), ("3. juni 2022", "2022-06-03")]),
    ("1.-3. juni 2024", [("1.", "2024-06-01"), ("3. juni 2024", "2024-06-03")]),
    ("d. 3-4. juni 2024", [("3", "2024-06-03"), ("4. juni 2024", "2024-06-04")]),  # no dot after the first day
]


@pytest.mark.parametrize(("text", "expected"), DAY_LIST_CASES)
def test_listed_days_share_the_month(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.iso) for m in find_dates(text, REF)] == expected


@pytest.mark.parametrize(("text", "ref", "gran", "start", "end", "deadline", "expected_text"), PERIOD_CASES)
def test_period_dates(text: str, ref: dt.date, gran: str, start: str, end: str, deadline: str, expected_text: str) -> None:
    m = _only(text, ref)
    assert (m.granularity, m.start_date.isoformat(), m.end_date.isoformat()) == (gran, start, end)
    assert m.deadline_date.isoformat() == deadline
    assert m.iso is None
    assert m.text == expected_text == text[m.start: m.end]


NOT_DATES = [
    "32. maj",
    "29.02.2021",
    "31/4",
    "koster 1.000 kr. om året",
    "2.5 mio. kr.",
    "kl. 9.00-12.00",
    "kl. 13-16",
    "kl. 8.30-10",
    "11:00 - 12:20",
    "efter servicelovens § 82",
    "1.1 Evaluering af samarbejdet",
    "jf. punkt 2.3",
    "2.3 Status for modernisering",
    "budget 2023-24",
    "perioden 2023-2024",
    "fra 12.199 kr. i 2021-pl",
    "1/3 af pladserne",
    "døgnet rundt 24/7",
    "version 2.1.10",
    "3.1.12  Status på tilbud",       # three-level section number at a line start
    "jf. § 1.1.12",
    "sendes til Jan Hansen",
    "unge i alderen 15-30 år",
    "uge 53 2021",
    "Sagsnr.: 17.01.00-P20-1-24",   # KLE journal numbers look like DD.MM.YY
    "27.12.04-A00-3-17",
    "J.nr. 12.03.2023",
    "ved 2. og 3. behandling",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_rejects_non_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_impossible_day_is_not_a_day() -> None:
    assert [m.granularity for m in find_dates("32. maj 2021", REF)] == ["month"]  # only "maj 2021"


def test_missing_year_is_next_occurrence() -> None:
    ref = dt.date(2021, 11, 25)
    assert _only("holder møde den 10. december", ref).iso == "2021-12-10"
    assert _only("svarfrist den 10. januar", ref).iso == "2022-01-10"
    assert _only("møde den 25. november", ref).iso == "2021-11-25"  # on the meeting day itself


def test_missing_year_in_past_clause_looks_back() -> None:
    ref = dt.date(2022, 1, 28)
    assert _only("DAS godkendte på mødet den 18. november processen", ref).iso == "2021-11-18"
    # a deadline after a past-tense verb is still in the future
    assert _only("DAS besluttede, at punkter meldes ind senest den 5. august", ref).iso == "2022-08-05"


def test_missing_year_after_a_reporting_verb_is_the_nearest_occurrence() -> None:
    ref = dt.date(2024, 3, 4)
    # the reporting is past, the event it reports may be either side of the meeting
    assert _only("Borgmesteren orienterede om KKR-mødet den 8. marts", ref).iso == "2024-03-08"
    assert _only("Formanden oplyste, at mødet den 20. februar blev aflyst", ref).iso == "2024-02-20"
    assert _only("Borgmesteren orienterede om mødet den 15. december", ref).iso == "2023-12-15"
    # an event verb after the reporting one decides: "… at mødet blev afholdt den 8. marts" is past
    assert _only("Hun oplyste, at mødet blev afholdt den 8. marts", ref).iso == "2023-03-08"


def test_year_borrowed_from_following_date() -> None:
    found = find_dates("alene fra den 1. marts til den 15. april 2021 modtaget", dt.date(2021, 5, 4))
    assert [m.iso for m in found] == ["2021-03-01", "2021-04-15"]
    found = find_dates("fra 15. december til 10. januar 2022", dt.date(2021, 5, 4))
    assert [m.iso for m in found] == ["2021-12-15", "2022-01-10"]


def test_days_of_one_range_without_a_year_share_the_year_of_the_last() -> None:
    # the meeting is on 5 March: 4 March alone would be next year's, but it opens a range ending on 8 March
    found = find_dates("Kurset holdes fra den 4. til den 8. marts.", dt.date(2024, 3, 5))
    assert [m.iso for m in found] == ["2024-03-04", "2024-03-08"]
    found = find_dates("fra 15. december til 10. januar", dt.date(2024, 3, 5))
    assert [m.iso for m in found] == ["2024-12-15", "2025-01-10"]


def test_day_range_gives_first_and_last_day() -> None:
    found = find_dates("kurset 1.-3. juni 2024 i Vejle", REF)
    assert [(m.text, m.iso) for m in found] == [("1.", "2024-06-01"), ("3. juni 2024", "2024-06-03")]


def test_weekday_disambiguates_year() -> None:
    # 18 March is a Monday in 2024 (not in 2023): the weekday decides.
    assert _only("mandag den 18. marts", dt.date(2023, 6, 1)).iso == "2024-03-18"
    assert _only("fredag den 3.6", REF).iso == "2022-06-03"


def test_two_digit_year_is_20xx() -> None:
    assert _only("Referat 1.2.22").iso == "2022-02-01"


def test_ref_date_defaults_to_first_dated_day() -> None:
    found = find_dates("Referat af mødet den 4. maj 2021\nFrist er den 25. maj.")
    assert [m.iso for m in found] == ["2021-05-04", "2021-05-25"]


def test_time_after_date_not_included() -> None:
    m = _only("Næste møde afholdes den 2. marts 2022 kl. 13-16.")
    assert m.text == "2. marts 2022"
    assert m.end == m.start + len("2. marts 2022")


def test_parse_date() -> None:
    m = parse_date("den 25. maj", REF)
    assert m is not None and m.iso == "2021-05-25" and m.text == "25. maj"
    m = parse_date("ultimo juni 2024")
    assert m is not None and m.deadline_date == dt.date(2024, 6, 30)
    assert parse_date("kl. 9.00", REF) is None
    assert parse_date("1.1 Evaluering", REF) is None
    assert parse_date("", REF) is None


def test_sample_minutes() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    found = find_dates(text, dt.date(2021, 11, 25))
    for m in found:
        assert text[m.start: m.end] == m.text
    days = {m.iso for m in found if m.iso}
    assert {"2021-11-25", "2021-12-15", "2022-01-01", "2022-01-10", "2022-02-09",
            "2022-06-30", "2022-12-01", "2022-01-14", "2021-12-10"} <= days
    # "kl. 9.00-12.00" / "kl. 8.30-10" / section numbers never become dates
    assert not any(m.text.startswith(("9.00", "8.30", "12.00", "1.1 ", "2.1", "2.2")) for m in found)
    assert all(d.startswith(("2021", "2022")) for d in days)
    medio = [m for m in found if m.text == "medio 2022"]
    assert medio and medio[0].deadline_date == dt.date(2022, 7, 1)


def test_weekday_never_moves_a_deadline_before_the_meeting():
    import datetime as _dt

    from pipeline.dates import find_dates as _find

    # 12 May 2024 is a Sunday; the printed weekday must not pull the date back to 2023
    assert [d.iso for d in _find("senest fredag den 12. maj", _dt.date(2024, 2, 1))] == ["2024-05-12"]
    assert [d.iso for d in _find("mandag den 18. marts kl. 17", _dt.date(2024, 2, 1))] == ["2024-03-18"]
