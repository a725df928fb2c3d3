"""The analysis notebook runs top to bottom on the warehouse built from data/raw."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "analysis.ipynb"


def test_notebook_outputs_are_stripped_in_git():
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_notebook_executes(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from pipeline.batch import run_batch
    from pipeline.process import PipelineConfig

    db = tmp_path / "nb.duckdb"
    run_batch([str(NOTEBOOK.parents[1] / "data" / "raw")], db, PipelineConfig(ner="rules"), workers=1)
    monkeypatch.setenv("REFERATER_DB", str(db))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not any(o.get("output_type") == "error" for o in outputs)
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "DASSOS" in text and "DAS Social" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)
