"""Layouts other than the bundled samples: agenda-system exports with access marks, labelled
times on separate lines, dash titles, short participant lists, a council's minutes with titles
and party letters around the names, a regional committee, a regional council protocol with a
signature line, steering-group minutes with bullets, an agenda list with "Ad N." headings,
running item numbers, front-page variants, decision protocols, a follow-up table, and synthetic
PDFs (participant table with a role column, running header and footer, case numbers, minutes
printed as one table, labels in a margin column beside justified text, a follow-up table, item
headings in the body font, text layers that are no text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

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


BYRAAD_LIKE = """Referat

Byrådet, Silkeborg Kommune
Mødedato: Mandag den 18. marts 2024 kl. 17.00
Mødested: Byrådssalen, Søvej 1, 8600 Silkeborg

Deltagere:
Borgmester Hanne Kjær (A)
Søren Vestergaard (V)
Anne-Mette Lund Kristensen (C)
Lars Christian Bech, 1. viceborgmester (V)
Direktør Mette Frost, Midttrafik
Børne- og ungedirektør Bo Ek

Fraværende:
Jens Erik Madsen (Ø), afbud

1. Godkendelse af dagsorden
Beslutning
Dagsordenen blev godkendt.

2. Samarbejde med Viborg og Herning kommuner om busdrift
Sagsfremstilling
Silkeborg, Viborg og Herning Kommuner har siden 1.1.2023 samarbejdet med Midttrafik og Region Midt om busdrift.
Beslutning
Indstillingen blev godkendt. Søren Vestergaard tog forbehold.

3. Eventuelt
Beslutning
Hanne Kjær orienterede om mødet med Aarhus' borgmester den 4/4-2024. Næste møde afholdes 22.4.24 i Ry.
"""


def test_council_layout_titles_party_letters_and_absence_after_the_name():
    s = _structure(BYRAAD_LIKE)
    assert (s.meeting.body, s.meeting.date, s.meeting.start_time) == ("Byrådet", dt.date(2024, 3, 18), "17:00")
    assert [(a.name, a.organization, a.role, a.status) for a in s.attendees] == [
        ("Hanne Kjær", None, "Borgmester", "present"),  # title before the name is the role
        ("Søren Vestergaard", None, None, "present"),   # party letters are neither role nor organisation
        ("Anne-Mette Lund Kristensen", None, None, "present"),
        ("Lars Christian Bech", None, "1. viceborgmester", "present"),
        ("Mette Frost", "Midttrafik", "Direktør", "present"),
        ("Bo Ek", None, "Børne- og ungedirektør", "present"),
        ("Jens Erik Madsen", None, None, "absent"),
    ]


def test_council_layout_entities_end_to_end():
    from pipeline.process import PipelineConfig, process_bytes

    record = process_bytes(BYRAAD_LIKE.encode("utf-8"), "byraad.txt", PipelineConfig(ner="rules"))
    municipalities = {(e.text, e.normalized) for e in record.entities if e.label == "MUNICIPALITY"}
    assert municipalities == {
        ("Silkeborg Kommune", "Silkeborg Kommune"), ("Silkeborg", "Silkeborg Kommune"), ("Viborg", "Viborg Kommune"),
        ("Herning", "Herning Kommune"), ("Region Midt", "Region Midtjylland"),
        ("Aarhus'", "Aarhus Kommune"),  # a genitive before a municipal office ("Aarhus' borgmester")
    }
    # a town in an address and a town that is no municipality are not mentions
    assert not {t for t, _ in municipalities} & {"Ry", "8600 Silkeborg"}
    persons = {e.normalized for e in record.entities if e.label == "PERSON"}
    assert persons == {"Hanne Kjær", "Søren Vestergaard", "Anne-Mette Lund Kristensen", "Lars Christian Bech",
                       "Mette Frost", "Bo Ek", "Jens Erik Madsen"}
    assert not any(p.startswith("Borgmester") for p in persons)
    dates = {e.normalized for e in record.entities if e.label == "DATE"}
    assert {"2024-03-18", "2023-01-01", "2024-04-04", "2024-04-22"} <= dates


REGION_LIKE = """Region Nordjylland
Referat
Udvalg for Social og Handicap

Mødedato: Torsdag, 7. september 2023
Mødetidspunkt: 13:00 - 15:30
Mødested: Niels Bohrs Vej 30, 9220 Aalborg Øst, mødelokale 1

Medlemmer:
Ulla Astman (A), formand
Per Ramsgaard (V), næstformand
Jens Toft-Nielsen (C)

Afbud:
Per Ramsgaard

Indholdsfortegnelse
1. Godkendelse af dagsorden 2
2. Budgetopfølgning 2023 2
3. Høring om rammeaftale 2024 for DAS Social 3

1. Godkendelse af dagsorden
Beslutning
Dagsordenen blev godkendt.

2. Budgetopfølgning 2023
Indstilling
Administrationen indstiller, at udvalget tager budgetopfølgningen til efterretning.
Beslutning
Udvalget tog budgetopfølgningen til efterretning.

3. Høring om rammeaftale 2024 for DAS Social
Høring
Hjørring, Brønderslev og Jammerbugt Kommuner har afgivet høringssvar. Høringsfristen er fredag den 29. september 2023 kl. 12.
Beslutning
Anbefales.
"""


def test_committee_for_layout_absence_list_repeats_a_member_and_section_words_in_titles():
    s = _structure(REGION_LIKE)
    assert s.meeting.body == "Udvalg for Social og Handicap"  # "Udvalg for …" names the body too
    # listed as a member and again under "Afbud:": one attendee, absent, with the role printed first
    assert [(a.name, a.role, a.status) for a in s.attendees] == [
        ("Ulla Astman", "formand", "present"), ("Per Ramsgaard", "næstformand", "absent"),
        ("Jens Toft-Nielsen", None, "present")]
    # a title that starts with a section word ("Høring om …") is still an item; "Høring" alone is a section
    assert [i.title for i in s.items] == [
        "Godkendelse af dagsorden", "Budgetopfølgning 2023", "Høring om rammeaftale 2024 for DAS Social"]
    assert [x.kind for x in s.items[2].sections] == ["other", "referat"]


def test_a_street_named_after_a_person_is_no_person():
    from pipeline.process import PipelineConfig, process_bytes

    record = process_bytes(REGION_LIKE.encode("utf-8"), "region.txt", PipelineConfig(ner="bundled"))
    persons = {e.normalized for e in record.entities if e.label == "PERSON"}
    assert persons == {"Ulla Astman", "Per Ramsgaard", "Jens Toft-Nielsen"}
    municipalities = {e.normalized for e in record.entities if e.label == "MUNICIPALITY"}
    assert municipalities == {"Region Nordjylland", "Hjørring Kommune", "Brønderslev Kommune", "Jammerbugt Kommune"}


AD_PUNKT_LIKE = """Referat fra møde i Styregruppen for Sundhedsaftalen, den 14. juni 2022, kl. 13.00-15.00

Sted: Regionshuset Viborg, Skottenborg 26, mødelokale F7

Deltagere: Jens Hansen (Favrskov Kommune), Lise Mortensen (Region Midtjylland), Peter Kjær (Syddjurs Kommune, formand)
Afbud: Mette Holm (Odder Kommune)

Dagsorden
1. Godkendelse af referat fra mødet 3. maj 2022
2. Status på implementering
3. Eventuelt

Ad 1. Godkendelse af referat fra mødet 3. maj 2022
Referatet blev godkendt uden bemærkninger.

Ad 2. Status på implementering af sundhedsaftalen
Lise Mortensen gav en status.
Det blev aftalt, at Jens Hansen udarbejder et oplæg til næste møde.
Kommunerne bedes melde tilbage til sekretariatet senest 1. juli.

