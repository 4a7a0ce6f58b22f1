"""Figures with their goals, printed as one table."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


@dataclass
class Figure:
    name: str
    measured: str
    goal: str = "reported"
    met: bool | None = None  # None: a figure with no pass/fail goal, or not measurable here

    @property
    def status(self) -> str:
        return {True: "MET", False: "UNMET", None: "-"}[self.met]


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)

    def add(self, name: str, measured: str, goal: str = "reported", met: bool | None = None) -> Figure:
        f = Figure(name, measured, goal, met)
        self.figures.append(f)
        print(f"  {f.status:5} {f.name}: {f.measured}  [goal: {f.goal}]", flush=True)
        return f

    def section(self, title: str) -> None:
        print(f"\n{title}", flush=True)

    def summary(self) -> str:
        goals = [f for f in self.figures if f.met is not None]
        met = sum(1 for f in goals if f.met)
        lines = ["", "=" * 100, f"{'figure':48} {'measured':>34}  {'goal':<26} status", "-" * 100]
        for f in self.figures:
            lines.append(f"{f.name[:48]:48} {f.measured[:34]:>34}  {f.goal[:26]:<26} {f.status}")
        lines.append("-" * 100)
        lines.append(f"{met} of {len(goals)} goals met")
        return "\n".join(lines)


# CPU time of this process: other programs on a shared machine slow the wall
# clock down by whatever they take, but not the CPU time this work needs.
CLOCK = time.process_time


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    t = CLOCK()
    out = fn()
    return CLOCK() - t, out


def best_of(n: int, fn: Callable[[], T]) -> tuple[float, T]:
    """The fastest of `n` runs: the least disturbed by a noisy machine."""
    best, out = timed(fn)
    for _ in range(n - 1):
        t, out = timed(fn)
        best = min(best, t)
    return best, out


def si(x: float) -> str:
    for unit, scale in (("M", 1e6), ("k", 1e3)):
        if abs(x) >= scale:
            return f"{x / scale:.1f}{unit}"
    return f"{x:.0f}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"
