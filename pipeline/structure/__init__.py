"""Cleaned lines → meeting, attendees, agenda items with sections, and the document text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ..cleaning import Line, assemble_text
from ..dates import find_dates
from ..models import AgendaItem, Attendee, Meeting, Section, Span
from ..sentences import split_sentences
from .attendees import find_attendees
from .items import PRESENTER_LINE, SectionHit, category_of, find_headings, find_sections, find_toc
from .followup import TableRow, find_tables, mark_row_paragraphs, table_rows
from .meeting import end_time_from_closing, is_labelled, parse_meeting
from .presenters import parse_presenters
from .tables import unfold_agenda_tables
from .vocabulary import (
    ABSENT_LABELS, BACKGROUND_CLAUSE, CLOSING_LINE, DOCUMENT_WORD_LINE, GROUP_LINE, ITEM_METADATA, LIST_ITEM_LINE,
    MINUTE_TAKER_LINE, PRESENT_LABELS, REPORTED_OUTCOME, WHOLE_OUTCOME,
)


CLOSING_ZONE = 20  # lines at the end of the document where a closing line ("Mødet hævet …") is looked for
# label cells of a front-page table whose value may run over several lines
FRONT_LABEL_CELL = re.compile(rf"^(?:{PRESENT_LABELS}|{ABSENT_LABELS}|sted|mødested|lokale|mødelokale|adresse)\s*:?$", re.I)
MINUTES_WORD = re.compile(r"\b(?:referat|mødereferat|beslutningsreferat|beslutningsprotokol|protokol)\b", re.I)


@dataclass
class Structure:
    text: str
    lines: list[Line]
    meeting: Meeting
    attendees: list[Attendee]
    items: list[AgendaItem]
    followup_rows: list[TableRow] = field(default_factory=list)  # "Opgave | Ansvarlig | Frist" rows
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [ln.start for ln in self.lines]

    def page_at(self, offset: int) -> int | None:
        """1-based page of a character offset into `text`."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return self.lines[i].page if i >= 0 else (self.lines[0].page if self.lines else None)

    def span(self, start: int, end: int) -> Span:
        """Provenance of `text[start:end]`: the offsets and the page where it starts."""
        return Span(page=self.page_at(start), char_start=start, char_end=end)


def _span(lines: list[Line], first: int, last: int, text_len: int) -> Span:
    if first > last or first >= len(lines):
        pos = lines[first - 1].end if 0 < first <= len(lines) else text_len
        page = lines[min(first, len(lines) - 1)].page if lines else None
        return Span(page=page, char_start=pos, char_end=pos)
    return Span(page=lines[first].page, char_start=lines[first].start, char_end=lines[last].end)


def _are_minutes(lines: list[Line], toc_indices: set[int], first_heading: int) -> bool:
    """Minutes, not an agenda: the front page calls them so ("Referat", "Beslutningsprotokol"),
    outside the agenda list, whose "Godkendelse af referat" says nothing about this document, or
    somebody is named as taking them ("Referent: …")."""
    front = [ln.text for k, ln in enumerate(lines[:first_heading][:15])
             if k not in toc_indices and not LIST_ITEM_LINE.match(ln.text)]
    return any(MINUTES_WORD.search(t) for t in front) or any(MINUTE_TAKER_LINE.match(ln.text) for ln in lines)


def _reports_outcomes(bodies: list[str]) -> bool:
    """Item texts without section headings that read as a record of the meeting: enough of them
    tell what was resolved ("Dagsordenen blev godkendt.", "Styregruppen besluttede at …"), not
    what a case is about. Two such items, and at least a third of them, so that an agenda whose
    background mentions an earlier decision stays an agenda."""
    reporting = sum(1 for body in bodies if any(_records_resolution(s) for _, _, s in split_sentences(body)))
    return reporting >= 2 and 3 * reporting >= len(bodies)


def _records_resolution(sentence: str) -> bool:
    return bool(REPORTED_OUTCOME.search(sentence)) and not BACKGROUND_CLAUSE.search(sentence)


def _opens_with_date(text: str) -> bool:
    return any(m.start == 0 and m.granularity == "day" for m in find_dates(text))


