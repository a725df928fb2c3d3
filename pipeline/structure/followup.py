"""Follow-up tables: "Opgave | Ansvarlig | Frist" rows in an item's outcome section.

Networks and steering groups often close an item with a table of what was agreed, who does it
and by when. Read as running text the row is one run-on line ("Udarbejde notat Sekretariatet
1. juni 2024"), so the sentence rules in `actions.py` miss it; here the row is read by its cells.
A table is a line whose TAB-separated cells name an action column and an owner column (a due
column is optional), and the rows under it with cells in those columns: text exports by the
cells' order, PDFs by the cells' left edges (a wrapped cell continues the row above).
`mark_row_paragraphs` makes each row a paragraph of its own, so no sentence runs through the
table; `table_rows` gives the rows to the extractors.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..cleaning import Line
from ..dates import find_dates

ACTION_HEADER = re.compile(r"(?:opgave|handling|aktivitet|aftale|opfølgningspunkt|action)(?:r|er|en)?|hvad", re.I)
OWNER_HEADER = re.compile(r"ansvarlig(?:e)?|ansvar|hvem|tovholder(?:e)?", re.I)
DUE_HEADER = re.compile(r"(?:tids)?frist|deadline|hvornår|senest", re.I)
COLUMN_SLACK = 8.0  # points a PDF cell may start left of its column's edge


@dataclass
class TableRow:
    action: str
    owner: str | None
    due_text: str
    due: dt.date | None
    granularity: str = "day"
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.action, self.owner or "", self.due_text) if part)


def _cells(line: Line) -> list[str]:
    return [c.strip().rstrip(":").strip() for c in line.text.split("\t")]


def _header_columns(line: Line) -> dict[str, int] | None:
    """Column index of the action, owner and due cells of a header line, or None."""
    columns: dict[str, int] = {}
    for k, cell in enumerate(_cells(line)):
        for name, rx in (("action", ACTION_HEADER), ("owner", OWNER_HEADER), ("due", DUE_HEADER)):
            if name not in columns and rx.fullmatch(cell):
                columns[name] = k
                break
    return columns if "action" in columns and "owner" in columns else None


def _column_of(x: float, edges: list[float]) -> int | None:
    """The column a PDF cell starting at `x` belongs to."""
    best = None
    for k, edge in enumerate(edges):
        if x >= edge - COLUMN_SLACK:
            best = k
    return best


def _row_cells(line: Line, header: Line, width: int) -> dict[int, str] | None:
    """Column index → cell text of one body line; None when the line does not fit the table."""
    cells = line.text.split("\t")
    if header.cell_x0 and line.cell_x0 and len(line.cell_x0) == len(cells):
        out: dict[int, str] = {}
        for x, cell in zip(line.cell_x0, cells):
            k = _column_of(x, list(header.cell_x0))
            if k is None:
                return None
            out[k] = f"{out[k]} {cell.strip()}" if k in out else cell.strip()
        return out
    if "\t" not in line.text or len(cells) > width:
        return None
    return {k: cell.strip() for k, cell in enumerate(cells) if cell.strip()}


def _tables(lines: list[Line]):
    """(header index, columns, rows as (cells, lines)) of every follow-up table among `lines`."""
    i = 0
    while i < len(lines):
        columns = _header_columns(lines[i]) if "\t" in lines[i].text else None
        if columns is None:
            i += 1
            continue
        header_at, header, width = i, lines[i], len(lines[i].text.split("\t"))
        rows: list[tuple[dict[int, str], list[Line]]] = []
        i += 1
        while i < len(lines):
            cells = _row_cells(lines[i], header, width)
            if cells is None:
                break
            single = "\t" not in lines[i].text
            if single and not (rows and lines[i].text[:1].islower()):
                break  # a capitalised line in one column after the rows: the text goes on below the table
            if single or (rows and columns["action"] not in cells and header.cell_x0):
                # a wrapped cell ("… og om den" / "fremtidige finansiering …"): it continues the row above
                prev, prev_lines = rows[-1]
                for k, text in cells.items():
                    prev[k] = f"{prev[k]} {text}" if k in prev else text
                prev_lines.append(lines[i])
            else:
                rows.append((cells, [lines[i]]))
            i += 1
        yield header_at, columns, rows


def mark_row_paragraphs(lines: list[Line]) -> None:
    """The header, each row and the line after the table start a paragraph."""
    for header_at, _columns, rows in _tables(lines):
        lines[header_at].para_start = True
        for _cells, row_lines in rows:
            row_lines[0].para_start = True
        after = header_at + 1 + sum(len(row_lines) for _c, row_lines in rows)
        if after < len(lines):
            lines[after].para_start = True


def table_rows(lines: list[Line], ref: dt.date | None) -> list[TableRow]:
    """The rows of every follow-up table among `lines` (one section's lines)."""
    out: list[TableRow] = []
    for _header_at, columns, rows in _tables(lines):
        for cells, row_lines in rows:
            action = cells.get(columns["action"], "")
            if not action:
                continue
            due_text = cells.get(columns["due"], "") if "due" in columns else ""
            dates = find_dates(due_text, ref) if due_text else []
            out.append(TableRow(action=action, owner=cells.get(columns["owner"]) or None, due_text=due_text,
                                due=dates[0].deadline_date if dates else None,
                                granularity=dates[0].granularity if dates else "day", lines=row_lines))
    return out


def section_lines(structure, section) -> list[Line]:
    """The lines of one section (lines are in text order: found by bisection, not a scan per section)."""
    lo = bisect.bisect_left(structure._line_starts, section.span.char_start)
    hi = bisect.bisect_left(structure._line_starts, section.span.char_end)
    return structure.lines[lo:hi]
