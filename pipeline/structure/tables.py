"""Agenda tables → the heading-and-sections shape every other layout has.

Networks and steering groups often print their minutes as one table, a row per agenda item:
"Punkt | Emne | Beslutning og opfølgning". Cells wrap inside their column, so one row spans
several visual lines, and reading them left to right interleaves the title with the outcome
("2. Fælles kompetenceforløb Netværket drøftede …" / "for sagsbehandlere gennemføre …").

`unfold_agenda_tables` finds such tables by position (a PDF line's cells keep their left
edges): at least two rows whose first cell is an item number and whose later cells start at the
same columns. Each row becomes a bold numbered heading line with the title column, then, per
further column, a section heading line (the column's header when it names a section, else
"Referat" for the last column and "Sagsfremstilling" for any other) and that column's text.
Lines outside tables pass through unchanged. A text export has no positions, but its table is a
header line of TAB-separated cells over one line per item ("Nr. | Emne | Referat | Ansvarlig |
Frist"), which `_unfold_text_tables` reads by the header's columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..cleaning import Line
from .items import section_kind

# The first cell of a row: "1", "1.", "Pkt. 1", "Punkt 1"
ROW_NUMBER = re.compile(r"^(?:(?:pkt\.?|punkt)\s*)?(?P<num>\d{1,3})\.?$", re.I)
COLUMN_SLACK = 6.0   # points a cell may start left of its column's edge and still belong to it
MIN_ROWS = 2


@dataclass
class _Row:
    number: int
    first: int                  # index of the row's first line
    number_x: float             # left edge of the number cell
    columns: tuple[float, ...]  # left edges of the title column and the columns after it


def _row_start(line: Line) -> _Row | None:
    cells = line.text.split("\t")
    if len(line.cell_x0) < 2 or len(cells) != len(line.cell_x0):
        return None
    m = ROW_NUMBER.match(cells[0].strip())
    return _Row(int(m.group("num")), -1, line.cell_x0[0], line.cell_x0[1:]) if m else None


def _near(x: float, edges: tuple[float, ...]) -> bool:
    return any(abs(x - e) <= COLUMN_SLACK for e in edges)


def _merge_columns(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, ...] | None:
    """The columns of two rows together, or None when they are not the same table: both start
    their title at the same edge, and a row may leave any later cell empty."""
    if abs(a[0] - b[0]) > COLUMN_SLACK:
        return None
    return tuple(sorted(a + tuple(x for x in b if not _near(x, a))))


def _left_edge(line: Line) -> float | None:
    return line.cell_x0[0] if line.cell_x0 else line.x0


def _in_title_columns(line: Line, columns: tuple[float, ...]) -> bool:
    """The line starts in the title column or right of it (nothing in the number column)."""
    x = _left_edge(line)
    return x is not None and x >= columns[0] - COLUMN_SLACK


def _at_edges(line: Line, edges: tuple[float, ...]) -> bool:
    """A bold line whose every cell starts at one of the table's edges: a header row."""
    return line.bold and bool(line.cell_x0) and all(_near(x, edges) for x in line.cell_x0)


def _inside(line: Line, row: _Row, columns: tuple[float, ...]) -> bool:
    """A line between two rows belongs to the table: part of the upper row, or the header row
    repeated at the top of a page."""
    return _in_title_columns(line, columns) or _at_edges(line, (row.number_x, *columns))


def _has_content_column(lines: list[Line], table: list[_Row]) -> bool:
    """Some row has text right of its title: an outcome, not a page number (a table of contents)."""
    return any(not re.fullmatch(r"[\d\s.]*", cell) for row in table for cell in lines[row.first].text.split("\t")[2:])


def _tables(lines: list[Line]) -> list[list[_Row]]:
    """Runs of at least MIN_ROWS numbered rows with counting numbers and shared columns, nothing
    but their own lines between them, and text right of the titles."""
    tables: list[list[_Row]] = []
    current: list[_Row] = []

    def close() -> None:
        if len(current) >= MIN_ROWS and _has_content_column(lines, current):
            tables.append(list(current))

    for i, line in enumerate(lines):
        row = _row_start(line)
        if row is None:
            continue
        row.first = i
        merged = _merge_columns(current[0].columns, row.columns) if current else None
        if merged is not None and row.number == current[-1].number + 1 and all(
                _inside(lines[j], current[0], merged) for j in range(current[-1].first + 1, i)):
            current[0].columns = merged
            current.append(row)
            continue
        close()
        current = [row]
    close()
    return tables


