"""Danish date mentions -> ISO dates.

`find_dates` scans running text with a table of compiled regexes (one per well-known Danish
shape), resolves overlaps longest-first and fills in missing years from a reference date
(normally the meeting date). It is pure Python, offset-exact and fast; dateparser is only
used by `parse_date` as a guarded fallback for a single expression.

Conventions
-----------
* ``text`` is the date expression itself. Prepositions in front of it ("den", "d.", "senest",
  "i", "ved", "inden", "pr.") are NOT part of it; a weekday ("mandag den 18. marts") and
  period qualifiers ("primo", "medio", "ultimo", "udgangen af", "i løbet af") ARE, because
  they change what the expression means. A trailing time ("kl. 17") is never included.
* Missing year (GUIDELINES "deadlines"): the next occurrence on or after ``ref_date`` --
  except when the clause before the date is clearly in the past tense ("godkendte på mødet
  den 18. november", "siden den 1. september"): then the latest occurrence on or before
  ``ref_date``. After a verb that only reports ("orienterede om KKR-mødet den 8. marts",
  "oplyste, at ... den 2. april") the tense belongs to the reporting, not to the event: then
  the occurrence nearest ``ref_date``, on either side. A year-less date directly followed by a
  dated one ("fra den 1. marts til den 15. april 2021", "1.-3. juni 2024") borrows that year. A weekday ("mandag den 18. marts")
  picks the neighbouring year in which the weekday fits.
* ``ref_date=None``: `find_dates` uses the first fully dated day in the text (minutes open
  with the meeting date), else today; `parse_date` uses today.
* Two-digit years are 20xx. After a day and a month name a bare one ("30. juni 24") counts
  only where punctuation, a time or the end follows ("24. juni 24 personer" is a count).
* A bare "d.m" without a year counts only after "den"/"d."/a weekday ("den 3.6"); "d/m" with
  a slash counts on its own ("3/6") unless it reads as a fraction ("1/3 af", "24/7").
* A day range "1.-3. juni 2024" gives two mentions: "1." (1 June) and "3. juni 2024".
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["DateMention", "find_dates", "parse_date"]

Granularity = str  # "day" | "week" | "month" | "quarter" | "halfyear" | "season" | "year"


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    granularity: Granularity
    start_date: datetime.date
    end_date: datetime.date
    # Where in the period a deadline falls: "start" (primo), "mid" (medio), "end" (default).
    anchor: str = field(default="end", compare=False)

    @property
    def iso(self) -> str | None:
        """ISO day, only for day-precision mentions."""
        return self.start_date.isoformat() if self.granularity == "day" else None

    @property
    def deadline_date(self) -> datetime.date:
        """The single day a deadline phrased with this expression means.

        day -> the day; week -> Friday of the (last) ISO week (work week ends Friday);
        month/quarter/year -> last day ("maj 2024", "udgangen af 2024", "1. kvartal") unless
        qualified: primo -> first day, medio -> middle (the 15th of a month, 1 July of a year,
        the 15th of a quarter's middle month).
        """
        if self.granularity == "day":
            return self.start_date
        if self.granularity == "week":
            return self.end_date - datetime.timedelta(days=2)
        if self.anchor == "start":
            return self.start_date
        if self.anchor == "mid":
            return _middle(self.start_date, self.granularity)
        return self.end_date


def _middle(first: datetime.date, granularity: Granularity) -> datetime.date:
    if granularity == "month":
        return first.replace(day=15)
    if granularity in ("quarter", "season"):
        return datetime.date(first.year, first.month + 1, 15)
    if granularity == "halfyear":
        return datetime.date(first.year, first.month + 3, 1)
    return datetime.date(first.year, 7, 1)


# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1,
    "februar": 2, "febr": 2, "feb": 2,
    "marts": 3, "mar": 3, "mrts": 3,
    "april": 4, "apr": 4,
    "maj": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6,
}
ORDINALS: dict[str, int] = {
    "1.": 1, "2.": 2, "3.": 3, "4.": 4,
    "første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "sidste": 4,
}
# Season -> its first month (three months each; no winter: it spans two years).
SEASONS: dict[str, int] = {"foråret": 3, "sommeren": 6, "efteråret": 9}
# Periods that are a run of months: granularity -> number of months.
_MONTH_SPANS: dict[str, int] = {"halfyear": 6, "season": 3}
# Qualifier -> anchor inside the period. Longest alternatives first in the regex.
QUALIFIERS: dict[str, str] = {
    "primo": "start", "start": "start", "starten af": "start", "begyndelsen af": "start",
    "medio": "mid", "midten af": "mid",
    "ultimo": "end", "udgangen af": "end", "slutningen af": "end", "enden af": "end",
    "i løbet af": "end",
}

_L = r"a-zæøåA-ZÆØÅ"
# Full names never swallow a following "." (sentence end); abbreviations may carry one.
_MONTH = (r"(?P<mon>(?:" + "|".join(k for k in sorted(MONTHS, key=len, reverse=True) if len(k) > 4 or k in ("maj", "juni", "juli"))
          + rf")(?![{_L}])|(?:" + "|".join(k for k in sorted(MONTHS, key=len, reverse=True) if len(k) <= 4 and k not in ("maj", "juni", "juli"))
          + rf")(?![{_L}])\.?)")
_WEEKDAY = r"(?P<wd>" + "|".join(WEEKDAYS) + rf")(?![{_L}])"
_QUAL = r"(?P<q>" + "|".join(q.replace(" ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")"
# A year printed after a month: 4 digits (19xx/20xx) or '21; never the first half of "2023-24".
_YEAR = r"(?P<y>(?:19|20)\d\d|['’]\d\d)(?![\d]|[-–/]\d)"
# After a day and a month name a bare two-digit year is read too ("30. juni 24."), but only where
# nothing but punctuation or a time follows: "24. juni 24 personer" is a count, not 2024.
_YEAR_AFTER_DAY = (r"(?P<y>(?:19|20)\d\d|['’]\d\d|[0-4]\d(?=[ \t]*(?:$|[,;:)]|\.(?!\d)|kl\b)))"
                   r"(?![\d]|[-–/]\d)")
_DEN = r"(?:den|d\.)"
# What may stand right before a numeric date: not a digit/separator (so we never start
# inside "1.000.000" or "9.00-12.00").
_NB = r"(?<![\d.,/:§a-zA-Z-])"
# ... and not glued to a case number's next part ("17.01.00-P20-1-24" is a KLE journal number)
_NA = r"(?![\d/:]|[.,-]\d|-[A-ZÆØÅ]\d)"

# --------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------


@dataclass
class _Cand:
    start: int
    end: int
    granularity: Granularity
    year: int | None          # None: to be inferred
    month: int | None = None
    day: int | None = None
    week: int | None = None
    week_last: int | None = None
    quarter: int | None = None
    weekday: int | None = None
    anchor: str = "end"


Handler = Callable[[re.Match[str]], list[_Cand]]


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    digits = raw.lstrip("'’")
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # Without a year, 29 February is possible (leap year chosen later).
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _month_of(m: re.Match[str]) -> int:
    return MONTHS[m.group("mon").lower().rstrip(".")]


def _weekday_of(m: re.Match[str]) -> int | None:
    wd = m.groupdict().get("wd")
    return WEEKDAYS[wd.lower()] if wd else None


def _day_span_start(m: re.Match[str]) -> int:
    """Text starts at the weekday if printed, else at the first digit ("den" stays outside)."""
    if m.groupdict().get("wd"):
        return m.start("wd")
    return min(m.start(g) for g, v in m.groupdict().items() if v is not None and g in ("d", "m", "y"))


def _h_day_month_name(m: re.Match[str]) -> list[_Cand]:
    """'25. maj 2021', 'mandag den 18. marts', '1.-3. juni 2024' (two mentions)."""
    month, year = _month_of(m), _year(m.group("y"))
    day, weekday = int(m.group("d")), _weekday_of(m)
    if m.group("d2") is None:
        if not _valid_day(year, month, day):
            return []
        return [_Cand(_day_span_start(m), m.end(), "day", year, month, day, weekday=weekday)]
    day2 = int(m.group("d2"))
    if not (_valid_day(year, month, day) and _valid_day(year, month, day2) and day < day2):
        return []
    first_end = m.end("d") + (1 if m.string[m.end("d"): m.end("d") + 1] == "." else 0)
    return [
        _Cand(_day_span_start(m), first_end, "day", year, month, day, weekday=weekday),
        _Cand(m.start("d2"), m.end(), "day", year, month, day2),
    ]


def _h_day_list(m: re.Match[str]) -> list[_Cand]:
    """'den 3. og 4. juni 2024', 'den 5., 6. og 7. marts', 'fra 1. til 3. juni': every listed day
    takes the month (and year) printed after the last one."""
    month, year = _month_of(m), _year(m.group("y"))
    out = []
    for d in re.finditer(r"\d{1,2}\.", m.group("days")):
        day = int(d.group(0)[:-1])
        if _valid_day(year, month, day):
            start = m.start("days") + d.start()
            out.append(_Cand(start, start + len(d.group(0)), "day", year, month, day))
    day = int(m.group("d"))
    if _valid_day(year, month, day):
        out.append(_Cand(m.start("d"), m.end(), "day", year, month, day))
    return out


def _numeric(m: re.Match[str], year: int | None) -> list[_Cand]:
    day, month = int(m.group("d")), int(m.group("m"))
    if not _valid_day(year, month, day):
        return []
    return [_Cand(_day_span_start(m), m.end(), "day", year, month, day, weekday=_weekday_of(m))]


def _h_numeric_year(m: re.Match[str]) -> list[_Cand]:
    """'25.11.21', '1.1.2022', '28-01-2022', '3/6-2024'."""
    if _looks_like_section_number(m):
        return []
    return _numeric(m, _year(m.group("y")))


def _h_numeric_noyear(m: re.Match[str]) -> list[_Cand]:
    """'den 3.6', 'mandag d. 3/6', '3/6' (not the idiom '24/7')."""
    if (m.group("d"), m.group("m")) == ("24", "7"):
        return []
    return _numeric(m, None)


def _h_iso(m: re.Match[str]) -> list[_Cand]:
    return _numeric(m, int(m.group("y")))


def _h_month(m: re.Match[str]) -> list[_Cand]:
    """'maj 2024', 'primo maj 2024', 'ultimo december', 'i løbet af maj'."""
    start, anchor = _anchor(m, "mon")
    return [_Cand(start, m.end(), "month", _year(m.groupdict().get("y")), _month_of(m), anchor=anchor)]


def _h_year(m: re.Match[str]) -> list[_Cand]:
    """'udgangen af 2024', 'medio 2022', 'i 2024'."""
    start, anchor = _anchor(m, "y")
    return [_Cand(start, m.end(), "year", _year(m.group("y")), anchor=anchor)]


def _h_this_year(m: re.Match[str]) -> list[_Cand]:
    """'ved årets udgang', 'udgangen af året', 'årsskiftet': end of the reference year."""
    return [_Cand(m.start("x"), m.end("x"), "year", None, anchor="end")]


def _h_week(m: re.Match[str]) -> list[_Cand]:
    """'uge 23', 'uge 23 2025', 'uge 23-24'."""
    week = int(m.group("w"))
    last = int(m.group("w2")) if m.group("w2") else week
    if not 1 <= week <= last <= 53:
        return []
    return [_Cand(m.start(), m.end(), "week", _year(m.group("y")), week=week, week_last=last)]


def _h_week_day(m: re.Match[str]) -> list[_Cand]:
    """'fredag i uge 14': that weekday of the ISO week."""
    week = int(m.group("w"))
    if not 1 <= week <= 53:
        return []
    return [_Cand(m.start(), m.end(), "day", _year(m.group("y")), week=week, weekday=_weekday_of(m))]


def _anchor(m: re.Match[str], period_group: str = "p") -> tuple[int, str]:
    """Start offset and anchor of a period that may carry a qualifier ("udgangen af 1. halvår"):
    the mention starts at the qualifier if printed, else at the period itself."""
    q = m.groupdict().get("q")
    return (m.start("q"), QUALIFIERS[_norm_ws(q.lower())]) if q else (m.start(period_group), "end")


def _h_quarter(m: re.Match[str]) -> list[_Cand]:
    """'1. kvartal 2025', 'første kvartal', 'Q3 2025', 'primo 2. kvartal'."""
    raw = (m.group("qn") or "").lower()
    quarter = ORDINALS.get(raw) or int(m.group("qq") or 0)
    if not 1 <= quarter <= 4:
        return []
    start, anchor = _anchor(m)
    return [_Cand(start, m.end(), "quarter", _year(m.group("y")), quarter=quarter, anchor=anchor)]


def _h_half(m: re.Match[str]) -> list[_Cand]:
    """'1. halvår 2025', 'andet halvår', 'udgangen af 1. halvår 2025'."""
    half = ORDINALS.get(m.group("hn").lower(), 0)
    if half not in (1, 2):
        return []
    start, anchor = _anchor(m)
    return [_Cand(start, m.end(), "halfyear", _year(m.group("y")), month=1 if half == 1 else 7, anchor=anchor)]


def _h_season(m: re.Match[str]) -> list[_Cand]:
    """'foråret 2025', 'i løbet af efteråret', 'sommeren 2024' (no winter: it spans two years)."""
    season = SEASONS[m.group("season").lower()]
    start, anchor = _anchor(m)
    return [_Cand(start, m.end(), "season", _year(m.group("y")), month=season, anchor=anchor)]


def _norm_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s)


_SECTION_LINE = re.compile(r"^[ \t]*$")


def _looks_like_section_number(m: re.Match[str]) -> bool:
    """'3.1.12  Status på ...' at a line start is a section number, not 3 Jan 2012."""
    if len(m.group("y").lstrip("'’")) != 2 or "." not in m.group(0):
        return False
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    after = m.string[m.end(): m.end() + 4]
    return bool(_SECTION_LINE.match(m.string[line_start: m.start()])) and bool(re.match(r"[ \t]+[A-ZÆØÅ]", after))


# Numbers that introduce references rather than dates ("§ 1.1.12", "version 2.1.10").
_REF_BEFORE = re.compile(
    r"(?:§+|\b(?:stk\.|nr\.|version|ver\.|v\.|kl\.|klokken|pkt\.|punkt|afsnit|bilag|side|s\.)"
    r"|\b(?:sagsnr|sagsnummer|j\.\s*nr|journalnr|journalnummer|dok\.?\s*nr|dokumentnr)\.?\s*:?)\s*$", re.I)
# Slash fractions: "1/3 af", "2/3 flertal", "1/2 time".
_FRACTION_AFTER = r"\s*(?:af|del|dele|dels|flertal|flertallet|%|procent|time|timer|times|år|stilling)(?![" + _L + r"])"

# Optional weekday (+ "den"/"d.") in front of a day: part of the mention's text.
_WD_PREFIX = rf"(?:{_WEEKDAY}\s+(?:{_DEN}\s*)?)?"
# Between a day number and a month name: "25. maj", "30.juni", "25 maj" (never across lines
# without the dot, so a stray page number does not glue onto a month at the next line).
_DAY_SEP = r"(?:\.\s{0,3}|[ \t]{1,3})"
# Full month names only: "til Jan Hansen" / "Maj Jensen" are people, not months.
_FULL_MONTH = (r"(?P<mon>" + "|".join(k for k in MONTHS if len(k) > 4 or k == "maj" or k == "juni" or k == "juli")
               + rf")(?![{_L}])(?-i:(?![ \t]+[A-ZÆØÅ][a-zæøå]))")


@dataclass(frozen=True)
class _Rule:
    priority: int          # lower wins between equally long candidates
    pattern: re.Pattern[str]
    handler: Handler
    numeric: bool = False  # numeric shapes are skipped after "§", "kl.", "nr.", "version" ...


_RULES: list[_Rule] = [
    # den 3. og 4. juni 2024 / den 5., 6. og 7. marts / fra 1. til 3. juni
    _Rule(0, re.compile(rf"(?<![\d.])(?P<days>\d{{1,2}}\.(?:[ \t]*,[ \t]*\d{{1,2}}\.)*)[ \t]*(?:,|og|eller|samt|til|[-–])[ \t]*"
                        rf"(?:den[ \t]+|d\.[ \t]*)?(?P<d>\d{{1,2}}){_DAY_SEP}{_MONTH}(?:[ \t]*,?[ \t]*{_YEAR})?", re.I), _h_day_list),
    # 25. maj 2021 / mandag den 18. marts / 1.-3. juni 2024 / 3-4. juni 2024 / 30.juni 2022
    _Rule(0, re.compile(rf"{_WD_PREFIX}(?<![\d.])(?P<d>\d{{1,2}})(?:\.?[ \t]*[-–][ \t]*(?P<d2>\d{{1,2}}){_DAY_SEP}|{_DAY_SEP})"
                        rf"{_MONTH}(?:[ \t]*,?[ \t]*{_YEAR_AFTER_DAY})?", re.I), _h_day_month_name),
    # 2022-01-28
    _Rule(1, re.compile(rf"{_NB}(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d){_NA}"), _h_iso, numeric=True),
    # 25.11.21 / 1.1.2022
    _Rule(1, re.compile(rf"{_WD_PREFIX}{_NB}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>(?:19|20)\d\d|\d\d){_NA}", re.I),
          _h_numeric_year, numeric=True),
    # 28-01-2022 / 28-01-22 (two-digit year only in the all-two-digit shape)
    _Rule(1, re.compile(rf"{_WD_PREFIX}{_NB}(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>(?:19|20)\d\d){_NA}", re.I),
          _h_numeric_year, numeric=True),
    _Rule(1, re.compile(rf"{_WD_PREFIX}{_NB}(?P<d>\d\d)-(?P<m>\d\d)-(?P<y>\d\d){_NA}", re.I), _h_numeric_year, numeric=True),
    # 3/6-2024 / 3/6 2024 / 3/6/24
    _Rule(1, re.compile(rf"{_WD_PREFIX}{_NB}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:-|/|[ \t]+(?=(?:19|20)\d\d))"
                        rf"(?P<y>(?:19|20)\d\d|\d\d){_NA}", re.I), _h_numeric_year, numeric=True),
    # den 3.6 / mandag d. 3/6 (a bare "2.3" is a section number)
    _Rule(2, re.compile(rf"(?:{_WEEKDAY}\s+)?(?<![{_L}]){_DEN}\s*(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}}){_NA}", re.I),
          _h_numeric_noyear, numeric=True),
    # 3/6
    _Rule(2, re.compile(rf"{_WD_PREFIX}{_NB}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){_NA}(?!{_FRACTION_AFTER})", re.I),
          _h_numeric_noyear, numeric=True),
    # maj 2024 / primo maj 2024 / ultimo december / i løbet af maj / i maj
    _Rule(3, re.compile(rf"(?<![{_L}])(?:{_QUAL}\s+)?{_MONTH}[ \t]+{_YEAR}", re.I), _h_month),
    _Rule(3, re.compile(rf"(?<![{_L}]){_QUAL}\s+{_MONTH}", re.I), _h_month),
    _Rule(3, re.compile(rf"(?<![{_L}])(?:i|inden|senest\s+i|fra|til|efter|før|indtil)\s+{_FULL_MONTH}(?![ \t]*\d)", re.I),
          _h_month),
    # fredag i uge 14 / mandag i uge 23 2025: a day
    _Rule(4, re.compile(rf"(?<![{_L}]){_WEEKDAY}[ \t]+(?:i[ \t]+)?uge[ \t]+(?P<w>\d{{1,2}})"
                        r"(?:[ \t]*,?[ \t]*(?P<y>(?:19|20)\d\d))?(?!\d|[.,]\d|[ \t]*[-–])", re.I), _h_week_day),
    # uge 23 / uge 23 2025 / uge 23-24
    _Rule(4, re.compile(r"(?<![" + _L + r"])uge[ \t]+(?P<w>\d{1,2})(?:[ \t]*[-–][ \t]*(?P<w2>\d{1,2}))?"
                        r"(?:[ \t]*,?[ \t]*(?P<y>(?:19|20)\d\d))?(?!\d|[.,]\d)", re.I), _h_week),
    # 1. kvartal 2025 / første kvartal / Q3 2025
    _Rule(4, re.compile(rf"(?<![{_L}\d.])(?:{_QUAL}\s+)?(?P<p>(?P<qn>[1-4]\.|første|andet|anden|tredje|fjerde)[ \t]+(?:kvartal|kvt\.?)"
                        rf"|(?-i:Q)(?P<qq>[1-4]))(?:[ \t]+(?:i[ \t]+)?{_YEAR})?(?![{_L}])", re.I), _h_quarter),
    # 1. halvår 2025 / andet halvår / udgangen af 1. halvår
    _Rule(4, re.compile(rf"(?<![{_L}\d.])(?:{_QUAL}\s+)?(?P<p>(?P<hn>[12]\.|første|andet|anden)[ \t]+halvår(?:et)?)"
                        rf"(?:[ \t]+(?:i[ \t]+)?{_YEAR})?(?![{_L}])", re.I), _h_half),
    # foråret 2025 / i løbet af efteråret / sommeren 2024
    _Rule(4, re.compile(rf"(?<![{_L}])(?:{_QUAL}\s+)?(?P<p>(?P<season>{'|'.join(SEASONS)}))(?:[ \t]+{_YEAR})?(?![{_L}])", re.I),
          _h_season),
    # udgangen af 2024 / medio 2022 / i 2024 (never "2023-24", "2021-pl")
    _Rule(5, re.compile(rf"(?<![{_L}]){_QUAL}\s+{_YEAR}", re.I), _h_year),
    _Rule(5, re.compile(rf"(?<![{_L}])(?:i|inden)\s+(?P<y>(?:19|20)\d\d)(?!\d|[-–/]\d|[-–][{_L}])", re.I), _h_year),
    # ved årets udgang / udgangen af året / årsskiftet
    _Rule(5, re.compile(r"(?<![" + _L + r"])(?P<x>årets\s+udgang|udgangen\s+af\s+året|årsskiftet)", re.I), _h_this_year),
]

# Verbs of reporting: past tense, but the event reported may lie on either side of the meeting.
_REPORT_VERBS = (r"orienterede|oplyste|fortalte|informerede|nævnte|meddelte|redegjorde|spurgte|bemærkede|"
                 r"understregede|gennemgik|præsenterede|fremlagde")
_REPORT_CUE = re.compile(rf"^(?:{_REPORT_VERBS})$", re.I)
# A clause read as past tense before a year-less date: look back this far, within the sentence.
_PAST_WINDOW = 80
_PAST_CUE = re.compile(
    rf"\b(?:{_REPORT_VERBS}|[a-zæøå]{{3,}}ede|godkendte|vedtog|afholdt|afholdtes|holdt|fandt\s+sted|siden|tidligere|"
    r"forrige|allerede|var|havde|modtog|sendte|udsendte|trådte|indgik|gik|udløb|"
    r"(?:sidste|seneste)\s+møde|referat(?:et)?\s+fra)\b",  # "Referatet fra mødet den 12. marts"
    re.I,
)
# ... unless a deadline/future word stands between that cue and the date
# ("besluttede, at punkter skal meldes ind senest den 5. august").
_FUTURE_CUE = re.compile(r"\b(?:senest|frist\w*|inden|næste|kommende|skal|vil|forventes|planlagt|indtil)\b", re.I)
_SENTENCE_END = re.compile(r"(?:[.!?]\s+(?=[A-ZÆØÅ])|\n\s*\n)")
# Text allowed between a year-less date and the dated one it borrows its year from.
_BORROW_GAP = re.compile(r"^\s*(?:[-–]|til|og|samt|,)?\s*(?:den|d\.)?\s*$", re.I)


def _raw_candidates(text: str) -> list[tuple[int, _Cand]]:
    out: list[tuple[int, _Cand]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            if rule.numeric and not m.group(0)[:1].isalpha() and _REF_BEFORE.search(text[max(0, m.start() - 12): m.start()]):
                continue
            out.extend((rule.priority, cand) for cand in rule.handler(m))
    return out


def _select(cands: list[tuple[int, _Cand]]) -> list[_Cand]:
    """Longest match first, then priority; drop anything overlapping a kept mention."""
    kept: list[_Cand] = []
    for _prio, cand in sorted(cands, key=lambda pc: (-(pc[1].end - pc[1].start), pc[0], pc[1].start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _borrow_years(text: str, cands: list[_Cand]) -> None:
    """'fra den 1. marts til den 15. april 2021': the first date takes 2021."""
    for i in range(len(cands) - 2, -1, -1):
        cur, nxt = cands[i], cands[i + 1]
        if cur.year is not None or nxt.year is None or cur.granularity not in ("day", "month"):
            continue
        if nxt.granularity != cur.granularity or not _BORROW_GAP.match(text[cur.end: nxt.start]):
            continue
        back = 1 if (cur.month or 0) > (nxt.month or 0) else 0   # "15. december til 10. januar 2022"
        cur.year = nxt.year - back


Tense = Literal["future", "past", "nearest"]


def _tense(text: str, start: int) -> Tense:
    """How to place a year-less date: after `ref` (default), before it, or nearest to it."""
    window = text[max(0, start - _PAST_WINDOW): start]
    ends = list(_SENTENCE_END.finditer(window))
    if ends:
        window = window[ends[-1].end():]
    cues = list(_PAST_CUE.finditer(window))
    if not cues or _FUTURE_CUE.search(window, cues[-1].end()):
        return "future"
    return "nearest" if _REPORT_CUE.match(cues[-1].group(0)) else "past"


def _period(c: _Cand, year: int) -> tuple[datetime.date, datetime.date] | None:
    """First and last day of the candidate's period in `year` (None if impossible)."""
    try:
        if c.granularity == "day" and c.week is not None:  # "fredag i uge 14"
            d = datetime.date.fromisocalendar(year, c.week, (c.weekday or 0) + 1)
            return d, d
        if c.granularity == "day":
            d = datetime.date(year, c.month or 1, c.day or 1)
            return d, d
        if c.granularity == "month":
            m = c.month or 1
            return datetime.date(year, m, 1), datetime.date(year, m, calendar.monthrange(year, m)[1])
        if c.granularity == "quarter":
            q = c.quarter or 1
            last = 3 * q
            return datetime.date(year, last - 2, 1), datetime.date(year, last, calendar.monthrange(year, last)[1])
        if c.granularity in _MONTH_SPANS:  # half-years and seasons: their first month and length
            first, last = c.month or 1, (c.month or 1) + _MONTH_SPANS[c.granularity] - 1
            return datetime.date(year, first, 1), datetime.date(year, last, calendar.monthrange(year, last)[1])
        if c.granularity == "week":
            return (datetime.date.fromisocalendar(year, c.week or 1, 1),
                    datetime.date.fromisocalendar(year, c.week_last or c.week or 1, 7))
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except ValueError:
        return None


def _infer_year(c: _Cand, ref: datetime.date, tense: Tense) -> int | None:
    """Next occurrence on/after `ref`, latest on/before it for past-tense clauses, or the nearest."""
    if c.granularity == "year":
        return ref.year
    if tense == "nearest":
        return _nearest_year(c, ref)
    past = tense == "past"
    years = [ref.year + k for k in ((0, -1, -2, -3, -4) if past else (0, 1, 2, 3, 4))]
    ok = [y for y in years if (p := _period(c, y)) is not None and (p[0] <= ref if past else p[1] >= ref)]
    if not ok:
        return None
    default = ok[0]
    if c.weekday is not None:
        # the weekday may pick the following occurrence, never one on the wrong side of `ref`
        for y in ok[:2]:
            p = _period(c, y)
            if p is not None and p[0].weekday() == c.weekday:
                return y
    return default


def _nearest_year(c: _Cand, ref: datetime.date) -> int | None:
    def distance(year: int) -> int:
        first, last = _period(c, year)  # type: ignore[misc]
        return 0 if first <= ref <= last else min(abs((first - ref).days), abs((last - ref).days))

    years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _period(c, y) is not None]
    if c.weekday is not None:
        fitting = [y for y in years if _period(c, y)[0].weekday() == c.weekday]  # type: ignore[index]
        years = fitting or years
    return min(years, key=distance) if years else None


