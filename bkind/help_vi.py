"""The command line in Vietnamese: command and option help, and Typer/Click's own words
(Cách dùng:, Tùy chọn:, Lỗi: ...), chosen before Typer parses anything.

English help stays where it is written, beside each option in `cli.py`; the Vietnamese
is in the catalogue (bkind/catalogue.toml, help.command.NAME and help.option.NAME; the
catalogue test checks every command and option has it). Typer vendors Click without
gettext, so its fixed English phrases are rewritten here on their way out: the help page
(`Context.get_help`) and usage errors (`exceptions.echo`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bkind.i18n import CATALOGUE, LANGS, detect_lang


def help_text(command: str, option: str | None, lang: str) -> str | None:
    """The help of a command (`command`, "" for bkind itself) or of one of its options in
    `lang`, from the catalogue: help.option.COMMAND.NAME where one command's option means
    something else, else help.option.NAME; None where the catalogue has none."""
    if option is None:
        keys = [f"help.command.{command or 'bkind'}"]
    else:
        keys = [f"help.option.{command}.{option}"] if command else []
        keys.append(f"help.option.{option}")
    for key in keys:
        if key in CATALOGUE:
            return CATALOGUE[key].get(lang)
    return None


def _no_such_option(m: re.Match[str]) -> str:
    text = f"Không có tùy chọn {m.group(1)}"
    return text + (f". Có phải ý bạn là {m.group(2)}?" if m.group(2) else "")


def _not_one_of(m: re.Match[str]) -> str:
    import difflib

    choices = re.findall(r"'([^']*)'", m.group(2))
    close = difflib.get_close_matches(m.group(1), choices, n=1, cutoff=0.5)
    text = f"'{m.group(1)}' không phải một trong các giá trị {m.group(2)}."
    return text + (f" Có phải ý bạn là '{close[0]}'?" if close else "")


Replacement = str | Callable[[re.Match[str]], str]

# Typer/Click's fixed phrases, as GLOSSARY.md words them
_PHRASES: list[tuple[str, Replacement]] = [
    (r"^Usage: ", "Cách dùng: "),
    (r"^Options:$", "Tùy chọn:"),
    (r"^Arguments:$", "Tham số:"),
    (r"^Commands:$", "Lệnh:"),
    (r"\[OPTIONS\]", "[TÙY_CHỌN]"),
    (r"COMMAND \[ARGS\]\.\.\.", "LỆNH [THAM_SỐ]..."),
    (r"Show this message and exit\.", "Hiện hướng dẫn này rồi thoát."),
    (r"\[default: ([^\]]*)\]", r"[mặc định: \1]"),
    (r"\[required\]", "[bắt buộc]"),
    (r"^Try '(.+?)' for help\.$", r"Xem hướng dẫn: '\1'."),
    (r"^Error: ", "Lỗi: "),
    (r"No such option: (\S+?) \(Possible options: (.+?)\)$",
     r"Không có tùy chọn \1. Có phải ý bạn là: \2?"),
    (r"No such option: (\S+?)(?: Did you mean (\S+?)\?)?$", _no_such_option),
    (r"\.? Did you mean (.+?)\?$", r". Có phải ý bạn là \1?"),
    (r"^Aborted!$", "Đã hủy."),
    (r"No such command '(.+?)'\.", r"Không có lệnh '\1'."),
    (r"Missing argument '(.+?)'\.", r"Thiếu tham số '\1'."),
    (r"Missing option '(.+?)'\.", r"Thiếu tùy chọn '\1'."),
    (r"Option '(.+?)' requires an argument\.", r"Tùy chọn '\1' cần một giá trị."),
    (r"Option '(.+?)' does not take a value\.", r"Tùy chọn '\1' không nhận giá trị."),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", r"Thừa tham số: \1"),
    (r"Invalid value for (.+?): ", r"Giá trị không hợp lệ cho \1: "),
    (r"Invalid value: ", "Giá trị không hợp lệ: "),
    (r"'([^']*)' is not one of (.+)\.$", lambda m: _not_one_of(m)),
    (r"'(.*?)' is not a valid (?:int|integer)\.", r"'\1' không phải số nguyên."),
    (r"'(.*?)' is not a valid float\.", r"'\1' không phải là số."),
]
PHRASES: list[tuple[re.Pattern[str], Replacement]] = []  # compiled on first use


def translate(text: str) -> str:
    """Typer/Click's English phrases in `text`, in Vietnamese."""
    if not PHRASES:  # only a Vietnamese help page or error needs them
        PHRASES.extend((re.compile(p, re.M), r) for p, r in _PHRASES)
    for pattern, repl in PHRASES:
        text = pattern.sub(repl, text)
    return text


