"""Find entities with the spaCy pipeline: persons, municipalities and regions, dates.

`build_pipeline` is the one factory for the spaCy pipeline: the Danish tokenizer (from the
model or blank), our rule-based sentence boundaries (bullets, "jf.", "bl.a.", "kl." …), the
statistical NER of the chosen backend, and components that add gazetteer municipalities and
rule-found dates as span groups on the shared `Doc`. `find_entities` runs it over the
document's paragraphs and resolves persons against the document's own attendee list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import canonical_municipality, is_first_name
from ..models import Entity, Span
from ..structure.vocabulary import DOCUMENT_WORDS, PARTY_MARK
from .backends import Backend, resolve_backend
from .persons import PersonNormalizer, names_a_street, plausible_person, rule_mentions

if TYPE_CHECKING:
    from ..structure import Structure

__all__ = ["build_pipeline", "find_entities"]

NAME_LIKE = re.compile(r"[A-ZÆØÅ][\wæøå'’\-]+\.?\s+[A-ZÆØÅ][\wæøå'’\-]+")

if not Doc.has_extension("ref_date"):
    Doc.set_extension("ref_date", default=None)


@Language.component("referater_sentences")
def referater_sentences(doc: Doc) -> Doc:
    """Sentence starts from our Danish rules, so abbreviations and bullets do not break them."""
    from ..sentences import split_sentences

    starts = {s for s, _, _ in split_sentences(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


@Language.component("referater_municipalities")
def referater_municipalities(doc: Doc) -> Doc:
    """Municipalities and regions from the gazetteer, canonical name as the span's kb_id."""
    from ..gazetteer import find_municipalities

    doc.spans["municipalities"] = _char_spans(
        doc, ((m.start, m.end, "MUNICIPALITY", m.normalized) for m in find_municipalities(doc.text)))
    return doc


@Language.component("referater_dates")
def referater_dates(doc: Doc) -> Doc:
    """Day dates (ISO as kb_id) and periods (start/end) from the Danish date rules; a missing
    year is taken from the meeting date set on ``doc._.ref_date``."""
    from ..dates import find_dates

    def found():
        for m in find_dates(doc.text, doc._.ref_date):
            if m.granularity == "day":
                yield m.start, m.end, "DATE", m.iso
            else:
                yield m.start, m.end, "PERIOD", f"{m.start_date.isoformat()}/{m.end_date.isoformat()}"

    doc.spans["dates"] = _char_spans(doc, found())
    return doc


def _char_spans(doc: Doc, found) -> list:
    from spacy.tokens import Span as SpacySpan

    spans = []
    for start, end, label, normalized in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(SpacySpan(doc, span.start, span.end, label=label, kb_id=normalized or ""))
    return spans


@lru_cache(maxsize=4)
def _pipeline_for(backend: Backend) -> Language:
    import spacy

    nlp = backend.nlp if backend.nlp is not None else spacy.blank("da")
    keep = {"lexicon", "tok2vec", "ner", "transformer"}
    disable = [name for name in nlp.pipe_names if name not in keep and not name.startswith("referater_")]
    for name in disable:
        nlp.disable_pipe(name)
    for component in ("referater_sentences", "referater_municipalities", "referater_dates"):
        if component not in nlp.pipe_names:
            if component == "referater_sentences":
                nlp.add_pipe(component, first=True)
            else:
                nlp.add_pipe(component)
    return nlp


def build_pipeline(backend: Backend | str = "auto") -> Language:
    """The spaCy pipeline for a backend (a name is resolved with `resolve_backend`)."""
    if isinstance(backend, str):
        backend = resolve_backend(backend)
    return _pipeline_for(backend)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for para in text.split("\n"):
        if para.strip():
            out.append((pos, para))
        pos += len(para) + 1
    return out


class _Locator:
    """Agenda item and provenance span of a character offset."""

    def __init__(self, structure: "Structure") -> None:
        self.structure = structure
        self.items = sorted(((it.span.char_start, it.span.char_end, it.number) for it in structure.items))

    def item(self, offset: int) -> str | None:
        for start, end, number in self.items:
            if start <= offset < end:
                return number
        return None

    def span(self, start: int, end: int) -> Span:
        return self.structure.span(start, end)


