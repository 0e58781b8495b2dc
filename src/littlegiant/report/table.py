"""Batch's tables in words: the columns and cells of its results (CSV and the .xlsx results
sheet), and the templates a park fills in (``init --csv``; ``workbook.py`` writes the .xlsx ones).

The loaders read these tables back (load/tabular.py) but make none of their words: the header of
a results file is known to them only as ``output_columns``, which batch hands them, so that
figures added to a results file can be scored again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from littlegiant import lazyre
from littlegiant.i18n import SIZE, STATUS, t
from littlegiant.load.profile import answer_label, field_for_path, year_in_path
from littlegiant.load.rules import TIER_IDS, FieldDef, RuleSet
from littlegiant.load.tabular import ID_COLUMNS, NOTES_MARK, SAMPLE_MARK, carried_column, norm
from littlegiant.messages import Text
from littlegiant.report.explanations import UNCOMPUTED_ENDS, fmt
from littlegiant.report.template import NOTES_RULE, help_text

SUMMARY_COLUMNS = ["source", "name", "status", "error", "sme_size", *[
    f"{t}_{k}" for t in TIER_IDS for k in ("status", "score")], "next_step", "warnings", *ID_COLUMNS]
"""The columns of batch's summary rows by id: a .csv with ``--columns ids`` (and JSON Lines keys,
with ``JSONL_COLUMNS``' score ends). The input's own identity columns (``ID_COLUMNS``: 统一社会信用代码,
序号) come last, so that a script reading the earlier ones by place reads them as before; the words
put them beside the name."""
JSONL_COLUMNS = [k for c in SUMMARY_COLUMNS for k in ((c, f"{c}_min", f"{c}_max") if c.endswith("_score") else (c,))]
"""The keys of a JSON Lines summary row: SUMMARY_COLUMNS with each score's ends beside it, as the
JSON result has them (``score`` a number or null, ``score_min``/``score_max`` what missing inputs
allow), for a program that would otherwise parse "30-95" out of a score."""


class Labels(NamedTuple):
    """What batch output headed with words needs: the language, each tier's title in it, and the
    company-name field's label (so that the name column reads back as input)."""

    lang: str
    tiers: Mapping[str, str]
    name: str
    advice: bool = True  # a next-step column (batch --advice); without it the column would stay empty
    scored: frozenset[str] | None = None
    """The tiers given a score column (None: every tier). A .csv leaves out those the rule set scores
    by no table (the 2026 tiers), whose column would stay empty in every row, as the .xlsx hides them."""


def output_columns(rules: RuleSet) -> frozenset[str]:
    """The columns batch writes (ids, and words in either language), as compared: passed over when
    a results file is read back as input, so that figures added to it can be scored again."""
    found: frozenset[str] | None = rules.memo.get("table.output")
    if found is None:
        found = rules.memo["table.output"] = heading_columns({tid: tier.title for tid, tier in rules.tiers.items()},
                                                             rules.fields["name"].label)
    return found


def any_output_columns(rules: RuleSet) -> frozenset[str]:
    """``output_columns`` of ``rules`` and of every shipped set: what an earlier results file holds of a
    run's own (results of 2022's set replaced in 2026 count), told apart from the columns after them
    that a park's sheet or its staff added (batch.added_columns, batch._ours). A run's input is judged
    by its own set's columns alone: another set's words there (创新型中小企业: 是) are the park's."""
    found: frozenset[str] | None = rules.memo.get("table.any_output")
    if found is None:
        from littlegiant.load.rules import shipped_headings

        found = rules.memo["table.any_output"] = output_columns(rules).union(
            *(heading_columns(tiers, name) for tiers, name in shipped_headings()))
    return found


def heading_columns(tiers: Mapping[str, Text], name: Text) -> frozenset[str]:
    """The columns batch writes for a rule set of these tier titles and company-name label: what
    ``output_columns`` is made of, from the titles alone (a rule set need not be built for it)."""
    headers = list(JSONL_COLUMNS)
    for lang in ("zh", "en"):
        titles = {tid: getattr(title, lang) for tid, title in tiers.items()}
        headers += result_header(Labels(lang, titles, getattr(name, lang)))
    return frozenset(map(norm, headers))


