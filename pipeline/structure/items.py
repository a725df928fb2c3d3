"""Agenda items and their sections.

An item heading is a numbered line ("1.1 Title", "4. Title", "Punkt 3." + title on the next
line, "Punkt 2: Title"). What separates a heading from a numbered list line in the body:
- it is not part of the table of contents (a run of numbered lines ending in page numbers);
- its number continues the numbering (1.2 → 1.3, 2, 2.1 …) or appears in the table of contents;
- where fonts are known, it is bold or larger than the body text.
A top-level number whose sub-numbers follow ("1. Beslutningspunkter" → 1.1, 1.2) only groups
items and gives them their category.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ..cleaning import Line
from ..dates import MONTHS
from .vocabulary import CATEGORY_PATTERNS, INLINE_SECTION, MARGIN_SECTION, PRESENTER_LINE, SECTION_PATTERNS

# "1.2 Title", "4. Title", and running numbers over a year's meetings ("145. Title", dot required)
# (also "3 - Title", and "3.Title" typed without the space)
NUMBERED = re.compile(r"^(?P<num>\d{1,2}[a-h](?=[.)]?\s)|\d{1,2}(?:\.\d{1,2}){0,3}|\d{3}(?=\.))"
                      r"(?:(?:\.|\))?[\s\t]+(?:[-–][\s\t]+)?|\.(?=[A-ZÆØÅ][a-zæøå]))(?P<title>[\"'«„“(]?[A-ZÆØÅÉÜa-zæøå].*)$")
# "3." alone, the title on the next line (a number column exported as text)
BARE_NUMBER = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.(?P<title>)$")
PUNKT = re.compile(
    r"^(?:(?:åbent|lukket)\s+)?(?:ad\.?\s+(?:punkt|pkt\.?)?|(?:punkt|pkt\.?)(?:\s+nr\.?)?|dagsordenspunkt|dagsordenpunkt|sag\s+nr\.?|sag)\s*"
    r"(?P<num>\d{1,3}(?:\.\d{1,2}){0,2})(?:/\d{2,4}(?!\d))?\s*[.:)\-–]?\s*(?P<title>.*)$",  # "Sag 45/24: …"
    re.I,
)
# Agenda systems mark open/closed items: "3. (Åben) Title", "Title (Lukket)", "Title (Å)"
ACCESS_MARK = re.compile(r"^\s*\((?:åben|åbent|lukket|lukkede?|å|l)\)\s*|\s*\((?:åben|åbent|lukket|lukkede?|å|l)\)\s*$"
                         r"|^\s*(?:åbent|lukket)\s+punkt\s*[:\-–]\s*", re.I)  # "13. Lukket punkt: Salg af ejendom"
TOC_TAIL = re.compile(r"(?:\s*\.{2,}\s*|[\s\t]+)(?P<page>\d{1,3})\s*$")
MAX_TITLE_WORDS = 25


@dataclass
class Heading:
    index: int                # line index of the heading
    number: str
    title: str
    end_index: int            # last line index the heading (and its title) occupies
    style: str                # "numbered" | "punkt"
    children: list[str] = field(default_factory=list)


def _num_tuple(number: str) -> tuple[int, ...]:
    """'2.1' → (2, 1); a lettered sub-item '2a' → (2, 1), '2b' → (2, 2)."""
    m = re.fullmatch(r"(\d+)([a-h])", number, re.I)
    if m:
        return int(m.group(1)), ord(m.group(2).lower()) - ord("a") + 1
    return tuple(int(p) for p in number.split("."))


def _is_successor(last: tuple[int, ...] | None, cand: tuple[int, ...]) -> bool:
    if last is None:
        return cand[0] <= 2 and all(c <= 2 for c in cand[1:])
    if cand == last + (1,):
        return True
    for k in range(len(last)):
        if cand == last[:k] + (last[k] + 1,) or cand == last[:k] + (last[k] + 1, 1):
            return True
    return False


def find_toc(lines: list[Line]) -> tuple[set[int], dict[str, str]]:
    """Indices of table-of-contents lines and the titles they promise, by number."""
    toc_like: list[tuple[int, str, str, int]] = []
    wrapped: set[int] = set()  # second lines of entries whose title wrapped onto them
    for i, line in enumerate(lines):
        text = line.text.strip()
        m = NUMBERED.match(text) or PUNKT.match(text)
        tail = TOC_TAIL.search(text)
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if m and not tail and nxt and not (NUMBERED.match(nxt) or PUNKT.match(nxt)) and TOC_TAIL.search(nxt) \
                and len(nxt.split()) <= MAX_TITLE_WORDS:
            # a long title wrapped: "2. Orientering om … på" / "venteliste til plejebolig ..... 2"
            text = f"{text} {nxt}"
            tail = TOC_TAIL.search(text)
            wrapped.add(i + 1)
        if m and tail:
            title = text[m.start("title"):tail.start()].strip(" .\t")
            toc_like.append((i, m.group("num").rstrip("."), title, int(tail.group("page"))))
    runs: list[list[tuple[int, str, str, int]]] = []
    for entry in toc_like:
        if runs and (entry[0] == runs[-1][-1][0] + 1 or (entry[0] == runs[-1][-1][0] + 2 and entry[0] - 1 in wrapped)):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    indices: set[int] = set()
    entries: dict[str, str] = {}
    for run in runs:
        pages = [e[3] for e in run]
        if len(run) >= 3 and pages == sorted(pages):
            for i, number, title, _ in run:
                indices.add(i)
                if i + 1 in wrapped:
                    indices.add(i + 1)
                entries.setdefault(number, re.sub(r"\s+", " ", title.replace("\t", " ")))
    if not entries:
        indices, entries = _agenda_list(lines)
    return indices, entries


LIST_ITEM_AT = re.compile(r"^at\b", re.I)


def _agenda_list(lines: list[Line]) -> tuple[set[int], dict[str, str]]:
    """An agenda printed without page numbers ("Dagsorden" + "1. …", "2. …") whose items come
    back later as their own headings ("Ad 1. …", "Punkt 1 …"): a table of contents too.
    Only a list that starts the numbering and whose every number returns, in order, counts,
    so a numbered list inside an item's text never does."""
    numbered: list[tuple[int, str, str]] = []  # (line index, number, title)
    for i, line in enumerate(lines):
        text = line.text.strip()
        m = NUMBERED.match(text) or PUNKT.match(text)
        title = re.sub(r"\s+", " ", m.group("title")).strip() if m else ""
        # "1. at regnskabet godkendes," answered by "Ad 1: Godkendt.": a recommendation's points, no agenda
        if m and not LIST_ITEM_AT.match(title):
            numbered.append((i, m.group("num").rstrip("."), title))
    for k, (_, first, _) in enumerate(numbered):
        if _num_tuple(first) not in ((0,), (1,), (1, 1)):
            continue
        run = numbered[k:k + 1]
        for nxt in numbered[k + 1:]:
            if nxt[0] != run[-1][0] + 1 or not _is_successor(_num_tuple(run[-1][1]), _num_tuple(nxt[1])):
                break
            run.append(nxt)
        if len(run) < 2:
            continue
        wanted = iter(number for _, number, _ in run)
        # every listed number comes back later, in order (a subsequence of the later numbers), or
        # every listed title does, as a line of its own (headings printed without their numbers)
        later = iter(number for _, number, _ in numbered[k + len(run):])
        later_lines = iter(_squash(ln.text) for ln in lines[run[-1][0] + 1:])
        if all(number in later for number in wanted) or all(_squash(title) in later_lines for _, _, title in run):
            return {i for i, _, _ in run}, {number: title for _, number, title in run}
    return set(), {}


