"""Reading and cleaning on the real sample PDFs and texts."""

from __future__ import annotations

import pytest

from pipeline.cleaning import assemble_text, clean_pages
from pipeline.reading import read_pdf, read_pdf_fast, read_text
from tests.conftest import RAW, STEMS, TEXT


@pytest.mark.parametrize("stem", STEMS)
def test_pdfium_and_pdfplumber_give_the_same_lines(stem):
    data = (RAW / f"{stem}.pdf").read_bytes()
    slow = [(ln.page, ln.text, ln.bold) for p in read_pdf(data) for ln in p.lines]
    fast = [(ln.page, ln.text, ln.bold) for p in read_pdf_fast(data) for ln in p.lines]
    assert fast == slow


@pytest.mark.parametrize("stem", STEMS)
def test_running_headers_and_page_numbers_are_removed(stem):
    lines, n_pages = clean_pages(read_pdf_fast((RAW / f"{stem}.pdf").read_bytes()), positioned=True)
    text = assemble_text(lines)
    assert n_pages >= 10
    assert "Side 3 af" not in text
    # the running header ("DASSOS Referat 4. maj 2021", "DAS Social 28-01-2022") is gone from every page
    first_line_per_page = {}
    for ln in lines:
        first_line_per_page.setdefault(ln.page, ln.text)
    assert len(set(first_line_per_page.values())) == len(first_line_per_page)


def test_text_export_headers_removed_and_pages_counted():
    lines, n_pages = clean_pages(read_text((TEXT / "002_3388be411b985e9f.txt").read_bytes()), positioned=False)
    text = assemble_text(lines)
    assert "Referat 25.11.21" not in text
    assert "https://" not in text  # attachment link lines
    assert n_pages >= 3
    assert {ln.page for ln in lines} >= {1, 2, 3}


def test_line_end_hyphens_join_but_real_hyphens_stay():
    lines, _ = clean_pages(read_pdf_fast((RAW / "000_6712d68b0034b11f.pdf").read_bytes()), positioned=True)
    text = assemble_text(lines)
    # "service-" at a line end followed by "og basistakst": a real hyphen, kept with its space
    assert "opdelingen af takster i service- og basistakst" in text
    # "KD-" + "net.": the hyphen after an acronym belongs to the word
    assert "evalueringsnotat til KD-net." in text
    # "døgn-" + "tilbud": an auto-hyphenated word is joined
    assert "Det nye døgntilbud planlægges" in text


def test_text_export_keeps_real_hyphens():
    lines, _ = clean_pages(read_text((TEXT / "002_3388be411b985e9f.txt").read_bytes()), positioned=False)
    text = assemble_text(lines)
    assert "myndigheds- og finansieringsansvar" in text
    assert "lands- og landsdelsdækkende" in text


def test_bullets_are_normalised():
    lines, _ = clean_pages(read_pdf_fast((RAW / "000_6712d68b0034b11f.pdf").read_bytes()), positioned=True)
    assert not any(ln.text.startswith("\uf0b7") for ln in lines)
    assert any(ln.bullet and ln.text.startswith("DASSOS fungerer godt") for ln in lines)


def test_utf16_text_export_reads_like_utf8():
    """Windows' "Unicode" text (UTF-16 with a byte-order mark) is text, not binary content."""
    text = (TEXT / "002_3388be411b985e9f.txt").read_text(encoding="utf-8")
    expected = [ln.text for page in read_text(text.encode("utf-8")) for ln in page.lines]
    for encoding in ("utf-16", "utf-16-le"):
        data = text.replace("\n", "\r\n").encode(encoding)
        if encoding == "utf-16-le":
            data = b"\xff\xfe" + data
        assert [ln.text for page in read_text(data) for ln in page.lines] == expected


def test_layout_characters_are_normalised():
    """Ligatures some PDF fonts map to one code point, no-break and thin spaces, soft hyphens and
    zero-width marks would split words that the rules and the model look for."""
    raw = "Dato:\u00a03.\u00a0april 2024\nOm \ufb01nansiering og \ufb02ytning\nsocial\u00adpsykiatrien\u200b koster 2\u202f000 kr.\n"
    lines, _ = clean_pages(read_text(raw.encode("utf-8")), positioned=False)
    assert [ln.text for ln in lines] == [
        "Dato: 3. april 2024", "Om finansiering og flytning", "socialpsykiatrien koster 2 000 kr."]


def test_repeated_item_header_is_furniture_but_distinct_bare_item_headings_stay():
    """'Punkt 3: Budget 2025' printed word for word at the top of every page is a running header;
    'Punkt 1', 'Punkt 2', 'Punkt 3' (each title on the next line) share its shape but are the agenda."""
    header = "Referat\nDato: 3. april 2024\n\n3. Budget\nTekst.\n\fPunkt 3: Budget 2025\nMere tekst.\n" \
             "\fPunkt 3: Budget 2025\nEndnu mere.\n\fPunkt 3: Budget 2025\nSlut.\n"
    lines, _ = clean_pages(read_text(header.encode()), positioned=False)
    assert "Punkt 3: Budget 2025" not in [ln.text for ln in lines]
    bare = "Referat\nDato: 3. april 2024\n\nPunkt 1\nGodkendelse\n\nPunkt 2\nBudget\n\nPunkt 3\nEventuelt\n"
    lines, _ = clean_pages(read_text(bare.encode()), positioned=False)
    assert [ln.text for ln in lines if ln.text.startswith("Punkt")] == ["Punkt 1", "Punkt 2", "Punkt 3"]
