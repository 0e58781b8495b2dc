"""The interview at the terminal: prompts on stderr, answers from stdin, a save after every answer.

Prompts go to stderr so that stdout carries only the final report (``--format json`` stays
pure JSON). Every answer is written to the save file atomically before the next question
is shown, so Ctrl-C, a closed terminal or end of input lose nothing that was answered.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from littlegiant.engine import fmt, unit_text
from littlegiant.errors import InputError
from littlegiant.fileio import atomic_write_text
from littlegiant.i18n import EXPECT_ZH, t
from littlegiant.interview import Interview, Question, dump_profile, null_paths
from littlegiant.profile import PartExceedsWhole, Scalar, field_for_path, from_data
from littlegiant.report_common import part_text
from littlegiant.rules import FieldDef, RuleSet
from littlegiant.yamlio import read_data_file

HEADER = ("# littlegiant profile written by the interactive assessment ({rules}, as of {as_of}).\n"
          "# null means \"don't know\". Assess it again with: littlegiant assess {save}\n")


def _t(key: str, lang: str, **kw: object) -> str:
    return t(f"interview.{key}", lang, **kw)


class Interrupted(Exception):
    """The user stopped the interview (Ctrl-C or end of input); the answers are saved."""


@dataclass
class Terminal:
    """Where the interview reads and writes; tests and the CLI pass real streams."""

    stdin: IO[str]
    out: IO[str]

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.stdin.readline()
        if line == "":
            raise Interrupted
        return line.rstrip("\r\n")


def load_saved(path: Path, rules: RuleSet) -> tuple[dict[str, Scalar], set[str]]:
    """The answers of an earlier interview: known values and the paths answered "don't know"."""
    data = read_data_file(path)
    prof = from_data(data, rules, str(path))
    unknown = set()
    for p in null_paths(data):
        try:
            field_for_path(rules, p)
        except InputError:
            continue  # a null group such as ``financials: {2025: null}`` asks nothing
        unknown.add(p)
    return dict(prof.values), unknown


def _range(f: FieldDef) -> str | None:
    """A number field's bounds worth showing ("1–4"); a bare "not negative" is not."""
    if f.type in ("bool", "choice", "text") or (f.maximum is None and f.minimum in (None, 0)):
        return None
    lo = fmt(f.minimum) if f.minimum is not None else "…"
    hi = fmt(f.maximum) if f.maximum is not None else "…"
    return f"{lo}–{hi}"


def expected_zh(q: Question) -> str:
    """What a field expects, in Chinese (the loader's own messages are English)."""
    text = EXPECT_ZH.get(q.field.type, "请重新输入")
    bounds = _range(q.field)
    return text + (f"，范围 {bounds}" if bounds else "")


def describe(q: Question, lang: str) -> str:
    """The question as shown: label, year, unit, help and the choices."""
    f = q.field
    head = f.label.get(lang)
    if q.year is not None:
        head += " · " + _t("year", lang, year=q.year)
    if f.unit:
        head += f" [{unit_text(f.unit, lang).strip(' ()') if lang == 'en' else f.unit}]"
    lines = [head]
    if f.help is not None:
        lines.append("  " + f.help.get(lang))
    if f.type == "bool":
        lines.append("  " + _t("yesno", lang))
    elif f.type == "choice":
        for i, choice in enumerate(f.choices, 1):
            label = f.choice_labels.get(choice)
            lines.append(f"  {i}) {choice}" + (f" — {label.get(lang)}" if label is not None else ""))
        lines.append("  " + _t("pick", lang))
    elif (bounds := _range(f)) is not None:
        lines.append(f"  ({bounds})")
    return "\n".join(lines) + "\n> "


def run(interview: Interview, term: Terminal, save: Path, lang: str, resume_cmd: str,
        preset: Iterable[tuple[str, Scalar | None]] = ()) -> None:
    """Ask until nothing relevant is left. Raises Interrupted (answers saved) on Ctrl-C or end of input."""
    header = HEADER.format(rules=interview.rules.id, as_of=interview.as_of.isoformat(), save=save)

    def persist() -> None:
        atomic_write_text(save, dump_profile(interview.saved_data(), header))

    if save.exists():
        values, unknown = load_saved(save, interview.rules)
        while True:
            try:
                choice = term.ask(_t("found", lang, save=save, n=len(values) + len(unknown))).strip().lower()
            except (KeyboardInterrupt, Interrupted):
                term.out.write(_t("kept", lang, save=save))
                raise Interrupted from None
            if choice in ("", "r", "resume", "y", "yes", "继续", "是"):
                interview.values.update(values)
                interview.unknown |= unknown
                break
            if choice in ("o", "overwrite", "start over", "n", "no", "重新开始", "否"):
                break
            term.out.write(_t("found_retry", lang))
    for path, value in preset:
        interview.record(path, value)
    if interview.values or interview.unknown:
        persist()
    term.out.write(_t("intro", lang, rules=interview.rules.id, as_of=interview.as_of.isoformat(),
                      year=interview.last_year, save=save))
    number = len(interview.values) + len(interview.unknown)
    try:
        while (q := interview.next_question()) is not None:
            number += 1
            left = max(interview.remaining_bound() - 1, 0)
            term.out.write("\n" + _t("question", lang, n=number, left=left, path=q.path) + "\n")
            prompt = describe(q, lang)
            while True:
                text = term.ask(prompt)
                prompt = "> "
                try:
                    value = interview.answer(q, text)
                except PartExceedsWhole as exc:
                    term.out.write(_t("retry", lang, msg=part_text(exc.violation, lang)))
                    continue
                except InputError as exc:
                    msg = exc.message if lang == "en" else f"{expected_zh(q)}（{exc.message}）"
                    term.out.write(_t("retry", lang, msg=msg))
                    continue
                break
            if value is None:
                term.out.write(_t("unknown", lang))
            persist()
    except (KeyboardInterrupt, Interrupted):
        n = len(interview.values) + len(interview.unknown)
        if n:
            persist()  # again, in case the interrupt landed between an answer and its save
        term.out.write(_t("stopped", lang, n=n, save=save, cmd=resume_cmd) if n else _t("nothing", lang))
        raise Interrupted from None
    if not (interview.values or interview.unknown):
        persist()  # nothing was relevant: still leave a valid (empty-answer) file behind
    term.out.write(_t("done", lang, n=len(interview.values) + len(interview.unknown), save=save))


def resume_command(save: Path, as_of: str | None, rules: str | None, renewal: str | None, lang: str | None) -> str:
    """The command line that picks the interview up again (same rule set and date)."""
    parts = ["littlegiant", "assess", "--save", str(save)]
    if as_of:
        parts += ["--as-of", as_of]
    if rules:
        parts += ["--rules", rules]
    if renewal:
        parts.extend(("--renewal", renewal))
    if lang:
        parts += ["--lang", lang]
    return shlex.join(parts)  # a path with spaces still pastes as one argument
