"""Facts from a document's structure: decisions, deadlines and action items.

Rule-based and table-driven: the Danish vocabulary lives in `patterns.py`; `decisions.py`,
`deadlines.py` and `actions.py` each apply one family of patterns to the item sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import ActionItem, Deadline, Decision
from .actions import find_actions
from .deadlines import find_deadlines
from .decisions import classify, find_decisions

__all__ = ["Facts", "extract_facts", "classify", "find_actions", "find_deadlines", "find_decisions"]


@dataclass
class Facts:
    decisions: list[Decision] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)


def extract_facts(structure) -> Facts:
    """Decisions (outcome sections), deadlines (any section) and action items (outcome sections)."""
    return Facts(
        decisions=find_decisions(structure),
        deadlines=find_deadlines(structure),
        action_items=find_actions(structure),
    )
