"""Word lists as features of the statistical NER: a spaCy component that marks lexemes.

A CNN trained on 80,000 words of news has seen few of the names it will meet. The name and place
lists we ship (Danish first and last names, municipalities, CLDR's Danish names of countries and
cities) tell the model what it cannot learn from so little text. The component stores the lists
and, when it is initialised or loaded, registers one lexeme flag per list (spaCy's
``Vocab.add_flag``); the tok2vec embeds the flags like any other token attribute (``FLAG30`` …
in ``models/ner.cfg``). So the lists are features the model learns to weigh, not rules: "Bo"
the name and "bo" the verb differ by case and context.

Lexeme flags are not saved with a vocabulary, which is why the lists travel in the component's
own folder and the flags are set again in ``from_disk``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable

from spacy.attrs import IDS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

# register what a trained model's config may name: the embedding architecture, and the label
# filter of models trained with --aux-labels
from . import aux_labels, encoders, features  # noqa: F401

# list name -> the flag attribute the tok2vec reads (models/ner.cfg names the same attributes,
# or pipeline/ner/features.py combines them into one "lexclass" feature)
FLAG_OF_LIST: dict[str, str] = {
    "first_name": "FLAG30",
    "last_name": "FLAG31",
    "place": "FLAG32",
    "org_word": "FLAG33",
    "org_name": "FLAG34",
    "zipf_5": "FLAG35",
    "zipf_4": "FLAG36",
    "zipf_3": "FLAG37",
    "zipf_low": "FLAG38",
}
# Zipf frequency bands (log10 per billion words) with their floors: 5+ the most common thousand
# words, 4-5 common words, 3.5-4 and 3-3.5 rarer ones; a word not on the list is rarer still (or
# a name).
ZIPF_BANDS: tuple[tuple[str, float], ...] = (("zipf_5", 5.0), ("zipf_4", 4.0), ("zipf_3", 3.5), ("zipf_low", 0.0))
# The bands are matched on the lower-cased word (how common a word is, whatever its case); the
# other lists as printed and in capitals.
CASELESS_LISTS = frozenset(name for name, _ in ZIPF_BANDS)

# Danish parts of the country that are no municipality and no country (a fact list, not data
# from the training set)
_DANISH_LANDSDELE = (
    "Jylland", "Nordjylland", "Midtjylland", "Sydjylland", "Sønderjylland", "Vestjylland", "Østjylland",
    "Fyn", "Sjælland", "Nordsjælland", "Lolland", "Falster", "Bornholm", "Himmerland", "Vendsyssel",
    "Djursland", "Salling", "Thy", "Mors", "Als", "Møn",
)


def default_lists() -> dict[str, list[str]]:
    """The lists shipped in ``pipeline/resources`` (see GAZETTEERS_SOURCES.md there)."""
    from .. import gazetteer

    places: set[str] = set(_DANISH_LANDSDELE)
    raw = gazetteer.resource_text("places_da.txt")
    places.update(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))
    for row in gazetteer._read_csv("dk_kommuner.csv"):
        places.update(row["navn"].split())
    for row in gazetteer._read_csv("dk_regioner.csv"):
        places.add(row["kort_navn"])
    lists = {
        "first_name": sorted(gazetteer.first_names()),
        "last_name": sorted(gazetteer.last_names()),
        "place": sorted(p for p in places if p[:1].isupper()),
    }
    lists.update(_organisation_lists(gazetteer.resource_text("organisations_da.txt")))
    lists.update(_frequency_bands(gazetteer.resource_text("wordfreq_da.tsv")))
    return lists


def _frequency_bands(text: str) -> dict[str, list[str]]:
    bands: dict[str, list[str]] = {name: [] for name, _ in ZIPF_BANDS}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, zipf = line.split("\t")
        bands[next(name for name, floor in ZIPF_BANDS if float(zipf) >= floor)].append(word)
    return bands


def _organisation_lists(text: str) -> dict[str, list[str]]:
    """``[org_word]`` lines as they are; ``[org_name]`` lines split into their capitalised words."""
    lists: dict[str, set[str]] = {"org_word": set(), "org_name": set()}
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if section == "org_word":
            lists["org_word"].add(line)
        elif section == "org_name":
            lists["org_name"].update(w for w in line.split()
                                     if w[:1].isupper() or (w[:1].isdigit() and any(c.isalpha() for c in w)))
    return {name: sorted(words) for name, words in lists.items()}


def _member_test(words: Iterable[str], caseless: bool = False) -> Callable[[str], bool]:
    if caseless:
        lowered = frozenset(w.lower() for w in words)
        return lambda text: text.lower() in lowered
    # the printed form and its capitals ("HANSEN" in a list of participants), never the lower
    # case: "mark" and "bo" are words before they are names
    forms = frozenset(f for w in words for f in (w, w.upper()))
    return lambda text: text in forms


@Language.factory("referater_lexicon", default_config={})
class LexiconFlags:
    """Sets no annotation on the Doc: its work is the lexeme flags the tok2vec embeds."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.lists: dict[str, list[str]] = {}

    def __call__(self, doc: Doc) -> Doc:
        return doc

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   lists: dict[str, list[str]] | None = None) -> None:
        self.set_lists(lists if lists is not None else default_lists())

    def set_lists(self, lists: dict[str, list[str]]) -> None:
        unknown = set(lists) - set(FLAG_OF_LIST)
        if unknown:
            raise ValueError(f"no lexeme flag for list(s) {sorted(unknown)}; known: {sorted(FLAG_OF_LIST)}")
        self.lists = {k: list(v) for k, v in lists.items()}
        for list_name, flag in FLAG_OF_LIST.items():
            self.vocab.add_flag(_member_test(self.lists.get(list_name, ()), list_name in CASELESS_LISTS),
                                flag_id=IDS[flag])

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lists.json").write_text(json.dumps(self.lists, ensure_ascii=False, indent=0), encoding="utf-8")

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "LexiconFlags":
        self.set_lists(json.loads((Path(path) / "lists.json").read_text(encoding="utf-8")))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.lists, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "LexiconFlags":
        self.set_lists(json.loads(data.decode("utf-8")))
        return self
