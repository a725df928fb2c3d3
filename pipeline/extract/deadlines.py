"""Deadlines: explicit dates by which something must be done, from any section of an item."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..models import Deadline
from ..structure.followup import TableRow, rows_in
from .common import Sentence, clean, sentences_of
from .patterns import (
    DEADLINE_AFTER, DEADLINE_BEFORE, DEADLINE_DATE_TEXT, DEADLINE_IN_CLAUSE, NON_DEADLINE, PAST_LIMIT, TIMELINE_EVENT,
)

AFTER_CUE = "frist efter"
SECTION_MAP = {"referat": "referat", "indstilling": "indstilling"}  # everything else: sagsfremstilling
SKIP_SECTIONS = frozenset({"bilag"})

# Where a clause starts inside a sentence (for the "shortest clause" text and cue scope).
CLAUSE_BOUNDARY = re.compile(
    r",\s+(?=(?:at|som|der|hvor|hvorefter|hvorpå|så|men|da|fordi|mens|og|idet|jf)\b)|[;:]\s+|\s[–-]\s",
    re.IGNORECASE)
# what a clause may open with that is not the deadline: a list point's number ("2. at ...") and a joiner
LEADING_JOINER = re.compile(r"^(?:(?:\d{1,2}[.)]|[a-h]\))\s+)?(?:(?:at|hvorefter|hvorpå|og|men|så|idet)\s+)?", re.IGNORECASE)


@dataclass
class DeadlineHit:
    start: int          # local offsets of the date mention inside the section text
    end: int
    date_text: str
    due: dt.date
    granularity: str
    clause_start: int   # local offset where the deadline clause starts
    cue: str


def _clause_start(sentence_text: str, upto: int) -> int:
    """Offset (inside the sentence) of the clause containing position `upto`."""
    start = 0
    for m in CLAUSE_BOUNDARY.finditer(sentence_text, 0, max(upto, 0)):
        start = m.end()
    return start


def deadline_cue(before: str, date_text: str) -> tuple[str, int] | None:
    """(cue label, offset of the cue inside `before`) when the text before a date makes it a deadline.

    `before` is the sentence text up to the date mention.
    """
    for label, rx in DEADLINE_BEFORE:
        m = rx.search(before)
        if not m:
            continue
        if label == "ved udgangen" and not DEADLINE_DATE_TEXT.match(date_text):
            continue
        return label, m.start()
    clause_from = _clause_start(before, len(before))
    clause = before[clause_from:]
    for label, rx in DEADLINE_IN_CLAUSE:
        m = rx.search(clause)
        if m:
            return label, clause_from + m.start()
    return None


def is_excluded(before: str, sentence_text: str) -> bool:
    clause = before[_clause_start(before, len(before)):]
    return any(rx.search(clause) or (label == "negated" and rx.search(before[-80:]))
               for label, rx in NON_DEADLINE)


def deadline_hits(section_text: str, sentences: list[Sentence], ref_date: dt.date | None) -> list[DeadlineHit]:
    """All deadline date mentions of one section, local offsets."""
    from ..dates import find_dates

    hits: list[DeadlineHit] = []
    mentions = find_dates(section_text, ref_date)
    for m in mentions:
        sent = next((s for s in sentences if s.local <= m.start < s.local + len(s.raw)), None)
        if sent is None:
            continue
        before = section_text[sent.local:m.start]
        before = re.sub(r"\s+", " ", before)
        cue = deadline_cue(before, m.text)
        if cue is None and any(rx.match(section_text, m.end, sent.local + len(sent.raw)) for _, rx in DEADLINE_AFTER):
            cue = (AFTER_CUE, len(before))  # "Den 15. maj er sidste frist for ansøgning"
        if cue is None or is_excluded(before, sent.text):
            continue
        cue_label, cue_at = cue
        if cue_label == "senest i" and ref_date is not None and m.deadline_date < ref_date:
            continue  # "Kommunen har senest i 2023 tilbudt …": most recently, not by then
        clause_from = min(_clause_start(before, cue_at), _clause_start(before, len(before)))
        if ref_date is not None and m.deadline_date < ref_date and PAST_LIMIT.search(before[clause_from:]):
            continue
        hits.append(DeadlineHit(
            start=m.start, end=m.end, date_text=m.text, due=m.deadline_date, granularity=m.granularity,
            clause_start=clause_from, cue=cue_label,
        ))
    return hits


def _deadline_text(sentence_text: str, clause_from: int, date_end_in_sentence: int) -> str:
    text = sentence_text[clause_from:date_end_in_sentence]
    return LEADING_JOINER.sub("", clean(text)).rstrip(" .,;:")


def plan_only(row: TableRow, ref: dt.date | None) -> bool:
    """A timeline's step that sets nobody anything to do: one taken before the meeting, or a
    meeting or discussion itself ("DAS drøfter 1. udkast")."""
    return row.scheduled and ((row.due is not None and ref is not None and row.due < ref)
                              or bool(TIMELINE_EVENT.search(row.action)))


def _row_is_deadline(row: TableRow, section_kind: str, ref: dt.date | None) -> bool:
    """A follow-up row's due date in the outcome section; a timeline's step only where it is dated
    to the day and is not just the plan (its months and its steps already taken)."""
    if row.due is None:
        return False
    if row.scheduled:
        return row.granularity == "day" and not plan_only(row, ref)
    return section_kind == "referat"


def find_deadlines(structure) -> list[Deadline]:
    ref = structure.meeting.date if structure.meeting else None
    out: list[Deadline] = []
    seen: set[tuple[str, dt.date, str]] = set()
    for item in structure.items:
        for section in item.sections:
            if section.kind in SKIP_SECTIONS or not section.text.strip():
                continue
            sec = SECTION_MAP.get(section.kind, "sagsfremstilling")
            # the due column of a follow-up table ("Opgave | Ansvarlig | Frist") in the outcome, and
            # a timeline's step ("1. december 2022 | | Aftalen sendes til Socialstyrelsen") anywhere
            for row in rows_in(structure.followup_rows, section):
                if not _row_is_deadline(row, section.kind, ref) or (item.number, row.due, sec) in seen:
                    continue
                seen.add((item.number, row.due, sec))
                text = clean(row.printed if row.scheduled else row.text)
                out.append(Deadline(
                    item_number=item.number, due_date=row.due, text=text, section=sec,
                    date_text=row.due_text, granularity=row.granularity, sentence=text,
                    span=structure.span(row.lines[0].start, row.lines[-1].end),
                ))
            sentences = sentences_of(section)
            for hit in deadline_hits(section.text, sentences, ref):
                key = (item.number, hit.due, sec)
                if key in seen:
                    continue
                seen.add(key)
                sent = next(s for s in sentences if s.local <= hit.start < s.local + len(s.raw))
                raw_before = re.sub(r"\s+", " ", section.text[sent.local:hit.end])
                text = _deadline_text(raw_before, hit.clause_start, len(raw_before))
                if hit.cue == AFTER_CUE:  # "Den 15. maj er sidste frist for ansøgning": the cue follows
                    text = clean(sent.text).rstrip(" .")
                base = section.span.char_start
                out.append(Deadline(
                    item_number=item.number, due_date=hit.due, text=text or clean(hit.date_text),
                    section=sec, date_text=hit.date_text, granularity=hit.granularity,
                    sentence=clean(sent.text),
                    span=structure.span(base + sent.local + 0, base + hit.end),
                ))
    return out