def _lift_centred_labels(lines: list[Line], stop: int) -> None:
    """A front-page table whose label cell is centred beside a list ("Peter Sørensen (A)" /
    "Inge Møller (V)" / "Medlemmer<TAB>Bo Hansen (A)" / "Karin Dahl (F)"): the label heads the
    whole list, so it is moved to the list's first line. The lines above it belong to the list
    when they are one cell standing at the value column's left edge."""
    for i in range(1, stop):
        line = lines[i]
        cells = line.text.split("\t")
        if len(cells) != 2 or len(line.cell_x0) != 2 or line.para_start or not FRONT_LABEL_CELL.match(cells[0].strip()):
            continue  # a label that opens its row's block (a gap above it) is where it belongs
        value_x = line.cell_x0[1]
        j = i
        while j > 0 and not lines[j].para_start and lines[j - 1].page == line.page and "\t" not in lines[j - 1].text \
                and lines[j - 1].x0 is not None and abs(lines[j - 1].x0 - value_x) <= 2.0 \
                and not is_labelled(lines[j - 1].text):
            j -= 1
        if j == i or not lines[j].para_start:
            continue  # the lines above continue the row above (no gap between them and it)
        first = lines[j]
        lines[j] = replace(first, text=f"{cells[0]}\t{first.text}", x0=line.x0, cell_x0=(line.x0, first.x0))
        lines[i] = replace(line, text=cells[1], x0=value_x, cell_x0=(), para_start=False)


