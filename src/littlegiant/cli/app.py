"""The command line: parse options, call the engine, render. Nothing else lives here.

Heavy modules (rich, PyYAML, the rule sets) are imported inside the commands that need them,
so ``--help`` and ``--version`` stay close to typer's own start-up cost.
"""

# No ``from __future__ import annotations`` here: typer would then compile every option's annotation
# from its string at each start (about 20 ms of an assessment's start-up, issue #14).
from littlegiant.cli import stopping

if stopping.started_as_command():  # first: a stop signal while typer and the rest load is held, not a traceback
    stopping.hold_from_start()

import io
import os
import re
import sys
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from littlegiant import __version__, lazyre

if TYPE_CHECKING:  # the batch command's alone, loaded when it runs
    from collections.abc import Generator, Iterator

    from littlegiant.core.result import Result
    from littlegiant.load.profile import Profile
    from littlegiant.load.rules import RuleSet
    from littlegiant.load.shares import FractionColumn, ShareColumns

EXIT_OK, EXIT_ROWS, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(
    name="littlegiant",
    help="Check a Chinese SME against MIIT's ladder of titles (创新型/科技型, 专精特新, 小巨人) and see what it lacks.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def say(line: str) -> None:
    """One line for people on stderr; a closed terminal (SIGHUP) or stderr is no reason to crash. On a
    terminal, a line wider than it is broken where Chinese and English text may break (notelines)."""
    try:
        if _is_terminal(sys.stderr):
            import shutil

            from littlegiant.cli.notelines import fitted

            line = fitted(line, shutil.get_terminal_size().columns)
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):  # closed, None, or a closed file object
        pass


def fail(message: Any, lang: str = "en", code: int = EXIT_INPUT) -> NoReturn:
    """One line on stderr, then exit: the shape every bad-input path uses. ``message`` is an
    InputError (said in ``lang``) or a line already in words."""
    from littlegiant.messages import say as words

    text = message if isinstance(message, str) else message.render(lang)
    say(words("run.error", lang, {"message": text}))
    raise typer.Exit(code)


def bad(kind: str, lang: str, field: str | None = None, file: str | None = None, **params: object) -> NoReturn:
    """Exit 2 with the catalog's sentence ``kind`` in ``lang``: an option or path the user gave is wrong."""
    from littlegiant.errors import InputError

    fail(InputError(kind=kind, params=params, field=field, file=file), lang)


def one_of(option: str, got: str, choices: tuple[str, ...], lang: str) -> str:
    """``got`` as one of ``choices``, in any letter case and with spaces around it (--format HTML, as
    a file's name or a habit has it: it was refused with "did you mean html?"); exit 2 otherwise."""
    folded = got.strip().lower()
    if folded in choices:
        return folded
    bad_choice(option, got, choices, lang)


def bad_choice(option: str, got: str, choices: tuple[str, ...], lang: str) -> NoReturn:
    """Exit 2 for an option value not among ``choices``, with the nearest one when it is close."""
    from littlegiant.messages import nearest

    near = nearest(got, choices)
    if near is not None:
        bad("opt.choice_near", lang, option, choices=", ".join(choices), got=got, near=near)
    bad("opt.choice", lang, option, choices=", ".join(choices), got=got)


def _version(value: bool) -> None:
    if value:
        write_output(f"littlegiant {__version__}\n", None)  # a closed stdout (>&-): one line and exit 2
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="zh or en: the language of every command's help, messages and reports (a command's own "
                       "--lang goes first). Default: from the locale.", show_default=False)] = None,
) -> None:
    """littlegiant: 专精特新 self-assessment."""
    from littlegiant.i18n import choose_lang

    choose_lang(check_lang(lang) if lang is not None else None)  # None: an earlier run's choice (a test's) is not this one's


def parse_as_of(text: str | None, lang: str = "en") -> date:
    """--as-of as a year, month and day in that order, written as people write them (2026/4/1,
    2026年4月1日, 20261126: typedwords.typed_day), up to the last year a profile may name."""
    if text is None:
        return date.today()
    from littlegiant.errors import InputError
    from littlegiant.load.profile import LATEST_AS_OF_YEAR
    from littlegiant.load.typedwords import typed_day

    try:
        day = typed_day(text, "--as-of")
    except InputError as exc:
        fail(exc, lang)
    if day.year > LATEST_AS_OF_YEAR:
        bad("opt.date_late", lang, "--as-of", got=text, last=date(LATEST_AS_OF_YEAR, 12, 31).isoformat())
    return day


RENEWALS = ("zjtx_sme", "little_giant")
NO_RENEWAL = "none"
"""--renewal none: a new application, said outright (typedwords.NO_RENEWAL)."""


def check_renewal(renewal: str | None, lang: str = "en") -> str | None:
    """The tier id a --renewal names (typedwords.renewal_named: the id, a renewed tier's title, 小巨人,
    专精特新), or NO_RENEWAL for none and the words of a new application said outright (新申请, 首次申报,
    否). Words that fit several titles are refused naming them; a user typing the title on the
    certificate was refused."""
    if renewal is None or renewal in RENEWALS:
        return renewal
    from littlegiant.load.typedwords import renewal_named
    from littlegiant.messages import nearest

    named = renewal_named(renewal)
    if isinstance(named, str):
        return named
    if len(named) > 1:
        bad("opt.renewal_ambiguous", lang, "--renewal", got=renewal)
    near = nearest(renewal, (*RENEWALS, NO_RENEWAL))
    if near is not None:
        bad("opt.renewal_near", lang, "--renewal", got=renewal, near=near)
    bad("opt.renewal", lang, "--renewal", got=renewal)


def _compare_names(value: str, lang: str) -> list[str]:
    """The two names --compare gives, as typed; exit 2 unless there are two."""
    # a comma typed with a Chinese input method (，、) separates as the ASCII one does
    names = [c.strip() for c in re.split(r"[,，、]", value) if c.strip()]
    if len(names) != 2:
        bad("opt.compare", lang, "--compare", got=value)
    if names[0].lower() == names[1].lower():  # the same set beside itself: a comparison with nothing to tell
        bad("opt.compare_same", lang, "--compare", got=names[0])
    return names


def _compared_sets(value: str, lang: str, day: date | None = None, renewal: str | None = None) -> list[tuple[Any, Any]]:
    """The two rule sets --compare names, loaded, each with the choice that judges by it. A name it does not
    know is said of --compare (it was said of --rules, which the user never gave), and where every name has a
    near one the whole value is suggested (2022,2026: did you mean miit-2022,miit-2026), to be typed again as it is.

    The set the calendar names on ``day`` comes with that day's round notice, as a plain assessment
    has it: in 2025 the 2022 column gave 小巨人 待审核 on 4,000万 of revenue while the report without
    --compare, and the comparison's own heading, held it to 190号's 5,000万 floor."""
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets
    from littlegiant.load.rulecalendar import forced

    names = _compare_names(value, lang)

    def meant(name: str) -> str | None:
        try:
            rulesets.resolve_rules_arg(name)
        except InputError as exc:
            return str(exc.params["near"]) if exc.kind == "rules.unknown_near" else None
        return name

    out = []
    for name in names:
        try:
            found = rulesets.load(name)
            in_force = rulesets.with_round(name, day, renewal) if day is not None else None
            out.append((rulesets.load(in_force[0]), in_force[1]) if in_force is not None else
                       (found, forced(found.id, renewal, "--compare")))
        except InputError as exc:
            if exc.field != "--rules":
                raise
            near = [meant(n) for n in names]
            if exc.kind == "rules.unknown_near" and None not in near:
                raise InputError(kind="rules.unknown_near", params={**exc.params, "near": ",".join(map(str, near))},
                                 field="--compare") from None
            raise exc.moved(field="--compare") from None
    return out


def check_lang(lang: str | None) -> str:
    from littlegiant.i18n import default_lang, lang_of

    if lang is None:
        return default_lang()
    found = lang_of(lang)
    if found is None:
        bad("opt.lang", default_lang(), "--lang", got=lang)
    return found


FORMATS = ("text", "json", "markdown", "html")
_SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".odt", ".rtf")
"""Report files assess cannot write: a user naming one expects that kind of file, not text in it."""


def report_format(output: Path | None, lang: str) -> str:
    """The report's format when --format is not given: the one the output file's name asks for
    (报告.html is an HTML report, not text in a file named .html), else text."""
    suffix = output.suffix.lower() if output is not None else ""
    if suffix in _DOCUMENT_SUFFIXES:
        bad("out.report_kind", lang, "--output", str(output), suffix=suffix)
    return _SUFFIX_FORMATS.get(suffix, "text")


_INPUT_SUFFIXES = (".yaml", ".yml", ".csv", ".jsonl", ".ndjson", ".tsv")
"""Names of the files a company's figures are kept in: a report written over one (-o other.yaml)
replaced another company's profile with text, without a word."""


def report_name(output: Path, lang: str) -> None:
    """Exit 2 when a report would go to a file named as figures are kept (whatever --format says), or
    over a .json file that is no result of this tool (a profile may be JSON too)."""
    if output.suffix.lower() in _INPUT_SUFFIXES:
        bad("out.report_input_name", lang, "--output", str(output), suffix=output.suffix)
    if output.suffix.lower() == ".json" and os.path.isfile(output) and not _our_json(output):
        bad("out.not_report", lang, file=str(output))
    if output.suffix.lower() != ".json" and os.path.isfile(output) and not _our_report(output):
        bad("out.not_our_report", lang, file=str(output))


_OUR_FOOTER = lazyre.compile(rb"littlegiant \d+\.\d+")
"""The footer every report and comparison ends on (依据 … · littlegiant 0.1.0), in text, Markdown and HTML."""
_EXPLAINED_LINES = ((lazyre.compile("^所属称号：".encode(), re.M), lazyre.compile("^政策依据：".encode(), re.M)),
                    (lazyre.compile(rb"^Tier: ", re.M), lazyre.compile(rb"^Source: ", re.M)))
"""Two lines every --explain text has (report/explain.py's heads), which has no footer."""


def _our_report(path: Path) -> bool:
    """Whether an existing file is empty or one this tool wrote (a report, a comparison, an explanation, or
    JSON written under another name): -o 甲公司.txt replaced the consultant's own notes of that client
    with the report, without a word. A footer is read at the file's end, an explanation's heads at its
    start."""
    most = 1 << 14
    try:
        with path.open("rb") as handle:
            head = handle.read(most)
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(size - most, 0))
            tail = handle.read()
    except OSError:
        return True  # unreadable: the write says why, as before
    if not tail.strip():
        return True
    explained = any(tier.search(head) and source.search(head) for tier, source in _EXPLAINED_LINES)
    return bool(_OUR_FOOTER.search(tail)) or explained or _our_json(path)


def _our_json(path: Path) -> bool:
    """Whether an existing .json file is empty or one this tool wrote: a result, a comparison, an
    explanation (their first keys say so; a profile starts with name, industry, financials ...)."""
    import json

    try:
        with path.open("rb") as handle:
            text = handle.read(1 << 20)
        if not text.strip():
            return True
        head = json.JSONDecoder().raw_decode(text.decode("utf-8", "replace").lstrip("\ufeff \t\r\n"))[0]
    except (ValueError, RecursionError):  # nested past json's limit: a bug's exit 3 before
        head = None  # cut at 1 MB, or no JSON: judged by its opening below
    if isinstance(head, list) and head and all(isinstance(x, dict) for x in head):  # a renewal's waived conditions
        return all(_explained(x) for x in head)
    if isinstance(head, dict):
        return bool({"format_version", "compare"} & set(head)) or _explained(head)
    return text.lstrip().startswith((b'{"format_version"', b'{\n  "format_version"', b'{\n  "compare"',
                                     b'{\n  "tier"', b'[\n  {\n    "tier"'))


_EXPLAINED = frozenset({"tier", "renewal", "judged_as", "criterion", "scoring", "checked_in_renewal", "why"})
"""The keys of an --explain document: one of them written with -o 说明.json was refused by the next run as
"not a littlegiant result", as only {tier, criterion} was looked for."""


def _explained(doc: dict[str, Any]) -> bool:
    """Whether a JSON object is an --explain document (its tier and criterion, nothing a profile has)."""
    return {"tier", "criterion"} <= set(doc) <= _EXPLAINED
ALLOW_OUTSIDE = typer.Option("--allow-outside", help="Let the rule file's 'extends:' read a file outside its own folder.")


def write_output(text: str, output: Path | None, lang: str = "en", fmt: str | None = None) -> None:
    """Write to --output atomically (temporary file, then rename), or to stdout. ``output`` must
    have passed ``checked_output``. ``fmt``: a report's format, whose file keeps what was typed into
    the one it replaces (``reportfile``)."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except (OSError, AttributeError, ValueError) as exc:  # a full disk, a closed pipe, no stdout at all
            _drop_stdout()
            if not isinstance(exc, OSError):  # >&-: no stream at all, no errno to say it by
                bad("out.stdout_closed", lang)
            bad("out.stdout", lang, error=_os_error(exc, "it is closed"))
        return
    from littlegiant.errors import InputError
    from littlegiant.load.fileio import AtomicWriter

    kept = None
    try:
        if fmt is not None:
            from littlegiant.cli.reportfile import keep_if_typed_into, with_mark

            text = with_mark(text, fmt, lang)
            kept = keep_if_typed_into(output, text.encode("utf-8", "surrogatepass"))
        with AtomicWriter(output) as out:
            out.handle.write(text)
    except OSError as exc:
        bad("out.unwritable", lang, str(output), error=_os_error(exc))
    except InputError as exc:  # something other than a file put there meanwhile
        fail(exc, lang)
    if kept is not None:
        from littlegiant.messages import say as words

        say(words("out.kept_changed", lang, {"output": str(output), "backup": str(output.parent / kept.name)}))


def _os_error(exc: BaseException, otherwise: str = "") -> object:
    """An OSError as a message parameter: said by its errno in Chinese, by its own text in English."""
    from littlegiant.messages import SystemError_

    return SystemError_(getattr(exc, "errno", None), getattr(exc, "strerror", None) or otherwise or None)


def _is_terminal(stream: Any) -> bool:
    """Whether a standard stream is a terminal; a closed one (``>&-``: None) is not."""
    return stream is not None and stream.isatty()


def _drop_stdout() -> None:
    """Point stdout at nothing, so that Python's own flush at exit does not fail a second time
    with a traceback of its own."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
    sys.stdout = None


