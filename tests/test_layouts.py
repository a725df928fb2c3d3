"""Layouts other than the bundled samples: agenda-system exports with access marks, labelled
times on separate lines, dash titles and short participant lists."""

from __future__ import annotations

import datetime as dt

from pipeline.cleaning import clean_pages
from pipeline.reading import read_text
from pipeline.structure import build_structure

ACADRE_LIKE = """Referat - Økonomiudvalget

Mødedato: 12. marts 2024
Mødetidspunkt: 17:00 - 19:30
Mødested: Byrådssalen, Rådhuset

Medlemmer: Anders Jensen, Birgitte Holm, Carsten Nielsen
Fraværende: Dorthe Madsen

1. (Åben) Godkendelse af dagsorden
Beslutning i Økonomiudvalget den 12. marts 2024
Godkendt.

2. (Lukket) Salg af grund
Indstilling (Åben)
Direktionen indstiller, at salget godkendes.
Beslutning (Åben)
Indstillingen blev godkendt.

Åbent punkt 3: Eventuelt
Beslutning:
Intet.
"""


def _structure(text: str):
    lines, _ = clean_pages(read_text(text.encode("utf-8")), positioned=False)
    return build_structure(lines, "test")


def test_labelled_front_page_and_access_marks():
    s = _structure(ACADRE_LIKE)
    m = s.meeting
    assert (m.body, m.date, m.start_time, m.end_time, m.location) == (
        "Økonomiudvalget", dt.date(2024, 3, 12), "17:00", "19:30", "Byrådssalen, Rådhuset")
    assert [(a.name, a.status) for a in s.attendees] == [
        ("Anders Jensen", "present"), ("Birgitte Holm", "present"), ("Carsten Nielsen", "present"), ("Dorthe Madsen", "absent")]
    assert [(i.number, i.title) for i in s.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Salg af grund"), ("3", "Eventuelt")]
    item2 = s.items[1]
    assert [(x.kind, x.text) for x in item2.sections] == [
        ("indstilling", "Direktionen indstiller, at salget godkendes."), ("referat", "Indstillingen blev godkendt.")]
    assert s.items[0].sections[0].kind == "referat"  # "Beslutning i Økonomiudvalget den …"


def test_two_name_list_with_absence_mark():
    s = _structure("Byrådet 12-03-2024\nDeltagere: Anders Jensen, Birgitte Holm (afbud)\n\n"
                   "Punkt 1: Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n")
    assert s.meeting.body == "Byrådet"
    assert [(a.name, a.status) for a in s.attendees] == [("Anders Jensen", "present"), ("Birgitte Holm", "absent")]
    assert [(i.number, i.title) for i in s.items] == [("1", "Godkendelse af dagsorden")]


def test_inline_decision_heading():
    s = _structure("Punkt 1: Godkendelse af referat\nBeslutning: Referatet blev godkendt.\n\n"
                   "Punkt 2: Budget 2025\nBeslutning: Sagen blev udsat til næste møde.\n")
    assert [x.text for i in s.items for x in i.sections] == ["Referatet blev godkendt.", "Sagen blev udsat til næste møde."]
    assert s.items[1].sections[0].span.char_start == s.text.index("Sagen blev udsat")
