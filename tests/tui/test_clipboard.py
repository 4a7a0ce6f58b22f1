"""`c` says where the copy went: the terminal, a clipboard command, or a file it names."""

from __future__ import annotations

from pathlib import Path

from facts.store.userdata import data_dir
from tui.clipboard import Clipboard, clipboard_command, osc52_supported


def nothing_installed(_: str) -> str | None:
    return None


def test_terminals_known_to_take_osc52_are_told_apart_from_the_rest():
    assert osc52_supported({"TERM": "xterm-kitty"}) and osc52_supported({"TERM_PROGRAM": "WezTerm"})
    assert osc52_supported({"WT_SESSION": "x"})
    assert not osc52_supported({"TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"})
    assert not osc52_supported({"TERM": "xterm-kitty", "SCALEDEAL_OSC52": "0"})  # the user's word wins


def test_a_clipboard_command_is_chosen_only_where_it_is_installed_and_has_a_display():
    installed = {"wl-copy", "xsel"}.__contains__

    def which(name: str) -> str | None:
        return f"/usr/bin/{name}" if installed(name) else None

    assert clipboard_command({"WAYLAND_DISPLAY": "w"}, which, "linux") == ["wl-copy"]
    assert clipboard_command({"DISPLAY": ":0"}, which, "linux") == ["xsel", "--clipboard", "--input"]
    assert clipboard_command({}, which, "linux") is None  # no display: nothing to talk to
    assert clipboard_command({}, lambda n: n, "darwin") == ["pbcopy"]


def test_without_any_clipboard_the_text_goes_to_a_file_in_the_data_folder_and_says_where(tmp_path: Path):
    env = {"TERM": "dumb", "SCALEDEAL_DATA_DIR": str(tmp_path)}
    sent: list[str] = []
    copied = Clipboard(env, nothing_installed, "linux").copy("$5M deal value: “…”", sent.append)
    assert copied.how == "file" and copied.where == str(tmp_path / "clipboard.txt")
    assert (tmp_path / "clipboard.txt").read_text(encoding="utf-8") == "$5M deal value: “…”\n"
    assert str(tmp_path) in copied.message() and not copied.message().startswith("Copied")
    assert sent == ["$5M deal value: “…”"]  # the terminal escape is still sent: harmless where ignored


def test_a_terminal_with_osc52_is_trusted_and_no_file_is_written(tmp_path: Path):
    env = {"TERM": "foot", "SCALEDEAL_DATA_DIR": str(tmp_path)}
    copied = Clipboard(env, nothing_installed, "linux").copy("x", lambda _: None)
    assert copied.how == "terminal" and copied.message().startswith("Copied")
    assert not (tmp_path / "clipboard.txt").exists()


def test_the_data_folder_follows_xdg_and_never_the_articles_folder():
    assert data_dir({"XDG_DATA_HOME": "/xdg"}) == Path("/xdg/scaledeal")
    assert data_dir({"SCALEDEAL_DATA_DIR": "/tmp/d", "XDG_DATA_HOME": "/xdg"}) == Path("/tmp/d")
