"""Batch ingest: find files, skip what is loaded, process in workers, write in the parent.

Workers run `process.process_path` (a pure function of file bytes and configuration) and
return one record each; only this process opens DuckDB for writing, one transaction per
document. A batch killed half-way leaves only whole documents behind, so running it again
gives the same warehouse as a clean run.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .models import DocumentRecord, IngestFailure
from .process import SUPPORTED_SUFFIXES, PipelineConfig, process_path, sha256_of
from . import warehouse

TASKS_PER_WORKER = 100  # recycle workers: pdfplumber and spaCy keep caches that grow


@dataclass
class BatchReport:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    pages: int = 0
    search_index: bool | None = None  # rebuilt (True), failed (False), not needed (None)


@dataclass
class Job:
    path: str
    sha256: str | None
    size: int


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestFailure]]:
    """Files to ingest: folders are searched recursively for *.pdf and *.txt; a file named
    explicitly is taken whatever its suffix (and rejected with a reason if unsupported)."""
    files: list[Path] = []
    problems: list[IngestFailure] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        elif p.is_file():
            files.append(p)
        else:
            problems.append(IngestFailure(source_file=p.name, source_path=str(p), stage="read", reason="no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def _hash(path: Path) -> str | None:
    try:
        return sha256_of(path.read_bytes())
    except OSError:
        return None


def _run_pool(jobs: list[Job], n_workers: int, ctx, config: PipelineConfig,
              handle: Callable[[DocumentRecord | IngestFailure], None], retry: list[Job] | None) -> None:
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx) as pool:
        futures: dict[Future, Job] = {pool.submit(process_path, j.path, config): j for j in jobs}
        for fut in as_completed(futures):
            # drop our reference: a finished future keeps its record alive, and a pool's worth
            # of records (large ones first) would make the parent grow with the batch
            job = futures.pop(fut)
            try:
                result = fut.result()
            except BrokenProcessPool as exc:
                if retry is not None:
                    retry.append(job)
                    continue
                result = _crash(job, exc)
            except Exception as exc:  # noqa: BLE001
                result = _crash(job, exc)
            handle(result)


def _crash(job: Job, exc: BaseException) -> IngestFailure:
    p = Path(job.path)
    return IngestFailure(source_file=p.name, source_path=job.path, sha256=job.sha256, stage="worker",
                         reason=f"worker crashed: {type(exc).__name__}: {str(exc)[:160]}")


def run_batch(
    paths: Iterable[str | Path],
    db_path: str | Path,
    config: PipelineConfig | None = None,
    workers: int | None = None,
    force: bool = False,
    on_event: Callable[[str, object], None] | None = None,
) -> BatchReport:
    """Ingest files into the warehouse. `on_event(kind, payload)` reports progress:
    ('total', n), ('loaded', record), ('skipped', path), ('failed', failure)."""
    config = config or PipelineConfig()
    emit = on_event or (lambda kind, payload: None)
    report = BatchReport()
    files, problems = discover(paths)
    con = warehouse.connect(db_path)
    try:
        for failure in problems:
            warehouse.record_failure(con, failure)
            report.failed.append(failure)
            emit("failed", failure)
        known = warehouse.known_hashes(con)
        jobs: list[Job] = []
        claimed: dict[str, str] = {}
        duplicate_digests: dict[str, str] = {}  # path → digest of content queued under another name
        for f in files:
            digest = _hash(f)
            if digest and digest in known and not force:
                doc_id = digest[:16]
                warehouse.record_file(con, digest, doc_id, f.name, str(f))
                report.skipped.append(str(f))
                emit("skipped", str(f))
                continue
            if digest and digest in claimed:
                report.duplicates.append(str(f))
                duplicate_digests[str(f)] = digest
                emit("skipped", str(f))
                continue
            if digest:
                claimed[digest] = str(f)
            jobs.append(Job(str(f), digest, f.stat().st_size if f.exists() else 0))
        emit("total", len(jobs))

        def handle(result: DocumentRecord | IngestFailure) -> None:
            if isinstance(result, DocumentRecord):
                warehouse.load_document(con, result)
                report.loaded.append(result.source_path)
                report.pages += result.n_pages
            else:
                warehouse.record_failure(con, result)
                report.failed.append(result)
            emit("loaded" if isinstance(result, DocumentRecord) else "failed", result)

        # Even one worker, and even for one file, runs in its own process: the parent then holds
        # only DuckDB and the search index, the worker's memory (spaCy, page objects) is bounded
        # by recycling, and a file that crashes its process (a segfault in a C extension, the
        # out-of-memory killer) is recorded instead of taking the batch down with it.
        # workers=0 runs in this process (debugging: tracebacks, profilers).
        n_workers = (os.cpu_count() or 1) if workers is None else max(0, workers)
        if n_workers == 0:
            for job in jobs:
                handle(process_path(job.path, config))
        elif jobs:
            n_workers = min(n_workers, len(jobs))
            # biggest files first, so one large file does not finish last on its own
            jobs.sort(key=lambda j: -j.size)
            ctx = mp.get_context("forkserver" if sys.platform != "win32" else "spawn")
            # Workers are recycled by giving each pool a bounded share of the jobs (CPython 3.11's
            # max_tasks_per_child can deadlock when the last worker retires).
            chunk = TASKS_PER_WORKER * n_workers
            retry: list[Job] = []
            for first in range(0, len(jobs), chunk):
                _run_pool(jobs[first:first + chunk], n_workers, ctx, config, handle, retry)
            # a worker that died (segfault, out of memory) breaks its whole pool: the jobs it took
            # down are retried one per fresh worker, so only the culprit is reported
            for job in retry:
                _run_pool([job], 1, ctx, config, handle, None)
        loaded_ids = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        for dup_path, digest in duplicate_digests.items():
            if digest[:16] in loaded_ids:
                warehouse.record_file(con, digest, digest[:16], Path(dup_path).name, dup_path)
    finally:
        con.close()
    if report.loaded:
        from .search import rebuild_index_in_subprocess

        report.search_index = rebuild_index_in_subprocess(db_path)
    return report
