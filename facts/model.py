"""The one schema of the fact base.

Every fact points back at the exact characters it came from (a `Span`), so any
view (contract JSON, YAML, Markdown export, the TUI) can cite its quote.
Offsets are Python `str` offsets into the article's text: a .txt file as read
with `open(path, encoding="utf-8").read()`, a saved page, PDF or Markdown file
the text read out of it (`Source.text`): `text[start:end] == span.text`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

Provenance = Literal["auto", "curated"]
Qualifier = Literal["exact", "approx", "over", "under", "range"]
Direction = Literal["", "up", "down"]  # of a change: "fell 12%" is 12, down
EntityKind = Literal["person", "organisation", "product", "place", "publication", "other"]
ConflictKind = Literal["numeric", "spelling", "qualitative"]
Verdict = Literal["contradiction", "compatible"]
# A number's value: a float for quantities and years, an ISO 8601 string for dates.
Value = float | str

NON_MONEY_UNITS = frozenset(
    {"percent", "count", "year", "date", "age", "multiplier", "days", "weeks", "months", "years"}
)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The records a corpus holds by the hundred thousand (spans, numbers, who says
# them, claims) are slotted dataclasses, not pydantic models: a third of the
# memory, and no validation where the code builds them. pydantic validates
# them where data comes in (cache entries, curated files, a fact base read
# back) through the models that hold them, with the same constraints and
# unknown keys refused (`__pydantic_config__`); `plain` and `parse` are that
# codec for a record on its own. Constructing a FactBase from records does not
# copy or revalidate them.
_RECORD = ConfigDict(extra="forbid")
NonNegative = Annotated[int, Field(ge=0)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A run of characters in one source: the citation of every fact."""

    __pydantic_config__: ClassVar[ConfigDict] = _RECORD

    source: str  # the article's file name (basename)
    start: NonNegative
    end: NonNegative
    text: str


