"""Word lists and extra token features of the bundled NER (pipeline/ner/lexicon.py,
pipeline/ner/features.py), its auxiliary training labels (pipeline/ner/aux_labels.py) and the
name-swap augmentation option of pipeline/train.py."""

from __future__ import annotations

import spacy
from spacy.attrs import IDS

import pytest
from spacy.strings import hash_string
from spacy.tokens import Doc

from pipeline.ner import backends
from pipeline.ner.features import EXTRA_FEATURES, LEXCLASS_FLAGS, extract_features
from pipeline.ner.lexicon import FLAG_OF_LIST, LexiconFlags, default_lists
from pipeline.train import augment_names, iob_spans, map_tag

FIRST, LAST, PLACE = (IDS[FLAG_OF_LIST[k]] for k in ("first_name", "last_name", "place"))


def _flags(nlp, text: str) -> list[tuple[int, int, int]]:
    doc = nlp(text)
    return [tuple(int(v) for v in row) for row in doc.to_array([FIRST, LAST, PLACE])]


def test_default_lists_hold_names_municipalities_and_world_places():
    lists = default_lists()
    assert {"Mette", "Lars"} <= set(lists["first_name"])
    assert "Jensen" in lists["last_name"]
    assert {"Aarhus", "Ikast-Brande", "Jylland", "Tyskland", "Bruxelles"} <= set(lists["place"])


def test_default_lists_hold_organisation_words_and_frequency_bands():
    lists = default_lists()
    assert {"Kommune", "Ministeriet", "A/S", "Forening"} <= set(lists["org_word"])
    # multi-word names are marked word by word; bare numbers ("TV 2") are not marked
    assert {"KL", "Novo", "Nordisk", "Folketinget", "3F"} <= set(lists["org_name"])
    assert "2" not in lists["org_name"]
    assert {"og", "kommune"} <= set(lists["zipf_5"]) and "februar" in lists["zipf_4"]
    bands = [set(lists[b]) for b in ("zipf_5", "zipf_4", "zipf_3", "zipf_low")]
    assert all(not (a & b) for i, a in enumerate(bands) for b in bands[i + 1:])


def test_frequency_bands_are_matched_whatever_the_case():
    nlp = spacy.blank("da")
    nlp.add_pipe("referater_lexicon").initialize()
    common = IDS[FLAG_OF_LIST["zipf_5"]]
    assert [int(v) for v in nlp("Og og OG Xqzvw").to_array([common])] == [1, 1, 1, 0]


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


def test_the_shipped_model_reads_the_flags_and_the_extra_features():
    nlp = backends.resolve_backend("bundled").nlp
    assert nlp.pipe_names[0] == "lexicon"
    embed = nlp.config["components"]["tok2vec"]["model"]["embed"]
    assert embed["@architectures"] == "referater.FeatureHashEmbed.v1"
    assert "lexclass" in embed["extras"] and "suffix4" in embed["extras"]
    assert set(FLAG_OF_LIST.values()) <= set(LEXCLASS_FLAGS)
    assert _flags(nlp, "Mette Kristensen fra Randers") == [(1, 0, 0), (0, 1, 0), (0, 0, 0), (0, 0, 1)]


def test_extra_features_hash_longer_affixes_and_combine_the_flags_into_one_class():
    nlp = spacy.blank("da")
    nlp.add_pipe("referater_lexicon").initialize()
    doc = Doc(nlp.vocab, words=["Justitsministeriet", "Mette", "Aarhus", "Kommune"])
    extractor = extract_features(["NORM"], ["prefix3", "suffix4", "lexclass"])
    (table,), _ = extractor([doc], False)
    assert table.shape == (4, 4)
    assert int(table[0, 1]) == hash_string("jus") and int(table[0, 2]) == hash_string("riet")
    assert int(table[0, 0]) == doc[0].norm

    def bits(word: str) -> set[str]:
        lexclass = int(table[[t.text for t in doc].index(word), 3])
        return {flag for i, flag in enumerate(LEXCLASS_FLAGS) if lexclass >> i & 1}

    by_flag = {flag: name for name, flag in FLAG_OF_LIST.items()}
    assert "first_name" in {by_flag[f] for f in bits("Mette")}
    assert {"place", "zipf_5"} <= {by_flag[f] for f in bits("Aarhus")}
    assert "org_word" in {by_flag[f] for f in bits("Kommune")}


def test_unknown_extra_feature_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown extra feature"):
        extract_features(["NORM"], ["suffix9"])
    assert {"prefix3", "suffix4", "suffix5", "lexclass"} <= set(EXTRA_FEATURES)


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


def test_derived_and_part_names_become_auxiliary_labels_only_when_asked():
    assert [map_tag(t) for t in ("B-LOCderiv", "I-ORGpart", "B-PER", "I-MISC")] == ["O", "O", "B-PER", "I-MISC"]
    assert [map_tag(t, aux_labels=True) for t in ("B-LOCderiv", "I-ORGpart", "B-PERpart", "B-PER", "B-XYZpart", "O")] \
        == ["B-DERIV", "I-PART", "B-PART", "B-PER", "O", "O"]


def test_the_label_filter_drops_auxiliary_entities_and_keeps_the_rest():
    nlp = spacy.blank("da")
    drop = nlp.add_pipe("referater_drop_labels")
    doc = nlp.make_doc("De russiske EU-landes ministre mødtes i Rom")
    doc.ents = [doc.char_span(3, 11, "DERIV"), doc.char_span(12, 21, "PART"), doc.char_span(40, 43, "LOC")]
    assert [(e.text, e.label_) for e in drop(doc).ents] == [("Rom", "LOC")]
