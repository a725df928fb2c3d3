"""Shared fixtures: the bundled sample minutes in data/raw (and their text exports), processed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
# Text exports of the same three minutes (agenda systems publish both): the text path is tested
# on them, but they are not bundled in data/raw, where they would count every meeting twice.
TEXT = Path(__file__).resolve().parent / "fixtures" / "text"
STEMS = ["000_6712d68b0034b11f", "002_3388be411b985e9f", "004_bb815edab3661743"]


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def records():
    """Every sample processed as PDF and as text, keyed by file name."""
    from pipeline.process import PipelineConfig, process_path

    config = PipelineConfig(ner="rules")
    out = {}
    for stem in STEMS:
        for suffix in (".pdf", ".txt"):
            rec = process_path(str((RAW if suffix == ".pdf" else TEXT) / f"{stem}{suffix}"), config)
            assert type(rec).__name__ == "DocumentRecord", getattr(rec, "reason", rec)
            out[f"{stem}{suffix}"] = rec
    return out
