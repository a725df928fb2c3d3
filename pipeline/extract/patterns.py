"""Danish vocabulary for decisions, deadlines and action items, as readable tables.

Every table is a list of ``(label, regex)`` rows; the regexes are compiled case-insensitively
and matched against one sentence (or clause). To teach the extractor a new phrasing, add a row
to the right table and a test sentence to tests/test_extract.py -- no code changes needed.

Conventions: ``\\b`` word boundaries everywhere; ``{W}`` stands for "one word" and ``{GAP}`` for
"up to a few words", so "tog orienteringen fra KL til efterretning" and "tog til efterretning"
are one row.
"""

from __future__ import annotations

import re

W = r"[\wæøåÆØÅ’'\-/]+"          # one word
GAP = rf"(?:\s+{W}){{0,12}}?"     # up to twelve words, as few as possible
SHORT = rf"(?:\s+{W}){{0,3}}?"    # up to three words


# A past participle used as an adjective is no resolution: "de tidligere aftalte rammer",
# "den godkendte aftale". Put this in front of a "-te"/"-ede" verb form.
NOT_ATTRIBUTIVE = r"\b(?<!\bden )(?<!\bdet )(?<!\bde )(?<!\ben )(?<!\bet )(?<!tidligere )(?<!allerede )(?<!endeligt )(?<!senest )"


