"""Attendees from the front page.

Three layouts are handled by one mechanism: the block after a label ("Deltagere:", "Afbud:" …)
becomes a sequence of *cells* (TAB-separated table cells, or comma-separated entries), each
cell is classified as a person, an organisation, an e-mail or a continuation, and runs of
persons are paired with the run of organisations that follows them:
- one row per person (``name<TAB>organisation``): runs of length one;
- a flattened two-column table (all names, then all organisations): one long run of each;
- one comma-separated line with "(Fraværende)" marks: persons only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..cleaning import Line
from ..gazetteer import canonical_municipality, is_first_name
from ..models import Attendee
from .vocabulary import (
    ABSENT_LABEL, ABSENT_LABELS, ABSENT_MARK, ABSENT_TAIL, ATTENDEE_LABEL, CHECKBOX, FIELD_LABEL, MINUTE_TAKER_LABEL, MINUTE_TAKER_LABELS,
    NOBODY, ORG_WORDS, PART_TIME_NOTE, PARTY_MARK, PRESENT_LABELS, ROLE_CELL, ROLE_PREFIX, STATUS_CELL, TABLE_HEADER_CELL,
    UNCHECKED,
)

PARTICLES = {"von", "van", "de", "la", "af", "du", "le", "der", "den", "da", "di", "el", "al", "bin"}
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
NAME_TOKEN = re.compile(r"^(?:[A-ZÆØÅÉÜÖÄ][\wæøåéüöäÆØÅ'’\-]*\.?|[A-ZÆØÅ]\.)$")
TRAILING_STOP = re.compile(r"(?<=[a-zæøå]{2})\.\s*$")  # "… og Ole Dam." (not an initial "A.")
FROM_ORG = re.compile(r"^(?P<name>[^/]+?)\s*(?:/|\s+fra\s+|\s+[–—-]\s+)\s*(?P<org>[A-ZÆØÅ][^/]*)$")
FROM_PREFIX = re.compile(r"^fra\s+", re.I)
DASH_ROLE = re.compile(r"^(?P<name>.+?)\s+[–—-]\s+(?P<role>[a-zæøå][^,]*)$")
ROLE_TAIL = re.compile(r"^(?P<org>.+?),\s*(?P<role>[a-zæøå].*)$")
# "Københavns Kommune (formand)": the role in brackets after the organisation
ROLE_BRACKET = re.compile(r"^(?P<org>.+?)\s*\((?P<role>[a-zæøå][^()]*)\)$")


@dataclass
class Cell:
    kind: str   # person | org | email | cont | other
    text: str
    role: str | None = None
    status: str | None = None
    page: int | None = None


def _is_org_start(token: str) -> bool:
    return bool(
        canonical_municipality(token.rstrip(",")) or ORG_WORDS.match(token)
        or re.fullmatch(r"[A-ZÆØÅ]{2,}(?:[-/][A-ZÆØÅ]+)*s?", token)
        or token.lower().startswith("fælleskommunal")
    )


def _is_person(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 6 or ORG_WORDS.search(text) or any(ch.isdigit() for ch in text):
        return False
    if not all(NAME_TOKEN.match(t) or t.lower() in PARTICLES for t in tokens):
        return False
    if tokens[0].lower() in PARTICLES:
        return False
    # a bare municipality pair ("Aarhus Odder") is no person
    return is_first_name(tokens[0]) or not all(canonical_municipality(t) for t in tokens)


def _initials_of(short: str, name: str) -> bool:
    """'JH' or 'JPH' for 'Jens Peter Hansen'."""
    tokens = [t for t in re.split(r"[\s-]+", name) if t[:1].isupper()]
    return short.isupper() and 2 <= len(short) <= 4 and len(tokens) >= 2 \
        and short[0] == tokens[0][0] and short[-1] == tokens[-1][0]


def _is_org(text: str) -> bool:
    return bool(ORG_WORDS.search(text) or canonical_municipality(text.strip(" ,"))
                or re.fullmatch(r"[A-ZÆØÅ]{2,}(?:[\s/-][A-ZÆØÅa-zæøå]+)*", text.strip()))


def classify(text: str, page: int | None = None) -> list[Cell]:
    """One printed cell → one or two cells (a person cell may carry its organisation)."""
    text = TRAILING_STOP.sub("", re.sub(r"\s+", " ", text).strip(" ,;"))
    if not text:
        return []
    status = None
    box = CHECKBOX.match(text)
    if box:  # an attendance checklist: "☒ Jens Hansen" came, "☐ Lise Berg" did not
        status = "absent" if box.group(0).strip() in UNCHECKED else "present"
        text = text[box.end():]
    if ABSENT_MARK.search(text):
        status = "absent"
        text = ABSENT_MARK.sub("", text).strip(" ,")
    # "(fraværende under punkt 3)", "(gik kl. 11)": a note on a member who was there, no role
    text = PART_TIME_NOTE.sub("", text).strip(" ,")
    if EMAIL.match(text):
        return [Cell("email", text, status=status, page=page)]
    if text.lower() == "kommune" or (text[:1].islower() and not ROLE_PREFIX.match(text)):
        return [Cell("cont", text, page=page)]
    text = PARTY_MARK.sub("", text).strip(" ,")
    if ABSENT_TAIL.search(text):
        status = "absent"
        text = ABSENT_TAIL.sub("", text).strip(" ,")
    # "Lise Møller for Per Clausen": a substitute, who is the participant
    sub = SUBSTITUTE.match(text)
    if sub and _is_person(sub.group("name")) and _is_person(sub.group("other")):
        return [Cell("person", sub.group("name").strip(), status=status, page=page)]
    title = ROLE_PREFIX.match(text)
    if title:
        cells = classify(title.group("rest"), page)
        if cells and cells[0].kind == "person":
            cells[0].role = cells[0].role or title.group("role")
            cells[0].status = cells[0].status or status
            return cells
    # "Jens Hansen fra Aarhus Kommune", "Jens Hansen/Aarhus Kommune"
    m = FROM_ORG.match(text)
    if m and _is_person(m.group("name")) and _is_org(m.group("org")):
        return [Cell("person", m.group("name"), status=status, page=page), Cell("org", m.group("org"), page=page)]
    m = DASH_ROLE.match(text)
    if m and _is_person(m.group("name")):  # "Lise Berg - formand"
        return [Cell("person", m.group("name"), role=m.group("role"), status=status, page=page)]
    name, comma, rest = (part.strip() for part in text.partition(","))
    if comma and rest and _is_person(name):
        if ROLE_CELL.match(rest):  # "Peter Sørensen, Formand"
            return [Cell("person", name, role=rest, status=status, page=page)]
        if rest[:1].isupper():
            # "Anne Hansen, Aarhus Kommune": the organisation (and any ", role" after it, see _attendee)
            return [Cell("person", name, status=status, page=page), Cell("org", rest, page=page)]
        if "," not in rest:
            # "Lars Lilleholt, 1. viceborgmester": a role in lower case, or a numbered one
            return [Cell("person", name, role=rest, status=status, page=page)]
        role, _, org = (part.strip() for part in rest.partition(","))
        if org[:1].isupper() and "," not in org:
            # "Jens Hansen, afdelingschef, Aarhus Kommune": the role, then the organisation
            return [Cell("person", name, role=role, status=status, page=page), Cell("org", org, page=page)]
    # "Name (role) Organisation" or "Name (Organisation)"
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<paren>[^)]*)\)\s*(?P<rest>.*)$", text)
    if m and _is_person(m.group("name")):
        paren, rest = m.group("paren").strip(" *"), m.group("rest").strip(" ,.;")
        person = Cell("person", m.group("name").strip(), status=status, page=page)
        if _initials_of(paren, person.text) or EMAIL.match(paren):
            paren = ""  # "Jens Hansen (JH)", "Jens Hansen (jh@aarhus.dk)": a short form or an address, no role
        if _is_org(paren) and not rest:
            return [person, Cell("org", paren, page=page)]
        person.role = paren or None
        return [person] + ([Cell("org", rest, page=page)] if rest else [])
    if _is_person(text):
        return [Cell("person", text, status=status, page=page)]
    tokens = text.split()
    for k in range(2, min(len(tokens), 7)):
        left, right = " ".join(tokens[:k]), " ".join(tokens[k:])
        if _is_person(left) and _is_org_start(tokens[k]):
            return [Cell("person", left, status=status, page=page), Cell("org", right, page=page)]
    if _is_org(text):
        return [Cell("org", text, page=page)]
    return [Cell("other", text, page=page)]


def _entry_cells(entry: str, page: int | None) -> list[Cell]:
    """The cells of one entry; 'Anders Jensen og Birgitte Holm', 'direktør Søren Kjær og sekretær
    Lene Bo' are two entries when both sides read as persons ('Social- og Sundhedsudvalget' stays one)."""
    parts = re.split(r"\s+(?:og|samt)\s+", entry)
    if len(parts) > 1:
        per_part = [classify(p, page) for p in parts]
        if all(cells and cells[0].kind == "person" for cells in per_part):
            last = per_part[-1]
            if len(last) == 2 and last[1].kind == "org" and all(len(cells) == 1 for cells in per_part[:-1]):
                # "Jens Hansen og Lise Berg fra Aarhus Kommune": both are from there
                per_part = [[*cells, Cell("org", last[1].text, page=page)] for cells in per_part[:-1]] + [last]
            return [cell for cells in per_part for cell in cells]
    return classify(entry, page)


