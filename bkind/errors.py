"""The one user-facing error type and the exit codes."""

from __future__ import annotations

from enum import IntEnum

from msgspec import Struct


class ExitCode(IntEnum):
    """Exit codes, as documented in README.md."""

    OK = 0
    FAIL_ON = 1  # a --fail-on STATUS condition matched
    BAD_INPUT = 2  # unreadable or invalid file, unknown option value


class Problem(Struct, frozen=True):
    """One problem in the user's input: where it is and what is wrong."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class BkindError(Exception):
    """Bad input: one or more problems, each printed as `path:line: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, path: str, line: int | None, message: str) -> BkindError:
        return cls([Problem(path, line, message)])
