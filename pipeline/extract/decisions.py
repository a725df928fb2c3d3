"""Decisions: one row per resolution sentence/bullet in an item's outcome section (Referat/Beslutning)."""

from __future__ import annotations

import re

from ..models import Decision
from .common import clean, sentences_of
from .patterns import AT_POINT, DECISION_PATTERNS, MINORITY_PATTERNS

OUTCOME_KINDS = frozenset({"referat"})
# "Udvalget besluttede:" / "Udvalget anbefaler byrådet," followed by "• at …" / "1. at …" points:
# each point is a resolution of the lead-in's kind
LEAD_IN_END = re.compile(r"[:,]\s*$")


def classify(sentence: str) -> str | None:
    """The decision kind of a sentence, or None when it records no resolution.

    Every row of DECISION_PATTERNS is tried; the match that starts first wins, ties go to the
    earlier row. Discussion-only sentences ("DASSOS drøftede ...") match no row and give None.
    """
    if any(rx.search(sentence) for _, rx in MINORITY_PATTERNS):
        return None  # a minority's statement, not the body's resolution
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
            sentences = sentences_of(section)
            lead_kind: str | None = None  # "Udvalget besluttede:" over its points
            for n, sent in enumerate(sentences):
                is_point = sent.local in section._point_starts and AT_POINT.match(sent.text)
                own = classify(sent.text)
                # a point under "anbefaler," is recommended whatever it recommends; under
                # "besluttede:" its own verb says more ("at udsætte …": postponed)
                kind = (lead_kind if lead_kind == "recommended" else own or lead_kind) if is_point else own
                if not is_point:
                    lead_kind = kind if LEAD_IN_END.search(sent.text) else None
                    if lead_kind and n + 1 < len(sentences) and sentences[n + 1].local in section._point_starts:
                        continue  # the lead-in resolves nothing by itself: its points are the decisions
                if kind is None:
                    continue
                text = clean(sent.text)
                out.append(Decision(
                    item_number=item.number, text=text, kind=kind, section=section.kind,
                    sentence=text, span=structure.span(sent.start, sent.end),
                ))
    return out