def _body_size(lines: list[Line]) -> float | None:
    sizes = [ln.size for ln in lines if ln.size]
    return statistics.median(sizes) if sizes else None


def _looks_emphasised(line: Line, body_size: float | None) -> bool:
    if body_size is None or line.size is None:
        return True  # text export: no font to go by
    return line.bold or line.size > body_size + 0.5


def section_kind(text: str) -> str | None:
    head = re.sub(r"\s+", " ", text.replace("\t", " ")).strip().rstrip(":").strip()
    head = ACCESS_MARK.sub("", head).rstrip(":").strip()  # "Beslutning (Åben)"
    if not head or len(head) > 60:
        return None
    for pattern, kind in SECTION_PATTERNS:
        if pattern.match(head):
            return kind
    return None


def find_headings(lines: list[Line], toc_indices: set[int], toc: dict[str, str]) -> list[Heading]:
    """Numbered item headings. In a PDF they must stand out (bold or larger) from the body text;
    where at most one numbered line does, the headings are set like the body and are read as in a
    text export."""
    body_size = _body_size(lines)
    headings = _find_headings(lines, toc_indices, toc, body_size)
    if len(headings) <= 1 and body_size is not None:
        # one bold numbered line (a title, a list point) is no agenda: read as a text export
        plain = _find_headings(lines, toc_indices, toc, None)
        if len(plain) >= 3 or not headings:
            headings = plain
    if toc and 2 * len(headings) < len(toc):
        # the body prints the titles without their numbers: the contents list numbers them
        titled = _headings_by_toc_title(lines, toc_indices, toc, body_size)
        if len(titled) > len(headings):
            headings = titled
    return headings


