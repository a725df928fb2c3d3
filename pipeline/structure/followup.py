"""Follow-up tables ("Opgave | Ansvarlig | Frist") and timelines ("Tidspunkt | Forum | Handling").

Networks and steering groups often close an item with a table of what was agreed, who does it
and by when. Read as running text the row is one run-on line ("Udarbejde notat Sekretariatet
1. juni 2024"), so the sentence rules in `actions.py` miss it; here the row is read by its cells.
A table is a line whose TAB-separated cells name an action column and an owner or a due column,
and the rows under it with cells in those columns: text exports by the cells' order, PDFs by the
cells' left edges (a wrapped cell continues the row above). A due column headed by a point in time
("Tidspunkt", "Dato") rather than a limit ("Frist") makes the table a timeline: its rows are
scheduled steps, and only a step dated to the day and still ahead is a deadline.
`find_tables` reads the tables once per document; `mark_row_paragraphs` makes each row a paragraph
of its own, so no sentence runs through the table; `table_rows` gives the rows (kept on the
Structure) to the extractors, which take those inside an outcome section (`rows_in`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..cleaning import Line
from ..dates import find_dates
from .tables import column_of

ACTION_HEADER = re.compile(r"(?:opgave|handling|aktivitet|aftale|opfølgningspunkt|action)(?:r|er|en)?|hvad", re.I)
OWNER_HEADER = re.compile(r"ansvarlig(?:e)?|ansvar|hvem|tovholder(?:e)?|forum|aktør(?:er)?|part(?:er)?", re.I)
LIMIT_HEADER = re.compile(r"(?:tids)?frist|deadline|hvornår|senest", re.I)
WHEN_HEADER = re.compile(r"tidspunkt|dato|tid|måned|periode|tidsplan|uge", re.I)


@dataclass
class TableRow:
    action: str
    owner: str | None
    due_text: str
    due: dt.date | None
    granularity: str = "day"
    lines: list[Line] = field(default_factory=list)
    printed: str = ""        # the cells in the order printed
    scheduled: bool = False  # a timeline's step, not a limit

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.action, self.owner or "", self.due_text) if part)


def _cells(line: Line) -> list[str]:
    return [c.strip().rstrip(":").strip() for c in line.text.split("\t")]


def _header_columns(line: Line) -> tuple[dict[str, int], bool] | None:
    """Column index of the action, owner and due cells of a header line, and whether the due
    column is a point in time (a timeline) rather than a limit; None if the line is no header."""
    columns: dict[str, int] = {}
    for k, cell in enumerate(_cells(line)):
        for name, rx in (("action", ACTION_HEADER), ("owner", OWNER_HEADER), ("due", LIMIT_HEADER), ("when", WHEN_HEADER)):
            if name not in columns and rx.fullmatch(cell):
                columns[name] = k
                break
    scheduled = "due" not in columns and "when" in columns
    if scheduled:
        columns["due"] = columns.pop("when")
    columns.pop("when", None)
    if "action" not in columns or not ("owner" in columns or "due" in columns):
        return None
    return columns, scheduled


def _row_cells(line: Line, header: Line, width: int) -> dict[int, str] | None:
    """Column index → cell text of one body line; None when the line does not fit the table."""
    cells = line.text.split("\t")
    if header.cell_x0 and line.cell_x0 and len(line.cell_x0) == len(cells):
        out: dict[int, str] = {}
        for x, cell in zip(line.cell_x0, cells):
            k = column_of(x, header.cell_x0)
            if k < 0:
                return None
            out[k] = f"{out[k]} {cell.strip()}" if k in out else cell.strip()
        return out
    if "\t" not in line.text or len(cells) > width:
        return None
    if line.cell_index and len(header.cell_index) == width and max(line.cell_index) < width:
        return {k: cell.strip() for k, cell in zip(line.cell_index, cells) if cell.strip()}  # empty cells kept apart
    return {k: cell.strip() for k, cell in enumerate(cells) if cell.strip()}


@dataclass
class FollowupTable:
    header_at: int                                  # index of the header line
    columns: dict[str, int]                         # "action", "owner" and/or "due" → cell index
    rows: list[tuple[dict[int, str], list[Line]]]   # cells by column index, and the row's lines
    scheduled: bool = False                         # a timeline: the due column holds points in time


def find_tables(lines: list[Line]) -> list[FollowupTable]:
    """Every follow-up table among the document's lines."""
    tables: list[FollowupTable] = []
    i = 0
    while i < len(lines):
        header_columns = _header_columns(lines[i]) if "\t" in lines[i].text else None
        if header_columns is None:
            i += 1
            continue
        columns, scheduled = header_columns
        header_at, header, width = i, lines[i], len(lines[i].text.split("\t"))
        rows: list[tuple[dict[int, str], list[Line]]] = []
        i += 1
        while i < len(lines):
            cells = _row_cells(lines[i], header, width)
            if cells is None:
                break
            single = "\t" not in lines[i].text
            # a line in one column after the rows is the text below the table, unless it stands in a
            # later column (a wrapped cell, positioned) or goes on in lower case (a text export)
            if single and not (rows and (lines[i].text[:1].islower() or (header.cell_x0 and min(cells) > 0))):
                break
            if single or (rows and columns["action"] not in cells and header.cell_x0):
                # a wrapped cell ("… og om den" / "fremtidige finansiering …"): it continues the row above
                prev, prev_lines = rows[-1]
                for k, text in cells.items():
                    prev[k] = f"{prev[k]} {text}" if k in prev else text
                prev_lines.append(lines[i])
            else:
                rows.append((cells, [lines[i]]))
            i += 1
        tables.append(FollowupTable(header_at, columns, rows, scheduled))
    return tables


def mark_row_paragraphs(lines: list[Line], tables: list[FollowupTable]) -> None:
    """The header, each row and the line after the table start a paragraph."""
    for table in tables:
        lines[table.header_at].para_start = True
        for _cells, row_lines in table.rows:
            row_lines[0].para_start = True
        after = table.header_at + 1 + sum(len(row_lines) for _c, row_lines in table.rows)
        if after < len(lines):
            lines[after].para_start = True


def table_rows(tables: list[FollowupTable], ref: dt.date | None) -> list[TableRow]:
    """The rows of the tables with an action, their due dates read against the meeting date."""
    out: list[TableRow] = []
    for table in tables:
        columns = table.columns
        for cells, row_lines in table.rows:
            action = cells.get(columns["action"], "")
            if not action:
                continue
            due_text = cells.get(columns["due"], "") if "due" in columns else ""
            dates = find_dates(due_text, ref) if due_text else []
            owner = (cells.get(columns["owner"]) or None) if "owner" in columns else None
            out.append(TableRow(action=action, owner=owner, due_text=due_text,
                                due=dates[0].deadline_date if dates else None,
                                granularity=dates[0].granularity if dates else "day", lines=row_lines,
                                printed=" ".join(cells[k] for k in sorted(cells) if cells[k]),
                                scheduled=table.scheduled))
    return out


def rows_in(rows: list[TableRow], section) -> list[TableRow]:
    """The rows that stand inside a section."""
    return [row for row in rows if section.span.char_start <= row.lines[0].start < section.span.char_end]