def checked_output(output: Path | str, inputs: list[Path | None], option: str = "--output", lang: str = "en") -> Path:
    """The file to write for an output option, or exit 2: never an input, never a special file (given
    as typed, a trailing slash is kept and refused: see check_output)."""
    import errno

    from littlegiant.errors import InputError
    from littlegiant.load.fileio import check_output

    if not str(output).strip():  # -o "$REPORT" with REPORT unset: "：是文件夹" of a name not there, or a file named " "
        fail(InputError(kind="out.no_name", field=option), lang)
    if str(output) != str(output).rstrip():  # copied from a cell: "报告.html " got a text report, in a file none finds by name
        fail(InputError(kind="out.trailing_space", params={"name": str(output).rstrip()}, field=f"{option} '{output}'"), lang)
    try:
        return check_output(output, [p for p in inputs if p is not None], option)
    except InputError as exc:
        if exc.kind == "out.no_folder" or (exc.kind == "out.unwritable" and
                                            getattr(exc.params.get("error"), "errno", None) == errno.ENOTDIR):
            missing, above = _missing_folder(Path(output))
            exc.said_as("out.no_folder_named" if above is None else "out.folder_is_file",
                        {"folder": str(missing), "file": str(above)})
        fail(exc, lang)


def _missing_folder(output: Path) -> tuple[Path, Path | None]:
    """The folder of ``output``, as typed, that is not there: the first one missing from the top
    (``客户/2026/报告.txt`` with no 客户: 客户), with the file standing in its place, if one does
    (``报告.txt/x.txt``). "expected a file in an existing folder" left a consultant guessing which
    of the folders in a long path was mistyped."""
    missing = output.parent
    while str(missing.parent) not in ("", ".") and missing.parent != missing and not missing.parent.is_dir():
        missing = missing.parent
    return missing, (missing if missing.exists() else None)


def held_for_run(ctx: typer.Context, target: Path, named: Path, lang: str) -> None:
    """Lock the output ``target`` (``fileio.locked``) until the command of ``ctx`` ends, however it
    ends (its context releases it): two runs onto one file at once (a script double-clicked twice,
    two staff on a shared drive) both ran, and the last to finish replaced the other's results
    without a word. The second is refused (exit 2) before it reads or writes anything. ``named``:
    the output as the user named it, for the message."""
    from littlegiant.errors import InputError
    from littlegiant.load.fileio import Locked, locked

    try:
        ctx.with_resource(locked(target, named))
    except Locked:
        bad("out.locked", lang, output=str(named))
    except InputError as exc:  # a link or FIFO at the lock's name
        fail(exc, lang)
    except OSError as exc:  # a folder that cannot be written: the output could not be either
        bad("out.unwritable", lang, str(named), error=_os_error(exc))


def rules_path(rules: str | None) -> Path | None:
    """A --rules value that names a file or folder on disk (an input an output must not replace)."""
    return Path(rules) if rules is not None and os.path.exists(rules) else None


@app.command(epilog="""Examples:

  littlegiant assess examples/little-giant-2022.yaml --as-of 2026-03-01

  littlegiant assess company.yaml --format json --output result.json

  littlegiant assess company.yaml --lang zh -o 报告.html      (the format from the name: .html, .md, .json)

  littlegiant assess company.yaml --set financials.2025.rd_expense=700 --lang zh

  littlegiant assess --save acme.yaml          (interactive: answer the questions; resume later)
""")
def assess(
    # readable=False: an unreadable file is said by our own message (with its path, in Chinese too), not click's
    profile: Annotated[Path | None, typer.Argument(readable=False, help="Profile file (YAML or JSON). Without it, the questions are asked interactively.", show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Assessment date YYYY-MM-DD; picks the rule version in force and 'last year'. Default: today.", show_default=False)] = None,
    renewal: Annotated[str | None, typer.Option("--renewal", metavar="TITLE", help="A renewal (复核) of this title: zjtx_sme (the specialised and sophisticated SME title; 专精特新 also names it) or little_giant (the Little Giant title; also 小巨人). The rule calendar picks the set; the other tiers are judged as new applications, for reference. none (新申请) for a new application, also where the answers resumed were given for a renewal. Default: a new application, or what the resumed answers were given for.", show_default=False)] = None,
    rules: Annotated[str | None, typer.Option("--rules", help="Rule set: a built-in id (miit-2022, miit-2026) or a YAML file or folder.", show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="text, json, markdown or html. Default: what the --output file's name ends in (.json, .md, .html), else text.", show_default=False)] = None,
    output_as_typed: Annotated[str | None, typer.Option("--output", "-o", metavar="PATH", help="Write the report to this file instead of stdout (- is stdout).", show_default=False)] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="What-if: FIELD=VALUE with a dotted path, e.g. financials.2025.rd_expense=700. Repeatable.", show_default=False)] = None,
    save: Annotated[Path | None, typer.Option("--save", help="Interactive (no PROFILE): where answers are saved after every answer. Default: littlegiant-profile.yaml.", show_default=False, readable=False)] = None,
    explain: Annotated[str | None, typer.Option("--explain", help="Print how one criterion was decided: words of its title (e.g. 研发费用), its id, or TIER:ID for one tier's copy of a criterion several tiers share (e.g. little_giant:gate.sme, the size test under 小巨人).", show_default=False)] = None,
    compare: Annotated[str | None, typer.Option("--compare", help="Two rule sets side by side, e.g. miit-2022,miit-2026.", show_default=False)] = None,
    detail: Annotated[bool, typer.Option("--detail", help="Terminal report: also every criterion's computation (Markdown and HTML always have it). Not with --compare.")] = False,
    allow_outside: Annotated[bool, ALLOW_OUTSIDE] = False,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of the profile file, e.g. gbk, when it does not show its own (a byte-order mark or UTF-8 text is read as that). Default: detected (UTF-8, GB18030/GBK, UTF-16 with BOM).", show_default=False)] = None,
) -> None:
    """Score a company profile against the criteria and report every tier's verdict."""
    from littlegiant.errors import InputError

    language = check_lang(lang)
    renewal = check_renewal(renewal, language)
    # as typed: a trailing slash (报告.txt/) names a folder, which Path would drop (checked_output refuses it)
    output = None if output_as_typed in (None, "-") else Path(output_as_typed)  # - : stdout, as init --csv - has it
    if fmt is None:
        fmt = report_format(output, language)
    else:
        fmt = one_of("--format", fmt, FORMATS, language)
    day = parse_as_of(as_of, language)
    if compare is not None and explain is not None:  # --explain was ignored without a word: the comparison was printed
        from littlegiant.errors import InputError

        try:
            _compared_sets(compare, language)  # the --rules it names must run: a wrong name is said of --compare first
        except InputError as exc:
            fail(exc, language)
        first, second = _compare_names(compare, language)
        bad("opt.explain_compare", language, "--explain", first=first, second=second)
    if compare is not None and detail:  # --detail was ignored without a word: the comparison has no criterion's working
        try:
            _compared_sets(compare, language)
        except InputError as exc:
            fail(exc, language)
        first, second = _compare_names(compare, language)
        bad("opt.detail_compare", language, "--detail", first=first, second=second)
    # stdin, as - means to most tools: not supported, and said so (a file of that name is still read)
    if profile is not None and str(profile) == "-" and not os.path.lexists("-"):
        bad("opt.profile_stdin", language, "-")
    if profile is not None and save is not None:  # it was ignored without a word: the profile is read, not written
        bad("opt.save_profile", language, "--save")
    asked = profile is None  # by the interview: its screen ends on where the answers went, and says where the report did
    renewal_said = None
    said_none = renewal == NO_RENEWAL  # the commands that go on say it: the file may still name a renewal
    if profile is None:
        save = _checked_save(save or Path("littlegiant-profile.yaml"), rules, language)
        renewal, renewal_said = _renewal_of(save, renewal)
    renewal = None if renewal == NO_RENEWAL else renewal
    if output is not None and output_as_typed is not None:
        output = checked_output(output_as_typed, [profile, rules_path(rules), save if profile is None else None],
                                lang=language)
        report_name(output, language)  # after: an input named as output is said to be one
    try:
        from littlegiant.core import engine
        from littlegiant.core.assessment import assessed
        from littlegiant.load import profile as profiles
        from littlegiant.load import rules as rulesets

        rule_ref, choice = rulesets.choose(day, renewal, rules, allow_outside=allow_outside)
        rs = rulesets.load(rule_ref, allow_outside=allow_outside)
        if profile is None:
            assert save is not None  # checked above
            profile = _interview(rs, day, renewal, language, save, set_ or [],
                                 resume=(as_of, rules, NO_RENEWAL if said_none else renewal, lang or _chosen(None)),
                                 choice=choice,
                                 renewal_said=renewal_said)
            set_ = None  # already answers of the interview
        result, prof, baseline, assumed = assessed(rs, profiles.load_profile(profile, rs, encoding), day, renewal,
                                                   choice, list(set_ or []), compare is None and explain is None)
        compared = []
        compared_rules = []
        compared_profiles = []
        if compare is not None:
            for other, judged in _compared_sets(compare, language, day, renewal):
                compared_rules.append(other)
                other_profile = profiles.load_profile(profile, other, encoding)
                if set_:
                    other_profile = profiles.apply_sets(other_profile, other, set_, day.year - 1)
                compared_profiles.append(other_profile)
                compared.append(engine.evaluate(other, other_profile, day, renewal, judged))
    except InputError as exc:
        fail(exc, language)
    if compared:
        from littlegiant.report.compare import compare_html, compare_markdown, compare_text

        if fmt == "json":
            import json

            from littlegiant.core.result import json_value
            from littlegiant.report.compare import answered_under_json
            from littlegiant.report.result_json import to_dict

            # each set's document warns as assess's JSON under that set does: answers given to the other set's
            # questions were said in the text comparison alone, and a script read the 2026 verdicts as sound
            docs = [to_dict(r, language, __version__) for r in compared]
            for doc, judged in zip(docs, zip(compared_rules, compared_profiles, compared, strict=True), strict=True):
                doc["warnings"] += answered_under_json(*judged, language)
            what_if = {"what_if": {"set": list(set_ or []), "assumed": [
                {"path": a.path, "before": json_value(a.before), "after": json_value(a.after)} for a in assumed]}} \
                if assumed else {}
            write_output(json.dumps({"compare": docs, **what_if}, ensure_ascii=False, indent=2) + "\n", output, language,
                         "json")
        else:
            from littlegiant.report.common import assumed_lines, compared_warnings

            said = assumed_lines(assumed, rs, language)  # a what-if says what it assumed, as the report does
            checks = compared_warnings(list(zip(compared_rules, compared_profiles, compared, strict=True)), language)
            make = {"markdown": compare_markdown, "html": compare_html}.get(fmt)
            write_output(make(compared, language, compared_rules, said, checks) if make else
                         compare_text(compared, language, FILE_WIDTH if output is not None else
                                      text_width(_is_terminal(sys.stdout)), compared_rules, said, checks,
                                      traced=output is not None),
                         output, language, fmt)
        _report_said(asked, output, language)
        return
    if explain is not None:
        from littlegiant.report.explain import (
            EXPLAINED_AT_MOST,
            elsewhere,
            explain_text,
            find_criteria,
            other_route,
            several_heading,
        )

        if fmt in ("markdown", "html"):  # -o 说明.html would hold plain text: say so rather than mislabel it
            bad("opt.explain_format", language, "--explain")
        matches = find_criteria(result, explain)
        if not matches:
            route = other_route(rs, explain, result.renewal, language)
            if route is not None and route[1] == "none" and result.renewal is not None:
                # a condition this renewal does not check (the 小巨人 renewal's 5% growth): why, and how a new
                # application judges it; "add --renewal none" and exit 2 answered the question with a mistake
                _explain_waived(rs, result, prof, explain, language, fmt, output, asked)
                return
            if route is not None:  # a renewal's criterion in a new application
                bad("opt.explain_route", language, "--explain", got=explain, title=route[0], renewal=route[1])
            hint = elsewhere(rs, explain, language)
            if hint is not None:  # a criterion of the other version: which, and the date that shows it
                other, named, shown, open_ended = hint
                # under --rules a date changes nothing: the other set is named as --rules takes it
                kind = "opt.explain_other_rules" if rules is not None else \
                    "opt.explain_other_from" if open_ended else "opt.explain_other"
                bad(kind, language, "--explain", got=explain, rules=result.rules_title.get(language),
                    other=other.title.get(language), named=named, as_of=shown.isoformat(), other_id=other.id)
            from littlegiant.messages import nearest

            rows = {c.id: c for t in result.tiers.values() for c in t.criteria}
            # not for a tier's prefix (zjtx26): one of its many ids, picked by spelling, is no answer
            under = sum(cid.startswith(explain + ".") for cid in rows)
            near = nearest(explain, list(rows)) if explain.isascii() and under < 2 else None
            if near is not None:  # an id mistyped (zjtx26.debt): the one meant, by its title too
                bad("opt.explain_near", language, "--explain", got=explain, near=near,
                    title=rows[near].title.get(language))
            bad("opt.explain", language, "--explain", got=explain, rules=result.rules_id)
        if len(matches) > 1 and (fmt == "json" or len(matches) > EXPLAINED_AT_MOST):
            # titles, as a person would type them, in both languages; ids are for the rule author
            titles = list(dict.fromkeys(c.title.get(language) for _, c in matches))
            if fmt == "json" and language != "zh":  # a script's author, who takes a criterion by its id
                named = ", ".join(f"{t.id}:{c.id} ({c.title.en})" for t, c in matches)
            else:  # the English listed 12 of 14 by id, with nothing said of the rest (found by QA)
                named = titles_named(titles, language)
            from littlegiant.messages import say as words

            # said whole, not clipped as a quoted input is: the list is ours, and every choice counts
            fail(f"--explain{'：' if language == 'zh' else ': '}"
                 + words("opt.explain_many", language, {"got": explain, "named": named, "count": len(matches)}),
                 language)
        found = matches[0]
        if fmt == "json":  # --format json writes only JSON: the criterion as the full result carries it
            import json

            from littlegiant.report.result_json import criterion_dict

            # how the tier was judged, as the trace's tier line says it: in a renewal run only the renewed
            # tier is the renewal, the others new applications for reference
            judged = "renewal" if result.renewal == found[0].id else "new_application"
            doc = {"tier": found[0].id, "renewal": result.renewal, "judged_as": judged,
                   "criterion": criterion_dict(found[1], language, rs)}
            if found[1].kind == "points":  # how the figure is made and the bands, as the text trace says them
                from littlegiant.report.explain import scoring_json

                doc["scoring"] = scoring_json(result, found[1], language, rs)
            write_output(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output, language, "json")
            _report_said(asked, output, language)
            return
        width = text_width(output is None and _is_terminal(sys.stdout))
        traces = [explain_text(result, tier, c, language, rs, width, prof.approximate) for tier, c in matches]
        if result.renewal is not None:  # 增长率 in a 小巨人 renewal: the 复合增长率 it does not check, said so beside
            # the rows it does (the id alone found it; the words showed tier 1's growth as if that were all)
            traces += _waived_traces(rs, result, prof, explain, language, width, {c.id for t, c in matches
                                                                                   if t.id == result.renewal})
        if len(traces) > 1:  # words that name several criteria (研发费用): each of them, as asked
            traces.insert(0, several_heading(explain, len(traces), language, width))
        write_output("\n".join(traces), output, language, "text")
        _report_said(asked, output, language)
        return
    from littlegiant.report.common import make_report

    report = make_report(rs, prof, result, language, profile_file=str(profile), rules_ref=rules, sets=list(set_ or []),
                         assumed=assumed, detail=detail or fmt != "text")
    if baseline is not None:
        from littlegiant.report.compare import moves

        report.what_if = moves(baseline, result, language)
    text = render(report, fmt, to_terminal=output is None and _is_terminal(sys.stdout), to_file=output is not None)
    write_output(text, output, language, fmt)
    _report_said(asked, output, language)


