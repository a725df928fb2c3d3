"""Throughput and memory of the whole pipeline against pdfplumber's plain text extraction.

Builds a corpus from the bundled sample PDFs (distinct content per copy; every tenth document is
the three samples merged and repeated to 100+ pages), then prints:
- pages/s of plain pdfplumber ``extract_text`` (one process, ``page.close()`` per page),
- pages/s of ``referater ingest`` with 1 and with 2 workers (fresh warehouse each time),
- peak RSS of an ingest of 10 versus all documents (the largest single process: the writing
  parent, a worker or the search-index build),
and as its last line ``ratio_vs_pdfplumber=X speedup_2w=Y rss_ratio=Z``.

    python benchmarks/throughput.py [--docs 200] [--baseline-docs 30] [--ner auto]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


def build_corpus(folder: Path, n_docs: int) -> int:
    """Write n_docs distinct PDFs into folder; returns the total page count."""
    from pypdf import PdfReader, PdfWriter

    samples = sorted(RAW.glob("*.pdf"))
    big = PdfWriter()
    while len(big.pages) < 100:
        for s in samples:
            big.append(PdfReader(str(s)))
    buf = io.BytesIO()
    big.write(buf)
    big_bytes = buf.getvalue()
    pages = 0
    counts = {s: len(PdfReader(str(s)).pages) for s in samples}
    for n in range(n_docs):
        if n % 10 == 9:
            data, npages = big_bytes, len(big.pages)
        else:
            s = samples[n % len(samples)]
            data, npages = s.read_bytes(), counts[s]
        # bytes after %%EOF keep the PDF valid and make the content hash distinct
        (folder / f"doc_{n:04d}.pdf").write_bytes(data + f"\n% copy {n}\n".encode())
        pages += npages
    return pages


def pdfplumber_rate(files: list[Path]) -> float:
    import pdfplumber

    pages = 0
    start = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages / (time.perf_counter() - start)


def ingest(folder: Path, workers: int, ner: str) -> dict:
    """Run `referater ingest` in a child process; wall time and the peak RSS of its largest process."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        probe = (
            "import ctypes, os, resource, subprocess, sys, time, json\n"
            # Workers are children of the forkserver, which outlives `referater ingest` by a moment
            # and is never reaped by it: as a subreaper this probe inherits and reaps them, so
            # ru_maxrss covers every process of the ingest (parent, workers, index build).
            "if sys.platform == 'linux': ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)\n"
            f"cmd = [sys.executable, '-m', 'pipeline.cli', 'ingest', {str(folder)!r}, '--db', {str(db)!r}, "
            f"'--workers', '{workers}', '--ner', {ner!r}, '-q']\n"
            "t = time.perf_counter(); subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)\n"
            "secs = time.perf_counter() - t\n"
            "while True:\n"
            "    try: os.waitpid(-1, 0)\n"
            "    except ChildProcessError: break\n"
            "print(json.dumps({'secs': secs, "
            "'max_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
        )
        out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        result["pages"] = con.execute("SELECT coalesce(sum(n_pages), 0) FROM documents").fetchone()[0]
        result["docs"] = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        con.close()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--baseline-docs", type=int, default=30, help="documents timed with plain pdfplumber (a rate)")
    ap.add_argument("--ner", default="auto")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        total_pages = build_corpus(corpus, a.docs)
        files = sorted(corpus.glob("*.pdf"))
        print(f"corpus: {len(files)} documents, {total_pages} pages")
        base = pdfplumber_rate(files[: a.baseline_docs])
        print(f"pdfplumber extract_text: {base:.1f} pages/s (first {a.baseline_docs} documents)")
        one = ingest(corpus, 1, a.ner)
        rate1 = one["pages"] / one["secs"]
        print(f"referater ingest, 1 worker: {rate1:.1f} pages/s ({one['docs']} documents, {one['pages']} pages, "
              f"{one['secs']:.1f} s, peak RSS {one['max_rss_mb']:.0f} MB)")
        two = ingest(corpus, 2, a.ner)
        rate2 = two["pages"] / two["secs"]
        print(f"referater ingest, 2 workers: {rate2:.1f} pages/s ({two['secs']:.1f} s)")
        small = Path(tmp) / "small"
        small.mkdir()
        for f in files[:10]:
            (small / f.name).write_bytes(f.read_bytes())
        rss10 = ingest(small, 1, a.ner)["max_rss_mb"]
        print(f"peak RSS (largest process), 1 worker: {rss10:.0f} MB for 10 documents, {one['max_rss_mb']:.0f} MB for {len(files)}")
    print(f"ratio_vs_pdfplumber={rate1 / base:.2f} speedup_2w={rate2 / rate1:.2f} rss_ratio={one['max_rss_mb'] / rss10:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