def column_of(x: float, columns: tuple[float, ...]) -> int:
    """Index into `columns` (left edges) of the column a cell starting at `x` lies in; -1 when it
    starts left of them all (in an agenda table: the number column)."""
    col = -1
    for k, edge in enumerate(columns):
        if x >= edge - COLUMN_SLACK:
            col = k
    return col


def _cells(line: Line) -> list[tuple[float, str]]:
    return list(zip(line.cell_x0, line.text.split("\t"))) if line.cell_x0 else [(line.x0 or 0.0, line.text)]


def _header(lines: list[Line], first_row: _Row, columns: tuple[float, ...]) -> tuple[list[str], set[int]]:
    """The header text over each column and the indices of its lines: the bold lines right above
    the first row whose cells all start at the table's edges (a header cell may wrap), one of
    them with two or more cells."""
    edges = (first_row.number_x, *columns)
    chosen: list[int] = []
    for i in range(first_row.first - 1, max(first_row.first - 4, -1), -1):
        if not _at_edges(lines[i], edges):
            break
        chosen.append(i)
    if not any(len(lines[i].cell_x0) >= 2 for i in chosen):
        return [""] * len(columns), set()
    texts = [""] * len(columns)
    for i in reversed(chosen):
        for x, cell in _cells(lines[i]):
            k = column_of(x, columns)
            if k >= 0:
                texts[k] = f"{texts[k]} {cell.strip()}".strip()
    return texts, set(chosen)


def _section_heading(header: str, is_last: bool) -> str:
    head = header.strip().rstrip(":")
    if section_kind(head):
        return head
    return "Referat" if is_last else "Sagsfremstilling"


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out.endswith("-") and part[:1].islower() and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + part   # a word broken inside a narrow column
        else:
            out = f"{out} {part}".strip()
    return out


def _row_lines(lines: list[Line], start: int, stop: int, row: _Row, columns: tuple[float, ...],
               headers: list[str], header_texts: set[str]) -> list[Line]:
    title_parts: list[str] = []
    column_lines: list[list[Line]] = [[] for _ in columns[1:]]
    for i in range(start, stop):
        line = lines[i]
        if line.bold and line.text in header_texts:
            continue  # the header row repeated at the top of the next page
        for x, cell in _cells(line):
            k = column_of(x, columns)
            cell = cell.strip()
            if k <= 0:
                if k == 0 or i != start:
                    title_parts.append(cell)
                continue
            column_lines[k - 1].append(replace(line, text=cell, x0=x, cell_x0=(), bold=False, bullet=False,
                                                para_start=not column_lines[k - 1], joined_hyphen=False))
    first = lines[start]
    out = [replace(first, text=f"{row.number}. {_join(title_parts)}", bold=True, cell_x0=(), para_start=True,
                   bullet=False, joined_hyphen=False)]
    for k, body in enumerate(column_lines):
        if not body:
            continue
        heading = _section_heading(headers[k + 1], is_last=k == len(column_lines) - 1)
        out.append(replace(body[0], text=heading, bold=True, para_start=True))
        out.extend(body)
    return out


def _row_ends(lines: list[Line], table: list[_Row]) -> list[int]:
    """Index after each row's last line: the next row (`_tables` checked the lines between), and
    for the last row the first line that starts left of the title column."""
    end = table[-1].first + 1
    while end < len(lines) and _in_title_columns(lines[end], table[0].columns):
        end += 1
    return [row.first for row in table[1:]] + [end]


# Header cells of a text export's agenda table: the number and title columns, and columns that
# say who does a task or by when (they are added to the outcome as "Ansvarlig: …" lines).
NUMBER_HEADER = re.compile(r"^(?:nr\.?|pkt\.?|punkt|#)$", re.I)
FOLLOW_UP_HEADER = re.compile(r"^(?:ansvarlig(?:e)?|ansvar|hvem|tovholder|frist|deadline|hvornår|tidsfrist)$", re.I)
DUE_HEADER = re.compile(r"^(?:frist|deadline|hvornår|tidsfrist)$", re.I)