def _explain_waived(rs: "RuleSet", result: "Result", prof: "Profile", ref: str, lang: str, fmt: str, output: Path | None,
                    asked: bool) -> None:
    """``--explain`` of a condition of the renewed tier that the renewal does not check: that it is not
    checked, on whose word, and how a new application under the same set judges it (the profile judged
    again as one), for reference. Exit 0: the question has an answer."""
    from littlegiant.report.explain import several_heading, waived, waived_text

    renewed = result.renewal
    assert renewed is not None  # the caller's test
    as_new, matches = _waived_matches(rs, result, prof, ref)
    if not matches:  # the words name it in the set, but the new application's result has no row of it
        bad("opt.explain", lang, "--explain", got=ref, rules=result.rules_id)
    if fmt == "json":
        import json

        from littlegiant.report.result_json import criterion_dict

        docs = [{"tier": t.id, "renewal": renewed, "checked_in_renewal": False,
                 "why": waived(rs, t.id, c.id, lang), "judged_as": "new_application",
                 "criterion": criterion_dict(c, lang, rs)} for t, c in matches]
        write_output(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2) + "\n", output,
                     lang, "json")
        _report_said(asked, output, lang)
        return
    width = text_width(output is None and _is_terminal(sys.stdout))
    traces = [waived_text(as_new, t, c, waived(rs, t.id, c.id, lang), lang, rs, width, prof.approximate)
              for t, c in matches]
    if len(traces) > 1:
        traces.insert(0, several_heading(ref, len(traces), lang, width))
    write_output("\n".join(traces), output, lang, "text")
    _report_said(asked, output, lang)


def _waived_matches(rs: "RuleSet", result: "Result", prof: "Profile", ref: str) -> "tuple[Result, list[Any]]":
    """The conditions of the renewed tier that ``ref`` names and the renewal does not check, as a new
    application under the same set judges them (the profile judged again as one), with that result."""
    from littlegiant.core import engine
    from littlegiant.report.explain import find_criteria

    renewed = result.renewal
    assert renewed is not None
    left = {n.id for n in rs.tiers[renewed].criteria.walk() if n.applies == "new"}
    if not left:
        return result, []
    as_new = engine.evaluate(rs, prof, result.as_of, None, result.calendar)
    return as_new, [(t, c) for t, c in find_criteria(as_new, ref) if t.id == renewed and c.id in left]


def _waived_traces(rs: "RuleSet", result: "Result", prof: "Profile", ref: str, lang: str, width: int,
                   shown: set[str]) -> list[str]:
    """``--explain``'s traces of the conditions ``ref`` names that the renewal does not check (not among
    ``shown``), each saying so and how a new application judges it."""
    from littlegiant.report.explain import waived, waived_text

    as_new, matches = _waived_matches(rs, result, prof, ref)
    return [waived_text(as_new, t, c, waived(rs, t.id, c.id, lang), lang, rs, width, prof.approximate)
            for t, c in matches if c.id not in shown]


def _report_said(asked: bool, output: Path | None, lang: str) -> None:
    """After an interview, the line that says where its report went (-o): its last line named only the
    answers' file (「已保存到 n.yaml」), and a user who asked for r.html was not told it was written."""
    if not asked or output is None:
        return
    from littlegiant.cli.interactive import Terminal
    from littlegiant.i18n import t
    from littlegiant.messages import escape_controls

    named = escape_controls(str(output))  # a name is shown, never sent to the terminal as control characters
    Terminal(io.StringIO(), sys.stderr or io.StringIO()).say(t("interview.report_written", lang, output=named))


def _renewal_of(save: Path, renewal: str | None) -> tuple[str | None, Any]:
    """The renewal an interview on ``save`` runs as, and what its resume question says of it: the one
    --renewal names, else the one the file's answers were given under (its header's command records
    it). Resumed without --renewal, a renewal's answers went on as a new application's, silently.
    --renewal none (NO_RENEWAL) makes them a new application's, said at the resume question."""
    from littlegiant.cli import interactive

    known, saved = interactive.renewal_saved(save)
    if not known or saved not in (None, *RENEWALS):
        return renewal, None
    if renewal is None:
        return saved, interactive.RenewalSaid(saved, followed=True) if saved is not None else None
    if renewal == NO_RENEWAL:  # a new application said outright: said at the resume question if the file's was not
        return None, interactive.RenewalSaid(saved, followed=False) if saved is not None else None
    return renewal, interactive.RenewalSaid(saved, followed=False) if saved != renewal else None


