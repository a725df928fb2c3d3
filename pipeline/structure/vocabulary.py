"""The words Danish minutes use for their parts, as tables a newcomer can read and extend.

Each table maps a regular expression (matched against a whole heading line, case-insensitive,
trailing colon removed) to what it means. Order matters only where patterns overlap: the first
match wins.
"""

from __future__ import annotations

import re

# Section headings inside an agenda item → section kind. A word that is also a common item title
# ("Status", "Høringssvar", "Klima") is left out. A numbered line whose title reads as a heading
# of the core kinds ("2. Indstilling") is no item; "3. Orientering" or "4. Kommunikation" is
# (items.SECTION_ONLY_KINDS).
SECTION_HEADINGS: list[tuple[str, str]] = [
    (r"(?:referat|beslutning(?:er)?|afgørelse|konklusion(?:er)?|protokol(?:lat)?)(?:\s+(?:den|d\.|fra|af|i)\b.*)?", "referat"),
    # a combined heading carries the outcome: "Indstilling og beslutning", "Drøftelse og beslutning"
    (r"(?:indstilling|drøftelse|behandling)\s*(?:og|/|&)\s*beslutning", "referat"),
    # "Beslutning og opfølgning", "Referat/aftaler", "Konklusion og handlinger" (table column headers)
    (r"(?:referat|beslutning(?:er)?|konklusion(?:er)?)\s*(?:og|/|&)\s*(?:opfølgning|aftaler|handling(?:er)?|"
     r"konklusion(?:er)?|beslutning(?:er)?|referat|bemærkning(?:er)?)", "referat"),
    (r"(?:[a-zæøå\-]+(?:s|ets|ens))\s+beslutning(?:\s+(?:den|d\.|i|på)\b.*)?", "referat"),  # Udvalgets beslutning den 3. maj
    (r"beslutning\s+i\s+.+", "referat"),
    # "Beslutning Økonomiudvalget den 12.03.2024": a body's name (definite: -et/-en), not a margin
    # layout's "Beslutning<TAB>Godkendt."
    (r"beslutning\s+(?-i:[A-ZÆØÅ])[^\s.]*(?:et|en)(?:\s+(?:den\s+|d\.\s*)?\d[\d.\-/]*(?:\s+[a-zæø]+\.?\s+\d{4})?)?", "referat"),
    (r"tilføjelse\s+til\s+referat(?:et)?|aftaler", "referat"),  # what a network agreed: "Aftaler"
    (r"(?:[a-zæøå\-]+(?:s|ets|ens)\s+)?indstilling(?:er)?(?:\s+(?:den|d\.|fra|til)\b.*)?", "indstilling"),
    (r"forslag\s+til\s+(?:beslutning|indstilling)|beslutningsforslag", "indstilling"),
    (r"(?:supplerende\s+)?sagsfremstilling(?:\s+og\s+(?:vurdering|økonomi|baggrund))?|sagsbeskrivelse|sagens\s+(?:indhold|fremstilling)|"
     r"beskrivelse(?:\s+af\s+sagen)?", "sagsfremstilling"),
    (r"baggrund(?:\s+for\s+sagen)?|sagens\s+baggrund|formål", "baggrund"),
    (r"resum[eé]|sammenfatning|kort\s+fortalt", "resume"),
    (r"orientering", "orientering"),
    (r"bemærkning(?:er)?", "bemaerkninger"),
    # a minority's statement for the record, no resolution of the body: "Protokoltilførsel"
    (r"protokoltilførsel(?:er)?|protokolbemærkning(?:er)?|mindretalsudtalelse|særudtalelse|"
     r"mindretalsindstilling", "bemaerkninger"),
    (r"(?:vedlagte\s+)?bilag(?:sliste)?|bilag\s+vedlagt", "bilag"),
    (r"beslutningstema|sagens\s+kerne|problemstilling|sammendrag|indledning", "resume"),
    (r"økonomi(?:ske\s+konsekvenser)?|lovgrundlag|retsgrundlag|høring|kommunikation|tidsplan|videre\s+proces|"
     r"beslutningskompetence|tidligere\s+(?:politiske\s+)?beslutninger|vurdering|administrationens\s+vurdering|"
     r"(?:økonomisk|juridisk|faglig)\s+vurdering|(?:bevillingsmæssige|personalemæssige|miljømæssige|"
     r"sundhedsmæssige|erhvervsmæssige)\s+konsekvenser|"
     r"konsekvenser|risikovurdering|handicappolitik|proces", "other"),
]
SECTION_PATTERNS = [(re.compile(rf"^(?:{p})$", re.I), kind) for p, kind in SECTION_HEADINGS]