_ID_COLUMNS = frozenset(map(norm, JSONL_COLUMNS))
_SOURCE = frozenset(map(norm, ("source", t("xlsx.source", "zh"), t("xlsx.source", "en"))))
OUTCOME_HEADERS = frozenset(("status", t("xlsx.status", "zh"), t("xlsx.status", "en")))
"""The outcome column's header as batch writes it (ids, zh, en): a results file always has one."""
_OUTCOME = frozenset(map(norm, OUTCOME_HEADERS))
CARRIED_KEY = "input_columns"
"""The key of a JSON Lines row (a summary's, a full result's) holding the columns of the park's own
sheet that no rule reads (联系人, 所属园区, 备注), copied back as typed; a .csv and an .xlsx have them
as their last columns, headed as the sheet headed them."""
_FULL_RESULT = frozenset({"result", "notes", CARRIED_KEY})
"""The keys a JSON Lines row can have beside the summary's columns: a full result's (batch --format
json) result, the notes on its row (a formula without its result, a company given twice), and the
input's own columns copied back."""


def is_results(columns: Iterable[object], rules: RuleSet | None = None) -> bool:
    """Whether these columns (a table's header; a JSON line's keys, when ``rules`` is None) are batch's
    own output and nothing more: a results file given as the list of companies. Every row would be
    all unknown or all errors; a results file with columns of figures added is a list again."""
    if rules is None:
        return is_header_of(columns, _ID_COLUMNS)
    return is_header_of(columns, output_columns(rules), rules)


def is_header_of(columns: Iterable[object], ours: frozenset[str], rules: RuleSet | None = None) -> bool:
    """``is_results`` against the columns ``ours`` (``output_columns``, ``heading_columns``). With
    ``rules``, a header that goes on after the results' columns with columns no rule of them reads (a
    park's 联系人 and 备注, which batch copies back last) is results too: a run repeated must replace
    its own output, and one given it as its list be told it is results. A column a rule reads added
    after them (营业收入（2025年）, typed in to score the list again) makes it a list."""
    names = [c for c in columns if isinstance(c, str) and c.strip()]
    normed = {norm(c) for c in names}
    if not normed & _SOURCE or not normed & _OUTCOME:
        return False
    if normed <= ours | _FULL_RESULT:
        return True
    if rules is None or norm(names[0]) not in _SOURCE:  # results begin with their source column
        return False
    return all(carried_column(rules, c) for c in names if norm(c) not in ours)


def looks_like_results(columns: list[str], rules: RuleSet) -> bool:
    """Whether a header is batch's results, perhaps with columns added: its source and outcome columns, and
    begun by the source column or holding RESULTS_LIKE of its columns (区县 typed in before them). A CRM's
    list with a source and a status column among its own is a list."""
    if not has_result_columns(columns):
        return False
    first = next((c for c in columns if c.strip()), "")
    ours = output_columns(rules)
    return norm(first) in _SOURCE or sum(norm(c) in ours for c in columns) >= RESULTS_LIKE


RESULTS_LIKE = 6
"""Result columns that make a header batch's results wherever they begin (a CRM's list has 2 or 3: its
name, a source, a status)."""


LISTED = "（原表）"
"""After a park's own column headed as a result column is (企业规模（原表）), copied back beside the run's own:
one mark in both languages, so that a run repeated in the other language replaces its output."""


def has_result_columns(columns: Iterable[object]) -> bool:
    """Whether a header has the source and outcome columns every results file has: without them it
    is no rule set's results, and no rule set need be read to say so."""
    names = {norm(c) for c in columns if isinstance(c, str) and c.strip()}
    return bool(names & _SOURCE) and bool(names & _OUTCOME)


def result_header(labels: Labels) -> list[str]:
    """The columns of batch output meant for people (the .xlsx results sheet, a .csv unless
    ``--columns ids``): words of the language, one verdict and one score column per tier."""
    lang = labels.lang
    columns = [t("xlsx.source", lang), labels.name, *(t(f"xlsx.{i}", lang) for i in ID_COLUMNS), t("xlsx.status", lang),
               t("sme", lang)]
    score = t("score", lang)
    for tid in TIER_IDS:
        title = labels.tiers.get(tid, tid)
        columns += [title, f"{title}{score}" if lang == "zh" else f"{title} {score.lower()}"][:1 + _scored(labels, tid)]
    step = [t("xlsx.next_step", lang)] if labels.advice else []
    return [*columns, t("xlsx.blocker", lang), *step, t("xlsx.problems", lang), t("xlsx.warnings", lang)]


def text_cells(labels: Labels) -> tuple[int, ...]:
    """The cells of a result_words row that hold free text (source, name, the input's 信用代码 and 序号,
    blocker, next step with --advice, problems, figures to check): what a spreadsheet could take for a
    formula."""
    blocker = RESULT_OUTCOME + 2 + len(TIER_IDS) + sum(_scored(labels, tid) for tid in TIER_IDS)
    return (0, 1, *range(2, RESULT_OUTCOME), *range(blocker, blocker + (4 if labels.advice else 3)))


