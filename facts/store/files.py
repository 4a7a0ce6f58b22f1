"""Writing files the user asked for: atomically, never over a file without leave.

Every failure is an OSError whose `filename` is the file asked for (never a
temporary name) and whose `strerror` says why, so callers print one line:
`write_failure(e)`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

# mkstemp adds 8 characters: ".sd-XXXXXXXX.tmp" is 16 bytes, so the temporary
# name is legal whatever the length of the (legal) name it becomes
TEMP_PREFIX, TEMP_SUFFIX = ".sd-", ".tmp"


def write_atomic(path: str | os.PathLike[str], text: str | Iterable[str], *, overwrite: bool = False) -> Path:
    """Write `text` to `path` through a temporary file and a rename, so a
    reader never sees half a file and an interrupted write leaves the old one.

    `text` may come in pieces (an iterable of str), written as they come.
    Raises FileExistsError when `path` exists and `overwrite` is false, and
    any other OSError (a full disk, a read-only folder, a name too long) with
    `path` as its filename; nothing is left half-written.
    """
    path = Path(path)
    try:
        if check_writable(path, overwrite=overwrite) == "device":
            _write_through(path, text)
        else:
            _write_replacing(path, text, overwrite)
    except OSError as e:
        named = _naming(e, path)
        if named is e:
            raise
        raise named from e
    return path


def check_writable(path: str | os.PathLike[str], *, overwrite: bool = False) -> str:
    """Raise what write_atomic would for what can be known before writing
    (exists, a folder, no such folder, a name too long, no permission), so a
    slow command can refuse before its work. "device" or "file" to write."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
            return "device"  # /dev/null, a pipe: written through, never replaced
        if path.exists() and not overwrite:
            raise FileExistsError(errno.EEXIST, "already exists", str(path))
        directory = _folder(path)
        if not directory.is_dir():
            raise FileNotFoundError(errno.ENOENT, f"no such directory {directory}", str(path))
        if len(os.fsencode(path.name)) > _name_max(directory):
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
        if not os.access(directory, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    except OSError as e:
        named = _naming(e, path)
        if named is e:
            raise
        raise named from None
    return "file"


def write_failure(error: OSError) -> str:
    """One line for a failed write: the file and the reason."""
    name = error.filename if error.filename is not None else "the file"
    if isinstance(error, FileExistsError):
        return f"{name}: already exists"
    return f"cannot write {name}: {write_reason(error)}"


def write_reason(error: OSError) -> str:
    """Why a write failed, in the system's words: "No space left on device"."""
    return error.strerror or str(error) or type(error).__name__


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _name_max(directory: Path) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # not POSIX, or the file system will not say
        return 255


def _naming(error: OSError, path: Path) -> OSError:
    """`error` naming `path` (not a temporary file), with a reason to print."""
    if error.filename == str(path) and error.strerror:
        return error
    code = error.errno if error.errno is not None else errno.EIO
    return type(error)(code, error.strerror or str(error), str(path))


def _write_through(path: Path, text: str | Iterable[str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:  # close() reports a full device
        _write_all(fh, text)


def _write_all(fh: TextIO, text: str | Iterable[str]) -> None:
    if isinstance(text, str):
        fh.write(text)
    else:
        fh.writelines(text)


def _write_replacing(path: Path, text: str | Iterable[str], overwrite: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=_folder(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            # mkstemp makes the file private (0600); give it the mode a plain
            # open() would, or keep the mode of the file it replaces
            os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
            _write_all(fh, text)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_no_clobber(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _link_no_clobber(tmp: str, path: Path) -> None:
    """Rename `tmp` to `path` unless `path` appeared meanwhile."""
    try:
        os.link(tmp, path)  # atomic, and fails if `path` exists
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "already exists", str(path)) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise FileExistsError(errno.EEXIST, "already exists", str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask
