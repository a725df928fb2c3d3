"""Pydantic models at the pipeline's boundaries.

A worker turns one file into one `DocumentRecord` (or an `IngestFailure`); the parent process
writes records to DuckDB. Everything an analyst sees in the warehouse is one of these models,
so `referater schema` prints their JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SectionKind = Literal[
    "indstilling", "referat", "sagsfremstilling", "baggrund", "resume", "orientering",
    "bemaerkninger", "bilag", "other",
]
Category = Literal["beslutning", "orientering", "kommende", "dialog"]
DecisionKind = Literal[
    "approved", "noted", "decided", "recommended", "agreed", "supported", "rejected",
    "postponed", "appointed",
]
DeadlineSection = Literal["referat", "indstilling", "sagsfremstilling"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")


class Span(_Model):
    """Where a fact sits in the cleaned document text (`DocumentRecord.text`)."""

    page: int | None = Field(None, description="1-based page number of the span's start")
    char_start: int = Field(description="offset into the cleaned document text")
    char_end: int


class Meeting(_Model):
    body: str | None = None
    date: dt.date | None = None
    start_time: str | None = Field(None, description="HH:MM, 24h")
    end_time: str | None = Field(None, description="HH:MM, 24h")
    location: str | None = None


class Attendee(_Model):
    name: str
    organization: str | None = None
    role: str | None = None
    status: Literal["present", "absent"] = "present"
    page: int | None = None


class Section(_Model):
    kind: SectionKind
    heading: str = Field(description="the heading as printed, e.g. 'Beslutning:'")
    text: str = Field(description="the section body, paragraphs separated by newlines")
    span: Span
    # offsets (into `text`) of paragraphs that are bullets or list points: a sentence never runs
    # into them, even when they start in lower case ("• at godkende planen")
    _point_starts: frozenset[int] = PrivateAttr(default_factory=frozenset)


class AgendaItem(_Model):
    item_id: str = Field(description="unique across the warehouse: <doc_id>:<number>")
    number: str = Field(description="as printed without trailing dot, e.g. '1.2' or '4'")
    title: str
    category: Category | None = None
    presenters: list[str] = Field(default_factory=list)
    ordinal: int = Field(description="position in the document, from 1")
    span: Span
    sections: list[Section] = Field(default_factory=list)


class Decision(_Model):
    item_number: str
    text: str
    kind: DecisionKind
    section: str
    sentence: str = Field(description="the source sentence, for checking")
    span: Span


class Deadline(_Model):
    item_number: str
    due_date: dt.date
    text: str
    section: DeadlineSection
    date_text: str = Field(description="the date expression as printed")
    granularity: str = "day"
    sentence: str
    span: Span


class ActionItem(_Model):
    item_number: str
    owner: str | None = None
    action: str
    due_date: dt.date | None = None
    sentence: str
    span: Span


class Entity(_Model):
    item_number: str | None = None
    label: str
    text: str
    normalized: str | None = None
    source: str = Field("rules", description="which component found it: model, gazetteer, attendees, rules")
    span: Span


class DocumentRecord(_Model):
    """Everything one source file yields: a pure function of (file bytes, configuration)."""

    doc_id: str = Field(description="first 16 hex digits of the content sha256")
    sha256: str
    source_file: str
    source_path: str
    file_type: Literal["pdf", "txt"]
    n_pages: int
    text: str = Field(description="cleaned full text; all offsets point into it")
    meeting: Meeting
    attendees: list[Attendee] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    pipeline_version: str
    ner_backend: str = "none"
    warnings: list[str] = Field(default_factory=list)


class IngestFailure(_Model):
    source_file: str
    source_path: str
    sha256: str | None = None
    stage: str = Field(description="read, structure, extract, load or timeout")
    reason: str