def _scored(labels: Labels, tid: str) -> bool:
    """Whether tier ``tid`` has a score column in ``labels``' output."""
    return labels.scored is None or tid in labels.scored


RESULT_OUTCOME = 2 + len(ID_COLUMNS)
"""The cell of a result_words row that says 已评估 or 出错 (an error coloured in .xlsx)."""
RESULT_VERDICTS = tuple(range(RESULT_OUTCOME + 2, RESULT_OUTCOME + 2 + 2 * len(TIER_IDS), 2))
"""The cells of a result_words row that hold a tier's verdict (coloured in .xlsx, whose Labels give
every tier a score column: one the rule set never fills is hidden there)."""


def score_range(low: object, high: object) -> str:
    """A score that missing inputs leave open, as a script reads it in a .csv with ``--columns ids``: 30-95."""
    return f"{low}-{high}"


def range_in_words(low: object, high: object) -> str:
    """The same score as a person reads it, in the .csv and .xlsx headed with words: 30–95, as the
    report writes it. Not 30-95: Excel, opening the .csv, turns 5-30 into 5月30日 and 5-95 into
    May 1995, and the score is lost when the sheet is saved."""
    return f"{low}–{high}"


class ScoreRange(str):
    """A score the missing inputs leave open: "30-95" in a .csv for scripts (30–95 in words), its ends apart in JSON
    Lines (``JSONL_COLUMNS``)."""

    low: int | float
    high: int | float

    def __new__(cls, low: int | float, high: int | float) -> ScoreRange:
        said = super().__new__(cls, score_range(low, high))
        said.low, said.high = low, high
        return said

    def __reduce__(self) -> tuple[type[ScoreRange], tuple[int | float, int | float]]:
        return ScoreRange, (self.low, self.high)  # rows cross to and from --jobs workers


def result_words(row: Mapping[str, Any], labels: Labels) -> list[Any]:
    """A summary row (keyed by the ids of batch's SUMMARY_COLUMNS, or JSONL_COLUMNS) in words, in result_header's
    order: outcome, size and verdicts in the language, the blocker and next step without ids.
    Empty cells are None; a score stays a number, a range is worded (range_in_words)."""
    lang = labels.lang
    error = row["status"] == "error"
    blocker, step = blocker_and_step(row["next_step"], labels.tiers, lang, row)
    cells: list[Any] = [row["source"], row["name"] or None, *(row.get(i) or None for i in ID_COLUMNS),
                        t("xlsx.error" if error else "xlsx.scored", lang), None if error else SIZE[row["sme_size"] or None][lang]]
    for tid in TIER_IDS:
        status, score, low = row[f"{tid}_status"], row[f"{tid}_score"], row.get(f"{tid}_score_min")
        if isinstance(score, ScoreRange):  # a .csv's row
            score = range_in_words(score.low, score.high)
        elif score is None and low is not None:  # a JSON Lines row (the .xlsx is made of them): its range
            score = range_in_words(low, row[f"{tid}_score_max"])
        cells += [STATUS[status][lang] if status in STATUS else status or None, None if score == "" else score][
            :1 + _scored(labels, tid)]
    return [*cells, blocker or None, *([step or None] if labels.advice else []), row["error"] or None,
            row.get("warnings") or None]


_SCREENING = lazyre.compile(r"^(\w+): ([\w.]+) — (.*)$", re.S)
_SETS = lazyre.compile(r"  \[--set .*\]$", re.S)
ADVICE_MARK = "  ⇒ "
"""Between what holds a row back and, with --advice, the first step of its plan, in a next_step cell."""


def blocker_and_step(next_step: str, tiers: Mapping[str, str], lang: str,
                     row: Mapping[str, Any]) -> tuple[str, str]:
    """(what holds the company back, the first step to take) in words, from a next_step cell
    (``tier: criterion — title``, with --advice followed by ``  ⇒ step  [--set …]``), ids left out.
    A criterion not answered or left to the authority says so: its title alone would read as failed."""
    if not next_step:
        return "", ""
    next_step, mark, step = next_step.partition(ADVICE_MARK)
    if mark:
        blocker, _ = blocker_and_step(next_step, tiers, lang, row)
        tier = next_step.removesuffix(":")
        return blocker or tiers.get(tier, tier), _SETS.sub("", step)
    found = _SCREENING.match(next_step)
    if found:
        colon = "：" if lang == "zh" else ": "
        status = row.get(f"{found.group(1)}_status")
        how = t(f"xlsx.blocker_{status}", lang) if status in ("unknown", "manual_review") else ""
        if status == "unknown" and found.group(3).endswith(UNCOMPUTED_ENDS):  # answered, and still not computed
            how = t("xlsx.blocker_uncomputed", lang)
        return f"{tiers.get(found.group(1), found.group(1))}{colon}{how}{found.group(3)}", ""
    return "", next_step