TITLE_LOOKAHEAD = 3  # a title the body does not print (a closed item) is passed over


def _headings_by_toc_title(lines: list[Line], toc_indices: set[int], toc: dict[str, str],
                           body_size: float | None) -> list[Heading]:
    """Item headings printed as their titles alone ("Godkendelse af dagsorden" in bold), numbered
    only in the contents list: each contents title, in order, found as a heading line (or two,
    when it wraps) after the contents."""
    wanted = [(number, _squash(title)) for number, title in toc.items() if _squash(title)]
    out: list[Heading] = []
    i, k = (max(toc_indices) + 1 if toc_indices else 0), 0
    while i < len(lines) and k < len(wanted):
        line = lines[i]
        head = _squash(line.text)
        match = None
        if head and _looks_emphasised(line, body_size) and (line.para_start or i == 0 or body_size is not None):
            for ahead, (number, target) in enumerate(wanted[k:k + TITLE_LOOKAHEAD]):
                end, joined = i, head
                while joined != target and end + 1 < len(lines) and target.startswith(joined + _squash(lines[end + 1].text)) \
                        and end + 1 - i < 3:
                    end += 1
                    joined += _squash(lines[end].text)
                if joined == target:
                    match = (k + ahead, number, end)
                    break
        if match is None:
            i += 1
            continue
        k, number, end = match
        title = re.sub(r"\s+", " ", " ".join(ln.text.replace("\t", " ") for ln in lines[i:end + 1])).strip()
        out.append(Heading(index=i, number=number, title=title, end_index=end, style="numbered"))
        k += 1
        i = end + 1
    _mark_groups(out)
    return out


def _find_headings(lines: list[Line], toc_indices: set[int], toc: dict[str, str], body_size: float | None) -> list[Heading]:
    headings: list[Heading] = []
    last: tuple[int, ...] | None = None
    # the number of a numbered body line just passed over ("1. Høringssvar" under "Bilag"): the
    # next line, in the same paragraph, continuing its count belongs to that list, not the agenda
    list_number: tuple[int, ...] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        if i in toc_indices:
            i += 1
            continue
        continues_list, list_number = list_number, None
        punkt = PUNKT.match(text)
        numbered = None if punkt else NUMBERED.match(text) or BARE_NUMBER.match(text)
        m = punkt or numbered
        if not m or not _looks_emphasised(line, body_size):
            i += 1
            continue
        number = m.group("num").rstrip(".")
        cand = _num_tuple(number)
        title = ACCESS_MARK.sub("", re.sub(r"\s+", " ", m.group("title").replace("\t", " ")).strip())
        end = i
        if (punkt or numbered) and not title:
            # "Punkt 3." or "3." with the title on the next line(s)
            j = i + 1
            while j < len(lines) and section_kind(lines[j].text) is None and not lines[j].bullet:
                title = f"{title} {lines[j].text}".strip() if title else lines[j].text.strip()
                end = j
                if j + 1 >= len(lines) or lines[j + 1].para_start or (toc.get(number) or "") == title:
                    break
                j += 1
        if not _plausible_title(title, numbered=bool(numbered)):
            i += 1
            continue
        in_toc = number in toc
        # numbering only moves forward: a repeated or smaller number is a list in the body
        ordered = last is None or cand > last
        if toc:
            # a contents list read short (an entry it could not parse) does not drop the headings
            # after it: in a PDF, a bold or larger "3." right after item 2 is item 3
            accept = ordered and (in_toc or ((punkt is not None or body_size is not None) and _is_successor(last, cand)))
        else:
            accept = _is_successor(last, cand) or (punkt is not None and ordered) \
                or (last is None and _next_number_follows(lines, i + 1, cand, body_size)) \
                or (ordered and continues_list is None and _small_gap(last, cand)
                    and (_next_number_follows(lines, i + 1, cand, body_size) or _section_follows(lines, i + 1)))
        if continues_list is not None and not line.para_start and cand[:-1] == continues_list[:-1] \
                and cand[-1] == continues_list[-1] + 1:
            accept = False
        if not accept:
            list_number = cand
            i += 1
            continue
        title, end = _complete_title(lines, end, title, toc.get(number), body_size)
        headings.append(Heading(index=i, number=number, title=title, end_index=end, style="punkt" if punkt else "numbered"))
        last = cand
        i = end + 1
    _mark_groups(headings)
    return headings


