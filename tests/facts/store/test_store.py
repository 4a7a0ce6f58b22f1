"""Writing files: atomic, never clobbering, never replacing a device."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest

from facts.store.files import check_writable, write_atomic, write_failure


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


# ---------------------------------------------------------------- failed writes
def test_any_legal_name_is_writable_however_long(tmp_path):
    for length in (242, 250, 255):
        target = tmp_path / ("n" * (length - 3) + ".md")
        assert write_atomic(target, "fits\n").read_text() == "fits\n"
    assert all(not f.name.endswith(".tmp") for f in tmp_path.iterdir())


def test_a_name_over_the_limit_names_the_file_and_leaves_nothing(tmp_path):
    target = tmp_path / ("n" * 300 + ".md")
    with pytest.raises(OSError) as info:
        write_atomic(target, "x")
    assert info.value.filename == str(target)
    assert write_failure(info.value) == f"cannot write {target}: File name too long"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_device_is_an_error_naming_it():
    with pytest.raises(OSError) as info:
        write_atomic("/dev/full", "x" * 100_000, overwrite=True)
    assert write_failure(info.value) == "cannot write /dev/full: No space left on device"


def test_a_disk_filling_up_mid_write_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.md"
    target.write_text("old and whole")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as info:
        write_atomic(target, "new", overwrite=True)
    assert info.value.filename == str(target), "the message names the file asked for, not a temporary"
    assert target.read_text() == "old and whole"
    assert [f.name for f in tmp_path.iterdir()] == ["out.md"]


def test_a_read_only_folder_is_refused_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)  # as root, chmod would not stop us
    with pytest.raises(PermissionError) as info:
        check_writable(tmp_path / "out.md")
    assert write_failure(info.value) == f"cannot write {tmp_path / 'out.md'}: Permission denied"


def test_a_refused_temporary_file_is_reported_under_the_target_name(tmp_path, monkeypatch):
    def refuse(*_a: object, **_k: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".sd-abc.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError) as info:
        write_atomic(tmp_path / "out.md", "x")
    assert info.value.filename == str(tmp_path / "out.md")
