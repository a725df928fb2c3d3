"""Gazetteers: Danish municipalities (kommuner), regions and person names.

Data come from ``pipeline/resources`` (see GAZETTEERS_SOURCES.md) and are loaded once.

`find_municipalities` is deliberately conservative (GUIDELINES "municipalities"): a name counts
only in a construction that makes it an organisation or area --

* "X Kommune" / "X kommune" / "X Kommunes" / "Bornholms Regionskommune";
* "X og Y kommuner", "X, Y og Z Kommuner";
* a bare list "Favrskov, Holstebro og Aarhus" with at least two exact municipality names;
* "Region X" with X a region ("Region Midtjylland", "Region Midt", "Region H", "Region Syds");
* a municipal office named with its town: "Aarhus' borgmester", "Viborgs byråd", "Kommunalbestyrelsen i
  Halsnæs", "borgmesteren i Herning".

Misspellings ("Norrdjurs", "Ikast-Brandø") are corrected by a small edit distance, but only
inside those constructions and only for longer names (>= 6 letters: 1 edit, >= 10: 2 edits,
same first letter, unique best match). Bare single names ("i Aarhus"), towns that are not
municipalities (Hammel, Ry, Brande) and addresses ("8800 Viborg") never count.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "PlaceMention",
    "find_municipalities",
    "canonical_municipality",
    "first_names",
    "last_names",
    "is_first_name",
]


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str          # as printed
    normalized: str    # "Aarhus Kommune", "Københavns Kommune", "Region Midtjylland"
    kind: str          # "municipality" | "region"


# --------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------


def resource_text(name: str) -> str:
    """The text of a file shipped in ``pipeline/resources``."""
    return resources.files("pipeline.resources").joinpath(name).read_text(encoding="utf-8")


def _read_csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(resource_text(name))))


def _key(name: str) -> str:
    """Spelling-insensitive key: case, å/aa, hyphen/space and apostrophes do not matter."""
    s = name.casefold().replace("å", "aa").replace("é", "e")
    s = re.sub(r"['’´`]", "", s)
    return re.sub(r"[\s\-–]+", " ", s).strip()


# Spellings that the key normalisation (å/aa, hyphens, genitive -s) cannot derive: the forms
# without genitive -s that other lists use for two official names.
_EXTRA_MUNICIPALITY_ALIASES: dict[str, str] = {
    "Nordfyn": "Nordfyns Kommune",
    "Vesthimmerland": "Vesthimmerlands Kommune",
    "Fakse": "Faxe Kommune",                          # the town's spelling
    "Brønderslev-Dronninglund": "Brønderslev Kommune",  # the official name 2007-2011
}
_REGION_SHORT: dict[str, str] = {
    "Midt": "Region Midtjylland",
    "Nord": "Region Nordjylland",
    "Syd": "Region Syddanmark",
    "H": "Region Hovedstaden",
    "Sjaelland": "Region Sjælland",
    "Sjælland": "Region Sjælland",
}


@functools.lru_cache(maxsize=1)
def _municipality_index() -> dict[str, str]:
    """key -> official name, for short names, official stems and known variants."""
    index: dict[str, str] = {}
    for row in _read_csv("dk_kommuner.csv"):
        official = row["officielt_navn"]
        stem = re.sub(r"\s+(?:Regions)?[Kk]ommune$", "", official)
        for variant in (row["navn"], stem):
            index[_key(variant)] = official
    for alias, official in _EXTRA_MUNICIPALITY_ALIASES.items():
        index[_key(alias)] = official
    return index


@functools.lru_cache(maxsize=1)
def _region_index() -> dict[str, str]:
    """key of the part after "Region" -> "Region X"."""
    index: dict[str, str] = {}
    for row in _read_csv("dk_regioner.csv"):
        index[_key(row["kort_navn"])] = row["navn"]
    for short, official in _REGION_SHORT.items():
        index[_key(short)] = official
    return index


@functools.lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for row in _read_csv("dacy_names.csv"):
        (first if row["first_name"] == "True" else last).add(row["name"].strip())
    return frozenset(first), frozenset(last)


def first_names() -> frozenset[str]:
    """Danish and Muslim first names from DaCy's lookup table, as capitalised there."""
    return _names()[0]


def last_names() -> frozenset[str]:
    return _names()[1]