def _small_gap(last: tuple[int, ...] | None, cand: tuple[int, ...]) -> bool:
    """1, 2, 5: public minutes leave out closed items, so the numbering may skip a few."""
    return last is not None and len(cand) == len(last) and cand[:-1] == last[:-1] and 1 < cand[-1] - last[-1] <= 10


def _section_follows(lines: list[Line], start: int) -> bool:
    """A section heading ("Beslutning:") comes within a few lines, before any other numbered line."""
    for line in lines[start:start + 6]:
        text = line.text.strip()
        if section_kind(text) or INLINE_SECTION.match(text) or MARGIN_SECTION.match(text):
            return True
        if NUMBERED.match(text) or PUNKT.match(text):
            return False
    return False


def _next_number_follows(lines: list[Line], start: int, cand: tuple[int, ...], body_size: float | None) -> bool:
    """A first item numbered on from earlier meetings ("145. Godkendelse af dagsorden") counts
    when the next number ("146. …") follows later as a heading too."""
    if len(cand) != 1:
        return False
    for line in lines[start:]:
        text = line.text.strip()
        m = PUNKT.match(text) or NUMBERED.match(text)
        if m and _looks_emphasised(line, body_size) and m.group("num").rstrip(".") == str(cand[0] + 1) \
                and _plausible_title(m.group("title").strip(), numbered=True):
            return True
    return False


# Headings of these kinds are never an item's title ("2. Indstilling" is a numbered section); an
# item may be called "Orientering", "Kommunikation" or "Økonomi" (kinds "orientering", "other").
SECTION_ONLY_KINDS = frozenset({"referat", "indstilling", "sagsfremstilling", "resume", "baggrund", "bilag", "bemaerkninger"})


def _plausible_title(title: str, numbered: bool) -> bool:
    """Titles are short and, after a bare number, capitalised and not a date ("1. december")."""
    if not title or len(title.split()) > MAX_TITLE_WORDS or section_kind(title) in SECTION_ONLY_KINDS:
        return False
    if numbered:
        first = title.split()[0].strip(".,:").lower()
        if first in MONTHS or not (title[0].isupper() or title[0] in "\"'«„“("):
            return False
    return True


def _complete_title(lines: list[Line], end: int, title: str, toc_title: str | None, body_size: float | None) -> tuple[str, int]:
    """A long title wraps onto the next lines: the table of contents says so, or the next line
    is set in the same heading font."""
    for _ in range(3):
        joined, nxt = _title_continuation(lines, end, title, toc_title, body_size)
        if nxt == end:
            break
        title, end = joined, nxt
    return title, end


def _title_continuation(lines: list[Line], end: int, title: str, toc_title: str | None, body_size: float | None) -> tuple[str, int]:
    nxt = end + 1
    if nxt >= len(lines) or section_kind(lines[nxt].text) or PRESENTER_LINE.match(lines[nxt].text):
        return title, end
    cont = lines[nxt].text.strip()
    joined = f"{title} {cont}"
    if toc_title and len(toc_title) > len(title) and _squash(toc_title).startswith(_squash(joined)[: len(_squash(toc_title))]):
        return joined, nxt
    same_font = (body_size is not None and lines[nxt].size is not None and lines[nxt].bold
                 and lines[end].bold and abs((lines[nxt].size or 0) - (lines[end].size or 0)) < 0.3)
    if same_font and not lines[nxt].para_start and not NUMBERED.match(cont):
        return joined, nxt
    return title, end


def _squash(s: str) -> str:
    return re.sub(r"\W+", "", s).casefold()


def _mark_groups(headings: list[Heading]) -> None:
    numbers = [h.number for h in headings]
    for h in headings:
        prefix = h.number + "."
        h.children = [n for n in numbers if n.startswith(prefix)]


def category_of(title: str) -> str | None:
    for pattern, category in CATEGORY_PATTERNS:
        if pattern.search(title):
            return category
    return None


@dataclass
class SectionHit:
    index: int
    kind: str
    heading: str
    inline_rest: str | None = None


def find_sections(lines: list[Line], start: int, stop: int) -> list[SectionHit]:
    hits = []
    for i in range(start, stop):
        text = lines[i].text.strip()
        kind = section_kind(text)
        if kind:
            hits.append(SectionHit(i, kind, text.replace("\t", " ")))
            continue
        m = MARGIN_SECTION.match(text)
        if m and section_kind(m.group("head")):
            hits.append(SectionHit(i, section_kind(m.group("head")), m.group("head").strip(), m.group("rest")))
            continue
        m = INLINE_SECTION.match(text.replace("\t", " "))
        if m:
            kind = section_kind(m.group("head"))
            if kind:
                hits.append(SectionHit(i, kind, m.group("head") + ":", m.group("rest")))
    return hits
