"""Meeting metadata, attendees and agenda items from the real sample minutes (PDF and text)."""

from __future__ import annotations

import datetime as dt

import pytest

PAIRS = ["000_6712d68b0034b11f", "002_3388be411b985e9f", "004_bb815edab3661743"]
SUFFIXES = [".pdf", ".txt"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_meeting_metadata(records, suffix):
    m = records[f"000_6712d68b0034b11f{suffix}"].meeting
    assert (m.body, m.date, m.start_time, m.end_time) == ("DASSOS", dt.date(2021, 5, 4), "09:00", "12:00")
    assert m.location == "Virtuelt møde via Teams"
    m = records[f"002_3388be411b985e9f{suffix}"].meeting
    assert (m.body, m.date, m.start_time, m.end_time) == ("DASSOS", dt.date(2021, 11, 25), "09:00", "12:00")
    assert m.location.startswith("Viborg Rådhus") and "Lokale M5" in m.location
    m = records[f"004_bb815edab3661743{suffix}"].meeting
    assert (m.body, m.date, m.start_time, m.end_time, m.location) == ("DAS Social", dt.date(2022, 1, 28), "11:00", "12:20", "Teams")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_flattened_two_column_participants_are_paired(records, suffix):
    # 000: names listed first and organisations after them in the same order (text), a table (PDF)
    att = {a.name: a for a in records[f"000_6712d68b0034b11f{suffix}"].attendees}
    assert len(att) == 25
    assert (att["Jesper Thyrring Møller"].organization, att["Jesper Thyrring Møller"].role) == ("Struer Kommune", "formand")
    assert att["Kenneth Koed Nielsen"].organization == "Norrdjurs Kommune"  # as printed, not corrected
    assert (att["Bjarne Hansen"].organization, att["Bjarne Hansen"].role) == ("Viborg Kommune", "formand for takstgruppen")
    assert att["Maria Eeg Smidt"].organization.replace("social- og", "socialog") in (
        "Fælleskommunalt socialog sundhedssekretariat",)
    assert (att["Karen Heebøl"].organization, att["Karen Heebøl"].status) == ("Ikast-Brandø Kommune", "absent")
    assert sum(a.status == "absent" for a in att.values()) == 2


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_name_tab_organisation_rows(records, suffix):
    att = {a.name: a for a in records[f"002_3388be411b985e9f{suffix}"].attendees}
    assert len(att) == 25
    # the PDF wraps "Struer Kommune" of the first row and puts the second row beside it
    assert att["Jesper Thyrring Møller"].organization == "Struer Kommune"
    assert att["Kirsten Bundgaard"].organization == "Herning Kommune"
    assert att["Henrik Juul Kjær"].organization == "Ringkøbing-Skjern Kommune"
    absent = sorted(a.name for a in att.values() if a.status == "absent")
    assert absent == sorted(["Ann-Britt Wetche", "Anette Holm", "Dorthe Lykke Jensen", "Karen Heebøl", "Lauge Clemmensen"])


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_comma_separated_participants_with_absence_marks(records, suffix):
    att = {a.name: a for a in records[f"004_bb815edab3661743{suffix}"].attendees}
    assert len(att) == 17
    assert att["Vibeke Stoustrup"].status == "absent"
    assert att["Hans Chr. Mariegaard"].status == "absent"
    assert att["Søren Aalund"].status == "present"
    assert "csni@rebuild.dk" in att  # an external participant given only by e-mail
    assert all(a.organization is None for a in att.values())


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_items_grouped_under_category_headings(records, suffix):
    items = records[f"002_3388be411b985e9f{suffix}"].items
    assert [i.number for i in items] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "3.1", "3.2", "4"]
    cats = {i.number: i.category for i in items}
    assert (cats["1.1"], cats["2.2"], cats["3.2"], cats["4"]) == ("beslutning", "orientering", "kommende", "dialog")
    titles = {i.number: i.title for i in items}
    assert titles["2.2"] == "Status på modernisering af takstfilen"  # printed "2.2." in the body
    assert titles["1.4"] == "Kapacitet på sikrede institutioner – forespørgsel fra KL’s Koordinationsforum"
    presenters = {i.number: i.presenters for i in items}
    assert presenters["1.1"] == ["Lotte Henriksen", "Henrik Andreas Jensen", "Rikke Holm Bramsen"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_punkt_items_with_title_on_next_line(records, suffix):
    items = records[f"004_bb815edab3661743{suffix}"].items
    assert [i.number for i in items] == [str(n) for n in range(1, 11)]
    assert items[0].title == "Godkendelse af dagsorden"
    assert items[3].title == "Emner for Nordjysk Socialaftale 2023-2024"
    assert all(i.category is None for i in items)
    # numbered lines inside the body ("1. december 2022 …", "1. …" lists) are not items
    assert len({i.item_id for i in items}) == 10


def test_sections_with_offsets_and_pages(records):
    rec = records["004_bb815edab3661743.pdf"]
    item3 = next(i for i in rec.items if i.number == "3")
    kinds = [s.kind for s in item3.sections]
    assert kinds[:3] == ["resume", "indstilling", "referat"]
    referat = item3.sections[2]
    assert referat.heading == "Beslutning:"
    assert referat.text.startswith("Årshjulet godkendes")
    assert rec.text[referat.span.char_start:referat.span.char_end] == referat.text
    assert referat.span.page == 2


def test_pdf_and_text_give_the_same_structure(records):
    for stem in PAIRS:
        pdf, txt = records[f"{stem}.pdf"], records[f"{stem}.txt"]
        assert [(i.number, i.title, i.category) for i in pdf.items] == [(i.number, i.title, i.category) for i in txt.items]
        assert [(a.name, a.status) for a in pdf.attendees] == [(a.name, a.status) for a in txt.attendees]


def test_document_without_front_page_still_yields_items(tmp_path):
    from pipeline.process import PipelineConfig, process_path
    from tests.conftest import RAW, TEXT

    text = (TEXT / "004_bb815edab3661743.txt").read_text(encoding="utf-8")
    body_only = text[text.index("Punkt 1.\n"):]
    path = tmp_path / "uden_forside.txt"
    path.write_text(body_only, encoding="utf-8")
    rec = process_path(str(path), PipelineConfig(ner="rules"))
    assert [i.number for i in rec.items][:3] == ["1", "2", "3"]
    assert rec.attendees == []


@pytest.mark.parametrize("stem", PAIRS)
def test_fast_and_pdfplumber_readers_give_the_same_structure(records, stem):
    from pipeline.process import PipelineConfig, process_path
    from tests.conftest import RAW, TEXT

    slow = process_path(str(RAW / f"{stem}.pdf"), PipelineConfig(ner="rules", pdf_reader="pdfplumber"))
    fast = records[f"{stem}.pdf"]
    assert slow.text == fast.text
    assert slow.meeting == fast.meeting
    assert [(i.number, i.title, i.category, [s.kind for s in i.sections]) for i in slow.items] == \
        [(i.number, i.title, i.category, [s.kind for s in i.sections]) for i in fast.items]
    assert slow.attendees == fast.attendees
    assert [(d.item_number, d.kind, d.text) for d in slow.decisions] == [(d.item_number, d.kind, d.text) for d in fast.decisions]


@pytest.mark.parametrize(("heading", "kind"), [
    ("Beslutning", "referat"), ("Byrådets beslutning den 24-04-2024", "referat"),
    ("Beslutning i Økonomiudvalget den 04-03-2024", "referat"), ("Referat og opfølgning", "referat"),
    ("Økonomiudvalgets indstilling den 8. april 2024", "indstilling"), ("Forslag til beslutning", "indstilling"),
    ("Sagsfremstilling og vurdering", "sagsfremstilling"), ("Beskrivelse", "sagsfremstilling"),
    ("Sagens baggrund", "baggrund"), ("Vedlagte bilag", "bilag"), ("Bilag:", "bilag"),
    ("Beslutning (Åben)", "referat"), ("Bevillingsmæssige konsekvenser", "other"),
    ("Indstilling og beslutning", "referat"), ("Drøftelse og beslutning", "referat"), ("Konklusioner", "referat"),
    ("Beslutningsforslag", "indstilling"),
    ("Beslutning Økonomiudvalget den 12.03.2024", "referat"), ("Tilføjelse til referatet", "referat"), ("Aftaler", "referat"),
    ("Beslutning om salg af grunden", None), ("Beslutning Udvalget tog orienteringen til efterretning.", None),
    ("Status", None), ("Høringssvar", None), ("Beskrivelse af projektet", None),  # also item titles
])
def test_section_headings(heading, kind):
    from pipeline.structure.items import section_kind

    assert section_kind(heading) == kind


@pytest.mark.parametrize(("line", "presenters"), [
    ("Ved Jens Hansen og Lise Berg", ["Jens Hansen", "Lise Berg"]),
    ("Ved: Jens Hansen, Aarhus Kommune", ["Jens Hansen"]),
    ("v/ Jens Hansen", ["Jens Hansen"]),
    ("Oplægsholdere: chefkonsulent Lise Berg og Jens Hansen", ["Lise Berg", "Jens Hansen"]),
    ("Ved direktør Jens Hansen (15 min.)", ["Jens Hansen"]),
    ("Vedtægter for rådet", []),  # no "Ved" line
])
def test_presenter_lines(line, presenters):
    from pipeline.cleaning import clean_pages
    from pipeline.reading import read_text
    from pipeline.structure import build_structure

    text = (f"Referat\nByrådet\nDato: 3. april 2024\n\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n\n"
            f"2. Status på projektet\n{line}\nSagsfremstilling\nTekst.\nBeslutning:\nTaget til efterretning.\n")
    lines, _ = clean_pages(read_text(text.encode()), positioned=False)
    assert build_structure(lines, "x").items[1].presenters == presenters
