"""One pydantic model per lexicon file: its shape, checked when it is loaded.

Words are strict strings, so an unquoted `no`, `on` or `yes` (a YAML boolean)
is refused instead of silently never matching. Unknown keys are refused too:
a misspelt list name would otherwise be ignored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from facts.model import AttributionKind

Word = Annotated[StrictStr, Field(min_length=1)]
Words = tuple[Word, ...]
NonNegative = Annotated[StrictFloat, Field(ge=0)]


class Lexicon(BaseModel):
    """A lexicon file: exactly these keys, read-only once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- entities.yaml
class EntitiesLexicon(Lexicon):
    """Words that decide whether capitalised tokens are a name, and of what kind."""

    openers: Words
    title_small_words: Words
    non_entities: Words
    demonyms: Words
    person_titles: Words
    honorifics: Words
    person_verbs: Words
    corporate_suffixes: Words
    legal_suffixes: Words
    institution_nouns: Words
    product_cues: Words
    org_cues_before: Words
    org_cues_after: Words
    publication_cues_before: Words
    publication_cues_after: Words
    place_cues_before: Words
    glued_generic_words: Words
    numbered_non_products: Words
    publications: Words
    places: Words
    first_names: Words
    stock_exchanges: Words  # "(NASDAQ: XYZ)" links a ticker to the name before it
    # transliterations folded alike: [from, to] ("ue" -> "u": Mueller ~ Muller)
    spelling_rules: tuple[tuple[Word, StrictStr], ...]
    particle_spellings: dict[Word, Word]  # one particle written two ways ("el" -> "al")


# ---------------------------------------------------------------- attributes.yaml
UnitFamily = Literal["money", "percent", "count", "year", "date", "age", "multiplier", "duration"]


class Attribute(Lexicon):
    """What an attribute applies to and how its values may conflict."""

    units: Annotated[tuple[UnitFamily, ...], Field(min_length=1)]
    event: StrictBool = False
    time_relative: StrictBool = False
    deal: StrictBool = False
    conflicts: StrictBool = True


class CuedAttribute(Attribute):
    """An attribute found by the cue words near a number."""

    cues: Annotated[Words, Field(min_length=1)]