def column_note(f: FieldDef, lang: str) -> str:
    """What a template's notes row says under a column: its unit, its choices, or yes/no."""
    if f.type == "bool":
        return t("xlsx.yes_no", lang)
    if f.type == "choice":
        return " / ".join(choice_word(f, c, lang) for c in f.choices)
    if f.type == "percent":  # the range the reader checks a share against: 0–100, or a rule file's own within it
        low, high = (fmt(b) for b in f.value_range())
        return f"%（{low}–{high}）" if lang == "zh" else f"% ({low}-{high})"
    if f.unit:  # in English by name, the Chinese unit beside the money's: bare 万元, 人, 项 meant nothing to an English reader
        return f.unit if lang == "zh" else _UNIT_NOTE_EN.get(f.unit, f.unit)
    return t("xlsx.text", lang) if f.type == "text" else t("xlsx.number", lang)


_UNIT_NOTE_EN = {"万元": "10k CNY (万元)", "人": "people", "年": "years", "项": "items", "级": "level", "分": "points"}
"""A template's units in English, under each column of its notes row."""


def choice_word(f: FieldDef, choice: str, lang: str) -> str:
    """A choice as the template offers it: its label in ``lang`` (the reader takes ids and labels)."""
    label = f.choice_labels.get(choice)
    if label is None:
        return choice
    return label.zh if lang == "zh" else label.en


def csv_template(rules: RuleSet, columns: list[str], last_year: int, lang: str, ids: bool = False) -> str:
    """The text of ``init --csv``: a header row in the labels of ``lang`` (with the year where a
    column has one), a notes row of units and choices with each column's help (not read: it starts
    with NOTES_MARK, followed by 不知道的请留空，不要填 0), and a sample row in the same words (not read either: SAMPLE_MARK). With ``ids`` the header and the
    sample are field ids and no notes row, for scripts. A byte-order mark leads, so that Excel
    opens the file by double-click without garbling the Chinese."""
    import csv
    import io

    fields = [field_for_path(rules, path) for path in columns]
    sample = {"name": SAMPLE_MARK[lang], "industry": "industrial", "employees": "120",
              "registered_in_china": True, f"financials.{last_year}.revenue": "3000",
              f"financials.{last_year}.rd_expense": "150"}
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    # the 统一社会信用代码 second, after the name, as init --xlsx has it: no rule reads it, but a park keys its
    # companies by it, and batch checks it and carries it back (the results' column of it stayed empty)
    if ids:
        out.writerow([columns[0], ID_COLUMNS[0], *columns[1:]])
    else:
        # headers a person fills in under: with what to type for 0 (0为未获奖), which the reader takes too
        heads = [getattr(answer_label(f, path), lang) for f, path in zip(fields, columns, strict=True)]
        out.writerow([heads[0], t("xlsx.credit_code", lang), *heads[1:]])
        # a .csv holds no sheet of instructions nor comments: the notes row says the rule and each column's help
        joint = "；" if lang == "zh" else "; "
        notes = [NOTES_MARK[lang] + NOTES_RULE[lang], t("xlsx.credit_code_note", lang) + joint + t("xlsx.credit_code_help", lang)]
        for f, path in list(zip(fields, columns, strict=True))[1:]:
            said = help_text(f, lang, year_in_path(f, path) or last_year)
            notes.append(column_note(f, lang) + (joint + said if said else ""))
        out.writerow(notes)
    row = []
    for f, path in zip(fields, columns, strict=True):
        value = sample.get(path, "")
        if value is True:
            value = "true" if ids else ("是" if lang == "zh" else "yes")
        elif f.type == "choice" and value and not ids:
            value = choice_word(f, str(value), lang)
        row.append(value)
    out.writerow([row[0], "", *row[1:]])
    return "\ufeff" + buf.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset(FORMULA_STARTS)
"""FORMULA_STARTS as a set, each one character: ``text and text[0] in FORMULA_FIRST`` tells a cell to make
inert in half the time of ``text.startswith(FORMULA_STARTS)`` (a call with a tuple), an empty one at once."""
assert all(len(c) == 1 for c in FORMULA_STARTS)


def inert(text: str) -> str:
    """Text a spreadsheet will show rather than run: a cell starting like a formula (=, +, -, @,
    tab, CR) gets a leading apostrophe, unless it is a plain number (-5 stays -5)."""
    if text.startswith(FORMULA_STARTS):
        try:
            Decimal(text)
        except InvalidOperation:
            return "'" + text
        if text.strip() != text:
            return "'" + text
    return text