class Source(Model):
    id: str  # the file name, unique within a corpus
    path: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""  # ISO 8601, as much as the text gives
    chars: int = 0
    words: int = 0
    sha256: str = ""  # of the raw bytes: the cache key
    text: str = ""
    extracted: bool = False  # text read out of a page, PDF or Markdown, not the file itself
    pages: list[int] = []  # where each page starts in text (PDF): citations name the page
    provenance: Provenance = "auto"

    def page_at(self, offset: int) -> int | None:
        """The 1-based page `offset` is on; None for a file without pages."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))


AttributionKind = Literal["outlet", "anonymous", "official", "speaker", "hearsay"]


@dataclass(slots=True, kw_only=True)
class Attribution:
    """Who says a claim: "according to The Information" (outlet), "people
    familiar with the terms" (anonymous), "the companies announced"
    (official), a quoted person (speaker), "reportedly" (hearsay)."""

    __pydantic_config__: ClassVar[ConfigDict] = _RECORD

    kind: AttributionKind
    origin: str  # a name for people: "The Information", "two informed sources", "Jane Doe"
    entity: str = ""  # the entity id of the origin, where it is one
    span: Span | None = None  # the attributing words, for citation


@dataclass(slots=True, kw_only=True)
class Number:
    __pydantic_config__: ClassVar[ConfigDict] = _RECORD

    id: str  # "n:<source>:<start>"
    span: Span
    value: Value
    unit: str  # an ISO 4217 code or one of NON_MONEY_UNITS
    qualifier: Qualifier = "exact"
    direction: Direction = ""
    low: float | None = None  # the interval the hedged value allows
    high: float | None = None
    attribute: str = ""  # what the number is about: "deal value", "valuation", ...
    subject: str = ""  # the id of the entity it is about, where clear
    period: str = ""  # the year a periodic figure belongs to ("2024" revenue)
    sentence: Span | None = None
    attribution: Attribution | None = None  # None: the article says it in its own voice
    provenance: Provenance = "auto"


class Entity(Model):
    id: str  # a slug of the canonical name
    name: str
    kind: EntityKind = "other"
    aliases: list[str] = Field(default_factory=list)  # every other surface form
    variants: list[str] = Field(default_factory=list)  # forms merged as misspellings
    mentions: list[Span] = Field(default_factory=list)
    provenance: Provenance = "auto"


@dataclass(slots=True, kw_only=True)
class Claim:
    """One side of a conflict: what one source says, with the disputed words."""

    __pydantic_config__: ClassVar[ConfigDict] = _RECORD

    span: Span
    value: Value | None = None
    unit: str = ""
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None
    sentence: Span | None = None
    number_id: str = ""  # the Number behind a numeric claim
    attribution: Attribution | None = None
    provenance: Provenance = "auto"

    @classmethod
    def of_number(cls, n: Number, provenance: Provenance = "auto") -> Claim:
        """A number as a cited claim: its words, value, interval, sentence and who says it."""
        return cls(
            span=n.span,
            value=n.value,
            unit=n.unit,
            qualifier=n.qualifier,
            low=n.low,
            high=n.high,
            sentence=n.sentence,
            number_id=n.id,
            attribution=n.attribution,
            provenance=provenance,
        )


@dataclass(slots=True, kw_only=True)
class Conflict:
    __pydantic_config__: ClassVar[ConfigDict] = _RECORD

    id: str
    attribute: str
    kind: ConflictKind = "numeric"
    verdict: Verdict = "contradiction"
    explanation: str = ""
    subject: str = ""
    claims: list[Claim] = field(default_factory=list)
    provenance: Provenance = "auto"


class Check(Model):
    """Deal arithmetic: what reported figures imply, held against what is
    reported ("$6.2B for 40% implies $15.5B")."""

    id: str
    kind: str  # "implied valuation", "price x shares", "premium", "cash + stock", "revenue x multiple", "growth"
    attribute: str  # the attribute of the implied value ("valuation")
    inputs: list[Claim] = Field(default_factory=list)  # the cited figures it is derived from
    implied: float
    unit: str
    confirms: list[Claim] = Field(default_factory=list)  # reported values within tolerance
    contradicts: list[Claim] = Field(default_factory=list)  # reported values outside it
    gap: float | None = None  # relative gap to the nearest reported value (0.03 = 3%)
    explanation: str = ""
    provenance: Provenance = "auto"


PartyRole = Literal["acquirer", "investor", "target", ""]
DealBasis = Literal["mentions", "figures", ""]


class Party(Model):
    """One side of the deal: an entity, and its role where known ("" unknown)."""

    entity: str  # the entity id
    role: PartyRole = ""


class Deal(Model):
    """The corpus's main deal: who it is between. Which figures are about it is
    decided by facts/analyse/deal.py, from these parties."""

    parties: list[Party] = Field(default_factory=list)  # most named first
    # mentions: the organisations named in most sources; figures: without them,
    # the subjects most deal figures are about
    basis: DealBasis = ""

    def is_party(self, entity_id: str) -> bool:
        return any(p.entity == entity_id for p in self.parties)


NoticeKind = Literal["skipped_file", "skipped_folder", "curation_problem", "other"]
# what a skipped input's line says before the reason
_SKIPPED: dict[str, str] = {"skipped_file": "skipped", "skipped_folder": "skipped folder"}
# lines written before warnings had kinds; `file:line: ` was only ever a curated file's problem
_OLD_SKIPPED = re.compile(r"(?P<file>.*?): (?P<how>skipped(?: folder)?): (?P<message>.*)", re.DOTALL)
_OLD_PROBLEM = re.compile(r"(?P<file>.+?):(?P<line>0|[1-9][0-9]*): (?P<message>.*)", re.DOTALL)


class Notice(Model):
    """A warning about the inputs: a file skipped, a curated entry refused.

    `str()` is the line the CLI prints after `warning: `. A plain line (from a
    fact base written before warnings had kinds) validates as a notice."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: NoticeKind = "other"
    file: str = ""
    line: int | None = None  # in `file`, when known
    message: str

    @property
    def skipped(self) -> bool:
        """An input that was not read at all."""
        return self.kind in _SKIPPED

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f"{_SKIPPED[self.kind]}: {self.message}" if self.kind in _SKIPPED else self.message
        return f"{where}: {what}" if where else what

    @model_validator(mode="before")
    @classmethod
    def _from_line(cls, data: Any) -> Any:
        """A line from an older fact base (or a hand-built one), its kind read back from its words."""
        if not isinstance(data, str):
            return data
        if m := _OLD_SKIPPED.fullmatch(data):
            kind = "skipped_folder" if m["how"].endswith("folder") else "skipped_file"
            return {"kind": kind, "file": m["file"], "message": m["message"]}
        if m := _OLD_PROBLEM.fullmatch(data):
            return {"kind": "curation_problem", "file": m["file"], "line": int(m["line"]), "message": m["message"]}
        return {"message": data}


class FactBase(Model):
    corpus: str = ""  # a name for people: the folder's name
    sources: list[Source] = Field(default_factory=list)
    numbers: list[Number] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    deal: Deal = Field(default_factory=Deal)  # empty in fact bases stored before it existed
    warnings: list[Notice] = Field(default_factory=list)


def number_id(source: str, start: int) -> str:
    return f"n:{source}:{start}"


def share_sentences(numbers: list[Number]) -> list[Number]:
    """The numbers of one sentence hold one Span of it, so its text is kept
    once, not once per number (a Span is frozen: sharing it is invisible)."""
    seen: dict[tuple[str, int, int], Span] = {}
    for n in numbers:
        if (s := n.sentence) is not None:
            n.sentence = seen.setdefault((s.source, s.start, s.end), s)
    return numbers


R = TypeVar("R")


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(cls: type[R]) -> TypeAdapter[R]:
    if cls not in _ADAPTERS:
        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


def plain(record: object) -> Any:
    """A record (or model) as JSON-ready data: what a fact base file holds for it."""
    return _adapter(type(record)).dump_python(record, mode="json")


def parse(cls: type[R], data: Any) -> R:
    """`data` validated as a `cls`: the inverse of `plain`."""
    return _adapter(cls).validate_python(data)
