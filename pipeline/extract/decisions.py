"""Decisions: one row per resolution sentence/bullet in an item's outcome section (Referat/Beslutning)."""

from __future__ import annotations

from ..models import Decision
from .common import clean, sentences_of
from .patterns import DECISION_PATTERNS

OUTCOME_KINDS = frozenset({"referat"})


def classify(sentence: str) -> str | None:
    """The decision kind of a sentence, or None when it records no resolution.

    Every row of DECISION_PATTERNS is tried; the match that starts first wins, ties go to the
    earlier row. Discussion-only sentences ("DASSOS drøftede ...") match no row and give None.
    """
    best: tuple[int, int, str] | None = None
    for rank, (kind, rx) in enumerate(DECISION_PATTERNS):
        m = rx.search(sentence)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, kind)
    return best[2] if best else None


def find_decisions(structure) -> list[Decision]:
    out: list[Decision] = []
    for item in structure.items:
        for section in item.sections:
            if section.kind not in OUTCOME_KINDS:
                continue
            for sent in sentences_of(section):
                kind = classify(sent.text)
                if kind is None:
                    continue
                text = clean(sent.text)
                out.append(Decision(
                    item_number=item.number, text=text, kind=kind, section=section.kind,
                    sentence=text, span=structure.span(sent.start, sent.end),
                ))
    return out