def lang_from_argv(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """The language asked for, read before Typer parses: --lang X / --lang=X, then
    BKIND_LANG and the locale; English when it is not one bkind speaks."""
    option = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            option = argv[i + 1]
        elif arg.startswith("--lang="):
            option = arg.split("=", 1)[1]
    lang = detect_lang(option, env)
    return lang if lang in LANGS else "en"


_state = {"lang": "en", "installed": False}


def _install() -> None:
    """Wrap Typer's help page and usage-error output once; they translate when the
    chosen language is Vietnamese."""
    if _state["installed"]:
        return
    from typer._click import core, exceptions

    get_help: Callable[..., str] = core.Context.get_help
    echo: Callable[..., Any] = getattr(exceptions, "echo")  # noqa: B009

    def help_in_lang(self: Any) -> str:
        text = get_help(self)
        return translate(text) if _state["lang"] == "vi" else text

    def echo_in_lang(message: Any = None, *args: Any, **kwargs: Any) -> Any:
        if _state["lang"] == "vi" and isinstance(message, str):
            message = translate(message)
        return echo(message, *args, **kwargs)

    core.Context.get_help = help_in_lang  # type: ignore[method-assign]
    setattr(exceptions, "echo", echo_in_lang)  # noqa: B010
    _state["installed"] = True


def localize(group: Any, lang: str) -> Any:
    """The click command built from the Typer app, with help in `lang`."""
    _install()
    _state["lang"] = lang
    if lang == "en":  # written beside each option in cli.py
        return group
    group.help = help_text("", None, lang) or group.help
    for param in group.params:
        param.help = help_text("", param.name, lang) or param.help
    for name, command in group.commands.items():
        command.help = help_text(name, None, lang) or command.help
        command.short_help = None
        for param in command.params:
            param.help = help_text(name, param.name, lang) or param.help
    return group


def run(app: Any, argv: Sequence[str] | None = None,
        env: Mapping[str, str] | None = None) -> None:
    """Build the click command, in the language asked for, and run it."""
    import sys

    import typer.main

    args = list(sys.argv[1:] if argv is None else argv)
    environ = os.environ if env is None else env
    lang = lang_from_argv(args, environ)
    # `bkind --lang vi status`, `bkind --help --lang vi`: a --lang before the command
    # counts for the whole run
    for i, arg in enumerate(args):
        if not arg.startswith("-"):
            break
        if arg == "--lang" and i + 1 < len(args) or arg.startswith("--lang="):
            value = args[i + 1] if arg == "--lang" else arg.split("=", 1)[1]
            del args[i:i + (2 if arg == "--lang" else 1)]
            os.environ["BKIND_LANG"] = value
            break
    localize(typer.main.get_command(_only_the_command_run(app, args)), lang)(
        args=args, prog_name="bkind")


def _only_the_command_run(app: Any, args: list[str]) -> Any:
    """The app with only the command this run invokes, when argv names one: building
    every command's options costs start-up time (a millisecond or so each), and a run
    uses one. `bkind --help`, or no command, gets them all."""
    import copy

    from typer.main import get_command_name

    wanted = next((a for a in args if not a.startswith("-")), None)
    if wanted is None or any(a in ("--help", "--version") for a in args[:args.index(wanted)]):
        return app
    chosen = [c for c in app.registered_commands
              if (c.name or get_command_name(c.callback.__name__)) == wanted]
    if not chosen:
        return app  # an unknown command: Typer lists the known ones
    only = copy.copy(app)
    only.registered_commands = chosen
    return only