def _c(rows: list[tuple[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(label, re.compile(rx, re.IGNORECASE)) for label, rx in rows]


# --------------------------------------------------------------------------------------
# Decisions: (kind, regex). Active and passive forms. When several rows match a sentence,
# the match that starts first wins (the main clause comes first in Danish minutes); on a tie
# the earlier row wins, so put the more specific row first.
# --------------------------------------------------------------------------------------
DECISION_ROWS: list[tuple[str, str]] = [
    # rejected -- before approved, so "blev ikke godkendt" is a rejection
    ("rejected", r"\b(?:ikke|ej)\s+(?:at\s+)?(?:godkend(?:e|er|es|t|te)|tiltræde|tiltrådt|imødekomme[st]?)\b"),
    ("rejected", r"\bafvis(?:er|es|te)\b|\b(?:blev|er|bliver)\s+afvist\b|\bforkast(?:er|es|ede|et)\b"),
    ("rejected", r"\b(?:kan|kunne)\s+ikke\s+(?:godkende|anbefale|støtte|bakke\s+op|tiltræde|imødekomme)\b"),
    ("rejected", r"\b(?:forslaget|ansøgningen|anmodningen|indstillingen)\s+(?:faldt|bortfaldt)\b"),
    ("rejected", r"\b(?:stemte|stemmer)\s+imod\b"),  # the body's vote; a minority's is MINORITY_ROWS
    ("rejected", r"\bnedstem(?:mer|mes|te|t)\b|\bafsl(?:år|ås|og)\b|\b(?:gives|gav|meddeles|meddelte|blev\s+givet)\s+afslag\b"),
    # noted
    ("noted", rf"\b(?:tog|tager|tage|tages|taget)\b{GAP}\s+til\s+(?:efterretning|orientering)\b"),
    ("noted", r"\btil\s+efterretning\b"),
    ("noted", r"\bnoter(?:ede|er)\s+sig\b"),  # "Udvalget noterede sig orienteringen"
    ("noted", r"^til\s+orientering\W*$"),  # the whole outcome: "Til orientering."
    ("noted", r"\b(?:orienteringen|redegørelsen|status(?:en)?|meddelelsen)\s+(?:blev\s+)?(?:noteret|taget\s+til\s+orientering)\b"),
    # approved
    ("approved", rf"\bgodkend(?:er|es|t)\b|{NOT_ATTRIBUTIVE}godkendte\b"),
    ("approved", r"\b(?:tiltræder|tiltrådte|tiltrådt|tiltrædes)\b|\b(?:kan|kunne)\s+tiltræde\b"),
    ("approved", r"\b(?:givet|meddelt|gives|meddeles)\s+(?:en\s+)?(?:tillægs|anlægs)?bevilling\b"),
    ("approved", r"\bflertal(?:let)?\b.{0,40}?\b(?:stemte|stemmer)\s+for\b"),  # "Et flertal (A, F, Ø) stemte for indstillingen"
    ("approved", rf"\b(?:blev|er|bliver)\s+(?:\w+\s+)?vedtaget\b|{NOT_ATTRIBUTIVE}vedtaget\b|\bvedtag(?:er|es)\b|\bvedtog\b"),
    ("approved", r"\bgrønt\s+lys\b"),  # "Styregruppen gav grønt lys for projektet"
    # a grant: "Der blev givet tilsagn om 500.000 kr.", "Bevilling givet."
    ("approved", r"\b(?:gives|gav|givet|meddeles|meddelte|meddelt)\s+tilsagn\b|\bbevilling(?:en)?\s+(?:blev\s+|er\s+)?(?:givet|meddelt)\b"),
    ("approved", r"\bindstillingen\s+(?:blev\s+)?(?:fulgt|følges)\b"),
    ("approved", r"^vedtaget\b|\bimødekom(?:mer|mes|met)?\b|\bbevilge(?:r|de|s)\b|\b(?:blev|er|bliver)\s+bevilget\b"),
    # decided
    ("decided", rf"\bbeslutte(?:r|s|t)?\b|{NOT_ATTRIBUTIVE}besluttede\b"),
    ("decided", r"\b(?:næste|kommende)\s+møde\s+(?:afholdes|holdes|er\s+fastsat|fastsættes|fastlægges|flyttes|bliver)\b"),
    ("decided", r"\bmødet\s+(?:flyttes|blev\s+flyttet|aflyses|blev\s+aflyst)\b"),
    # "Udvalget pegede på model B", "valgte model B" (a person chosen "som formand" is an appointment, below)
    ("decided", r"\bpegede\s+på\b|\bvalgte\s+(?:model|løsning|scenarie|forslag|mulighed|variant|option)"),
    ("decided", rf"\bdet\s+(?:blev|er)\s+fastlagt\b"),
    ("decided", r"\bbemyndige(?:r|s|de|t)?\b"),
    # the case goes on to the next body: "Sagen oversendes til Økonomiudvalget" ("… med anbefaling" is recommended)
    ("decided", r"^(?:sagen|punktet|forslaget|indstillingen)\s+(?:oversendes|videresendes|sendes\s+videre|fremsendes)\s+til\b"
                r"(?!.*\banbefal)"),  # "Formanden blev bemyndiget til at godkende høringssvaret"
    # recommended
    ("recommended", r"\b(?:der\s+)?opfordres\s+til\b"),
    ("recommended", r"\banbefal(?:er|es|ede|et)\b"),
    ("recommended", r"\bindstiller\b|\bindstilles\s+til\b"),
    ("recommended", r"\bmed\s+(?:\w+s\s+)?anbefaling\b"),  # "oversendes til byrådet med udvalgets anbefaling"
    # agreed
    ("agreed", rf"\baftal(?:t|es|er)\b|{NOT_ATTRIBUTIVE}aftalte\b"),
    ("agreed", r"\b(?:der\s+var|var\s+der|der\s+er|er\s+der|blev)\s+(?:\w+\s+)?enighed\s+om\b|\benige\s+om\b"),
    # supported
    ("supported", rf"\bbak(?:ker|kede|ke|kes)\b{SHORT}\s+op\s+(?:om|på)\b"),
    ("supported", r"\b(?:opbakning|tilslutning)\s+til\b"),
    ("supported", r"\bstøtte(?:r|de|s)\b|\btilslut(?:ter|tede|te)\s+sig\b"),
    ("supported", r"\bpositivt?\s+(?:indstillet\s+)?(?:over\s*for|overfor)\b"),  # "var positivt indstillet over for forslaget"
    ("supported", rf"\b(?:vurderer|vurderede|mener|menes|finder|fandt)\b,?\s+at\b{GAP}\s+bør\b"),
    # postponed
    ("postponed", r"\budsæt(?:tes|ter)\b|\b(?:at|vil|skal)\s+udsætte\b|\budsatte\b(?!\s+for)|\b(?:blev|er|bliver)\s+udsat\b(?!\s+for)"),
    ("postponed", r"\b(?:blev|er)\s+udskudt\b|\bgenoptages\b|\bsættes\s+på\s+(?:igen|næste\s+møde|et\s+senere\s+møde)\b"),
    ("postponed", r"\b(?:trukket|taget|tages|trækkes)\s+(?:af|fra)\s+dagsordenen\b"),
    ("postponed", r"^(?:sagen|punktet)\s+(?:blev|er)\s+trukket\W*$"),  # "Punktet blev trukket."
    ("postponed", r"\b(?:sendes|sendt|oversendes)\s+tilbage\s+til\b|\breturneres\s+til\b|\bhjemvis(?:es|t)\b"),
    # appointed
    ("appointed", r"\budpeg(?:es|ede|edes|et)\b|\b(?:blev|er)\s+udpeget\b|\bvalgtes\b"),
    # "valgte Anne Hansen som formand", not "valgte at udsætte sagen til …"
    ("appointed", r"\b(?:valgte|genvalgte)\s+(?!at\b)(?:\S+\s+){1,4}(?:som|til)\s+(?:\w*formand|medlem|repræsentant|"
                  r"suppleant|observatør|næstformand)\b"),
    ("appointed", r"\bmeldte\s+sig\b|\b(?:blev|er)\s+(?:valgt|genvalgt|konstitueret)\b|\bvælges\s+som\b"),
]
DECISION_PATTERNS = _c(DECISION_ROWS)

# Sentences that only report discussion. They are never decisions by themselves; a resolution
# verb in the same sentence ("drøftede ... og vurderer, at det bør ...") still counts.
DISCUSSION_ROWS: list[tuple[str, str]] = [
    ("discussed", r"\bdrøftede\b|\b(?:blev|er)\s+drøftet\b|\bdrøftes\b|\bder\s+var\s+en\s+drøftelse\b"),
    ("discussed", r"\bder\s+blev\s+(?:orienteret|redegjort)\b|\bpåpeget\b|\bnævnt\b"),
]
DISCUSSION_PATTERNS = _c(DISCUSSION_ROWS)

# A minority's statement after the resolution is no resolution of the body: "Mette Holm (C)
# kunne ikke tiltræde indstillingen.", "Et mindretal (O) stemte imod.", "Dansk Folkeparti tog
# forbehold.", "V og O stemte imod.". The subject is a member with a party letter, a party or a
# minority; "Udvalget stemte imod forslaget" is the body's rejection, and "Et flertal (A, F, Ø)
# stemte for" and "Anne Berg (A) blev valgt" stay resolutions.
_PARTY_LETTER = r"(?:[ABCDFIKMOVÆØÅ]|SF|LA|DF|RV|EL|KD)"
_PARTY = (r"(?:Socialdemokratiet|Venstre|Dansk\s+Folkeparti|Socialistisk\s+Folkeparti|Enhedslisten|"
          r"(?:Det\s+)?Konservative(?:\s+Folkeparti)?|(?:Det\s+)?Radikale(?:\s+Venstre)?|Liberal\s+Alliance|Moderaterne|"
          r"Danmarksdemokraterne|Nye\s+Borgerlige|Alternativet|Kristendemokraterne|Slesvigsk\s+Parti|" + _PARTY_LETTER + r")")
_MEMBER = rf"(?:[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-.]*){{0,3}}\s*\({_PARTY_LETTER}(?:,\s*{_PARTY_LETTER})*\)|{_PARTY})"
MINORITY_ROWS: list[tuple[str, str]] = [
    ("minority", r"^(?:et\s+|det\s+)?mindretal(?:let)?\b"),
    ("minority", rf"^{_MEMBER}(?:\s*(?:,|og)\s*{_MEMBER})*\s+(?:\S+\s+){{0,3}}?"
                 r"(?:ikke|imod|forbehold|undlod|protokol(?:len)?|mindretalsudtalelse)\b"),
]
MINORITY_PATTERNS = _c(MINORITY_ROWS)


# --------------------------------------------------------------------------------------
# Deadlines. A date mention (pipeline.dates) is a deadline when a cue stands right before it
# (DEADLINE_BEFORE: regex anchored at the end of the text before the date) or earlier in the
# same clause (DEADLINE_IN_CLAUSE), and no NON_DEADLINE row applies.
# --------------------------------------------------------------------------------------
DEADLINE_BEFORE_ROWS: list[tuple[str, str]] = [
    ("senest", r"\bsenest(?:\s+(?:den|d\.))?\s*$|\bikke\s+senere\s+end(?:\s+(?:den|d\.))?\s*$"),
    # "senest i juni 2024": the month's last day (not "har senest i 2023 tilbudt": see deadline_hits)
    ("senest i", r"\bsenest\s+i\s*$"),
    ("inden", r"\b(?:inden|før|forud\s+for)(?:\s+(?:den|d\.))?\s*$"),
    ("ved udgangen", r"\b(?:ved|til|med|fra)\s*$"),  # only with a period end: see DEADLINE_DATE_TEXT
    ("frist", r"\b\w*frist(?:en)?(?:\s+(?:er|var|bliver|til|den|d\.|på|for\s+\w+(?:\s+\w+)?|fastsat)){0,4}\s*:?\s*$"),
    ("deadline", r"\bdeadline(?:\s+(?:er|den|d\.|på))*\s*$"),
    # "Høringen løber frem til den 30. april", "Høringsperioden slutter den …", "… fra 1. marts til
    # den 12. april": a submission window's end
    ("frem til", r"\b(?:hørings?\w*|ansøgning\w*|tilmelding\w*|indmelding\w*|høringssvar|bemærkninger|bidrag|input|"
                 r"forslag|indstillinger)\b[^.;:]*\b(?:frem\s+til|til\s+og\s+med|slutter|udløber|lukker|fra\s+[^;:]{3,40}?\s+til)"
                 r"(?:\s+(?:den|d\.))?\s*$"),
    # "Ansøgningen skal være kommunen i hænde 1. juni", "Kommunerne har indtil 1. august til at …"
    ("i hænde", r"\bi\s+hænde(?:\s+(?:senest|inden|den|d\.))*\s*$"),
    ("indtil", r"\b(?:har|får|gives|fik)\s+(?:frist\s+)?(?:indtil|til)(?:\s+(?:den|d\.))?\s*$"),
    ("foreligge", r"\b(?:skal|skulle)\s+foreligge(?:\s+(?:den|d\.|i|pr\.|senest|inden))?\s*$"),
    # "Høringssvar skal være modtaget 1. juni" (not "er modtaget den 3. marts": received then)
    ("modtaget", r"\b(?:skal|skulle|bør)\s+(?:\w+\s+)?være\s+(?:\w+\s+)?(?:modtaget|fremsendt|indleveret|indberettet|"
                 r"godkendt|vedtaget|behandlet)(?:\s+(?:den|d\.|i|pr\.|senest|inden))?\s*$"),
    # something due for a dated meeting: "Planen skal foreligge til mødet den 4. april"
    ("til mødet", r"\b(?:skal|skulle|bedes)\s+(?:\w+\s+){0,3}?(?:foreligge|være\s+klar|sendes|fremsendes|indsendes|"
                  r"afleveres|udsendes|udarbejdes)\b[^.;:]*?\btil\s+(?:\w+\s+)?mødet\s+(?:den|d\.)\s*$"),
    ("klar", r"\b(?:være|er|bliver|blive)\s+(?:\w+\s+)?(?:klar|færdig[te]?|afsluttet|afleveret|indsendt|implementeret|på\s+plads)(?:\s+(?:til\s+\w+\s+)?(?:den|d\.|i|pr\.|senest|inden))?\s*$"),
]
DEADLINE_BEFORE = _c(DEADLINE_BEFORE_ROWS)

# Cues right after the date (matched at its end): "Den 15. maj er sidste frist for …", "1. juni 2024 (frist)".
DEADLINE_AFTER_ROWS: list[tuple[str, str]] = [
    ("frist", r"\s*(?:kl\.\s*[\d.:]+\s*)?(?:er|bliver)\s+(?:den\s+)?(?:sidste\s+|endelige\s+)?(?:\w*frist(?:en)?|deadline)\b"),
    ("frist", r"\s*\(\s*(?:\w*frist|deadline)\s*\)"),
]
DEADLINE_AFTER = _c(DEADLINE_AFTER_ROWS)

# A timeline's step that is a meeting or a discussion, not something to deliver ("DAS drøfter
# 1. udkast", "Temadag for udvalgene"): never a deadline or a task (GUIDELINES: a future meeting's
# date is no deadline).
TIMELINE_EVENT = re.compile(r"\b(?:drøft\w*|\w*møde[rt]?|\w*mødet|orienter\w*|temadag\w*|workshop\w*|konference\w*|"
                            r"seminar\w*|\w*forum)\b", re.IGNORECASE)

# The "ved"/"til" row only counts for period ends: "ved udgangen af 2024", "til ultimo maj".
DEADLINE_DATE_TEXT = re.compile(r"^(?:udgangen|ultimo|slutningen|primo|medio)\b", re.IGNORECASE)

DEADLINE_IN_CLAUSE_ROWS: list[tuple[str, str]] = [
    # not "inden fristen" / "efter fristen": a deadline referred to, not the date being one
    ("frist", r"\b(?<!inden\s)(?<!før\s)(?<!efter\s)\w*frist(?:en|er)?\b"),
    ("deadline", r"\bdeadline\b|\btidsfrist\b"),
    ("skal være", r"\bskal\s+(?:være|foreligge|sendes|indsendes|afleveres|indberettes|besvares)\b.*\b(?:senest|inden)\b"),
]
DEADLINE_IN_CLAUSE = _c(DEADLINE_IN_CLAUSE_ROWS)

# Dates that are not deadlines even near a cue word.
NON_DEADLINE_ROWS: list[tuple[str, str]] = [
    ("next meeting", r"\b(?:næste|kommende|førstkommende)\s+(?:\w+\s+)?møde\b(?!.*\b(?:senest|frist|inden)\b)"),
    ("negated", r"\bikke\b(?:\s+\w+){0,4}\s+(?:inden|før|senest)\b"),
]
NON_DEADLINE = _c(NON_DEADLINE_ROWS)

# A limit that had already passed when the meeting was held, told in the past tense: "Der har
# været høring frem til 1. marts 2024" (in minutes of 10 April) reports it; it sets no deadline.
PAST_LIMIT = re.compile(r"\b(?:har|havde)\s+været\b|\b(?:var|løb|sluttede|udløb|blev|lukkede)\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------
# Action items.
# --------------------------------------------------------------------------------------
# A point of a decision or recommendation: "at godkende planen", "2. at overskuddet overføres …",
# "at sekretariatet udarbejder …" (decisions give it the lead-in's kind; actions read past "at").
AT_POINT = re.compile(r"^(?:(?:\d{1,2}[.)]|[a-h]\))\s+)?at\b\s*", re.IGNORECASE)

# Task verbs: (stem label, regex over the verb forms). Forms: infinitive (after skal/vil/fik til
# opgave at), present ("sekretariatet undersøger"), passive ("der udarbejdes"). Verbs marked in
# FUTURE_ONLY_VERBS count only with a future marker ("på næste møde").
TASK_VERB_ROWS: list[tuple[str, str]] = [
    ("udarbejde", r"udarbejde[rs]?|udfærdige[rs]?|færdiggøre[rs]?|formulere[rs]?|udfylde[rs]?"),
    ("aflevere", r"aflevere[rs]?|levere[rs]?|besvare[rs]?"),
    ("sende", r"(?:rund|ud|frem|til|videre|ind)?sende[rs]?"),
    ("videregive", r"videregive[rs]?"),
    ("undersøge", r"undersøge[rs]?"),
    ("afdække", r"afdække[rs]?"),
    ("afklare", r"afklare[rs]?"),
    ("indkalde", r"indkalde[rs]?"),
    ("indarbejde", r"indarbejde[rs]?"),
    ("lave", r"lave[rs]?"),
    ("bringe", r"bringe[rs]?"),
    ("forelægge", r"(?:forelægge|fremlægge)[rs]?"),
    ("følge op", r"følge[rs]?\s+op|følges\s+op"),
    ("kontakte", r"kontakte[rs]?|tage[rs]?\s+kontakt|rette[rs]?\s+henvendelse|henvende[rs]?\s+sig"),
    ("sørge for", r"sørge[rs]?\s+for"),  # not "sikrer": "Loven sikrer borgerne …" is no task
    ("indhente", r"indhente[rs]?|indsamle[rs]?"),
    ("invitere", r"invitere[rs]?"),
    ("kvalificere", r"kvalificere[rs]?"),
    ("arbejde videre", r"arbejde[rs]?\s+videre"),
    ("gå videre", r"gå(?:r)?\s+videre"),
    ("opfordre", r"opfordre[r]?"),  # not "opfordres til": that is a recommendation
    ("revidere", r"revidere[rs]?|opdatere[rs]?|tilrette[rs]?|justere[rs]?"),
    ("planlægge", r"planlægge[rs]?|koordinere[rs]?|tilrettelægge[rs]?"),
    ("melde", r"melde[rs]?\s+(?:ind|tilbage|ud)|meldes\s+(?:ind|tilbage|ud)|indmelde[rs]?|tilbagemelde[rs]?"),
    ("tilkendegive", r"tilkendegive[rs]?"),
    ("adressere", r"adressere[rs]?"),
    ("beskrive", r"beskrive[rs]?"),
    ("udpege", r"udpege[r]?"),  # not "udpeges": "Som medlem udpeges Anne Berg" is an appointment, no task
    ("igangsætte", r"(?:igang|iværk|ned)sætte[rs]?|etablere[rs]?|gennemføre[rs]?|implementere[rs]?"),
    ("vende tilbage", r"vende[rs]?\s+tilbage|give[rs]?\s+(?:besked|tilbagemelding)"),
    ("orientere", r"orientere[rs]?|give[rs]?\s+(?:en\s+)?(?:status|orientering)"),
    ("drøfte", r"drøfte[rs]?|behandle[rs]?"),
]
FUTURE_ONLY_VERBS = frozenset({"orientere", "drøfte"})
# "Alle kommuner skal have opdateret deres tilbud inden …": a task to be done by a date. The
# participles are the regular ones of the task verbs ("udarbejdet", "sendt", "opdateret").
_TASK_PARTICIPLES = "|".join(re.sub(r"e\[rs?\]\?", "e?t", rx) for label, rx in TASK_VERB_ROWS
                             if label not in FUTURE_ONLY_VERBS and re.search(r"e\[rs?\]\?", rx))
MUST_HAVE_DONE = re.compile(rf"\s+have\s+(?:\w+\s+){{0,2}}?(?:{_TASK_PARTICIPLES})\b", re.IGNORECASE)
TASK_VERBS = [(label, re.compile(rf"\b(?:{rx})\b", re.IGNORECASE)) for label, rx in TASK_VERB_ROWS]
FUTURE_MARKER = re.compile(
    r"\bpå\s+(?:det\s+)?(?:næste|kommende|et\s+senere|senere|førstkommende)\s+(?:\w+\s+)?møde\b|\bsenere\b",
    re.IGNORECASE)

# Obligation/intent markers between owner and task verb. "vil gerne", "bør", "kan" are wishes or
# possibilities, not tasks (see ACTION_EXCLUDE).
MODALS = re.compile(r"\b(?:skal|vil|må)\b", re.IGNORECASE)

# Lead-ins whose that-clause holds the task: "Det blev aftalt, at X ...", "X fik til opgave at ...".
# label "agreed": every that-clause after it is an action item (GUIDELINES: "det blev aftalt, at X").
# label "decided": the that-clause is an action when it has a task verb or "skal".
# label "reported": the that-clause is an action when its own subject is followed by a task verb or
# "skal" ("… oplyste, at forvaltningen vender tilbage"), not a report with a task verb further on.
ACTION_LEADIN_ROWS: list[tuple[str, str]] = [
    ("agreed", r"\b(?:det\s+)?(?:blev|er|var)\s+(?:det\s+)?aftalt,?\s*(?:at\b)?"),
    ("agreed", r"\b(?:det\s+)?aftales,?\s*(?:at\b)?"),
    ("agreed", rf"\baftaler,?\s*(?:at\b)?|{NOT_ATTRIBUTIVE}aftalte,?\s*(?:at\b)?"),
    ("decided", r"\b(?:blev\s+det|det\s+blev|det\s+er)\s+besluttet,?\s*(?:at\b)?"),
    ("decided", r"\bbesluttede,?\s*(?:at\b)?"),
    ("decided", r"\benighed\s+om,?\s*(?:at\b)?"),
    # "Udvalget ønsker, at forvaltningen undersøger …" (not "ønsker at fortsætte": a wish of its own)
    ("decided", r"\bønsker,\s*at\b|\bønsker\s+at\s+(?=(?:der|\w+(?:en|et|ne|erne))\b)"),
    ("decided", r"\b(?:opmærksomhed|tilføjelse(?:n)?)\s+(?:på|om)?,?\s*at\b"),
    # a commitment reported at the meeting: "Borgmesteren svarede, at forvaltningen vender tilbage …",
    # "Forvaltningen oplyste, at der udarbejdes et notat" (a that-clause with a task verb)
    ("reported", r"\b(?:svarede|oplyste|lovede|meddelte|tilkendegav|tilsagde|forklarede),?\s*at\b"),
    ("task", r"\bfik\s+til\s+opgave\s+at\b|\bfår\s+til\s+opgave\s+at\b|\bpålægges\s+at\b"),
    ("task", r"\b(?:blev|er|bliver)\s+(?:bedt|anmodet|pålagt)\s+(?:om\s+)?at\b"),  # "Forvaltningen blev bedt om at …"
    ("task", r"\b(?:blev|er|bliver)\s+bemyndiget\s+til\s+at\b|\bbemyndiges\s+til\s+at\b"),
    # "Udvalget bad forvaltningen om at undersøge …": the one asked is the owner
    ("asked", r"\b(?:bad|beder|anmodede|anmoder|pålagde|pålægger)\s+(?P<whom>[^,.;]{2,60}?)\s+(?:om\s+)?at\b"),
]
ACTION_LEADINS = _c(ACTION_LEADIN_ROWS)

# Requests to the reader: "... bedes det tilkendegivet ...", "kommunerne bedes sende ...".
REQUEST = re.compile(r"\bbedes\b", re.IGNORECASE)

# Clause connectors that start a new task in the same sentence:
# "X skal indarbejde ..., hvorefter skemaet sendes til kommunerne".
CLAUSE_SPLIT = re.compile(r",?\s+\b(?:hvorefter|hvorpå|og\s+herefter|og\s+derefter|og\s+efterfølgende)\b\s+|;\s+",
                          re.IGNORECASE)

# Not tasks: wishes and perfect-tense reports ("DASSOS vil gerne ...", "X har udarbejdet ...").
ACTION_EXCLUDE_ROWS: list[tuple[str, str]] = [
    ("wish", r"\b(?:vil|ville)\s+gerne\b|\bgerne\s+vil\b"),
    ("perfect", r"\b(?:har|havde)\s+(?:\w+\s+){0,2}?(?:udarbejdet|sendt|undersøgt|afklaret|lavet|bragt|indkaldt|drøftet|orienteret)\b"),
]
ACTION_EXCLUDE = _c(ACTION_EXCLUDE_ROWS)

# A passive task verb right after one of these is a possibility, not a task: "der kan bruges",
# "kan inviteres ind", "bør hæves".
POSSIBILITY_BEFORE = re.compile(r"\b(?:kan|kunne|bør|burde|ville)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# ... or a condition of the approval it is part of: "Godkendt med den ændring, at projektet først
# igangsættes i 2025", "tiltrådte indstillingen, dog således at tilskuddet nedsættes".
CONDITION_BEFORE = re.compile(
    r"\b(?:således|med\s+den\s+(?:ændring|tilføjelse|præcisering|justering)|forudsat|på\s+(?:den\s+)?betingelse(?:\s+af)?|"
    r"under\s+forudsætning\s+af),?\s+at\b[^.;]*$", re.IGNORECASE)

# Words that cannot be an owner on their own (the sentence is then passive or impersonal).
NON_OWNERS = frozenset({
    "det", "dette", "der", "den", "denne", "disse", "man", "her", "som", "hvilket", "hvor",
    "desuden", "endvidere", "derudover", "herudover", "slutteligt", "endelig", "afslutningsvis",
    "samtidig", "derfor", "også", "og", "men", "at", "hvis", "når",
})

# Due date for an action: a deadline in the clause, or a presentation "på/til (næste) møde den X".
DUE_AT_MEETING = re.compile(r"\b(?:på|til)\s+(?:\w+\s+){0,2}?møde(?:t)?\s+(?:den|d\.)\s*$", re.IGNORECASE)

# A date in a task that is not when the task is due: the start of a period ("fra 2022", "efter
# sommerferien"), or the date of a meeting or event the task is about ("indkalder til møde i uge 20").
TASK_TIME_NOT_DUE = re.compile(
    r"\b(?:fra|siden|efter|fra\s+og\s+med)\s*(?:den|d\.)?\s*$|"
    r"\b(?:\w*møde\w*|\w*konference\w*|temadag\w*|seminar\w*|workshop\w*|arrangement\w*)\b(?:\s+\S+){0,3}?\s*$",
    re.IGNORECASE)

# "Label: sentence" run-in headings in bullets ("Sikrede institutioner: KL og DR vil ...").
RUN_IN_LABEL = re.compile(r"^[^:.!?]{2,60}:\s+(?=[A-ZÆØÅ])")