def _role_cell(row: list[Cell], part: str) -> list[Cell]:
    """A table column holding only the role ("Formand") belongs to the row's person."""
    person = next((c for c in row if c.kind == "person"), None)
    if person is None or person.role or not ROLE_CELL.match(part):
        return []
    person.role = part
    return [Cell("role", part)]


def _split_entries(text: str) -> list[str]:
    """Entries of a list line: split at commas outside brackets, or at semicolons where the line
    has them ("Jens Hansen, Aarhus Kommune; Lise Berg, Randers Kommune")."""
    sep = ";" if ";" in text else ","
    parts, depth, cur = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == sep and depth <= 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _is_comma_list(text: str) -> bool:
    """'A, B, C' (three or more entries) or 'Anders Jensen, Birgitte Holm' (both entries persons)."""
    if "\t" in text:
        return False
    parts = _split_entries(text)
    if len(parts) >= 3:
        return True
    return len(parts) == 2 and all(_starts_with_person(ABSENT_MARK.sub("", p).strip()) or EMAIL.match(p) for p in parts)


SUBSTITUTE = re.compile(r"^(?P<name>[^()]+?)\s+(?:for|i\s+stedet\s+for)\s+(?P<other>[A-ZÆØÅ][^()]+)$")
LIST_GOES_ON = re.compile(r"(?:[,;]|\b(?:og|samt))\s*$")