def _first_dated_day(cands: list[_Cand]) -> datetime.date | None:
    for c in cands:
        if c.granularity == "day" and c.year is not None and (p := _period(c, c.year)):
            return p[0]
    return None


def _to_mention(text: str, c: _Cand, year: int | None) -> DateMention | None:
    if year is None:
        return None
    period = _period(c, year)
    if period is None:
        return None
    return DateMention(c.start, c.end, text[c.start: c.end], c.granularity, period[0], period[1], c.anchor)


def find_dates(text: str, ref_date: datetime.date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in text order, non-overlapping."""
    cands = _select(_raw_candidates(text))
    _borrow_years(text, cands)
    ref = ref_date or _first_dated_day(cands) or datetime.date.today()
    years = [c.year if c.year is not None else _infer_year(c, ref, _tense(text, c.start)) for c in cands]
    # "fra den 4. til den 8. marts", "den 1. og 2. april": the days of one range or list share the
    # year placed for the last of them (4 March does not go to next year while 8 March stays)
    for i in range(len(cands) - 2, -1, -1):
        cur, nxt = cands[i], cands[i + 1]
        if cur.year is None and nxt.year is None and years[i + 1] is not None and cur.granularity == nxt.granularity \
                and cur.granularity in ("day", "month") and _BORROW_GAP.match(text[cur.end: nxt.start]):
            years[i] = years[i + 1] - (1 if (cur.month or 0) > (nxt.month or 0) else 0)
    mentions = (_to_mention(text, c, year) for c, year in zip(cands, years))
    return [m for m in mentions if m is not None]


# A month name or abbreviation anywhere: the only case where dateparser is worth a try.
_HAS_MONTH = re.compile(r"(?<![" + _L + r"])(?:" + "|".join(MONTHS) + r")(?![" + _L + r"])", re.I)


def parse_date(expr: str, ref_date: datetime.date | None = None) -> DateMention | None:
    """Parse one date expression ("den 25. maj", "ultimo juni 2024", "uge 23").

    Offsets are relative to `expr`. Returns the first date found; if the regex table finds
    none and the expression names a month, dateparser (Danish) gets one try.
    """
    ref = ref_date or datetime.date.today()
    found = find_dates(expr, ref)
    if found:
        return found[0]
    if not _HAS_MONTH.search(expr) or not re.search(r"\d", expr):
        return None
    return _dateparser_fallback(expr, ref)


def _dateparser_fallback(expr: str, ref: datetime.date) -> DateMention | None:
    import dateparser  # slow import; only here

    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": datetime.datetime.combine(ref, datetime.time()),
        "REQUIRE_PARTS": ["day", "month"],
        "STRICT_PARSING": False,
    }
    parsed = dateparser.parse(expr.strip(), languages=["da"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    day = parsed.date()
    stripped = expr.strip()
    start = expr.find(stripped)
    return DateMention(start, start + len(stripped), stripped, "day", day, day)
