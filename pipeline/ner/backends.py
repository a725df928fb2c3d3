"""NER backends, chosen by name from a registry.

- ``bundled``: the spaCy pipeline we train on DaN+ and ship in ``models/`` (offline default).
- ``dacy``: a DaCy transformer model (optional extra ``referater[dacy]``), loaded with DaCy's own
  loader; it downloads the model from the Hugging Face hub on first use.
- ``rules``: no statistical model: gazetteers, the attendee list and date rules only.
- ``auto``: DaCy when it is installed and its model loads, else bundled, else rules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

BUNDLED_MODEL_NAME = "da_referater_ner"
DACY_MODELS = {
    "small": "da_dacy_small_trf-0.2.0",
    "medium": "da_dacy_medium_trf-0.2.0",
    "large": "da_dacy_large_trf-0.2.0",
}


class BackendUnavailable(Exception):
    """The asked-for backend cannot run here; the message says why and what to do."""


@dataclass(frozen=True)
class Backend:
    name: str
    nlp: Any = None  # a spaCy Language with an "ner" component, or None for rules only


def models_dir() -> Path:
    env = os.environ.get("REFERATER_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "models"


def _load_bundled(_: str) -> Backend:
    import spacy

    from . import lexicon  # noqa: F401  (registers the "referater_lexicon" factory the model uses)

    path = models_dir() / BUNDLED_MODEL_NAME
    if not (path / "meta.json").exists():
        raise BackendUnavailable(f"bundled NER model not found at {path}; retrain it with `python -m pipeline.train`")
    return Backend("bundled", spacy.load(path))


def _load_dacy(size: str) -> Backend:
    try:
        import dacy  # noqa: F401
    except ImportError as exc:
        raise BackendUnavailable("DaCy is not installed: pip install 'referater[dacy]' (needs internet for the model)") from exc
    model = DACY_MODELS.get(size, size)
    try:
        nlp = dacy.load(model)
    except Exception as exc:  # noqa: BLE001 - network, hub or version problems all mean "not here"
        raise BackendUnavailable(f"DaCy model {model} could not be loaded ({type(exc).__name__}: {str(exc)[:160]}); "
                                 "it is downloaded from the Hugging Face hub on first use") from exc
    return Backend(f"dacy:{size}", nlp)


def _load_rules(_: str) -> Backend:
    return Backend("rules", None)


LOADERS: dict[str, Callable[[str], Backend]] = {
    "bundled": _load_bundled,
    "dacy": _load_dacy,
    "rules": _load_rules,
}
AUTO_ORDER = ("dacy", "bundled", "rules")


def dacy_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("dacy") is not None


def planned_backend(name: str = "auto", dacy_model: str = "small") -> str:
    """The backend `resolve_backend` will try first, found without loading any model (the
    parent of a parallel batch only needs the name; its workers load the model)."""
    if name == "dacy":
        if not dacy_installed():
            raise BackendUnavailable("DaCy is not installed: pip install 'referater[dacy]' (needs internet for the model)")
        return f"dacy:{dacy_model}"
    if name == "bundled":
        if not (models_dir() / BUNDLED_MODEL_NAME / "meta.json").exists():
            raise BackendUnavailable(f"bundled NER model not found at {models_dir() / BUNDLED_MODEL_NAME}")
        return "bundled"
    if name == "rules":
        return "rules"
    if name != "auto":
        raise BackendUnavailable(f"unknown NER backend '{name}': choose one of auto, {', '.join(LOADERS)}")
    if dacy_installed():
        return f"dacy:{dacy_model}"
    return "bundled" if (models_dir() / BUNDLED_MODEL_NAME / "meta.json").exists() else "rules"


@lru_cache(maxsize=4)
def resolve_backend(name: str = "auto", dacy_model: str = "small") -> Backend:
    """The backend to use; ``auto`` tries DaCy only where it is installed, then falls back."""
    if name != "auto":
        if name not in LOADERS:
            raise BackendUnavailable(f"unknown NER backend '{name}': choose one of auto, {', '.join(LOADERS)}")
        return LOADERS[name](dacy_model)
    for candidate in AUTO_ORDER:
        if candidate == "dacy" and not dacy_installed():
            continue
        try:
            return LOADERS[candidate](dacy_model)
        except BackendUnavailable:
            continue
    return Backend("rules", None)