Ad 3. Eventuelt
Intet.
"""


def test_agenda_list_then_ad_headings_with_the_outcome_under_each_heading():
    from pipeline.process import PipelineConfig, process_bytes

    record = process_bytes(AD_PUNKT_LIKE.encode("utf-8"), "styregruppe.txt", PipelineConfig(ner="rules"))
    m = record.meeting
    assert (m.body, m.date, m.start_time, m.end_time) == ("Styregruppen for Sundhedsaftalen", dt.date(2022, 6, 14), "13:00", "15:00")
    assert [(a.name, a.organization, a.role, a.status) for a in record.attendees] == [
        ("Jens Hansen", "Favrskov Kommune", None, "present"), ("Lise Mortensen", "Region Midtjylland", None, "present"),
        ("Peter Kjær", "Syddjurs Kommune", "formand", "present"), ("Mette Holm", "Odder Kommune", None, "absent")]
    # the agenda list is a table of contents; the items are the "Ad N." headings, titled as printed there
    assert [(i.number, i.title) for i in record.items] == [
        ("1", "Godkendelse af referat fra mødet 3. maj 2022"), ("2", "Status på implementering af sundhedsaftalen"),
        ("3", "Eventuelt")]
    # no section headings: in minutes the text under an item heading is its outcome
    assert [[(x.kind, x.heading) for x in i.sections] for i in record.items] == [[("referat", "")]] * 3
    assert [(d.item_number, d.kind) for d in record.decisions] == [("1", "approved"), ("2", "agreed")]
    assert [(d.item_number, d.due_date, d.section) for d in record.deadlines] == [("2", dt.date(2022, 7, 1), "referat")]
    assert [(a.item_number, a.owner) for a in record.action_items] == [("2", "Jens Hansen"), ("2", "Kommunerne")]


def test_numbered_list_inside_an_item_is_no_table_of_contents():
    s = _structure("Referat\nDeltagere: Anders Jensen, Birgitte Holm\n\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n\n"
                   "2. Budget\nBeslutning:\nUdvalget besluttede:\n1. Taksten hæves\n2. Vikarbudgettet sænkes\n\n3. Eventuelt\nBeslutning:\nIntet.\n")
    assert [(i.number, i.title) for i in s.items] == [("1", "Godkendelse af dagsorden"), ("2", "Budget"), ("3", "Eventuelt")]


# Synthetic PDFs of two more layouts (tests/fixtures/layouts/make_pdfs.py wrote them), read through
# the real PDF path with both readers.
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "layouts"


def _pdf_record(name: str, reader: str):
    from pipeline.process import PipelineConfig, process_path

    record = process_path(str(FIXTURES / name), PipelineConfig(ner="rules", pdf_reader=reader))
    assert type(record).__name__ == "DocumentRecord", getattr(record, "reason", record)
    return record


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_kkr_pdf_participant_table_with_header_row_and_role_column(reader):
    r = _pdf_record("kkr.pdf", reader)
    m = r.meeting
    # body from a running header's fields, the time and place on the line under the title's date
    assert (m.body, m.date, m.start_time, m.end_time, m.location) == (
        "KKR Midtjylland", dt.date(2024, 2, 22), "10:00", "12:30", "Hotel Scandic, Silkeborg")
    assert [(a.name, a.organization, a.role, a.status) for a in r.attendees] == [
        ("Anders G. Christensen", "Silkeborg Kommune", "Formand", "present"),
        ("Hans Ejner Bertelsen", "Ikast-Brande Kommune", "Næstformand", "present"),
        ("Kasper Glyngø", "Randers Kommune", None, "present"),
        ("Henrik Qvist", "Skive Kommune", None, "present"),
        ("Signe Grønbæk Rasmussen", "KL", "Chefkonsulent", "present"),
        ("Jacob Bjerregaard", "Aarhus Kommune", None, "absent"),
    ]
    # a bold title wrapped over three lines is one title
    assert r.items[1].title == ("Anbringelsesområdet – fælles kommunal indsats for bedre overgange til voksenlivet "
                                "og samarbejde med Region Midtjylland")
    assert [(d.item_number, d.due_date, d.section) for d in r.deadlines] == [("2", dt.date(2024, 5, 31), "indstilling")]
    municipalities = {e.normalized for e in r.entities if e.label == "MUNICIPALITY"}
    assert {"Region Midtjylland", "Holstebro Kommune", "Lemvig Kommune", "Struer Kommune"} <= municipalities
    assert "Silkeborg Kommune" in municipalities  # from the participant table, not from the place "…, Silkeborg"
    assert not any(e.text == "Silkeborg" for e in r.entities if e.label == "MUNICIPALITY")


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_labels_in_a_margin_column_and_justified_text(reader):
    """Front-page labels, item numbers and section headings in a left margin column with the text
    beside them: "Beslutning" and "Godkendt." share a visual line. The body text is justified,
    so the spaces of a line are wide without being column gaps."""
    r = _pdf_record("margin.pdf", reader)
    assert (r.meeting.body, r.meeting.date, r.meeting.start_time, r.meeting.location) == (
        "Teknik- og Miljøudvalget", dt.date(2024, 4, 10), "16:00", "Rådhuset, mødelokale 3")
    assert [(a.name, a.role, a.status) for a in r.attendees] == [
        ("Kristian Bøgsted", "formand", "present"), ("Anne Vang", "næstformand", "present"),
        ("Mikkel Dencker", None, "absent"), ("Hanne Roed", None, "present")]
    assert [[(s.kind, s.heading) for s in i.sections] for i in r.items] == [
        [("referat", "Beslutning")],
        [("resume", "Resumé"), ("sagsfremstilling", "Sagsfremstilling"), ("indstilling", "Indstilling"),
         ("referat", "Beslutning")],
        [("sagsfremstilling", "Sagsfremstilling"), ("referat", "Beslutning")]]
    assert r.items[1].sections[0].text.startswith("Planen skal sendes")  # the heading is not in the text
    assert [(d.item_number, d.kind, d.text) for d in r.decisions] == [
        ("1", "approved", "Godkendt."), ("2", "approved", "Indstillingen blev godkendt."),
        ("3", "noted", "Udvalget tog orienteringen til efterretning.")]  # not the Indstilling's sentence
    assert [(d.item_number, d.due_date, d.section) for d in r.deadlines] == [
        ("2", dt.date(2024, 6, 14), "sagsfremstilling")]
    # "… til udvalgets møde den 26. juni 2024": the action is due at that meeting
    assert [(a.owner, a.due_date) for a in r.action_items] == [("Forvaltningen", dt.date(2024, 6, 26))]
    # a name wrapped after "Syddjurs" on a justified line is still one municipality
    assert "Syddjurs Kommune" in {e.normalized for e in r.entities if e.label == "MUNICIPALITY"}
    # a justified line's wide spaces are no column gaps: only the margin gap is a TAB
    from pipeline.reading import read_pdf, read_pdf_fast

    read = read_pdf_fast if reader == "pdfium" else read_pdf
    lines = [ln.text for page in read((FIXTURES / "margin.pdf").read_bytes()) for ln in page.lines]
    case = next(i for i, t in enumerate(lines) if t.startswith("Sagsfremstilling\tForvaltningen"))
    assert lines[case].count("\t") == 1 and "\t" not in lines[case + 1] + lines[case + 2]


@pytest.mark.parametrize("source", ["followup.txt", "followup.pdf:pdfium", "followup.pdf:pdfplumber"])
def test_follow_up_table_rows_are_action_items_with_owner_and_due_date(source):
    """"Opgave | Ansvarlig | Frist" under the outcome: each row is a task, its owner and its due
    date; in the PDF one action cell wraps onto a second line, and the sentence after the table
    is no row of it."""
    from pipeline.process import PipelineConfig, process_path

    name, _, reader = source.partition(":")
    r = process_path(str(FIXTURES / name), PipelineConfig(ner="rules", pdf_reader=reader or "pdfium"))
    rows = [(a.owner, a.action, a.due_date) for a in r.action_items]
    first_action = ("Udarbejde notat om takster og om den fremtidige finansiering af akutteamet"
                    if name.endswith(".pdf") else "Udarbejde notat om takster")
    assert rows[:3] == [
        ("Sekretariatet", first_action, dt.date(2024, 6, 1)),
        ("Camilla Lund", "Indkalde til temamøde", dt.date(2024, 9, 6)),  # "uge 36": its last working day
        ("Søren Gade Hansen", "Sende data fra Ikast-Brande", None)]
    assert not any(a.action.startswith(("følgende", "Næste møde")) for a in r.action_items)
    assert (dt.date(2024, 6, 1), "referat") in {(d.due_date, d.section) for d in r.deadlines}
    # the table is no part of the sentence before it
    assert ("2", "agreed", "Styregruppen drøftede status og aftalte følgende:") in {
        (d.item_number, d.kind, d.text) for d in r.decisions}


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_item_headings_set_in_the_body_font(reader):
    """No heading is bold or larger (the one bold line is a numbered point inside an item): the
    numbered headings are found as in a text export, and the
    body comes from the title lines, not from a dated sentence further down."""
    r = _pdf_record("plain.pdf", reader)
    assert (r.meeting.body, r.meeting.date, r.meeting.start_time) == ("Regionsrådet", dt.date(2024, 6, 24), "16:00")
    assert [(i.number, i.title) for i in r.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Budget 2025 - 1. behandling"), ("3", "Meddelelser")]
    assert [d.kind for d in r.decisions] == ["approved", "approved", "noted"]
    assert [(d.item_number, d.due_date) for d in r.deadlines] == [("2", dt.date(2024, 8, 30))]


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_minutes_printed_as_one_table_become_items_with_sections(reader):
    """Punkt | Emne | Sagsfremstilling | Beslutning og opfølgning over two pages: cells wrap in
    their columns, empty cells, the header row repeated on page 2, a sentence after the table."""
    r = _pdf_record("table.pdf", reader)
    assert (r.meeting.body, r.meeting.date, r.meeting.start_time) == (
        "Netværk for Udsatte Børn og Unge", dt.date(2024, 11, 14), "09:30")
    assert [(i.number, i.title) for i in r.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Fælles kompetenceforløb for sagsbehandlere"),
        ("3", "Høring om ny model for takster"), ("4", "Eventuelt")]
    assert [[s.kind for s in i.sections] for i in r.items] == [
        ["referat"], ["sagsfremstilling", "referat"], ["sagsfremstilling", "referat"], ["referat"]]
    item3 = r.items[2]
    outcome = item3.sections[1].text
    assert outcome.startswith("Netværket tog orienteringen til efterretning. Høringsfristen er 9. januar 2025.")
    assert "Kommunerne har i 2024" not in outcome and "Punkt" not in item3.sections[0].text  # columns kept apart
    assert item3.sections[0].span.page == 2
    assert [(d.item_number, d.kind, d.text) for d in r.decisions][:3] == [
        ("1", "approved", "Dagsordenen blev godkendt."), ("2", "approved", "Netværket godkendte oplægget."),
        ("3", "noted", "Netværket tog orienteringen til efterretning.")]
    assert [(d.item_number, d.due_date) for d in r.deadlines] == [
        ("2", dt.date(2024, 12, 1)), ("3", dt.date(2025, 1, 9))]
    assert ("2", "Mette Lindberg", dt.date(2024, 12, 1)) in {(a.item_number, a.owner, a.due_date) for a in r.action_items}


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_committee_pdf_case_numbers_are_no_dates(reader):
    r = _pdf_record("committee.pdf", reader)
    assert (r.meeting.body, r.meeting.date, r.meeting.start_time, r.meeting.end_time) == (
        "Børne- og Skoleudvalget", dt.date(2024, 4, 9), "15:00", "17:15")
    assert [(a.name, a.status) for a in r.attendees] == [
        ("Anne Marie Skovgaard", "present"), ("Thomas Hjorth", "present"), ("Helle Bundgaard Hansen", "present"),
        ("Bo Jensen", "absent")]
    assert [i.title for i in r.items] == [
        "Godkendelse af dagsorden", "Skolestruktur i Norddjurs Kommune - høring", "Kvalitetsrapport 2023", "Meddelelser"]
    dates = {e.normalized for e in r.entities if e.label == "DATE"}
    assert dates == {"2024-04-09", "2024-02-20", "2024-03-01", "2024-04-12", "2024-06-01", "2024-04-03"}  # no "17.01.00-P20-1-24"
    assert [(d.item_number, d.due_date) for d in r.deadlines] == [
        ("2", dt.date(2024, 4, 12)), ("2", dt.date(2024, 6, 1)), ("3", dt.date(2024, 6, 30))]
    assert [(a.item_number, a.owner, a.due_date) for a in r.action_items] == [("2", "Forvaltningen", dt.date(2024, 6, 1))]
    # the running header and footer are gone from the text
    assert "Side 2" not in r.text and r.text.count("Norddjurs Kommune") == 1


def test_item_numbers_running_on_from_earlier_meetings():
    s = _structure("Referat\nByrådet\nMødedato: 18. marts 2024 kl. 17.00 - 19.45\n\nDeltagere: Anders Jensen, Birgitte Holm\n\n"
                   "145. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
                   "146. Budgetopfølgning pr. 29. februar 2024\nSagsfremstilling\nTo dele:\n1. Drift\n2. Anlæg\n"
                   "Beslutning\nTaget til efterretning.\n\n147. Eventuelt\nBeslutning\nIntet.\n")
    assert s.meeting.body == "Byrådet"
    # the numbered list inside item 146 is no item
    assert [(i.number, i.title) for i in s.items] == [
        ("145", "Godkendelse af dagsorden"), ("146", "Budgetopfølgning pr. 29. februar 2024"), ("147", "Eventuelt")]
    assert [x.kind for x in s.items[1].sections] == ["sagsfremstilling", "referat"]


@pytest.mark.parametrize(("front", "expected"), [
    # "Dato:" is the meeting date when no other date is printed
    ("Referat\nSocialudvalget\nDato: 18. marts 2024\nTid: kl. 17-19\nSted: Rådhuset\n",
     ("Socialudvalget", dt.date(2024, 3, 18), "17:00", "19:00", "Rådhuset")),
    # "Møde den …" names no body; a start time without an end
    ("Ældrerådet\nMøde den 6/3 2024 kl. 10:00\nSted: Plejecenter Solgården\n",
     ("Ældrerådet", dt.date(2024, 3, 6), "10:00", None, "Plejecenter Solgården")),
    ("Beslutningsprotokol\nKommunalbestyrelsen\nTirsdag 5. marts 2024 kl. 18:00\nRådhuset, Byrådssalen\n",
     ("Kommunalbestyrelsen", dt.date(2024, 3, 5), "18:00", None, "Rådhuset, Byrådssalen")),
    ("Referat af møde i Handicaprådet\nOnsdag den 6. marts 2024, kl. 16.30-18.30\nRådhuset, mødelokale 3\n",
     ("Handicaprådet", dt.date(2024, 3, 6), "16:30", "18:30", "Rådhuset, mødelokale 3")),
    # the body from "Møde i X", "Xs møde" and a name set in capitals
    ("Møde i Ældrerådet\nDato: 3. april 2024\n", ("Ældrerådet", dt.date(2024, 4, 3), None, None, None)),
    ("Ældrerådets møde den 3. april 2024\n", ("Ældrerådet", dt.date(2024, 4, 3), None, None, None)),
    ("REFERAT\nBØRNE- OG UNGEUDVALGET\nDato: 3. april 2024\n", ("Børne- og Ungeudvalget", dt.date(2024, 4, 3), None, None, None)),
    # combined labels and bare hours after a time label
    ("Referat\nHandicaprådet\nDato og tid: 5. marts 2024, kl. 15-17\nSted: Rådhuset\n",
     ("Handicaprådet", dt.date(2024, 3, 5), "15:00", "17:00", "Rådhuset")),
    ("Referat\nHandicaprådet\nMødedato: 05.03.2024\nMødetid: 15:00-17:00\nMødested: Rådhuset\n",
     ("Handicaprådet", dt.date(2024, 3, 5), "15:00", "17:00", "Rådhuset")),
    ("Handicaprådet\nReferat fra mødet tirsdag d. 5. mar. 2024\nTidspunkt: 15-17\nSted: Rådhuset, lokale 2\n",
     ("Handicaprådet", dt.date(2024, 3, 5), "15:00", "17:00", "Rådhuset, lokale 2")),
    ("Referat af møde i Handicaprådet afholdt den 5. marts 2024 kl. 15.00-17.00 på Rådhuset\n",
     ("Handicaprådet", dt.date(2024, 3, 5), "15:00", "17:00", "Rådhuset")),
    # evening hours: "kl. 20" is 20:00, not 2 o'clock
    ("Referat\nByrådet\nDato: 18. marts 2024\nTid: kl. 19.00-21.30\nSted: Byrådssalen\n",
     ("Byrådet", dt.date(2024, 3, 18), "19:00", "21:30", "Byrådssalen")),
    ("Referat\nByrådet\nDato: 18. marts 2024 kl. 20\nSted: Byrådssalen\n",
     ("Byrådet", dt.date(2024, 3, 18), "20:00", None, "Byrådssalen")),
    # an agenda system's start and end fields; whole hours to a time with minutes
    ("Referat\nSocialudvalget\nMødested: Byrådssalen\nMødedato: 10-04-2024\nStarttidspunkt for møde: 16:00\n"
     "Sluttidspunkt for møde: 18:30\n", ("Socialudvalget", dt.date(2024, 4, 10), "16:00", "18:30", "Byrådssalen")),
    ("Referat\nSocialudvalget\nDato: 10/4 2024\nTidspunkt: kl. 16-18.30\nLokation: Byrådssalen\n",
     ("Socialudvalget", dt.date(2024, 4, 10), "16:00", "18:30", "Byrådssalen")),
    # each label alone on its line, its value on the next
    ("Referat\nSocialudvalget\nMødedato\n10. april 2024\nMødetid\n16:00\nMødested\nByrådssalen\n",
     ("Socialudvalget", dt.date(2024, 4, 10), "16:00", None, "Byrådssalen")),
    # the authority after the body's name is not part of it
    ("Referat fra møde i Ældrerådet, Syddjurs Kommune\nMandag den 4. marts 2024 kl. 9.30-12.00 i Rådhuset, Ebeltoft\n",
     ("Ældrerådet", dt.date(2024, 3, 4), "09:30", "12:00", "Rådhuset, Ebeltoft")),
    ("Regionsrådet – Region Midtjylland\nReferat\nDato: 10. april 2024\n",
     ("Regionsrådet", dt.date(2024, 4, 10), None, None, None)),
    # a kind of meeting in the body of an association: the association meets
    ("Referat fra bestyrelsesmøde i Boligforeningen Vest\nTirsdag den 12. marts 2024 kl. 19.00\nSted: Fælleshuset\n",
     ("Boligforeningen Vest", dt.date(2024, 3, 12), "19:00", None, "Fælleshuset")),
    # minutes forwarded by e-mail: the header's date is when it was sent
    ("Fra: Lone Bak\nSendt: 14. marts 2024 10:12\nTil: Netværket\nEmne: Referat fra netværksmøde 12. marts 2024\n\n"
     "Referat\nNetværk for socialchefer\nMødet blev holdt 12. marts 2024 kl. 9-12 i Viborg.\n",
     ("Netværk for socialchefer", dt.date(2024, 3, 12), "09:00", "12:00", "Viborg")),
    # the place on its own line under the date: "i Regionshuset Viborg"
    ("Region Midtjylland\nRegionsrådet\nReferat\nfra mødet onsdag den 24. april 2024 kl. 10.00\ni Regionshuset Viborg\n",
     ("Regionsrådet", dt.date(2024, 4, 24), "10:00", None, "Regionshuset Viborg")),
    # a sentence about the meeting names no body
    ("Referat\nSocialudvalget\nMødet blev afholdt onsdag den 10. april 2024 kl. 16.00.\n",
     ("Socialudvalget", dt.date(2024, 4, 10), "16:00", None, None)),
])
def test_front_page_variants(front, expected):
    s = _structure(front + "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    m = s.meeting
    assert (m.body, m.date, m.start_time, m.end_time, m.location) == expected


def test_participants_joined_by_og_and_lower_case_titles():
    s = _structure("Referat\nSocialudvalget\nDato: 18. marts 2024\n"
                   "Til stede: Formand Anders Jensen (A), næstformand Birgitte Holm (V), Carsten Nielsen (C)\n"
                   "Fraværende: Dorte Lund (Ø)\nDesuden deltog: direktør Søren Kjær og sekretær Lene Bo\n\n"
                   "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    assert [(a.name, a.role, a.status) for a in s.attendees] == [
        ("Anders Jensen", "Formand", "present"), ("Birgitte Holm", "næstformand", "present"),
        ("Carsten Nielsen", None, "present"), ("Dorte Lund", None, "absent"),
        ("Søren Kjær", "direktør", "present"), ("Lene Bo", "sekretær", "present")]
    s = _structure("Referat\nDeltagere: Anders Jensen og Birgitte Holm\nAfbud: Dorte Lund\n\n"
                   "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    assert [(a.name, a.status) for a in s.attendees] == [
        ("Anders Jensen", "present"), ("Birgitte Holm", "present"), ("Dorte Lund", "absent")]
    # "og" inside an organisation's name splits nothing
    s = _structure("Referat\nDeltagere: Anders Jensen, Social- og Sundhedsforvaltningen\n\n1. Eventuelt\nBeslutning\nIntet.\n")
    assert [(a.name, a.organization) for a in s.attendees] == [("Anders Jensen", "Social- og Sundhedsforvaltningen")]


def test_committee_decisions_history_and_a_numbered_attachment_list():
    from pipeline.process import PipelineConfig, process_bytes

    text = ("Referat\nByrådet\nMødedato: 18. marts 2024 kl. 17.00\n\n1. Ny skolestruktur\nIndstilling\n"
            "Direktionen indstiller, at forslaget godkendes.\n"
            "Beslutning i Økonomiudvalget den 11-03-2024\nAnbefales.\nFraværende: Bo Jensen\n"
            "Beslutning i Byrådet den 18-03-2024\nGodkendt med 17 stemmer mod 8.\n"
            "Bilag\n1. Høringssvar fra skolebestyrelserne\n2. Notat om økonomi\n\n2. Eventuelt\nBeslutning\nIntet.\n")
    record = process_bytes(text.encode("utf-8"), "byraad.txt", PipelineConfig(ner="rules"))
    # "2. Notat om økonomi" continues the attachment list; "2. Eventuelt" after a blank line is the next item
    assert [(i.number, i.title) for i in record.items] == [("1", "Ny skolestruktur"), ("2", "Eventuelt")]
    assert [x.kind for x in record.items[0].sections] == ["indstilling", "referat", "referat", "bilag"]
    assert [(d.kind, d.text) for d in record.decisions] == [
        ("recommended", "Anbefales."), ("approved", "Godkendt med 17 stemmer mod 8.")]


def test_decision_protocol_with_dated_decision_headings_and_numbered_recommendations():
    """A text export where every item's outcome is headed "Beslutning i Økonomiudvalget den
    04-03-2024": the heading recurs with a date like a running header but is a section; the
    table of contents carries dates in its titles; the recommendation is a numbered "at" list."""
    from pipeline.process import PipelineConfig, process_path

    record = process_path(str(FIXTURES / "protocol.txt"), PipelineConfig(ner="rules"))
    assert (record.meeting.body, record.meeting.date) == ("Økonomiudvalget", dt.date(2024, 3, 4))
    assert [i.title for i in record.items] == [
        "Godkendelse af dagsorden", "Budgetopfølgning pr. 31. januar 2024", "Udbud af rengøring", "Eventuelt"]
    assert all("referat" in [s.kind for s in i.sections] for i in record.items)
    assert [(d.item_number, d.kind, d.text) for d in record.decisions] == [
        ("1", "approved", "Godkendt."),
        ("2", "recommended", "Anbefales."),
        ("3", "approved", "Indstillingen blev godkendt med 5 stemmer for (A, F, Ø) og 2 imod (V)."),
    ]
    deadlines = {(d.item_number, d.due_date.isoformat(), d.text) for d in record.deadlines}
    assert ("2", "2024-04-15", "fagudvalgene inden 15. april 2024") in deadlines
    assert ("Administrationen", "fremlægger resultatet af udbuddet for udvalget i juni 2024") in {
        (a.owner, a.action) for a in record.action_items}
    dates = {e.text: e.normalized for e in record.entities if e.label == "DATE"}
    # "orienterede om KKR-mødet den 8. marts": the tense is the reporting's; the meeting is 4 days later
    assert dates["8. marts"] == "2024-03-08"


def test_case_sections_metadata_and_text_before_the_first_section_heading():
    """An agenda-system export: "Punkt N." headings, case metadata under them, section headings
    such as "Beslutningstema", "Sagens kerne", "Økonomisk vurdering", and an item whose case text
    stands under the heading with no "Sagsfremstilling" printed."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "case_sections.txt"), PipelineConfig(ner="rules"))
    assert (r.meeting.body, r.meeting.date, r.meeting.start_time) == (
        "Social- og Sundhedsudvalget", dt.date(2024, 4, 10), "15:30")  # "Mødetidspunkt: Kl. 15.30"
    assert [(s.kind, s.heading) for s in r.items[1].sections] == [
        ("resume", "Beslutningstema"), ("resume", "Sagens kerne"), ("other", "Økonomisk vurdering"),
        ("other", "Tidligere politiske beslutninger"), ("indstilling", "Indstilling"), ("referat", "Beslutning"),
        ("bilag", "Bilag")]
    # the case text under item 3's heading, after its case number, is a section of its own
    first = r.items[2].sections[0]
    assert (first.kind, first.heading) == ("sagsfremstilling", "")
    assert first.text.startswith("Ventelisten til plejeboliger") and "24/8000" not in first.text
    assert [(d.item_number, d.due_date, d.section) for d in r.deadlines] == [
        ("2", dt.date(2024, 5, 3), "sagsfremstilling"), ("3", dt.date(2024, 7, 1), "sagsfremstilling")]
    # "sender ansøgningen inden fristen og orienterer udvalget på mødet i juni": no deadline in June
    persons = {e.normalized for e in r.entities if e.label == "PERSON"}
    assert "Hanne Møller" in persons  # "Sagsansvarlig: Hanne Møller" over a section heading


