"""Meeting metadata (body, date, times, location) from the front matter.

The meeting date is taken from a time label ("Tidspunkt:", "Mødedato:") first, then from the
title line ("DASSOS 4. maj 2021"), then from a date-and-time line ("28-01-2022 11:00 - 12:20"),
never from the date the minutes were written ("Dato: 12. maj 2021").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..cleaning import Line
from ..dates import find_dates
from ..models import Meeting
from .vocabulary import ATTENDEE_LABEL, PLACE_LABEL, TIME_LABEL, WRITTEN_DATE_LABEL

TIME_RANGE = re.compile(
    r"(?:kl\.?\s*)?(?P<h1>2[0-3]|[01]?\d)(?:[.:](?P<m1>[0-5]\d))(?::\d\d)?\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?"
    r"(?P<h2>2[0-3]|[01]?\d)(?!\d)(?:[.:](?P<m2>[0-5]\d))?", re.I
)
TIME_RANGE_HOURS = re.compile(r"kl\.?\s*(?P<h1>2[0-3]|[01]?\d)\s*(?:-|–|til)\s*(?P<h2>2[0-3]|[01]?\d)(?:[.:](?P<m2>[0-5]\d))?\b", re.I)
SINGLE_TIME = re.compile(r"(?:kl\.?\s*(?P<h>2[0-3]|[01]?\d)(?!\d)(?:[.:](?P<m>[0-5]\d))?|\b(?P<h2>2[0-3]|[01]?\d)[:](?P<m2>[0-5]\d)\b)", re.I)
BODY_NOISE = re.compile(r"^(?:referat|dagsorden|beslutningsprotokol|mødereferat|protokol)\s+(?:(?:fra|af|for|til)\s+)?(?:(?:mødet|møde)\s+(?:i|med)\s+)?", re.I)
BODY_TAIL_NOISE = re.compile(r"[\s,\-–:]*(?:(?:afholdt\s+)?(?:den|d\.)|afholdt|mødet?|referat|dagsorden|ordinært|ekstraordinært)?[\s,\-–:]*$", re.I)
BODY_DASH_REFERAT = re.compile(
    r"^(?:(?:(?:møde|beslutnings)?referat|beslutningsprotokol|protokol)\s*[-–:]\s*(?P<a>[^\d]{2,60}?)|"
    r"(?P<b>[^\d]{2,60}?)\s*[-–:]\s*(?:(?:møde|beslutnings)?referat|beslutningsprotokol))\s*$",
    re.I)
START_LABEL = re.compile(r"^\s*(?:mødetidspunkt|starttidspunkt|tidspunkt|mødetid|tid|mødestart|start|mødet\s+(?:startede|begyndte|blev\s+indledt))\b", re.I)
END_LABEL = re.compile(r"^\s*(?:sluttidspunkt|mødeslut|slut|mødet\s+(?:sluttede|sluttet|slut|hævet|blev\s+hævet|afsluttet|afsluttedes))\b", re.I)
# A line that is just the body's name, maybe with its authority: "Byrådet, Silkeborg Kommune",
# "Social- og Sundhedsudvalget", "Regionsrådet – Region Midtjylland".
_BODY_NOUN = (r"(?i:udvalg(?:et)?|byråd(?:et)?|kommunalbestyrelse(?:n)?|regionsråd(?:et)?|bestyrelse(?:n)?|råd(?:et)?|"
              r"forum|netværk(?:et)?|styregruppe(?:n)?|komit[eé](?:en)?)")
BODY_LINE = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][\wæøå\- ]{{0,50}}?{_BODY_NOUN})(?:\s*[,–-]\s*.+)?$"
    # "Udvalg for Social og Handicap", "Rådet for Bæredygtig Udvikling"
    rf"|^(?P<body_for>(?=[A-ZÆØÅ])(?:[\wæøå\-]+\s+)?{_BODY_NOUN}\s+for\s+[A-ZÆØÅa-zæøå][\wæøå\-]*(?:,?\s+(?:og\s+)?[\wæøå\-]+){{0,6}})$"
)
DATE_LABEL = re.compile(r"^[ ]*(?:mødedato|dato)[ ]*(?::|\t)", re.I)
MINUTES_FIELD = re.compile(r"^(?:referat|dagsorden|beslutningsprotokol|protokol|side\s+\d+.*)$", re.I)
# "Kl. 10.00 - 12.30 på Hotel Scandic, Silkeborg": the place after the time
PLACE_AFTER_TIME = re.compile(r"^\s*(?:[-–,]\s*)?(?:på|i)\s+(?P<place>[A-ZÆØÅ].{2,80})$")
REFERAT_FRA = re.compile(r"^(?:(?:møde|beslutnings)?referat|dagsorden|beslutningsprotokol)\s+(?:fra|af|for)\s+(?:(?:det\s+)?(?:ordinære\s+)?(?:mødet|møde)\s+(?:i|med)\s+)?(?P<body>[^\d]{2,60}?)\s*$", re.I)


def _hhmm(h: str | None, m: str | None) -> str | None:
    return f"{int(h):02d}:{m or '00'}" if h is not None else None


# after a time label only: "Tidspunkt: 15-17", "Tid: 15.00"
LABELLED_HOURS = re.compile(r"^\s*(?P<h1>2[0-3]|[01]?\d)(?:[.:](?P<m1>[0-5]\d))?(?:\s*(?:-|–|til)\s*(?P<h2>2[0-3]|[01]?\d)(?:[.:](?P<m2>[0-5]\d))?)?\s*$")


def _labelled_times(rest: str) -> tuple[str | None, str | None]:
    start, end = _times(rest)
    m = None if start else LABELLED_HOURS.match(rest)
    if m:
        start = _hhmm(m.group("h1"), m.group("m1"))
        end = _hhmm(m.group("h2"), m.group("m2")) if m.group("h2") else None
    return start, end


def _times(text: str) -> tuple[str | None, str | None]:
    m = TIME_RANGE.search(text) or TIME_RANGE_HOURS.search(text)
    if m:
        gd = m.groupdict()
        return _hhmm(gd["h1"], gd.get("m1")), _hhmm(gd["h2"], gd.get("m2"))
    m = SINGLE_TIME.search(text)
    if m:
        return _hhmm(m.group("h") or m.group("h2"), m.group("m") or m.group("m2")), None
    return None, None


def _day_dates(text: str):
    return [d for d in find_dates(text) if d.granularity == "day"]


# "Mødet blev afholdt onsdag den 10. april": a sentence, not a title naming the body
TITLE_VERB = re.compile(r"\b(?:blev|bliver|er|var|holdes|afholdes|afholdtes|finder)\b", re.I)


def _body_from_title(text: str, date_start: int) -> str | None:
    prefix = text[:date_start]
    if "(" in prefix:
        prefix = prefix[: prefix.index("(")]
    # running headers separate their fields: "KKR Midtjylland | Referat | 22-02-2024"
    fields = [f.strip() for f in re.split(r"\s+\|\s*|\s*\|\s+", prefix) if f.strip()]
    if len(fields) > 1:
        prefix = next((f for f in fields if not MINUTES_FIELD.match(f)), "")
    prefix = BODY_TAIL_NOISE.sub("", BODY_NOISE.sub("", prefix.replace("\t", " ").strip())).strip(" ,-–:")
    words = prefix.split()
    # "2. Budgetopfølgning pr. 31. januar 2024": an agenda line, not a title
    # a body's name starts with a capital ("Byrådet", "DASSOS"); running text does not
    if not 1 <= len(words) <= 7 or not prefix[:1].isupper() or re.match(r"\d{1,3}\.?\s", prefix) \
            or TIME_LABEL.match(prefix) or WRITTEN_DATE_LABEL.match(prefix) \
            or re.fullmatch(r"(?:møde[t]?|mødedag|afholdt|dato)", prefix, re.I) or TITLE_VERB.search(prefix):
        return None
    return prefix


# A field label alone on its line, its value on the next ("Mødedato" / "10. april 2024")
BARE_FIELD_LABEL = re.compile(r"^\s*(?:mødedato|dato|mødetid|mødetidspunkt|tidspunkt|tid|starttidspunkt|sluttidspunkt|"
                              r"mødested|sted|mødelokale|lokale|lokation)\s*:?\s*$", re.I)


def _labels_with_values(lines: list[Line]) -> list[Line]:
    """'Mødedato' / '10. april 2024' on two lines → one line 'Mødedato: 10. april 2024'."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and BARE_FIELD_LABEL.match(line.text) and not BARE_FIELD_LABEL.match(nxt.text) \
                and not is_labelled(nxt.text):
            out.append(replace(line, text=f"{line.text.strip().rstrip(':')}: {nxt.text.strip()}"))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