def is_first_name(token: str) -> bool:
    """'Lotte' -> True; 'LOTTE' -> True; 'Ann-Britt' -> True when every part is a first name."""
    token = token.strip().strip(".,;:()")
    if not token:
        return False
    names = first_names()
    parts = re.split(r"[-‐]", token)
    return all(p[:1].upper() + p[1:].lower() in names for p in parts if p) and any(parts)


# --------------------------------------------------------------------------------------
# Name resolution
# --------------------------------------------------------------------------------------


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment (Damerau) distance, capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _allowed_edits(key: str) -> int:
    letters = sum(ch.isalpha() for ch in key)
    return 2 if letters >= 10 else 1 if letters >= 6 else 0


def _fuzzy(key: str, index: dict[str, str]) -> str | None:
    """Unique closest entry within the allowed distance, with the same first letter."""
    limit = _allowed_edits(key)
    if limit == 0:
        return None
    best: dict[str, int] = {}
    for cand, official in index.items():
        if cand[:1] != key[:1]:
            continue
        d = _edit_distance(key, cand, limit)
        if d <= limit and d < best.get(official, limit + 1):
            best[official] = d
    if not best:
        return None
    top = min(best.values())
    winners = [o for o, d in best.items() if d == top]
    return winners[0] if len(winners) == 1 else None


def _genitive_variants(key: str) -> list[str]:
    """'holstebros' -> ['holstebros', 'holstebro']; apostrophes are already gone from keys."""
    return [key, key[:-1]] if key.endswith("s") else [key]


def _lookup_municipality(name: str, fuzzy: bool) -> str | None:
    index = _municipality_index()
    key = _key(name)
    for variant in _genitive_variants(key):
        if variant in index:
            return index[variant]
    return _fuzzy(key, index) if fuzzy else None


def _lookup_region(rest: str, fuzzy: bool) -> str | None:
    index = _region_index()
    key = _key(rest)
    for variant in _genitive_variants(key):
        if variant in index:
            return index[variant]
    return _fuzzy(key, index) if fuzzy else None


_SUFFIX = re.compile(r"\s+(?:regions)?kommune(?:s|r|rne|rnes)?$", re.I)
_REGION_PREFIX = re.compile(r"^region(?:s)?\s+", re.I)


def canonical_municipality(name: str) -> str | None:
    """Canonical "<Name> Kommune" / "Region <Name>" for a name, or None.

    Accepts short names, official names, genitives ("Aarhus'", "Holstebros"), old spellings
    ("Århus") and small misspellings of longer names ("Norrdjurs Kommune").
    """
    name = name.strip().strip(".,;:()[]\"")
    if not name:
        return None
    if _REGION_PREFIX.match(name):
        return _lookup_region(_REGION_PREFIX.sub("", name), fuzzy=True)
    return _lookup_municipality(_SUFFIX.sub("", name), fuzzy=True)


# --------------------------------------------------------------------------------------
# Finding mentions
# --------------------------------------------------------------------------------------

_W = r"[A-ZÆØÅ][a-zæøåéü]+"


def _second_parts() -> str:
    """Second words of hyphenated names ("Taastrup", "Skjern"), which are often printed after a
    space instead ("Høje Taastrup", "Ringkøbing Skjern")."""
    names = (row["navn"] for row in _read_csv("dk_kommuner.csv"))
    parts = {name.split("-", 1)[1] for name in names if "-" in name}
    return "|".join(sorted(parts, key=len, reverse=True))


# A capitalised (possibly hyphenated or two-word, possibly genitive) name.
_NAME = rf"{_W}(?:[-‐–]{_W}|[ \t](?:{_second_parts()})(?![\wæøå]))?['’]?"
# Whitespace inside a construction: spaces, at most one line break (table cells wrap).
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"

