"""The one user-facing error type and the exit codes.

A problem's message is keyed: `Msg(key, params)` names an `err.*` entry of the catalogue
in `bkind.i18n`, so the same problem prints in English (`str(problem)`) or in Vietnamese
(`problem.render("vi")`). Parameters may be messages themselves (a frame such as
"target 'x': ..." around the message of a bad value).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from msgspec import Struct


class ExitCode(IntEnum):
    """Exit codes, as documented in README.md."""

    OK = 0
    FAIL_ON = 1  # a --fail-on STATUS condition matched
    BAD_INPUT = 2  # unreadable or invalid file, unknown option value, closed stdout
    INTERNAL = 3  # a bug in bkind: one line on stderr (the traceback under --traceback)
    INTERRUPTED = 130  # Ctrl-C (SIGINT), as shells report it; nothing half written


class Msg(Struct, frozen=True):
    """A catalogue key and its parameters (text, numbers, or nested messages)."""

    key: str
    params: dict[str, Any] = {}

    def render(self, lang: str) -> str:
        from bkind.i18n import t

        return t(self.key, lang, **{name: value.render(lang) if isinstance(value, Msg)
                                    else value for name, value in self.params.items()})

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, /, **params: Any) -> Msg:
    """`Msg(key, params)`, written as a call: msg("err.file_not_found")."""
    return Msg(key, params)


def guess(message: Msg, word: str, choices: Any) -> Msg:
    """`message`, followed by "did you mean ...?" when one of `choices` is close to the
    name typed (a misspelt metric, workspace, status)."""
    import difflib

    names = [str(c) for c in choices]
    close = difflib.get_close_matches(str(word), names, n=3, cutoff=0.5)
    # grdp_grwth: grdp, not va_growth (a misspelling keeps its first letters)
    close = sorted(close, key=lambda c: not c[:3] == str(word)[:3])[:1]
    if not close:
        lowered = {str(c).lower(): str(c) for c in choices}
        close = [lowered[str(word).lower()]] if str(word).lower() in lowered else []
    return msg("err.guess", text=message, guess=close[0]) if close else message


_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]}
_CONTROLS[0x0A] = "\\n"
# bidi embeddings, overrides, isolates and marks (U+202A-202E, U+2066-2069, U+200E-200F,
# U+061C): they reorder what follows on screen and in documents ("Trojan source"); and
# the line and paragraph separators (U+2028-2029), line breaks to some readers: shown,
# not obeyed
_CONTROLS.update({c: f"\\u{c:04x}" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                             0x200E, 0x200F, 0x061C, 0x2028, 0x2029]})
# what XML (Word, Excel) cannot hold, and no text means: surrogates, the non-characters
# U+FDD0-FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE...)
_CONTROLS.update({c: f"\\u{c:04x}" for c in [*range(0xD800, 0xE000), *range(0xFDD0, 0xFDF0)]})
_CONTROLS.update({c: f"\\u{c:04x}" if c <= 0xFFFF else f"\\U{c:08x}"
                  for plane in range(17) for c in (plane << 16 | 0xFFFE, plane << 16 | 0xFFFF)})
_CONTROLS_KEEP_NL = {c: r for c, r in _CONTROLS.items() if c != 0x0A}
QUOTE_MAX = 200  # characters of the user's input quoted in a message


def printable(text: str, newlines: bool = False) -> str:
    """`text` with C0/C1 control characters (ESC, OSC, BEL, CR...), bidi overrides and
    what XML cannot hold (non-characters, lone surrogates) shown as escapes, so that
    nothing read from a file can drive the terminal, reorder a line or break a Word or
    Excel file; newlines kept if asked."""
    if text.isprintable() or (newlines and text.replace("\n", "").isprintable()):
        return text  # the usual case, at C speed
    return text.translate(_CONTROLS_KEEP_NL if newlines else _CONTROLS)


def clip(text: str, most: int = QUOTE_MAX) -> str:
    """`text` cut to `most` characters (a message never echoes megabytes of input)."""
    return text if len(text) <= most else f"{text[:most]}… ({len(text)} characters)"


class Problem(Struct, frozen=True):
    """One problem in the user's input: where it is and what is wrong.

    `message` is the English text; `msg`, when given, the same message as a catalogue
    key, so that it can be shown in another language.
    """

    path: str
    line: int | None
    message: str
    msg: Msg | None = None

    @classmethod
    def of(cls, path: str, line: int | None, message: Msg) -> Problem:
        return cls(path, line, message.render("en"), message)

    def render(self, lang: str) -> str:
        """`path:line: message` in `lang` (English when the message has no key)."""
        text = self.msg.render(lang) if self.msg is not None and lang != "en" \
            else self.message
        text = printable(clip(text, 4 * QUOTE_MAX))
        path = printable(clip(self.path, 4 * QUOTE_MAX))
        if self.line is None:
            return f"{path}: {text}"
        return f"{path}:{self.line}: {text}"

    def __str__(self) -> str:
        return self.render("en")


class BkindError(Exception):
    """Bad input: one or more problems, each printed as `path:line: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, path: str, line: int | None, message: Msg) -> BkindError:
        return cls([Problem.of(path, line, message)])


class Invalid(ValueError):
    """A value that cannot be read, with its message (for helpers that raise)."""

    def __init__(self, message: Msg) -> None:
        self.msg = message
        super().__init__(str(message))
