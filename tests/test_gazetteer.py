"""Municipalities, regions and person names (pipeline.gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.gazetteer import (
    canonical_municipality,
    find_municipalities,
    first_names,
    is_first_name,
    last_names,
)

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "text" / "002_3388be411b985e9f.txt"

CANONICAL = [
    ("Århus", "Aarhus Kommune"),
    ("Aarhus", "Aarhus Kommune"),
    ("Aarhus'", "Aarhus Kommune"),
    ("Aarhus Kommunes", "Aarhus Kommune"),
    ("Norrdjurs Kommune", "Norddjurs Kommune"),
    ("Ikast-Brandø", "Ikast-Brande Kommune"),
    ("Ringkøbing Skjern", "Ringkøbing-Skjern Kommune"),
    ("Høje Tåstrup Kommune", "Høje-Taastrup Kommune"),
    ("Lyngby-Taarbæk", "Lyngby-Taarbæk Kommune"),
    ("København", "Københavns Kommune"),
    ("Københavns Kommune", "Københavns Kommune"),
    ("Bornholm", "Bornholms Regionskommune"),
    ("Nordfyn", "Nordfyns Kommune"),
    ("Vesthimmerland", "Vesthimmerlands Kommune"),
    ("Frederikshavns", "Frederikshavn Kommune"),
    ("Holstebros", "Holstebro Kommune"),
    ("Region Midt", "Region Midtjylland"),
    ("Region Midtjyllands", "Region Midtjylland"),
    ("Region H", "Region Hovedstaden"),
    ("Region Syd", "Region Syddanmark"),
    ("Region Sjælland", "Region Sjælland"),
    ("Region Nord", "Region Nordjylland"),
]


@pytest.mark.parametrize(("name", "expected"), CANONICAL)
def test_canonical_municipality(name: str, expected: str) -> None:
    assert canonical_municipality(name) == expected


@pytest.mark.parametrize("name", ["Hammel", "Ry", "Hornslet", "Brande", "KL", "Socialstyrelsen", "Regionen", "", "Jylland"])
def test_canonical_rejects_non_municipalities(name: str) -> None:
    assert canonical_municipality(name) is None


# (text, [(printed text, normalized)])
FIND = [
    ("Jette Lorenzen  Odder Kommune", [("Odder Kommune", "Odder Kommune")]),
    ("Kenneth Koed Nielsen  Norrdjurs Kommune", [("Norrdjurs Kommune", "Norddjurs Kommune")]),
    ("Karen Heebøl  Ikast-Brandø Kommune", [("Ikast-Brandø Kommune", "Ikast-Brande Kommune")]),
    ("Ved Lotte Henriksen, Socialchef Aarhus Kommune, og", [("Aarhus Kommune", "Aarhus Kommune")]),
    ("er det Viborg Kommunes vurdering", [("Viborg Kommunes", "Viborg Kommune")]),
    ("Leder Nikolaj Nørregaard, Frederikshavns Kommune", [("Frederikshavns Kommune", "Frederikshavn Kommune")]),
    ("Høje Taastrup Kommune", [("Høje Taastrup Kommune", "Høje-Taastrup Kommune")]),
    ("Bornholms Regionskommune", [("Bornholms Regionskommune", "Bornholms Regionskommune")]),
    ("VIBORG KOMMUNE", [("VIBORG KOMMUNE", "Viborg Kommune")]),
    ("kommunerne i Region Midt. Det", [("Region Midt", "Region Midtjylland")]),
    ("behandlingskapaciteten i Region Nordjyllands psykiatri", [("Region Nordjyllands", "Region Nordjylland")]),
    ("Region Syddanmarks døgntilbud", [("Region Syddanmarks", "Region Syddanmark")]),
    ("Frederikshavn og Vesthimmerlands kommuner samt Sødysbakke",
     [("Frederikshavn", "Frederikshavn Kommune"), ("Vesthimmerlands", "Vesthimmerlands Kommune")]),
    ("deltager Hedensted, Favrskov, Viborg og Aarhus Kommuner og Socialstyrelsen",
     [("Hedensted", "Hedensted Kommune"), ("Favrskov", "Favrskov Kommune"),
      ("Viborg", "Viborg Kommune"), ("Aarhus", "Aarhus Kommune")]),
    ("Fem kommuner (Favrskov, Holstebro og\nAarhus) oplever",
     [("Favrskov", "Favrskov Kommune"), ("Holstebro", "Holstebro Kommune"), ("Aarhus", "Aarhus Kommune")]),
    ("Skive, Viborg, Lemvig", [("Skive", "Skive Kommune"), ("Viborg", "Viborg Kommune"), ("Lemvig", "Lemvig Kommune")]),
    ("Randers, Aarhus og Hammel", [("Randers", "Randers Kommune"), ("Aarhus", "Aarhus Kommune")]),
    ("Aarhus' og Randers' borgere", [("Aarhus'", "Aarhus Kommune"), ("Randers'", "Randers Kommune")]),
    ("mødet med Aarhus' borgmester", [("Aarhus'", "Aarhus Kommune")]),
    ("Viborgs byråd og Skive Kommunalbestyrelse", [("Viborgs", "Viborg Kommune"), ("Skive", "Skive Kommune")]),
    ("Kommunalbestyrelsen i Halsnæs og borgmesteren i Viborg", [("Halsnæs", "Halsnæs Kommune"), ("Viborg", "Viborg Kommune")]),
    ("Kolding Kommune: 1, Middelfart Kommune: 1, og Københavns Kommune: 1.",
     [("Kolding Kommune", "Kolding Kommune"), ("Middelfart Kommune", "Middelfart Kommune"),
      ("Københavns Kommune", "Københavns Kommune")]),
    # a hyphenated name printed with a space, inside a bare list; former and town spellings
    ("Lyngby-Taarbæk, Høje Taastrup og Fakse",
     [("Lyngby-Taarbæk", "Lyngby-Taarbæk Kommune"), ("Høje Taastrup", "Høje-Taastrup Kommune"), ("Fakse", "Faxe Kommune")]),
    ("Ringkøbing Skjern og Herning", [("Ringkøbing Skjern", "Ringkøbing-Skjern Kommune"), ("Herning", "Herning Kommune")]),
    ("Brønderslev-Dronninglund Kommune", [("Brønderslev-Dronninglund Kommune", "Brønderslev Kommune")]),
    # a bare name joined to an explicit one
    ("Århus Kommune og Aabenraa deltager", [("Århus Kommune", "Aarhus Kommune"), ("Aabenraa", "Aabenraa Kommune")]),
    ("Favrskov og Aarhus Kommune deltager", [("Favrskov", "Favrskov Kommune"), ("Aarhus Kommune", "Aarhus Kommune")]),
    ("Kontakt Viborg Kommune, Aarhus Universitet", [("Viborg Kommune", "Viborg Kommune")]),
    ("Skive Kommune og Hammel Idrætsforening", [("Skive Kommune", "Skive Kommune")]),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_municipalities(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_municipalities(text)
    assert [(m.text, m.normalized) for m in found] == expected
    for m in found:
        assert text[m.start: m.end] == m.text
        assert m.kind == ("region" if m.normalized.startswith("Region") else "municipality")


NOT_MUNICIPALITIES = [
    "Viborg Rådhus, Prinsens Alle 5, 8800 Viborg",       # address
    "Remisevej 1, 7330 Brande",                           # address, town
    "pladser på Tagdækkervej i Hammel samt i Ry",        # towns
    "placeret i Aarhus med en satellit",                 # bare single name
    "Aarhus og Hammel",                                   # only one municipality in the list
    "Vejen til målet er lang",                            # common word
    "Lotte, Hans og Jens",                                # list of first names
    "Regionsrådet og regionen drøftede det",              # not "Region X"
    "KL og Socialstyrelsen",                              # national bodies
    "Hammel Kommune",                                     # not a (current) municipality
    "Denne kommune og enhver kommune",
    "Hornslet, Hammel og Ry",
    "Hammels borgmester og Ry Byråd",                     # offices of towns that are no municipality
    "byrådet i Ry og mødet i Herning",
    "Den nye Borgmester",
]


@pytest.mark.parametrize("text", NOT_MUNICIPALITIES)
def test_find_municipalities_rejects(text: str) -> None:
    assert find_municipalities(text) == []


def test_names() -> None:
    assert "Lotte" in first_names() and "Jensen" in last_names()
    assert "Jensen" not in first_names()
    assert is_first_name("Lotte") and is_first_name("LOTTE") and is_first_name("Ann-Britt")
    assert not is_first_name("Jensen") and not is_first_name("")
    assert len(first_names()) > 2000 and len(last_names()) > 1500


def test_sample_minutes() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    found = find_municipalities(text)
    for m in found:
        assert text[m.start: m.end] == m.text
    names = {m.normalized for m in found}
    assert {"Struer Kommune", "Ringkøbing-Skjern Kommune", "Norddjurs Kommune", "Ikast-Brande Kommune",
            "Samsø Kommune", "Region Midtjylland"} <= names
    # "Region Midt" and the bare list "(Favrskov, Holstebro, Randers, Samsø og Aarhus)" are read
    assert any(m.text == "Region Midt" for m in found)
    assert any(m.text == "Favrskov" for m in found)
    # the address "8800 Viborg" is not a mention; towns are never municipalities
    assert not any(text[max(0, m.start - 5): m.start].strip().isdigit() for m in found)
    assert not any(m.text in {"Hammel", "Brande"} for m in found)
