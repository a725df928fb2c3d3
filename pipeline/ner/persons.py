"""Person names: candidates from the model, from first-name rules and from the document's own
attendee list, normalised to the fullest form the document prints."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import canonical_municipality, is_first_name, last_names
from ..sentences import ABBREVIATIONS

NAME_WORD = r"[A-ZÆØÅÉÜÖ][a-zæøåéüöäA-ZÆØÅ'’]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?"
# Lower-case particles inside a name: "Anne-Marie de la Cour", "Ida von Holstein".
NAME_PARTICLES = frozenset({"von", "van", "de", "la", "du", "le", "da", "di"})
ROLE_WORDS = {
    "formand", "formanden", "næstformand", "direktør", "direktøren", "borgmester", "borgmesteren",
    "socialchef", "chef", "leder", "sekretariatet", "udvalget", "rådmand", "konsulent",
}
ORG_WORD = re.compile(r"^(?:Fælleskommunalt|Fælleskommunale|Sekretariat\w*|Kommune\w*|Region\w*|Styrelse\w*)$")
NOT_SURNAME = re.compile(
    r"^(?:Kommune|Kommunes|Region|Regionen|Midt|Nord|Syd|Sekretariat|Sekretariatet|Socialtilsyn|"
    r"Styrelse|Styrelsen|Forum|Center|Centret|Januar|Februar|Marts|April|Maj|Juni|Juli|August|September|Oktober|November|December|"
    r"Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag|Danmark|Det|Der|Den|De|Og|I|På)$"
)


# Job titles printed before a name ("Jurist Chanett …", "Afdelingsleder Krestine …").
TITLE_WORD = re.compile(
    r"^(?:\w*(?:chef|leder|konsulent|direktør|jurist|rådgiver|medarbejder|koordinator|formand|"
    r"borgmester|sekretær|specialist|psykolog|terapeut|rådmand|assistent|fuldmægtig|ansvarlig)|"
    r"dr\.|cand\.\w*)$",
    re.I,
)
# Endings of Danish common nouns and adjectives that statistical models mistake for surnames
# in capitalised headings ("Nordjysk Socialaftale", "Specialområde …", "Mødeforum").
COMMON_NOUN_END = re.compile(
    r"(?:område|områder|aftale|aftalen|hjul|forum|type|møde|møder|udvalg|udvalget|sekretariat|center|"
    r"tilbud|plan|planen|gruppe|gruppen|råd|rådet|jysk|jyske|ning|ningen|else|elsen|hed|heden|skab|"
    r"styrelse|styrelsen|tilsyn|tilsynet|kommune|region|ordning|ordningen|pulje|puljen|ede|politik|"
    r"strategi|indsats|projekt|netværk|dialog|social)$",
    re.I,
)
COMPASS = {"nord", "syd", "øst", "vest", "midt"}
# Streets and institutions named after people ("Niels Bohrs Vej", "H.C. Andersen Skolen",
# "Niels Bohr Instituttet"): a place or an organisation, no person.
STREET_WORDS = (r"(?:Vej|Gade|Allé|Alle|Plads|Boulevard|Torv|Stræde|Vænge|Passage|Park|Kvarter|"
                r"Skole|Skolen|Institut|Instituttet|Fond|Fonden|Hus|Huset|Hospital|Hospitalet|Gymnasium|Gymnasiet|"
                r"Akademi|Akademiet|Kollegium|Kollegiet|Museum|Museet|Bibliotek|Biblioteket|Center|Centret|Centeret)")
STREET_AFTER = re.compile(rf"^\s+{STREET_WORDS}\b")


def names_a_street(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by a street or institution word."""
    return bool(STREET_AFTER.match(text[end:end + 20]))


