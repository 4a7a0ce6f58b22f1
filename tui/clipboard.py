"""Copy text where the user can paste it, and say honestly where it went.

The terminal's clipboard (OSC 52) is used when the terminal is known to
support it; otherwise a system command (pbcopy, wl-copy, xclip, xsel,
clip.exe); otherwise the text is written to a file in the user's data folder.
Terminals give no way to ask whether OSC 52 works, so support is judged from
the environment they set.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from facts.store.files import write_atomic
from facts.store.userdata import data_dir

COMMAND_SECONDS = 2.0  # a clipboard command that hangs must not freeze the app
CLIPBOARD_FILE = "clipboard.txt"

# TERM or TERM_PROGRAM values of terminals that honour OSC 52 writes.
_OSC52_TERMS = ("kitty", "alacritty", "foot", "wezterm", "ghostty", "contour", "rio")
_OSC52_PROGRAMS = ("iTerm.app", "WezTerm", "vscode", "ghostty", "rio", "Tabby")


def osc52_supported(env: Mapping[str, str]) -> bool:
    """True when the environment names a terminal known to take OSC 52 copies."""
    if env.get("SCALEDEAL_OSC52") in ("0", "1"):  # the user knows better than any guess
        return env["SCALEDEAL_OSC52"] == "1"
    term, program = env.get("TERM", "").lower(), env.get("TERM_PROGRAM", "")
    if any(t in term for t in _OSC52_TERMS) or program in _OSC52_PROGRAMS:
        return True
    return bool(env.get("WT_SESSION") or env.get("KITTY_WINDOW_ID"))  # Windows Terminal, kitty


def clipboard_command(env: Mapping[str, str], which: Callable[[str], str | None], platform: str) -> list[str] | None:
    """The system's clipboard command, if one is installed and has a display to talk to."""
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    if platform == "win32" or env.get("WSL_DISTRO_NAME"):
        candidates.append(["clip.exe"])
    return next((c for c in candidates if which(c[0])), None)


@dataclass(frozen=True)
class Copied:
    how: str  # "terminal", "command" or "file"
    where: str  # the command's name or the file's path; "" for the terminal

    def message(self) -> str:
        if self.how == "terminal":
            return "Copied to the clipboard (through the terminal)."
        if self.how == "command":
            return f"Copied to the clipboard (with {self.where})."
        return f"No clipboard found: saved to {self.where}"


class Clipboard:
    """Decides once how to copy; `copy(text, osc52)` then tries each way in turn."""

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        which: Callable[[str], str | None] = shutil.which,
        platform: str = sys.platform,
    ) -> None:
        self.env = os.environ if env is None else env
        self.osc52 = osc52_supported(self.env)
        self.command = None if self.osc52 else clipboard_command(self.env, which, platform)

    def copy(self, text: str, osc52: Callable[[str], None]) -> Copied:
        """`osc52` writes the escape (the app's copy_to_clipboard); it always runs, as it costs nothing
        where a terminal ignores it, but counts as the copy only where the terminal is known to take it."""
        osc52(text)
        if self.osc52:
            return Copied("terminal", "")
        if self.command is not None and self._run(self.command, text):
            return Copied("command", self.command[0])
        path = data_dir(self.env) / CLIPBOARD_FILE
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text + "\n", overwrite=True)  # the app's own file, replaced on each copy
        except OSError as e:
            return Copied("file", f"nowhere ({e.strerror or e})")
        return Copied("file", str(path))

    @staticmethod
    def _run(command: list[str], text: str) -> bool:
        try:
            done = subprocess.run(  # its output would scribble over the screen
                command,
                input=text.encode(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=COMMAND_SECONDS,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return False
        return done.returncode == 0