# Headings that may carry their content on the same line: "Beslutning: Godkendt".
INLINE_SECTION = re.compile(
    r"^(?P<head>(?:referat|beslutning(?:er)?|indstilling|bemærkning(?:er)?|bilag)(?:\s+(?:den|d\.)\s+[^:]{3,30})?)\s*:\s*(?P<rest>\S.*)$",
    re.I,
)

# A heading printed in a left margin column with the section's first line beside it
# ("Beslutning<TAB>Godkendt."): the reader puts a TAB at the column gap. The text cell must open
# with a capital letter, so a table row of figures ("Økonomi<TAB>1.200<TAB>…") is no section.
MARGIN_SECTION = re.compile(r"^(?P<head>[^\t]{2,60})\t(?P<rest>[A-ZÆØÅ\"'«„“(][^\t]*)$")

# A numbered point of a list inside an item ("1. at budgetopfølgningen tages til efterretning",
# "b) Udvalget anbefaler ..."): its own paragraph, so its sentence does not run into the next
# point. Not a wrapped "15. april" or "2. behandling": the point starts with "at" or a capital.
LIST_ITEM_LINE = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-h]\))\s+(?:at\b|[A-ZÆØÅ])")

# Grouping headings ("1. Beslutningspunkter") → item category.
CATEGORY_WORDS: list[tuple[str, str]] = [
    (r"kommende|fremtidige|næste\s+møde", "kommende"),
    (r"beslutning|godkendelse|drøftelse\s+og\s+beslutning", "beslutning"),
    (r"orientering|meddelelse|til\s+efterretning", "orientering"),
    (r"dialog", "dialog"),
]
CATEGORY_PATTERNS = [(re.compile(p, re.I), c) for p, c in CATEGORY_WORDS]
# What a document calls itself ("Referat", "Dagsorden"): a title word, never part of a name.
DOCUMENT_WORDS = ("referat", "mødereferat", "beslutningsreferat", "dagsorden", "beslutningsprotokol", "protokol")
DOCUMENT_WORD_LINE = re.compile(rf"^(?:{'|'.join(DOCUMENT_WORDS)})$", re.I)

# Who took the minutes ("Referent: Lone Skov"): marks minutes, ends a participant list and closes
# the last item.
MINUTE_TAKER_LABELS = r"referent|referatskriver|ref\."
MINUTE_TAKER_LABEL = re.compile(rf"^(?:{MINUTE_TAKER_LABELS})$", re.I)
MINUTE_TAKER_LINE = re.compile(rf"^\s*(?:{MINUTE_TAKER_LABELS})\s*:", re.I)

# Minutes that never call themselves so (no "Referat", no "Referent: …") still record what
# happened under each heading: "Dagsordenen blev godkendt.", "Styregruppen besluttede at …",
# "Intet.". An agenda describes the case instead ("Sagen forelægges til beslutning"); when it
# tells of a past resolution it says when ("godkendte på mødet den 12. maj", "i 2023"), which
# BACKGROUND_CLAUSE recognises.
# The whole of an outcome in one word or phrase: "Godkendt.", "Taget til efterretning.", "Intet."
WHOLE_OUTCOME = re.compile(r"^(?i:godkendt|vedtaget|tiltrådt|taget\s+til\s+(?:efterretning|orientering)|intet|"
                           r"ingen(?:\s+bemærkninger)?|drøftet|udsat|anbefales|anbefalet)\W*$")
_RESOLVED_PAST = r"godkendte|besluttede|vedtog|aftalte|anbefalede|drøftede|tiltrådte"
REPORTED_OUTCOME = re.compile(
    rf"{WHOLE_OUTCOME.pattern}"
    r"|\b(?:blev|er\s+blevet)\s+(?:godkendt|vedtaget|besluttet|aftalt|taget\s+til\s+(?:efterretning|orientering)|drøftet|udsat)\b"
    rf"|\b(?:{_RESOLVED_PAST})\b"
    r"|\btog\b.{0,80}?\btil\s+(?:efterretning|orientering)\b", re.I)
BACKGROUND_CLAUSE = re.compile(
    r"\bpå\s+(?:sit|sidste|seneste|forrige|et|mødet|møde)\b|\btidligere\b|\bi\s+(?:19|20)\d\d\b|\bsidste\s+år\b|\bi\s+fjor\b"
    r"|\bi\s+(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b"
    rf"|\b(?:{_RESOLVED_PAST}|godkendt|besluttet|vedtaget)\s+(?:\S+\s+){{0,3}}?(?:den|d\.)\s+\d", re.I)

# Lines that close the minutes after the last item: what follows (signatures) belongs to no item.
CLOSING_LINE = re.compile(
    r"^(?:mødet\s+(?:blev\s+)?(?:hævet|sluttede|sluttet|afsluttet|afsluttedes|slut)\b|underskrift(?:er|sblad)?\b|"
    rf"(?:{MINUTE_TAKER_LABELS})\s*:|med\s+venlig\s+hilsen\b|"
    r"(?:referatet|protokollen)\s+(?:er\s+)?(?:godkendt|underskrevet)\b)", re.I)