TITLE_LINES = 20  # a title naming the body stands on the first page's first lines


def parse_meeting(lines: list[Line]) -> tuple[Meeting, int | None]:
    """Meeting metadata and the index of the line that gave the date (or None)."""
    lines = _labels_with_values(lines)
    meeting = Meeting()
    date_line: int | None = None
    title_body: str | None = None
    # 1. explicit time label
    for i, line in enumerate(lines):
        label = TIME_LABEL.match(line.text)
        if label and not WRITTEN_DATE_LABEL.match(line.text):
            dates = _day_dates(line.text)
            start, end = _times(line.text) if dates else _labelled_times(line.text[label.end():])
            if dates or start:
                meeting.date = dates[0].start_date if dates else None
                meeting.start_time, meeting.end_time = start, end
                date_line = i
                break
    # 2. title line ("DASSOS 4. maj 2021", near the top) and 3. date-and-time line
    for i, line in enumerate(lines[:60]):
        if WRITTEN_DATE_LABEL.match(line.text) or TIME_LABEL.match(line.text) or ATTENDEE_LABEL.match(line.text):
            continue
        dates = _day_dates(line.text)
        if not dates:
            continue
        body = _body_from_title(line.text, dates[0].start) if i < TITLE_LINES else None
        if body and title_body is None:
            title_body = body
            if meeting.date is None:
                meeting.date, date_line = dates[0].start_date, i
        if meeting.date is None and TIME_RANGE.search(line.text) and dates[0].start < 4:
            meeting.date, date_line = dates[0].start_date, i
        if meeting.start_time is None and meeting.date == dates[0].start_date:
            start, end = _times(line.text[dates[0].end:])
            if start and end:
                meeting.start_time, meeting.end_time = start, end
    if meeting.date is None:
        for i, line in enumerate(lines[:80]):
            if WRITTEN_DATE_LABEL.match(line.text):
                continue
            dates = _day_dates(line.text)
            if dates:
                meeting.date, date_line = dates[0].start_date, i
                break
    if meeting.date is None:
        # "Dato:" is usually when the minutes were written, but with no other date it is the meeting's
        for i, line in enumerate(lines[:80]):
            if DATE_LABEL.match(line.text) and (dates := _day_dates(line.text)):
                meeting.date, date_line = dates[0].start_date, i
                break
    dated = _lines_with_date(lines, meeting.date)
    if meeting.start_time is None:
        # the time on the line under a line with the date ("Referat af møde den 22. februar 2024" / "Kl. 10.00 - 12.30")
        for i in dated:
            below = lines[i + 1].text.replace("\t", " ") if i + 1 < len(lines) else ""
            time = TIME_RANGE.search(below)
            if time and time.start() < 6 and not _day_dates(below):
                meeting.start_time, meeting.end_time = _times(below)
                break
    if meeting.start_time is None or meeting.end_time is None:
        _times_from_labels(lines, meeting)
    if meeting.start_time is None:
        # a start without an end after the date: "Tirsdag 5. marts 2024 kl. 18:00"
        for i in dated:
            text = lines[i].text.replace("\t", " ")
            day = next(d for d in _day_dates(text) if d.start_date == meeting.date)
            start, end = _times(text[day.end:])
            if start:
                meeting.start_time, meeting.end_time = start, end
                break
    meeting.body = tidy_body(title_body or _body_from_referat_line(lines) or _body_from_name_line(lines, date_line))
    meeting.location = _location(lines, date_line, dated)
    return meeting, date_line


