"""Extraction rules: one test per pattern family (Danish sentences, positive and negative),
sentence splitting, and the real pipeline on a sample PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.extract.actions import actions_in_sentence
from pipeline.extract.common import Sentence
from pipeline.extract.deadlines import deadline_hits
from pipeline.extract.decisions import classify
from pipeline.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "004_bb815edab3661743.pdf"


# ---------------------------------------------------------------- sentences
@pytest.mark.parametrize("text, expected", [
    ("DASSOS tog orienteringen til efterretning. Pladserne forventes klar om ca. 3 år.",
     ["DASSOS tog orienteringen til efterretning.", "Pladserne forventes klar om ca. 3 år."]),
    ("Se bl.a. notatet. Det er jf. aftalen godkendt, dvs. Udvalget er enigt.",
     ["Se bl.a. notatet.", "Det er jf. aftalen godkendt, dvs. Udvalget er enigt."]),
    ("Frist er den 25. Maj 2021. Mødet holdes 1. December 2022 kl. 13.",
     ["Frist er den 25. Maj 2021.", "Mødet holdes 1. December 2022 kl. 13."]),
    ("Hans C. Andersen deltog. Evt. i regi af KL. Det blev aftalt!",
     ["Hans C. Andersen deltog.", "Evt. i regi af KL.", "Det blev aftalt!"]),
    ("Svar senest uge 23. Planen følger. Se bilag 3. Den 23. Marts holdes mødet.",  # a count's dot ends a sentence
     ["Svar senest uge 23.", "Planen følger.", "Se bilag 3.", "Den 23. Marts holdes mødet."]),
    ("Byrådet vedtog forslaget med 15 stemmer mod 10. Forslaget faldt. Mødet er den 3. Behandling følger.",
     ["Byrådet vedtog forslaget med 15 stemmer mod 10.", "Forslaget faldt.", "Mødet er den 3. Behandling følger."]),
    ("2. Behandling af sagen", ["2. Behandling af sagen"]),  # a list number at the paragraph start
    ("Punkt et\nPunkt to", ["Punkt et", "Punkt to"]),  # every paragraph is a boundary
    ("Region Midt vil afdække behovet blandt\nkommunerne i regionen.",  # soft PDF line break
     ["Region Midt vil afdække behovet blandt kommunerne i regionen."]),
    # abbreviations that close sentences: a capital after them starts the next one
    ("Taksten hæves med 3 pct. Sekretariatet orienterer. Prisen er 300 kr. pr. døgn, m.m. Godkendt.",
     ["Taksten hæves med 3 pct.", "Sekretariatet orienterer.", "Prisen er 300 kr. pr. døgn, m.m.", "Godkendt."]),
])
def test_split_sentences(text, expected):
    assert [s for _, _, s in split_sentences(text)] == expected


def test_split_sentences_offsets():
    text = "  Første sætning. Anden sætning."
    out = split_sentences(text, offset=100)
    for start, end, sent in out:
        assert text[start - 100:end - 100] == sent
    assert out[0][0] == 102


# ---------------------------------------------------------------- decisions
@pytest.mark.parametrize("sentence, kind", [
    ("DASSOS godkendte processen for udarbejdelse af Rammeaftale 2023-24.", "approved"),
    ("Dagsordenen godkendes", "approved"),
    ("Reduktionen af antallet af pladser blev godkendt.", "approved"),
    ("Indstillingen blev tiltrådt.", "approved"),
    ("Udvalget tog orienteringen fra KL til efterretning.", "noted"),
    ("Orienteringen tages til efterretning.", "noted"),
    ("Det blev taget til efterretning, at specialskoletilbud er en del af aftalen.", "noted"),
    ("Det blev besluttet, at sekretariatet skal indarbejde ændringerne.", "decided"),
    ("Slutteligt blev det besluttet at nedsætte en arbejdsgruppe.", "decided"),
    ("Næste møde afholdes den 2. marts kl. 13-16", "decided"),
    ("Der opfordres til, at kommunerne inddrager de lokale politikere.", "recommended"),
    ("Styregruppen anbefaler, at byrådet godkender modellen.", "recommended"),
    ("Det blev aftalt, at sekretariatet undersøger sagen.", "agreed"),
    ("Det aftales, at der udsendes en invitation.", "agreed"),
    ("Der var enighed om, at dialogen er blevet bedre.", "agreed"),
    ("Der var opbakning til de fremlagte budskaber.", "supported"),
    ("DASSOS bakkede desuden op om et dialogmøde.", "supported"),
    ("Region Nord bakker op om en fælles henvendelse.", "supported"),
    ("Udvalget drøftede forslaget og vurderer, at grænsen bør hæves.", "supported"),
    ("Ansøgningen blev afvist.", "rejected"),
    ("Forslaget blev ikke godkendt.", "rejected"),
    ("Punktet blev udsat til næste møde.", "postponed"),
    ("Sagen udsættes.", "postponed"),
    ("Det er Anette Holm, der er udpeget af udvalget til at repræsentere samarbejdet.", "appointed"),
    ("Mette Olsen meldte sig til arbejdsgruppen.", "appointed"),
    ("Jens Hansen blev valgt som formand.", "appointed"),
    ("Vedtaget.", "approved"),
    ("Udvalget bevilgede 2 mio. kr. til projektet.", "approved"),
    ("Udvalget imødekom ansøgningen.", "approved"),
    ("Ansøgningen blev ikke imødekommet.", "rejected"),
    ("Udvalget kunne ikke anbefale forslaget.", "rejected"),
    ("Forslaget faldt.", "rejected"),
    ("Sagen oversendes til byrådet med udvalgets anbefaling.", "recommended"),
    ("Sagen blev trukket af dagsordenen.", "postponed"),
    ("Sagen sendes tilbage til Børne- og Skoleudvalget.", "postponed"),
    ("Byrådet valgte Anne Hansen som formand for Folkeoplysningsudvalget.", "appointed"),
    ("Udvalget valgte at udsætte sagen til næste møde.", "postponed"),  # 'valgte at' is no election
    ("Udvalget kunne tiltræde indstillingen.", "approved"),
    ("Udvalget kunne ikke tiltræde indstillingen.", "rejected"),
    ("Der blev givet en tillægsbevilling på 2,1 mio. kr.", "approved"),
    ("Et flertal (A, F, Ø) stemte for indstillingen.", "approved"),
    ("Udvalget stemte imod forslaget.", "rejected"),
    ("Punktet blev trukket.", "postponed"),
    ("Sagen oversendes til Økonomiudvalget.", "decided"),
    ("Sagen sendes videre til byrådet med anbefaling.", "recommended"),
    ("Budgettet blev enstemmigt vedtaget.", "approved"),
    ("Styregruppen gav grønt lys for projektet.", "approved"),
    ("Udvalget kunne tilslutte sig indstillingen.", "supported"),
    ("Der blev givet tilsagn om 500.000 kr.", "approved"),
    ("Bevilling givet.", "approved"),
    ("Udvalget noterede sig orienteringen.", "noted"),
    ("Anne Berg (A) blev valgt som formand.", "appointed"),
    ("Indstillingen blev nedstemt med 3 stemmer mod 4.", "rejected"),
    ("Udvalget afslog ansøgningen.", "rejected"),
    ("Der gives afslag på ansøgningen.", "rejected"),
    ("Til medlem af bestyrelsen udpegedes Ole Olsen.", "appointed"),
    ("Der var tilslutning til forslaget.", "supported"),
    ("Til orientering.", "noted"),
    ("Udvalget pegede på model B.", "decided"),
    ("Udvalget valgte model B som grundlag for udbuddet.", "decided"),
    ("Udvalget var positivt indstillet over for forslaget.", "supported"),
    ("Punktet blev trukket fra dagsordenen.", "postponed"),
    ("Formanden blev bemyndiget til at godkende det endelige høringssvar.", "decided"),
])
def test_decision_kinds(sentence, kind):
    assert classify(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "DASSOS drøftede udfordringerne på området.",               # discussion only
    "Sagen blev drøftet.",
    "Der var en drøftelse af indberetningsskemaet.",
    "Forslaget forelægges udvalget til godkendelse på næste møde.",  # noun, not a resolution
    "De tidligere aftalte rammer fortsætter.",                  # participle used as adjective
    "Den godkendte aftale sendes til styrelsen.",
    "Børn, der har været udsat for overgreb, får tilbud.",      # 'udsat for' is not a postponement
    "Temadrøftelsen blev indledt med et oplæg.",
    "Borgeren har fået afslag på hjælp.",                        # a refusal reported, not resolved
    "Sagen forelægges til orientering for byrådet.",
    "Det vedtagne budget fastholdes.",                              # participle as adjective
    # a minority's statement after the resolution
    "Mette Bach Kristensen (C) kunne ikke tiltræde indstillingen.",
    "Et mindretal (O) stemte imod.",
    "Dansk Folkeparti tog forbehold.",
    "V og O kunne ikke tiltræde indstillingen.",
])
def test_not_decisions(sentence):
    assert classify(sentence) is None


# ---------------------------------------------------------------- deadlines
def _deadlines(text: str, ref=dt.date(2024, 2, 1)):
    sents = [Sentence(a, b, s, text[a:b], a) for a, b, s in split_sentences(text)]
    return [(h.due.isoformat(), h.cue) for h in deadline_hits(text, sents, ref)]


@pytest.mark.parametrize("sentence, due", [
    ("Frist for eksempler er den 25. maj.", "2024-05-25"),
    ("Skemaet sendes til kommunerne med en svarfrist 10. januar 2025.", "2025-01-10"),
    ("Høringsfristen er den 3. april 2024.", "2024-04-03"),
    ("Ansøgningsfrist: 1. juni.", "2024-06-01"),
    ("Punkter til mødet kan meldes ind til sekretariatet senest den 5. august 2024.", "2024-08-05"),
    ("Aftalen skal være godkendt i alle byråd senest den 1. december 2024.", "2024-12-01"),
    ("Planen skal være godkendt inden udgangen af 2024.", "2024-12-31"),
    ("Projektet afsluttes ved udgangen af juni 2024.", "2024-06-30"),
    ("Materialet skal foreligge senest primo december.", "2024-12-01"),
    ("Den nye løsning er klar den 1. oktober 2024.", "2024-10-01"),
    ("Arbejdet skal være færdigt ultimo maj 2024.", "2024-05-31"),
    ("Tilmelding inden d. 1/3.", "2024-03-01"),
    ("Evalueringen skal foreligge primo juni 2024.", "2024-06-01"),
    ("Sekretariatet udsender materialet senest i juni 2024.", "2024-06-30"),
    ("Høringen løber frem til den 30. april 2024.", "2024-04-30"),
    ("Høringsperioden slutter den 30. april 2024.", "2024-04-30"),
    ("Indstillinger til prisen modtages gerne frem til den 30. april.", "2024-04-30"),
    ("Høringsperioden løber fra den 1. marts til den 12. april 2024.", "2024-04-12"),  # the window's end only
    # the cue after the date
    ("Den 15. maj er sidste frist for ansøgning.", "2024-05-15"),
    ("15. maj 2024 er ansøgningsfristen.", "2024-05-15"),
    ("Indberetning: 1. juni 2024 (frist).", "2024-06-01"),
    ("Høringssvar skal være modtaget 1. juni 2024.", "2024-06-01"),
    ("Ansøgninger modtages til og med 30. april 2024.", "2024-04-30"),
    ("Ansøgning skal være kommunen i hænde 1. juni.", "2024-06-01"),
    ("Tilmelding gerne hurtigst muligt og ikke senere end 14. juni.", "2024-06-14"),
    ("Kommunerne har indtil 1. august til at indsende data.", "2024-08-01"),
    ("Bidrag til nyhedsbrevet sendes senest fredag i uge 14.", "2024-04-05"),  # that weekday of the week
    ("Planen skal foreligge til mødet den 4. april.", "2024-04-04"),          # due for a dated meeting
])
def test_deadlines(sentence, due):
    assert [d for d, _ in _deadlines(sentence)] == [due]


@pytest.mark.parametrize("sentence", [
    "Næste møde afholdes den 5. juni 2024.",                     # future meeting date
    "Næste møde i styregruppen er den 1. september 2024 på Rådhuset.",
    "Udvalget drøftede sagen den 18. november.",                # past date, no cue
    "Loven træder i kraft den 1. januar 2025.",
    "Vi når ikke at blive færdige inden udgangen af 2024.",     # negated
    "Kommunen har senest i 2023 tilbudt pladser.",              # 'senest' = most recently, no day
    "På den kommende konference den 11. maj 2024 drøftes evalueringen.",
    "Administrationen sender ansøgningen inden fristen og orienterer udvalget den 12. juni.",  # a deadline referred to
    "Projektet løber fra 1. marts til 1. juni 2024.",            # a period, nothing to submit
    "Aftalen udløber den 31. december 2025.",
    "Høringssvar er modtaget den 3. marts.",                      # received then
    "Den 3. marts var fristen overskredet.",
    "Projektet kører til og med 31. december 2025.",               # a period's end, nothing to submit
    "Biblioteket har lukket indtil 1. august.",
    "Der har været høring frem til 1. januar 2024.",               # a limit already passed, reported
    "Ansøgningsfristen var den 15. januar 2024.",
    "Ansøgningsfristen udløb den 15. januar.",                    # passed, the year placed before the meeting
    "Sagen behandles på mødet den 4. april.",                      # a meeting's date, nothing due
])
def test_not_deadlines(sentence):
    assert _deadlines(sentence) == []


# ---------------------------------------------------------------- action items
@pytest.mark.parametrize("sentence, owner, action_start", [
    ("Det blev aftalt, at sekretariatet undersøger med KL, om andre arbejder med modellen.", "sekretariatet", "sekretariatet undersøger"),
    ("Det aftales, at sekretariatet og socialtilsynet afklarer tidspunktet.", "sekretariatet og socialtilsynet", "sekretariatet og socialtilsynet afklarer"),
    ("Det aftales, at der udarbejdes en fælles sagsfremstilling.", None, "der udarbejdes"),
    ("Det aftales, at der i 2025 skal være et oplæg om tilsynet.", None, "der i 2025"),
    ("DAS aftaler, at gå videre til KL med ønsket.", "DAS", "gå videre"),
    ("Forvaltningen skal udarbejde et notat til næste møde.", "Forvaltningen", "skal udarbejde"),
    # a commitment reported at the meeting
    ("Borgmesteren svarede, at forvaltningen vender tilbage inden sommerferien.", "forvaltningen", "forvaltningen vender"),
    ("Forvaltningen oplyste, at den vil undersøge sagen.", "Forvaltningen", "den vil undersøge"),
    ("Borgmesteren lovede at vende tilbage med svar.", "Borgmesteren", "vende tilbage"),
    ("Børnehus Midt vil fra 2025 afdække behovet blandt kommunerne.", "Børnehus Midt", "vil fra 2025"),
    ("Sikrede institutioner: KL og DR vil gå videre med at afklare grundlaget.", "KL og DR", "vil gå videre"),
    ("Lotte Hansen og Jette Jensen, udvalgets repræsentanter, bringer materialet videre.", "Lotte Hansen og Jette Jensen", "bringer"),
    ("Orienteringen blev taget til efterretning med den tilføjelse, at takstgruppen fik til opgave at lave et notat.", "takstgruppen", "lave"),
    ("Desuden udarbejdes en opsamling på konferencen.", None, "udarbejdes"),
    ("Udvalget orienteres på næste møde.", None, "Udvalget orienteres"),
    ("Skulle der være kommuner, der ønsker at deltage, bedes det tilkendegivet senest den 15. december.", None, "bedes"),
    ("Alle medlemmer bedes sende bemærkninger til sekretariatet.", "Alle medlemmer", "bedes"),
    ("Borgmesteren vil tage kontakt til ministeriet.", "Borgmesteren", "vil tage kontakt"),
    ("Netværket drøftede oplægget og besluttede at gennemføre forløbet i 2025.", "Netværket", "gennemføre"),
    ("Alle kommuner skal have opdateret deres tilbud inden udgangen af april.", "Alle kommuner", "skal have opdateret"),
    ("Kommunerne må have sendt deres indberetning senest 1. maj.", "Kommunerne", "må have sendt"),
    ("Formanden retter henvendelse til ministeren.", "Formanden", "retter henvendelse"),
    ("Forvaltningen blev bedt om at udarbejde et notat.", "Forvaltningen", "udarbejde"),
    ("Forvaltningen blev pålagt at udarbejde en handleplan.", "Forvaltningen", "udarbejde"),
    ("Udvalget bad forvaltningen om at undersøge mulighederne.", "forvaltningen", "undersøge"),  # the one asked
    ("Forvaltningen sørger for at informere borgerne.", "Forvaltningen", "sørger for"),
    ("Jens Hansen giver en status på næste møde.", "Jens Hansen", "giver en status"),
    ("Formanden blev bemyndiget til at godkende det endelige høringssvar.", "Formanden", "godkende"),
    ("Ad 2) Godkendt, idet formanden bemyndiges til at færdiggøre høringssvaret.", "formanden", "færdiggøre"),
    ("Arbejdsgruppen afleverer sin rapport inden udgangen af maj.", "Arbejdsgruppen", "afleverer"),
    ("Udvalget ønsker, at forvaltningen undersøger mulighederne for en cykelsti.", "forvaltningen", "forvaltningen undersøger"),
])
def test_action_items(sentence, owner, action_start):
    acts = actions_in_sentence(sentence)
    assert acts, sentence
    assert acts[0].owner == owner
    assert acts[0].action.startswith(action_start)


def test_action_items_split_at_hvorefter():
    acts = actions_in_sentence("Det blev besluttet, at fællessekretariatet skal indarbejde de to elementer i skemaet, "
                               "hvorefter skemaet sendes til kommunerne med en svarfrist 10. januar 2025.")
    assert [a.action.split()[0] for a in acts] == ["fællessekretariatet", "skemaet"]
    assert acts[1].owner == "fællessekretariatet"


@pytest.mark.parametrize("sentence", [
    "DASSOS vil gerne anlægge en mere proaktiv tilgang.",       # wish
    "Aarhus Kommune har udarbejdet et notat om erfaringerne.",  # perfect tense: already done
    "Der kan evt. hentes inspiration fra andre regioner.",      # possibility
    "Notatet kan bruges som udgangspunkt for henvendelsen.",
    "Der opfordres til, at evalueringen sættes på dagsordenen.",  # recommendation, not a task
    "Ankestyrelsen opfordrede til, at kommunerne bringer sager ind.",
    "Formanden orienterer om, at der er ansat en ny konsulent.",  # information, no future marker
    "Næste møde afholdes den 2. marts kl. 13-16",
    "Der var enighed om, at dialogen har udviklet sig positivt.",
    "Målet er, at den nye løsning skal gøre data lettere at bruge.",
    "Kommunerne skal have et overblik over ventelisterne.",       # "skal have" + a noun: no task
    "Borgerne vil have sendt deres ansøgning i god tid.",         # "vil have": an expectation
    "Jens Hansen giver en status på projektet.",                  # now, at this meeting
    "Loven sikrer borgerne ret til hjælp.",
    "Ministeren har bedt kommunerne om at indsende data.",        # a request reported
    "Som medlem af bestyrelsen udpeges Anne Berg.",              # an appointment
    "DASSOS ønsker at fortsætte dialogen med dialogforummet.",  # a wish of its own
    "Godkendt med den ændring, at projektet først igangsættes i 2025.",  # a condition of the approval
    "Udvalget tiltrådte indstillingen, dog således at tilskuddet nedsættes til 50.000 kr.",
    # a report whose task verb belongs to something else told
    "Ankestyrelsen oplyste, at der ikke er tale om en ændret praksis og opfordrede kommunerne til at henvende sig.",
    "Sekretariatet oplyste, at kommunerne har sendt data.",
])
def test_not_action_items(sentence):
    assert actions_in_sentence(sentence) == []


# ---------------------------------------------------------------- real pipeline
@pytest.mark.skipif(not SAMPLE.exists(), reason="sample PDF not present")
def test_pipeline_on_sample_pdf():
    from pipeline.models import DocumentRecord
    from pipeline.process import process_path

    rec = process_path(str(SAMPLE))
    assert isinstance(rec, DocumentRecord), getattr(rec, "reason", rec)
    by_item = {(d.item_number, d.kind) for d in rec.decisions}
    assert ("1", "approved") in by_item                    # "Dagsordenen godkendes"
    assert ("6", "noted") in by_item                       # "Orienteringen tages til efterretning."
    assert ("7", "agreed") in by_item                      # "Det aftales, at ..."
    assert not any(d.item_number == "9" for d in rec.decisions)  # "Formanden orienterer om ..."
    for d in rec.decisions:
        assert rec.text[d.span.char_start:d.span.char_end].split() == d.text.split()
        assert d.span.page is not None
    assert any(a.item_number == "8" and a.owner == "sekretariatet" for a in rec.action_items)
    # deadlines carry a real date and one of the three section labels
    for dl in rec.deadlines:
        assert dl.section in {"referat", "indstilling", "sagsfremstilling"}
    assert not any(dl.due_date == dt.date(2022, 3, 2) for dl in rec.deadlines)  # next meeting is no deadline


def test_pipeline_deadline_from_other_sample():
    path = ROOT / "data" / "raw" / "002_3388be411b985e9f.pdf"
    if not path.exists():
        pytest.skip("sample not present")
    from pipeline.process import process_path

    rec = process_path(str(path))
    got = {(d.item_number, d.due_date.isoformat(), d.section) for d in rec.deadlines}
    assert ("1.2", "2022-01-10", "referat") in got          # "med en svarfrist 10. januar 2022"
    assert ("1.2", "2022-12-01", "sagsfremstilling") in got  # "skal være godkendt ... senest den 1. december 2022"
    assert ("3.1", "2022-01-14", "sagsfremstilling") in got  # "kan meldes ind ... senest den 14. januar 2022"


def test_the_next_sentence_gives_a_task_its_due_date_only_when_it_speaks_of_the_task():
    """"Det skal foreligge senest …" is the notat's due date; "Planen skal være implementeret …"
    is about something else, not the meeting the secretariat calls."""
    from pipeline.process import PipelineConfig, process_bytes

    text = ("Referat\nStyregruppen\nDato: 5. marts 2024\n\n1. Opfølgning\nBeslutning:\n"
            "Sekretariatet udarbejder et notat om modellen. Det skal foreligge senest 1. april.\n"
            "Sekretariatet indkalder til et temamøde. Planen skal være implementeret ved udgangen af 2024.\n")
    r = process_bytes(text.encode(), "next_sentence.txt", PipelineConfig(ner="rules"))
    due = {a.action.split()[0]: a.due_date for a in r.action_items if a.owner == "Sekretariatet"}
    assert due == {"udarbejder": dt.date(2024, 4, 1), "indkalder": None}