def test_participant_labels_without_blank_lines_and_other_fields_ending_the_list():
    s = _structure("""Referat
Ældrerådet
Mødedato: 3. september 2024 kl. 10.00-12.00
Til stede: Inger Marie Poulsen (formand), Bent Kristiansen (næstformand), Hanne Lykke, Poul Erik Dam
Fraværende med afbud: Grethe Sand
Ikke mødt: Ole Bæk
Øvrige deltagere: Sundhedschef Lise Krogh, Holstebro Kommune
Referent: Mads Tange

1. Godkendelse af dagsorden
Beslutning
Godkendt.
""")
    assert [(a.name, a.organization, a.role, a.status) for a in s.attendees] == [
        ("Inger Marie Poulsen", None, "formand", "present"),
        ("Bent Kristiansen", None, "næstformand", "present"),
        ("Hanne Lykke", None, None, "present"),
        ("Poul Erik Dam", None, None, "present"),
        ("Grethe Sand", None, None, "absent"),
        ("Ole Bæk", None, None, "absent"),
        ("Lise Krogh", "Holstebro Kommune", "Sundhedschef", "present"),
    ]  # "Referent:" is another field: the list ends there


@pytest.mark.parametrize("heading", ["{n}. {t}", "{n}) {t}", "Punkt nr. {n} - {t}", "Pkt. {n} {t}", "Sag nr. {n}: {t}",
                                     "Punkt {n} – {t}", "Dagsordenspunkt {n}: {t}", "Punkt {n}\n{t}", "{n}.\n{t}",
                                     "Ad. {n} {t}", "{n} - {t}", "{n}.{t}", "Sag {n}/24: {t}"])
