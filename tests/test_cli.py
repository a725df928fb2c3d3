"""The `referater` command end to end on the bundled samples: ingest, query, info, search,
export and schema."""

from __future__ import annotations

import json

import duckdb
import pytest

from pipeline.cli import main
from tests.conftest import RAW


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "w.duckdb"
    assert main(["ingest", str(RAW), "--db", str(path), "--workers", "1", "--ner", "rules", "-q"]) == 0
    return path


def test_ingest_reports_and_skips_unchanged(db, capsys):
    assert main(["ingest", str(RAW), "--db", str(db), "--workers", "1", "--ner", "rules", "-q"]) == 0
    assert "loaded 0, unchanged 3, failed 0" in capsys.readouterr().err


def test_ingest_of_only_bad_files_exits_non_zero(tmp_path, capsys):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf")
    assert main(["ingest", str(bad), "--db", str(tmp_path / "w.duckdb"), "--ner", "rules", "-q"]) == 1
    err = capsys.readouterr().err
    assert "x.pdf" in err and "not a PDF" in err and "Traceback" not in err


def test_ingest_prints_a_documents_warnings(tmp_path, capsys):
    minutes = tmp_path / "noter.txt"
    minutes.write_text("Referat\nNetværket\nDato: 3. april 2024\n\nVi talte om budgettet.\n", encoding="utf-8")
    assert main(["ingest", str(minutes), "--db", str(tmp_path / "w.duckdb"), "--ner", "rules", "-q"]) == 0
    err = capsys.readouterr().err
    assert "noter.txt: no agenda items found" in err and "loaded 1" in err


def test_query_csv(db, capsys):
    assert main(["query", "SELECT body, meeting_date FROM v_documents WHERE source_file LIKE '%.pdf' ORDER BY meeting_date",
                 "--db", str(db), "--csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["body,meeting_date", "DASSOS,2021-05-04", "DASSOS,2021-11-25", "DAS Social,2022-01-28"]


def test_query_error_is_one_line(db, capsys):
    assert main(["query", "SELECT nope FROM v_items", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1


def test_info(db, capsys):
    assert main(["info", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "3 documents" in out and "v_items" in out


def test_search_finds_the_ungementor_items_with_page_and_snippet(db, capsys):
    assert main(["search", "ungementor", "--db", str(db), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "punkt 1.5 Tilslutning til ny aftaleperiode" in out
    assert "side " in out and "Ungementor" in out


def test_search_uses_danish_stemming(db):
    from pipeline.search import search

    con = duckdb.connect(str(db), read_only=True)
    hits = search(con, "kommunerne", 50)
    assert any("kommune" in h["snippet"].lower() for h in hits)


def test_export_reads_back_with_the_same_row_counts(db, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "--format", "parquet", "--out", str(out), "--db", str(db)]) == 0
    con = duckdb.connect(str(db), read_only=True)
    for view in ("v_documents", "v_items", "v_attendees", "v_entities", "v_decisions", "v_ingest_errors"):
        n = con.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
        assert duckdb.sql(f"SELECT count(*) FROM '{out / (view + '.parquet')}'").fetchone()[0] == n
    types = dict(duckdb.sql(f"DESCRIBE SELECT * FROM '{out / 'v_documents.parquet'}'").fetchall() and
                 [(r[0], r[1]) for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{out / 'v_documents.parquet'}'").fetchall()])
    assert types["meeting_date"] == "DATE"
    assert main(["export", "--format", "csv", "--out", str(out), "--db", str(db)]) == 0
    assert (out / "v_items.csv").read_text(encoding="utf-8").startswith("doc_id,item_id,number,title,category")


def test_schema_is_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "meeting" in schema["DocumentRecord"]["properties"]
    assert schema["IngestFailure"]["properties"]["reason"]["type"] == "string"


def test_help_teaches(capsys):
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "--workers" in out
