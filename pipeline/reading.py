"""Read a source file into pages of positioned lines.

Both readers return the same shape (`RawPage` with `RawLine`s) so that cleaning and structure
never care where a line came from. PDF lines keep position and font: cleaning uses the
position to find running headers, structure uses bold/size to confirm headings. Cells of a
table row (a wide horizontal gap between words) are joined with a TAB, the same way
agenda-system text exports separate them.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

# A gap wider than this share of the font size between two words is a column gap, not a space.
COLUMN_GAP_RATIO = 0.4
# ... and, under COLUMN_GAP_SURE font sizes, wider than this many times the row's narrowest gap:
# justified text stretches every space of a line alike (to 0.5-1 em), a column gap stands out
# from the spaces beside it.
COLUMN_GAP_VS_SPACE = 1.5
COLUMN_GAP_SURE = 2.0
# Words whose tops differ by less than this share of the font size sit on one line.
SAME_LINE_RATIO = 0.35


class ReadError(Exception):
    """A file that cannot be read; the message is the one-line reason shown to the user."""

    def __init__(self, reason: str, stage: str = "read") -> None:
        super().__init__(reason)
        self.reason = reason
        self.stage = stage


@dataclass
class RawLine:
    text: str
    page: int
    top: float | None = None
    bottom: float | None = None
    x0: float | None = None
    size: float | None = None
    bold: bool = False
    blank_before: bool = False  # text files: an empty line precedes this one
    cell_x0: tuple[float, ...] = ()  # PDF: left edge of each TAB-separated cell


@dataclass
class RawPage:
    number: int
    height: float | None = None
    lines: list[RawLine] = field(default_factory=list)


def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.I))


def _words_to_lines(words: list[dict], page_number: int) -> list[RawLine]:
    """Group pdfplumber words into visual lines, TAB between far-apart words."""
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for w in words:
        size = float(w.get("size") or 10.0)
        if rows and abs(rows[-1][0]["top"] - w["top"]) < SAME_LINE_RATIO * size:
            rows[-1].append(w)
        else:
            rows.append([w])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        parts: list[str] = []
        cell_x0 = [row[0]["x0"]]
        gaps = [w["x0"] - prev["x1"] for prev, w in zip(row, row[1:])]
        narrowest = min(gaps) if len(gaps) >= 2 else 0.0
        for prev, w in zip([None, *row[:-1]], row):
            if prev is not None:
                gap = w["x0"] - prev["x1"]
                size = float(prev.get("size") or 10.0)
                new_cell = gap > COLUMN_GAP_RATIO * size and (
                    gap > COLUMN_GAP_SURE * size or gap > COLUMN_GAP_VS_SPACE * narrowest)
                parts.append("\t" if new_cell else " ")
                if new_cell:
                    cell_x0.append(w["x0"])
            parts.append(w["text"])
        sizes = [float(w.get("size") or 0) for w in row]
        n_bold = sum(_is_bold(str(w.get("fontname", ""))) for w in row)
        lines.append(RawLine(
            text="".join(parts),
            page=page_number,
            top=min(w["top"] for w in row),
            bottom=max(w["bottom"] for w in row),
            x0=row[0]["x0"],
            size=max(sizes) if sizes else None,
            bold=n_bold * 2 > len(row),
            cell_x0=tuple(cell_x0),
        ))
    return lines


def read_pdf(data: bytes) -> list[RawPage]:
    """Positioned lines of every page, with pdfplumber.

    `page.close()` after each page keeps memory flat (pdfplumber otherwise caches every char
    object of every page it has seen: ~4 MB a page).
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise ReadError("not a PDF (no %PDF header); check the file type")
    pages: list[RawPage] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages, start=1):
                # text printed twice a hair apart (a fake bold) is one text, not "RReeffeerraatt"
                words = page.dedupe_chars(tolerance=1).extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
                pages.append(RawPage(number=i, height=float(page.height), lines=_words_to_lines(words, i)))
                page.close()
    except PDFPasswordIncorrect as exc:
        raise ReadError("encrypted PDF: a password is needed to read it") from exc
    except PDFSyntaxError as exc:
        raise ReadError(f"corrupt or truncated PDF: {exc}") from exc
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many ad-hoc types on broken files
        name = type(exc).__name__
        if "password" in str(exc).lower() or "encrypt" in name.lower():
            raise ReadError("encrypted PDF: a password is needed to read it") from exc
        raise ReadError(f"unreadable PDF ({name}: {str(exc)[:120]})") from exc
    if not pages:
        raise ReadError("PDF has no pages")
    if not any(p.lines for p in pages):
        raise ReadError("no text layer: needs OCR")
    problem = text_layer_problem(pages)
    if problem:
        raise ReadError(problem)
    return pages


def _pdfium_words(textpage, height: float) -> list[dict]:
    """Words with boxes, size and font from pdfium's char API (the reader is ~8x faster than
    pdfplumber's, which builds a Python object per character)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    n = textpage.count_chars()
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    name_buf = ctypes.create_string_buffer(96)
    flags = ctypes.c_int()
    words: list[dict] = []
    cur: dict | None = None
    for i, ch in enumerate(text):
        if ch == "\ufffe" and cur is not None:
            cur["text"] += "-"  # pdfium's mark for a line-end hyphen: keep it, cleaning decides
        if ch.isspace() or ch == "\ufffe":
            cur = None
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or 10.0
        if cur is not None and (left - cur["x1"] > COLUMN_GAP_RATIO * size * 0.5 or abs((height - top) - cur["top"]) > SAME_LINE_RATIO * size):
            cur = None
        if cur is None:
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, name_buf, 96, ctypes.byref(flags))
            cur = {"text": "", "x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                   "size": size, "fontname": name_buf.value.decode("latin-1", "replace")}
            words.append(cur)
        cur["text"] += ch
        cur["x1"] = max(cur["x1"], right)
        cur["top"] = min(cur["top"], height - top)
        cur["bottom"] = max(cur["bottom"], height - bottom)
    return words


def read_pdf_fast(data: bytes) -> list[RawPage]:
    """Positioned lines of every page, with pypdfium2 (the default reader: same lines as
    `read_pdf`, a fraction of the time)."""
    import pypdfium2 as pdfium

    if b"%PDF" not in data[:1024]:
        raise ReadError("not a PDF (no %PDF header); check the file type")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ReadError("encrypted PDF: a password is needed to read it") from exc
        raise ReadError(f"corrupt or truncated PDF ({str(exc)[:120]})") from exc
    pages: list[RawPage] = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            height = page.get_height()
            textpage = page.get_textpage()
            words = _pdfium_words(textpage, height)
            pages.append(RawPage(number=i + 1, height=height, lines=_words_to_lines(words, i + 1)))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise ReadError(f"corrupt or truncated PDF ({str(exc)[:120]})") from exc
    finally:
        pdf.close()
    if not pages:
        raise ReadError("PDF has no pages")
    if not any(p.lines for p in pages):
        raise ReadError("no text layer: needs OCR")
    problem = text_layer_problem(pages)
    if problem:
        raise ReadError(problem)
    return pages


UNREADABLE_SHARE = 0.3    # of a text layer's characters: U+FFFD, "(cid:N)", private-use or control codes
MIN_VOWEL_SHARE = 0.2     # Danish (and English) text has ~38 % vowels among its letters
MIN_CHARS_TO_JUDGE = 200


def text_layer_problem(pages: list[RawPage]) -> str | None:
    """Why a PDF's text layer is no text, or None. Fonts without a Unicode mapping come out as
    U+FFFD, "(cid:12)" or private-use codes; a font's own encoding as letters that are no words
    ("Ñïåâ ãáí"): both need OCR like a scan, and ingesting them would fill the warehouse with noise."""
    text = "".join(line.text for page in pages for line in page.lines)
    chars = [c for c in text if not c.isspace()]
    if len(chars) < MIN_CHARS_TO_JUDGE:
        return None
    cid = len(re.findall(r"\(cid:\d+\)", text))
    bad = sum(c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc") for c in chars) + 7 * cid
    if bad / len(chars) > UNREADABLE_SHARE:
        return "text layer unreadable (fonts without a Unicode mapping): needs OCR"
    letters = [c.lower() for c in chars if c.isalpha()]
    if len(letters) >= MIN_CHARS_TO_JUDGE and sum(c in "aeiouyæøåéèêüöäáíóú" for c in letters) / len(letters) < MIN_VOWEL_SHARE:
        return "text layer garbled (a font with its own encoding): needs OCR"
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM (Windows' "Unicode" text), else cp1252,
    which covers latin-1 Danish text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# Text exports written as Markdown (pandoc, a wiki, an e-mail client): a heading's hashes and bold
# markers are typography, like a PDF's bold font, not part of the words ("## 1. Økonomi",
# "**Beslutning:**"). Links and italics stay: the extractors read through those.
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


# A Markdown table row "| Opgave | Ansvarlig | Frist |" is a row of cells: TAB-separated, as in
# other text exports; the rule under its header ("|---|---|") is no text.
MD_TABLE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _without_markdown(line: str) -> str:
    if MD_TABLE_RULE.match(line):
        return ""
    row = MD_TABLE_ROW.match(line)
    if row:
        line = "\t".join(cell.strip() for cell in row.group("cells").split("|"))
    return MD_BOLD.sub(r"\2", MD_HEADING.sub("", line))


# Text laid out with spaces (pdftotext -layout, a fixed-width export): a run of three or more
# spaces separates cells, and a character's column is its position. Giving the cells the left
# edges a PDF would (CHAR_WIDTH points a character) lets tables be read by their columns there too.
CHAR_WIDTH = 5.0
CELL_START = re.compile(r"(?:^ *| {3,})(\S)")


def _layout_columns(line: str) -> tuple[float, ...]:
    """Left edges of the space-separated cells of a text line (none for TAB-separated text)."""
    return () if "\t" in line else tuple(m.start(1) * CHAR_WIDTH for m in CELL_START.finditer(line))


def _position_layout_text(pages: list[RawPage]) -> None:
    """Text laid out in columns with spaces (some line has two cells) gets positions on every line,
    as a PDF's lines have; text without such columns keeps none."""
    edges = [[_layout_columns(line.text) for line in page.lines] for page in pages]
    if not any(len(e) >= 2 for page in edges for e in page):
        return
    for page, page_edges in zip(pages, edges):
        for line, cells in zip(page.lines, page_edges):
            if cells:
                line.x0, line.cell_x0 = cells[0], cells


def read_text(data: bytes) -> list[RawPage]:
    """Lines of a plain-text export. Form feeds split pages; otherwise one page (cleaning may
    split it later at running headers)."""
    if data.lstrip()[:5] == b"%PDF-":
        raise ReadError("a PDF named as a text file; rename it to .pdf")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary content in a text file; check the file type")
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("empty text file")
    pages = []
    for number, chunk in enumerate(text.split("\f"), start=1):
        page = RawPage(number=number)
        blank = False
        for raw in chunk.split("\n"):
            line = _without_markdown(raw.rstrip())
            if not line.strip():
                blank = blank or not raw.strip()
                continue
            page.lines.append(RawLine(text=line, page=number, blank_before=blank))
            blank = False
        pages.append(page)
    _position_layout_text(pages)
    return pages
