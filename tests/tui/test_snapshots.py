"""Snapshots of each pane and the conflict diff, on the hand-built fixture
(stable however the extractor changes). Update with --snapshot-update and
read the SVG text before accepting."""

from __future__ import annotations

from tests.tui.tui_fixture import factbase, loaded, settle
from tui.app import ScaledealApp

WIDE, NARROW = (120, 36), (80, 24)


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await loaded(pilot)
        await pilot.press(*pressed)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


class TestSourcesPane:
    def test_sources_pane(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=keys("1"))

    def test_sources_pane_at_80_columns(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=NARROW, run_before=keys("1", "j"))


class TestEntitiesPane:
    def test_entities_pane(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=keys("2", "j", "j"))

    def test_mentions_in_context(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=keys("2", "enter"))


class TestNumbersPane:
    def test_numbers_pane_with_a_selected_row(self, snap_compare):
        app = ScaledealApp(factbase=factbase())
        assert snap_compare(app, terminal_size=WIDE, run_before=keys("3", "j", "space", "j"))


class TestConflictsPane:
    def test_conflicts_pane(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=keys("4"))


class TestConflictDiff:
    def test_compatible_conflict_with_three_claims(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=keys("4", "j"))

    def test_curated_qualitative_conflict_at_80_columns(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=NARROW, run_before=keys("4", "G"))


class TestReader:
    def test_reader_on_the_hostile_article(self, snap_compare):
        app = ScaledealApp(factbase=factbase())
        assert snap_compare(app, terminal_size=WIDE, run_before=keys("G", "enter", "n"))


class TestHelp:
    def test_help_screen(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=keys("question_mark"))


class TestChecksPane:
    def test_checks_pane_with_cited_inputs(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=keys("5"))

    def test_checks_pane_at_80_columns(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=NARROW, run_before=keys("5", "j"))


class TestTimeline:
    def test_timeline_of_a_superseded_rumour(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=WIDE, run_before=timeline("4", "j"))

    def test_timeline_at_80_columns(self, snap_compare):
        assert snap_compare(ScaledealApp(factbase=factbase()), terminal_size=NARROW, run_before=timeline("3", "j"))


def timeline(*pressed: str):
    async def run_before(pilot) -> None:
        await loaded(pilot)
        await pilot.press(*pressed, "t")
        await settle(pilot, lambda: getattr(pilot.app.screen, "entries", None) is not None)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


class TestSelection:
    def test_selection_under_review_at_80_columns(self, snap_compare):
        app = ScaledealApp(factbase=factbase())
        pressed = keys("3", "space", "j", "space", "4", "space", "v", "J")
        assert snap_compare(app, terminal_size=NARROW, run_before=pressed)
