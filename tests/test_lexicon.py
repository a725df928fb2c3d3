"""Name and place lists as NER features (pipeline/ner/lexicon.py) and the name-swap augmentation
used to train the bundled model (pipeline/train.py)."""

from __future__ import annotations

import spacy
from spacy.attrs import IDS

from pipeline.ner import backends
from pipeline.ner.lexicon import FLAG_OF_LIST, LexiconFlags, default_lists
from pipeline.train import augment_names, iob_spans

FIRST, LAST, PLACE = (IDS[FLAG_OF_LIST[k]] for k in ("first_name", "last_name", "place"))


def _flags(nlp, text: str) -> list[tuple[int, int, int]]:
    doc = nlp(text)
    return [tuple(int(v) for v in row) for row in doc.to_array([FIRST, LAST, PLACE])]


def test_default_lists_hold_names_municipalities_and_world_places():
    lists = default_lists()
    assert {"Mette", "Lars"} <= set(lists["first_name"])
    assert "Jensen" in lists["last_name"]
    assert {"Aarhus", "Ikast-Brande", "Jylland", "Tyskland", "Bruxelles"} <= set(lists["place"])


def test_flags_mark_printed_and_capitalised_forms_not_lower_case_words():
    nlp = spacy.blank("da")
    nlp.add_pipe("referater_lexicon").initialize()
    assert _flags(nlp, "Mette Jensen bor i Tyskland") == [(1, 0, 0), (0, 1, 0), (0, 0, 0), (0, 0, 0), (0, 0, 1)]
    assert _flags(nlp, "METTE JENSEN") == [(1, 0, 0), (0, 1, 0)]
    # "mark" and "bo" are Danish words before they are names
    assert _flags(nlp, "de bo på en mark") == [(0, 0, 0)] * 5


def test_lists_travel_with_the_component_and_set_flags_again_on_load(tmp_path):
    nlp = spacy.blank("da")
    nlp.add_pipe("referater_lexicon").initialize(lists={"first_name": ["Zyxa"], "place": ["Qwertyby"]})
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert _flags(loaded, "Zyxa flytter til Qwertyby") == [(1, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 1)]
    restored = LexiconFlags(spacy.blank("da"), "lexicon").from_bytes(nlp.get_pipe("referater_lexicon").to_bytes())
    assert restored.lists["place"] == ["Qwertyby"]


def test_the_shipped_model_reads_the_flags():
    nlp = backends.resolve_backend("bundled").nlp
    assert nlp.pipe_names[0] == "lexicon"
    embed_attrs = nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]
    assert set(FLAG_OF_LIST.values()) <= set(embed_attrs)
    assert _flags(nlp, "Mette Kristensen fra Randers") == [(1, 0, 0), (0, 1, 0), (0, 0, 0), (0, 0, 1)]


def test_augmentation_swaps_person_and_place_names_and_keeps_tags_aligned():
    sentences = [
        (["Formand", "Anders", "Fogh", "Rasmussen", "besøgte", "Kolding", "."],
         ["O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "O"]),
        (["Folketinget", "mødes", "."], ["B-ORG", "O", "O"]),
    ]
    lists = default_lists()
    copies = augment_names(sentences, copies=3, seed=7)
    assert len(copies) == 3  # the sentence without a person or place is not copied
    for words, tags in copies:
        assert len(words) == len(tags)
        spans = iob_spans(tags)
        assert [lab for *_, lab in spans] == ["PER", "LOC"]
        (ps, pe, _), (ls, le, _) = spans
        assert pe - ps == 3 and words[ps] in lists["first_name"] and words[pe - 1] in lists["last_name"]
        assert words[ls] in lists["place"]
        assert (words[0], words[pe], words[-1]) == ("Formand", "besøgte", ".")
    assert augment_names(sentences, copies=3, seed=7) == copies  # reproducible
