"""Person names: candidates from the model, from first-name rules and from the document's own
attendee list, normalised to the fullest form the document prints."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import canonical_municipality, is_first_name

NAME_WORD = r"[A-ZÆØÅÉÜÖ][a-zæøåéüöäA-ZÆØÅ'’]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?"
# First name (gazetteer-checked) + 1–3 further capitalised words, allowing "Chr." and particles.
RULE_NAME = re.compile(rf"\b{NAME_WORD}(?:\s+(?:[A-ZÆØÅ][a-zæøå]?\.|(?:von|van|de|la)\s+)?{NAME_WORD}){{1,3}}\b")
ROLE_WORDS = {
    "formand", "formanden", "næstformand", "direktør", "direktøren", "borgmester", "borgmesteren",
    "socialchef", "chef", "leder", "sekretariatet", "udvalget", "rådmand", "konsulent",
}
NOT_SURNAME = re.compile(
    r"^(?:Kommune|Kommunes|Region|Regionen|Midt|Nord|Syd|Sekretariat|Sekretariatet|Socialtilsyn|"
    r"Rammeaftale|Rammeaftalen|Socialstyrelsen|Styrelse|Forum|Dialogforum|Center|Centret|Børnehus|"
    r"Børnehuset|Januar|Februar|Marts|April|Maj|Juni|Juli|August|September|Oktober|November|December|"
    r"Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag|Danmark|DASSOS|Det|Der|Den|De|Og|I|På)$"
)


@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    source: str


def clean_candidate(text: str) -> str | None:
    """Strip roles and punctuation; None when nothing person-like is left."""
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()\"'’")
    if "@" in text or any(ch.isdigit() for ch in text):
        return None
    tokens = [t for t in text.split() if t.lower() not in ROLE_WORDS]
    while tokens and NOT_SURNAME.match(tokens[-1]):
        tokens.pop()
    while tokens and not tokens[0][:1].isupper():
        tokens.pop(0)
    if not tokens or any(not (t[:1].isupper() or t in {"von", "van", "de", "la"}) for t in tokens):
        return None
    if all(canonical_municipality(t) for t in tokens):
        return None
    return " ".join(tokens)


def rule_mentions(text: str) -> list[PersonMention]:
    """'Leif Serup påpeger …': a known first name followed by capitalised surnames."""
    out = []
    for m in RULE_NAME.finditer(text):
        tokens = m.group(0).split()
        if not is_first_name(tokens[0]):
            continue
        # cut at the first token that cannot be part of a name
        keep = [tokens[0]]
        for tok in tokens[1:]:
            if NOT_SURNAME.match(tok) or canonical_municipality(tok):
                break
            keep.append(tok)
        if len(keep) < 2:
            continue
        name = " ".join(keep)
        out.append(PersonMention(m.start(), m.start() + len(name), name, "rules"))
    return out


class PersonNormalizer:
    """Maps every printed form to the fullest form known in the document."""

    def __init__(self, full_names: list[str]) -> None:
        self.full = sorted({n for n in full_names if len(n.split()) >= 2}, key=lambda n: -len(n))

    def normalize(self, text: str) -> str | None:
        name = clean_candidate(text)
        if not name:
            return None
        tokens = name.split()
        for full in self.full:
            ftoks = full.split()
            if name == full:
                return full
            if len(tokens) >= 2 and tokens[0] == ftoks[0] and tokens[-1] == ftoks[-1]:
                return full  # "Hans Mariegaard" → "Hans Chr. Mariegaard"
            if len(tokens) == 1 and (tokens[0] in (ftoks[0], ftoks[-1])):
                matches = [f for f in self.full if tokens[0] in (f.split()[0], f.split()[-1])]
                if len(matches) == 1:
                    return full
                return None
        if len(tokens) < 2:
            return None  # a lone first name nobody in the document carries in full
        return name
