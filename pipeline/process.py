"""One file → one record. A pure function of (file bytes, configuration), so the local process
pool in `batch` can be swapped for a distributed executor without touching this module."""

from __future__ import annotations

import hashlib
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Literal

from pydantic import BaseModel, Field

from . import __version__
from .cleaning import clean_pages
from .models import DocumentRecord, IngestFailure
from .reading import ReadError, read_pdf, read_pdf_fast, read_text
from .structure import build_structure

FILE_TYPES = {".pdf": "pdf", ".txt": "txt"}
SUPPORTED_SUFFIXES = tuple(FILE_TYPES)
# pdfium gives the same positioned lines as pdfplumber at a fraction of the cost
# (tests/test_reading.py and tests/test_structure.py compare the two)
PDF_READERS = {"pdfium": read_pdf_fast, "pdfplumber": read_pdf}


class PipelineConfig(BaseModel):
    ner: Literal["auto", "bundled", "dacy", "rules"] = Field(
        "auto", description="NER backend: bundled model, DaCy (optional extra), rules only, or auto")
    dacy_model: str = Field("small", description="DaCy model size when ner=dacy: small, medium or large")
    timeout_s: int = Field(180, description="per-document time limit in seconds")
    pdf_reader: Literal["pdfium", "pdfplumber"] = Field("pdfium", description="PDF text reader")


class DocumentTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """SIGALRM-based limit: works in a worker's main thread, guards against pathological files."""
    if seconds <= 0 or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _raise(signum, frame):  # noqa: ARG001
        raise DocumentTimeout(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def process_bytes(data: bytes, source_path: str, config: PipelineConfig | None = None) -> DocumentRecord | IngestFailure:
    config = config or PipelineConfig()
    path = Path(source_path)
    digest = sha256_of(data)
    base = {"source_file": path.name, "source_path": source_path, "sha256": digest}
    suffix = path.suffix.lower()
    if suffix not in FILE_TYPES:
        return IngestFailure(**base, stage="read", reason=f"unsupported file type '{suffix or '(none)'}': referater reads .pdf and .txt")
    if not data:
        return IngestFailure(**base, stage="read", reason="empty file (0 bytes)")
    file_type = FILE_TYPES[suffix]
    reader = PDF_READERS[config.pdf_reader] if file_type == "pdf" else read_text
    stage = "read"
    try:
        with time_limit(config.timeout_s):
            pages = reader(data)
            stage = "structure"
            lines, n_pages = clean_pages(pages, positioned=file_type == "pdf")
            if not lines:
                return IngestFailure(**base, stage="read", reason="no text found" if file_type == "txt" else "no text layer: needs OCR")
            doc_id = digest[:16]
            structure = build_structure(lines, doc_id)
            stage = "extract"
            from .extract import extract_facts
            from .ner import find_entities, resolve_backend

            facts = extract_facts(structure)
            backend = resolve_backend(config.ner, config.dacy_model)
            entities = find_entities(structure, backend)
    except ReadError as exc:
        return IngestFailure(**base, stage=exc.stage, reason=exc.reason)
    except DocumentTimeout as exc:
        return IngestFailure(**base, stage="timeout", reason=f"gave up at stage '{stage}': {exc}")
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a batch
        return IngestFailure(**base, stage=stage, reason=f"{type(exc).__name__}: {str(exc)[:200]}")
    warnings = []
    if not structure.items:
        warnings.append("no agenda items found")
    textless = [p.number for p in pages if not p.lines]
    if file_type == "pdf" and textless:
        warnings.append(f"no text on page(s) {_ranges(textless)}: blank or scanned (needs OCR); their content is missing")
    return DocumentRecord(
        doc_id=doc_id, sha256=digest, source_file=path.name, source_path=source_path,
        file_type=file_type, n_pages=n_pages, text=structure.text, meeting=structure.meeting,
        attendees=structure.attendees, items=structure.items, decisions=facts.decisions,
        deadlines=facts.deadlines, action_items=facts.action_items, entities=entities,
        pipeline_version=__version__, ner_backend=backend.name, warnings=warnings,
    )


def _ranges(numbers: list[int]) -> str:
    """[2, 3, 4, 7] → '2-4, 7'"""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def process_path(source_path: str, config: PipelineConfig | None = None) -> DocumentRecord | IngestFailure:
    try:
        data = Path(source_path).read_bytes()
    except OSError as exc:
        return IngestFailure(source_file=Path(source_path).name, source_path=source_path, stage="read",
                             reason=f"cannot open file: {exc.strerror or exc}")
    return process_bytes(data, source_path, config)