def build_structure(lines: list[Line], doc_id: str) -> Structure:
    lines = unfold_agenda_tables(lines)
    toc_indices, toc = find_toc(lines)
    headings = find_headings(lines, toc_indices, toc)
    first_heading = headings[0].index if headings else len(lines)
    _lift_centred_labels(lines, first_heading)
    # unnumbered grouping headings ("Sager til beslutning") end the item before them
    group_lines = [i for i, ln in enumerate(lines) if i not in toc_indices and GROUP_LINE.match(ln.text.strip())]

    # "Mødet hævet kl. 21.10", "Underskrifter": the signatures after it are no part of the last item
    closing = next((i for i in range(max(headings[-1].end_index + 1, len(lines) - CLOSING_ZONE), len(lines))
                    if CLOSING_LINE.match(lines[i].text.strip())), len(lines)) if headings else len(lines)

    def item_stop(n: int) -> int:
        nxt = headings[n + 1].index if n + 1 < len(headings) else closing
        return min([g for g in group_lines if headings[n].end_index < g < nxt] + [nxt])

    # headings and section heads are paragraphs of their own, so the text reads as printed
    section_hits = []
    presenter_paragraphs: list[tuple[int, int] | None] = []  # (first line, line after) of each item's "Ved …"
    for n, h in enumerate(headings):
        stop = item_stop(n)
        lines[h.index].para_start = True
        if h.end_index + 1 < len(lines):
            lines[h.end_index + 1].para_start = True
        for line in lines[h.end_index + 1: stop]:
            if LIST_ITEM_LINE.match(line.text):
                line.para_start = True
        hits = find_sections(lines, h.end_index + 1, stop) if not h.children else []
        # the "Ved …" paragraph ends where its names do: the text below starts a paragraph
        presenter = _presenter_paragraph(lines, h.end_index + 1, hits[0].index if hits else stop)
        if presenter is not None and presenter[1] < (hits[0].index if hits else stop):
            lines[presenter[1]].para_start = True
        presenter_paragraphs.append(presenter)
        for hit in hits:
            lines[hit.index].para_start = True
            # after an inline heading ("Beslutning: Godkendt, og …") the next line continues its text
            if hit.index + 1 < len(lines) and hit.inline_rest is None:
                lines[hit.index + 1].para_start = True
        section_hits.append(hits)
    followup_tables = find_tables(lines)
    mark_row_paragraphs(lines, followup_tables)
    # a title word on its own line ("Referat") is a paragraph of its own: the title line above it
    # ("Styregruppemøde – … i Vestjylland") and the body name below it do not run into it
    # a labelled field ("Afbud: …"), an agenda line ("2. Økonomi") and a date line ("Torsdag d.
    # 7/11-2024 kl. 19") on the front page are paragraphs of their own too, so no name or title
    # runs on into the next field
    for k in range(first_heading):
        if DOCUMENT_WORD_LINE.match(lines[k].text.strip()):
            lines[k].para_start = True
            if k + 1 < len(lines):
                lines[k + 1].para_start = True
        elif k in toc_indices or is_labelled(lines[k].text) or LIST_ITEM_LINE.match(lines[k].text) \
                or _opens_with_date(lines[k].text):
            lines[k].para_start = True
    text = _break_after_inline_headings(assemble_text(lines), lines, section_hits)

    line_starts = [ln.start for ln in lines]
    front = lines[:first_heading]
    meeting, _ = parse_meeting(front)
    if meeting.end_time is None and meeting.start_time is not None:
        meeting.end_time = end_time_from_closing(lines[first_heading:])
    attendees = find_attendees(front, toc_indices)

    items: list[AgendaItem] = []
    groups = {h.number: h for h in headings if h.children}
    # minutes that write each item's outcome straight under its heading ("Ad 1. …" + text)
    unheaded_bodies = ["\n".join(ln.text for ln in lines[h.end_index + 1: item_stop(n)])
                       for n, h in enumerate(headings) if not h.children and not section_hits[n]]
    are_minutes = _are_minutes(lines, toc_indices, first_heading) or _reports_outcomes(unheaded_bodies)
    implicit_kind = "referat" if are_minutes else "sagsfremstilling"
    for n, h in enumerate(headings):
        if h.children:
            continue
        stop = item_stop(n)
        top = h.number.split(".")[0]
        group = groups.get(top) if "." in h.number else None
        group_line = max((g for g in group_lines if g < h.index), default=None)
        category = category_of(group.title) if group else (category_of(h.title) if category_of(h.title) == "dialog" else None)
        if category is None and group_line is not None:
            category = category_of(lines[group_line].text)
        hits = section_hits[n]
        body_start = h.end_index + 1
        first_section = hits[0].index if hits else stop
        presenter = presenter_paragraphs[n]
        presenters = parse_presenters(_paragraph(lines, *presenter)) if presenter else []
        sections = []
        for s_n, hit in enumerate(hits):
            s_stop = hits[s_n + 1].index if s_n + 1 < len(hits) else stop
            if hit.inline_rest is not None:
                line = lines[hit.index]
                span = Span(page=line.page, char_start=_inline_start(line, hit), char_end=lines[s_stop - 1].end)
            else:
                span = _span(lines, hit.index + 1, s_stop - 1, len(text))
            sections.append(_with_points(Section(kind=hit.kind, heading=hit.heading.strip(),
                                                 text=text[span.char_start:span.char_end], span=span), lines, line_starts))
        preamble = _preamble_start(lines, body_start, first_section, bool(presenters))
        if hits and preamble is not None:
            # text under the heading before its first section heading ("Sagsfremstilling" unprinted)
            span = _span(lines, preamble, first_section - 1, len(text))
            sections.insert(0, Section(kind="sagsfremstilling", heading="", text=text[span.char_start:span.char_end], span=span))
        # the text under the heading (after any "Ved …" paragraph) when no section heading divides it
        body_first = _content_start(lines, body_start, stop, True) if presenters else body_start
        if not hits and body_first < stop:
            span = _span(lines, body_first, stop - 1, len(text))
            body = text[span.char_start:span.char_end]
            if body.strip():
                sections.append(Section(kind=implicit_kind, heading="", text=body, span=span))
        if are_minutes:
            _split_outcome_from_recommendation(sections, lines, line_starts)
        item_span = _span(lines, h.index, stop - 1, len(text))
        items.append(AgendaItem(
            item_id=f"{doc_id}:{h.number}" if not any(i.number == h.number for i in items) else f"{doc_id}:{h.number}#{n}",
            number=h.number, title=h.title, category=category, presenters=presenters,
            ordinal=len(items) + 1, span=item_span, sections=sections,
        ))
    return Structure(text=text, lines=lines, meeting=meeting, attendees=attendees, items=items,
                     followup_rows=table_rows(followup_tables, meeting.date))


def _split_outcome_from_recommendation(sections: list[Section], lines: list[Line], line_starts: list[int]) -> None:
    """Minutes that write the outcome straight after the recommendation, under no heading of its
    own ("Indstilling" / "Direktionen indstiller, at planen godkendes." / "Udvalget godkendte
    indstillingen."): from the first sentence after the recommendation's first that records a
    resolution, the text is the item's outcome (kind "referat")."""
    if not sections or sections[-1].kind != "indstilling" or any(sec.kind == "referat" for sec in sections):
        return
    last = sections[-1]
    for n, (start, _end, sentence) in enumerate(split_sentences(last.text)):
        if n == 0 or LIST_ITEM_LINE.match(sentence) or re.match(r"(?i)at\b", sentence):
            continue
        if _records_resolution(sentence):
            cut = last.span.char_start + start
            page = lines[max(0, bisect.bisect_right(line_starts, cut) - 1)].page
            head = last.text[:start].rstrip()
            sections[-1] = _with_points(last.model_copy(update={
                "text": head, "span": last.span.model_copy(update={"char_end": last.span.char_start + len(head)})}),
                lines, line_starts)
            outcome = Span(page=page, char_start=cut, char_end=last.span.char_end)
            sections.append(_with_points(Section(kind="referat", heading="", text=last.text[start:], span=outcome),
                                         lines, line_starts))
            return


