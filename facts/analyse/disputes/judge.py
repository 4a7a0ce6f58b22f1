"""Stances -> conflicts. Stances on one attribute and subject are one group (a
dict lookup each). Within a group only the distinct values are compared, so
the work grows with the few values, never with pairs of sentences. Sources
that contradict each other make one conflict; a source that contradicts
itself makes one more, "within" it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from facts.analyse.disputes.article import Stance
from facts.labels import source_label
from facts.model import Claim, Conflict, Verdict
from facts.text import fold

MAX_CLAIMS = 60  # per conflict: a readable list on any corpus
MAX_VALUES = 24  # distinct values compared per group, the most stated first: pairs of them stay few
Clash = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """How one kind of dispute is judged."""

    clash: Clash  # whether two values cannot both hold
    why: str  # the reason they cannot, for the explanation
    changes: bool = False  # may change over time: different dates make it compatible


def judge(
    stances: list[Stance], rule_of: Callable[[str], Rule], dates: dict[str, str], labels: dict[str, str] | None = None
) -> list[Conflict]:
    """Conflicts of the stances; `labels` (source id -> label) name sources in explanations."""
    names = labels or {}
    groups: dict[tuple[str, str], list[Stance]] = {}
    for s in stances:
        groups.setdefault((s.attribute, s.subject), []).append(s)
    out: list[Conflict] = []
    for (attribute, subject), stated in sorted(groups.items()):
        group = _most_stated(stated)
        rule = rule_of(attribute)
        out += _across(attribute, subject, group, rule, dates, names)
        out += _within(attribute, subject, group, rule, names)
    return out


def _most_stated(group: list[Stance]) -> list[Stance]:
    """The stances of the MAX_VALUES values stated most often (a hostile text may state thousands)."""
    counts = Counter(s.value for s in group)
    if len(counts) <= MAX_VALUES:
        return group
    kept = {v for v, _ in counts.most_common(MAX_VALUES)}
    return [s for s in group if s.value in kept]


def _clashing(group: list[Stance], rule: Rule) -> set[str]:
    values = sorted({s.value for s in group})
    return {a for a in values for b in values if a != b and rule.clash(a, b)}


def _across(
    attribute: str, subject: str, group: list[Stance], rule: Rule, dates: dict[str, str], labels: dict[str, str]
) -> list[Conflict]:
    """One conflict when a value of one source clashes with a value of another."""
    by_value: dict[str, set[str]] = {}
    for s in group:
        by_value.setdefault(s.value, set()).add(s.span.source)
    pairs = [
        (a, b) for a in by_value for b in by_value if a < b and rule.clash(a, b) and len(by_value[a] | by_value[b]) > 1
    ]
    if not pairs:
        return []
    involved = {v for pair in pairs for v in pair}
    claims = [s for s in group if s.value in involved]
    verdict: Verdict = "contradiction"
    if rule.changes and _dated_apart(claims, dates):
        verdict = "compatible"
    return [_conflict(attribute, subject, claims, rule, verdict, "", labels)]


def _dated_apart(claims: list[Stance], dates: dict[str, str]) -> bool:
    """Every source dated, and the clashing values from different dates."""
    by_value: dict[str, set[str]] = {}
    for s in claims:
        if not dates.get(s.span.source):
            return False
        by_value.setdefault(s.value, set()).add(dates[s.span.source])
    return all(not (a & b) for x, a in by_value.items() for y, b in by_value.items() if x < y)


def _within(attribute: str, subject: str, group: list[Stance], rule: Rule, labels: dict[str, str]) -> list[Conflict]:
    by_source: dict[str, list[Stance]] = {}
    for s in group:
        by_source.setdefault(s.span.source, []).append(s)
    out = []
    for source, own in sorted(by_source.items()):
        clashing = _clashing(own, rule)
        if clashing:
            claims = [s for s in own if s.value in clashing]
            out.append(_conflict(attribute, subject, claims, rule, "contradiction", source, labels))
    return out


def _conflict(
    attribute: str,
    subject: str,
    stances: list[Stance],
    rule: Rule,
    verdict: Verdict,
    within: str,
    labels: dict[str, str],
) -> Conflict:
    ordered = sorted(stances, key=lambda s: (s.span.source, s.span.start))[:MAX_CLAIMS]
    base = "-".join(fold(" ".join([attribute, subject])).split()) or "dispute"
    return Conflict(
        id=base + (f"-within-{fold(within).replace(' ', '-')}" if within else ""),
        attribute=attribute + (f" (within {_name(labels, within)})" if within else ""),
        kind="qualitative",
        verdict=verdict,
        explanation=_explain(ordered, rule, verdict, _name(labels, within) if within else "", labels),
        subject=subject,
        claims=[Claim(span=s.span, value=s.label, sentence=s.sentence) for s in ordered],
    )


def _explain(stances: list[Stance], rule: Rule, verdict: Verdict, within: str, labels: dict[str, str]) -> str:
    sides: dict[str, list[str]] = {}
    for s in stances:
        sources = sides.setdefault(s.label, [])
        name = _name(labels, s.span.source)
        if name not in sources:
            sources.append(name)
    said = " vs ".join(f'"{label}" ({", ".join(srcs)})' for label, srcs in sides.items())
    if verdict == "compatible":
        return f"{said}: the sources are from different dates, and {rule.why.rstrip('.')} only at one time."
    return f"{said}: {rule.why}" + (f" {within} says both." if within else "")


def _name(labels: dict[str, str], source: str) -> str:
    """A source as people call it: its outlet or title, else its file name without extension."""
    return labels.get(source) or source_label(None, source)