# "Møde i Ældrerådet", "bestyrelsesmøde i Boligforeningen Vest": the body is what meets
MEETING_OF = re.compile(r"^(?:(?:ordinært|ekstraordinært)\s+)?(?:møde(?:t)?\s+(?:i|med)|[a-zæøå]+møde(?:t)?\s+i)\s+(?P<body>[A-ZÆØÅ].+)$", re.I)
BODYS_MEETING = re.compile(r"^(?P<body>.+?(?:et|en))s\s+(?:(?:ordinære|ekstraordinære)\s+)?møde$|^(?P<acronym>[A-ZÆØÅ]{2,}\S*)['’]\s+møde$")
LOWER_WORDS = frozenset({"og", "for", "i", "af", "på", "med"})
AUTHORITY_TAIL = re.compile(r"(?<=\S)\s*(?:,|\s[-–]|\si)\s+(?:[A-ZÆØÅ][\wæøå\-]*\s+(?:Kommune|Regionskommune)|Region\s+[A-ZÆØÅ][\wæøå]+)$")


def tidy_body(body: str | None) -> str | None:
    """'Møde i Ældrerådet' / 'Ældrerådets møde' → 'Ældrerådet'; a body set in capitals
    ('HANDICAPRÅDET') in the case its name is written in running text. Acronyms stay."""
    if not body:
        return body
    m = MEETING_OF.match(body) or BODYS_MEETING.match(body)
    if m:
        body = (m.groupdict().get("body") or m.groupdict().get("acronym") or body).strip()
    # "Ældrerådet, Syddjurs Kommune", "Regionsrådet – Region Midtjylland": the authority is not the body's name
    body = AUTHORITY_TAIL.sub("", body) or body
    if body.isupper() and len(body) > 6 and re.search(_BODY_NOUN, body):
        body = " ".join(w if w in LOWER_WORDS and i else w[:1].upper() + w[1:]
                        for i, w in enumerate(body.lower().split()))
    return body


