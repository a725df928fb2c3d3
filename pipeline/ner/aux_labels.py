"""Drop the auxiliary labels a model was trained with from ``doc.ents``.

DaN+ marks words derived from names ("russiske", LOCderiv) and words that contain one
("EU-landene", ORGpart). They are not entities for us, but folding them into O teaches the model
that "russiske" and "Rusland" look alike and that one is nothing. So the bundled model is trained
to tell them apart with two extra labels, DERIV and PART (``python -m pipeline.train``), and this
component, the last of its pipeline, removes them: whoever loads the model sees PER, ORG, LOC and
MISC only.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

AUX_LABELS = ("DERIV", "PART")


@Language.factory("referater_drop_labels", default_config={"labels": list(AUX_LABELS)})
class DropLabels:
    def __init__(self, nlp: Language, name: str, labels: Iterable[str]) -> None:
        self.name = name
        self.labels = frozenset(labels)

    def __call__(self, doc: Doc) -> Doc:
        if any(ent.label_ in self.labels for ent in doc.ents):
            doc.ents = [ent for ent in doc.ents if ent.label_ not in self.labels]
        return doc
