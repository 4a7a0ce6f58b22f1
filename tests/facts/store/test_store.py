"""Writing files: atomic, never clobbering, never replacing a device."""

from __future__ import annotations

import os
import stat

import pytest

from facts.store.files import write_atomic


def test_write_atomic_creates_the_file(tmp_path):
    p = write_atomic(tmp_path / "out.md", "hello\n")
    assert p.read_text() == "hello\n"
    assert [f.name for f in tmp_path.iterdir()] == ["out.md"]  # no temporary left behind


def test_existing_file_is_never_overwritten_silently(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("precious")
    with pytest.raises(FileExistsError):
        write_atomic(target, "new")
    assert target.read_text() == "precious"


def test_overwrite_replaces_when_asked(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("old")
    write_atomic(target, "new", overwrite=True)
    assert target.read_text() == "new"


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such directory"):
        write_atomic(tmp_path / "nope" / "out.md", "x")


def test_a_device_is_written_through_not_replaced():
    write_atomic(os.devnull, "discarded", overwrite=True)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_interrupted_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "out.md"
    target.write_text("old and whole")

    def boom(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new", overwrite=True)
    assert target.read_text() == "old and whole"
    assert [f.name for f in tmp_path.iterdir()] == ["out.md"]


def test_written_file_has_the_usual_permissions_not_private(tmp_path):
    old = os.umask(0o022)
    try:
        p = write_atomic(tmp_path / "out.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(p.stat().st_mode) == 0o644


def test_overwrite_keeps_the_mode_of_the_replaced_file(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new", overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_fact_base_saved_as_yaml_loads_back_identical():
    from facts.build import extract_paths
    from facts.store.contract import dump_yaml, load_yaml
    from tests.conftest import SEEDS

    fb = extract_paths([SEEDS])
    assert load_yaml(dump_yaml(fb)) == fb