def _starts_with_person(entry: str) -> bool:
    """'Anders Jensen', 'Ole Dam fra Randers Kommune', 'Jens Hansen og Lise Berg': an entry of a list."""
    cells = _entry_cells(entry, None)
    return bool(cells) and cells[0].kind == "person"


def _org_group_cells(text: str, page: int | None) -> list[Cell] | None:
    """'Aarhus Kommune: Jens Hansen, Lise Berg': each name paired with the organisation before
    the colon; None when the line is no such group."""
    m = FIELD_LABEL.match(text)
    if not m or ATTENDEE_LABEL.match(text) or not _is_org(m.group("label")):
        return None
    org = FROM_PREFIX.sub("", m.group("label").strip())  # "Fra Aarhus Kommune: …"
    persons = [c for e in _split_entries(m.group("rest")) for c in _entry_cells(e, page) if c.kind == "person"]
    return [cell for person in persons for cell in (person, Cell("org", org, page=page))] or None


def _other_field(text: str) -> bool:
    """A labelled front-page line that is no participant label and no role ("Formand: …")."""
    m = FIELD_LABEL.match(text)
    return bool(m) and not ATTENDEE_LABEL.match(text) and not ROLE_CELL.match(m.group("label"))


def _cells_of_block(lines: list[Line], start: int, stop_at: set[int]) -> list[Cell]:
    """Cells of the attendee block starting at line `start`, with status from the labels."""
    cells: list[Cell] = []
    status = "present"
    i = start
    while i < len(lines) and i not in stop_at:
        line = lines[i]
        text = line.text.strip()
        label = ATTENDEE_LABEL.match(text)
        if label:
            status = "absent" if ABSENT_LABEL.match(re.sub(r"\s+", " ", label.group("label").strip())) else "present"
            text = (label.group("rest") or "").strip()
            if not text or NOBODY.fullmatch(text):  # "Afbud: Ingen."
                i += 1
                continue
        elif (grouped := _org_group_cells(text, line.page)) is not None:
            for cell in grouped:
                if cell.kind == "person":
                    cell.status = cell.status or status
            cells.extend(grouped)
            i += 1
            continue
        elif (role_label := FIELD_LABEL.match(text)) and ROLE_CELL.match(role_label.group("label")) \
                and not MINUTE_TAKER_LABEL.match(role_label.group("label")):
            # "Formand: Jens Hansen" among the participants: a member with that role ("Referent:"
            # names the minute-taker and ends the list)
            for cell in _entry_cells(role_label.group("rest"), line.page):
                if cell.kind == "person":
                    cell.role = cell.role or role_label.group("label").strip().lower()
                cell.status = cell.status or status
                cells.append(cell)
            i += 1
            continue
        elif _other_field(text):
            break
        if _is_comma_list(text):
            # one comma-separated list, possibly wrapped over several lines of one paragraph
            j = i + 1
            # a wrapped list goes on until a blank line or the next "Label:" line ("Referent: …")
            # and the break falls inside it: after a comma or "og", or inside an entry ("Birgitte" /
            # "Holm, …"); a line that ends an entry and a next line that opens with a name are one
            # entry a line ("Bente Lund, jobcenterchef, Hjørring" / "Mikkel Rask, chef, Frederikshavn")
            while j < len(lines) and j not in stop_at and not lines[j].para_start \
                    and not FIELD_LABEL.match(lines[j].text.strip()) and not ATTENDEE_LABEL.match(lines[j].text.strip()) \
                    and (LIST_GOES_ON.search(text) or not _starts_with_person(_split_entries(lines[j].text.strip())[0])):
                text += " " + lines[j].text.strip()
                j += 1
            for entry in _split_entries(text):
                inner = ATTENDEE_LABEL.match(entry)
                if inner:
                    status = "absent" if ABSENT_LABEL.match(inner.group("label")) else "present"
                    entry = inner.group("rest") or ""
                # "Kristian Bøgsted (V), formand, Anne Vang (A)": a role entry belongs to the name before it
                entry = TRAILING_STOP.sub("", entry)
                role = PARTY_MARK.sub("", entry).strip()
                row = _role_cell(cells[-1:], role) if cells and cells[-1].kind == "person" else []
                for cell in row or _entry_cells(entry, line.page):
                    cell.status = cell.status or status
                    cells.append(cell)
            i = j
            continue
        parts = [p.strip() for p in text.split("\t") if p.strip()]
        if len(parts) >= 2 and all(TABLE_HEADER_CELL.match(p) for p in parts):
            i += 1
            continue
        row: list[Cell] = []
        row_status = None
        for part in parts:
            mark = STATUS_CELL.match(part)
            if mark and any(c.kind == "person" for c in row):
                row_status = "absent" if mark.group("absent") else "present"
                continue
            row.extend(_role_cell(row, part) or _entry_cells(part, line.page))
        if row_status:
            for cell in row:
                if cell.kind == "person":
                    cell.status = row_status
        if row and all(c.kind == "other" for c in row):
            break
        persons = [c for c in row if c.kind == "person"]
        if persons:
            row = [c for c in row if c.kind != "email"]  # "Jens Hansen | jh@aarhus.dk | …": the address is contact info
        orgs = [c for c in row if c.kind == "org"]
        if len(persons) == 1 and len(orgs) == 1 and row.index(orgs[0]) < row.index(persons[0]):
            # "Aarhus Kommune | Jens Hansen": the organisation column first, the pair is the row's
            row = [persons[0], orgs[0], *(c for c in row if c is not persons[0] and c is not orgs[0])]
        for cell in row:
            cell.status = cell.status or status
        cells.extend(row)
        i += 1
    return cells


