"""Full-text search over section texts and decisions, with Danish stemming.

DuckDB's ``INSTALL fts`` downloads from the internet; we install the extension file that the
PyPI package ``duckdb-extension-fts`` ships instead (it is built for duckdb 1.5.5, which is why
duckdb is pinned). The index does not follow inserts, so it is rebuilt after every ingest.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

CORPUS_SQL = """
CREATE OR REPLACE TABLE search_corpus AS
SELECT row_number() OVER () AS key, * FROM (
    SELECT s.doc_id, s.item_id, s.item_number, 'section:' || s.kind AS source, s.text, s.page, s.char_start
    FROM sections s WHERE length(trim(s.text)) > 0
    UNION ALL
    SELECT d.doc_id, d.item_id, d.item_number, 'decision:' || d.kind, d.text, d.page, d.char_start
    FROM decisions d
    UNION ALL
    SELECT i.doc_id, i.item_id, i.number, 'title', i.title, i.page, i.char_start FROM items i
)
"""


INDEX_MEMORY_LIMIT = "32MB"


class SearchUnavailable(Exception):
    pass


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("LOAD fts")
        return
    except duckdb.Error:
        pass
    try:
        import duckdb_extension_fts
    except ImportError as exc:
        raise SearchUnavailable("the fts extension is missing: pip install duckdb-extension-fts==1.5.5") from exc
    version = duckdb.__version__
    path = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{version}" / "fts.duckdb_extension"
    if not path.exists():
        raise SearchUnavailable(f"no fts extension for duckdb {version} in duckdb-extension-fts; pin duckdb to its version")
    con.execute(f"INSTALL '{path}'")
    con.execute("LOAD fts")


def rebuild_index_in_subprocess(db_path: str | Path) -> bool:
    """Rebuild in a short-lived process: building an inverted index takes memory in proportion
    to the corpus, and a batch parent that keeps it would grow with every run."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pipeline.search", "--rebuild", str(db_path)],
                          capture_output=True, text=True)
    return done.returncode == 0 and done.stdout.strip() == "ok"


def rebuild_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild the search table and its Danish-stemmed index; False if FTS is unavailable."""
    con.execute(CORPUS_SQL)
    try:
        load_fts(con)
    except (SearchUnavailable, duckdb.Error):
        return False
    con.execute("PRAGMA create_fts_index('search_corpus', 'key', 'text', stemmer='danish', "
                "stopwords='none', ignore='(\\.|[^a-zæøåéü0-9])+', strip_accents=0, lower=1, overwrite=1)")
    return True


SEARCH_SQL = """
WITH hits AS (
    SELECT key, fts_main_search_corpus.match_bm25(key, ?) AS score FROM search_corpus
)
SELECT d.source_file, d.meeting_date, c.item_number, i.title AS item_title, c.source, c.page,
       c.text, h.score, c.doc_id, c.item_id
FROM hits h JOIN search_corpus c USING (key)
JOIN documents d ON d.doc_id = c.doc_id
LEFT JOIN items i ON i.item_id = c.item_id
WHERE h.score IS NOT NULL
ORDER BY h.score DESC
LIMIT ?
"""


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> list[dict]:
    load_fts(con)
    try:
        cur = con.execute(SEARCH_SQL, [query, limit])
    except duckdb.CatalogException as exc:
        raise SearchUnavailable("no search index yet: run `referater ingest` first") from exc
    cols = [c[0] for c in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), query)
    return rows


def snippet(text: str, query: str, width: int = 160) -> str:
    """The part of the text around the first query word (or its stem's prefix)."""
    low = text.casefold()
    pos = -1
    for word in query.casefold().split():
        for probe in (word, word[: max(4, len(word) - 3)]):
            pos = low.find(probe)
            if pos >= 0:
                break
        if pos >= 0:
            break
    start = max(0, pos - width // 3) if pos >= 0 else 0
    piece = " ".join(text[start:start + width].split())
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(text) else "")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Rebuild the full-text index of a warehouse.")
    ap.add_argument("--rebuild", required=True, metavar="DB")
    args = ap.parse_args()
    # a bounded buffer pool (DuckDB spills past it) keeps the build's memory from growing with
    # the corpus; an index that cannot be built within it is built without the bound
    connection = duckdb.connect(args.rebuild, config={"memory_limit": INDEX_MEMORY_LIMIT, "threads": 1})
    try:
        built = rebuild_index(connection)
    except duckdb.OutOfMemoryException:
        connection.close()
        connection = duckdb.connect(args.rebuild)
        built = rebuild_index(connection)
    finally:
        connection.close()
    print("ok" if built else "fts unavailable")
