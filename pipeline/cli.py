"""The `referater` command. Every subcommand does one thing; `referater COMMAND --help` shows
examples."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Sequence

DEFAULT_DB = "data/processed/referater.duckdb"

MAIN_HELP = """\
Turn Danish meeting minutes (referater) into a DuckDB warehouse you can query with SQL.

  referater ingest data/raw                      # read every PDF and text file in a folder
  referater info                                 # what is in the warehouse
  referater query "SELECT * FROM v_decisions"    # ask a question in SQL
  referater search ungementor                    # full-text search (Danish stemming)
  referater export --format parquet --out out/   # one file per view, for dashboards

The warehouse lives in data/processed/referater.duckdb unless you pass --db.
Views (contract v1): v_documents, v_attendees, v_items, v_decisions, v_deadlines,
v_action_items, v_entities; also v_sections and v_ingest_errors. See docs/warehouse.md.
"""


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="referater", description=MAIN_HELP, formatter_class=fmt)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="read minutes (PDF, text) into the warehouse", formatter_class=fmt,
                       description="Read minutes into the warehouse. Files already loaded (same content "
                                   "hash) are skipped; a file that cannot be read is recorded in "
                                   "v_ingest_errors with its reason and the batch goes on.",
                       epilog="examples:\n  referater ingest data/raw\n  referater ingest minutes/*.pdf --db my.duckdb --workers 2\n"
                              "  referater ingest data/raw --force --ner rules")
    p.add_argument("paths", nargs="+", help="files or folders (folders are searched for *.pdf and *.txt)")
    _add_db(p)
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: number of cores; 0 = in this process, for debugging)")
    p.add_argument("--force", action="store_true", help="re-read files even if their content is already loaded")
    p.add_argument("--ner", choices=["auto", "bundled", "dacy", "rules"], default="auto",
                   help="NER backend: bundled model (offline), DaCy (optional extra), rules only; auto picks the best available")
    p.add_argument("--dacy-model", default="small", choices=["small", "medium", "large"], help="DaCy model size")
    p.add_argument("--timeout", type=int, default=180, help="seconds allowed per document (default 180)")
    p.add_argument("--pdf-reader", choices=["pdfium", "pdfplumber"], default="pdfium",
                   help="PDF reader: pdfium (fast, default) or pdfplumber (same lines, ~8x slower)")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser("query", help="run SQL and print the result", formatter_class=fmt,
                       epilog="examples:\n  referater query \"SELECT body, meeting_date FROM v_documents\"\n"
                              "  referater query \"SELECT * FROM v_deadlines WHERE due_date >= current_date\" --csv > frister.csv")
    p.add_argument("sql", help="a SQL query against the views")
    _add_db(p)
    p.add_argument("--csv", action="store_true", help="CSV on stdout instead of a table")
    p.add_argument("--json", action="store_true", help="JSON lines on stdout")
    p.add_argument("--max-width", type=int, default=60, help="cut table cells at this width (table output only)")

    p = sub.add_parser("info", help="documents, items and rows per view")
    _add_db(p)

    p = sub.add_parser("search", help="full-text search in sections and decisions", formatter_class=fmt,
                       epilog="examples:\n  referater search ungementor\n  referater search \"takstfil modernisering\" --limit 5")
    p.add_argument("text", help="words to look for (Danish stemming: 'kommunerne' finds 'kommune')")
    _add_db(p)
    p.add_argument("--limit", type=int, default=10)

    p = sub.add_parser("export", help="write every view to Parquet or CSV files", formatter_class=fmt,
                       epilog="example:\n  referater export --format parquet --out exports/")
    p.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    p.add_argument("--out", required=True, help="folder to write to (created if missing)")
    _add_db(p)

    sub.add_parser("schema", help="print the JSON Schema of the record models")

    p = sub.add_parser("train-ner", help="retrain the bundled NER model on DaN+ (see models/)")
    p.add_argument("train_args", nargs=argparse.REMAINDER, help="arguments for python -m pipeline.train")
    return parser


def _console(stderr: bool = False):
    from rich.console import Console

    # soft_wrap: one line per message, so logs and pipes can be grepped
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .batch import run_batch
    from .ner.backends import BackendUnavailable, planned_backend
    from .process import PipelineConfig

    err = _console(stderr=True)
    config = PipelineConfig(ner=args.ner, dacy_model=args.dacy_model, timeout_s=args.timeout, pdf_reader=args.pdf_reader)
    try:
        backend_name = planned_backend(args.ner, args.dacy_model)
    except BackendUnavailable as exc:
        err.print(f"[red]error:[/red] {exc}")
        return 2
    if args.ner == "auto" and not args.quiet:
        err.print(f"NER backend: {backend_name}")
    show_bar = sys.stderr.isatty() and not args.quiet
    started = time.monotonic()
    progress = task = None
    if show_bar:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[pages]} pages"),
                            TimeRemainingColumn(), console=err, transient=True)
        progress.start()
        task = progress.add_task("ingest", total=None, pages=0)
    pages = 0

    def on_event(kind: str, payload: object) -> None:
        nonlocal pages
        if kind == "total" and progress is not None:
            progress.update(task, total=payload)
        elif kind == "loaded":
            pages += payload.n_pages  # type: ignore[attr-defined]
            if progress is not None:
                progress.update(task, advance=1, pages=pages)
            for warning in payload.warnings:  # type: ignore[attr-defined]
                (progress.console if progress is not None else err).print(
                    f"[yellow]warning[/yellow] {payload.source_path}: {warning}")  # type: ignore[attr-defined]
        elif kind == "failed":
            failure = payload
            line = f"[yellow]skipped[/yellow] {failure.source_path}: {failure.reason}"  # type: ignore[attr-defined]
            (progress.console if progress is not None else err).print(line)
            if progress is not None and progress.tasks[0].total is not None:
                progress.update(task, advance=1)

    try:
        report = run_batch(args.paths, args.db, config, workers=args.workers, force=args.force, on_event=on_event)
    except Exception as exc:  # noqa: BLE001
        if progress is not None:
            progress.stop()
        if args.debug:
            raise
        err.print(f"[red]error:[/red] {type(exc).__name__}: {exc} (run with --debug for details)")
        return 1
    finally:
        if progress is not None:
            progress.stop()
    secs = time.monotonic() - started
    err.print(f"loaded {len(report.loaded)}, unchanged {len(report.skipped) + len(report.duplicates)}, "
              f"failed {len(report.failed)} — {report.pages} pages in {secs:.1f} s → {args.db}")
    if report.search_index is False:
        err.print("[yellow]warning:[/yellow] the full-text search index could not be rebuilt (duckdb-extension-fts missing?)")
    nothing = not report.loaded and not report.skipped and not report.duplicates
    return 1 if nothing else 0


def _open(db: str, read_only: bool = True):
    from . import warehouse

    if not Path(db).exists():
        raise SystemExit(f"error: no warehouse at {db}; run `referater ingest PATH --db {db}` first")
    return warehouse.connect(db, read_only=read_only)


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    con = _open(args.db)
    try:
        cur = con.execute(args.sql)
    except duckdb.Error as exc:
        print(f"error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    if cur.description is None:
        return 0
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if args.csv:
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    elif args.json:
        for r in rows:
            print(json.dumps(dict(zip(cols, r)), ensure_ascii=False, default=str))
    else:
        _print_table(cols, rows, args.max_width)
    return 0


def _print_table(cols: list[str], rows: list[tuple], max_width: int) -> None:
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for c in cols:
        table.add_column(c, overflow="fold", max_width=max_width)
    for r in rows:
        table.add_row(*["" if v is None else str(v) for v in r])
    console = _console()
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def cmd_info(args: argparse.Namespace) -> int:
    from . import warehouse

    con = _open(args.db)
    counts = warehouse.view_counts(con)
    docs = con.execute("SELECT count(*), min(meeting_date), max(meeting_date), sum(n_pages) FROM documents").fetchone()
    console = _console()
    console.print(f"[bold]{args.db}[/bold]: {docs[0]} documents, {docs[3] or 0} pages, meetings {docs[1]} … {docs[2]}")
    _print_table(["view", "rows"], [(k, v) for k, v in counts.items()], 40)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .search import SearchUnavailable, search

    con = _open(args.db)
    try:
        hits = search(con, args.text, args.limit)
    except SearchUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not hits:
        print("no hits")
        return 0
    console = _console()
    for h in hits:
        console.print(f"[bold]{h['source_file']}[/bold] {h['meeting_date'] or ''} · punkt {h['item_number'] or '-'} "
                      f"{h['item_title'] or ''} · side {h['page']} · {h['source']}")
        console.print(f"    {h['snippet']}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_views

    con = _open(args.db)
    for view, path, n in export_views(con, Path(args.out), args.format):
        print(f"{view}: {n} rows → {path}")
    return 0


def cmd_schema(_: argparse.Namespace) -> int:
    from .models import DocumentRecord, IngestFailure

    schema = {"DocumentRecord": DocumentRecord.model_json_schema(), "IngestFailure": IngestFailure.model_json_schema()}
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from .train import main as train_main

    return train_main(args.train_args) or 0


COMMANDS = {"ingest": cmd_ingest, "query": cmd_query, "info": cmd_info, "search": cmd_search,
            "export": cmd_export, "schema": cmd_schema, "train-ner": cmd_train}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from . import __version__

        print(f"referater {__version__}")
        return 0
    if not args.command:
        parser.print_help()
        return 0
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
