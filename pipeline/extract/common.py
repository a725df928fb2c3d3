"""Small helpers shared by the extractors: sentences of a section, clean text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Section
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
    for s, e, sent in split_sentences(section.text, base, section._point_starts):
        out.append(Sentence(s, e, sent, section.text[s - base:e - base], s - base))
    return out
