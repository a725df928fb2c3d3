"""The DuckDB warehouse: internal tables, the contract views (v1) and loading.

Only the parent process opens the database read-write (DuckDB allows one writer per file).
Each document is loaded in one transaction: its old rows are deleted by `doc_id` and the new
ones inserted from Arrow tables, so a re-run replaces and never duplicates.

The `v_*` views are the stable contract that dashboards and the scorer query; internal tables
may change, the views may only gain columns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pyarrow as pa

from .models import DocumentRecord, IngestFailure

CONTRACT_VERSION = "v1"
# Measured on 800 documents loaded one transaction each: at 24 MB the buffer pool thrashes after
# the first checkpoint (every COMMIT re-reads blocks: 2x the CPU, and no smaller RSS); 64 MB
# keeps commits at a few milliseconds. The bound keeps the writer from growing with the batch.
WRITER_MEMORY_LIMIT = "64MB"

TABLES: dict[str, str] = {
    # doc_id is unique by construction (load_document replaces a document inside one transaction
    # and one process writes); a PRIMARY KEY's index made every commit dearer as the table grew
    "documents": """
        doc_id VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, source_file VARCHAR, source_path VARCHAR,
        file_type VARCHAR, n_pages INTEGER, body VARCHAR, meeting_date DATE, start_time VARCHAR,
        end_time VARCHAR, location VARCHAR, text VARCHAR, pipeline_version VARCHAR,
        ner_backend VARCHAR, warnings VARCHAR[], ingested_at TIMESTAMP""",
    "document_files": """
        sha256 VARCHAR, doc_id VARCHAR, source_file VARCHAR, source_path VARCHAR, seen_at TIMESTAMP""",
    "attendees": """
        doc_id VARCHAR, ordinal INTEGER, name VARCHAR, organization VARCHAR, role VARCHAR,
        status VARCHAR, page INTEGER""",
    "items": """
        doc_id VARCHAR, item_id VARCHAR, ordinal INTEGER, number VARCHAR, title VARCHAR,
        category VARCHAR, presenters VARCHAR[], page INTEGER, char_start INTEGER, char_end INTEGER""",
    "sections": """
        doc_id VARCHAR, item_id VARCHAR, item_number VARCHAR, ordinal INTEGER, kind VARCHAR,
        heading VARCHAR, text VARCHAR, page INTEGER, char_start INTEGER, char_end INTEGER""",
    "decisions": """
        doc_id VARCHAR, item_id VARCHAR, item_number VARCHAR, text VARCHAR, kind VARCHAR,
        section VARCHAR, sentence VARCHAR, page INTEGER, char_start INTEGER, char_end INTEGER""",
    "deadlines": """
        doc_id VARCHAR, item_id VARCHAR, item_number VARCHAR, due_date DATE, text VARCHAR,
        section VARCHAR, date_text VARCHAR, granularity VARCHAR, sentence VARCHAR, page INTEGER,
        char_start INTEGER, char_end INTEGER""",
    "action_items": """
        doc_id VARCHAR, item_id VARCHAR, item_number VARCHAR, owner VARCHAR, action VARCHAR,
        due_date DATE, sentence VARCHAR, page INTEGER, char_start INTEGER, char_end INTEGER""",
    "entities": """
        doc_id VARCHAR, item_id VARCHAR, label VARCHAR, text VARCHAR, normalized VARCHAR,
        source VARCHAR, page INTEGER, char_start INTEGER, char_end INTEGER""",
    "ingest_errors": """
        source_file VARCHAR, source_path VARCHAR, sha256 VARCHAR, stage VARCHAR, reason VARCHAR,
        "at" TIMESTAMP""",
}

DOC_TABLES = ["attendees", "items", "sections", "decisions", "deadlines", "action_items", "entities"]

VIEWS: dict[str, str] = {
    "v_documents": """
        SELECT doc_id, source_file, body, meeting_date, start_time, end_time, location,
               sha256, file_type, n_pages, warnings, ingested_at
        FROM documents""",
    "v_attendees": """
        SELECT doc_id, name, organization, role, status, ordinal, page FROM attendees""",
    "v_items": """
        SELECT doc_id, item_id, number, title, category, ordinal, presenters, page, char_start, char_end
        FROM items""",
    "v_sections": """
        SELECT doc_id, item_id, item_number, kind, heading, text, ordinal, page, char_start, char_end
        FROM sections""",
    "v_decisions": """
        SELECT doc_id, item_id, item_number, text, kind, section, sentence, page, char_start, char_end
        FROM decisions""",
    "v_deadlines": """
        SELECT doc_id, item_id, item_number, due_date, text, section, date_text, granularity,
               sentence, page, char_start, char_end
        FROM deadlines""",
    "v_action_items": """
        SELECT doc_id, item_id, item_number, owner, action, due_date, sentence, page, char_start, char_end
        FROM action_items""",
    "v_entities": """
        SELECT doc_id, item_id, label, text, normalized, source, page, char_start, char_end
        FROM entities""",
    "v_ingest_errors": """
        SELECT source_file, sha256, stage, reason, "at", source_path FROM ingest_errors""",
}
CONTRACT_VIEWS = ["v_documents", "v_attendees", "v_items", "v_decisions", "v_deadlines", "v_action_items", "v_entities"]


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    # a bounded buffer pool keeps the writer's memory flat over long batches (DuckDB spills
    # to disk past it); the parent process must stay small while workers do the heavy work
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    # one thread: a document's inserts are small, and every extra thread keeps its own malloc
    # arena that the parent carries for the rest of the batch
    con = duckdb.connect(str(path), config={"memory_limit": WRITER_MEMORY_LIMIT, "threads": 1})
    ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    for name, sql in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('contract_version', ?)", [CONTRACT_VERSION])


def known_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT sha256 FROM documents").fetchall()}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    arrow_rows = pa.Table.from_pylist(rows)
    con.register("_rows", arrow_rows)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def _span_cols(span) -> dict[str, Any]:
    return {"page": span.page, "char_start": span.char_start, "char_end": span.char_end}


def document_rows(rec: DocumentRecord) -> dict[str, list[dict[str, Any]]]:
    """The record as rows per internal table."""
    item_ids = {it.number: it.item_id for it in rec.items}
    d = rec.doc_id
    rows: dict[str, list[dict[str, Any]]] = {
        "attendees": [
            {"doc_id": d, "ordinal": n, **a.model_dump(include={"name", "organization", "role", "status", "page"})}
            for n, a in enumerate(rec.attendees, 1)
        ],
        "items": [
            {"doc_id": d, "item_id": it.item_id, "ordinal": it.ordinal, "number": it.number, "title": it.title,
             "category": it.category, "presenters": it.presenters, **_span_cols(it.span)}
            for it in rec.items
        ],
        "sections": [
            {"doc_id": d, "item_id": it.item_id, "item_number": it.number, "ordinal": n, "kind": s.kind,
             "heading": s.heading, "text": s.text, **_span_cols(s.span)}
            for it in rec.items for n, s in enumerate(it.sections, 1)
        ],
        "decisions": [
            {"doc_id": d, "item_id": item_ids.get(x.item_number), "item_number": x.item_number, "text": x.text,
             "kind": x.kind, "section": x.section, "sentence": x.sentence, **_span_cols(x.span)}
            for x in rec.decisions
        ],
        "deadlines": [
            {"doc_id": d, "item_id": item_ids.get(x.item_number), "item_number": x.item_number,
             "due_date": x.due_date, "text": x.text, "section": x.section, "date_text": x.date_text,
             "granularity": x.granularity, "sentence": x.sentence, **_span_cols(x.span)}
            for x in rec.deadlines
        ],
        "action_items": [
            {"doc_id": d, "item_id": item_ids.get(x.item_number), "item_number": x.item_number, "owner": x.owner,
             "action": x.action, "due_date": x.due_date, "sentence": x.sentence, **_span_cols(x.span)}
            for x in rec.action_items
        ],
        "entities": [
            {"doc_id": d, "item_id": item_ids.get(x.item_number) if x.item_number else None, "label": x.label,
             "text": x.text, "normalized": x.normalized, "source": x.source, **_span_cols(x.span)}
            for x in rec.entities
        ],
    }
    return rows


def load_document(con: duckdb.DuckDBPyConnection, rec: DocumentRecord) -> None:
    """Replace everything known about this content hash, in one transaction."""
    now = dt.datetime.now()
    con.execute("BEGIN TRANSACTION")
    try:
        # deletes scan whole tables: only pay for them when this content was loaded before
        if con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [rec.doc_id]).fetchone()[0]:
            for table in DOC_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [rec.doc_id])
            con.execute("DELETE FROM documents WHERE doc_id = ?", [rec.doc_id])
        m = rec.meeting
        _insert(con, "documents", [{
            "doc_id": rec.doc_id, "sha256": rec.sha256, "source_file": rec.source_file,
            "source_path": rec.source_path, "file_type": rec.file_type, "n_pages": rec.n_pages,
            "body": m.body, "meeting_date": m.date, "start_time": m.start_time, "end_time": m.end_time,
            "location": m.location, "text": rec.text, "pipeline_version": rec.pipeline_version,
            "ner_backend": rec.ner_backend, "warnings": rec.warnings, "ingested_at": now,
        }])
        for table, rows in document_rows(rec).items():
            _insert(con, table, rows)
        record_file(con, rec.sha256, rec.doc_id, rec.source_file, rec.source_path, now)
        # a file that loads now is no longer an error (it was fixed or replaced)
        con.execute("DELETE FROM ingest_errors WHERE source_path = ?", [rec.source_path])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def record_file(con: duckdb.DuckDBPyConnection, sha256: str, doc_id: str, source_file: str,
                source_path: str, when: dt.datetime | None = None) -> None:
    """Remember that this file name holds this content (the same minutes are often saved twice)."""
    con.execute("DELETE FROM document_files WHERE sha256 = ? AND source_path = ?", [sha256, source_path])
    con.execute("INSERT INTO document_files VALUES (?, ?, ?, ?, ?)",
                [sha256, doc_id, source_file, source_path, when or dt.datetime.now()])


def record_failure(con: duckdb.DuckDBPyConnection, failure: IngestFailure) -> None:
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM ingest_errors WHERE source_path = ?", [failure.source_path])
    con.execute("INSERT INTO ingest_errors VALUES (?, ?, ?, ?, ?, ?)",
                [failure.source_file, failure.source_path, failure.sha256, failure.stage, failure.reason, dt.datetime.now()])
    con.execute("COMMIT")


def view_counts(con: duckdb.DuckDBPyConnection, views: Iterable[str] = VIEWS) -> dict[str, int]:
    return {v: con.execute(f"SELECT count(*) FROM {v}").fetchone()[0] for v in views}
