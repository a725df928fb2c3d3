"""Rule-based Danish sentence segmentation for section texts.

`split_sentences(text, offset)` returns ``(start, end, sentence)`` triples with absolute offsets
(``offset`` + local offset) and the sentence with its whitespace collapsed.

Rules
-----
* Every paragraph (a line of the section text) is a boundary -- bullets are paragraphs of their
  own -- EXCEPT a soft line break left by PDF wrapping: a line that does not end in sentence
  punctuation (. ! ? : ;) followed by a line that starts with a lowercase letter continues the
  same sentence ("... afdække behovet blandt" / "kommunerne i Region Midt.").
* Inside a paragraph a sentence ends at . ! ? followed by whitespace and an uppercase letter,
  a digit or an opening quote -- but not after an abbreviation (ABBREVIATIONS; those that often
  close a sentence, "kr.", "pct.", "osv.", "m.m.", do before a capital), a single letter
  or initial ("Hans C. Andersen"), or a day before a month ("25. Maj"), after "den" or as a list
  number at the paragraph start. Any other number's dot ends a sentence ("senest uge 23. Planen",
  "med 15 stemmer mod 10. Forslaget").
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "split_sentences"]

# Lowercased, without the final dot. Multi-dot abbreviations are written with their inner dots.
ABBREVIATIONS: frozenset[str] = frozenset({
    "jf", "jvf", "bl.a", "ca", "kl", "evt", "mv", "m.v", "m.m", "mm", "fx", "f.eks", "pr", "nr",
    "ift", "i.f.t", "vedr", "inkl", "ekskl", "dvs", "d.v.s", "mht", "m.h.t", "hhv", "chr", "ang",
    "tlf", "stk", "pkt", "etc", "osv", "o.l", "ol", "bl", "f", "d", "s", "jan", "feb", "febr",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "tirs", "ons",
    "tors", "fre", "lør", "søn", "ml", "mio", "mia", "kr", "pct", "ref", "afd", "adm",
    "dir", "konst", "stud", "cand", "mag", "jur", "polit", "scient", "oecon", "sekr", "tlf.nr",
    "e.l", "o.a", "o.lign", "p.t", "pt", "t.o.m", "t.v", "th", "tv", "ex", "iflg", "ifm",
    "i.h.t", "iht", "gl", "incl", "vha", "v.h.a", "ndr", "sdr", "nordr",
    "østr", "vestr", "mr", "mrs", "dr", "prof", "a/s", "aps", "p", "ff", "el", "ligel", "henh",
    "hlsn", "mvh", "st", "sml", "smst", "årg", "udg", "vol", "ver", "fig", "kap", "afsn",
})

# Abbreviations that often close a sentence: after these a capitalised word begins the next one.
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset({
    "m.m", "mm", "mv", "m.v", "osv", "etc", "o.l", "ol", "o.lign", "e.l", "pct", "kr", "m.fl", "mfl",
})

MONTH_WORDS = frozenset({
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december", "jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "nov", "dec",
})

_END = re.compile(r"[.!?]+[\"'”»)]*(?=\s+[\"'„“«(]?[A-ZÆØÅÄÖÜÉ0-9])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s+[\"'„“«(]?([^\s.,:;]+)")
_SOFT_BREAK_END = re.compile(r"[.!?:;]['\"”»)]*\s*$")


def _is_boundary(para: str, m: re.Match[str]) -> bool:
    if m.group(0)[0] in "!?":
        return True
    before = _TOKEN_BEFORE.search(para[: m.start()])
    if not before:
        return True
    raw = before.group(1).lstrip("(\"'„“«")
    tok = raw.lower()
    if len(raw) >= 2 and raw.isupper():  # acronym at the end of a sentence: "... til KL."
        return True
    if tok in SENTENCE_FINAL_ABBREVIATIONS:
        # "… med 3 pct. Sekretariatet orienterer …", "… m.m. Næste punkt …": a capital after it starts a sentence
        return bool(re.match(r"\s+[\"'„“«(]?[A-ZÆØÅÄÖÜÉ]", para[m.end():]))
    if tok in ABBREVIATIONS:
        return False
    if len(tok) == 1 and tok.isalpha():  # initial: "Hans C. Andersen", "A. Jensen"
        return False
    nxt = _NEXT_WORD.match(para, m.end())
    next_word = nxt.group(1).lower() if nxt else ""
    if re.fullmatch(r"\d{1,2}", tok):
        # a day before a month ("25. Maj"), a list number at the paragraph start ("2. Punkt"),
        # a date after "den" ("den 3. Behandling"); otherwise a count ("uge 23.", "mod 10.") ends it
        before_number = para[: before.start()]
        return next_word not in MONTH_WORDS and bool(before_number.strip(" \t•-–*")) \
            and not re.search(r"\b(?:den|d\.)\s*$", before_number, re.I)
    if re.fullmatch(r"\d{1,4}", tok) and next_word in MONTH_WORDS:
        return False
    if "." in tok and re.fullmatch(r"(?:[a-zæøå]{1,4}\.)+[a-zæøå]{1,4}", tok):  # other dotted abbreviations
        return False
    return True


def _paragraphs(text: str, point_starts: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of the logical paragraphs, joining soft PDF line breaks (never into a bullet
    or a list point starting at one of `point_starts`)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if spans:
            prev_start, prev_end = spans[-1]
            prev = text[prev_start:prev_end]
            first = line.lstrip()[:1]
            if first.islower() and not _SOFT_BREAK_END.search(prev) and start + len(line) - len(line.lstrip()) not in point_starts:
                spans[-1] = (prev_start, end)
                continue
        spans.append((start, end))
    return spans


def split_sentences(text: str, offset: int = 0, point_starts: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """Split a section text into sentences: ``[(abs_start, abs_end, sentence), ...]``;
    `point_starts` are the local offsets of bullets and list points."""
    out: list[tuple[int, int, str]] = []
    for p_start, p_end in _paragraphs(text, point_starts):
        para = text[p_start:p_end]
        cuts = [0]
        for m in _END.finditer(para):
            if _is_boundary(para, m):
                cuts.append(m.end())
        cuts.append(len(para))
        for a, b in zip(cuts, cuts[1:]):
            chunk = para[a:b]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail <= lead:
                continue
            s, e = p_start + a + lead, p_start + a + trail
            out.append((offset + s, offset + e, re.sub(r"\s+", " ", text[s:e])))
    return out
