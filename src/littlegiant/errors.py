"""The one exception type that the CLI turns into a one-line message and exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input from a user or a rule author: a file, a field, and what was expected.

    Rendered as ``file:line: field: message`` so that editors can jump to it, and so that
    every bad-input path in the tool produces the same one-line shape.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field

    def located(self, file: str | None = None) -> InputError:
        """Return a copy that names ``file`` when the error did not know it yet."""
        if self.file is None and file is not None:
            return InputError(self.message, file=file, line=self.line, field=self.field)
        return self

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [p for p in (where, clip(self.field, 120) if self.field else None) if p]
        return ": ".join([*parts, clip(self.message, MESSAGE_CHARS)])


MESSAGE_CHARS = 300
"""A message quotes at most this much of what it was given: one short line, never a whole file."""


def clip(text: str, limit: int) -> str:
    """``text`` on one line and at most ``limit`` characters, with "…" where it was cut."""
    one = " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
    return one if len(one) <= limit else one[: limit - 1] + "…"


def describe(value: object) -> str:
    """A bad value as messages show it ("got text 'many'", "got a list"), for profiles and rule files alike."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"text {clip(value, 40)!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return str(value)


INTERNAL = "internal error"
"""How the message of an exception no check expected (a bug) starts; a batch counts such rows and exits 3."""


def internal_message(exc: BaseException) -> str:
    """One line for an exception no check expected: a bug, to be reported with the input that met it."""
    detail = " ".join(str(exc).split())[:200]
    return f"{INTERNAL} (a bug in littlegiant; please report it with the input that caused it): {type(exc).__name__}: {detail}"