_EXPLICIT = re.compile(
    rf"(?<![\w-])(?P<pre>{_W}{_SP})?(?P<name>{_NAME}){_SP}(?P<suffix>(?:[Rr]egions)?[Kk]ommunes?)(?![\wæøå])"
)
# Letterheads print "VIBORG KOMMUNE"; only the one-name form is read in capitals.
_EXPLICIT_UPPER = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÆØÅ]{3,}(?:-[A-ZÆØÅ]{3,})?['’]?)[ \t]+(?P<suffix>(?:REGIONS)?KOMMUNES?)(?![\wæøå])"
)
_REGION = re.compile(rf"(?<![\w-])[Rr]egion{_SP}(?P<name>[A-ZÆØÅ][a-zæøå]*(?:[-‐]{_W})?)(?![\wæøå])")
# A list of at least two names joined by ", " / " og " / " samt " / " eller " / "/",
# optionally closed by "kommuner"/"Kommuner".
_SEP = r"(?:[ \t]*,[ \t]*\n?[ \t]*|[ \t]*/[ \t]*|" + _SP + r"(?:og|samt|eller|&)" + _SP + r")"
_LIST = re.compile(
    rf"(?<![\w-])(?P<items>{_NAME}(?:{_SEP}{_NAME})+)(?:{_SP}(?P<cue>[Kk]ommuner(?:ne|s)?))?(?![\wæøå])"
)
_ITEM = re.compile(_NAME)
# "Aarhus' borgmester", "Viborgs byråd", "Aarhus kommunaldirektør": a town named as the owner of a
# municipal office is the municipality (exact names only: "Hammels borgmester" is no mention).
_OFFICE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}){_SP}(?i:(?:vice)?(?:borgmester|byråd|kommunalbestyrelse|"
    r"kommunaldirektør|rådmand)\w*)(?![\wæøå])"
)
# "Kommunalbestyrelsen i Halsnæs", "borgmesteren i Viborg": the office's municipality
_OFFICE_IN = re.compile(
    rf"(?i:(?<![\w-])(?:vice)?(?:borgmester(?:en)?|byråd(?:et)?|kommunalbestyrelse(?:n)?|kommunaldirektør(?:en)?|"
    rf"kommunen)){_SP}i{_SP}(?P<name>{_NAME})(?![\wæøå-])"
)
_POSTCODE_BEFORE = re.compile(r"\b\d{4}[ \t]*$")


def _explicit_mentions(text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _EXPLICIT.finditer(text):
        # Try the two-word name first ("Høje Taastrup Kommune"), then the last word alone
        # ("Socialchef Aarhus Kommune").
        start, official = m.start("name"), None
        if m.group("pre"):
            official = _lookup_municipality(m.group("pre") + m.group("name"), fuzzy=False)
            start = m.start("pre") if official else start
        if official is None:
            official = _lookup_municipality(m.group("name"), fuzzy=True)
        if official:
            out.append(PlaceMention(start, m.end(), text[start: m.end()], official, "municipality"))
    for m in _EXPLICIT_UPPER.finditer(text):
        official = _lookup_municipality(m.group("name"), fuzzy=True)
        if official:
            out.append(PlaceMention(m.start(), m.end(), m.group(0), official, "municipality"))
    return out


def _region_mentions(text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _REGION.finditer(text):
        official = _lookup_region(m.group("name"), fuzzy=True)
        if official:
            out.append(PlaceMention(m.start(), m.end(), m.group(0), official, "region"))
    return out


def _office_mentions(text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in [*_OFFICE.finditer(text), *_OFFICE_IN.finditer(text)]:
        if _POSTCODE_BEFORE.search(text[max(0, m.start("name") - 6): m.start("name")]):
            continue
        official = _lookup_municipality(m.group("name"), fuzzy=False)
        if official:
            out.append(PlaceMention(m.start("name"), m.end("name"), m.group("name"), official, "municipality"))
    return out


def _list_mentions(text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _LIST.finditer(text):
        items = [i for i in _ITEM.finditer(text, m.start("items"), m.end("items"))
                 if not _POSTCODE_BEFORE.search(text[max(0, i.start() - 6): i.start()])]
        exact = {i.start(): _lookup_municipality(i.group(0), fuzzy=False) for i in items}
        n_exact = sum(1 for v in exact.values() if v)
        # "Frederikshavn og Vesthimmerlands kommuner" names its kind; otherwise two exact
        # municipality names are needed before the list is read as municipalities.
        if not (m.group("cue") or n_exact >= 2):
            continue
        for i in items:
            official = exact[i.start()] or _lookup_municipality(i.group(0), fuzzy=True)
            if official:
                out.append(PlaceMention(i.start(), i.end(), i.group(0), official, "municipality"))
    return out


# not "Kommune, Aarhus Universitet" / "Randers Regnskov": a capitalised word after it makes a longer name
_NEXT_ITEM = re.compile(rf"^{_SEP}(?P<name>{_NAME})(?![\wæøå])(?![ \t]+[A-ZÆØÅ])(?!{_SP}[Kk]ommune)")
_PREVIOUS_ITEM = re.compile(rf"(?<![\w-])(?P<name>{_NAME}){_SEP}$")


def _coordinated_mentions(text: str, explicit: list[PlaceMention]) -> list[PlaceMention]:
    """A bare municipality name joined to an explicit one: "Århus Kommune og Aabenraa",
    "Favrskov og Aarhus Kommune" (exact names only, never after a postcode)."""
    out: list[PlaceMention] = []
    for e in explicit:
        if e.kind != "municipality":
            continue
        window = max(0, e.start - 60)
        after = _NEXT_ITEM.match(text[e.end: e.end + 60])
        before = _PREVIOUS_ITEM.search(text[window: e.start])
        for m, base in ((after, e.end), (before, window)):
            if m is None:
                continue
            start, name = base + m.start("name"), m.group("name")
            official = _lookup_municipality(name, fuzzy=False)
            if official and not _POSTCODE_BEFORE.search(text[max(0, start - 6): start]):
                out.append(PlaceMention(start, start + len(name), name, official, "municipality"))
    return out


# Municipalities whose name was made for the municipality and names no town (or is an island
# that is the municipality): alone in running text ("ny i Mariagerfjord", "på Samsø") such a
# name can only be the municipality, where "i Hjørring" may be the town.
NO_TOWN_NAMES = frozenset({
    "Høje-Taastrup", "Lyngby-Taarbæk", "Furesø", "Rudersdal", "Egedal", "Halsnæs", "Gribskov", "Odsherred",
    "Stevns", "Guldborgsund", "Faaborg-Midtfyn", "Nordfyn", "Nordfyns", "Syddjurs", "Norddjurs", "Favrskov",
    "Ikast-Brande", "Ringkøbing-Skjern", "Morsø", "Vesthimmerland", "Vesthimmerlands", "Mariagerfjord",
    "Jammerbugt", "Rebild", "Samsø", "Læsø", "Fanø", "Ærø", "Langeland", "Bornholm",
})
_NO_TOWN = re.compile(
    rf"(?<![\w-])(?P<name>{'|'.join(sorted(map(re.escape, NO_TOWN_NAMES), key=len, reverse=True))})['’]?"
    r"(?![\w-])(?![ \t]+[A-ZÆØÅ])"  # not "Favrskov Forsyning", "Rebild Bakker": a longer name
)


def _no_town_mentions(text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _NO_TOWN.finditer(text):
        if _POSTCODE_BEFORE.search(text[max(0, m.start() - 6): m.start()]):
            continue
        official = _lookup_municipality(m.group("name"), fuzzy=False)
        if official:
            out.append(PlaceMention(m.start(), m.end(), m.group(0), official, "municipality"))
    return out


# Regions named without "Region" in a list of regions: "Midt sammen med Nord og Syddanmark",
# "Nordjylland, Midtjylland og Syddanmark". One name in the list must be a region's full name, so
# "Nord og Syd" alone (north and south) is no list of regions.
_REGION_WORD = r"(?:Midtjylland|Nordjylland|Syddanmark|Sjælland|Hovedstaden|Midt|Nord|Syd)"
_REGION_SEP = r"(?:[ \t]*,[ \t]*|[ \t]*/[ \t]*|[ \t]+(?:og|samt|eller|sammen\s+med)[ \t]+)"
_REGION_LIST = re.compile(rf"(?<![\w-]){_REGION_WORD}(?:{_REGION_SEP}{_REGION_WORD})+(?![\w-])")
_FULL_REGION = re.compile(r"Midtjylland|Nordjylland|Syddanmark")


def _region_list_mentions(text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _REGION_LIST.finditer(text):
        if not _FULL_REGION.search(m.group(0)):
            continue
        for word in re.finditer(_REGION_WORD, m.group(0)):
            official = _lookup_region(word.group(0), fuzzy=False)
            if official:
                start = m.start() + word.start()
                out.append(PlaceMention(start, start + len(word.group(0)), word.group(0), official, "region"))
    return out


def _overlaps(a: PlaceMention, b: PlaceMention) -> bool:
    return a.start < b.end and b.start < a.end


def find_municipalities(text: str) -> list[PlaceMention]:
    """All municipality and region mentions, in text order; offsets exact on `text`."""
    kept: list[PlaceMention] = []
    # Explicit constructions win over list items covering the same words.
    explicit = _explicit_mentions(text)
    for group in (_region_mentions(text), explicit, _list_mentions(text), _office_mentions(text),
                  _coordinated_mentions(text, explicit), _no_town_mentions(text), _region_list_mentions(text)):
        for mention in group:
            if not any(_overlaps(mention, k) for k in kept):
                kept.append(mention)
    return sorted(kept, key=lambda p: p.start)