def find_entities(structure: "Structure", backend: Backend) -> list[Entity]:
    nlp = _pipeline_for(backend)
    loc = _Locator(structure)
    text = structure.text
    known = [a.name for a in structure.attendees if "@" not in a.name]
    known += [p for it in structure.items for p in it.presenters]

    entities: list[Entity] = []
    person_mentions: list[tuple[int, int, str, str]] = []
    paragraphs = _paragraphs(text)
    docs = []
    for _, para in paragraphs:
        doc = nlp.make_doc(para)
        doc._.ref_date = structure.meeting.date
        docs.append(doc)
    # The statistical model only pays off where a name can be: two capitalised words in a row.
    # Other paragraphs get the rule components alone (about half of a document's model time).
    # Nothing here reads sentence boundaries, so that component is skipped too.
    model_pipes = [p for p in ("tok2vec", "ner", "transformer") if p in nlp.pipe_names]
    wants_model = [bool(NAME_LIKE.search(para)) for _, para in paragraphs]
    processed: list[Doc] = [None] * len(docs)  # type: ignore[list-item]
    for flag in (True, False):
        idx = [i for i, w in enumerate(wants_model) if w == flag]
        disable = ["referater_sentences"] + ([] if flag else model_pipes)
        for i, doc in zip(idx, nlp.pipe((docs[i] for i in idx), batch_size=64, disable=disable)):
            processed[i] = doc
    for (offset, para), doc in zip(paragraphs, processed):
        for span in [*doc.spans["dates"], *doc.spans["municipalities"]]:
            source = "gazetteer" if span.label_ == "MUNICIPALITY" else "rules"
            entities.append(_entity(loc, span.label_, offset + span.start_char, offset + span.end_char,
                                    span.text, span.kb_id_ or None, source))
        for ent in doc.ents:
            if ent.label_ in ("PER", "PERSON"):
                name = plausible_person(ent.text)
                if name:
                    start = offset + ent.start_char + ent.text.index(name.split()[0])
                    person_mentions.append((start, start + len(name), name, "model"))
            elif ent.label_ in ("ORG", "LOC") and _plausible_org_or_place(ent):
                span = _without_document_words(ent)
                if span is not None:
                    # a street ("Fabrikvej") is a place whatever the model took it for
                    label = "LOC" if STREET_END.search(span.text) else ent.label_
                    entities.append(_entity(loc, label, offset + span.start_char, offset + span.end_char,
                                            span.text, span.text, "model"))
        for pm in rule_mentions(para):
            person_mentions.append((offset + pm.start, offset + pm.end, pm.text, "rules"))
    # the attendee list: a printed participant is a person wherever the name recurs
    for name in set(known):
        start = text.find(name)
        while start != -1:
            person_mentions.append((start, start + len(name), name, "attendees"))
            start = text.find(name, start + len(name))

    entities.extend(_attendee_municipalities(structure, entities, loc))

    full_names = known + [t for _, _, t, src in person_mentions if src in ("rules", "model")]
    normalizer = PersonNormalizer(full_names)
    seen: list[tuple[int, int]] = []
    # the attendee list is the surest evidence, then the longest mention
    priority = {"attendees": 0, "model": 1, "rules": 2}
    for start, end, printed, source in sorted(person_mentions, key=lambda m: (priority[m[3]], -(m[1] - m[0]), m[0])):
        if any(start < e and s < end for s, e in seen) or (source != "attendees" and names_a_street(text, end)):
            continue
        normalized = normalizer.normalize(printed)
        if normalized:
            seen.append((start, end))
            entities.append(_entity(loc, "PERSON", start, end, printed, normalized, source))
    entities.extend(_first_name_mentions(text, normalizer, seen, loc))
    return entities


def _attendee_municipalities(structure: "Structure", entities: list[Entity], loc: "_Locator") -> list[Entity]:
    """A participant's organisation printed as a bare municipality name ("Bente Lund, jobcenterchef,
    Hjørring"): the organisation is the municipality, though the name alone could be the town."""
    text = structure.text
    found = [(e.span.char_start, e.span.char_end) for e in entities if e.label == "MUNICIPALITY"]
    out: list[Entity] = []
    for attendee in structure.attendees:
        org = attendee.organization
        if not org or len(org.split()) > 3 or re.search(r"(?i)kommune|region", org):
            continue  # explicit forms are the gazetteer's
        official = canonical_municipality(org)
        at = text.find(attendee.name)
        start = text.find(org, at + len(attendee.name)) if official and at != -1 else -1
        if start == -1 or any(start < e and s < start + len(org) for s, e in found):
            continue
        found.append((start, start + len(org)))
        out.append(_entity(loc, "MUNICIPALITY", start, start + len(org), org, official, "gazetteer"))
    return out


