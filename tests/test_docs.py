"""docs/warehouse.md must describe every view column that exists, and nothing that does not."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from pipeline import warehouse

DOC = Path(__file__).resolve().parents[1] / "docs" / "warehouse.md"


def documented_columns() -> dict[str, list[tuple[str, str]]]:
    views: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^## (v_\w+)\s*$", line)
        if m:
            current = views.setdefault(m.group(1), [])
            continue
        m = re.match(r"^- `(\w+)` \(([A-Z\[\]]+)\): ", line)
        if m and current is not None:
            current.append((m.group(1), m.group(2)))
    return views


@pytest.fixture(scope="module")
def schema():
    con = duckdb.connect()
    warehouse.ensure_schema(con)
    out = {}
    for view in warehouse.VIEWS:
        rows = con.execute(f"DESCRIBE {view}").fetchall()
        out[view] = [(r[0], r[1]) for r in rows]
    return out


def test_every_view_is_documented(schema):
    assert set(documented_columns()) == set(schema)


@pytest.mark.parametrize("view", list(warehouse.VIEWS))
def test_documented_columns_match_the_schema(schema, view):
    assert documented_columns()[view] == schema[view]


def test_contract_views_have_the_v1_columns(schema):
    contract = {
        "v_documents": ["doc_id", "source_file", "body", "meeting_date", "start_time", "end_time", "location"],
        "v_attendees": ["doc_id", "name", "organization", "role", "status"],
        "v_items": ["doc_id", "item_id", "number", "title", "category"],
        "v_decisions": ["doc_id", "item_id", "item_number", "text", "kind"],
        "v_deadlines": ["doc_id", "item_id", "item_number", "due_date", "text", "section"],
        "v_action_items": ["doc_id", "item_id", "item_number", "owner", "action", "due_date"],
        "v_entities": ["doc_id", "item_id", "label", "text", "normalized"],
        "v_ingest_errors": ["source_file", "sha256", "stage", "reason", "at"],
    }
    for view, cols in contract.items():
        names = [c for c, _ in schema[view]]
        assert names[: len(cols)] == cols, view
    types = dict(schema["v_documents"])
    assert types["meeting_date"] == "DATE"
    assert dict(schema["v_deadlines"])["due_date"] == "DATE"
