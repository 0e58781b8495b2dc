"""The one exception type that the CLI turns into a one-line message and exit code 2."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from littlegiant.messages import SELF_NAMED, Bilingual, clip, describe, say

__all__ = ["INTERNAL", "MESSAGE_CHARS", "InputError", "clip", "describe", "internal_message"]


class InputError(Exception):
    """Bad input from a user or a rule author: a file, a field, and what was expected.

    Rendered as ``file:line: field: message`` so that editors can jump to it, and so that
    every bad-input path in the tool produces the same one-line shape. An error raised with a
    ``kind`` (a key of the messages catalog) and its parameters can also be said in Chinese
    (``render``); ``label`` names its field in words (营业收入（2025年）) where ``field`` is a path.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        kind: str | None = None,
        params: Mapping[str, object] | None = None,
        label: Bilingual | None = None,
        said: Bilingual | None = None,
    ) -> None:
        if message is None and said is not None:
            message = said.en
        if message is None:
            if kind is None:
                raise TypeError("InputError needs a message, a kind or its words (said)")
            message = say(kind, "en", params)
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        self.kind = kind
        self.params = dict(params or {})
        self.label = label
        if said is not None:
            self.said = said

    said: Bilingual | None = None
    """Its words in both languages, where the catalog has none (the Python API's own, on its arguments): an
    error raised with a message alone is said in English in a Chinese screen too."""

    worded: str | None = None
    """The catalog entry this error is said in when it is not its ``kind``'s (``said_as``); a class-wide
    default, so that an error pickled before it had one reads as before."""
    worded_params: Mapping[str, object] = MappingProxyType({})

    def said_as(self, worded: str, params: Mapping[str, object] | None = None) -> None:
        """Say this error in the words of catalog entry ``worded``, its ``kind`` and ``params`` kept: the
        Python API says what its caller passes (rules="shandong-2022", what_if) where the command line's
        words name an option (--rules, --set) a script never typed, and a script matching on ``kind``
        still finds it."""
        self.worded = worded
        self.worded_params = {**self.params, **(params or {})}
        self.message = say(worded, "en", self.worded_params)
        self.args = (self.message,)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled whole (to and from batch workers): kind, parameters and place kept, whatever the
        subclass's own constructor takes."""
        return _restore, (type(self), self.args, dict(self.__dict__))

    def moved(self, **where: Any) -> InputError:
        """A copy at another place (``file``, ``line``, ``field``, ``label``), its words kept."""
        place = {"file": self.file, "line": self.line, "field": self.field, "label": self.label, **where}
        moved = InputError(self.message, kind=self.kind, params=self.params, said=self.said, **place)
        if self.worded is not None:
            moved.said_as(self.worded, self.worded_params)
        return moved

    def located(self, file: str | None = None) -> InputError:
        """Return a copy that names ``file`` when the error did not know it yet."""
        if self.file is None and file is not None:
            return self.moved(file=file)
        return self

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        """The error on one line in ``lang``: English as ``file:line: field: message``; Chinese as
        ``file 第 N 行，字段名称：说明``, with the field named by its label when it has one. An error
        the catalog does not know keeps its English words."""
        if lang != "zh":
            return self.placed(lang)
        text = self.words("zh")
        where = ""
        if self.file:
            where = _file_shown(self.file) if self.line is None else f"{_file_shown(self.file)} 第 {self.line} 行"
        name = self.label.zh if self.label is not None else self.field
        head = "，".join(p for p in (where, clip(name, 120) if name else None) if p)
        return f"{head}：{clip(text, MESSAGE_CHARS)}" if head else clip(text, MESSAGE_CHARS)

    def placed(self, lang: str) -> str:
        """The error as ``file:line: field: message``, its message in ``lang``: the shape editors jump to,
        and the one ``rules validate`` lists a rule file's problems in for their author, who edits the
        keys it names as written (render("zh") says the place in words, 第 N 行)."""
        where = ""
        if self.file:
            where = _file_shown(self.file) if self.line is None else f"{_file_shown(self.file)}:{self.line}"
        field = self.field
        if self.kind in SELF_NAMED:  # its sentence names both by label; the place names both by path
            paths = [p for p in (self.params.get("part_path"), self.params.get("whole_path")) if isinstance(p, str)]
            field = ", ".join(paths) or None
        parts = [p for p in (where, clip(field, 120) if field else None) if p]
        return ": ".join([*parts, clip(self.words(lang), MESSAGE_CHARS)])

    def words(self, lang: str) -> str:
        """What is wrong, in ``lang``, without its place; an error the catalog does not know keeps its English."""
        if self.said is not None:
            return self.said.zh if lang == "zh" else self.said.en
        if lang != "zh" or self.kind is None:
            return self.message
        return say(self.worded, "zh", self.worded_params) if self.worded is not None else say(self.kind, "zh", self.params)


FILE_CHARS = 160
"""The most of a file's name a message shows: a script passing a profile's YAML text as its path was
told so in 8,033 characters over 1,001 lines."""


def _file_shown(file: str) -> str:
    """A file's name on one line: its line breaks escaped, a name past FILE_CHARS cut in the middle (its
    folder's start and its own name's end are what tell it)."""
    text = file.replace("\r", "\\r").replace("\n", "\\n")
    if len(text) <= FILE_CHARS:
        return text
    return f"{text[:FILE_CHARS // 2]}…{text[-(FILE_CHARS // 2 - 1):]}"


def _restore(cls: type[InputError], args: tuple[Any, ...], state: dict[str, Any]) -> InputError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


MESSAGE_CHARS = 300
"""A message quotes at most this much of what it was given: one short line, never a whole file."""


INTERNAL = "internal error"
"""How the message of an exception no check expected (a bug) starts; a batch counts such rows and exits 3."""


def internal_message(exc: BaseException) -> str:
    """One line for an exception no check expected: a bug, to be reported with the input that met it."""
    detail = " ".join(str(exc).split())[:200]
    return f"{INTERNAL} (a bug in littlegiant; please report it with the input that caused it): {type(exc).__name__}: {detail}"
