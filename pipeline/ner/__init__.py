"""Entities (persons, municipalities and regions, dates) with provenance, normalised.

`backends` chooses and loads a backend; `entities` holds the spaCy pipeline factory and the
entity finder. spaCy is imported only when entities are needed, so a batch parent that only
plans the backend stays small.
"""

from __future__ import annotations

from typing import Any

from .backends import Backend, BackendUnavailable, planned_backend, resolve_backend

__all__ = ["Backend", "BackendUnavailable", "build_pipeline", "find_entities", "planned_backend", "resolve_backend"]


def __getattr__(name: str) -> Any:
    if name in ("build_pipeline", "find_entities"):
        from . import entities

        return getattr(entities, name)
    raise AttributeError(name)