# Unnumbered grouping headings between items ("Sager til beslutning", "Orienteringssager",
# "Lukkede punkter"): the items under them take their category; none is an item or a section.
GROUP_LINE = re.compile(
    r"^(?:(?:(?:åbne|lukkede)\s+)?(?:sager|punkter|dagsordenspunkter)\s+til\s+(?:beslutning|orientering|drøftelse|godkendelse)"
    r"|(?:beslutnings|orienterings|drøftelses|godkendelses)(?:sager|punkter)|(?:åbne|lukkede)\s+(?:sager|punkter)"
    r"|punkter\s+til\s+(?:kommende|næste)\s+møder?)\s*:?$", re.I)

# Labels of the front page.
PRESENT_LABELS = (r"deltagere(?:\s+fra\s+[\wæøå\-]+(?:\s+[\wæøå\-]+)?)?|mødedeltagere|til\s+stede|tilstede|deltog(?!\s+ikke)|medlemmer|"
                  r"fremmødte|eksterne\s+deltagere|øvrige\s+deltagere|andre\s+deltagere|gæster|desuden\s+deltog|"
                  r"fra\s+administrationen|fra\s+sekretariatet|stedfortrædere|stedfortræder|suppleanter|indkaldte\s+suppleanter|"
                  r"indkaldte\s+stedfortrædere|mødende\s+stedfortrædere?")
ABSENT_LABELS = (r"afbud|fraværende(?:\s+med(?:\s+afbud)?|\s+uden\s+afbud)?|fravær|ikke\s+til\s+stede|afbud\s+fra|"
                 r"meldt\s+afbud|forfald|ikke\s+mødt|udeblevet|udeblev|deltog\s+ikke|ikke\s+deltagende")
# "Deltagere: A, B" or a bare "Deltagere" line over a table (then `rest` is None)
# (a TAB may stand for the colon: two-column front pages print "Deltagere<TAB>A, B")
ATTENDEE_LABEL = re.compile(rf"^[ ]*(?P<label>{PRESENT_LABELS}|{ABSENT_LABELS})[ ]*(?:(?::|\t)\s*(?P<rest>.*)|$)", re.I)
# Header rows of participant tables: "Navn | Kommune | Funktion".
TABLE_HEADER_CELL = re.compile(
    r"^(?:navn|name|deltager|organisation|kommune|myndighed|forvaltning|afdeling|repræsenterer|repræsentant\s+for|"
    r"funktion|rolle|titel|stilling|e-?mail|mail|tlf\.?|telefon)$", re.I)
ABSENT_LABEL = re.compile(rf"^(?:{ABSENT_LABELS})$", re.I)
# Any other front-page field ("Referent: Mads Tange", "Mødeleder: …"): ends a participant list.
FIELD_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅ][\wæøå.\-]*(?:\s+[\wæøå.\-]+){0,3})\s*:\s*(?P<rest>.*)$")
ABSENT_MARK = re.compile(r"\(\s*\*?\s*(?:fraværende|(?:meldt\s+|uden\s+|med\s+)?afbud|fravær|ikke\s+til\s+stede)\s*\*?\s*\)", re.I)

