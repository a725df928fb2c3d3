"""Batch robustness: bad files are recorded with a reason and the batch goes on; re-runs are
idempotent; the same content under two names is one document."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.batch import run_batch
from pipeline.process import PipelineConfig, process_bytes
from tests.conftest import RAW, TEXT

CONFIG = PipelineConfig(ner="rules")
GOOD = RAW / "004_bb815edab3661743.pdf"
SAMPLES = [str(RAW), str(TEXT)]  # three PDFs and their three text exports


def _pypdf():
    return pytest.importorskip("pypdf")


def make_encrypted_pdf(path: Path) -> None:
    pypdf = _pypdf()
    writer = pypdf.PdfWriter(clone_from=str(GOOD))
    writer.encrypt(user_password="hemmelig", owner_password="ejer")
    with open(path, "wb") as fh:
        writer.write(fh)


def make_image_only_pdf(path: Path) -> None:
    pypdf = _pypdf()
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    with open(path, "wb") as fh:
        writer.write(fh)


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.pdf")
    make_encrypted_pdf(folder / "encrypted.pdf")
    make_image_only_pdf(folder / "scanned.pdf")
    data = GOOD.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "not_a_pdf.pdf").write_bytes("Dette er ikke en PDF, bare tekst.\n".encode())
    text = (TEXT / "002_3388be411b985e9f.txt").read_text(encoding="utf-8")
    (folder / "latin1.txt").write_bytes(text.encode("cp1252", errors="replace"))
    (folder / "referat.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (folder / "pdf_named_txt.txt").write_bytes(GOOD.read_bytes() + b"\n% other copy\n")
    return folder


def test_bad_files_are_recorded_and_the_batch_goes_on(bad_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    report = run_batch([str(bad_folder), str(bad_folder / "referat.docx")], db, CONFIG, workers=1)
    assert sorted(Path(p).name for p in report.loaded) == ["good.pdf", "latin1.txt"]
    con = duckdb.connect(str(db), read_only=True)
    errors = dict(con.execute("SELECT source_file, reason FROM v_ingest_errors").fetchall())
    assert set(errors) == {"encrypted.pdf", "scanned.pdf", "truncated.pdf", "empty.pdf", "not_a_pdf.pdf",
                           "referat.docx", "pdf_named_txt.txt"}
    assert "rename it to .pdf" in errors["pdf_named_txt.txt"]
    assert "encrypted" in errors["encrypted.pdf"]
    assert errors["scanned.pdf"] == "no text layer: needs OCR"
    assert "truncated" in errors["truncated.pdf"] or "corrupt" in errors["truncated.pdf"]
    assert "0 bytes" in errors["empty.pdf"]
    assert "not a PDF" in errors["not_a_pdf.pdf"]
    assert "unsupported file type" in errors["referat.docx"]
    # the latin-1 text was decoded: Danish letters intact
    title = con.execute("SELECT title FROM v_items i JOIN v_documents d USING (doc_id) "
                        "WHERE d.source_file = 'latin1.txt' AND number = '1.3'").fetchone()[0]
    assert title == "Afklaring af ansvar og tilbud på specialundervisningsområdet"


def test_rerun_is_idempotent_and_skips_unchanged(tmp_path):
    db = tmp_path / "w.duckdb"
    first = run_batch(SAMPLES, db, CONFIG, workers=1)
    assert len(first.loaded) == 6
    con = duckdb.connect(str(db))
    counts = {v: con.execute(f"SELECT count(*) FROM {v}").fetchone()[0] for v in ("v_documents", "v_items", "v_attendees", "v_entities")}
    con.close()
    second = run_batch(SAMPLES, db, CONFIG, workers=1)
    assert second.loaded == [] and len(second.skipped) == 6
    forced = run_batch(SAMPLES, db, CONFIG, workers=1, force=True)
    assert len(forced.loaded) == 6
    con = duckdb.connect(str(db), read_only=True)
    assert counts == {v: con.execute(f"SELECT count(*) FROM {v}").fetchone()[0] for v in counts}


def test_same_content_under_two_names_is_one_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "a.pdf")
    shutil.copy(GOOD, folder / "kopi af a.pdf")
    db = tmp_path / "w.duckdb"
    run_batch([str(folder)], db, CONFIG, workers=1)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM v_documents").fetchone()[0] == 1
    names = {r[0] for r in con.execute("SELECT source_file FROM document_files").fetchall()}
    assert names == {"a.pdf", "kopi af a.pdf"}


def test_parallel_workers_give_the_same_warehouse(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run_batch([str(RAW)], one, CONFIG, workers=1)
    run_batch([str(RAW)], two, CONFIG, workers=2)
    q = "SELECT doc_id, number, title, category FROM v_items ORDER BY ALL"
    assert duckdb.connect(str(one), read_only=True).execute(q).fetchall() == duckdb.connect(str(two), read_only=True).execute(q).fetchall()


def test_a_pathological_document_times_out(monkeypatch):
    import pipeline.process as process

    def slow_reader(data: bytes):
        time.sleep(5)
        return []

    monkeypatch.setitem(process.PDF_READERS, "pdfium", slow_reader)
    result = process_bytes(GOOD.read_bytes(), "slow.pdf", PipelineConfig(ner="rules", timeout_s=1))
    assert result.stage == "timeout"
    assert "1 s" in result.reason


def test_killed_batch_rerun_equals_clean_run(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(12):  # distinct content: bytes after %%EOF do not change the PDF
        src = RAW / ("000_6712d68b0034b11f.pdf" if n % 2 else "002_3388be411b985e9f.pdf")
        (folder / f"m{n:02d}.pdf").write_bytes(src.read_bytes() + f"\n% copy {n}\n".encode())
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    cmd = [sys.executable, "-m", "pipeline.cli", "ingest", str(folder), "--db", str(killed), "--workers", "1", "--ner", "rules", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run_batch([str(folder)], clean, CONFIG, workers=1)
    q = "SELECT d.source_file, count(i.item_id) FROM v_documents d LEFT JOIN v_items i USING (doc_id) GROUP BY ALL ORDER BY ALL"
    assert duckdb.connect(str(killed), read_only=True).execute(q).fetchall() == duckdb.connect(str(clean), read_only=True).execute(q).fetchall()


def test_a_worker_that_dies_costs_only_its_own_file(tmp_path, monkeypatch):
    import pipeline.batch as batch
    from tests.crashing_worker import CRASH_MARKER, process_path_or_die

    monkeypatch.setattr(batch, "process_path", process_path_or_die)
    folder = tmp_path / "in"
    folder.mkdir()
    names = [f"m{n}.pdf" for n in range(4)] + [f"{CRASH_MARKER}.pdf"]
    for n, name in enumerate(names):  # distinct content: bytes after %%EOF do not change the PDF
        (folder / name).write_bytes(GOOD.read_bytes() + f"\n% copy {n}\n".encode())
    db = tmp_path / "w.duckdb"
    report = run_batch([str(folder)], db, CONFIG, workers=2)

    # the dead worker broke its pool; the files that pool still held were retried, not lost
    assert sorted(Path(p).name for p in report.loaded) == names[:4]
    assert [(f.source_file, f.stage) for f in report.failed] == [(f"{CRASH_MARKER}.pdf", "worker")]
    assert report.failed[0].reason.startswith("worker crashed")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM v_documents").fetchone()[0] == 4
    assert con.execute("SELECT source_file, stage FROM ingest_errors").fetchall() == [(f"{CRASH_MARKER}.pdf", "worker")]
    con.close()
    # the crash is recorded, not skipped: a re-run tries the file again (and the others are skipped)
    again = run_batch([str(folder)], db, CONFIG, workers=2)
    assert again.loaded == [] and len(again.skipped) == 4 and len(again.failed) == 1


@pytest.mark.parametrize(("name", "reason"), [
    ("unmapped.pdf", "text layer unreadable (fonts without a Unicode mapping): needs OCR"),
    ("garbled.pdf", "text layer garbled (a font with its own encoding): needs OCR"),
])
def test_a_text_layer_that_is_no_text_is_recorded_like_a_scan(name, reason):
    fixture = Path(__file__).resolve().parent / "fixtures" / "layouts" / name
    failure = process_bytes(fixture.read_bytes(), str(fixture), CONFIG)
    assert (failure.stage, failure.reason) == ("read", reason)


def test_scanned_pages_inside_a_text_pdf_are_a_warning_in_v_documents(tmp_path):
    pypdf = _pypdf()
    reader = pypdf.PdfReader(str(GOOD))
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[0])
    writer.add_blank_page(width=595, height=842)  # a scanned page has an image and no text
    writer.add_blank_page(width=595, height=842)
    for page in reader.pages[1:]:
        writer.add_page(page)
    path = tmp_path / "partly_scanned.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    db = tmp_path / "w.duckdb"
    report = run_batch([str(path)], db, CONFIG, workers=1)
    assert len(report.loaded) == 1
    con = duckdb.connect(str(db), read_only=True)
    warnings, n_pages = con.execute("SELECT warnings, n_pages FROM v_documents").fetchone()
    assert n_pages == len(reader.pages) + 2
    assert warnings == ["no text on page(s) 2-3: blank or scanned (needs OCR); their content is missing"]
    assert con.execute("SELECT count(*) FROM v_items").fetchone()[0] > 0  # the rest is read