def plausible_person(name: str) -> str | None:
    """A model- or rule-found name without leading job titles, or None when it is no person."""
    tokens = name.split()
    while tokens and TITLE_WORD.match(tokens[0]) and not is_first_name(tokens[0]):
        tokens.pop(0)
    if len(tokens) < 2 or re.fullmatch(STREET_WORDS, tokens[-1]):
        return None
    for tok in tokens:
        core = tok.strip(".,")
        if (len(core) >= 2 and core.isupper()) or core.lower() in COMPASS or canonical_municipality(core) \
                or (COMMON_NOUN_END.search(core) and not is_first_name(core)):
            return None
    return " ".join(tokens)


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
    if not tokens or any(not (t[:1].isupper() or t in NAME_PARTICLES) for t in tokens):
        return None
    if all(canonical_municipality(t) for t in tokens):
        return None
    return " ".join(tokens)


TOKEN = re.compile(r"\S+")
COLUMN_GAP = re.compile(r"\t| {2,}")


def _name_token(tok: str) -> bool:
    return bool(re.fullmatch(NAME_WORD, tok) or re.fullmatch(r"[A-ZÆØÅ][a-zæøå]?\.", tok)) and not tok.isupper()


INITIAL = re.compile(r"^[A-ZÆØÅ][a-zæøå]{0,2}\.$")  # "Chr." inside "Hans Chr. Mariegaard"


def _split_token(raw: str) -> tuple[int, str, bool]:
    """Leading punctuation skipped ("(Karina"), the word, and whether punctuation after it ends a name."""
    lead = len(raw) - len(raw.lstrip("(\"'„“«"))
    raw = raw[lead:]
    if INITIAL.match(raw):
        return lead, raw, False
    core = raw.rstrip(",.;:)!?\"'”»")
    return lead, core, core != raw


def rule_mentions(text: str) -> list[PersonMention]:
    """'Leif Serup påpeger …', 'Leder Nikolaj Kramer Nørregaard, …': a known first name
    followed by one to three capitalised surnames (initials like 'Chr.' allowed)."""
    tokens = []
    for m in TOKEN.finditer(text):
        lead, word, stop = _split_token(m.group(0))
        # a column gap (a TAB or several spaces: signature lines, two-column lists) ends a name
        stop = stop or bool(COLUMN_GAP.match(text, m.end()))
        # a word opening with a bracket or quote starts a new name: nothing before it joins
        tokens.append((m.start() + lead, word, stop))
        if lead and len(tokens) >= 2:
            prev_start, prev_word, _ = tokens[-2]
            tokens[-2] = (prev_start, prev_word, True)
    out: list[PersonMention] = []
    i = 0
    while i < len(tokens):
        start, tok, stop = tokens[i]
        # after a job title ("Jurist Chanett Gylden Oehlenschlager, …") a name need not open with a
        # first name on our list: the title says a person follows
        titled = i > 0 and not tokens[i - 1][2] and TITLE_WORD.match(tokens[i - 1][1]) is not None
        if stop or not (_name_token(tok) and (titled or any(is_first_name(p) for p in tok.split("-")))) \
                or (titled and (NOT_SURNAME.match(tok) or ORG_WORD.match(tok) or canonical_municipality(tok))):
            i += 1
            continue
        j = i + 1
        particles = 0
        while j < len(tokens) and j - i - particles <= 3:
            _, nxt, nxt_stop = tokens[j]
            if nxt in NAME_PARTICLES and not nxt_stop and particles < 2 and j + 1 < len(tokens) \
                    and (_name_token(tokens[j + 1][1]) or tokens[j + 1][1] in NAME_PARTICLES):
                particles += 1
                j += 1
                continue
            if not (_name_token(nxt) or INITIAL.match(nxt)) or NOT_SURNAME.match(nxt) or ORG_WORD.match(nxt) \
                    or canonical_municipality(nxt) or re.fullmatch(STREET_WORDS, nxt):
                break
            j += 1
            if nxt_stop:
                break
        while j - 1 > i and tokens[j - 1][1] in NAME_PARTICLES:
            j -= 1
        last_start, last, _ = tokens[j - 1]
        if j - i >= 2 and INITIAL.match(last) and len(last) >= 4 and last[:-1].lower() not in ABBREVIATIONS:
            last = last[:-1]  # a short surname ending the sentence ("… Lone Bak."), not an initial ("Chr.")
        if j - i >= 2 and not INITIAL.match(last) and last not in NAME_PARTICLES:
            end = last_start + len(last)
            out.append(PersonMention(start, end, text[start:end], "rules"))
            i = j
        else:
            i += 1
    return out