def _lines_with_date(lines: list[Line], date) -> list[int]:
    """Indices of the front-page lines that print the meeting date."""
    if date is None:
        return []
    return [i for i, line in enumerate(lines[:60]) if any(d.start_date == date for d in _day_dates(line.text))]


def end_time_from_closing(lines: list[Line]) -> str | None:
    """'Mødet hævet kl. 21.10' printed after the last item, when the front page gives no end."""
    for line in reversed(lines[-40:]):
        text = line.text.replace("\t", " ")
        if END_LABEL.match(text):
            return _times(text)[0]
    return None


NOTE_LABEL = re.compile(r"^\s*(?:bemærkninger|bemærkning|note|noter|andet)\s*:\s*", re.I)


def _times_from_labels(lines: list[Line], meeting: Meeting) -> None:
    """Times on their own labelled lines ("Mødetidspunkt: 17:00", "Mødet hævet kl. 19.30")."""
    for line in lines:
        text = line.text.replace("\t", " ")
        label = START_LABEL.match(text)
        if meeting.start_time is None and label:
            meeting.start_time, end = _labelled_times(text[label.end():].lstrip(" :\t"))
            meeting.end_time = meeting.end_time or end
        elif meeting.end_time is None and (END_LABEL.match(text) or END_LABEL.match(NOTE_LABEL.sub("", text))):
            meeting.end_time = _times(NOTE_LABEL.sub("", text))[0]  # "Bemærkninger: Mødet blev hævet kl. 20.15."


def _body_from_referat_line(lines: list[Line]) -> str | None:
    for line in lines[:80]:
        text = line.text.replace("\t", " ").strip()
        m = REFERAT_FRA.match(text)
        if m:
            return m.group("body").strip(" .:")
        m = BODY_DASH_REFERAT.match(text)
        if m:
            return (m.group("a") or m.group("b")).strip(" .:")
    return None


def _body_from_name_line(lines: list[Line], date_line: int | None) -> str | None:
    """The first short line naming a council, committee or board, before the date and the lists."""
    stop = date_line if date_line is not None else 12
    for line in lines[: min(stop, 12)]:
        text = re.sub(r"\s+", " ", line.text).strip()
        if ATTENDEE_LABEL.match(text):
            break
        m = BODY_LINE.match(text)
        body = m and (m.group("body") or m.group("body_for"))
        if body and len(body.split()) <= 8:
            return body.strip()
    return None


def _location(lines: list[Line], date_line: int | None, dated: list[int]) -> str | None:
    parts: list[str] = []
    for i, line in enumerate(lines[:80]):
        m = PLACE_LABEL.match(line.text)
        if not m:
            continue
        chunk = [m.group("rest")]
        j = i + 1
        while j < len(lines) and not lines[j].para_start and not is_labelled(lines[j].text):
            chunk.append(lines[j].text)
            j += 1
        text = ", ".join(p.strip() for p in "\t".join(chunk).split("\t") if p.strip())
        if re.match(r"^\s*(?:mødelokale|lokale)\s*:", line.text, re.I):
            text = re.split(r"\s+[-–]\s+", text)[0]  # "Lokale M5 - tag elevatoren …": directions are no place
        parts.append(text)
    if parts:
        return ", ".join(dict.fromkeys(parts))
    if date_line is None:
        return None
    near_date = sorted({k for i in dated for k in (i, i + 1) if k < len(lines)})
    for k in near_date:
        text = lines[k].text.replace("\t", " ")
        time = TIME_RANGE.search(text) or TIME_RANGE_HOURS.search(text)
        place = time and PLACE_AFTER_TIME.match(text[time.end():])
        if place:
            return place.group("place").strip(" .")
    # the first plain short line after the date/time lines ("Virtuelt møde via Teams", "Teams")
    for line in lines[date_line + 1: date_line + 4]:
        cand = re.sub(r"^(?:i|på)\s+(?=[A-ZÆØÅ])", "", line.text.strip())  # "i Regionshuset Viborg"
        if _day_dates(cand) or TIME_RANGE.search(cand):
            continue
        # a place is a name ("Rådhuset", "Virtuelt møde via Teams"), not a line of running text
        if 0 < len(cand.split()) <= 8 and cand[:1].isupper() and not is_labelled(cand) and not re.search(r"\d{2,}|^\d+\.", cand):
            return cand
        break
    return None


def is_labelled(text: str) -> bool:
    return bool(re.match(r"^\s*[A-ZÆØÅa-zæøå ]{2,25}\s*:", text)) or bool(ATTENDEE_LABEL.match(text))
