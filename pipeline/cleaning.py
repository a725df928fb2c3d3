"""Page furniture out, reading order in: headers, footers, page numbers, link lines, bullets,
line-end hyphenation and paragraph starts.

Running headers and footers are found by *recurrence*, not by a fixed crop: other
municipalities' templates use other margins. A PDF line in the top or bottom band whose
digit-normalised text recurs at about the same height on enough pages is furniture; in a text
export (no positions) a digit-bearing line that recurs, usually followed by a bare page number,
is furniture and also tells us where a page starts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .reading import RawLine, RawPage

MARGIN_BAND = 0.12          # share of the page height searched for running headers/footers
RECUR_SHARE = 0.4           # a header must recur on at least this share of pages
TEXT_HEADER_MIN_REPEATS = 3

PAGE_NUMBER = re.compile(r"^\s*(?:(?:side|page|s\.)\s*)?\d{1,4}(?:\s*(?:af|of|/|ud af)\s*\d{1,4})?\s*$", re.I)
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
BULLET = re.compile(r"^\s*(?:[\uf0b7\uf0a7\uf076\uf0d8\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7\u25a0\u2013\u2014*]|-(?=\s))\s*")
# Words that follow a real hyphen at a line end ("børne- og unge…"): the hyphen stays.
KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "som", "&"}


@dataclass
class Line:
    """A cleaned line; `start`/`end` are filled when the document text is assembled."""

    text: str
    page: int
    bold: bool = False
    size: float | None = None
    x0: float | None = None
    top: float | None = None
    para_start: bool = False
    bullet: bool = False
    joined_hyphen: bool = False  # the previous line's end hyphen was removed to join this one
    cell_x0: tuple[float, ...] = ()  # PDF: left edge of each TAB-separated cell of `text`
    # text export: the column of each TAB-separated cell of `text`, counting the empty cells that
    # cleaning drops ("1. december\t\tAftalen sendes" → (0, 2))
    cell_index: tuple[int, ...] = ()
    start: int = -1
    end: int = -1


def _norm_furniture(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip().casefold()


def _pdf_furniture(pages: list[RawPage]) -> set[tuple[int, int]]:
    """(page, index) of header/footer lines in a positioned document."""
    n_pages = len(pages)
    candidates: Counter[tuple[str, int]] = Counter()
    where: dict[tuple[str, int], list[tuple[int, int]]] = {}
    furniture: set[tuple[int, int]] = set()
    for page in pages:
        height = page.height or 842.0
        for idx, line in enumerate(page.lines):
            if line.top is None:
                continue
            in_band = line.top < height * MARGIN_BAND or (line.bottom or line.top) > height * (1 - MARGIN_BAND)
            if not in_band:
                continue
            if PAGE_NUMBER.match(line.text):
                furniture.add((page.number, idx))
                continue
            key = (_norm_furniture(line.text), round(line.top / 6))
            candidates[key] += 1
            where.setdefault(key, []).append((page.number, idx))
    needed = max(2, round(RECUR_SHARE * n_pages))
    for key, count in candidates.items():
        if count >= needed:
            furniture.update(where[key])
    return furniture


def _is_section_heading(text: str) -> bool:
    """A section heading ("Beslutning i Økonomiudvalget den 04-03-2024"): it recurs with a date
    like a running header but is content."""
    # imported here: the structure package builds on this module's Line
    from .structure.items import section_kind

    return section_kind(text) is not None


def _is_item_heading(text: str) -> bool:
    from .structure.items import PUNKT

    return bool(PUNKT.match(text.strip()))


def _text_furniture(pages: list[RawPage]) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
    """Furniture in a text export, plus the (page, index) lines where a new page begins.

    A running header is a short line carrying a digit (date, page) that recurs: twice is
    enough when a bare page number follows it each time, otherwise it must recur three times.
    A section heading is never one, though it may recur with a date in every item ("Beslutning
    i Økonomiudvalget den 04-03-2024").
    """
    counts: Counter[str] = Counter()
    numbered: Counter[str] = Counter()
    item_headings: dict[str, set[str]] = {}
    for page in pages:
        for idx, line in enumerate(page.lines):
            if (re.search(r"\d", line.text) and len(line.text.strip()) <= 80 and not PAGE_NUMBER.match(line.text)
                    and not _is_section_heading(line.text)):
                key = _norm_furniture(line.text)
                counts[key] += 1
                nxt = page.lines[idx + 1].text if idx + 1 < len(page.lines) else ""
                numbered[key] += bool(PAGE_NUMBER.match(nxt))
                if _is_item_heading(line.text):
                    item_headings.setdefault(key, set()).add(line.text.strip())
    # "Punkt 1", "Punkt 2", "Punkt 3" (titles on the next lines) share a shape but are the agenda;
    # "Punkt 3: Budget" repeated word for word on every page is a running header
    headers = {k for k, c in counts.items()
               if (c >= TEXT_HEADER_MIN_REPEATS or numbered[k] >= 2) and not k.endswith(".")
               and len(item_headings.get(k, ())) <= 1}
    furniture: set[tuple[int, int]] = set()
    page_starts: list[tuple[int, int]] = []
    for page in pages:
        lines = page.lines
        for idx, line in enumerate(lines):
            if _norm_furniture(line.text) in headers:
                furniture.add((page.number, idx))
                page_starts.append((page.number, idx))
                if idx + 1 < len(lines) and PAGE_NUMBER.match(lines[idx + 1].text):
                    furniture.add((page.number, idx + 1))
            elif re.match(r"^\s*side\s+\d+\s+(?:af|of)\s+\d+\s*$", line.text, re.I):
                furniture.add((page.number, idx))
    return furniture, page_starts


def clean_pages(pages: list[RawPage], positioned: bool) -> tuple[list[Line], int]:
    """Cleaned lines in reading order and the number of pages they span."""
    if positioned:
        furniture = _pdf_furniture(pages)
        page_starts: list[tuple[int, int]] = []
    else:
        furniture, page_starts = _text_furniture(pages)
    starts = set(page_starts)
    lines: list[Line] = []
    page_offset = 0
    prev_top: float | None = None
    prev_page: int | None = None
    for page in pages:
        for idx, raw in enumerate(page.lines):
            if (page.number, idx) in starts:
                page_offset += 1
            if (page.number, idx) in furniture or URL_LINE.match(raw.text):
                continue
            page_no = page.number + page_offset
            line = _to_line(raw, page_no)
            if not line.text:
                continue
            if positioned:
                line.para_start = _pdf_para_start(raw, prev_top, prev_page)
                prev_top, prev_page = raw.top, raw.page
            else:
                line.para_start = raw.blank_before
            if line.bullet:
                line.para_start = True
            lines.append(line)
    if lines:
        lines[0].para_start = True
    _join_hyphens(lines)
    n_pages = max((ln.page for ln in lines), default=len(pages))
    return lines, max(n_pages, len(pages))


# Characters that are layout, not text: no-break and thin spaces, soft hyphens, zero-width marks,
# and the typographic ligatures some PDF fonts map to single code points ("ﬁnansiering").
CHAR_FIXES = str.maketrans({
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u00ad": None, "\u200b": None,
    "\u200c": None, "\u200d": None, "\ufeff": None, "\u2060": None,
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
})


def _to_line(raw: RawLine, page: int) -> Line:
    text = raw.text.translate(CHAR_FIXES)
    bullet = False
    m = BULLET.match(text)
    if m and len(text) > m.end():
        text = text[m.end():]
        bullet = True
    # collapse spaces but keep TAB as the cell separator that table parsing relies on
    text = re.sub(r"[ ]*\t[ \t]*", "\t", text)
    text = re.sub(r" {3,}", "\t", text.strip())
    text = re.sub(r" {2}", " ", text)
    text = text.strip()
    cells = raw.cell_x0 if len(raw.cell_x0) == text.count("\t") + 1 else ()
    columns = tuple(k for k, part in enumerate(raw.text.split("\t")) if part.strip()) if "\t" in raw.text else ()
    return Line(text=text, page=page, bold=raw.bold, size=raw.size, x0=raw.x0, top=raw.top, bullet=bullet,
                cell_x0=cells, cell_index=columns if len(columns) == text.count("\t") + 1 and not cells else ())


def _pdf_para_start(raw: RawLine, prev_top: float | None, prev_page: int | None) -> bool:
    """A paragraph starts where the line pitch (top to top) is clearly wider than single
    spacing. Pitch, unlike the gap between boxes, does not depend on how a reader measures
    glyph heights, so pdfium and pdfplumber agree."""
    if prev_top is None or raw.top is None or prev_page != raw.page:
        return prev_page != raw.page and prev_page is not None and raw.text[:1].isupper()
    return raw.top - prev_top > 1.8 * (raw.size or 10.0)


def _join_hyphens(lines: list[Line]) -> None:
    """'special-' + 'dagtilbud' → 'specialdagtilbud'; 'børne-' + 'og unge' stays."""
    for prev, line in zip(lines, lines[1:]):
        if line.para_start or line.bullet:
            continue
        if not re.search(r"[A-Za-zÆØÅæøåÉéÜü]-$", prev.text):
            continue
        first = re.match(r"[^\s\t]+", line.text)
        if not first:
            continue
        word = first.group(0)
        if not word[0].islower() or word.rstrip(".,;:") in KEEP_HYPHEN_BEFORE:
            continue
        # after an acronym or digit ("KD-" + "net") the hyphen is part of the word: keep it
        if not re.search(r"[A-ZÆØÅ0-9]-$", prev.text):
            prev.text = prev.text[:-1]
        line.joined_hyphen = True


def assemble_text(lines: list[Line]) -> str:
    """The cleaned document text: lines of one paragraph joined by a space (or nothing after a
    joined hyphen), paragraphs by a newline. Fills each line's `start`/`end` offset."""
    parts: list[str] = []
    pos = 0
    for i, line in enumerate(lines):
        text = line.text.replace("\t", " ")
        if i:
            sep = "\n" if line.para_start else ("" if line.joined_hyphen else " ")
            parts.append(sep)
            pos += len(sep)
        line.start = pos
        parts.append(text)
        pos += len(text)
        line.end = pos
    return "".join(parts)