class PersonNormalizer:
    """Maps every printed form to the fullest form known in the document."""

    def __init__(self, full_names: list[str]) -> None:
        names = {n for n in full_names if len(n.split()) >= 2}
        surnames = {n.split()[-1] for n in names}
        names = {_without_genitive(n, surnames) for n in names}
        self.surnames = {n.split()[-1] for n in names}
        # two printed names run together ("Stephanie Lose Bo Libergren" from a signature line) are no one's full name
        self.full = sorted((n for n in names if not _two_names(n, names)), key=lambda n: -len(n))
        # a name printed in capitals in a list ("JENS HANSEN") and in the text ("Jens Hansen") is one
        # person, written as in the text
        self.written: dict[str, str] = {}
        for n in sorted(names):
            key = n.casefold()
            if key not in self.written or (self.written[key].isupper() and not n.isupper()):
                self.written[key] = n

    def normalize(self, text: str) -> str | None:
        found = self._normalize(text)
        return self.written.get(found.casefold(), found) if found else None

    def _normalize(self, text: str) -> str | None:
        name = clean_candidate(text)
        if not name:
            return None
        name = _without_genitive(name, self.surnames)
        tokens = name.split()
        for full in self.full:
            ftoks = full.split()
            if name == full:
                return full
            if len(tokens) >= 2 and tokens[0] == ftoks[0] and tokens[-1] == ftoks[-1]:
                return full  # "Hans Mariegaard" → "Hans Chr. Mariegaard"
            if 2 <= len(tokens) < len(ftoks) and ftoks[:len(tokens)] == tokens:
                # "Jens Peter" → "Jens Peter Hansen", when no one else begins that way
                if sum(f.split()[:len(tokens)] == tokens for f in self.full if len(f.split()) > len(tokens)) == 1:
                    return full
                return None
            if len(tokens) == 2 and tokens[0] == ftoks[0] and len(tokens[1]) >= 4 \
                    and any(_one_letter_apart(tokens[1], f) for f in ftoks[1:]) \
                    and sum(f.split()[0] == tokens[0] and f != name for f in self.full) == 1:
                return full  # a misspelt surname: "Dorte Juhl" for "Dorte Juul Hansen"
            if len(tokens) == 1 and (tokens[0] in (ftoks[0], ftoks[-1])):
                matches = [f for f in self.full if tokens[0] in (f.split()[0], f.split()[-1])]
                if len(matches) == 1:
                    return full
                return None
        if len(tokens) < 2:
            return None  # a lone first name nobody in the document carries in full
        return name


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped ("Juhl"/"Juul", "Jensen"/"Jenssen"), not the same word."""
    if a == b or abs(len(a) - len(b)) > 1 or len(b) < 4:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _two_names(name: str, names: set[str]) -> bool:
    """Two printed names run together ("Stephanie Lose Bo Libergren"), or one and the start of
    the next in a list read as one line ("Carsten Leth Schmidt Ellen" / "Ellen Margrethe Kristensen")."""
    tokens = name.split()
    for k in range(2, len(tokens)):
        left, right = " ".join(tokens[:k]), tokens[k:]
        if left in names and any(n != name and n.split()[:len(right)] == right for n in names):
            return True
    return False


def _without_genitive(name: str, surnames: set[str]) -> str:
    """'Lars Løkke Rasmussens udtalelser' → 'Lars Løkke Rasmussen': a possessive -s (or "Friis'")
    on a surname that is known without it, from the surname list or the document's own names."""
    tokens = name.split()
    last = tokens[-1]
    if len(tokens) < 2 or last in last_names():
        return name
    base = last[:-1] if last.endswith(("'", "’")) or (last.endswith("s") and not last.endswith("ss")) else None
    if base and (base in last_names() or base in surnames):
        return " ".join([*tokens[:-1], base])
    return name
