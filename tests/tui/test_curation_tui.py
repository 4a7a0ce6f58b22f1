"""A conflict written in claims.yaml shows in the app like an automatic one, marked curated."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui.tui_fixture import loaded
from tui.app import ScaledealApp
from tui.widgets.diff import DiffView

FIRST = "Copperleaf Mills will absorb Brightwater Dye Works entirely.\n"
SECOND = "Copperleaf Mills is buying a 30% share of Brightwater Dye Works.\n"
CLAIMS = """\
conflicts:
  - id: mill-ownership
    attribute: ownership of the dye works
    verdict: contradiction
    explanation: Absorbing the whole firm is not buying 30% of it.
    claims:
      - {source: first.txt, quote: "absorb Brightwater Dye Works entirely", value: whole firm}
      - {source: second.txt, quote: "a 30% share", value: minority share}
"""


async def test_curated_conflict_shows_in_the_conflicts_pane_and_its_diff(tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    app = ScaledealApp([str(tmp_path)])
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)  # the load starts after the first frame: waiting on workers alone can be too early
        curated = [c for c in app.factbase.conflicts if c.provenance == "curated"]
        assert [c.id for c in curated] == ["mill-ownership"]
        await pilot.press("4")
        app.focus_fact("conflict", "mill-ownership")
        await pilot.pause()
        diff = app.query_one(DiffView)
        title = str(diff.query_one("#diff-title", Static).render())
        columns = [str(s.render()) for s in diff.query(".diff-column")]
        assert "ownership of the dye works" in title and "curated" in title
        assert len(columns) == 2
        assert "absorb Brightwater Dye Works entirely" in columns[0]
        assert "30% share" in columns[1]
