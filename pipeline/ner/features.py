"""Token features for the bundled NER's tok2vec beyond spaCy's built-in attributes.

spaCy's ``MultiHashEmbed`` embeds token attributes it knows (``NORM``, ``PREFIX`` = the first
character, ``SUFFIX`` = the last three, ``SHAPE``, lexeme flags). Danish builds organisation and
event names by compounding ("Justitsministeriet", "Divisionsforeningen", "Socialforvaltningen"),
so a three-letter suffix ("iet", "gen") says little; four and five letters ("riet", "ingen")
and a three-letter prefix say more. And each lexeme flag as its own embedded column costs a
whole ``width``-wide slice of the mixing layer for one bit; the flags are better combined into one
"lexicon class" column whose value is the set of lists the word is on.

``referater.FeatureHashEmbed.v1`` is ``MultiHashEmbed`` with such extra columns. Extra features
are named in the config and looked up in ``EXTRA_FEATURES`` (a registry, not an if-chain); each
is computed once per lexeme and cached, so the cost per token is a dictionary lookup.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy
from spacy.attrs import IDS, intify_attr
from spacy.strings import hash_string
from spacy.lexeme import Lexeme
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

# lexeme flags (set by pipeline/ner/lexicon.py) combined into the "lexclass" feature, lowest bit first
LEXCLASS_FLAGS: tuple[str, ...] = tuple(f"FLAG{n}" for n in range(30, 40))


def _affix(start: int | None, stop: int | None) -> Callable[[Lexeme], int]:
    def feature(lex: Lexeme) -> int:
        return hash_string(lex.lower_[start:stop])
    return feature


_LEXCLASS_FLAG_IDS = tuple(IDS[flag] for flag in LEXCLASS_FLAGS)


def _lexclass(lex: Lexeme) -> int:
    return sum(1 << bit for bit, flag_id in enumerate(_LEXCLASS_FLAG_IDS) if lex.check_flag(flag_id))


EXTRA_FEATURES: dict[str, Callable[[Lexeme], int]] = {
    "prefix3": _affix(None, 3),
    "suffix4": _affix(-4, None),
    "suffix5": _affix(-5, None),
    "lexclass": _lexclass,
}


def extract_features(attrs: Sequence[str], extras: Sequence[str]) -> Model[list[Doc], list[Ints2d]]:
    """Like spaCy's ``FeatureExtractor``, plus the named extra features as further columns."""
    unknown = [name for name in extras if name not in EXTRA_FEATURES]
    if unknown:
        raise ValueError(f"unknown extra feature(s) {unknown}; known: {sorted(EXTRA_FEATURES)}")
    attr_ids = [intify_attr(a) for a in attrs]
    functions = [EXTRA_FEATURES[name] for name in extras]
    # orth -> extra feature values; lexemes are immutable, but flags are set by the lexicon
    # component when the model loads, so the cache lives with one model instance
    cache: dict[int, tuple[int, ...]] = {}
    max_cached = 50_000  # a long batch meets many words; memory, not speed, bounds this

    def forward(model: Model, docs: list[Doc], is_train: bool):
        features = []
        for doc in docs:
            base = doc.to_array(attr_ids)
            if base.ndim == 1:
                base = base.reshape((base.shape[0], 1))
            if functions:
                rows = []
                for token in doc:
                    values = cache.get(token.orth)
                    if values is None:
                        if len(cache) >= max_cached:
                            cache.clear()
                        lex = token.lex
                        values = cache[token.orth] = tuple(f(lex) for f in functions)
                    rows.append(values)
                extra = numpy.asarray(rows, dtype="uint64").reshape((len(doc), len(functions)))
                base = numpy.hstack([base.astype("uint64"), extra])
            features.append(model.ops.asarray2i(base, dtype="uint64"))
        return features, lambda d_features: []

    return Model("extract_features", forward, attrs={"attrs": list(attrs), "extras": list(extras)})


@registry.architectures("referater.FeatureHashEmbed.v1")
def FeatureHashEmbed(width: int, attrs: list[str], rows: list[int], extras: list[str],
                     extra_rows: list[int]) -> Model[list[Doc], list[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` (without static vectors) with extra hashed feature columns."""
    if len(rows) != len(attrs) or len(extra_rows) != len(extras):
        raise ValueError("one row count per attribute and per extra feature")
    all_rows = list(rows) + list(extra_rows)
    embeddings = [HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(all_rows)]
    mix = with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True))
    return chain(
        extract_features(attrs, extras),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        mix,
        ragged2list(),
    )
