"""Presenters from an item's "Ved …" line: the person names, without titles or organisations."""

from __future__ import annotations

import re

from ..gazetteer import is_first_name
from .attendees import NAME_TOKEN, PARTICLES, _is_person
from .vocabulary import ROLE_PREFIX

SPLIT = re.compile(r",|\s+og\s+|\s+samt\s+|\s+&\s+|\s+ved\s+|\s*;\s*", re.I)
LEAD = re.compile(r"^(?:(?:intro|introduktion|oplæg|fremlæggelse|præsentation|indledning)?\s*(?:(?:ved|af)\b|v/)?|oplægsholdere?)\s*:?\s*", re.I)


def parse_presenters(line: str) -> list[str]:
    text = re.sub(r"\([^)]*\)", " ", line)
    if ":" in text:
        text = text.rsplit(":", 1)[1]  # "Ved dialogmødets DASSOS repr.: Jesper …"
    names: list[str] = []
    for segment in SPLIT.split(text):
        segment = LEAD.sub("", segment.strip()).strip(" .:")
        title = ROLE_PREFIX.match(segment)
        if title:  # "direktør Jens Hansen"
            segment = title.group("rest")
        tokens = []
        for tok in segment.split():
            if NAME_TOKEN.match(tok) or (tokens and tok.lower() in PARTICLES):
                tokens.append(tok)
            else:
                break
        # the name is the leading capitalised run; a title after it ("Socialchef") ends it
        while len(tokens) >= 2:
            cand = " ".join(tokens)
            if _is_person(cand) and any(is_first_name(part) for part in tokens[0].split("-")):
                names.append(cand)
                break
            tokens.pop()
    return list(dict.fromkeys(names))