class AttributesLexicon(Lexicon):
    attributes: dict[Word, CuedAttribute]
    special: dict[Word, Attribute]  # decided by their own logic, not by cues
    founding: Words
    count_nouns: dict[Word, Word]  # noun -> the attribute it counts
    count_stop: Words
    stopwords: Words
    investee_nouns: Words
    approx_tolerance: NonNegative
    max_distance: NonNegative
    period_blockers: Words

    @field_validator("count_nouns")
    @classmethod
    def _counts_known_attributes(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        known = {*info.data.get("attributes", {}), *info.data.get("special", {})}
        unknown = sorted(set(value.values()) - known)
        if unknown:
            raise ValueError(f"not an attribute of this file: {', '.join(unknown)}")
        return value


# ---------------------------------------------------------------- attribution.yaml
Origin = Literal[AttributionKind, "own"]  # "own": an article's unattributed statement


class StatusWords(Lexicon):
    """Words that make a claim a rumour, or announced."""

    rumour: Words
    announced: Words


class AttributionLexicon(Lexicon):
    anonymous: Words
    anonymous_nouns: Words
    hearsay: Words
    hearsay_nouns: Words
    official: Words
    official_actors: Words
    speech_verbs: Words
    official_verbs: Words
    outlet_verbs: Words
    speech_fillers: Words
    pronouns: Words
    quantities: Words
    weights: dict[Origin, NonNegative]
    status: StatusWords


# ---------------------------------------------------------------- checks.yaml
class ChecksLexicon(Lexicon):
    tolerance: NonNegative
    growth_words: dict[Word, Annotated[StrictFloat, Field(gt=0)]]  # word -> factor
    rise_attributes: Words
    fall_attributes: Words
    target_words: Words
    base_words: Words
    revenue_multiples: Words
    cash_words: Words
    stock_words: Words
    prior_price_cues: Words
    share_counts: Words


# ---------------------------------------------------------------- metadata.yaml
class MetadataLexicon(Lexicon):
    byline_labels: Words
    date_labels: Words  # in order of preference
    months: dict[Word, Annotated[StrictInt, Field(ge=1, le=12)]]  # lowercase name -> month number
    newsletter_cues: Words
    copyright_tail: Words
    outlet_words: Words  # words that make a byline's name a publication, not a person
    page_furniture: Words  # how a web page's non-article block begins: "Related", "Read more"
    page_box_words: Words  # words that mark a short block as a sign-up, cookie or ad box


# ---------------------------------------------------------------- numbers.yaml
Hedge = Literal["approx", "over", "under"]
DurationUnit = Literal["days", "weeks", "months", "years"]
Factor = Annotated[Decimal, Field(gt=0)]  # written "1e9" or 0.01; read as an exact decimal


class DirectionWords(Lexicon):
    """The words that say a figure is a change one way: just before it, just after it."""

    before: Words
    after: Words


class NumbersLexicon(Lexicon):
    """The number grammar's words: currencies, scales, hedges, dates, units."""

    currency_prefixes: dict[Word, Word]  # "US$" -> USD
    currency_codes: Words
    currency_codes_lowercase: Words  # "60 usd"
    code_scales: dict[Word, Factor]  # "M" of "40 MEUR"
    currency_suffix_symbols: dict[Word, Word]  # "12 €"
    currency_words: dict[Word, Word]  # "dollars" -> USD
    # words several currencies share ("crowns"): the one the article names elsewhere, else the first
    currency_words_by_context: dict[Word, tuple[Word, ...]] = {}
    # quantities in words, before a scale or percent word: "two billion dollars", "fifteen per cent"
    spelled_numbers: dict[Word, Annotated[StrictInt, Field(ge=0, le=19)]] = {}
    spelled_tens: dict[Word, Annotated[StrictInt, Field(ge=20, le=90)]] = {}
    spelled_fractions: dict[Word, Annotated[StrictFloat, Field(gt=0, lt=1)]] = {}
    spelled_scales: Words = ()
    minor_units: dict[Word, tuple[Word, Factor]]  # "cents" -> (USD, 0.01); "bps" -> (percent, 0.01)
    scale_words: dict[Word, Factor]
    scale_suffixes: dict[Word, Factor]  # "bn", "m"
    bare_suffixes: Words
    bare_decimal_suffixes: Words
    spaced_suffixes: Words
    hedges: dict[Hedge, Words]
    hedges_below: Words  # "nearly": approximately, and from below
    year_hedges: Words
    trailing_hedges: dict[Word, Hedge]  # "or so", "and up"
    months: dict[Word, Annotated[StrictInt, Field(ge=1, le=12)]]
    durations: dict[Word, tuple[DurationUnit, Annotated[StrictInt, Field(ge=1)]]]
    currency_words_after_scale: dict[Word, Word]  # "won", "rand": currency only after a scale word
    duration_adjectives: Words
    minus_words: Words
    vulgar_fractions: dict[Word, Annotated[Decimal, Field(gt=0, lt=1)]]
    fraction_denominators: tuple[Annotated[StrictInt, Field(ge=2)], ...]
    age_before: Words
    age_after_at: Words
    counted_nouns: Words
    function_words: Words
    label_words: Words  # "No. 3", "version 2": numbering, not quantities
    prices_at: Words
    directions: dict[Literal["up", "down"], DirectionWords]

    @model_validator(mode="after")
    def _context_words_have_defaults(self) -> NumbersLexicon:
        words = {k.casefold(): v for k, v in self.currency_words.items()}
        for word, options in self.currency_words_by_context.items():
            if not options or words.get(word.casefold()) != options[0]:
                raise ValueError(f"currency_words_by_context: {word!r} needs currency_words {word!r}: {options[:1]}")
        return self


# ---------------------------------------------------------------- disputes.yaml
Percent = Annotated[StrictFloat | StrictInt, Field(gt=0, le=100)]


class StructureWords(Lexicon):
    """The whole company vs a minority stake."""

    whole_verbs: Words
    descriptors_max: Annotated[StrictInt, Field(ge=0, le=8)]
    part_nouns: Words
    stake_nouns: Words
    minority_words: Words
    fractions: dict[Word, Percent]
    below_hedges: Words
    hedges: Words
    prior_words: Words
    remainder_words: Words
    independence: Words


class PaymentWords(Lexicon):
    cash_only: Words
    stock_only: Words
    mixed: Words
    cash: Words
    stock: Words


class ConsortiumWords(Lexicon):
    groups: Words
    lead_verbs: Words
    other_groups: Words


class HeadquartersWords(Lexicon):
    based_suffixes: Words
    after_company: Words
    seats: Words
    anaphors: Words
    not_main: Words
    regions: Words


class RoleWords(Lexicon):
    titles: dict[Word, Word]  # as written -> the post
    not_current: Words
    not_current_after: Words
    # the next holder, a post of its own ("Lumen's new CEO", "will become chief executive")
    incoming: Words = ()
    incoming_after: Words = ()
    becoming: Words = ()  # verbs between the next holder and the post


class DisputesLexicon(Lexicon):
    """Cue words of disagreements in words (facts/analyse/disputes/)."""

    structure: StructureWords
    payment: PaymentWords
    consortium: ConsortiumWords
    headquarters: HeadquartersWords
    roles: RoleWords


# ---------------------------------------------------------------- measures.yaml
class Measure(Lexicon):
    """A canonical measure: the unit families it applies to and the words that name it."""

    units: Annotated[tuple[UnitFamily, ...], Field(min_length=1)]
    names: Words = ()
    before: Words = ()  # only before the figure: verbs ("save $40m a year")
    drifts: StrictBool = False  # changes over time; undated articles are of one time
    conflicts: StrictBool = True


class CumulativeWords(Lexicon):
    measures: Words = ()  # measures that accumulate (funding)
    words: Words = ()  # words of a running total ("to date", "brings its total")


class MeasuresLexicon(Lexicon):
    measures: dict[Word, Measure]
    cumulative: CumulativeWords = CumulativeWords()
    premium_references: dict[Word, Words] = {}
    neutral: Words
    payment: Words
    stop: Words
    status: dict[Word, Words]
    bases: dict[Word, Words]
    value_words: Words


# The model of each lexicon file.
MODELS: dict[str, type[Lexicon]] = {
    "entities": EntitiesLexicon,
    "attributes": AttributesLexicon,
    "attribution": AttributionLexicon,
    "checks": ChecksLexicon,
    "disputes": DisputesLexicon,
    "metadata": MetadataLexicon,
    "numbers": NumbersLexicon,
    "measures": MeasuresLexicon,
}
