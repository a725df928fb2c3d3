"""Action items: tasks the outcome section (Referat/Beslutning) assigns for after the meeting.

Per sentence (after dropping a run-in label such as "Sikrede institutioner:") and per clause
(split at "hvorefter", ";" ...), the first rule that fires gives the action:

1. a request: "... bedes det tilkendegivet ..."            -> owner None (or the subject before "bedes")
2. a lead-in: "Det blev aftalt, at X ...", "X fik til opgave at ..."
3. owner + modal + task verb: "Børnehus Midt vil fra 2022 afdække ..."; owner + present task verb:
   "Sekretariatet undersøger ..."
4. a passive task verb: "der udarbejdes ...", "DASSOS orienteres på næste møde"  -> owner None

Due date: a deadline in the clause, a "på møde den X" presentation date, or a deadline stated
by the next sentence ("... rundsender notatet. Frist for eksempler er den 25. maj.").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..models import ActionItem
from ..structure.followup import rows_in
from .common import Sentence, clean, sentences_of
from .deadlines import deadline_hits, plan_only
from .patterns import (
    ACTION_EXCLUDE, ACTION_LEADINS, AT_POINT, CLAUSE_SPLIT, CONDITION_BEFORE, DUE_AT_MEETING, FUTURE_MARKER,
    FUTURE_ONLY_VERBS, MODALS, MUST_HAVE_DONE, NON_OWNERS, POSSIBILITY_BEFORE, REQUEST, RUN_IN_LABEL, TASK_VERBS,
    TASK_TIME_NOT_DUE,
)

OUTCOME_KINDS = frozenset({"referat"})
FOLLOWING = re.compile(r"(?:følgende|flg\.?)(?:\s+[a-zæøå]+){0,2}\s*:?\s*\.?", re.IGNORECASE)
LEADING_ADVERBS = re.compile(
    r"^(?:(?:desuden|endvidere|derudover|herudover|slutteligt|endelig|afslutningsvis|samtidig|derfor|"
    r"dernæst|herefter|derefter|efterfølgende|og|men|så|idet|hvorefter|således\s+at|samtidig\s+med\s+at)\b,?\s+)+",
    re.IGNORECASE)  # "Godkendt, idet formanden bemyndiges til at …": the conjunction is no part of the owner
OWNER_CUT = re.compile(r"\s+(?:i|med|på|ved|under)\s+(?=[a-zæøå])")
MAX_OWNER_WORDS = 8
NOT_SUBJECT = re.compile(
    r"\b(?:er|var|har|havde|blev|bliver|kan|kunne|skal|skulle|vil|ville|må|får|fik|gav|giver|at|som|der|"
    r"hvor|hvis|når|om)\b|\b\w{3,}ede\b|\b(?:til|på|for|med|af|om)\s*$", re.IGNORECASE)


@dataclass
class Action:
    owner: str | None
    action: str
    start: int  # offsets inside the sentence text
    end: int


@dataclass
class Verb:
    label: str
    form: str  # "passive" | "present" | "infinitive"
    start: int
    end: int


def _verbs(text: str) -> list[Verb]:
    out = []
    for label, rx in TASK_VERBS:
        for m in rx.finditer(text):
            first = m.group(0).split()[0].lower()
            form = "passive" if first.endswith("es") else "present" if first.endswith("er") or first == "går" else "infinitive"
            out.append(Verb(label, form, m.start(), m.end()))
    return sorted(out, key=lambda v: v.start)


def _owner(segment: str) -> str | None:
    """A subject noun phrase as printed, or None for impersonal/passive subjects."""
    seg = LEADING_ADVERBS.sub("", segment.strip(" ,"))
    if NOT_SUBJECT.search(seg):  # a finite verb or a subordinate clause: not a bare subject
        return None
    seg = seg.split(",")[0].strip()  # drop an apposition: "Lotte Henriksen og Jette Lorenzen, DASSOS' repr., ..."
    seg = OWNER_CUT.split(seg)[0].strip()
    words = seg.split()
    if not words or len(words) > MAX_OWNER_WORDS or words[0].lower() in NON_OWNERS:
        return None
    if MODALS.search(seg) or any(w.lower() in {"er", "var", "har", "blev", "bliver"} for w in words):
        return None
    return seg


# "Netværket drøftede oplægget og (besluttede …)": the subject of the first of two joined verbs
COORDINATED_HEAD = re.compile(r"^(?P<subject>.+?)\s+[a-zæøå]+(?:ede|te)\b[^,]*\s+og\s*$")


def _coordinated_subject(head: str) -> str | None:
    m = COORDINATED_HEAD.match(LEADING_ADVERBS.sub("", head.strip(" ,")))
    return _owner(m.group("subject")) if m else None


def _future_ok(verb: Verb, clause: str) -> bool:
    return verb.label not in FUTURE_ONLY_VERBS or bool(FUTURE_MARKER.search(clause))


def _modal_action(clause: str, base: int) -> Action | None:
    """owner + skal/vil/må + (up to 4 words) + task infinitive, or owner + present task verb, at clause start."""
    body = LEADING_ADVERBS.sub("", clause)
    shift = len(clause) - len(body)
    if any(rx.search(body) for _, rx in ACTION_EXCLUDE):
        return None
    verbs = _verbs(body)
    modal = MODALS.search(body)
    if modal and modal.group(0).lower() != "vil" and MUST_HAVE_DONE.match(body, modal.end()):
        owner = _owner(body[:modal.start()])
        if owner:
            return Action(owner, body[modal.start():].rstrip(" ."), base + shift + modal.start(), base + len(clause))
    if modal:
        for v in verbs:
            gap = body[modal.end():v.start].split()
            if v.start > modal.end() and len(gap) <= 4 and v.form == "infinitive" and _future_ok(v, body):
                owner = _owner(body[:modal.start()])
                if owner:
                    return Action(owner, body[modal.start():].rstrip(" ."), base + shift + modal.start(), base + len(clause))
                break
    for v in verbs:
        if v.form == "present" and _future_ok(v, body):
            owner = _owner(body[:v.start])
            if owner:
                return Action(owner, body[v.start:].rstrip(" ."), base + shift + v.start, base + len(clause))
            break
    return None


def _passive_action(clause: str, base: int) -> Action | None:
    for v in _verbs(clause):
        if v.form != "passive" or not _future_ok(v, clause):
            continue
        if POSSIBILITY_BEFORE.search(clause[:v.start]) or CONDITION_BEFORE.search(clause[:v.start]):
            continue
        if any(rx.search(clause) for label, rx in ACTION_EXCLUDE if label == "perfect"):
            return None
        text = LEADING_ADVERBS.sub("", clause).rstrip(" .")
        return Action(None, text, base + len(clause) - len(LEADING_ADVERBS.sub("", clause)), base + len(clause))
    return None


def _leadin_action(clause: str, base: int) -> Action | None:
    for label, rx in ACTION_LEADINS:
        m = rx.search(clause)
        if not m:
            continue
        tail = clause[m.end():].strip()
        tail_at = m.end() + (len(clause[m.end():]) - len(clause[m.end():].lstrip()))
        if not tail or FOLLOWING.fullmatch(tail):
            return None  # "… aftalte følgende:" introduces a list or table, read on its own
        verbs = _verbs(tail)
        modal = MODALS.search(tail)
        first_verb = min([v.start for v in verbs] + ([modal.start()] if modal else []), default=None)
        if label == "asked":  # "Udvalget bad forvaltningen om at undersøge ..."
            return Action(_owner(m.group("whom")), tail.rstrip(" ."), base + tail_at, base + len(clause))
        if label == "task":  # "takstgruppen fik til opgave at lave ..."
            head = clause[:m.start()]
            head = re.split(r",?\s+\bat\b\s+|,\s+", head)[-1]
            return Action(_owner(head), tail.rstrip(" ."), base + tail_at, base + len(clause))
        if label == "decided" and not (verbs or modal):
            return None
        if label == "reported":  # "X oplyste, at Y vender tilbage", "X lovede at vende tilbage"
            if first_verb is None:
                return None
            head = tail[:first_verb].strip().lower()
            if first_verb == 0 or head in ("den", "de", "han", "hun", "vi"):
                owner = _owner(clause[:m.start()])  # the speaker: "lovede at …", "… at den vil …"
            elif head == "der":
                owner = None  # "… at der udarbejdes et notat"
            else:
                owner = _owner(tail[:first_verb])
                if owner is None:
                    return None  # a report that only mentions a task further on
            return Action(owner, tail.rstrip(" ."), base + tail_at, base + len(clause))
        if first_verb == 0:  # "DAS aftaler, at gå videre ..." -> the main subject is the owner
            owner = _owner(clause[:m.start()]) or _coordinated_subject(clause[:m.start()])
        elif first_verb is not None:
            owner = _owner(tail[:first_verb])
        else:
            owner = None
        if owner and owner.lower().startswith(("der ", "det ")):
            owner = None
        return Action(owner, tail.rstrip(" ."), base + tail_at, base + len(clause))
    return None


def _request_action(clause: str, base: int) -> Action | None:
    m = REQUEST.search(clause)
    if not m:
        return None
    owner = _owner(clause[:m.start()]) if m.start() > 0 else None
    return Action(owner, clause[m.start():].rstrip(" ."), base + m.start(), base + len(clause))


RULES = (_request_action, _leadin_action, _modal_action, _passive_action)


def actions_in_sentence(text: str) -> list[Action]:
    """The action items of one sentence (no due dates)."""
    label = RUN_IN_LABEL.match(text) or AT_POINT.match(text)
    start = label.end() if label else 0
    body = text[start:]
    actions: list[Action] = []
    pos = 0
    pieces = []
    for m in CLAUSE_SPLIT.finditer(body):
        pieces.append((pos, body[pos:m.start()]))
        pos = m.end()
    pieces.append((pos, body[pos:]))
    for off, clause in pieces:
        if not clause.strip():
            continue
        for rule in RULES:
            act = rule(clause, start + off)
            if act:
                if act.owner is None and actions and actions[-1].owner and rule is _passive_action:
                    act.owner = actions[-1].owner  # "X skal indarbejde ..., hvorefter skemaet sendes ..."
                actions.append(act)
                break
    return actions


def _due_in(hits, lo: int, hi: int) -> dt.date | None:
    for h in hits:
        if lo <= h.start < hi:
            return h.due
    return None


def _meeting_due(section_text: str, sent: Sentence, lo: int, hi: int, ref: dt.date | None) -> dt.date | None:
    from ..dates import find_dates

    for m in find_dates(section_text[lo:hi], ref):
        if m.granularity == "day" and DUE_AT_MEETING.search(re.sub(r"\s+", " ", section_text[lo:lo + m.start])):
            if ref is None or m.start_date >= ref:
                return m.start_date
    return None


def _time_of_task(section_text: str, lo: int, hi: int, ref: dt.date | None) -> dt.date | None:
    """'Kommunerne melder tilbage primo maj', 'Forvaltningen vender tilbage i løbet af efteråret':
    without a deadline cue, the time given for the task is when it is due. Not a year ('i 2022'),
    not the start of a period ('fra 2022'), not the date of a meeting the task is about ('indkalder
    til møde i uge 20', 'en reminder om heldagsmødet den 10. december'), never a past one."""
    from ..dates import find_dates

    for m in find_dates(section_text[lo:hi], ref):
        if m.granularity == "year" or (ref is not None and m.end_date < ref):
            continue
        before = re.sub(r"\s+", " ", section_text[lo:lo + m.start])
        if TASK_TIME_NOT_DUE.search(before):
            continue
        return m.deadline_date
    return None


REFERS_BACK = re.compile(r"^(?:det|den|de|dette|denne|disse|han|hun|fristen|frist|deadline|senest|svarfristen|"
                         r"opgaven|arbejdet)\b", re.I)


def _refers_back(sentence: str, following: str) -> bool:
    """The following sentence goes on about the task: it opens with a pronoun or a word for the
    deadline, or names again what the task delivers ("… et notat. Notatet sendes senest …")."""
    following = following.strip()
    if REFERS_BACK.match(following):
        return True
    first = re.match(r"[\wæøå]+", following.lower())
    stem = re.sub(r"(?:erne|ene|et|en|e)$", "", first.group(0)) if first else ""
    return len(stem) >= 4 and re.search(rf"\b{re.escape(stem)}", sentence.lower()) is not None


def find_actions(structure) -> list[ActionItem]:
    ref = structure.meeting.date if structure.meeting else None
    out: list[ActionItem] = []
    for item in structure.items:
        for section in item.sections:
            if section.kind not in OUTCOME_KINDS:
                continue
            rows = rows_in(structure.followup_rows, section)
            in_table = [(row.lines[0].start, row.lines[-1].end) for row in rows]
            for row, (row_start, row_end) in zip(rows, in_table):
                if plan_only(row, ref):
                    continue
                out.append(ActionItem(
                    item_number=item.number, owner=clean(row.owner) if row.owner else None, action=clean(row.action),
                    due_date=row.due, sentence=clean(row.text), span=structure.span(row_start, row_end),
                ))
            sentences = sentences_of(section)
            hits = deadline_hits(section.text, sentences, ref)
            base = section.span.char_start
            per_sentence = [actions_in_sentence(s.raw.replace("\n", " ")) for s in sentences]
            for i, (sent, acts) in enumerate(zip(sentences, per_sentence)):
                for k, act in enumerate(acts):
                    lo, hi = sent.local + act.start, sent.local + act.end
                    if any(a <= base + lo < b for a, b in in_table):
                        continue  # a follow-up table's row, read by its cells above
                    due = (_due_in(hits, lo, hi) or _meeting_due(section.text, sent, lo, hi, ref)
                           or _time_of_task(section.text, lo, hi, ref))
                    last = k == len(acts) - 1
                    if due is None and last and i + 1 < len(sentences) and not per_sentence[i + 1]:
                        nxt = sentences[i + 1]
                        # the next sentence of the same paragraph, not the next bullet's
                        # that speaks of this task ("Det skal foreligge …", "Notatet sendes …"),
                        # not of something else ("Planen skal være implementeret …")
                        if "\n" not in section.text[sent.local + len(sent.raw): nxt.local] \
                                and _refers_back(sent.text, nxt.text):
                            due = _due_in(hits, nxt.local, nxt.local + len(nxt.raw))
                    out.append(ActionItem(
                        item_number=item.number, owner=clean(act.owner) if act.owner else None,
                        action=clean(act.action), due_date=due, sentence=clean(sent.text),
                        span=structure.span(base + lo, base + hi),
                    ))
    return out