def _interview(rs: Any, day: date, renewal: str | None, lang: str, save: Path, sets: list[str],
               resume: tuple[str | None, str | None, str | None, str | None], choice: Any = None,
               renewal_said: Any = None) -> Path:
    """Run the interview to its end and return the saved profile; exit 130 when interrupted.
    ``choice``: the calendar's pick, which the report's plans read to judge a later round.
    ``renewal_said``: the file's renewal, where the sitting took it or --renewal overrode it."""
    from littlegiant.cli import interactive
    from littlegiant.cli.stopping import like_ctrl_c
    from littlegiant.core.interview import Interview, Question
    from littlegiant.load.fileio import Locked
    from littlegiant.load.profile import Profile, apply_sets
    from littlegiant.load.rules import Text

    preset = apply_sets(Profile(), rs, sets, day.year - 1).values if sets else {}
    interview = Interview(rs, day, renewal)
    term = interactive.Terminal(sys.stdin or io.StringIO(), sys.stderr or io.StringIO())  # closed: end of input

    def plan_asks(iv: Interview) -> tuple[list[Question], list[Text]]:
        """What the report made of these answers would still ask in its plans: the same plans, read
        by the same words, so the count offered is the one the report lists; and a title a plan
        takes as not held for want of an answer, which its step asks for."""
        from littlegiant.core import engine
        from littlegiant.report.common import make_report

        prof = iv.profile()
        result = engine.evaluate(rs, prof, day, renewal, choice)
        words = make_report(rs, prof, result, lang).words  # what the report's plans list, no more
        asked = {tid: [*words.plan_asks(t), *words.blank_titles(t)] for tid, t in result.tiers.items()}
        tiers = [result.tiers[tid].title for tid, paths in asked.items() if iv.plan_questions(paths)]
        return iv.plan_questions(p for paths in asked.values() for p in paths), tiers

    in_chinese = interactive.resume_command(save, *resume[:3], "zh") if lang == "en" and resume[3] is None else None
    # the file's header records a new application as one is run, without --renewal: how the file says it
    again = (*resume[:2], None if resume[2] == NO_RENEWAL else resume[2], resume[3])
    try:
        with like_ctrl_c():  # SIGTERM, SIGHUP (the terminal closed): as Ctrl-C, answers saved
            interactive.run(interview, term, save, lang, interactive.resume_command(save, *resume),
                            preset.items(), interactive.assess_command(save, *again), plan_asks, in_chinese,
                            renewal_said)
    except interactive.Interrupted:  # said by the interview: what was saved, how to resume
        _STOP_SAID.append(True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Locked:
        from littlegiant.i18n import t

        fail(t("interview.locked", lang, save=save), lang)
    except interactive.Replaced as exc:
        from littlegiant.i18n import t
        from littlegiant.messages import kind_words
        from littlegiant.messages import say as words

        if exc.kind is not None:  # a FIFO or a folder now: said as what it is, the command to go on whole
            fail(words("interview.replaced_kind", lang, {
                "save": save, "kind": kind_words(exc.kind), "n": exc.count, "kept": exc.kept,
                "cmd": interactive.resume_command(exc.kept, *resume)}), lang)
        fail(t("interview.replaced", lang, save=save, n=exc.count, kept=exc.kept,
               cmd=interactive.resume_command(exc.kept, *resume)), lang)
    except OSError as exc:
        if save.exists():  # saved atomically answer by answer: the file holds every answer before this one
            bad("out.save_kept", lang, str(save), error=_os_error(exc), cmd=interactive.resume_command(save, *resume))
        bad("out.save", lang, str(save), error=_os_error(exc))
    return save


def _checked_save(save: Path, rules: str | None, lang: str) -> Path:
    """The interview's save file: a name without line breaks or other control characters (they
    would end up inside the saved file's comments), a regular file or none, not the rule file."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in str(save)):
        bad("opt.save_chars", lang, f"--save {str(save)!r}")
    checked_output(save, [rules_path(rules)], "--save", lang)
    if save.suffix.lower() not in (".yaml", ".yml"):  # answers are saved as YAML: park.xlsx would be replaced
        bad("opt.save_suffix", lang, "--save", str(save))
    return save  # as named: the interview names it in its messages, and its saves follow a link themselves


@app.command(epilog="""Examples:

  littlegiant batch companies.csv --output results.csv

  littlegiant batch profiles/ more.jsonl --output results.jsonl --format json --jobs 2

  littlegiant batch clients.csv --output advice.csv --advice

  littlegiant batch 企业名单.xlsx -o 评估结果.xlsx --lang zh

  littlegiant batch 企业名单.csv -o 评估结果.csv --lang zh --encoding gb18030

  littlegiant batch companies.csv -o results.csv --columns ids
""")
def batch(
    ctx: typer.Context,
    inputs: Annotated[list[Path], typer.Argument(readable=False, help="CSV or Excel .xlsx files (columns: profile paths or their zh/en labels), JSON Lines files, or folders of profile files and such lists.", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar="PATH", help="Where to write: .csv (one summary row per company), .xlsx (results, errors and about sheets) or .jsonl.", show_default=False)],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Assessment date YYYY-MM-DD. Default: today.", show_default=False)] = None,
    renewal: Annotated[str | None, typer.Option("--renewal", metavar="TITLE", help="Renewals (复核) of this title: zjtx_sme (the specialised and sophisticated SME title; 专精特新 also names it) or little_giant (the Little Giant title; also 小巨人); the rule calendar picks the set. none (新申请) for a new application, the default.", show_default=False)] = None,
    rules: Annotated[str | None, typer.Option("--rules", help="Rule set id or YAML file.", show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help="summary rows, or json (the full result per row, .jsonl only).")] = "summary",
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Score on this many processes, output order kept. Default: one per CPU (at most 8) once the input passes 2,000 rows, or 200 with --format json or --advice.", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, and no note of the inputs a sheet has no column for. What reading did with the data (columns not read, rows that are no company, units read) is still said; an .xlsx output keeps every note on its about sheet.")] = False,
    advice: Annotated[bool, typer.Option("--advice", help="The next step column (下一步, next_step) gives the first gap step with its exact amount. A long list takes noticeably longer: each row costs several to some tens of times a plain one.")] = False,
    allow_outside: Annotated[bool, ALLOW_OUTSIDE] = False,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of the CSV files, in and out, e.g. gb18030 (GBK) for older Chinese tools: inputs are read in it (a file with a byte-order mark or UTF-8 text is still read as that) and a .csv output is written in it. Default: inputs detected per file (UTF-8, GB18030/GBK, UTF-16 with BOM); .csv output UTF-8 with BOM, which Excel opens by double-click.", show_default=False)] = None,
    output_encoding: Annotated[str | None, typer.Option("--output-encoding", help="Encoding of the .csv output alone, when it differs from --encoding (utf-8: without a BOM; gbk or gb2312: GBK as Excel reads it, a character GBK lacks written as □ and its row named).", show_default=False)] = None,
    columns: Annotated[str | None, typer.Option("--columns", metavar="labels|ids", help="Headers and values of a .csv output: labels (the words of --lang, as in the .xlsx results sheet) or ids (stable English ids, for scripts; JSON Lines always has ids). Default: labels.", show_default=False)] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Read only this sheet of .xlsx inputs. Default: every sheet.", show_default=False)] = None,
) -> None:
    """Score many companies; every input row gets an output row, errors included."""
    import warnings

    from littlegiant.errors import InputError

    named = Path(output)  # ``output`` as typed is checked too: see checked_output
    # openpyxl warns on stderr of what it reads oddly (a number formatted as a date past year 9999), two
    # lines of its own path and line a cell, beside the run's own words: the cell's row says what is wrong
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
    language = check_lang(lang)
    renewal = check_renewal(renewal, language)
    renewal = None if renewal == NO_RENEWAL else renewal  # a new application, as without it
    day = parse_as_of(as_of, language)
    fmt = one_of("--format", fmt, ("summary", "json"), language)
    if jobs is not None and jobs < 1:
        bad("opt.jobs_min", language, "--jobs", got=jobs)
    kind = named.suffix.lower()
    if columns is not None:
        columns = one_of("--columns", columns, ("labels", "ids"), language)
    if (columns, kind) == ("ids", ".xlsx") or (columns == "labels" and kind in (".jsonl", ".ndjson")):
        bad("opt.columns_csv", language, f"--columns {columns}")
    from littlegiant.cli import batch as batching
    from littlegiant.load.fileio import check_not_open
    from littlegiant.report.common import calendar_lines

    if jobs is not None and jobs > (most := batching.cpu_count() * 2):
        bad("opt.jobs_max", language, "--jobs", most=most, cpus=most // 2, got=jobs)
    from littlegiant.load import rules as rulesets

    try:
        rule_ref, choice = rulesets.choose(day, renewal, rules, allow_outside=allow_outside)
        rs = rulesets.load(rule_ref, allow_outside=allow_outside)  # a bad rule file stops the run before any row
    except InputError as exc:
        fail(exc, language)
    # folders become their files once, before anything is written: the output, a partial file and an
    # earlier run's results in a folder the run reads are passed over (said once on_note can say it)
    folder_notes: list[tuple[str, dict[str, object]]] = []
    from littlegiant.load.tabular import known_header, meant_header

    def reads(cell: object) -> bool:
        """A column a field is read from, or one meant for a field (refused by name, not passed over)."""
        return known_header(rs, cell, day.year - 1) or meant_header(rs, cell, day.year - 1)

    def unread(path: Path) -> str | None:
        if batching.earlier_results(path, rs):
            return "run.folder_results"
        return "run.folder_no_fields" if batching.reads_nothing(path, encoding, reads) else None

    given = set(inputs)
    inputs = batching.expanded(list(inputs), lambda kind, params: folder_notes.append((kind, params)), named, unread)
    target = checked_output(output, [*inputs, rules_path(rules)], lang=language)
    held_for_run(ctx, target, named, language)  # a second run onto it meanwhile: refused before it scores anything
    try:
        check_not_open(target, named)  # open in Excel: said now, not once every row is scored
        if os.path.isfile(target) and not batching.earlier_results(target, rs):  # before a partial file is made
            raise InputError(kind="out.not_results", file=str(target))
        # columns after the earlier results' own: replaced only if this run copies back the same (below)
        added = batching.added_columns(target, rs) if os.path.isfile(target) else []
        out_encoding = output_encoding
        if encoding is not None:
            from littlegiant.load.charsets import codec_name

            codec = codec_name(encoding)
            if output_encoding is None and kind == ".csv":  # UTF-8 keeps the byte-order mark Excel needs
                out_encoding = "utf-8-sig" if codec == "utf-8" else encoding
        scorer = batching.Scorer(rule_ref, day, renewal, language, fmt == "json", __version__, advice, choice,
                                 encoding, allow_outside)
        about = {"lang": language, "rules_id": rs.id, "rules_title": getattr(rs.title, language),
                 "as_of": day.isoformat(), "last_year": day.year - 1, "version": __version__,
                 "tiers": {tid: getattr(tier.title, language) for tid, tier in rs.tiers.items()},
                 "name_label": getattr(rs.fields["name"].label, language)}
        about["advice"] = advice  # the next-step column only where it is filled
        about["scored"] = [tid for tid, tier in rs.tiers.items() if tier.score_table is not None]
        about["renewal"] = getattr(rs.tiers[renewal].title, language) if renewal in rs.tiers else ""
        about["basis"] = ("" if language == "zh" else " ").join(calendar_lines(choice, language))
        notes: list[str] = []  # what the run says of the data, for an .xlsx output's 说明 sheet too
        about["notes"] = notes
        labels = None if columns == "ids" else batching.Labels(language, about["tiers"], about["name_label"], advice,
                                                               frozenset(about["scored"]))
        if out_encoding is not None and kind != ".xlsx":
            _holds_chinese(out_encoding, "--output-encoding" if output_encoding else "--encoding", labels, about)
        batching.load_writer(target)
    except InputError as exc:
        fail(exc, language)
    writer = None
    try:  # from here on a partial file exists: a stop said below names it, and anything else removes it
        try:
            with stopping.held():  # the partial file made and held by the writer in one step: a stop between
                # the two left an empty partial file that no message named
                writer = batching.Writer(target, fmt == "json", encoding=out_encoding, about=about, labels=labels)
        except InputError as exc:
            fail(exc, language)
        from littlegiant.cli.stopping import like_ctrl_c
        from littlegiant.core.plan import plan_for
        from littlegiant.load.answers import NUMERIC_TYPES
        from littlegiant.load.shares import ShareColumns
        from littlegiant.load.tabular import (
            YEAR_NOT_READ,
            HeaderError,
            column,
            derived_needs,
            header_problems,
            identity,
            ignored_columns,
            norm,
        )
        from littlegiant.messages import declared_fill, headers_said
        from littlegiant.messages import say as words
        from littlegiant.report.table import LISTED, any_output_columns, is_results, looks_like_results, output_columns
        from littlegiant.report.words import ONLY_DECLARED

        heard: set[tuple[str, str]] = set()
        declared_said: set[str] = set()  # the tables said to lack red-line answers (run.absent_declarations)
        absent_columns_said: set[str] = set()  # and the other columns the criteria read (run.absent_columns)
        absent_lists: set[tuple[object, ...]] = set()  # the missing columns said in full once: another list missing them says so in a line
        results_said: set[str] = set()  # the tables said to be results with figures added (run.results_as_list)
        lang_arg = f" --lang {language}" if _chosen(lang) is not None else ""  # in the init command the notes give
        carried: dict[str, list[str]] = {}  # the park's own columns, copied back after the results: by heading
        carried_as: dict[str, str] = {}  # a heading as compared (tabular.norm) -> the heading it is copied back under

        def tell(line: str) -> None:
            """A note on the data, said on stderr and kept for the results workbook's 说明 sheet."""
            say(line)
            notes.append(line)

        def on_header(where: str, header: list[str], year: int | None) -> None:
            """Columns naming nothing the rules know are not read (copied back after the results): said once a table, before its rows.
            Columns meant for a field but misnamed stop the run (exit 2), before any row is scored."""
            if is_results(header, rs):  # nothing to score: every row would be all unknown
                raise InputError(kind="column.results_file", file=where)
            problems = header_problems(header, rs, output_columns(rs), day.year - 1, year)
            if problems:
                raise HeaderError([p.moved(file=where) for p in problems])
            if not any(map(reads, header)):  # a contacts list: every row would be a company of unknowns
                raise InputError(kind="column.no_fields", file=where, params={"lang_arg": lang_arg})
            results_like = looks_like_results(header, rs)
            # another set's result column read as a title (2022's 创新型中小企业: 满足) is results, not a figure typed in
            figures = [h for h in header if reads(h) and norm(h) not in any_output_columns(rs)] if results_like else []
            if results_like and not figures:  # results with only columns of the park's own typed in (区县 before them)
                raise InputError(kind="column.results_file", file=where)
            if results_like and where not in results_said:
                # a results file with a column of figures typed in: scored as a list, but it holds none of the list's
                # other figures (verdicts fell to 未知 without a word under --quiet): said whatever --quiet
                results_said.add(where)
                line = words("run.results_as_list", language, {"where": where, "columns": headers_said(figures[:3], language) + (
                    ("等" if language == "zh" else ", …") if len(figures) > 3 else "")})
                notes.append(line)
                say(line)
            not_read: set[str] = set()
            # a list's own column headed as a results column is (企业规模, 处理结果: a park's record of its visits) is
            # the park's, copied back under its heading and 原表; in results read back, the run's own pass silently
            ours = output_columns(rs) if results_like else frozenset()
            for kind, note in (("column.unknown", "run.ignored_columns"), ("column.derived", "run.derived_columns"),
                               ("column.several", "run.several_columns"), ("column.not_actual", "run.not_actual_columns"),
                               (YEAR_NOT_READ, "run.other_year_columns")):
                # another set's result words no rule reads (2022's 创新型中小企业得分) are said and copied back as any
                # such column; only this run's own result columns pass silently
                ignored = ignored_columns(header, rs, ours, day.year - 1, kind)
                not_read.update(ignored)
                if ignored and (where, kind) not in heard:
                    heard.add((where, kind))
                    # shares with none of the amounts they are worked out from: said to stay unknown, not worked out
                    lacking = derived_needs(header, ignored, rs, day.year - 1) if kind == "column.derived" else []
                    tell(words("run.derived_lacking" if lacking else note, language, {
                        "where": where, "columns": headers_said(ignored, language),
                        "needed": headers_said([f.label.get(language) for f in lacking], language)}))
            used: set[str] = set()  # the headings this table's columns go under (as norm gives them): never two a heading
            for h in header:  # copied back in the sheet's order, one column however its brackets and spaces are typed
                if h.strip() not in not_read:  # (联系人(手机) in one list, 联系人（手机） in the next: headed as first met)
                    continue
                # 原表 in either language: a run repeated in the other one replaces its output as its own
                base = h.strip() + (LISTED if norm(h) in output_columns(rs) else "")
                shown, more = carried_as.setdefault(norm(base), base), 2
                while norm(shown) in used:  # two of this table's columns alike (处理结果 beside 处理结果（原表）): both kept
                    shown, more = f"{base} {more}", more + 1
                used.add(norm(shown))
                if h not in carried.setdefault(shown, []):
                    carried[shown].append(h)
            declared = batching.absent_declarations(header, rs, day, renewal, language)
            absent = batching.absent_inputs(header, rs, day, renewal, language)
            if declared and where not in declared_said:
                declared_said.add(where)
                # named in full, apart from the other absent columns: without them (a park's sheet never has
                # them) a tier its figures meet is 未知, and a row says so (ONLY_DECLARED) where nothing else is open
                line = words("run.absent_declarations" if tuple(declared) not in absent_lists else
                             "run.absent_declarations_same", language, {
                                 "where": where, "count": len(declared), "only": ONLY_DECLARED.get(language),
                                 "named": headers_said([label for label, _ in declared], language),
                                 "fill": declared_fill(declared, language)})
                absent_lists.add(tuple(declared))
                notes.append(line)  # on the 说明 sheet whatever --quiet, as the note below
                if not quiet:
                    say(line)
            if absent and where not in absent_columns_said:
                absent_columns_said.add(where)
                named = ("；" if language == "zh" else "; ").join(absent[:5]) + \
                    (("；……" if language == "zh" else "; …") if len(absent) > 5 else "")
                # a park's six files of one template each repeated the paragraph and its command
                line = words("run.absent_columns" if tuple(absent) not in absent_lists else "run.absent_columns_same",
                             language, {"where": where, "count": len(absent), "named": named, "lang_arg": lang_arg})
                absent_lists.add(tuple(absent))
                notes.append(line)  # on the 说明 sheet whatever --quiet: it is why a whole column of verdicts is 未知
                if not quiet:
                    say(line)

        noted: set[str] = set()
        tally = {"skipped": 0, "unread": 0}
        joined: dict[str, int] = {}  # a list read as a row per company of several rows: by table, the rows more
        year_books: set[str] = set()  # the workbooks whose sheets a year are read as one list

        def on_note(kind: str, params: dict[str, object]) -> None:
            line = words(kind, language, params)
            if kind in ("run.peryear_joined", "run.long_joined"):  # a row per company of several rows each: what the
                # progress bar's total, of companies, is to leave out
                joined[str(params.get("book", params.get("where")))] = \
                    int(str(params.get("rows", 0))) - int(str(params.get("count", 0)))
            if line not in noted:  # a table's first rows are read twice: for its header, then to score
                noted.add(line)
                tell(line)
                if kind == "run.skipped_rows":
                    tally["skipped"] += int(str(params.get("count", 0)))
                if kind == "run.folder_unreadable":  # a folder's list not read: its companies missing, exit 1
                    tally["unread"] += int(str(params.get("count", 0)))

        for kind, params in folder_notes:
            on_note(kind, params)

        def header_cell(cell: object) -> bool:
            """A cell that heads a column: a field's, or one batch writes (so a results sheet's header is found)."""
            return known_header(rs, cell, day.year - 1) or (isinstance(cell, str) and norm(cell) in output_columns(rs))

        def which(cells: dict[str, str]) -> list[tuple[str, str]]:
            return identity(rs, cells, day.year - 1)

        def scored(cell: object) -> bool:
            """A column whose figures a criterion reads: said when the sheet hides it (营业收入（2022年）, an
            old year no criterion reads, put away, is not)."""
            try:
                return isinstance(cell, str) and column(rs, cell, day.year - 1)[0] in \
                    plan_for(rs, day.year - 1, renewal).inputs()
            except InputError:
                return False

        def figure(cell: object) -> bool:
            """A number field's column (an amount, a count, a share, a score): merged over several companies, its
            one figure is none of theirs (a text, yes/no or choice so merged is shared by them)."""
            try:
                return isinstance(cell, str) and column(rs, cell, day.year - 1)[1].type in NUMERIC_TYPES
            except InputError:
                return False

        options = batching.ReadOptions(encoding, sheet, header_cell, on_header, on_note, which,
                                       lambda cell: meant_header(rs, cell, day.year - 1), scored,
                                       in_folder=frozenset(p for p in inputs if p not in given), figure_header=figure)
        try:  # every table's header (each sheet's), and a JSON Lines file's first line, before the first row is scored
            with like_ctrl_c():  # a long workbook's headers take seconds: stopped there, no empty partial file is left
                # a workbook's sheet refused beside one read: its error row, the other sheets scored
                options = options._replace(set_aside=batching.check_headers(list(inputs), options, year_books))
        except HeaderError as exc:
            fail(_then(exc.render(language), _kept(writer, named, language), language), language)
        except KeyboardInterrupt:
            _stopped(writer, named, language)
        kept_columns = [c for c in added if norm(c) not in {norm(h) for h in carried}]
        if kept_columns:  # staff typed a column into the results (or another list's own): kept, not replaced
            fail(_then(InputError(kind="out.added_columns", params={"columns": headers_said(kept_columns, language)},
                                  file=str(target)).render(language),
                       _kept(writer, named, language), language), language)
        scorer.carry(carried, typed=writer.xlsx)
        writer.start(list(carried))
        with like_ctrl_c():  # SIGTERM and SIGHUP stop the run as Ctrl-C does: whole rows, exit 130
            _run_batch(batching, writer, inputs, scorer, jobs, named, quiet, options, language, tally,
                       shares=ShareColumns(rs, day.year - 1), notes=notes, joined=joined, year_books=year_books,
                       # on a terminal, where a person reads it (a script's stderr stays the count alone)
                       basis=None if quiet or not _is_terminal(sys.stderr) else
                       words("run.basis", language, {"title": about["rules_title"], "as_of": about["as_of"],
                                                     "basis": about["basis"]}).rstrip())
    except typer.Exit:  # said, with what the run left
        raise
    except KeyboardInterrupt:  # between the steps above (a module loading, the progress bar starting): typer
        # turned it into exit 130 with nothing said, the partial file removed unsaid
        _stopped(writer, named, language)
    except BaseException:  # a bug (exit 3): no partial file nobody was told of
        if writer is not None:
            writer.discard()
        raise


def _holds_chinese(encoding: str, option: str, labels: Any, about: dict[str, Any]) -> None:
    """Refuse an output encoding that cannot hold the Chinese the output will: its headers and tier
    titles, and the companies' names (Chinese, in the lists this tool reads). Written with
    replacement, every Chinese character came out as ? and the run exited 0."""
    from littlegiant.errors import InputError
    from littlegiant.load.charsets import output_codec
    from littlegiant.report.table import result_header

    codec = output_codec(encoding, field=option)
    sample = "".join([*(result_header(labels) if labels is not None else ()), *about["tiers"].values(), "企业名称有限公司"])
    try:
        sample.encode(codec)
    except UnicodeEncodeError:
        kind = "opt.no_chinese" if option == "--output-encoding" else "opt.no_chinese_input"
        raise InputError(kind=kind, params={"got": encoding}, field=option) from None


def _run_batch(batching: Any, writer: Any, inputs: list[Path], scorer: Any, jobs: int | None, output: Path,
               quiet: bool, options: Any, lang: str, tally: dict[str, int] | None = None,
               shares: "ShareColumns | None" = None, notes: list[str] | None = None, basis: str | None = None,
               joined: dict[str, int] | None = None, year_books: set[str] | None = None) -> None:
    """Score every row into the writer; put the output in place only once all are written. ``basis``:
    which rules judged the rows and why, said beside the count (a .csv or JSON Lines file has no 说明 sheet).
    ``shares`` watches the rows read for a share column typed as fractions throughout, said at the end
    whatever --quiet, and kept in ``notes`` (the results workbook's 说明 sheet). ``joined``: by table, the rows
    of a list read as a row per company (``_joined_total``) more than its companies, as reading learns them;
    ``year_books``: the workbooks whose sheets a year are so read (``batch.check_headers``)."""
    from littlegiant.cli.stopping import check
    from littlegiant.errors import InputError
    from littlegiant.messages import say as words

    counts = {"read": 0, "errors": 0, "internal": 0, "large": 0, "small": 0, "yuan": 0}  # scored: the rest
    tally = tally if tally is not None else {}
    job = batching.Job(scorer, writer.csv_rows, writer.labels, writer.codec, writer.shared())
    if scorer.full or scorer.advice:  # rows of ten times the work: smaller chunks keep the workers busy
        options = options._replace(chunk_rows=batching.HEAVY_CHUNK_ROWS)
    unread_tables: list[tuple[str, Any]] = []
    unread_rows: dict[str, int] = {}  # a sheet refused whose companies are each an error row: how many
    chunks = _tables_unread(batching.read_chunks(list(inputs), options), unread_tables, unread_rows)
    rows = batching.score_all(chunks if shares is None else _watched(chunks, shares), job, jobs)
    # last before the try: a stop once the bar is shown is said below, where the bar is taken down first
    joined = joined if joined is not None else {}
    guessed: dict[str, int] = {}
    progress = _progress(batching.expanded(list(inputs)), options, lang, guessed, joined, year_books or set()) \
        if not quiet and _is_terminal(sys.stderr) else None
    less = _joined_less(joined, guessed)
    try:
        for done in rows:
            counts["read"] += done.rows
            counts["errors"] += done.errors
            counts["internal"] += done.internal
            counts["large"] += done.large
            counts["small"] += done.small
            counts["yuan"] += done.yuan
            writer.write(done)
            if progress is not None:  # rows as the summary counts them: companies and the rows passed over
                less = _joined_total(progress, joined, guessed, less, lang)
                task = progress.tasks[0]
                done_rows = counts["read"] + tally.get("skipped", 0)
                if task.total is not None and done_rows > task.total:  # a sheet that understates its size
                    task.total = task.finished_time = None  # a count, its clock running on: not 20000/0, stopped
                rate = counts["read"] / task.elapsed if task.elapsed else 0
                progress.update(task.id, completed=done_rows, rate=_rate(rate, lang),
                                count=_count(done_rows, task.total, lang))
            check()  # a stop Python dropped (raised in a fork's hook, a finaliser) stops the run here
        if not counts["read"]:  # an empty file, a header alone, a notes sheet: an empty result would pass for one
            raise InputError(kind="run.no_companies", file=", ".join(str(p) for p in inputs))
        aside = options.set_aside or {}
        if aside and counts["read"] == sum(unread_rows.get(source, 1) for source, _ in unread_tables) and \
                all(source in aside for source, _ in unread_tables):
            # the sheets read beside the refused ones held no company (a template's header alone): nothing was
            # read, and the run stops on their columns as a workbook of no sheet that passed does
            from littlegiant.load.tabular import HeaderError

            writer.rows = 0  # the refused sheets' error rows alone: no partial file is kept of them (_kept)
            raise HeaderError([p for source, _ in unread_tables for p in aside[source].problems])
        # a share column typed as fractions (0.16 for 16%): on the 说明 sheet, written whole by close
        fractions = [words("run.share_fractions", lang, _fraction_params(c, lang)) for c in shares.columns()] \
            if shares is not None else []
        if notes is not None:
            notes.extend(fractions)
        writer.close()  # an .xlsx is written whole here: a full disk shows here
    except InputError as exc:
        fail(_then(exc.render(lang), _kept(writer, output, lang), lang), lang)
    except OSError as exc:  # a full disk; refused to replace: the output opened in Excel since the run began
        from littlegiant.errors import InputError as Bad

        written = (Bad(kind="out.in_use", params={"output": str(output)}) if isinstance(exc, PermissionError)
                   else Bad(kind="out.unwritable", params={"error": _os_error(exc)}, file=str(output))).render(lang)
        fail(_then(written, _kept(writer, output, lang), lang), lang)
    except KeyboardInterrupt:
        _stopped(writer, output, lang, progress)
    finally:
        writer.abandon()  # after close: nothing to do
        rows.close()  # stops the workers, if any
        if progress is not None:
            progress.stop()
    if writer.gaps:  # a company name GBK cannot hold: the row is written, the character marked and named here
        _said_gaps(writer, lang)
    if writer.backup is not None:  # notes typed into the results since they were written: kept, and said where
        shown = writer.backup if os.path.islink(output) else output.parent / writer.backup.name
        say(words("run.kept_changed", lang, {"output": str(output), "backup": str(shown)}))
    skipped = tally.get("skipped", 0)  # rows that are no company (合计, 只有序号), said above by file
    unread = tally.get("unread", 0)  # a folder's spreadsheets that cannot be read (.xls): said above, counted here
    if basis:
        say(basis)
    say(words("run.summary_skipped" if skipped else "run.summary", lang, {
        "read": counts["read"] + skipped, "scored": counts["read"] - counts["errors"], "errors": counts["errors"],
        "skipped": skipped, "output": str(output),
        "unread": words("run.summary_unread", lang, {"count": unread}) if unread else ""}))
    for source, problem in unread_tables[:TABLES_SAID]:  # a whole sheet refused: said here, not only in its row
        said = problem.render(lang) if isinstance(problem, InputError) else str(problem)
        say(words("run.table_unread_rows" if source in unread_rows else "run.table_unread", lang,
                  {"source": source, "message": said, "count": unread_rows.get(source, 1)}))
    if len(unread_tables) > TABLES_SAID:
        say(words("run.tables_unread_more", lang, {"count": len(unread_tables) - TABLES_SAID}))
    # a sheet's unit read wrongly: each row's note says so, the verdicts do not
    for kind, count in batching.slip_notes(counts["large"], counts["small"], counts["yuan"]):
        say(words(kind, lang, {"count": count, "column": _checks_column(writer, lang)}))
    for line in fractions:  # likewise: read as typed, each row's note asks, the column is named once here
        say(line)
    if counts["internal"]:
        say(words("run.internal_rows", lang, {"count": counts["internal"]}))
        raise typer.Exit(EXIT_INTERNAL)
    if counts["errors"] or unread:  # companies in error or missing: the run must not look clean
        raise typer.Exit(EXIT_ROWS)


TABLES_SAID = 3
"""Whole sheets or files refused that the end of a run names on screen; more are counted (a folder of a
hundred lists with one mistake copied into each would bury the summary)."""

_ROW_AT = lazyre.compile(r":\d+$")
"""A source that ends in a row or line number: one company's row, not a whole sheet or file."""


def _tables_unread(chunks: "Iterator[Any]", found: list[tuple[str, Any]], rows: dict[str, int] | None = None
                   ) -> "Generator[Any, None, None]":
    """``chunks`` as read, keeping in ``found`` each whole sheet or file refused (a header naming 营业收入
    twice, an unreadable file in a folder): an error row with no row number. The screen showed only the
    count (出错 1 行), the reason left in a results file the user had no cause to open. A sheet refused whose
    companies are each an error row (``row.sheet_refused``) is kept once, its rows counted in ``rows``."""
    from littlegiant.errors import InputError
    from littlegiant.load.tabular import RowError

    for chunk in chunks:
        if isinstance(chunk, list):
            for item in chunk:
                if item.kind != "error":
                    continue
                if not _ROW_AT.search(item.source):
                    error = item.payload  # a sheet's one row: its error as the sheet's (said once here, as the sheet's)
                    if getattr(error, "kind", None) == "row.sheet_unread":
                        error = error.params["problem"]
                    # said after its source, not twice (名单.xlsx:二季度 未能读取：名单.xlsx:二季度：…)
                    found.append((item.source, error.moved(file=None)
                                  if getattr(error, "file", None) == item.source else error))
                elif rows is not None and isinstance(item.payload, RowError) and item.payload.errors and \
                        item.payload.errors[0].kind == "row.sheet_refused":
                    table = item.source.rpartition(":")[0]
                    error = item.payload.errors[0].params["problem"]
                    if table not in rows and isinstance(error, InputError):
                        found.append((table, error.moved(file=None) if error.file == table else error))
                    rows[table] = rows.get(table, 0) + 1
        yield chunk


def _watched(chunks: "Iterator[Any]", shares: "ShareColumns") -> "Generator[Any, None, None]":
    """``chunks`` as read, each sheet's or CSV's rows shown to ``shares`` first (in this process, which
    reads; the workers only score)."""
    from littlegiant.cli.batch import table_of

    try:
        for chunk in chunks:
            if isinstance(chunk, list):  # a block of JSON Lines has no columns
                for item in chunk:
                    if item.kind == "csv":
                        shares.see(table_of(item.source), item.payload)
            yield chunk
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:  # stopped early (Ctrl-C, an unreadable input): the reader's files closed now
            close()


def _fraction_params(found: "FractionColumn", lang: str) -> dict[str, object]:
    """The words of run.share_fractions for one column: its table, its header, and its first figure
    as typed and as the percentage it is if a fraction was meant."""
    from littlegiant.load.answers import plain

    return {"where": found.where, "column": found.header if lang == "zh" else repr(found.header),
            "count": found.count, "example": str(plain(found.example)),
            "percent": str(plain(found.example * 100))}


def _checks_column(writer: Any, lang: str) -> str:
    """Where the output says which figures of a row to check: the results sheet's column (a .csv in
    words heads it alike), a .csv in ids its ``warnings`` column, JSON Lines each row's ``warnings``."""
    from littlegiant.i18n import t
    from littlegiant.messages import column_said

    column = t("xlsx.warnings", lang) if writer.xlsx or writer.labels is not None else "warnings" if writer.csv_rows else ""
    if not column:
        return "各行的 warnings" if lang == "zh" else "each row's warnings"
    return column_said(column, lang)


def _said_gaps(writer: Any, lang: str) -> None:
    """Name the rows of a .csv in which characters its encoding lacks (𠮷, 䶮, emoji in GBK) were
    written as □, and how to keep them: the park finds them before the sheet goes out."""
    from littlegiant.load.charsets import GAP
    from littlegiant.messages import escape_controls
    from littlegiant.messages import say as words

    rows = list(writer.gaps)
    comma = "、" if lang == "zh" else ", "
    named = comma.join(escape_controls(r) for r in rows[:10]) + (("等" if lang == "zh" else ", …") if len(rows) > 10 else "")
    chars = list(writer.gap_chars)
    shown = comma.join(chars[:5]) + (("等" if lang == "zh" else ", …") if len(chars) > 5 else "")
    say(words("run.encoding_gaps", lang, {"count": len(rows), "encoding": writer.asked.upper(), "chars": shown, "gap": GAP,
                                          "rows": named}))


def _then(said: str, kept: str, lang: str) -> str:
    """A refusal, then what the run left: after a question (您是不是想写“…”？) no semicolon follows."""
    if said.endswith(("？", "?", "。", "！")):
        return f"{said}{kept}" if lang == "zh" else f"{said} {kept[:1].upper()}{kept[1:]}"
    return f"{said}{_semicolon(lang)}{kept}"


def _semicolon(lang: str) -> str:
    return "；" if lang == "zh" else "; "


def _kept(writer: Any, output: Path, lang: str = "en") -> str:
    """What a stopped run left: the previous output untouched, the rows written under another name."""
    from littlegiant.messages import say as words

    partial = writer.abandon() if writer is not None else None  # None: stopped before the writer was made
    new = "_new" if not os.path.lexists(output) else ""  # "left as it was" of a file that never was misleads
    if partial is None or writer is None or writer.rows == 0:
        if partial is not None:
            partial.unlink(missing_ok=True)
        return words("out.kept_none" + new, lang, {"output": str(output)})
    shown = partial if os.path.islink(output) else output.parent / partial.name  # as the user named the output
    return words("out.kept_rows" + new, lang, {"rows": writer.rows, "partial": str(shown), "output": str(output)})


def _stopped(writer: Any, output: Path, lang: str, progress: Any = None) -> NoReturn:
    """Say in one line that the batch stopped and what it left (_kept), and exit 130. Stop signals are
    blocked from here in the command's own process: a second Ctrl-C while an .xlsx partial file was
    being written cut it mid-file, and the line was never said."""
    from littlegiant.messages import say as words

    stopping.ended()
    if progress is not None:
        progress.stop()
    said = words("run.interrupted_kept", lang, {"kept": _kept(writer, output, lang)})
    if _is_terminal(sys.stderr):  # after the terminal's echoed ^C: a line begun there broke as "（未生" / "成"
        say("")
    say(said)
    _STOP_SAID.append(True)
    raise typer.Exit(EXIT_INTERRUPTED) from None


_STOP_SAID: list[bool] = []
"""Whether this run said how it stopped: typer turns a KeyboardInterrupt it catches (while it parses the
command line, or in a command before the command's own handling) into exit 130 with nothing said."""


def _stop_words(argv: list[str], lang: str) -> str:
    """The line for a stop nothing else said: before a batch's output file existed, that nothing was
    written and the output is as it was, as every later stop of a batch says what it left."""
    from littlegiant.messages import say as words

    output = _batch_output(argv)
    if output is None:
        return words("run.interrupted", lang)
    new = "" if os.path.lexists(output) else "_new"
    return words("run.interrupted_kept", lang, {"kept": words("out.kept_none" + new, lang, {"output": output})})


def _batch_output(argv: list[str]) -> str | None:
    """The output a ``batch`` command line names (``-o FILE``, ``-oFILE``, ``--output FILE``,
    ``--output=FILE``; the last given), or None for any other command."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):  # the options before the command: --lang zh, --lang=zh
        i += 2 if argv[i] == "--lang" else 1
    if argv[i:i + 1] != ["batch"]:
        return None
    output = None
    rest = argv[i + 1:]
    for j, arg in enumerate(rest):
        if arg == "--":
            break
        if arg in ("-o", "--output") and j + 1 < len(rest):
            output = rest[j + 1]
        elif arg.startswith("--output="):
            output = arg.removeprefix("--output=")
        elif arg.startswith("-o") and len(arg) > 2:
            output = arg[2:]
    return output


def _joined_total(progress: Any, joined: dict[str, int], guessed: dict[str, int], applied: int, lang: str) -> int:
    """The progress bar's total made companies, not rows, for the lists read as a row per company of several
    rows (a workbook of a sheet a year, a long table): by table, the rows more than its companies as reading
    learns them (``joined``), else as guessed from the sheets' sizes (``guessed``); ``applied`` already left
    out of the total. Returns what is left out now. A workbook of three year sheets of 1,000 companies each
    showed 1,000/3,000 when its last company was scored."""
    less = _joined_less(joined, guessed)
    if progress is not None and less != applied:
        task = progress.tasks[0]
        if task.total is not None:
            total = max(task.total - (less - applied), 0)
            progress.update(task.id, total=total, count=_count(int(task.completed), total, lang))
    return less


def _joined_less(joined: dict[str, int], guessed: dict[str, int]) -> int:
    """The rows the progress bar's total leaves out (``_joined_total``): each table's as known, else as guessed."""
    return sum(joined.get(table, rows) for table, rows in guessed.items()) + \
        sum(rows for table, rows in joined.items() if table not in guessed)


def _rate(rate: float, lang: str) -> str:
    """The progress bar's speed in the run's language (a zh run showed 1,343 rows/s)."""
    return f"每秒 {rate:,.0f} 行" if lang == "zh" else f"{rate:,.0f} rows/s"


def _count(done: int, total: float | None, lang: str) -> str:
    """The progress bar's rows: done of the total, or without a total the rows done in words."""
    if total is not None:
        return f"{done}/{int(total)}"
    return f"已评估 {done:,} 行" if lang == "zh" else f"{done:,} rows scored"


def _progress(inputs: list[Path], options: Any, lang: str, guessed: dict[str, int] | None = None,
              joined: dict[str, int] | None = None, year_books: set[str] | frozenset[str] = frozenset()) -> Any:
    """A progress bar on stderr (a terminal): rows done of the total when it is cheap to know (the
    rows under each sheet's header), the rate, and the time left. A sheet that does not state its size
    (a streaming exporter's, with no <dimension>) counted 0: the bar showed 20000/0, the task was done
    from the start and its clock stood still. Its total is now not known (None), and without a total
    the rows are counted, the clock runs; a total of 0 is inputs with no row under their headers (0/0). A
    workbook kept a sheet a year read as one list (``year_books``) is counted by its companies, about
    (``guessed``, by file: the rows left out), as the run reports them read, until reading knows (``joined``:
    a long table's header check read it)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from littlegiant.load.tabular import estimate_rows

    # only regular files are counted (opened, a FIFO a folder holds would hang the run): anything else is an error row
    files = [p for p in inputs if os.path.isfile(p)]
    total = estimate_rows(files, options.sheet, options.known_header)
    if total is not None:
        total += len(inputs) - len(files)
    if total is not None and guessed is not None:
        from littlegiant.errors import InputError
        from littlegiant.load.xlsx import joined_extra

        for path in files:
            if str(path) in year_books:
                try:
                    guessed[str(path)] = joined_extra(path, options.known_header)
                except (OSError, InputError):  # said when it is read
                    continue
    if total is not None and guessed is not None:
        total = max(total - _joined_less(joined or {}, guessed), 0)
    progress = Progress(SpinnerColumn(), BarColumn(), TextColumn("{task.fields[count]}"),
                        TextColumn("{task.fields[rate]}"),
                        TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    progress.start()
    progress.add_task("batch", total=total, rate="", count=_count(0, total, lang))
    return progress


@app.command(epilog="Examples:\n\n  littlegiant schema > profile.schema.json\n\n  littlegiant schema --rule-file > rule-file.schema.json")
def schema(
    rules: Annotated[str | None, typer.Option("--rules", help="Rule set whose fields to describe. Default: the one in force today.", show_default=False)] = None,
    rule_file: Annotated[bool, typer.Option("--rule-file", help="Print the JSON Schema of rule files instead.")] = False,
) -> None:
    """Print the JSON Schema of the profile file (for editors' YAML completion and checking)."""
    import json

    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets
    from littlegiant.load.schema import profile_schema, rule_file_schema

    if rule_file:
        write_output(json.dumps(rule_file_schema(), ensure_ascii=False, indent=2) + "\n", None)
        return

    try:
        rs = rulesets.load(rules or rulesets.select_version(date.today()))
    except InputError as exc:
        fail(exc, check_lang(None))
    write_output(json.dumps(profile_schema(rs), ensure_ascii=False, indent=2) + "\n", None)


@app.command(epilog="Examples:\n\n  littlegiant init company.yaml\n\n  littlegiant init --csv 企业名单.csv --lang zh\n\n  littlegiant init --xlsx 企业名单.xlsx --lang zh\n\n  littlegiant init 企业名单.xlsx --lang zh     (the same: a name ending in .xlsx or .csv is a sheet)\n\n  littlegiant init sd.yaml --rules shandong-2022")
def init(
    ctx: typer.Context,
    file: Annotated[Path | None, typer.Argument(readable=False, help="Where to write the template: a profile (.yaml), or a sheet for batch when the name ends in .xlsx or .csv. Default: stdout.", show_default=False)] = None,
    csv_file: Annotated[Path | None, typer.Option("--csv", help="Write a CSV to fill in for batch instead: labelled columns, a notes row of units and each column's help, a sample row; UTF-8 with BOM, which Excel opens by double-click.", show_default=False, readable=False)] = None,
    xlsx_file: Annotated[Path | None, typer.Option("--xlsx", help="Write an Excel sheet to fill in for batch instead: a first sheet saying how to fill it in, then labelled columns (each with its help as a comment), a notes row, drop-down lists.", show_default=False, readable=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language of the template's comments and of the --csv and --xlsx column labels: zh or en. Default: from the locale.", show_default=False)] = None,
    columns: Annotated[str | None, typer.Option("--columns", metavar="labels|ids", help="Headers of --csv: labels of --lang, with a notes row of units (read back by batch), or field ids for scripts. Default: labels.", show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date whose 'last year' names the financial years. Default: today.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    rules: Annotated[str | None, typer.Option("--rules", help="Rule set whose fields to ask for (an overlay adds its own). Default: the one in force.", show_default=False)] = None,
) -> None:
    """Write a profile template to fill in, commented in --lang, or a CSV or Excel sheet for batch."""
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets
    from littlegiant.load.schema import csv_header
    from littlegiant.report.template import profile_template

    language = check_lang(lang)
    day = parse_as_of(as_of, language)
    if file is not None and str(file) == "-":  # as most tools read it: the template to stdout, not a file named -
        file = None
    if file is not None and (csv_file is not None or xlsx_file is not None):
        bad("opt.init_two", language, str(file))  # one template a run: which one was meant is not ours to guess
    if csv_file is not None and xlsx_file is not None:  # b.xlsx was written alone, a.csv not a word said of
        bad("opt.init_two", language, f"--xlsx {xlsx_file}")
    if file is not None:  # 模板.xlsx names a sheet, not YAML in it
        suffix = file.suffix.lower()
        if suffix == ".xlsx":
            file, xlsx_file = None, file
        elif suffix == ".csv":
            file, csv_file = None, file
        elif suffix not in ("", ".yaml", ".yml", ".txt"):
            bad("opt.init_kind", language, None, str(file), suffix=suffix)
    csv_out = None if csv_file is not None and str(csv_file) == "-" else csv_file  # --csv -: stdout too
    try:
        rs = rulesets.load(rules or rulesets.select_version(day))
    except InputError as exc:
        fail(exc, language)
    # the command that reads the file back names the set it was made for, when a run would not pick that
    # set by itself (a province's overlay): without it, the filled-in file was refused as unknown fields
    from littlegiant.messages import shell_word

    run_with = "" if rules is None or rs.id == rulesets.select_version(day) else f" --rules {shell_word(rules)}"
    if _chosen(lang) is not None:  # the language asked for here, or the sheet's Chinese headers come back in English
        run_with += f" --lang {language}"
    if columns is not None:
        columns = one_of("--columns", columns, ("labels", "ids"), language)
    if columns is not None and csv_file is None:
        bad("opt.columns_template", language, f"--columns {columns}")
    target = xlsx_file or csv_out or (None if csv_file is not None else file)
    # the file to write: through a link to a regular file, the file it points to (as --xlsx did, and the
    # README says); the link itself was taken for something put there meanwhile and not replaced. Checked
    # before --force is asked for: `init 客户资料` (a folder) was told to add --force, then that it is a folder
    written = None if target is None else checked_output(
        target, [rules_path(rules)], "--xlsx" if xlsx_file is not None else "--csv" if csv_file is not None else "",
        language)
    if target is not None and target.exists() and not force:
        bad("out.exists", language, str(target))
    if target is not None and written is not None:  # a batch run writing it would put its results over the template
        held_for_run(ctx, written, target, language)
    from littlegiant.core.inputs import template_columns

    # the years no shipped set reads are not asked for (净利润 of 2024 and 2023): the other sets too, for
    # a renewal the calendar judges under another set than the one in force
    others = [rulesets.load(i) for i in rulesets.builtin_ids() if i != rs.id]
    asked = template_columns(rs, csv_header(rs, day.year - 1), day.year - 1, others)
    if xlsx_file is not None:
        from littlegiant.load.fileio import atomic_write_bytes
        from littlegiant.report.workbook import template as xlsx_template

        if xlsx_file.suffix.lower() != ".xlsx":
            bad("out.xlsx_name", language, f"--xlsx {xlsx_file}")
        try:
            atomic_write_bytes(xlsx_file, xlsx_template(rs, day.year - 1, language, asked))
        except OSError as exc:
            bad("out.unwritable", language, str(xlsx_file), error=_os_error(exc))
        _written("run.init_sheet", xlsx_file, language, run_with)
        return
    if csv_file is not None:
        from littlegiant.report.table import csv_template

        if csv_out is not None and csv_out.suffix.lower() not in (".csv", ".txt"):  # t.xlsx, t.yaml: batch read it as that
            bad("out.csv_name", language, f"--csv {csv_out}")
        text = csv_template(rs, asked, day.year - 1, language, ids=columns == "ids")
        write_output(text, written, language)
        if csv_out is not None:
            _written("run.init_sheet", csv_out, language, run_with)
        return
    write_output(profile_template(rs, day.year - 1, language, run_with), written, language)
    if file is not None:
        _written("run.init_profile", file, language, run_with)


def _written(kind: str, file: Path, lang: str, run_with: str = "") -> None:
    """One line on stderr after init wrote a file: what it is and the command that reads it once
    filled in (a silent exit 0 left the user to guess both), with ``run_with`` (its --rules) after the
    file. Written to stdout, init says nothing."""
    from littlegiant.messages import say as words
    from littlegiant.messages import shell_word

    say(words(kind, lang, {"file": str(file), "command": shell_word(str(file)) + run_with}))


rules_app = typer.Typer(
    name="rules",
    help="The rule sets: list them, show one rule, explain the terms, validate a rule file, run rule tests, diff two versions.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(rules_app)


@rules_app.callback()
def _rules_root(
    lang: Annotated[str | None, typer.Option(
        "--lang", help="zh or en, for every rules command (its own --lang goes first). Default: from the locale.",
        show_default=False)] = None,
) -> None:
    """The rule sets: list them, show one rule, explain the terms, validate a rule file, run rule tests, diff two versions."""
    if lang is not None:  # `rules --lang zh list`, as `littlegiant --lang zh rules list` is taken: it was refused
        from littlegiant.i18n import choose_lang

        choose_lang(check_lang(lang))


@rules_app.command("list", epilog="Examples:\n\n  littlegiant rules list --lang zh\n\n  littlegiant rules list my-province.yaml")
def rules_list(
    files: Annotated[list[str] | None, typer.Argument(help="More rule files to list besides the built-in ones.", show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
) -> None:
    """The built-in rule sets (and any given), their dates in force and rules by confidence tag."""
    from littlegiant.cli.ruletools import calendar_text, list_line, rule_files, wrap_lines
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets

    language = check_lang(lang)
    width = text_width(_is_terminal(sys.stdout))
    rows = []
    try:
        for ref in rule_files(list(files or [])):
            rows.append(list_line(rulesets.load(ref), ref, language, width))
        cal = rulesets.calendar()
        titles = {rid: rulesets.load(rid).title for rid in {p.rules for p in cal.periods}} if language == "zh" else None
        rows.append("\n" + wrap_lines(calendar_text(cal, language, None, titles).rstrip("\n"), width))
    except InputError as exc:
        fail(exc, language)
    write_output("\n\n".join(rows[:-1]) + "\n" + rows[-1] + "\n", None, language)  # a blank line between sets, each of several lines


@rules_app.command("calendar", epilog="Examples:\n\n  littlegiant rules calendar\n\n  littlegiant rules calendar --as-of 2026-11-26 --lang zh")
def rules_calendar(
    as_of: Annotated[str | None, typer.Option("--as-of", help="A date YYYY-MM-DD: what applies that day to a new application and to each renewal. Without it, the whole calendar.", show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
) -> None:
    """Which rule set and round notice judge an application or a renewal (复核) on a date, and why."""
    from littlegiant.cli.ruletools import calendar_text, wrap_lines
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets

    language = check_lang(lang)
    day = parse_as_of(as_of, language) if as_of is not None else None
    try:
        cal = rulesets.calendar()
        titles = {rid: rulesets.load(rid).title for rid in {p.rules for p in cal.periods}} if language == "zh" else None
        text = wrap_lines(calendar_text(cal, language, day, titles), text_width(_is_terminal(sys.stdout)))
    except InputError as exc:
        fail(exc, language)
    write_output(text, None, language)


@rules_app.command("show", epilog="Examples:\n\n  littlegiant rules show miit-2026 --lang zh\n\n  littlegiant rules show zjtx26.rd.share_y1\n\n  littlegiant rules show 研发费用 --lang zh\n\n  littlegiant rules show zjtx.points.ip --lang zh --rules miit-2022 --detail")
def rules_show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="A rule set, tier, criterion (TIER:ID for one tier's, where tiers reuse an id), score item (table.item), derived or field id; or words of a rule's title (研发费用, \"R&D\").", show_default=False)],
    rules: Annotated[str | None, typer.Option("--rules", help="Rule set to look in. Default: every built-in one, the one in force today first.", show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
    detail: Annotated[bool, typer.Option("--detail", help="A rule author's view: ids, kind, formula and operator, confidence tag, field paths, in zh and en.")] = False,
) -> None:
    """One rule, tier or rule set in words: what it requires, with units; its source, how sure that is, the data it uses."""
    from littlegiant.cli.ruletools import criteria_named, find, find_by_words, is_rule_set, plain_show_text, show_text
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets
    from littlegiant.report.explain import EXPLAINED_AT_MOST, several_heading

    language = check_lang(lang)
    try:
        sets = [rulesets.load(rules)] if rules else [rulesets.load(r) for r in rulesets.builtin_ids()]
        in_force = rulesets.select_version(date.today())  # first: the 2022 tier led, today's far below it
        sets.sort(key=lambda rs: rs.id != in_force)
        if rules is None and not any(find(rs, ident) is not None or is_rule_set(rs, ident) for rs in sets):
            # a shipped overlay by its id, or a rule only an overlay has (its 特色化 indicators): `rules show
            # shandong-2022` said there was no such rule, though `rules list` lists it. Not searched first: an
            # overlay repeats its base's rules, each of which would be shown twice
            sets += [rs for rs in map(rulesets.load, rulesets.overlay_ids())
                     if find(rs, ident) is not None or is_rule_set(rs, ident)]
        # an id tiers reuse for different rules: each tier's, as TIER:ID (a whole title, below, names its rule alone)
        shown = [(rs, named) for rs in sets if find(rs, ident) is not None or is_rule_set(rs, ident)
                 for named in (criteria_named(rs, ident) or [ident])]
        heading, width = "", text_width(_is_terminal(sys.stdout))
        if not shown:  # words of a title (研发费用), as --explain takes them: a whole title in any set, else the
            # first set that has them (2022's tier 创新型中小企业 by its title, not four 2026 rules holding the words)
            found = [(rs, find_by_words(rs, ident)) for rs in sets]
            matched = next(((rs, ids) for rs, (whole, ids) in found if whole), None) or \
                next(((rs, ids) for rs, (_, ids) in found if ids), None)
            if matched is None:
                bad("opt.no_rule", language, got=ident, sets=", ".join(sorted(rs.id for rs in sets)),
                    first=in_force if any(rs.id == in_force for rs in sets) else sets[0].id)
            rs, ids = matched
            if len(ids) > EXPLAINED_AT_MOST:
                titles = list(dict.fromkeys(_rule_title(rs, i, language) for i in ids))
                from littlegiant.messages import say as words

                # said whole, as --explain says it: the list is ours, and a title clipped is no title to type
                fail(words("opt.explain_many", language, {"got": ident, "count": len(ids),
                                                          "named": titles_named(titles, language)}), language)
            shown = [(rs, i) for i in ids]
            if len(ids) > 1:
                heading = several_heading(ident, len(ids), language, width) + "\n"
        write_output(heading + "\n".join(show_text(rs, i, language) if detail else plain_show_text(rs, i, language, width)
                                          for rs, i in shown), None, language)
    except InputError as exc:
        fail(exc, language)


def titles_named(titles: list[str], lang: str) -> str:
    """The first few of ``titles`` as a message names them, and how many more: what to type instead
    of words that match too many rules."""
    if lang == "zh":
        return "、".join(f"「{title}」" for title in titles[:6]) + ("等" if len(titles) > 6 else "")
    return ", ".join(f'"{title}"' for title in titles[:6]) + (f" and {len(titles) - 6} more" if len(titles) > 6 else "")


def _rule_title(rs: Any, ident: str, lang: str) -> str:
    """A rule's title in ``lang``, found as ``rules show`` finds it."""
    from littlegiant.cli.ruletools import find

    found = find(rs, ident)
    return found[1].title.get(lang) if found is not None else ident


@rules_app.command("glossary", epilog="Examples:\n\n  littlegiant rules glossary --lang zh\n\n  littlegiant rules glossary --rules shandong-2022")
def rules_glossary(
    rules: Annotated[str | None, typer.Option("--rules", help="Rule set whose questions to list under each term. Default: the one in force today.", show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
) -> None:
    """The official terms the questions use (Ⅰ类知识产权, 主导产品, 上年度 ...), explained in plain words."""
    from littlegiant.cli.ruletools import glossary_text, wrap_lines
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets

    language = check_lang(lang)
    try:
        rs = rulesets.load(rules or rulesets.select_version(date.today()))
        text = wrap_lines(glossary_text(language, rs), text_width(_is_terminal(sys.stdout)))
    except InputError as exc:
        fail(exc, language)
    write_output(text, None, language)


LISTED_MOST = 100
"""The problems of one file ``rules validate`` lists before it says how many more: a file of 40,000
unknown keys (a table pasted under the wrong heading) printed 40,001 lines, the first ones scrolled
out of sight; ``--all`` lists them all."""


@rules_app.command("validate", epilog="Example:\n\n  littlegiant rules validate shandong-2022")
def rules_validate(
    files: Annotated[list[str], typer.Argument(help="Rule files (or built-in ids) to check.", show_default=False)],
    allow_outside: Annotated[bool, ALLOW_OUTSIDE] = False,
    every: Annotated[bool, typer.Option("--all", help=f"List every problem (by default the first {LISTED_MOST} of a file, then how many more).")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
) -> None:
    """Check rule files strictly; every problem is listed as file:line: path: message (exit 2 if any)."""
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets
    from littlegiant.messages import say as words

    language = check_lang(lang)  # the problems and the verdict in the language every other command speaks;
    problems = 0  # each at file:line: key, as the author wrote them, which an editor jumps to
    for ref in files:
        if ref.endswith((".tests.yaml", ".tests.yml")):  # read as a rule file, its cases were "unknown key 'cases'", "missing 'id'"
            bad("rules.validate_tests", language, None, ref)
        if ref == "calendar" or Path(ref).name == rulesets.CALENDAR_FILE or _a_calendar(ref):
            # the calendar is no rule set: read as one, the shipped file was refused ("unknown key 'periods'")
            try:
                from littlegiant.load.rulecalendar import load_calendar

                load_calendar(rulesets.builtin_dir() / rulesets.CALENDAR_FILE if ref == "calendar" else Path(ref))
                errors: list[InputError] = []
            except InputError as exc:
                errors = [exc]
        else:
            errors = rulesets.validate(ref, allow_outside=allow_outside)
        shown = errors if every else errors[:LISTED_MOST]
        sys.stderr.write("".join(f"{e.placed(language)}\n" for e in shown))
        if len(shown) < len(errors):
            sys.stderr.write(words("rules.more", language, {"count": len(errors) - len(shown)}) + "\n")
        problems += len(errors)
        if not errors:
            write_output(words("rules.valid", language, {"ref": ref}) + "\n", None, language)
    if problems:
        sys.stderr.write(words("rules.invalid", language, {"count": problems}) + "\n")
        raise typer.Exit(EXIT_INPUT)


def _a_calendar(ref: str) -> bool:
    """Whether the file ``ref`` names is a calendar by its keys (a copy saved as my-calendar.yaml), which
    read as a rule set was told 'unknown key periods'."""
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets

    path = Path(ref)
    try:
        if not path.is_file() or path.suffix.lower() not in (".yaml", ".yml"):
            return False
    except OSError:  # a name too long for the system: validate lists it as it lists a missing file
        return False
    try:
        data = rulesets.read_rule_data(path)
    except InputError:
        return False  # validate says what is wrong with it, as a rule file
    return isinstance(data, dict) and "periods" in data and "id" not in data


@rules_app.command("test", epilog="Examples:\n\n  littlegiant rules test\n\n  littlegiant rules test shandong-2022")
def rules_test(
    paths: Annotated[list[str] | None, typer.Argument(metavar="[PATH]...", help="Rule sets to test: ids, rule files, their .tests.yaml, or folders. Default: the built-in ones and their overlays.", show_default=False)] = None,
    allow_outside: Annotated[bool, ALLOW_OUTSIDE] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
) -> None:
    """Run the YAML test cases beside each rule set, plus generated boundary cases at every threshold."""
    from littlegiant.cli.ruletools import run_tests, test_refs, test_targets
    from littlegiant.errors import InputError
    from littlegiant.messages import say as words
    from littlegiant.report.linebreak import hang

    language = check_lang(lang)  # the failures and the summary in the language every other command speaks,
    # each failure at its case's file:line and name, or its rule's id, as the author wrote them
    mark = words("rules.test_failed", language, {"line": ""})
    # at a terminal a failure is wrapped under its words (a Chinese one ran past 80 columns, folded mid-word);
    # piped, one line a failure, as grep and an editor's error list take them
    width = text_width(True) if _is_terminal(sys.stdout) else None
    failed = 0
    try:
        refs = test_targets(paths) if paths else test_refs()
    except InputError as exc:
        fail(exc, language)
    unread = 0
    for ref in refs:
        try:
            outcome = run_tests(ref, allow_outside=allow_outside)
        except InputError as exc:
            if len(refs) == 1:
                fail(exc, language)
            # one file of a folder (a copy of the shipped sets, one still carrying a built-in id) stopped the
            # rest untested: it is said, and the others are tested; the run still ends as bad input
            say(words("run.error", language, {"message": exc.render(language)}))
            unread += 1
            continue
        for failure in outcome.failures:
            said = failure.said(language)
            write_output(("\n".join(hang(mark, said, width)) if width is not None else mark + said) + "\n", None, language)
        failed += len(outcome.failures)
        verdict = words("rules.test_failures", language, {"count": len(outcome.failures)}) if outcome.failures \
            else words("rules.test_passed", language)
        done = "rules.test_done" if outcome.rules_id == "calendar" else "rules.test_done_generated"
        write_output(words(done, language, {"rules": outcome.rules_id, "cases": outcome.cases,
                                            "generated": outcome.generated, "verdict": verdict}) + "\n", None, language)
    if unread:
        raise typer.Exit(EXIT_INPUT)
    if failed:
        raise typer.Exit(1)


@rules_app.command("diff", epilog="Example:\n\n  littlegiant rules diff miit-2022 miit-2026 --lang zh")
def rules_diff(
    a: Annotated[str, typer.Argument(metavar="A", help="The older rule set (id or file).", show_default=False)],
    b: Annotated[str, typer.Argument(metavar="B", help="The newer rule set (id or file).", show_default=False)],
    allow_outside: Annotated[bool, ALLOW_OUTSIDE] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en. Default: from the locale.", show_default=False)] = None,
) -> None:
    """What changed between two rule sets, criterion by criterion: added, removed, threshold from → to."""
    from littlegiant.cli.ruletools import diff_text, wrap_lines
    from littlegiant.errors import InputError
    from littlegiant.load import rules as rulesets

    language = check_lang(lang)
    try:
        # --allow-outside as validate and assess take it: a file extending ../base.yaml was told to give it here
        text = wrap_lines(diff_text(rulesets.load(a, allow_outside=allow_outside),
                                    rulesets.load(b, allow_outside=allow_outside), language),
                          text_width(_is_terminal(sys.stdout)), more=2)
    except InputError as exc:
        fail(exc, language)
    write_output(text, None, language)


def render(report: Any, fmt: str, *, to_terminal: bool, to_file: bool = False) -> str:
    """The report in one of FORMATS as a string; ``to_file``: written with --output, a document handed on."""
    from littlegiant.report.common import Report

    assert isinstance(report, Report)
    if to_terminal and report.result.name and fmt != "json":
        from littlegiant.messages import escape_controls

        report.result.name = escape_controls(report.result.name)
    if fmt == "json":
        import json

        from littlegiant.report.common import report_json

        doc = report_json(report)
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        from littlegiant.report.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from littlegiant.report.html import render_html

        return render_html(report)
    import io

    from littlegiant.report.text import render as render_text

    buf = io.StringIO()
    if to_file:  # the client's copy: every question, no hint to type, the check code (report.text)
        from dataclasses import replace

        render_text(replace(report, whole=True), buf, width=FILE_WIDTH, color=False)
        return buf.getvalue()
    render_text(report, buf, width=text_width(to_terminal),
                color=True if to_terminal and "NO_COLOR" not in os.environ else False)
    return buf.getvalue()


MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 40, 1000, 110
FILE_WIDTH = 80
"""Columns of a text file written with --output, whatever COLUMNS or the terminal says: 40 Chinese
characters, which an A4 page prints in a monospaced font and a phone shows in at most two lines of its
own. At COLUMNS=200 a client's 报告.txt had 200-column lines that a phone and Notepad broke raggedly."""


def text_width(to_terminal: bool) -> int:
    """Columns for the text report: COLUMNS when it is a sane number, else the terminal's width, else
    110. ``COLUMNS=abc`` crashed and ``COLUMNS=0`` printed nothing. A report piped on (``| more``,
    ``> 报告.txt`` typed at a terminal) takes the width of the terminal it was typed at, read off
    stderr or stdin: at 110 an 80-column console folded every long line mid-phrase, indents lost."""
    import shutil

    raw = os.environ.get("COLUMNS", "").strip()
    width = int(raw) if raw.isdigit() and len(raw) < 6 else 0
    if width < MIN_WIDTH and to_terminal:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    if width < MIN_WIDTH and not _is_terminal(sys.stdout):
        width = _typed_at()
    if width < MIN_WIDTH:
        width = DEFAULT_WIDTH
    return min(width, MAX_WIDTH)


def _typed_at() -> int:
    """The columns of the terminal the command was typed at when stdout is not it (0 when neither
    stderr nor stdin is a terminal: a script's run, a file written for another screen)."""
    for stream in (sys.stderr, sys.stdin):
        if _is_terminal(stream):
            try:
                return os.get_terminal_size(stream.fileno()).columns
            except (OSError, ValueError):
                continue
    return 0


def _click_errors() -> tuple[type[Exception], type[Exception], type[Exception]]:
    """(NoArgsIsHelpError, UsageError, ClickException) of whichever click typer runs on.

    typer 0.29 vendors click as ``typer._click``; older typers use the click package.
    """
    import importlib

    try:
        ex = importlib.import_module("typer._click.exceptions")
    except ImportError:  # pragma: no cover - typer < 0.29
        ex = importlib.import_module("click.exceptions")
    return ex.NoArgsIsHelpError, ex.UsageError, ex.ClickException


def _chosen(lang: str | None) -> str | None:
    """The language named on the command line (a command's own --lang, else one before it) where the
    locale would give another, or None."""
    from littlegiant.i18n import chosen_lang

    return chosen_lang(lang)


def _lang_alone(argv: list[str]) -> bool:
    """Whether the command line is a language and nothing else (``--lang zh``, ``--lang=zh``); one that
    names no language is said so here (click would say a command is missing), exit 2."""
    from littlegiant.i18n import lang_of

    values, rest = [], list(argv)
    while rest:  # --lang zh, --lang=zh, as many as given
        if rest[0] == "--lang" and len(rest) > 1:
            values.append(rest[1])
            rest = rest[2:]
        elif rest[0].startswith("--lang="):
            values.append(rest[0][len("--lang="):])
            rest = rest[1:]
        else:
            return False
    for value in values:
        if lang_of(value) is None:
            check_lang(value)  # exits 2 with the option's own message
    return bool(values)


def _argv_lang(argv: list[str]) -> str:
    """The language the user asked for on the command line (``--lang zh``), else the locale's: what
    a usage error is said in before the command has parsed its options."""
    from littlegiant.i18n import default_lang, lang_of

    named = None  # the last given: a command's own --lang comes after one given before the command, and goes first
    for i, arg in enumerate(argv):
        value = arg[len("--lang="):] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if value is not None and lang_of(value) is not None:
            named = lang_of(value)
    return named or default_lang()


_TYPE_ZH = {"int": "整数", "integer": "整数", "float": "数字", "bool": "是或否", "path": "文件路径", "str": "文字",
            "datetime": "日期"}


def _param_name(param: Any) -> str:
    """An option as typed (``--jobs``) or an argument as the help shows it (``INPUTS``)."""
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and opts:
        return str(opts[0])
    return str(getattr(param, "metavar", None) or (param.name or "").upper())


def _param_kind(param: Any) -> str:
    return "选项" if getattr(param, "param_type_name", "") == "option" else "参数"


def usage_words(exc: Exception, lang: str) -> str:
    """A click usage error in ``lang``: click's own line in English; in Chinese said again from the
    error's parts (the option, the parameter, the close matches), never from its English words,
    except where click keeps a part only in its text (the unknown command, the extra arguments)."""
    import re

    message: str = exc.format_message()  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoSuchOption" and getattr(exc, "option_name", None) in ("-o", "--output") \
            and ctx is not None and ctx.command.name == "init":
        from littlegiant.messages import say as words

        # assess and batch write with -o: a user who learnt it there was told only that init has no -o
        return t_usage("usage.see_help", lang, message=words("usage.init_output", lang, {}))
    if type(exc).__name__ == "NoSuchOption" and getattr(exc, "option_name", None) == "--advice" \
            and ctx is not None and ctx.command.name == "assess":
        from littlegiant.messages import say as words

        # batch's option, learnt there: "did you mean --save?" sent the user to the interview's save file
        return t_usage("usage.see_help", lang, message=words("usage.assess_advice", lang, {}))
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra is not None and ctx is not None and ctx.command.name == "assess" and ctx.params.get("profile"):
        from littlegiant.messages import say as words
        from littlegiant.messages import shell_word

        # a consultant with five clients' files: assess takes one, and batch, which takes them all, was unnamed
        # (click gives the extra ones only joined by spaces: they are shown as it has them)
        files = f"{shell_word(str(ctx.params['profile']))} {extra.group(1)}"
        return t_usage("usage.see_help", lang, message=words("usage.extra_profiles", lang, {
            "args": extra.group(1), "files": files, "out": "结果.xlsx" if lang == "zh" else "results.xlsx"}))
    elsewhere = _command_elsewhere(exc, message)
    if elsewhere is not None:
        from littlegiant.messages import say as words

        zh = lang == "zh"  # --set takes the label a finance manager reads in the report, or the path
        elsewhere["use"] = elsewhere["use"].replace("{profile}", "企业信息.yaml" if zh else "company.yaml") \
            .replace("{field}", "研发费用（2025年）" if zh else "financials.2025.rd_expense")
        return t_usage("usage.see_help", lang, message=words("usage.no_command_elsewhere", lang, elsewhere))
    if lang != "zh":  # click's own words, which already list close matches ("Possible options")
        return t_usage("usage.see_help", "en", message=message)
    from littlegiant.messages import say as words

    kind = type(exc).__name__
    option = getattr(exc, "option_name", None)
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption" and option:
        near = _nearest_option(exc)
        text = words("usage.no_option_near" if near else "usage.no_option", "zh", {"option": option, "near": near})
    elif kind == "BadOptionUsage" and option:
        text = words("usage.needs_value", "zh", {"option": option}) if "requires" in message else \
            words("usage.other", "zh", {"detail": message})
    elif kind == "MissingParameter" and param is not None:
        text = words("usage.missing", "zh", {"what": f"{_param_kind(param)} {_param_name(param)}"})
    elif kind == "BadParameter" and param is not None:
        bare = param.bare_type() if callable(getattr(param, "bare_type", None)) else ""
        expect = _TYPE_ZH.get(str(bare).lower(), "正确的值")
        text = words("usage.bad_value", "zh", {"option": _param_name(param), "expect": expect})
    elif found := re.match(r"No such command '(.*)'\.", message):  # typer keeps the name only in its text
        from littlegiant.messages import nearest

        known = sorted(exc.ctx.command.list_commands(exc.ctx)) if getattr(exc, "ctx", None) else []  # type: ignore[attr-defined]
        near = nearest(found.group(1), known)
        text = words("usage.no_command_near" if near else "usage.no_command", "zh",
                     {"got": found.group(1), "near": near, "known": "、".join(known)})
    elif extra is not None:
        text = words("usage.extra", "zh", {"args": extra.group(1)})
    else:
        text = words("usage.other", "zh", {"detail": message})
    return t_usage("usage.see_help", "zh", message=text)


OPTION_COMMANDS = {
    "compare": "littlegiant assess {profile} --compare miit-2022,miit-2026",
    "explain": "littlegiant assess {profile} --explain 研发费用",
    "what-if": "littlegiant assess {profile} --set {field}=700",
    "whatif": "littlegiant assess {profile} --set {field}=700",
}
"""Commands a user types that are options of ``assess``: ``littlegiant compare`` was told only that
there is no such command, the --compare that does it unnamed."""


def _command_elsewhere(exc: Exception, message: str) -> dict[str, str] | None:
    """An unknown command that is an option of assess, or a command of ``rules`` typed without it
    (``littlegiant diff``): the name typed and the command line that does it; None otherwise."""
    import re

    found = re.match(r"No such command '(.*)'\.", message)
    ctx = getattr(exc, "ctx", None)
    if found is None or ctx is None or ctx.parent is not None:  # a command of the top level only
        return None
    got = found.group(1)
    if got.lower() in OPTION_COMMANDS:
        return {"got": got, "use": OPTION_COMMANDS[got.lower()]}
    group = ctx.command.get_command(ctx, "rules")
    if group is not None and got.lower() in group.list_commands(ctx):
        return {"got": got, "use": f"littlegiant rules {got.lower()}"}
    return None


def _nearest_option(exc: Exception) -> str | None:
    """Of click's close matches to an unknown option, the closest."""
    from littlegiant.messages import nearest

    option, found = getattr(exc, "option_name", ""), list(getattr(exc, "possibilities", None) or [])
    return nearest(option, found) or (found[0] if found else None)


def t_usage(kind: str, lang: str, **params: object) -> str:
    from littlegiant.messages import say as words

    return words(kind, lang, params)


def _option_taken(command: Any, argv: list[str], lang: str) -> dict[str, object] | None:
    """An option that takes a value followed at once by another option (``init --csv --lang zh``): the
    parser took ``--lang`` for the file name, so the run failed on a template named "--lang" and, its
    --lang gone, said so in the locale's language. What to say instead, or None. (Read off the parsed
    command's options by their attributes: typer carries its own copy of click.)"""
    sub, rest = None, argv
    while rest and (found := (getattr(sub or command, "commands", None) or {}).get(rest[0])) is not None:
        sub, rest = found, rest[1:]  # down to the command run: `rules show --rules --lang zh` too
    if sub is None:
        return None
    options = [p for p in sub.params if getattr(p, "param_type_name", "") == "option"]
    # the help option too, which is no parameter: `-o --help` wrote the report to a file called "--help"
    helps = (getattr(command, "context_settings", None) or {}).get("help_option_names", ["--help"])
    names = {name for p in options for name in (*p.opts, *p.secondary_opts)} | set(helps)
    valued = {name for p in options if not getattr(p, "is_flag", True) and not getattr(p, "count", False)
              for name in p.opts}
    for arg, after in pairwise(rest):
        if arg == "--":
            return None
        if arg in valued and after.split("=", 1)[0] in names:
            zh, en = OPTION_VALUES.get(arg, ("它的值", "its value"))
            return {"option": arg, "next": after, "what": zh if lang == "zh" else en}
    return None


def _empty_file_option(argv: list[str]) -> str | None:
    """The file option given an empty name (a script's --save "$ANSWERS" with ANSWERS unset), if any: typer
    reads "" as the path ".", and the run said "--save .: is a folder" of a name no one typed."""
    for i, arg in enumerate(argv):
        if arg == "--":
            return None
        name, eq, value = arg.partition("=")
        if name in _PATH_OPTIONS and (value if eq else argv[i + 1] if i + 1 < len(argv) else "x").strip() == "":
            return name
    return None


_PATH_OPTIONS = ("--save", "--csv", "--xlsx")
"""The options naming a file typer reads as a Path (-o is read as typed and checked by ``checked_output``)."""

_FILE = ("文件名", "a file name")
OPTION_VALUES = {"-o": _FILE, "--output": _FILE, "--csv": _FILE, "--xlsx": _FILE, "--save": _FILE,
                 "--as-of": ("日期（如 2026-04-01）", "a date (2026-04-01)"), "--lang": ("zh 或 en", "zh or en"),
                 "--set": ("“字段=值”", "FIELD=VALUE"), "--rules": ("规则集（如 miit-2026）或规则文件", "a rule set id or file")}
"""What a missing option value is, as the message names it (zh, en); any other option's is "its value"."""


def main() -> None:
    """Console entry point: usage errors become one line and exit code 2; Ctrl-C, SIGTERM and SIGHUP
    exit 130 with one line, however early they come (one held while the modules loaded included)."""
    _end_quickly()
    try:
        with stopping.as_ctrl_c():
            _run(sys.argv[1:])
    except KeyboardInterrupt:  # before the command's own handling began, or as it ended
        from littlegiant.messages import say as words

        stopping.ended()
        say(words("run.interrupted", _argv_lang(sys.argv[1:])))
        sys.exit(EXIT_INTERRUPTED)
    finally:
        stopping.ended()


_ENDING: list[bool] = []
"""Whether ``_end_quickly`` has set this process to end quickly (once, however often main runs)."""


def _end_quickly() -> None:
    """As the interpreter ends, put everything alive out of the collector's reach (gc.freeze). Python
    collects garbage again and again while it tears its modules down, each time walking every object
    the rule set, typer and rich left: some 35 ms of a 210 ms ``assess``, after the report was out and
    every file closed. Frozen, the objects are still freed, only not walked; what a finaliser of a
    cycle would have done at exit is nothing the tool leaves to one (files are closed, and results
    put in place, before the command returns)."""
    if not _ENDING:
        import atexit
        import gc

        _ENDING.append(True)
        atexit.register(gc.freeze)  # at exit, before the interpreter tears its modules down (and collects)


def _run(argv: list[str]) -> None:
    """The command line ``argv`` run to its exit code, every error said in one line."""
    from littlegiant.load.charsets import plain_fallback
    from littlegiant.messages import say as words

    _STOP_SAID.clear()
    plain_fallback(sys.stdout, sys.stderr)
    no_args, usage_error, click_error = _click_errors()
    from littlegiant.i18n import choose_lang

    choose_lang(None)  # an earlier run in this process (a test's) chose its own: this one's usage errors are its own
    lang = _argv_lang(argv)
    for i, arg in enumerate(argv):  # `--renewal` was a bare flag once: the title must follow it now
        if arg == "--renewal" and (i + 1 == len(argv) or argv[i + 1].startswith("-")):
            say(words("run.error", lang, {"message": "--renewal" + ("：" if lang == "zh" else ": ")
                                          + words("opt.renewal_missing", lang)}))
            sys.exit(EXIT_INPUT)
    empty = _empty_file_option(argv)
    if empty is not None:  # typer makes "" the path ".": "--save .: is a folder" of a name never typed
        say(words("run.error", lang, {"message": f"{empty}{'：' if lang == 'zh' else ': '}{words('out.no_name', lang)}"}))
        sys.exit(EXIT_INPUT)
    command = _built(argv)
    taken = _option_taken(command, argv, lang)
    if taken is not None:
        say(words("run.error", lang, {"message": words("opt.value_missing", lang, taken)}))
        sys.exit(EXIT_INPUT)
    if lang == "zh":  # the help in the language every message of the run is said in
        from littlegiant.cli.help_zh import translate

        translate(command)
    try:
        # `littlegiant --lang zh` alone: the help in that language, as a bare `littlegiant` prints it
        # (click said 「命令写法有误（Missing command.）」, half in English); `rules --lang zh` alone: the rules help
        alone = argv[:1] if argv[:1] == ["rules"] and _lang_alone(argv[1:]) else [] if _lang_alone(argv) else None
        code = command(args=argv if alone is None else alone, standalone_mode=False)
    except no_args as exc:  # a bare command: its help, on stdout as --help prints it
        sys.stdout.write(exc.format_message().rstrip("\n") + "\n")  # type: ignore[attr-defined]
        code = 0
    except usage_error as exc:
        if "'--renewal'" in exc.format_message():  # type: ignore[attr-defined]  # the old bare flag: say what it now needs
            message = "--renewal" + ("：" if lang == "zh" else ": ") + words("opt.renewal_missing", lang)
        else:
            try:
                message = usage_words(exc, lang)
            except Exception:  # a typer that keeps its parts elsewhere: its own words, never a traceback
                message = t_usage("usage.see_help", "en", message=exc.format_message())  # type: ignore[attr-defined]
        say(words("run.error", lang, {"message": message}))
        code = EXIT_INPUT
    except click_error as exc:
        say(words("run.error", lang, {"message": exc.format_message()}))  # type: ignore[attr-defined]
        code = EXIT_INPUT
    except (KeyboardInterrupt, typer.Abort):
        stopping.ended()
        say(_stop_words(argv, lang))
        _STOP_SAID.append(True)
        code = EXIT_INTERRUPTED
    except typer.Exit as exc:
        code = exc.exit_code
    except (OSError, RuntimeError) as exc:  # the file system said no at a path given: the user's to mend, no bug
        where = getattr(exc, "filename", None) or _looping(exc)
        if where is None:
            _internal(exc, lang)
            code = EXIT_INTERNAL
        else:
            import errno

            from littlegiant.errors import InputError

            error = _os_error(exc if isinstance(exc, OSError) else OSError(errno.ELOOP, os.strerror(errno.ELOOP)))
            said = InputError(kind="file.os", params={"error": error}, file=_shown_path(str(where))).render(lang)
            say(words("run.error", lang, {"message": said}))
            code = EXIT_INPUT
    except Exception as exc:  # a bug: one line that says so, not a traceback
        _internal(exc, lang)
        code = EXIT_INTERNAL
    if code == EXIT_INTERRUPTED and not _STOP_SAID:  # typer's own exit for a stop it caught: said here
        stopping.ended()
        if _is_terminal(sys.stderr):
            say("")
        say(_stop_words(argv, lang))
    stopping.ended()
    sys.exit(code or 0)


def _built(argv: list[str]) -> Any:
    """The click command typer makes of ``app``, for a run of ``argv``. Named first, one of the top-level
    commands (``assess FILE``) is the only one made under the group: typer makes every command's options
    from its signature at each start, and the other commands and the rules group cost an assessment
    some 22M instructions of its start-up (issue #14), against typer's 1.6M for a one-command app. The
    command run, its help, usage and errors are the same; any other line (``rules …``, ``--lang zh
    assess``, a name that is no command: told the known ones) gets them all."""
    named = [c for c in app.registered_commands
             if argv and (c.name or typer.main.get_command_name(c.callback.__name__ if c.callback else "")) == argv[0]]
    if len(named) != 1:
        return typer.main.get_command(app)
    every = app.registered_commands, app.registered_groups
    app.registered_commands, app.registered_groups = named, []
    try:
        return typer.main.get_command(app)
    finally:
        app.registered_commands, app.registered_groups = every


def _looping(exc: BaseException) -> str | None:
    """The path of Path.resolve's "Symlink loop from '…'" (a RuntimeError, not an OSError, before Python 3.13)."""
    text = str(exc)
    return text.removeprefix("Symlink loop from ").strip("'\"") if text.startswith("Symlink loop from ") else None


def _shown_path(path: str) -> str:
    """A path as a one-line message shows it: a 300-character name cut in the middle."""
    from littlegiant.messages import shown_path

    return shown_path(path)


def _internal(exc: BaseException, lang: str) -> None:
    """A bug: one line that says so, not a traceback."""
    from littlegiant.errors import internal_message
    from littlegiant.messages import say as words

    detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    say(words("run.internal", lang, {"message": internal_message(exc), "detail": detail}))

