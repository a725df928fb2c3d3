"""Small helpers shared by the extractors: sentences of a section, page lookup, clean text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..models import Section, Span
from ..sentences import split_sentences

MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def clean(text: str) -> str:
    """Whitespace collapsed, markdown links reduced to their text, trailing spaces removed."""
    return re.sub(r"\s+", " ", MD_LINK.sub(r"\1", text)).strip()


@dataclass
class Sentence:
    start: int  # absolute offsets into structure.text
    end: int
    text: str   # whitespace collapsed
    raw: str    # structure.text[start:end]
    local: int  # offset of the sentence inside its section text


def sentences_of(section: Section) -> list[Sentence]:
    base = section.span.char_start
    out = []
    for s, e, sent in split_sentences(section.text, base):
        out.append(Sentence(s, e, sent, section.text[s - base:e - base], s - base))
    return out


class PageFinder:
    """Absolute text offset -> 1-based page, from the structure's lines."""

    def __init__(self, structure) -> None:
        lines = [ln for ln in getattr(structure, "lines", []) or [] if getattr(ln, "start", -1) >= 0]
        self._starts = [ln.start for ln in lines]
        self._pages = [ln.page for ln in lines]

    def span(self, start: int, end: int, fallback: int | None) -> Span:
        page = fallback
        if self._starts:
            i = bisect.bisect_right(self._starts, start) - 1
            if i >= 0:
                page = self._pages[i]
        return Span(page=page, char_start=start, char_end=end)