def _with_points(section: Section, lines: list[Line], line_starts: list[int]) -> Section:
    """Remember where the section's bullets and numbered points start (see Section)."""
    start, end = section.span.char_start, section.span.char_end
    inside = lines[bisect.bisect_left(line_starts, start): bisect.bisect_left(line_starts, end)]
    section._point_starts = frozenset(
        ln.start - start for ln in inside if ln.para_start and (ln.bullet or LIST_ITEM_LINE.match(ln.text)))
    return section


def _inline_start(line: Line, hit: SectionHit) -> int:
    """Document offset where the text after an inline heading ("Beslutning: Godkendt.") starts."""
    return line.start + line.text.replace("\t", " ").index(hit.inline_rest or "")


def _break_after_inline_headings(text: str, lines: list[Line], section_hits: list[list[SectionHit]]) -> str:
    """'Beslutning: Godkendt.' and 'Beslutning<TAB>Godkendt.' end the heading's paragraph where the
    text starts, as a heading on its own line would: names and sentences do not run across it."""
    chars = list(text)
    for hits in section_hits:
        for hit in hits:
            if hit.inline_rest is None:
                continue
            line = lines[hit.index]
            at = _inline_start(line, hit) - 1
            if at > line.start and chars[at] == " ":
                chars[at] = "\n"  # same length: every offset stays
    return "".join(chars)


def _preamble_start(lines: list[Line], start: int, stop: int, has_presenters: bool) -> int | None:
    """First line of content between an item heading and its first section heading, passing over
    case metadata and the presenter paragraph; None if there is none."""
    k = _content_start(lines, start, stop, has_presenters)
    if k >= stop or len(" ".join(ln.text for ln in lines[k:stop]).split()) < 3:
        return None
    return k


def _content_start(lines: list[Line], start: int, stop: int, has_presenters: bool) -> int:
    """The line after the case metadata and the "Ved …" paragraph under an item heading."""
    k = start
    while k < stop:
        text = lines[k].text.replace("\t", " ")
        if ITEM_METADATA.match(text):
            k += 1  # one line each, and the case text may follow without a blank line
            continue
        if has_presenters and PRESENTER_LINE.search(text):
            k = _presenter_end(lines, k, stop)
            continue
        break
    return k


# "Marianne præsenterede …", "Der var opbakning …": a word and a lower-case word open a sentence;
# "Aarhus Kommune og Rikke Holm Bramsen, leder …" goes on with the names
SENTENCE_START = re.compile(rf"^[A-ZÆØÅ][\wæøå\-]*\s+[a-zæøå]|{WHOLE_OUTCOME.pattern}")  # or "Godkendt."
PRESENTERS_GO_ON = re.compile(r"(?:[,;&/]|\b(?:og|samt|ved))\s*$", re.I)


def _presenter_end(lines: list[Line], start: int, stop: int) -> int:
    """The line after the "Ved …" paragraph: it runs on over a wrapped list of names ("Ved Jens
    Hansen og" / "Lise Berg"), not into the text below it ("v/ Marianne Holm" / "Marianne præsenterede …")."""
    k = start + 1
    while k < stop and not lines[k].para_start and (
            PRESENTERS_GO_ON.search(lines[k - 1].text) or not SENTENCE_START.match(lines[k].text.strip())):
        k += 1
    return k


def _presenter_paragraph(lines: list[Line], start: int, stop: int) -> tuple[int, int] | None:
    """First line of the "Ved …" paragraph among an item's first three lines, and the line after it."""
    for k in range(start, min(stop, start + 3)):
        if PRESENTER_LINE.search(lines[k].text.replace("\t", " ")):
            return k, _presenter_end(lines, k, stop)
    return None


def _paragraph(lines: list[Line], start: int, stop: int) -> str:
    parts = [lines[start].text]
    k = start + 1
    while k < stop and not lines[k].para_start:
        parts.append(lines[k].text)
        k += 1
    return re.sub(r"\s+", " ", " ".join(parts).replace("\t", " "))
