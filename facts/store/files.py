"""Writing files the user asked for: atomically, never over a file without leave."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write `text` to `path` through a temporary file and a rename, so a
    reader never sees half a file and an interrupted write leaves the old one.

    Raises FileExistsError when `path` exists and `overwrite` is false.
    """
    path = Path(path)
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(f"{path}: is a directory")
        # a device or pipe (/dev/null, /dev/stdout): write through it, never
        # rename a temporary file over it
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return path
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path}: already exists")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: no such directory")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain
        # open() would, or keep the mode of the file it replaces
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_no_clobber(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def _link_no_clobber(tmp: str, path: Path) -> None:
    """Rename `tmp` to `path` unless `path` appeared meanwhile."""
    try:
        os.link(tmp, path)  # atomic, and fails if `path` exists
    except FileExistsError:
        raise FileExistsError(f"{path}: already exists") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise FileExistsError(f"{path}: already exists") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask
