"""Drop the auxiliary labels a model was trained with from ``doc.ents``.

DaN+ marks words derived from names ("russiske", LOCderiv) and words that contain one
("EU-landene", ORGpart). They are not entities for us. Folded into O (the default), the model
learns that "russiske" is nothing; ``python -m pipeline.train --aux-labels`` instead trains them
as two extra labels, DERIV and PART, and adds this component as the last of the pipeline to remove
them again: whoever loads such a model sees PER, ORG, LOC and MISC only. (Tried; within dev noise,
so the shipped model is trained without them, see its model card.)
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