def test_item_heading_forms(heading):
    titles = ["Godkendelse af dagsorden", "Budgetopfølgning", "Eventuelt"]
    body = "\n\n".join(heading.format(n=n, t=t) + "\nBeslutning\nGodkendt." for n, t in enumerate(titles, start=1))
    s = _structure(f"Referat\nByrådet\nMødedato: 27. maj 2024\n\n{body}\n")
    assert [(i.number, i.title) for i in s.items] == [("1", titles[0]), ("2", titles[1]), ("3", titles[2])]
    assert all([x.kind for x in i.sections] == ["referat"] for i in s.items)


def test_two_column_front_page_with_tab_instead_of_colon():
    s = _structure("Referat\nHandicaprådet\nDato\t12. marts 2024\nTid\t17.00-19.00\nSted\tByrådssalen, Rådhuset\n"
                   "Deltagere\tAnders Jensen, Birgitte Holm, Carsten Nielsen\nAfbud\tDorthe Madsen\n\n"
                   "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    m = s.meeting
    assert (m.body, m.date, m.start_time, m.end_time, m.location) == (
        "Handicaprådet", dt.date(2024, 3, 12), "17:00", "19:00", "Byrådssalen, Rådhuset")
    assert [(a.name, a.status) for a in s.attendees] == [
        ("Anders Jensen", "present"), ("Birgitte Holm", "present"), ("Carsten Nielsen", "present"), ("Dorthe Madsen", "absent")]


def test_region_protocol_with_party_letters_and_a_signature_line():
    """A regional council's protocol: "Til stede:" members with party letters and roles, an
    absence list, and the chair's and vice-chair's names side by side on a signature line."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "region_protocol.txt"), PipelineConfig(ner="bundled"))
    assert (r.meeting.body, r.meeting.date, r.meeting.start_time, r.meeting.end_time) == (
        "Regionsrådet", dt.date(2024, 6, 24), "16:00", "19:45")
    assert [(a.name, a.role, a.status) for a in r.attendees][:2] == [
        ("Stephanie Lose", "regionsrådsformand", "present"), ("Bo Libergren", "1. næstformand", "present")]
    persons = {e.normalized for e in r.entities if e.label == "PERSON"}
    # the signature line "Stephanie Lose          Bo Libergren" is two people, not one
    assert {"Stephanie Lose", "Bo Libergren", "Mette Dalsgaard"} <= persons
    assert not any(len(p.split()) > 3 for p in persons)
    assert ("3", "appointed") in {(d.item_number, d.kind) for d in r.decisions}
    # the party's dissent after the approval is no resolution of the council
    assert [(d.kind, d.text) for d in r.decisions if d.item_number == "2"] == [("approved", "Indstillingen blev godkendt.")]
    municipalities = {e.normalized for e in r.entities if e.label == "MUNICIPALITY"}
    assert municipalities == {"Region Syddanmark", "Esbjerg Kommune", "Kolding Kommune", "Vejle Kommune"}
    # the model's ORG/LOC rows do not repeat those municipalities ("Kolding", "Vejle Kommuner")
    others = {e.text for e in r.entities if e.label in ("ORG", "LOC")}
    assert not others & {"Kolding", "Esbjerg", "Vejle", "Vejle Kommuner", "Syddanmark"}
    assert {(d.due_date, d.section) for d in r.deadlines} == {
        (dt.date(2024, 10, 15), "sagsfremstilling"), (dt.date(2024, 8, 30), "sagsfremstilling"),
        (dt.date(2024, 7, 5), "referat")}
    # "Mødet sluttet kl. 19:45." closes the minutes: the signatures after it belong to no item
    assert "Mødet sluttet" not in r.items[-1].sections[-1].text
    assert {e.item_number for e in r.entities if e.label == "PERSON" and e.text == "Bo Libergren"} == {None}


def test_role_in_brackets_after_the_organisation():
    s = _structure("""Referat af møde i Socialdirektørforum Hovedstaden

Dato: Torsdag d. 7. marts 2024

Deltagere:
Lone Wetterstrøm, Københavns Kommune (formand)
Jakob Dam Nielsen, Frederiksberg Kommune
Pia Kragh, KKR-sekretariatet (referent)

Ad 1. Godkendelse af dagsorden
Referat:
Dagsordenen blev godkendt.
""")
    assert [(a.name, a.organization, a.role) for a in s.attendees] == [
        ("Lone Wetterstrøm", "Københavns Kommune", "formand"),
        ("Jakob Dam Nielsen", "Frederiksberg Kommune", None),
        ("Pia Kragh", "KKR-sekretariatet", "referent")]


def test_steering_group_minutes_with_bullets_and_a_follow_up_list():
    """Word-style steering-group minutes: "Ad 1)" headings with the outcome straight under them,
    a wrapped participant list ended by "Referent:", bullets and a follow-up list."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "steering_group.txt"), PipelineConfig(ner="rules"))
    assert (r.meeting.date, r.meeting.start_time, r.meeting.end_time, r.meeting.location) == (
        dt.date(2024, 5, 14), "13:00", "15:00", "Teams")
    # "Referent: Camilla Lund" on the next line is no part of the last participant's entry
    assert [(a.name, a.organization) for a in r.attendees][-1][0] == "Tue Nørgaard"
    assert all("Referent" not in (a.organization or "") for a in r.attendees)
    dates = {e.text: e.normalized for e in r.entities if e.label == "DATE"}
    assert dates["12. marts"] == "2024-03-12"  # "Referatet fra mødet den 12. marts": the last meeting
    actions = {(a.owner, a.due_date) for a in r.action_items}
    # each bullet its own task: the next bullet's deadline is not this one's
    assert ("Camilla", None) in actions
    assert ("Alle kommuner", dt.date(2024, 8, 15)) in actions  # "skal indmelde deltagere inden …"
    assert ("Søren", dt.date(2024, 6, 1)) in actions
    # the title word "Referat" on its own line is a paragraph of its own, not the end of the title's name
    assert "Vestjylland\nReferat\n" in r.text


def test_end_time_from_the_closing_line_after_the_last_item():
    s = _structure("Referat\nByrådet\nMødedato: 10. april 2024 kl. 18.00\n\n1. Godkendelse af dagsorden\n"
                   "Beslutning:\nGodkendt.\n\n2. Eventuelt\nBeslutning:\nIntet.\n\nMødet hævet kl. 21.10.\n")
    assert (s.meeting.start_time, s.meeting.end_time) == ("18:00", "21:10")


@pytest.mark.parametrize(("participants", "expected"), [
    ("Deltagere: Jens Hansen og Lise Berg fra Aarhus Kommune, Ole Dam fra Randers Kommune\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Aarhus Kommune"), ("Ole Dam", "Randers Kommune")]),
    ("Deltagere: Jens Hansen/Aarhus Kommune, Lise Berg/Randers Kommune, Ole Dam/Favrskov Kommune\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Randers Kommune"), ("Ole Dam", "Favrskov Kommune")]),
    # grouped by organisation; the next labelled field ends the list
    ("Deltagere:\nAarhus Kommune: Jens Hansen, Lise Berg\nRanders Kommune: Ole Dam\nReferent: Bo Ib\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Aarhus Kommune"), ("Ole Dam", "Randers Kommune")]),
    ("Deltagere: Anne Hansen, Aarhus Kommune\n", [("Anne Hansen", "Aarhus Kommune")]),
    # semicolons between entries, initials in brackets (no organisation), "Afbud: Ingen."
    ("Deltagere: Jens Hansen (JH), Aarhus Kommune; Lise Berg (LB), Randers Kommune\nAfbud: Ingen.\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Randers Kommune")]),
    ("Fraværende: Ingen.\nDeltagere: Jens Hansen (JH), Lise Berg (KL) og Ole Dam.\n",
     [("Jens Hansen", None), ("Lise Berg", "KL"), ("Ole Dam", None)]),
    # an e-mail column or an address in brackets is contact information; an address alone is the entry
    ("Deltagere:\nNavn\tE-mail\tOrganisation\nJens Hansen\tjh@aarhus.dk\tAarhus Kommune\nLise Berg\tlibe@randers.dk\tRanders Kommune\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Randers Kommune")]),
    ("Deltagere: Jens Hansen (jh@aarhus.dk), mesm@viborg.dk, Lise Berg\n",
     [("Jens Hansen", None), ("mesm@viborg.dk", None), ("Lise Berg", None)]),
    # a participant table with the organisation column first
    ("Deltagere:\nKommune\tNavn\tFunktion\nAarhus Kommune\tJens Hansen\tFormand\nRanders Kommune\tLise Berg\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Randers Kommune")]),
    # a bulleted list with a dash between name and organisation; a role between name and organisation
    ("Deltagere:\n- Jens Hansen – Aarhus Kommune\n- Lise Berg - Randers Kommune\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Randers Kommune")]),
    ("Deltagere: Jens Hansen, afdelingschef, Aarhus Kommune; Lise Berg, leder, Randers Kommune\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Randers Kommune")]),
    # groups opened by "Fra": the organisation without it, with or without a "Deltagere" label
    ("Deltagere:\nFra Aarhus Kommune: Jens Hansen og Lise Berg\nFra Randers Kommune: Ole Dam\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Lise Berg", "Aarhus Kommune"), ("Ole Dam", "Randers Kommune")]),
    ("Fra Aarhus Kommune: Jens Hansen\nFra Randers Kommune: Ole Dam\nAfbud: Bo Ek\n",
     [("Jens Hansen", "Aarhus Kommune"), ("Ole Dam", "Randers Kommune"), ("Bo Ek", None)]),
    # a role label among the participants names a member; "Referent:" ends the list
    ("Deltagere: Lise Berg, Ole Dam\nFormand: Jens Hansen\nReferent: Bo Ek\n",
     [("Lise Berg", None), ("Ole Dam", None), ("Jens Hansen", None)]),
    # a council or committee in brackets is the organisation the member sits for, not a role
    ("Deltagere: Poul Vang (Byrådet), Susanne Fly (Ældrerådet), Ib Ravn (Jobcenter Aarhus)\n",
     [("Poul Vang", "Byrådet"), ("Susanne Fly", "Ældrerådet"), ("Ib Ravn", "Jobcenter Aarhus")]),
])
def test_participants_with_their_organisation_after_fra_a_slash_or_as_a_group_label(participants, expected):
    s = _structure("Referat\nNetværk for ungdomsuddannelse\nDato: 3. april 2024\n" + participants
                   + "\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n")
    assert [(a.name, a.organization) for a in s.attendees] == expected