def _merge_continuations(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for cell in cells:
        if cell.kind != "cont":
            out.append(cell)
            continue
        orgs = [c for c in out if c.kind == "org"]
        if cell.text.lower() == "kommune":
            # a wrapped "Kommune" belongs to the latest bare municipality name
            target = next((c for c in reversed(orgs) if "kommune" not in c.text.lower()), None)
        else:
            target = orgs[-1] if orgs else None
        if target is not None:
            target.text = f"{target.text} {cell.text}"
    return [c for c in out if c.kind not in ("other", "role")]


def _pair(cells: list[Cell]) -> list[Attendee]:
    attendees: list[Attendee] = []
    runs: list[tuple[str, list[Cell]]] = []
    for cell in cells:
        kind = "org" if cell.kind == "org" else "person"
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(cell)
        else:
            runs.append((kind, [cell]))
    pending: list[Cell] = []
    for kind, run in runs:
        if kind == "person":
            for cell in pending:
                attendees.append(_attendee(cell, None))
            pending = list(run)
            continue
        if not pending:
            continue
        if len(run) == len(pending):
            pairs = list(zip(pending, run))
        else:
            # unequal runs: the organisations belong to the last persons before them
            pairs = list(zip(pending[-len(run):], run)) if len(run) < len(pending) else list(zip(pending, run))
            for cell in pending[: max(0, len(pending) - len(run))]:
                attendees.append(_attendee(cell, None))
        for person, org in pairs:
            attendees.append(_attendee(person, org))
        pending = []
    for cell in pending:
        attendees.append(_attendee(cell, None))
    return attendees


def _attendee(person: Cell, org: Cell | None) -> Attendee:
    organization, role = (org.text if org else None), person.role
    if organization:
        m = ROLE_TAIL.match(organization) or ROLE_BRACKET.match(organization)
        if m:
            organization, role = m.group("org"), role or m.group("role")
    return Attendee(name=person.text, organization=organization, role=role,
                    status=person.status or "present", page=person.page)


# "Til stede: A og B. Afbud: C.": a second attendance label inside a line starts a field of its own
INNER_LABEL = re.compile(rf"(?<=[.;])\s+(?=(?:{PRESENT_LABELS}|{ABSENT_LABELS}|{MINUTE_TAKER_LABELS}|mødeleder|ordstyrer)\s*:)", re.I)
# "Bestyrelsen: Jens Hansen (formand), Lise Berg": the members of the body, a participant list
MEMBERS_OF_BODY = re.compile(
    r"^\s*(?:bestyrelsen|udvalget|styregruppen|arbejdsgruppen|følgegruppen|netværket|rådet|[A-ZÆØÅa-zæøå\-]+rådet)"
    r"(?:s\s+medlemmer)?\s*:\s*(?P<rest>.+)$", re.I)


def _one_field_per_line(lines: list[Line], stop_at: set[int]) -> tuple[list[Line], set[int]]:
    out: list[Line] = []
    stops: set[int] = set()
    for i, line in enumerate(lines):
        if i in stop_at:
            stops.add(len(out))
        members = MEMBERS_OF_BODY.match(line.text)
        if members and _starts_with_person(_split_entries(members.group("rest"))[0]):
            line = replace(line, text=f"Deltagere: {members.group('rest')}")
        parts = INNER_LABEL.split(line.text) if ATTENDEE_LABEL.match(line.text.strip()) else [line.text]
        out.extend(replace(line, text=part.strip()) for part in parts if part.strip())
    return out, stops


# "Mødeleder: Hans Poulsen" on the front page: the person chairing took part, whether or not
# the participant list names them again
CHAIR_LABEL = re.compile(r"^\s*(?P<role>mødeleder|ordstyrer|mødeleder\s+og\s+ordstyrer|dirigent)\s*:\s*(?P<rest>.+)$", re.I)


def find_attendees(lines: list[Line], stop_at: set[int]) -> list[Attendee]:
    """All attendee blocks of the front matter (`lines` before the first agenda item)."""
    lines, stop_at = _one_field_per_line(lines, stop_at)
    attendees: list[Attendee] = []
    for i, line in enumerate(lines):
        if i in stop_at:
            break
        # "Deltagere:", or a first line grouped by organisation ("Fra Aarhus Kommune: …")
        if ATTENDEE_LABEL.match(line.text.strip()) or (
                FROM_PREFIX.match(line.text.strip()) and _org_group_cells(line.text.strip(), line.page)):
            attendees = _pair(_merge_continuations(_cells_of_block(lines, i, stop_at)))
            break
    chairs = _chairs(lines[: min(stop_at, default=len(lines))])
    if not attendees and not chairs:
        return []
    return _merge_repeats(attendees + chairs)


def _chairs(lines: list[Line]) -> list[Attendee]:
    out: list[Attendee] = []
    for line in lines:
        m = CHAIR_LABEL.match(line.text)
        if not m:
            continue
        for cell in _entry_cells(m.group("rest"), line.page):
            if cell.kind == "person":
                cell.role = cell.role or m.group("role").lower()
                out.append(_attendee(cell, None))
    return out


def _merge_repeats(attendees: list[Attendee]) -> list[Attendee]:
    """A member listed among the members and again under "Afbud:" is one absent attendee,
    keeping the role and organisation printed with the first entry."""
    by_name: dict[str, Attendee] = {}
    for att in attendees:
        key = att.name.casefold()
        first = by_name.get(key)
        if first is None:
            by_name[key] = att
            continue
        by_name[key] = first.model_copy(update={
            "status": "absent" if "absent" in (first.status, att.status) else "present",
            "organization": first.organization or att.organization,
            "role": first.role or att.role,
        })
    return list(by_name.values())
