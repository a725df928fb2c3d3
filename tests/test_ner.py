"""NER: backend selection (without DaCy), the spaCy pipeline factory, and normalised entities
with provenance on the real samples."""

from __future__ import annotations

import builtins
import importlib

import pytest

from pipeline.ner import backends
from pipeline.ner.backends import Backend, BackendUnavailable, resolve_backend
from pipeline.ner.persons import PersonNormalizer, rule_mentions


@pytest.fixture(autouse=True)
def _fresh_cache():
    resolve_backend.cache_clear()
    yield
    resolve_backend.cache_clear()


def test_dacy_missing_says_how_to_install(monkeypatch):
    real_import = builtins.__import__

    def no_dacy(name, *args, **kwargs):
        if name == "dacy":
            raise ImportError("No module named 'dacy'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dacy)
    with pytest.raises(BackendUnavailable, match=r"pip install 'referater\[dacy\]'"):
        resolve_backend("dacy")


def test_auto_skips_dacy_when_not_installed_and_falls_back(monkeypatch):
    calls = []
    monkeypatch.setattr(backends, "dacy_installed", lambda: False)
    monkeypatch.setitem(backends.LOADERS, "dacy", lambda size: calls.append("dacy") or Backend("dacy:" + size, None))
    monkeypatch.setitem(backends.LOADERS, "bundled", lambda size: Backend("bundled", None))
    assert resolve_backend("auto").name == "bundled"
    assert calls == []


def test_auto_uses_dacy_when_it_loads(monkeypatch):
    monkeypatch.setattr(backends, "dacy_installed", lambda: True)
    monkeypatch.setitem(backends.LOADERS, "dacy", lambda size: Backend(f"dacy:{size}", None))
    assert resolve_backend("auto", "medium").name == "dacy:medium"


def test_auto_falls_back_when_dacy_model_cannot_load(monkeypatch):
    def fail(size):
        raise BackendUnavailable("no internet")

    monkeypatch.setattr(backends, "dacy_installed", lambda: True)
    monkeypatch.setitem(backends.LOADERS, "dacy", fail)
    monkeypatch.setitem(backends.LOADERS, "bundled", fail)
    assert resolve_backend("auto").name == "rules"


def test_dacy_loader_calls_dacys_own_loader(monkeypatch):
    import sys
    import types

    loaded = []
    fake = types.ModuleType("dacy")
    fake.load = lambda name: loaded.append(name) or "nlp"
    monkeypatch.setitem(sys.modules, "dacy", fake)
    assert resolve_backend("dacy", "large") == Backend("dacy:large", "nlp")
    assert loaded == ["da_dacy_large_trf-0.2.0"]


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(BackendUnavailable, match="unknown NER backend"):
        resolve_backend("spacy-xl")


def test_bundled_model_ships_and_loads():
    path = backends.models_dir() / backends.BUNDLED_MODEL_NAME
    if not (path / "meta.json").exists():
        pytest.fail(f"the bundled model is missing from {path}")
    backend = resolve_backend("bundled")
    assert "ner" in backend.nlp.pipe_names
    labels = set(backend.nlp.get_pipe("ner").labels)
    assert {"PER", "ORG", "LOC"} <= labels


def test_pipeline_factory_composes_components():
    from pipeline.ner import build_pipeline

    nlp = build_pipeline("rules")
    assert nlp.pipe_names[0] == "referater_sentences"
    assert {"referater_municipalities", "referater_dates"} <= set(nlp.pipe_names)
    doc = nlp("DASSOS mødes jf. aftalen kl. 9.00 den 5. august 2021 med Favrskov, Holstebro og Aarhus.")
    assert [s.kb_id_ for s in doc.spans["dates"]] == ["2021-08-05"]
    assert [s.kb_id_ for s in doc.spans["municipalities"]] == ["Favrskov Kommune", "Holstebro Kommune", "Aarhus Kommune"]
    assert len(list(doc.sents)) == 1  # "jf." and "kl." do not end the sentence


@pytest.mark.parametrize("text,expected", [
    ("Leif Serup påpeger, at det er nødvendigt", ["Leif Serup"]),
    ("- Leder Nikolaj Kramer Nørregaard, Frederikshavns Kommune", ["Nikolaj Kramer Nørregaard"]),
    ("Hans Chr. Mariegaard (Fraværende)", ["Hans Chr. Mariegaard"]),
    ("Christian Budde Opstrup KKR Sekretariat", ["Christian Budde Opstrup"]),
    ("Formanden takkede Aarhus Kommune", []),
    ("Sekretariatet (Karina Bøgh) sender materialet", ["Karina Bøgh"]),  # a bracket before the name
    ("Anne-Marie de la Cour fra Odense Kommune", ["Anne-Marie de la Cour"]),  # particles inside
    ("Niels Bohrs Vej 30", ["Niels Bohrs"]),  # found here, dropped in find_entities (a street follows)
    ("Stephanie Lose          Bo Libergren", ["Stephanie Lose", "Bo Libergren"]),  # a signature line's column gap
    ("Stephanie Lose\tBo Libergren", ["Stephanie Lose", "Bo Libergren"]),
    # a job title before a name whose first name is not on the list
    ("- Jurist Chanett Gylden Oehlenschlager, Aalborg Kommune", ["Chanett Gylden Oehlenschlager"]),
    ("Konsulent Region Midtjylland deltog", []),
    # a short surname ending the sentence is no initial; an abbreviated middle name is
    ("Oplægget holdes af Lone Bak.", ["Lone Bak"]),
    ("Mødet ledes af Hans Chr.", []),
])
def test_person_rules(text, expected):
    assert [m.text for m in rule_mentions(text)] == expected


def test_person_normalised_to_fullest_form():
    norm = PersonNormalizer(["Hans Chr. Mariegaard", "Lotte Henriksen", "Jette Lorenzen"])
    assert norm.normalize("Hans Mariegaard") == "Hans Chr. Mariegaard"
    assert norm.normalize("Lotte") == "Lotte Henriksen"
    assert norm.normalize("formanden Lotte Henriksen") == "Lotte Henriksen"
    assert norm.normalize("mesm@viborg.dk") is None
    assert norm.normalize("Rigmor") is None  # a lone first name nobody carries in full
    norm = PersonNormalizer(["Jens Peter Hansen", "Anne Marie Holm", "Anne Marie Kjær"])
    assert norm.normalize("Jens Peter") == "Jens Peter Hansen"  # first names without the surname
    assert norm.normalize("Anne Marie") is None  # two people begin that way
    # the model's own "Jens Peter" mention does not make the short form ambiguous
    assert PersonNormalizer(["Jens Peter Hansen", "Jens Peter"]).normalize("Jens Peter") == "Jens Peter Hansen"
    # a possessive -s on a surname known without it: "Lars Løkke Rasmussens udtalelser"
    norm = PersonNormalizer(["Lars Løkke Rasmussens", "Stephanie Lose", "Claus Friis"])
    assert norm.normalize("Lars Løkke Rasmussens") == "Lars Løkke Rasmussen"   # the surname list
    assert norm.normalize("Stephanie Loses") == "Stephanie Lose"                # the document's own name
    assert norm.normalize("Claus Friis'") == "Claus Friis"
    assert norm.normalize("Claus Friis") == "Claus Friis"                       # a surname ending in s stays
    # two attendees run together on a signature line are nobody's fuller form
    norm = PersonNormalizer(["Stephanie Lose", "Bo Libergren", "Stephanie Lose Bo Libergren"])
    assert norm.normalize("Stephanie Lose") == "Stephanie Lose"
    assert norm.normalize("Bo Libergren") == "Bo Libergren"
    # one name and the first word of the next, read as one line of a list, are nobody's fuller form
    norm = PersonNormalizer(["Carsten Leth Schmidt", "Ellen Margrethe Kristensen", "Carsten Leth Schmidt Ellen"])
    assert norm.normalize("Carsten Leth Schmidt") == "Carsten Leth Schmidt"
    # a surname misspelt by one letter where one person carries that first name: the same person
    norm = PersonNormalizer(["Dorte Juul Hansen", "Leif Serup", "Dorte Juhl"])
    assert norm.normalize("Dorte Juhl") == "Dorte Juul Hansen"
    assert PersonNormalizer(["Dorte Juul Hansen", "Dorte Jensen", "Dorte Juhl"]).normalize("Dorte Juhl") == "Dorte Juhl"
    # a list in capitals and the text in ordinary case name one person, written as in the text
    norm = PersonNormalizer(["JENS HANSEN", "Jens Hansen", "LISE BERG"])
    assert norm.normalize("JENS HANSEN") == norm.normalize("Jens Hansen") == "Jens Hansen"
    assert norm.normalize("LISE BERG") == "LISE BERG"


def test_entities_on_a_real_pdf(records):
    rec = records["002_3388be411b985e9f.pdf"]
    by_label = {}
    for e in rec.entities:
        by_label.setdefault(e.label, set()).add(e.normalized)
    assert {"Aarhus Kommune", "Ringkøbing-Skjern Kommune", "Region Midtjylland", "Ikast-Brande Kommune"} <= by_label["MUNICIPALITY"]
    assert {"2021-11-25", "2022-01-10", "2021-12-15", "2022-12-01"} <= by_label["DATE"]
    assert {"Jesper Thyrring Møller", "Anette Holm", "Rikke Holm Bramsen"} <= by_label["PERSON"]
    assert not any("@" in p for p in by_label["PERSON"])
    # "8800 Viborg" is an address, not a municipality mention
    import re

    assert not any(re.search(r"\d{4}\s$", rec.text[max(0, e.span.char_start - 5):e.span.char_start])
                   for e in rec.entities if e.label == "MUNICIPALITY")
    # provenance: every entity points at its text
    for e in rec.entities:
        assert rec.text[e.span.char_start:e.span.char_end] == e.text
        assert e.span.page is not None
    in_items = [e for e in rec.entities if e.item_number]
    assert in_items and all(e.item_number in {i.number for i in rec.items} for e in in_items)


@pytest.mark.parametrize("found,expected", [
    ("Jurist Chanett Gylden Oehlenschlager", "Chanett Gylden Oehlenschlager"),
    ("Alberthe Bruzelius", "Alberthe Bruzelius"),
    ("Nordjysk Socialaftale", None),
    ("Region Midtjylland", None),
    ("FU Social", None),
    ("Specialområde Hjernesgade", None),
    ("Lotte", None),
    ("Niels Bohrs Vej", None),
])
def test_model_person_filter(found, expected):
    from pipeline.ner.persons import plausible_person

    assert plausible_person(found) == expected


def test_streets_and_institutions_named_after_people_are_no_persons():
    from pipeline.ner.persons import names_a_street

    text = "Mødested: Niels Bohrs Vej 30. H.C. Andersen Skolen og Niels Bohr Instituttet deltager."
    assert names_a_street(text, text.index(" Vej"))
    assert names_a_street(text, text.index(" Instituttet"))
    assert not names_a_street("Niels Bohr deltog.", len("Niels Bohr"))


def test_a_common_word_opening_a_sentence_is_no_organisation_or_place():
    import spacy
    from spacy.tokens import Span as SpacySpan

    from pipeline.ner.entities import _plausible_org_or_place

    doc = spacy.blank("da")("Anbefales. Administrationen sender svar, og Byrådet samt Venstre behandler sagen i Aarhus.")
    spans = {t.text: SpacySpan(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text[:1].isupper()}
    assert not _plausible_org_or_place(spans["Anbefales"])          # common word, sentence start
    assert not _plausible_org_or_place(spans["Administrationen"])
    assert _plausible_org_or_place(spans["Byrådet"])                # mid-sentence capital: kept
    assert _plausible_org_or_place(spans["Venstre"])                # on the organisation list
    assert _plausible_org_or_place(spans["Aarhus"])                 # a place
    doc3 = spacy.blank("da")("Deltagere: Ali Hussein (SF), Bo Holm (V) og SF i Aarhus.")
    sf = [SpacySpan(doc3, t.i, t.i + 1, label="ORG") for t in doc3 if t.text == "SF"]
    assert not _plausible_org_or_place(sf[0])                       # "(SF)" after a name: a party letter
    assert _plausible_org_or_place(sf[1])                           # the party named in the text
    doc2 = spacy.blank("da")("Aarhus har besluttet det.")
    assert _plausible_org_or_place(SpacySpan(doc2, 0, 1, label="ORG"))  # a place opening a sentence


def test_model_org_or_place_that_only_repeats_a_found_municipality_is_dropped():
    from pipeline.ner.backends import Backend
    from pipeline.ner.entities import _pipeline_for, _plausible_org_or_place

    nlp = _pipeline_for(Backend(name="rules"))
    doc = nlp("Mødet med Esbjerg, Kolding og Vejle Kommuner og Aarhus Kommunes Socialforvaltning om Danske Regioner.")
    found = {s.text for s in doc.spans["municipalities"]}
    assert {"Kolding", "Vejle", "Aarhus Kommunes"} <= found
    def span(text):
        start = doc.text.index(text)
        return doc.char_span(start, start + len(text), label="ORG")
    assert not _plausible_org_or_place(span("Kolding"))
    assert not _plausible_org_or_place(span("Vejle Kommuner"))
    assert _plausible_org_or_place(span("Aarhus Kommunes Socialforvaltning"))  # more than the municipality
    assert _plausible_org_or_place(span("Danske Regioner"))  # no municipality inside


def test_model_org_rows_lose_document_words_and_streets_are_places():
    import spacy
    from spacy.tokens import Span as SpacySpan

    from pipeline.ner.entities import STREET_END, _without_document_words

    doc = spacy.blank("da")("Beslutningsprotokol Regionsrådet Referat mødes på Fabrikvej 5")
    assert _without_document_words(SpacySpan(doc, 0, 3, label="ORG")).text == "Regionsrådet"
    assert _without_document_words(SpacySpan(doc, 2, 3, label="ORG")) is None
    assert STREET_END.search("Fabrikvej") and STREET_END.search("Rådhustorvet") and not STREET_END.search("Venstre")
    assert STREET_END.search("Østerøvej 2") and STREET_END.search("Torvegade 14B") and not STREET_END.search("Budget 2025")