def test_a_role_entry_with_a_party_letter_belongs_to_the_name_before_it():
    s = _structure("Referat\nByrådet\nDato: 3. april 2024\nDeltagere: Jens Hansen, formand (A), Lise Berg (V)\n"
                   "\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n")
    assert [(a.name, a.role) for a in s.attendees] == [("Jens Hansen", "formand"), ("Lise Berg", None)]


def test_a_bare_number_line_inside_an_item_is_a_list_not_an_item():
    s = _structure("Referat\nByrådet\nMødedato: 27. maj 2024\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
                   "2. Budget 2025\nSagsfremstilling\nPlanen har tre dele:\n1.\nen analyse\n2.\nen plan\n"
                   "Beslutning\nGodkendt.\n\n3. Eventuelt\nBeslutning\nIntet.\n")
    assert [(i.number, i.title) for i in s.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Budget 2025"), ("3", "Eventuelt")]


def test_council_protocol_answering_a_numbered_recommendation_point_by_point():
    """Running item numbers (12, 13), an "Indstilling" of "1. at …" points answered under the
    council's decision by "Ad 1: Godkendt." lines: those points are no agenda and no items."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "council_protocol.txt"), PipelineConfig(ner="rules"))
    assert r.meeting.body == "Byrådet"
    assert [(i.number, i.title) for i in r.items] == [("12", "Regnskab 2023"), ("13", "Salg af ejendom")]
    assert [(s.kind, s.heading) for s in r.items[0].sections][-2:] == [
        ("referat", "Beslutning i Økonomiudvalget den 10-04-2024"), ("referat", "Beslutning i Byrådet den 24-04-2024")]
    assert [(d.item_number, d.kind, d.text) for d in r.decisions] == [
        ("12", "recommended", "Anbefales."), ("12", "approved", "Ad 1: Godkendt."),
        ("12", "approved", "Ad 2: Godkendt med 21 stemmer mod 4 (Ø)."), ("12", "approved", "Ad 3: Godkendt."),
        ("13", "approved", "Godkendt.")]
    assert [(d.due_date, d.section) for d in r.deadlines] == [(dt.date(2024, 6, 1), "indstilling")]


def test_outcome_points_under_a_lead_in_are_one_resolution_each():
    """"Udvalget besluttede:" over "• at …" bullets (in lower case: no soft line break joins them)
    and "Udvalget anbefaler byrådet," over "1. at …" points: each point is a resolution of the
    lead-in's kind (a recommendation stays one whatever it recommends), and a point naming who
    does what is an action item."""
    from pipeline.extract import extract_facts

    s = _structure("Referat\nByrådet\nMødedato: 24. april 2024\n\n1. Budget 2025\nBeslutning\nUdvalget besluttede:\n"
                   "• at godkende planen\n• at udsætte punkt 3 til næste møde\n"
                   "• at sekretariatet udarbejder et notat senest 1. juni 2024\n\n2. Regnskab 2023\nBeslutning\n"
                   "Udvalget anbefaler byrådet,\n1. at regnskabet godkendes, og\n2. at overskuddet overføres til 2025.\n")
    facts = extract_facts(s)
    assert [(d.item_number, d.kind, d.text) for d in facts.decisions] == [
        ("1", "decided", "at godkende planen"), ("1", "postponed", "at udsætte punkt 3 til næste møde"),
        ("1", "decided", "at sekretariatet udarbejder et notat senest 1. juni 2024"),
        ("2", "recommended", "1. at regnskabet godkendes, og"), ("2", "recommended", "2. at overskuddet overføres til 2025.")]
    assert [(a.owner, a.due_date) for a in facts.action_items] == [("sekretariatet", dt.date(2024, 6, 1))]


def test_lettered_sub_items():
    s = _structure("Referat\nByrådet\nDato: 3. april 2024\n\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n\n"
                   "2. Meddelelser\nBeslutning:\nTaget til efterretning.\n\n2a. Meddelelse fra formanden\nBeslutning:\n"
                   "Taget til efterretning.\n\n2b) Meddelelse fra direktøren\nBeslutning:\nTaget til efterretning.\n\n"
                   "3. Eventuelt\nBeslutning:\nIntet.\n")
    assert [(i.number, i.title) for i in s.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Meddelelser"), ("2a", "Meddelelse fra formanden"),
        ("2b", "Meddelelse fra direktøren"), ("3", "Eventuelt")]
    assert [i.sections[0].text for i in s.items][1] == "Taget til efterretning."  # "2" keeps its own outcome


def test_unnumbered_group_headings_give_categories_and_end_the_item_before_them():
    s = _structure("Referat\nByrådet\nDato: 3. april 2024\n\nSager til beslutning\n\n1. Budget 2025\nBeslutning:\nGodkendt.\n\n"
                   "2. Takster 2025\nBeslutning:\nGodkendt.\n\nOrienteringssager\n\n3. Status på byggeriet\nBeslutning:\n"
                   "Taget til efterretning.\n\nLukkede punkter\n\n4. Salg af grund\nBeslutning:\nGodkendt.\n")
    assert [(i.number, i.category) for i in s.items] == [
        ("1", "beslutning"), ("2", "beslutning"), ("3", "orientering"), ("4", None)]
    assert [i.sections[0].text for i in s.items] == [
        "Godkendt.", "Godkendt.", "Taget til efterretning.", "Godkendt."]  # no group heading inside


def test_running_text_is_no_body_and_no_place():
    """A file without a front page: a dated sentence names no meeting body, and the line after it is no place."""
    s = _structure("samlet oversigt over høringssvarene til udvalgets møde den 26. juni 2024. Derudover\n"
                   "skal kommunikationsafdelingen tilrettelægge borgerinddragelsen i samarbejde med\n"
                   "lokalrådene og foreningerne.\n")
    assert (s.meeting.body, s.meeting.location) == (None, None)


def test_items_titled_like_a_minor_section_heading():
    """'2. Orientering' and '3. Kommunikation' are items; before, they were refused as section
    headings and every later item ran into the first."""
    s = _structure("Referat\nByrådet\nDato: 3. april 2024\n\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n\n"
                   "2. Orientering\nBeslutning:\nTaget til efterretning.\n\n3. Kommunikation\nBeslutning:\nGodkendt.\n\n"
                   "4. Eventuelt\nBeslutning:\nIntet.\n")
    assert [(i.number, i.title, i.sections[0].text) for i in s.items] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."), ("2", "Orientering", "Taget til efterretning."),
        ("3", "Kommunikation", "Godkendt."), ("4", "Eventuelt", "Intet.")]


def test_numbering_that_skips_closed_items():
    """Public minutes leave out closed items: 1, 2, 5, 6 (and a last item after a gap) are all
    items, while a numbered list inside an item that skips a number stays in its text."""
    s = _structure("Referat\nByrådet\nDato: 3. april 2024\n\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n\n"
                   "2. Budget 2025\nSagsfremstilling\nPlanen består af:\n1. Drift\n2. Anlæg\n5. Reserver\nBeslutning:\n"
                   "Godkendt.\n\n5. Salg af grund\nBeslutning:\nGodkendt.\n\n9. Eventuelt\nBeslutning:\nIntet.\n")
    assert [(i.number, i.title) for i in s.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Budget 2025"), ("5", "Salg af grund"), ("9", "Eventuelt")]
    assert s.items[1].sections[0].text.endswith("5. Reserver")


@pytest.mark.parametrize(("participants", "expected"), [
    # a status column in the participant table
    ("Deltagere:\nJens Hansen\tAarhus Kommune\tAfbud\nLise Berg\tRanders Kommune\tDeltog\n",
     [("Jens Hansen", "absent"), ("Lise Berg", "present")]),
    # an attendance checklist
    ("Deltagere:\n☒ Jens Hansen\n☐ Lise Berg\n", [("Jens Hansen", "present"), ("Lise Berg", "absent")]),
    # a note on a member who left early is no role and no absence
    ("Deltagere: Jens Hansen (gik kl. 11.30), Lise Berg (fraværende under punkt 3), Ole Dam\n",
     [("Jens Hansen", "present"), ("Lise Berg", "present"), ("Ole Dam", "present")]),
    # how a member took part, or why one was away, is no role either
    ("Deltagere: Jens Hansen (deltog via Teams), Lise Berg\nAfbud: Ole Dam (syg)\n",
     [("Jens Hansen", "present"), ("Lise Berg", "present"), ("Ole Dam", "absent")]),
    # two labels on one line; "Deltog ikke:" is an absence label
    ("Til stede: Jens Hansen og Lise Berg. Afbud: Ole Dam.\n", [("Jens Hansen", "present"), ("Lise Berg", "present"), ("Ole Dam", "absent")]),
    ("Deltog: Jens Hansen, Lise Berg\nDeltog ikke: Ole Dam\n", [("Jens Hansen", "present"), ("Lise Berg", "present"), ("Ole Dam", "absent")]),
])
def test_attendance_marked_in_a_status_column_a_checklist_or_a_note(participants, expected):
    s = _structure("Referat\nNetværk\nDato: 3. april 2024\n" + participants
                   + "\n1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n")
    assert [(a.name, a.status) for a in s.attendees] == expected
    assert all(a.role is None and a.organization in (None, "Aarhus Kommune", "Randers Kommune") for a in s.attendees)



def test_the_items_or_hours_a_guest_came_for_are_no_role():
    s = _structure("Referat\nÆldrerådet\nDato: 4. marts 2024\nTil stede: Grethe Ravn, Bent Kjær\n"
                   "Desuden deltog: Afdelingsleder Karen Toft (punkt 3), Jens Bo (under pkt. 4-5), Ole Dam (kl. 10-11)\n"
                   "\n1. Godkendelse af dagsorden\nGodkendt.\n")
    assert [(a.name, a.role, a.status) for a in s.attendees] == [
        ("Grethe Ravn", None, "present"), ("Bent Kjær", None, "present"),
        ("Karen Toft", "Afdelingsleder", "present"), ("Jens Bo", None, "present"), ("Ole Dam", None, "present")]

def test_association_board_minutes_keep_front_page_fields_apart():
    """A board's minutes typed in a word processor: title, body and date line one under the
    other, "Til stede:" and "Afbud:" on consecutive lines, an agenda list, "Ad 1)" answers."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "association.txt"), PipelineConfig(ner="bundled"))
    front = r.text[: r.items[0].span.char_start]
    # each field its own paragraph: no name runs on into the next label or line
    assert "Ib Thomsen\nAfbud: Mette Riis" in front
    assert "Vest\nTorsdag d. 7/11-2024" in front
    assert "\n2. Økonomi\n" in front
    persons = {e.normalized for e in r.entities if e.label == "PERSON"}
    assert persons == {"Hanne Lyngby", "Peter Dahl", "Lone Skov", "Ib Thomsen", "Mette Riis"}
    # a first name alone, where one person named in full carries it, is a mention of that person
    first_names = {(e.text, e.normalized, e.item_number) for e in r.entities if e.label == "PERSON" and " " not in e.text}
    assert {("Hanne", "Hanne Lyngby", "3"), ("Peter", "Peter Dahl", "1"), ("Lone", "Lone Skov", "1")} <= first_names
    orgs = {e.text for e in r.entities if e.label in ("ORG", "LOC")}
    assert not any("Torsdag" in o or "BESTYRELSESMØDE" in o for o in orgs)
    assert [(a.name, a.status) for a in r.attendees][-1] == ("Mette Riis", "absent")
    assert [i.title for i in r.items] == ["Valg af ordstyrer og referent", "Økonomi", "Temadag i foråret", "Næste møde"]
    # "Referent: Lone Skov" after the last item closes the minutes: it is no part of that item
    assert r.items[-1].sections[-1].text == "Næste møde er mandag d. 13/1-2025 kl. 19 hos Ib."


MINUTES_WITHOUT_THE_WORD = """Styregruppemøde – Sammenhængende indsats for unge

Dato: 3. oktober 2024 kl. 9.00-11.00
Deltagere: Mads Kjær (Holstebro Kommune), Louise Brandt (Struer Kommune)
{taker}
1. Godkendelse af referat
Referatet blev godkendt.

2. Status på indsatsen
Louise og Anja udarbejder et forslag til fælles evaluering.
"""


@pytest.mark.parametrize(("taker", "kind"), [
    ("Referent: Trine Bach", "referat"),
    ("", "sagsfremstilling"),  # an agenda: "Godkendelse af referat" in a title says nothing about this document
])
def test_a_minute_taker_makes_the_text_under_each_heading_the_outcome(taker, kind):
    s = _structure(MINUTES_WITHOUT_THE_WORD.format(taker=taker))
    assert [[sec.kind for sec in it.sections] for it in s.items] == [[kind], [kind]]


def test_the_agenda_list_does_not_make_an_agenda_into_minutes():
    agenda = "Dagsorden\n\nDato: 3. oktober 2024\n\n1. Godkendelse af referat\n2. Status\n\n" \
             "1. Godkendelse af referat\nReferatet er udsendt.\n\n2. Status\nSekretariatet orienterer.\n"
    s = _structure(agenda)
    assert [[sec.kind for sec in it.sections] for it in s.items] == [["sagsfremstilling"], ["sagsfremstilling"]]



def test_minutes_that_never_say_referat_are_read_from_what_they_record():
    """A steering group's minutes with no "Referat" and no minute-taker: the items record what was
    resolved ("Dagsordenen blev godkendt.", "Styregruppen besluttede at …"), so the text under
    each heading is the outcome and its decisions and follow-up bullets are found."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "unlabelled_minutes.txt"), PipelineConfig(ner="rules"))
    assert [(d.item_number, d.kind) for d in r.decisions] == [("1", "approved"), ("2", "decided"), ("3", "approved")]
    assert {(a.owner, a.due_date) for a in r.action_items} == {
        ("Ida Krogh", dt.date(2024, 2, 1)), ("Sekretariatet", dt.date(2024, 2, 9))}
    assert {d.section for d in r.deadlines} == {"referat"}


AGENDA_WITH_HISTORY = """Dagsorden
Styregruppen for Fremtidens Hjemmepleje
Dato: 17. januar 2024

1. Godkendelse af dagsorden
Dagsordenen forelægges til godkendelse.

2. Status på projektet
Styregruppen besluttede på mødet den 4. oktober 2023 at igangsætte pilotforsøget. Projektlederen orienterer om status.

3. Budget
Byrådet godkendte i 2023 en ramme på 2 mio. kr. Budgetrevisionen forelægges til godkendelse.

4. Vejplan
Byrådet vedtog planen i oktober. Status forelægges.

5. Tidsplan
Styregruppen godkendte tidsplanen i marts. Tidsplanen drøftes.
"""


def test_an_agenda_that_tells_of_earlier_decisions_stays_an_agenda():
    s = _structure(AGENDA_WITH_HISTORY)
    assert [[sec.kind for sec in it.sections] for it in s.items] == [["sagsfremstilling"]] * 5

TIMELINE = """Referat
Styregruppen for Fælles Akutindsats
Dato: 10. april 2024

1. Tidsplan for evalueringen
Sagsfremstilling:
Evalueringen følger denne tidsplan:
Tidspunkt\tForum\tHandling
1. marts 2024\tStyregruppen\tStyregruppen udpeger en projektleder
Maj 2024\t\tDer gennemføres interviews i kommunerne
3. juni 2024\tStyregruppen\tStyregruppen drøfter de første resultater
14. juni 2024\t\tRapportudkastet sendes til kommunerne
Alle kommuner inddrages undervejs.

Beslutning:
Tidsplanen blev godkendt.
"""


def test_a_timeline_table_gives_the_steps_ahead_dated_to_the_day_as_deadlines():
    """"Tidspunkt | Forum | Handling": a step dated to the day and still ahead is a deadline; a
    step already taken, a month and a meeting that only discusses are a plan, no deadline. An
    empty Forum cell does not shift the action into the Forum column."""
    from pipeline.process import PipelineConfig, process_bytes

    r = process_bytes(TIMELINE.encode("utf-8"), "timeline.txt", PipelineConfig(ner="rules"))
    assert [(d.due_date, d.text, d.section) for d in r.deadlines] == [
        (dt.date(2024, 6, 14), "14. juni 2024 Rapportudkastet sendes til kommunerne", "sagsfremstilling")]
    # each row is a paragraph of its own; the sentence after the table is none of them
    assert "\n14. juni 2024 Rapportudkastet sendes til kommunerne\nAlle kommuner" in r.text


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_the_timeline_in_the_das_sample(reader):
    """The same on a real PDF: its "Tidspunkt | Forum | Handling" table is positioned cells, one
    action wrapped over three lines."""
    from pipeline.process import PipelineConfig, process_path

    root = Path(__file__).resolve().parents[1]
    r = process_path(str(root / "data" / "raw" / "004_bb815edab3661743.pdf"), PipelineConfig(ner="rules", pdf_reader=reader))
    timeline = [d for d in r.deadlines if d.text.startswith("1. december 2022")]
    assert [(d.due_date, d.text) for d in timeline] == [
        (dt.date(2022, 12, 1), "1. december 2022 Den godkendte aftale sendes til Socialstyrelsen")]
    assert "\nNovember 2021 DAS Godkendelse af proces for udarbejdelse af Nordjysk Socialaftale 2023-2024\n" in r.text


def test_the_time_given_for_a_task_is_its_due_date():
    """No deadline cue, but a time for the task: that is when it is due. A year, the start of a
    period and the date of the meeting a task is about are not."""
    from pipeline.process import PipelineConfig, process_bytes

    text = ("Referat\nStyregruppen\nDato: 10. april 2024\n\n1. Sag\nBeslutning:\n"
            "Kommunerne melder tilbage primo maj.\nForvaltningen vender tilbage i løbet af efteråret.\n"
            "Sekretariatet indkalder til møde i uge 20.\nForvaltningen udarbejder en plan i 2025.\n"
            "Centret vil fra juni afdække behovet.\n")
    r = process_bytes(text.encode("utf-8"), "due.txt", PipelineConfig(ner="rules"))
    assert [(a.owner, a.due_date) for a in r.action_items] == [
        ("Kommunerne", dt.date(2024, 5, 1)), ("Forvaltningen", dt.date(2024, 11, 30)),
        ("Sekretariatet", None), ("Forvaltningen", None), ("Centret", None)]


def test_minutes_written_in_markdown():
    """A text export in Markdown: hashes and bold markers are typography, pipe tables are rows of
    cells (an empty cell stays in its column), the rule under a table header is no text."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "markdown.txt"), PipelineConfig(ner="rules"))
    assert (r.meeting.body, r.meeting.date, r.meeting.start_time, r.meeting.end_time) == (
        "Styregruppen for Akutindsatsen", dt.date(2024, 5, 14), "13:00", "15:00")
    assert [(a.name, a.organization) for a in r.attendees] == [
        ("Rikke Ladefoged", "Herning Kommune"), ("Søren Hansen", "Ikast-Brande Kommune")]
    assert [(i.number, i.title, [x.kind for x in i.sections]) for i in r.items] == [
        ("1", "Status", ["referat"]), ("2", "Eventuelt", ["referat"])]
    assert [(a.owner, a.action, a.due_date) for a in r.action_items] == [
        ("Sekretariatet", "Udarbejde notat", dt.date(2024, 6, 1)), ("Rikke Ladefoged", "Indkalde til temamøde", None)]
    assert "#" not in r.text and "**" not in r.text and "---" not in r.text


def test_network_minutes_with_one_participant_a_line_and_bare_municipality_names():
    """A KKR network's minutes: "Mødereferat – Netværk …" names the body; each participant line
    is one entry ("Bente Lund, jobcenterchef, Hjørring"), not one wrapped list; a bare
    municipality name as a participant's organisation, a municipality whose name is no town's
    ("ny i Mariagerfjord") and municipalities sending regrets are municipality mentions."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "network.txt"), PipelineConfig(ner="rules"))
    assert r.meeting.body == "Netværk for beskæftigelseschefer"
    assert [(a.name, a.organization, a.role) for a in r.attendees] == [
        ("Bente Lund", "Hjørring", "jobcenterchef"), ("Mikkel Rask", "Frederikshavn", "chef for Beskæftigelse"),
        ("Jonna Vestergaard", "Brønderslev", None), ("Ulla S. Pedersen", "Mariagerfjord", None),
        ("Thomas Kirk", "KKR-sekretariatet", "ref.")]
    municipalities = {e.normalized for e in r.entities if e.label == "MUNICIPALITY"}
    assert municipalities == {"Hjørring Kommune", "Frederikshavn Kommune", "Brønderslev Kommune",
                              "Mariagerfjord Kommune", "Rebild Kommune", "Thisted Kommune", "Læsø Kommune"}
    # the town in the address and the next meeting's town are places, not municipality mentions
    assert not [e for e in r.entities if e.label == "MUNICIPALITY" and e.text in ("Aalborg", "9800 Hjørring")]


def test_city_council_substitutes_and_the_end_in_a_note():
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "city_council.txt"), PipelineConfig(ner="rules"))
    assert (r.meeting.body, r.meeting.start_time, r.meeting.end_time) == ("Byrådet", "17:00", "20:15")
    # "Stedfortrædere: Lise Møller (Ø) for Per Clausen (Ø)": the substitute took part
    assert [(a.name, a.status) for a in r.attendees][-4:] == [
        ("Per Clausen", "absent"), ("Hans Henrik Henriksen", "present"), ("Mette Hesselholt Henriksen", "present"),
        ("Lise Møller", "present")]
    kinds = [(d.item_number, d.kind) for d in r.decisions]
    assert ("2", "approved") in kinds and ("4", "postponed") in kinds
    # "Jan Nymark Thaysen (O) tog forbehold …" is the member's, not the council's
    assert not any("forbehold" in d.text for d in r.decisions)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ulla er ny i Mariagerfjord.", ["Mariagerfjord Kommune"]),
    ("Et samarbejde med Favrskov om botilbud.", ["Favrskov Kommune"]),
    ("Hun flytter til Hjørring.", []),             # a town's name alone may be the town
    ("Favrskov Forsyning A/S", []),                # part of a longer name
    ("Bakkevej 2, 8370 Favrskov", []),             # an address
])
def test_a_municipality_name_that_names_no_town(text, expected):
    from pipeline.gazetteer import find_municipalities

    assert [m.normalized for m in find_municipalities(text)] == expected


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("name", ["front_table.pdf", "front_table_centred.pdf"])
def test_front_page_label_table_a_wrapped_contents_entry_and_an_item_on_a_new_page(name, reader):
    """The "Medlemmer" label heads its whole list of members, set at the top of its cell or
    centred beside it; a contents entry whose page number wrapped onto its own line does not cut
    the contents short, so items 3 and 4 (on later pages) are found; a member's role after a
    comma ("Peter Sørensen (A), Formand") is a role."""
    r = _pdf_record(name, reader)
    assert [(a.name, a.role, a.status) for a in r.attendees] == [
        ("Peter Sørensen", "Formand", "present"), ("Inge Møller", None, "present"), ("Bo Hansen", None, "present"),
        ("Karin Dahl", None, "absent"), ("Mads Kjeldsen", None, "present")]
    assert [i.number for i in r.items] == ["1", "2", "3", "4"]
    assert r.items[1].title == "Orientering om udviklingen i antallet af borgere på venteliste til plejebolig"
    decisions = [(d.item_number, d.kind) for d in r.decisions]
    assert decisions == [("1", "approved"), ("2", "noted"), ("3", "approved")]
    assert ("formanden", "3") in {(a.owner, a.item_number) for a in r.action_items}


def test_a_presenter_line_above_the_outcome_written_straight_under_the_heading():
    """"v/ socialchef Marianne Bjerre Holm" above running text: the presenter is the name alone
    (not "… Holm Marianne", the next line's first word), and the text below it is the item's
    outcome, so its resolution is found."""
    from pipeline.process import PipelineConfig, process_bytes

    text = ("Referat\nHandicaprådet\nDato: 14. maj 2024\nDeltagere: Søren Larsen, Birthe Østergaard\n\n"
            "1. Præsentation af ny socialchef\nv/ socialchef Marianne Bjerre Holm\n"
            "Marianne præsenterede sig selv og sine planer.\nRådet tog præsentationen til efterretning.\n\n"
            "2. Tilgængelighed\nVed Søren Larsen og\nBirthe Østergaard\nDer var opbakning til en fælles henvendelse.\n\n"
            "3. Budget\nv/ Søren Larsen\nGodkendt.\n")
    r = process_bytes(text.encode(), "presenters.txt", PipelineConfig(ner="rules"))
    assert [i.presenters for i in r.items] == [["Marianne Bjerre Holm"], ["Søren Larsen", "Birthe Østergaard"], ["Søren Larsen"]]
    assert [(d.item_number, d.kind) for d in r.decisions] == [("1", "noted"), ("2", "supported"), ("3", "approved")]
    persons = {e.normalized for e in r.entities if e.label == "PERSON"}
    assert "Marianne Bjerre Holm" in persons and not any(p.endswith("Marianne") for p in persons)


@pytest.mark.parametrize(("front", "expected"), [
    # the chair is named apart from the list: a participant with that role
    ("Mødeleder: Hans Poulsen\nTil stede: Grethe Ravn, Bent Kjær\n",
     [("Grethe Ravn", None, "present"), ("Bent Kjær", None, "present"), ("Hans Poulsen", "mødeleder", "present")]),
    # named again in the list: one attendee, with the role
    ("Mødeleder: Hans Poulsen\nTil stede: Hans Poulsen, Grethe Ravn\n",
     [("Hans Poulsen", "mødeleder", "present"), ("Grethe Ravn", None, "present")]),
])
def test_the_meeting_chair_named_before_the_participants(front, expected):
    s = _structure("Referat\nÆldrerådet\nDato: 4. marts 2024\n" + front + "\n1. Godkendelse af dagsorden\nGodkendt.\n")
    assert [(a.name, a.role, a.status) for a in s.attendees] == expected


@pytest.mark.parametrize(("participants", "expected"), [
    # a minute-taker after the list's full stop ends it
    ("Deltagere: Jens Hansen (JH), Lise Berg (LB), Ole Dam (OD). Referent: Ole Dam\n",
     [("Jens Hansen", None, None, "present"), ("Lise Berg", None, None, "present"), ("Ole Dam", None, None, "present")]),
    # "(uden afbud)" is an absence, not a role
    ("Til stede: Jens Hansen\nFraværende: Mette Bo (afbud), Per Ravn (uden afbud)\n",
     [("Jens Hansen", None, None, "present"), ("Mette Bo", None, None, "absent"), ("Per Ravn", None, None, "absent")]),
    # the board's members listed under the board's name
    ("Bestyrelsen: Jens Hansen (formand), Lise Berg (kasserer), Ole Dam\nAfbud: Mette Bo\n",
     [("Jens Hansen", None, "formand", "present"), ("Lise Berg", None, "kasserer", "present"),
      ("Ole Dam", None, None, "present"), ("Mette Bo", None, None, "absent")]),
    # a field naming the committee is no list of members
    ("Udvalget: Social- og Sundhedsudvalget\nDeltagere: Jens Hansen, Lise Berg\n",
     [("Jens Hansen", None, None, "present"), ("Lise Berg", None, None, "present")]),
])
def test_participant_lists_ended_by_a_minute_taker_absence_notes_and_a_boards_members(participants, expected):
    s = _structure("Referat\nForeningen\nDato: 3. april 2024\n" + participants
                   + "\n1. Godkendelse af dagsorden\nGodkendt.\n")
    assert [(a.name, a.organization, a.role, a.status) for a in s.attendees] == expected


def test_a_record_of_dissent_under_its_own_heading_is_no_resolution():
    s_text = ("Beslutningsprotokol\nKommunalbestyrelsen\nMødedato: 29. maj 2024\n\n"
              "Sag nr. 2 Anlægsbevilling til ny daginstitution\nBeslutning\n"
              "Kommunalbestyrelsen godkendte indstillingen med 19 stemmer for og 6 imod (O, D).\n"
              "Protokoltilførsel\nDansk Folkeparti ønsker følgende ført til protokols: Vi kan ikke støtte placeringen.\n")
    from pipeline.process import PipelineConfig, process_bytes

    r = process_bytes(s_text.encode(), "dissent.txt", PipelineConfig(ner="rules"))
    assert [sec.kind for sec in r.items[0].sections] == ["referat", "bemaerkninger"]
    assert [(d.kind, d.text[:30]) for d in r.decisions] == [("approved", "Kommunalbestyrelsen godkendte ")]


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_item_headings_printed_without_their_numbers_take_them_from_the_contents(reader):
    r = _pdf_record("unnumbered.pdf", reader)
    assert [(i.number, i.title) for i in r.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Trafiksikkerhedsplan 2024-2028"),
        ("3", "Orientering om vintervedligeholdelse"), ("4", "Eventuelt")]
    assert r.meeting.body == "Teknik- og Miljøudvalget"
    assert [(d.item_number, d.kind) for d in r.decisions] == [("1", "approved"), ("2", "recommended"), ("3", "noted")]
    assert [(a.owner, a.due_date) for a in r.action_items] == [("Forvaltningen", dt.date(2024, 9, 1))]


def test_an_agenda_list_whose_titles_come_back_as_unnumbered_headings():
    s = _structure("Referat\nÆldrerådet\nDato: 4. marts 2024\n\nDagsorden:\n1. Godkendelse af dagsorden\n"
                   "2. Budget 2025\n3. Eventuelt\n\nGodkendelse af dagsorden\nGodkendt.\n\nBudget 2025\n"
                   "Rådet drøftede budgettet og besluttede at afgive høringssvar.\n\nEventuelt\nIntet.\n")
    assert [(i.number, i.title, [x.text for x in i.sections]) for i in s.items] == [
        ("1", "Godkendelse af dagsorden", ["Godkendt."]),
        ("2", "Budget 2025", ["Rådet drøftede budgettet og besluttede at afgive høringssvar."]),
        ("3", "Eventuelt", ["Intet."])]


def test_minutes_exported_as_one_table_with_a_line_per_item():
    """A text export of "Nr. | Emne | Referat | Ansvarlig | Frist": each line is an item, its
    Referat cell the outcome, and its due cell dates the task in it."""
    from pipeline.process import PipelineConfig, process_path

    r = process_path(str(FIXTURES / "matrix.txt"), PipelineConfig(ner="rules"))
    assert [(i.number, i.title) for i in r.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Budget 2024"), ("3", "Evaluering"), ("4", "Eventuelt")]
    assert [(d.item_number, d.kind) for d in r.decisions] == [("1", "approved"), ("2", "approved"), ("3", "supported")]
    assert [(a.item_number, a.owner, a.due_date) for a in r.action_items] == [("2", "Sekretariatet", dt.date(2024, 4, 1))]
    assert [(d.item_number, d.due_date) for d in r.deadlines] == [("2", dt.date(2024, 4, 1))]


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_text_drawn_twice_for_a_fake_bold_is_read_once(reader):
    r = _pdf_record("overprinted.pdf", reader)
    assert r.text.startswith("Referat\nHandicaprådet")
    assert [(i.number, i.title) for i in r.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Tilgængelighedspolitik"), ("3", "Eventuelt")]
    assert [(a.owner, a.due_date) for a in r.action_items] == [("Sekretariatet", dt.date(2024, 5, 1))]


def test_the_outcome_written_straight_after_the_recommendation():
    """Minutes with no "Beslutning" heading: the resolution follows the recommendation's text.
    From the sentence that records it, the text is the outcome; a recommendation that tells of
    an earlier decision ("Byrådet godkendte den 5. marts …") stays a recommendation."""
    from pipeline.process import PipelineConfig, process_bytes

    text = ("Referat\nTeknisk Udvalg\nDato: 10. april 2024\n\n1. Vejplan 2024\nSagsfremstilling\nPlanen har været i høring.\n"
            "Indstilling\nForvaltningen indstiller, at planen godkendes.\n\nUdvalget godkendte indstillingen. "
            "Forvaltningen sender planen til byrådet senest 1. maj 2024.\n\n2. Budget\nIndstilling\n"
            "Forvaltningen indstiller, at udvalget tager orienteringen til efterretning. Byrådet godkendte den 5. marts budgettet.\n")
    r = process_bytes(text.encode(), "outcome_after_recommendation.txt", PipelineConfig(ner="rules"))
    assert [[s.kind for s in i.sections] for i in r.items] == [["sagsfremstilling", "indstilling", "referat"], ["indstilling"]]
    outcome = r.items[0].sections[-1]
    assert r.text[outcome.span.char_start:outcome.span.char_end] == outcome.text
    assert [(d.item_number, d.kind) for d in r.decisions] == [("1", "approved")]
    assert [(a.owner, a.due_date) for a in r.action_items] == [("Forvaltningen", dt.date(2024, 5, 1))]


def test_text_laid_out_in_columns_with_spaces_is_read_by_its_columns():
    """pdftotext -layout output of table.pdf and followup.pdf (committed, made with poppler's
    pdftotext): the columns are runs of spaces, and a character's column stands for its position,
    so the agenda table and the follow-up table are read as in the PDFs."""
    from pipeline.process import PipelineConfig, process_path

    table = process_path(str(FIXTURES / "table_layout.txt"), PipelineConfig(ner="rules"))
    assert [(i.number, i.title) for i in table.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Fælles kompetenceforløb for sagsbehandlere"),
        ("3", "Høring om ny model for takster"), ("4", "Eventuelt")]
    assert [(d.item_number, d.kind) for d in table.decisions][:3] == [("1", "approved"), ("2", "approved"), ("3", "noted")]
    followup = process_path(str(FIXTURES / "followup_layout.txt"), PipelineConfig(ner="rules"))
    assert [(a.owner, a.action, a.due_date) for a in followup.action_items] == [
        ("Sekretariatet", "Udarbejde notat om takster og om den fremtidige finansiering af akutteamet", dt.date(2024, 6, 1)),
        ("Camilla Lund", "Indkalde til temamøde", dt.date(2024, 9, 6)),
        ("Søren Gade Hansen", "Sende data fra Ikast-Brande", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Midt sammen med Nord og Syddanmark har foreslået et tilbud.",
     ["Region Midtjylland", "Region Nordjylland", "Region Syddanmark"]),
    ("Nordjylland, Midtjylland og Syddanmark deltager.", ["Region Nordjylland", "Region Midtjylland", "Region Syddanmark"]),
    ("Region Midtjylland og Nordjylland har aftalt …", ["Region Midtjylland", "Region Nordjylland"]),
    ("Nord og Syd mødes.", []),                      # no region's full name: north and south
])
def test_regions_named_without_region_in_a_list_of_regions(text, expected):
    from pipeline.gazetteer import find_municipalities

    assert [m.normalized for m in find_municipalities(text)] == expected