def _text_table_rows(lines: list[Line], start: int) -> list[int]:
    """Indices of the counting numbered rows right under a header line at `start - 1`."""
    rows: list[int] = []
    for i in range(start, len(lines)):
        cells = lines[i].text.split("\t")
        m = ROW_NUMBER.match(cells[0].strip()) if len(cells) >= 3 else None
        if m is None or (rows and int(m.group("num")) != _number_of(lines[rows[-1]]) + 1):
            break
        rows.append(i)
    return rows


def _number_of(line: Line) -> int:
    return int(ROW_NUMBER.match(line.text.split("\t")[0].strip()).group("num"))  # type: ignore[union-attr]


def _unfold_text_tables(lines: list[Line]) -> list[Line]:
    """A text export's agenda table: a header line ("Nr. | Emne | Referat | Ansvarlig | Frist")
    over a line per item. Each row becomes a numbered heading with the title cell, then per
    further column a section (the header when it names one, else "Referat" for the last text
    column and "Sagsfremstilling" before it), the owner and due cells as labelled lines of the
    outcome."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        header = lines[i]
        names = [c.strip().rstrip(":") for c in header.text.split("\t")]
        rows = _text_table_rows(lines, i + 1) if len(names) >= 3 and NUMBER_HEADER.match(names[0]) \
            and not header.cell_x0 else []
        # a row with text right of its title: an outcome, not a page number (a table of contents)
        if len(rows) < MIN_ROWS or all(re.fullmatch(r"[\d\s.]*", lines[r].text.split("\t")[2]) for r in rows):
            out.append(header)
            i += 1
            continue
        text_columns = [k for k in range(2, len(names)) if not FOLLOW_UP_HEADER.match(names[k])]
        # the due cell first, so that it is the sentence right after the task it dates
        follow_up_columns = sorted((k for k in range(2, len(names)) if FOLLOW_UP_HEADER.match(names[k])),
                                   key=lambda k: not DUE_HEADER.match(names[k]))
        for r in rows:
            row = lines[r]
            cells = row.text.split("\t")
            columns = row.cell_index if len(row.cell_index) == len(cells) else tuple(range(len(cells)))
            by_column = {col: cell.strip() for col, cell in zip(columns, cells) if cell.strip()}
            out.append(replace(row, text=f"{_number_of(row)}. {by_column.get(1, '')}".strip(), bold=True,
                               cell_index=(), para_start=True, bullet=False, joined_hyphen=False))
            follow_up = [k for k in follow_up_columns if k in by_column]
            for n, k in enumerate(text_columns):
                is_last = n == len(text_columns) - 1
                parts = ([by_column[k]] if k in by_column else []) + (
                    [f"{names[j]}: {by_column[j]}." for j in follow_up] if is_last else [])
                if not parts:
                    continue
                out.append(replace(row, text=_section_heading(names[k], is_last), bold=True, cell_index=(), para_start=True))
                out.append(replace(row, text=" ".join(parts), bold=False, cell_index=(), para_start=True))
        i = rows[-1] + 1
    return out


def unfold_agenda_tables(lines: list[Line]) -> list[Line]:
    """`lines` with every agenda table rewritten as item headings and sections (see module doc)."""
    lines = _unfold_text_tables(lines)
    tables = _tables(lines)
    if not tables:
        return lines
    out: list[Line] = []
    pos = 0
    for table in tables:
        columns = table[0].columns
        headers, header_rows = _header(lines, table[0], columns)
        header_texts = {lines[i].text for i in header_rows}
        ends = _row_ends(lines, table)
        out.extend(line for i, line in enumerate(lines[pos: table[0].first], start=pos) if i not in header_rows)
        for row, end in zip(table, ends):
            out.extend(_row_lines(lines, row.first, end, row, columns, headers, header_texts))
        pos = ends[-1]
    out.extend(lines[pos:])
    return out
