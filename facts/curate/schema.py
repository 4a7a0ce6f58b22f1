"""The schema of the curated files people write beside the articles.

`sources.yaml` maps an article's file name to what the text itself states
about it (title, outlet or byline, date). `claims.yaml` holds curated claims
(an exact quote of one article), curated conflicts between them, and
corrections of the automatic output. Every model forbids unknown keys, so a
typo is reported instead of silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import Field, model_validator

from facts.model import ConflictKind, EntityKind, Model, Qualifier, Span, Verdict

SOURCES_FILE = "sources.yaml"
CLAIMS_FILE = "claims.yaml"


class SourceMeta(Model):
    title: str = ""
    outlet: str = ""  # the outlet (site or publication)
    author: str = ""  # the byline's name(s)
    date: str = ""  # ISO 8601, as much as the text gives
    date_quote: str = ""  # the words of the article that state the date
    # the article's content hash when it was curated: an edited article then
    # loses its curated entries (with one notice) instead of keeping stale ones
    sha256: str = Field(default="", pattern=r"^(?:[0-9a-f]{64})?$")
    note: str = ""


class CuratedClaim(Model):
    id: str = ""
    source: str = Field(min_length=1)  # the article's file name
    quote: str = Field(min_length=1)  # exact words of the article
    occurrence: int = Field(default=1, ge=1)  # the n-th time `quote` appears
    attribute: str = ""
    value: float | str | None = None  # a stance ("minority stake") or a number
    unit: str = ""
    qualifier: Qualifier = "exact"
    note: str = ""


class CuratedConflict(Model):
    id: str = Field(min_length=1)
    attribute: str = Field(min_length=1)
    kind: ConflictKind = "qualitative"
    verdict: Verdict
    explanation: str = ""
    subject: str = ""
    # claim ids from the `claims:` section, or claims written inline
    claims: list[str | dict[str, Any]] = Field(min_length=2)


class RejectConflict(Model):
    """Drop automatic conflicts: one by id, or every one on an attribute."""

    conflict: str = ""
    attribute: str = ""
    reason: str = ""

    @model_validator(mode="after")
    def _one_target(self) -> RejectConflict:
        if bool(self.conflict) == bool(self.attribute):
            raise ValueError("give either `conflict:` (an id) or `attribute:`")
        return self


class MergeEntities(Model):
    entities: list[str] = Field(min_length=2)  # ids or names; the first one is kept
    name: str = ""  # a new canonical name
    reason: str = ""


class SplitEntity(Model):
    entity: str = Field(min_length=1)  # id or name
    forms: list[str] = Field(min_length=1)  # surface forms that belong to another thing
    name: str = ""  # the new entity's name (default: the first form)
    kind: EntityKind | None = None
    reason: str = ""


class SetNumber(Model):
    """Correct what an automatic number is about."""

    source: str = Field(min_length=1)
    quote: str = Field(min_length=1)  # the number's words, or a phrase holding it
    occurrence: int = Field(default=1, ge=1)
    attribute: str = ""
    subject: str = ""  # an entity id or name
    reason: str = ""


# claims.yaml: section name -> the model of one entry
CLAIMS_SECTIONS: dict[str, type[Model]] = {
    "claims": CuratedClaim,
    "conflicts": CuratedConflict,
    "reject": RejectConflict,
    "merge": MergeEntities,
    "split": SplitEntity,
    "numbers": SetNumber,
}


@dataclass
class Located:
    """A curated claim found in its article."""

    claim: CuratedClaim
    span: Span
    line: int


@dataclass
class Curation:
    """The valid part of a corpus's curated files, ready to merge."""

    sources: dict[str, tuple[SourceMeta, int]] = field(default_factory=dict)
    claims: dict[str, Located] = field(default_factory=dict)
    conflicts: list[tuple[CuratedConflict, list[Located], int]] = field(default_factory=list)
    rejects: list[tuple[RejectConflict, int]] = field(default_factory=list)
    merges: list[tuple[MergeEntities, int]] = field(default_factory=list)
    splits: list[tuple[SplitEntity, int]] = field(default_factory=list)
    numbers: list[tuple[SetNumber, Span, int]] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # "sources"/"claims" -> the path shown

    def corrections(self) -> int:
        return len(self.rejects) + len(self.merges) + len(self.splits) + len(self.numbers)
