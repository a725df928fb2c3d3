"""Export the contract views (and v_ingest_errors) to Parquet or CSV, one file per view.

DuckDB's COPY writes the files itself, so Parquet keeps the column types (DATE stays DATE)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .warehouse import CONTRACT_VIEWS

EXPORTED_VIEWS = [*CONTRACT_VIEWS, "v_sections", "v_ingest_errors"]


def export_views(con: duckdb.DuckDBPyConnection, out: Path, fmt: str = "parquet") -> list[tuple[str, Path, int]]:
    out.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
    written = []
    for view in EXPORTED_VIEWS:
        path = out / f"{view}.{fmt}"
        con.execute(f"COPY (SELECT * FROM {view}) TO '{path.as_posix()}' ({options})")
        n = con.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
        written.append((view, path, n))
    return written