# Titles printed before a participant's name ("Borgmester Helle Gade", "1. viceborgmester Lars
# Lilleholt", "Socialdirektør Anne Hansen", "Børne- og ungedirektør Bo Ek"): the role, not part
# of the name.
ROLE_TITLES = (
    r"(?:\d\.\s*)?(?:[a-zæøå]+-\s+og\s+)?[a-zæøå\-]*(?:borgmester|rådmand|rådkvinde|formand|direktør|chef|medlem|sekretær|"
    r"referent|konsulent|fuldmægtig|leder|koordinator)"
)
# A table cell that is only a role ("Formand", "Næstformand", "Chefkonsulent", "Formand for takstgruppen").
ROLE_CELL = re.compile(rf"^(?:{ROLE_TITLES}|næstformand|observatør|suppleant|tilforordnet)(?:\s+(?:for|i|af)\s+.+)?$", re.I)
ROLE_PREFIX = re.compile(rf"^(?P<role>(?:{ROLE_TITLES}))\s+(?P<rest>[A-ZÆØÅ].*)$", re.I)
# Danish party letters printed after an elected member's name: "Helle Gade (A)", "(SF)".
# Not a role and not an organisation; dropped from the entry.
PARTY_MARK = re.compile(r"\s*\((?:[ABCDFIKMOVÆØÅ]|SF|LA|DF|RV|EL|KD)\)")
# "Jens Madsen, afbud" / "Jens Madsen - fraværende": an absence written after the name.
ABSENT_TAIL = re.compile(r"\s*(?:,|[-–])\s*(?:meldt\s+)?(?:afbud|fraværende|fravær|forfald)\s*$", re.I)
# "Afbud: Ingen." — an empty list, not the end of the participant lists.
NOBODY = re.compile(r"(?:ingen|intet|ingen\s+afbud|-|–|—)\.?", re.I)
# An attendance checklist: "☒ Jens Hansen" came, "☐ Lise Berg" did not.
CHECKBOX = re.compile(r"^\s*[☐☒☑✓✔✗✘□■▢]\s*")
UNCHECKED = frozenset({"☐", "□", "▢", "✗", "✘"})
# "(gik kl. 11.30)", "(fraværende under punkt 3)": a note on a member who was there, no role.
PART_TIME_NOTE = re.compile(
    r"\s*\((?:(?:fraværende|deltog|gik|forlod|ankom|kom)\s+(?:(?:under|fra|til|efter|i)\b|kl\.)[^)]*|"
    # how a member took part, or why one was away: "(deltog via Teams)", "(online)", "(syg)"
    r"(?:deltog\s+)?(?:via\s+(?:teams|skype|zoom|video|telefon)|online|virtuelt|telefonisk|på\s+video)|"
    r"syg|sygdom|ferie|barsel|orlov|forhindret|anden\s+aftale|"
    # the items a guest came for, or the hours: "(punkt 3)", "(under pkt. 4-5)", "(kl. 10-11)"
    r"(?:(?:kun\s+)?(?:til|under|ad|for|ved)\s+)?(?:punkt(?:erne)?|pkt\.?|dagsordenspunkt)\s*\d[\d.,\s\-–og]*|"
    r"kl\.\s*\d[\d.:\s\-–]*)\s*\)", re.I)
# A status column of a participant table: "Afbud" / "Deltog".
STATUS_CELL = re.compile(r"^(?:(?P<absent>afbud|fraværende|fravær|forfald|ikke\s+til\s+stede|nej)|"
                         r"(?P<present>deltog|til\s+stede|tilstede|deltager|ja|x))\.?$", re.I)

TIME_LABEL = re.compile(r"^\s*(?:tidspunkt|mødetidspunkt|mødedato|dato,?\s+(?:og\s+)?tid(?:spunkt)?(?:\s+og\s+sted)?|tid(?:\s+og\s+sted)?|"
                        r"mødetid|afholdt)\s*:?\s*", re.I)
PLACE_LABEL = re.compile(r"^[ ]*(?:sted|mødested|mødelokale|lokale|lokation|adresse)[ ]*(?::|\t)\s*(?P<rest>.*)$", re.I)
# Case metadata under an item heading ("Sagsnr.: 24/7788", "Sagsansvarlig: Hanne Møller"): no content.
ITEM_METADATA = re.compile(
    r"^\s*(?:sagsnr|sags-?id|sagsnummer|j\.?\s*nr|journalnr|dokumentnr|sagsansvarlig|sagsbehandler|"
    r"ansvarlig|forfatter|kle|åben|lukket|åbent\s+punkt|lukket\s+punkt)\b", re.I)
WRITTEN_DATE_LABEL = re.compile(r"^\s*(?:dato(?!,?\s+(?:og\s+)?tid)|udsendt|j\.?\s*nr\.?|sagsnr\.?|dokumentnr\.?|kontakt|tlf\.?|e-?mail|"
                                # the header of an e-mail the minutes came in: when it was sent, not held
                                r"(?:sendt|emne|from|sent|subject|date|cc)\s*:)", re.I)
PRESENTER_LINE = re.compile(r"^(?:(?:intro\s+|oplæg\s+|fremlæggelse\s+|præsentation\s+)?(?:ved(?:\s*:\s*|\s+)|v/\s*)|"
                            r"oplægsholdere?\s*:?\s*)(?P<rest>[A-ZÆØÅa-zæøå].+)$", re.I)

# Organisation words: a table cell with one of these is an organisation, not a person. Councils,
# committees and offices are compounds as often as not ("Ældrerådet", "Socialudvalget", "Jobcenter").
ORG_WORDS = re.compile(
    r"\b(?:kommune|kommunes|region|regionen|\w*sekretariat(?:et)?|\w*styrelse(?:n)?|ministeri\w*|"
    r"\w*forvaltning\w*|\w*center|\w*centret|afdeling\w*|direktør\w*|KL|KKR|tilsyn\w*|socialtilsyn\w*|"
    r"hospital\w*|universitet\w*|a/s|aps|fonden|forening\w*|\w*råd|\w*rådet|\w*udvalg\w*|"
    r"sundhedssekretariat|fælleskommunalt|fælleskommunale|psykiatri\w*|ankestyrelsen|"
    r"socialstyrelsen|vive|rambøll|deloitte|kl's)\b",
    re.I,
)