def _first_name_mentions(text: str, normalizer: PersonNormalizer, seen: list[tuple[int, int]], loc: "_Locator") -> list[Entity]:
    """'Hanne undersøger …' where Hanne Lyngby is the only Hanne named in full: a mention of her,
    so an analyst finds every item she is named in. A first name two people share is left alone."""
    out: list[Entity] = []
    firsts = {full.split()[0] for full in normalizer.full}
    for first in sorted(f for f in firsts if len(f) > 2 and is_first_name(f)):
        normalized = normalizer.normalize(first)
        if not normalized:
            continue
        for m in re.finditer(rf"(?<![\w\-.@]){re.escape(first)}(?![\w\-])(?!\s+[A-ZÆØÅ][a-zæøå])(?!\S*@)", text):
            if not any(m.start() < e and s < m.end() for s, e in seen):
                out.append(_entity(loc, "PERSON", m.start(), m.end(), first, normalized, "rules"))
    return out


STREET_END = re.compile(r"(?:vej|gade|allé|alle|plads|torv|torvet|stræde|boulevard|vænget|vænge)(?:\s+\d+[A-Za-z]?)?$", re.I)
# Title lines run together with a neighbouring name ("… i Vestjylland" / "Referat")
TITLE_WORDS = frozenset({*DOCUMENT_WORDS, "bilag"})


def _is_title_word(word: str) -> bool:
    # a kind of meeting ("BESTYRELSESMØDE", "Styregruppemøde") heads a title as often as "Referat"
    folded = word.casefold()
    return folded in TITLE_WORDS or folded.endswith(("møde", "mødet"))


def _without_document_words(ent):
    """The entity without a document-type word at either end, or None if nothing is left."""
    start, end = 0, len(ent)
    while start < end and _is_title_word(ent[start].text):
        start += 1
    while end > start and _is_title_word(ent[end - 1].text):
        end -= 1
    return ent[start:end] if end > start else None


def _plausible_org_or_place(ent) -> bool:
    """Not a party letter ("(C)", "(SF)"), a front-page label ("Fraværende:", "Mødested:"), nor one
    common word capitalised only because it opens a sentence ("Anbefales.", "Teknik og …")."""
    following = ent.doc.text[ent.end_char: ent.end_char + 1]
    if len(ent.text) < 2 or following == ":":
        return False
    if PARTY_MARK.fullmatch(ent.doc.text[max(0, ent.start_char - 1): ent.end_char + 1].strip()):
        return False  # "(SF)" after a member's name: a party letter, noise as an organisation row
    opens_sentence = ent.doc.text[:ent.start_char].rstrip()[-1:] in ("", ".", "!", "?", ":", "\n")
    if len(ent) == 1 and opens_sentence and ent.text.casefold() in _common_words():
        return False
    return not _only_municipalities(ent)


MUNICIPALITY_FILLER = re.compile(r"(?:[\s,.'’]|\bog\b|\bsamt\b|\b[Kk]ommun\w*|\b[Rr]egion\w*)*")


def _only_municipalities(ent) -> bool:
    """'Kolding' or 'Vejle Kommuner' tagged ORG/LOC where the gazetteer already found the
    municipality: the MUNICIPALITY row says it better. 'Aarhus Kommunes Socialforvaltning' stays."""
    covered = [(s.start_char, s.end_char) for s in ent.doc.spans.get("municipalities", [])
               if s.start_char < ent.end_char and ent.start_char < s.end_char]
    if not covered:
        return False
    rest = "".join(ch for i, ch in enumerate(ent.text, ent.start_char)
                   if not any(a <= i < b for a, b in covered))
    return bool(MUNICIPALITY_FILLER.fullmatch(rest))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Frequent Danish words (wordfreq Zipf ≥ 3.5) that are on none of the name, place and
    organisation lists: capitalised at a sentence start they are no evidence of a name."""
    from .lexicon import ZIPF_BANDS, default_lists

    lists = default_lists()
    names = {w.casefold() for key in ("first_name", "last_name", "place", "org_name") for w in lists[key]}
    common = {w for key, floor in ZIPF_BANDS if floor >= 3.5 for w in lists[key]}
    return frozenset(common - names)


def _entity(loc: _Locator, label: str, start: int, end: int, printed: str, normalized: str | None, source: str) -> Entity:
    return Entity(item_number=loc.item(start), label=label, text=printed, normalized=normalized,
                  source=source, span=loc.span(start, end))
