"""`import littlegiant` as a consultant's script uses it: the README example runs, and results match the CLI."""

from __future__ import annotations

import dataclasses
import json
import numbers
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT
from tests.test_cli_assess import assess_json

import littlegiant
from littlegiant.load import rules


def test_readme_python_example_runs() -> None:
    """The README's Python section is executed as written, from the repository root, and prints what it says."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## Python\n.*?```python\n(.*?)```", text, re.S)
    assert code is not None
    done = subprocess.run([sys.executable, "-c", code.group(1)], cwd=ROOT, capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    printed = done.stdout.splitlines()
    expected = [line.split("#")[1].strip() for line in code.group(1).splitlines()
                if line.startswith("print(") and "#" in line]
    assert expected and all(e in printed for e in expected), (printed, expected)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_api_json_equals_cli_json(name: str) -> None:
    """The same profile and date give the same JSON document from Python as from `assess --format json`."""
    day = date(2026, 11, 26)
    cli = assess_json(EXAMPLES / name, "--as-of", day.isoformat(), "--lang", "zh")
    api = littlegiant.assess(EXAMPLES / name, as_of=day).to_json("zh")
    assert json.loads(json.dumps(api, ensure_ascii=False)) == cli


def test_what_if_and_renewal_through_the_api() -> None:
    """what_if is applied after a baseline is kept; a renewal goes through the calendar like the CLI's."""
    day = date(2026, 11, 26)
    path = EXAMPLES / "tier1-only.yaml"
    more = littlegiant.assess(path, as_of=day, what_if=["financials.2025.rd_expense=700"])
    assert more.baseline is not None
    assert more.profile.values["financials.2025.rd_expense"] == Decimal(700)
    cli = assess_json(path, "--as-of", day.isoformat(), "--renewal", "little_giant", "--set",
                      "financials.2025.rd_expense=700")
    api = littlegiant.assess(path, as_of=day, renewal="little_giant",
                             what_if={"financials.2025.rd_expense": 700}).to_json("en")
    assert json.loads(json.dumps(api, ensure_ascii=False)) == cli  # what it assumed and moved too
    assert api["what_if"]["assumed"] == [{"path": "financials.2025.rd_expense", "before": 90, "after": 700}]
    with pytest.raises(littlegiant.InputError, match="zjtx_sme or little_giant"):
        littlegiant.assess(path, as_of=day, renewal="yes")


def test_screen_keeps_every_input_in_order() -> None:
    """A bad profile is an error item at its place; nothing is dropped or reordered."""
    sources = [EXAMPLES / "tier1-only.yaml", {"employees": -1}, {"financials.2025.revenue": "1,200"},
               EXAMPLES / "red-line.yaml"]
    out = list(littlegiant.screen(sources, "miit-2026", as_of=date(2026, 11, 26)))
    assert [o.index for o in out] == [0, 1, 2, 3]
    assert out[1].error is not None and "employees" in out[1].error and out[1].summary is None
    assert out[2].summary is not None and out[2].summary.tiers["innovative_sme"].status == "unknown"
    assert out[3].summary is not None  # a tax violation under miit-2026: at best awaiting review
    assert out[3].summary.tiers["innovative_sme"].status == "manual_review"
    assert out[3].summary.tiers["innovative_sme"].blocker == "gate.tax_violation"


def test_screened_companies_cross_processes_as_they_are() -> None:
    """A screening's items pickle (a notebook hands them to a process pool) and come back equal, their
    blockers' titles with them; the rule node a batch row words its figure from stays behind."""
    import pickle

    out = list(littlegiant.screen([EXAMPLES / "half-missing.yaml", EXAMPLES / "tier1-only.yaml"], "miit-2026",
                                  as_of=date(2026, 11, 26)))
    back = pickle.loads(pickle.dumps(out))
    assert back == out
    tier = back[1].summary.tiers["zjtx_sme"]
    assert tier.blocker_title is not None and tier.blocker_title.zh == "持有有效期内的科技和创新型中小企业称号（创新型或科技型）"


class NAType:
    """Stands in for pandas' missing-value marker in a column of text (pd.NA), known by its type name:
    pandas is not a dependency of the tool."""


@pytest.mark.parametrize("blank", [None, float("nan"), NAType()])
def test_a_notebooks_blank_cells_are_unknown_not_errors(blank: object) -> None:
    """pandas puts NaN in every blank cell of a column of numbers: ``screen(df.to_dict("records"))``
    made every company with one blank an error row ("got 'nan'"). A blank is unknown, in a flat row
    and in nested data alike, as an empty CSV cell is; the figures beside it still count."""
    day = date(2026, 11, 26)
    flat = {"name": "甲", "industry": "industrial", "employees": 50.0, "financials.2025.revenue": 3000.0,
            "financials.2025.rd_expense": blank}
    nested = {"name": "乙", "industry": "industrial", "employees": blank, "financials": {"2025": {"revenue": blank}}}
    out = list(littlegiant.screen([flat, nested], "miit-2026", as_of=day))
    assert [o.error for o in out] == [None, None]
    one = littlegiant.assess(flat, "miit-2026", as_of=day, advice=False)
    assert "financials.2025.rd_expense" not in one.profile.values
    assert one.profile.values["financials.2025.revenue"] == Decimal(3000)
    other = littlegiant.assess(nested, "miit-2026", as_of=day, advice=False)
    assert "employees" not in other.profile.values and other.result.sme_status == "unknown"


def test_what_if_values_read_as_a_rows_cells_do() -> None:
    """what_if={"...": 0.1 + 0.2} set 0.30000000000000004 and a NaN was refused, where a flat row reads
    0.3 and a blank: the what-if's values are read as the row's cells are."""
    day = date(2026, 11, 26)
    a = littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=day, advice=False,
                           what_if={"financials.2025.revenue": 2400.1 + 0.2, "financials.2025.rd_expense": float("nan")})
    assert a.profile.values["financials.2025.revenue"] == Decimal("2400.3")
    assert "financials.2025.rd_expense" not in a.profile.values


class Int64:
    """Stands in for numpy's integer (a DataFrame's cell): a number Python's ``numbers`` knows as
    integral, not an ``int``. numpy is not a dependency of the tool."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __int__(self) -> int:
        return self.value

    def __index__(self) -> int:
        return self.value


numbers.Integral.register(Int64)


def test_a_dataframes_rows_with_dates_and_numpy_numbers_are_read_as_batch_reads_the_sheet() -> None:
    """pd.read_excel(...).to_dict("records") of a park's sheet: a 成立日期 column gives datetimes and
    the figures come as numpy numbers. Every row was an error naming 企业名称; each is read as the
    sheet's row is, the date column passed over as batch passes it."""
    day = date(2026, 11, 26)
    row = {"企业名称": "甲公司", "所属行业": "工业", "成立日期": datetime(2015, 3, 1), "从业人员": Int64(120),
           "营业收入（2025年）": 3000.0, "研发费用（2025年）": Int64(150)}
    (item,) = littlegiant.screen([row], "miit-2026", as_of=day)
    assert item.error is None and item.summary is not None
    read = littlegiant.assess(row, "miit-2026", as_of=day, advice=False).profile.values
    assert (read["employees"], read["financials.2025.rd_expense"], read["name"]) == (Decimal(120), Decimal(150), "甲公司")
    nested = littlegiant.assess({"name": "乙", "employees": Int64(80), "financials": {"2025": {"revenue": Int64(900)}}},
                                "miit-2026", as_of=day, advice=False).profile.values
    assert (nested["employees"], nested["financials.2025.revenue"]) == (Decimal(80), Decimal(900))


def test_many_rule_set_variants_in_a_loop_are_never_confused() -> None:
    """A script that builds a variant rule set per iteration gets each variant's own field checks and
    plan: caches live on the rule set, so a freed set's address handed to a new one changes nothing."""
    base = rules.load("miit-2026")
    template = base.fields["name"]
    day = date(2026, 11, 26)
    for i in range(300):
        extra = dataclasses.replace(template, id=f"extra_{i}", path=f"extra_{i}", type="text")
        variant = dataclasses.replace(base, fields={**base.fields, f"extra_{i}": extra})
        row = littlegiant.read_profile({"name": "某公司", f"extra_{i}": "x"}, variant)
        assert row.values[f"extra_{i}"] == "x"
        screened = next(littlegiant.screen([row], variant, as_of=day))
        assert screened.error is None
        with pytest.raises(littlegiant.InputError, match=f"extra_{i - 1}"):
            littlegiant.read_profile({f"extra_{i - 1}": "x"}, variant)


def test_public_names_are_listed_and_lazy() -> None:
    """Every name in __all__ resolves; importing the package alone loads no rule set or engine."""
    for name in littlegiant.__all__:
        assert getattr(littlegiant, name) is not None
    done = subprocess.run([sys.executable, "-c", "import sys, littlegiant; "
                           "print(sorted(m for m in sys.modules if m.startswith('littlegiant')))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['littlegiant']"


def test_a_result_changed_by_its_caller_leaves_later_assessments_alone() -> None:
    """A script that edits the rows of one result (a status, a missing list, the inputs) gets the
    same verdicts and document as before from the next assessment, of that company or the next."""
    day = date(2026, 11, 26)
    paths = [EXAMPLES / "little-giant-2026.yaml", EXAMPLES / "tier1-only.yaml"]
    before = [littlegiant.assess(p, as_of=day, advice=False) for p in paths]
    docs = [a.to_json("zh") for a in before]
    for kept in [*before, *(littlegiant.compare(p, ["miit-2026"], as_of=day)[0] for p in paths)]:
        result = kept.result if isinstance(kept, littlegiant.Assessment) else kept
        for tier in result.tiers.values():
            for c in tier.criteria:
                c.status = "unmet"
                c.missing.append("x")
                c.inputs.clear()
                c.terms.clear()
    again = [littlegiant.assess(p, as_of=day, advice=False) for p in paths]
    assert [a.to_json("zh") for a in again] == docs
    assert [{t: r.status for t, r in a.result.tiers.items()} for a in again] == \
        [{t: d["tiers"][t]["status"] for t in d["tiers"]} for d in docs]


def test_a_row_relabelled_by_its_caller_writes_only_its_own_document(tmp_path: Path) -> None:
    """A script that renames a criterion in its result before writing the JSON gets its name in its
    own document, and the next company's document keeps the rule's own name."""
    from tests.test_rule_tools import OK

    rule = tmp_path / "mine.yaml"
    rule.write_text(OK, encoding="utf-8")
    day = date(2026, 11, 26)
    first = littlegiant.assess(EXAMPLES / "tier1-only.yaml", rule, as_of=day, advice=False)
    row = next(c for c in first.result.tiers["innovative_sme"].criteria if c.id == "t1.rev")
    row.title = rules.Text("改过的名字", "Renamed")
    mine = next(c for c in first.to_json("en")["tiers"]["innovative_sme"]["criteria"] if c["id"] == "t1.rev")
    assert mine["title"] == "Renamed"
    row.title = rules.Text("再改", "Renamed again")  # after a document was written: the next one says so
    again = next(c for c in first.to_json("en")["tiers"]["innovative_sme"]["criteria"] if c["id"] == "t1.rev")
    assert again["title"] == "Renamed again"
    other = littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", rule, as_of=day, advice=False)
    theirs = next(c for c in other.to_json("en")["tiers"]["innovative_sme"]["criteria"] if c["id"] == "t1.rev")
    assert theirs["title"] == "Revenue"


@pytest.mark.parametrize("extra", [[], ["--columns", "ids"], ["--format", "json"]])
def test_screen_says_a_row_of_batch_results_is_not_a_company(tmp_path: Path, extra: list[str]) -> None:
    """Rows of batch's own output read back (csv.DictReader, json.loads) and screened are each said to be a
    results row, in words, not a list of every output key as unknown; a company beside them is screened."""
    import csv

    from typer.testing import CliRunner

    from littlegiant.cli.app import app

    out = tmp_path / ("results.jsonl" if extra == ["--format", "json"] else "results.csv")
    done = CliRunner().invoke(app, ["batch", str(EXAMPLES / "tier1-only.yaml"), "-o", str(out), "--as-of",
                                    "2026-11-26", "--lang", "zh", *extra])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = [json.loads(x) for x in handle] if out.suffix == ".jsonl" else list(csv.DictReader(handle))
    screened = list(littlegiant.screen([*rows, EXAMPLES / "tier1-only.yaml"], as_of=date(2026, 11, 26)))
    assert [s.error for s in screened[:-1]] == [
        "this is a row of a results file written by littlegiant batch, not a company's figures: screen the rows of "
        "the list the results came from (with any figures to add typed into it)"] * len(rows)
    assert screened[-1].error is None and screened[-1].name == "宁波恒达密封件有限公司"  # tier1-only.yaml's name


def test_a_notebook_row_takes_the_column_headers_batch_takes(tmp_path: Path) -> None:
    """``pd.read_excel('名单.xlsx').to_dict('records')`` gives rows keyed by the sheet's headers (企业名称,
    营业收入（2025年）, 上年度研发费用, 序号, 备注): screen refused them as unknown fields, while batch read the
    same sheet. Each row now reads as batch reads its CSV, result for result, its 序号 and 备注 passed over."""
    from typer.testing import CliRunner

    from littlegiant.cli.app import app

    header = ["序号", "企业名称", "所属行业", "从业人员", "营业收入（2025年）", "主营业务收入（2025年）", "上年度研发费用",
              "营业收入（2024年）", "是否高企", "备注"]
    rows = [[1, "甲公司", "通用设备制造业", 260.0, 5000.0, 4600.0, 700.0, 4500.0, "是", "重点"],
            [2, "乙公司", "软件和信息技术服务业", 80, 900.5, 800, 12, None, "否", None]]
    day = date(2026, 11, 26)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    screened = list(littlegiant.screen(records, "miit-2026", as_of=day))
    assert [s.error for s in screened] == [None, None] and [s.name for s in screened] == ["甲公司", "乙公司"]
    sheet = tmp_path / "名单.csv"
    sheet.write_text("\n".join(",".join("" if v is None else str(v) for v in row) for row in [header, *rows]) + "\n",
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(out), "--format", "json", "--as-of", day.isoformat(),
                                   "--rules", "miit-2026"])
    assert run.exit_code == 0, run.output
    from_batch = [json.loads(line)["result"] for line in out.read_text("utf-8").splitlines()]
    for record, batch in zip(records, from_batch, strict=True):
        mine = littlegiant.assess(record, "miit-2026", as_of=day, advice=False).to_json()
        assert {t: v["status"] for t, v in mine["tiers"].items()} == {t: v["status"] for t, v in batch["tiers"].items()}
        assert mine["sme"] == batch["sme"]
    first = littlegiant.read_profile(records[0], rules.load("miit-2026"), as_of=day).values
    assert first["financials.2025.revenue"] == 5000 and first["financials.2025.rd_expense"] == 700
    assert not any("序号" in k or "备注" in k for k in first)


def test_screen_says_errors_in_the_language_asked_without_a_made_up_file_name() -> None:
    """A row of a park's sheet read with pandas: its errors in Chinese as batch's 错误说明 says them (every
    problem of the row), and no ``<row>``/``<data>`` stand-in for a file it never had; English by default."""
    rows = [{"企业名称": "乙公司", "营业收入（2025年）": "abc", "从业人员": "x"}, {"employees": -1}]
    zh = list(littlegiant.screen(rows, as_of=date(2026, 11, 26), lang="zh"))
    assert zh[0].error == ("“营业收入（2025年）”列：应填金额（单位万元，不能为负数；如 8000、8000万、0.8亿），现在是“abc”\n"
                           "“从业人员”列：应填整数，现在是“x”")  # the columns as the sheet heads them
    assert zh[1].error == "「从业人员（上年末）」：不能小于 0，现在是 -1"
    en = list(littlegiant.screen(rows, as_of=date(2026, 11, 26)))
    assert en[1].error == "employees: expected at least 0, got -1" and "<" not in (en[0].error or "")


def test_rule_sets_named_in_python_are_not_said_to_come_from_a_command_option() -> None:
    """A notebook that names its rule sets never typed --rules or --compare: the reason its result
    gives for the set says the caller chose it, in both languages, and the calendar is not consulted."""
    day = date(2026, 11, 26)
    path = EXAMPLES / "tier1-only.yaml"
    results = [*littlegiant.compare(path, ["miit-2022", "miit-2026"], as_of=day),
               littlegiant.assess(path, "miit-2022", as_of=day).result]
    for result in results:
        assert result.calendar is not None and result.calendar.forced
        assert (result.calendar.reason.zh, result.calendar.reason.en) == ("调用时指定的规则集", "the rule set given by the caller")
    doc = littlegiant.assess(path, "miit-2022", as_of=day).to_json("zh")
    assert doc["calendar"]["reason"] == "调用时指定的规则集" and doc["calendar"]["forced"] is True


@pytest.mark.parametrize("figure", [Decimal("1E+999999999"), Decimal("1E-999999999")])
def test_a_decimal_of_a_huge_exponent_in_a_row_is_refused_for_its_size_at_once(figure: Decimal) -> None:
    """A flat row's Decimal was written out in full to be read as a cell: 1E+999999999 made a string
    of a billion digits (2 GB, then a regex over it, minutes). It is refused as nested data refuses it."""
    import time

    start = time.monotonic()
    with pytest.raises(littlegiant.InputError, match=r"expected 0 or a number from 0\.000001 to 999999999999999"):
        littlegiant.assess({"financials.2025.revenue": figure}, as_of=date(2026, 11, 26))
    assert time.monotonic() - start < 5


def test_bad_arguments_are_input_errors_that_say_what_was_expected() -> None:
    """A notebook's slips met the code inside: ``as_of="2026-11-26"`` ended in "'<=' not supported",
    ``datetime.now()`` in "can't compare datetime.datetime to datetime.date", a source of bytes in an
    AttributeError, ``lang="fr"`` in KeyError 'fr', a rule set's id given to read_profile in "'str'
    object has no attribute 'memo'", and a year past the profile's years in an internal error."""
    day = date(2026, 11, 26)
    example = EXAMPLES / "tier1-only.yaml"
    said = {}
    for name, call in {
        "as_of text": lambda: littlegiant.assess(example, as_of="11/26/2026"),
        "as_of late": lambda: littlegiant.assess(example, as_of=date(2206, 11, 26)),
        "source bytes": lambda: littlegiant.assess(b"name: x", as_of=day),  # type: ignore[arg-type]
        "source None": lambda: littlegiant.assess(None, as_of=day),  # type: ignore[arg-type]
        "lang": lambda: littlegiant.assess(example, as_of=day).to_json("fr"),
        "screen lang": lambda: next(littlegiant.screen([example], as_of=day, lang="fr")),
        "screen one path": lambda: next(littlegiant.screen(str(example), as_of=day)),
        "compare one set": lambda: littlegiant.compare(example, "miit-2026", as_of=day),
    }.items():
        with pytest.raises(littlegiant.InputError) as caught:
            call()
        said[name] = str(caught.value)
    assert said == {
        "as_of text": "as_of: expected a date YYYY-MM-DD, got '11/26/2026'",
        "as_of late": "as_of: expected a date up to 2098-12-31, got '2206-11-26'",
        "source bytes": "source: expected a profile file's path, a mapping or a Profile, got bytes",
        "source None": "source: expected a profile file's path, a mapping or a Profile, got NoneType",
        "lang": "lang: expected zh or en (or a tag such as zh-CN, en-US), got 'fr'",
        "screen lang": "lang: expected zh or en (or a tag such as zh-CN, en-US), got 'fr'",
        "screen one path": "sources: expected an iterable of profiles, got one str: put it in a list",
        # it was compared letter by letter: "unknown rule set 'm'"
        "compare one set": 'rule_sets: expected an iterable of rule sets, got one str: put them in a list, '
                           'e.g. ["miit-2022", "miit-2026"]',
    }
    # what has one reading is taken: a datetime's day, a rule set by its id, a tag such as zh-CN
    assert littlegiant.assess(example, as_of=datetime(2026, 11, 26, 9, 30)).result.as_of == day
    assert littlegiant.read_profile(example, "miit-2026").values == littlegiant.assess(example, as_of=day).profile.values
    assert littlegiant.assess(example, as_of=day).to_json("zh-CN") == littlegiant.assess(example, as_of=day).to_json("zh")
    # a screen's item of no kind it reads is an error item in its place, the items after it still screened
    out = list(littlegiant.screen([example, 42, example], as_of=day))
    assert [o.error is None for o in out] == [True, False, True]


def test_a_callers_type_checker_sees_the_apis_types(tmp_path: Path) -> None:
    """The package ships py.typed and names its types for import: a script checked with mypy --strict
    outside the repository finds the result's type (a mistake in using it is caught), and the rule set
    and result types annotate its own functions. Without the marker every result was Any."""
    script = tmp_path / "use.py"
    script.write_text("import littlegiant\n\n"
                      f"found = littlegiant.assess({str(EXAMPLES / 'tier1-only.yaml')!r})\n"
                      "wrong: int = found\n"
                      "def tiers(result: littlegiant.Result, rules: littlegiant.RuleSet) -> int:\n"
                      "    return len(result.tiers) + len(rules.tiers)\n", encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", script.name],
                             cwd=tmp_path, capture_output=True, text=True)
    assert checked.stdout.splitlines()[:-1] == [
        "use.py:4: error: Incompatible types in assignment (expression has type \"Assessment\", variable has "
        "type \"int\")  [assignment]"], checked.stdout


def test_a_slip_in_a_profiles_key_is_named_as_the_key_and_one_change_is_one_string() -> None:
    """{"employes": 5} was taken for a sheet's row and told "unknown column; did you mean 'Employees at
    last year end'?" (a label): it is a profile's key, and the key to write is said. what_if as one
    string was iterated as its characters ("expected FIELD=VALUE, got 'f'")."""
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.assess({"name": "甲公司", "employes": 5})
    assert caught.value.render("en").startswith("employes: unknown field; did you mean 'employees'?")
    row = littlegiant.assess({"企业名称": "甲公司", "从业人员（上年末）": 5}, as_of=date(2026, 11, 26))
    assert row.result.name == "甲公司"  # a sheet's row still reads as one
    one = littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=date(2026, 11, 26),
                             what_if="financials.2025.rd_expense=700")
    listed = littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=date(2026, 11, 26),
                                what_if=["financials.2025.rd_expense=700"])
    assert one.to_json() == listed.to_json() and one.sets == ("financials.2025.rd_expense=700",)


def nested(levels: int) -> dict[str, object]:
    """A profile whose financials hold a year inside a year, ``levels`` deep."""
    inner: dict[object, object] = {}
    top: dict[str, object] = {"name": "甲公司", "financials": inner}
    for _ in range(levels):
        inner[2025] = inner = {}
    return top


def holding_itself() -> dict[str, object]:
    """``d["financials"] = d``: a mapping inside itself."""
    data: dict[str, object] = {"name": "甲公司"}
    data["financials"] = data
    return data


def list_holding_itself() -> dict[str, object]:
    """A list inside itself, under a key that takes a list."""
    honors: list[object] = ["a"]
    honors.append(honors)
    return {"name": "甲公司", "honors": honors}


@pytest.mark.parametrize(("make", "said"), [
    (holding_itself, "financials: refers to itself: a mapping or list that holds itself never ends"),
    (list_holding_itself, "honors: refers to itself: a mapping or list that holds itself never ends"),
    (lambda: nested(900), "financials: nested more than 32 levels deep"),
    (lambda: nested(100_000), "financials: nested more than 32 levels deep"),
], ids=["mapping in itself", "list in itself", "900 deep", "100000 deep"])
def test_data_that_holds_itself_or_nests_too_deep_is_an_input_error(
        make: Callable[[], dict[str, object]], said: str) -> None:
    """A notebook's dict that holds itself, or is nested 900 levels deep, ended in RecursionError (the
    float pass recursed before any check): it is an InputError that says which, from every entry."""
    day = date(2026, 11, 26)
    for call in (lambda: littlegiant.assess(make(), as_of=day),
                 lambda: littlegiant.compare(make(), ["miit-2026"], as_of=day),
                 lambda: littlegiant.read_profile(make(), littlegiant.load_rules("miit-2026"))):
        with pytest.raises(littlegiant.InputError) as caught:
            call()
        assert str(caught.value) == said
    with pytest.raises(littlegiant.InputError, match=r"^financials\.2025\.revenue: nested more than 32 levels deep$"):
        littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=day, what_if={"financials.2025.revenue": nested(900)})


def test_screen_says_data_that_holds_itself_in_its_place_and_goes_on() -> None:
    """screen promises errors as items: a RecursionError ended the iterator at a self-holding dict,
    and the companies after it were never screened."""
    good = EXAMPLES / "tier1-only.yaml"
    out = list(littlegiant.screen([good, holding_itself(), nested(900), good], as_of=date(2026, 11, 26), lang="zh"))
    assert [o.index for o in out] == [0, 1, 2, 3]
    assert [o.summary is not None for o in out] == [True, False, False, True]
    assert out[1].error == "financials：有一组内容包含了它自己（引用了自身），无法读完"
    assert out[2].error == "financials：层级嵌套超过 32 层"


def test_a_mapping_used_twice_side_by_side_is_read_not_taken_for_a_loop() -> None:
    """Only a mapping inside itself is refused: the same figures given for two years are two readings of one dict."""
    figures = {"revenue": 5000, "rd_expense": 300}
    both = littlegiant.assess({"name": "甲公司", "financials": {2024: figures, 2025: figures}}, as_of=date(2026, 11, 26))
    assert both.profile.values["financials.2024.revenue"] == both.profile.values["financials.2025.revenue"] == 5000


LONG = "a" * 300


@pytest.mark.parametrize("call", [
    lambda: littlegiant.load_rules(LONG),
    lambda: littlegiant.assess(EXAMPLES / "tier1-only.yaml", rules=LONG, as_of=date(2026, 11, 26)),
    lambda: littlegiant.compare(EXAMPLES / "tier1-only.yaml", ["miit-2022", LONG], as_of=date(2026, 11, 26)),
], ids=["load_rules", "assess", "compare"])
def test_a_rule_set_name_too_long_for_the_system_is_an_input_error(call: Callable[[], object]) -> None:
    """A rule set named by 300 letters raised OSError (File name too long) from the API, where the CLI
    said it in one line: it is an InputError that names the path cut short and what the system said."""
    with pytest.raises(littlegiant.InputError) as caught:
        call()
    said = str(caught.value)
    assert said == f"{'a' * 40}…{'a' * 30}: the system cannot use this path: File name too long", said


@pytest.mark.parametrize(("what_if", "got"), [
    (b"employees=5", "got bytes"), (None, "got None"), (5, "got int"), (["employees=5", 7], "got the item 7"),
])
def test_what_if_that_is_neither_a_mapping_nor_texts_is_an_input_error(what_if: object, got: str) -> None:
    """what_if=b"..." was iterated as numbers and ended in AttributeError deep in the loader, and None
    or 5 in TypeError: each is an InputError that says what what_if takes."""
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=date(2026, 11, 26), what_if=what_if)  # type: ignore[arg-type]
    said = str(caught.value)
    assert said.startswith('what_if: expected a mapping such as {"financials.2025.rd_expense": 700} or texts') and \
        said.endswith(got), said


def records_of(book: Path, sheet: str) -> list[dict[str, object]]:
    """The sheet's rows as ``pd.read_excel(book, sheet_name=sheet).to_dict("records")`` gives them (NaN
    in a blank cell): pandas is not a dependency of the tool."""
    import openpyxl

    rows = list(openpyxl.load_workbook(book, read_only=True)[sheet].iter_rows(values_only=True))
    return [{h: float("nan") if v is None else v for h, v in zip(rows[0], row, strict=False) if h} for row in rows[1:]]


def test_screen_skips_the_notes_row_of_the_sheet_init_writes_as_batch_does(tmp_path: Path) -> None:
    """``init --xlsx`` writes a 填写说明 row under the header; read with pandas and screened, it was item 0,
    an error, before the first company. It is skipped, as batch skips it; each item keeps its place
    among the rows, so ``rows[item.index]`` is its own."""
    from typer.testing import CliRunner

    from littlegiant.cli.app import app

    book = tmp_path / "名单.xlsx"
    done = CliRunner().invoke(app, ["init", "--xlsx", str(book), "--lang", "zh"])
    assert done.exit_code == 0, done.output
    rows = records_of(book, "企业名单")  # the companies' sheet, after the 填写说明 sheet that opens the book
    assert str(next(iter(rows[0].values()))).startswith("填写说明")
    header = list(rows[0])
    company = dict.fromkeys(header, float("nan"))
    company |= {header[0]: "甲公司", "从业人员（上年末）": 120, "营业收入（2025年）": 6000}
    rows.append(company)
    out = list(littlegiant.screen(rows, "miit-2026", as_of=date(2026, 11, 26), lang="zh"))
    assert [(o.index, o.error, o.name) for o in out][-1] == (len(rows) - 1, None, "甲公司")
    assert all(o.error is None for o in out), [o.error for o in out]
    assert rows[out[-1].index][header[0]] == "甲公司"


def test_an_error_item_keeps_the_companys_name_as_batch_does() -> None:
    """An error row of batch names its company; a screen's error item had name None, which left a
    notebook unable to say whose row was wrong. Flat rows and nested data alike keep it."""
    out = list(littlegiant.screen([{"企业名称": "甲公司", "从业人员": -1}, {"name": "乙公司", "employees": -1}],
                                  "miit-2026", as_of=date(2026, 11, 26), lang="zh"))
    assert [(o.name, o.error is not None) for o in out] == [("甲公司", True), ("乙公司", True)]


def test_to_json_of_a_screens_summary_says_what_to_pass() -> None:
    """``to_json(item.summary)`` failed with AttributeError 'Summary' object has no attribute 'rules': it
    is a TypeError saying to pass an assessment's result; an Assessment itself is taken as its own."""
    item = next(littlegiant.screen([EXAMPLES / "tier1-only.yaml"], "miit-2026", as_of=date(2026, 11, 26)))
    with pytest.raises(TypeError, match=r"littlegiant\.assess\(\.\.\.\)\.result.*got Summary"):
        littlegiant.to_json(item.summary)  # type: ignore[arg-type]
    one = littlegiant.assess(EXAMPLES / "tier1-only.yaml", "miit-2026", as_of=date(2026, 11, 26), advice=False)
    assert littlegiant.to_json(one) == littlegiant.to_json(one.result)


def test_a_consultants_mistakes_are_refused_by_the_api_argument_they_passed(tmp_path: Path) -> None:
    """What an API review met: compare() took renewal="littlegiant" and wrote it into the document as the
    renewal; screen() checked nothing until its first item was asked for; advice="no" was true; a
    what-if error named "--set", an option the script never typed. Each is an InputError naming the
    argument, raised where the call is made."""
    profile = str(EXAMPLES / "tier1-only.yaml")
    with pytest.raises(littlegiant.InputError, match=r"^renewal: expected None, zjtx_sme or little_giant .*got .litlegiant.; did you mean 'little_giant'"):
        littlegiant.compare(profile, ["miit-2026"], renewal="litlegiant")
    with pytest.raises(littlegiant.InputError, match=r"^as_of: expected a datetime.date or a date such as"):
        littlegiant.screen([profile], as_of=20261126)  # type: ignore[arg-type]  # no next() needed
    with pytest.raises(littlegiant.InputError, match=r"^renewal: "):
        littlegiant.screen([profile], rules="miit-2026", renewal="zjtx")
    with pytest.raises(littlegiant.InputError, match=r"^advice: expected True or False, got 'no'"):
        littlegiant.assess(profile, advice="no")  # type: ignore[arg-type]
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(profile, as_of=date(2026, 11, 26), what_if={"employees": "很多"})
    assert str(found.value).startswith("what_if employees: ") and "--set" not in found.value.render("zh")
    with pytest.raises(littlegiant.InputError, match=r"^rules: unknown rule set 'miit-2030'"):
        littlegiant.load_rules("miit-2030")
    with pytest.raises(littlegiant.InputError, match=r"^as_of: no rule set is in force on 2022-07-31") as early:
        littlegiant.calendar_choice(date(2022, 7, 31))  # it said "--as-of: …"
    assert "--as-of" not in early.value.render("zh")
    # read_profile takes rules as assess does, the calendar's set by default
    assert littlegiant.read_profile(profile).name == littlegiant.read_profile(profile, "miit-2026").name


def test_a_screen_goes_on_past_an_item_it_cannot_read_and_the_api_lists_its_names(tmp_path: Path) -> None:
    """A path with a NUL in it (built from bytes) raised ValueError from inside the library and ended the
    screen, the clients after it lost; it is an error item and the next ones are screened. dir() of the
    package listed none of the API (a notebook's completion and help() showed nothing)."""
    profile = str(EXAMPLES / "tier1-only.yaml")
    items = list(littlegiant.screen([profile, "客户\x00.yaml", profile], as_of=date(2026, 11, 26)))
    assert [(i.index, i.error is None) for i in items] == [(0, True), (1, False), (2, True)]
    assert items[1].error == "客户\\0.yaml: no such file"
    assert {"assess", "screen", "compare", "load_rules", "read_profile", "to_json", "InputError"} <= set(dir(littlegiant))


def test_load_rules_reads_an_overlay_extending_a_shared_file_when_allowed(tmp_path: Path) -> None:
    """An overlay beside a shared base in a sibling folder (``extends: ../shared/base.yaml``) could not be
    loaded from Python at all, the error saying to give ``allow_outside=True``, which reads it."""
    shared, mine = tmp_path / "shared", tmp_path / "mine"
    shared.mkdir()
    mine.mkdir()
    (shared / "base.yaml").write_text("format: 1\nid: base\nextends: miit-2026\ntitle: {zh: 共用, en: shared}\nsource: test\n",
                                      encoding="utf-8")
    child = mine / "child.yaml"
    child.write_text("format: 1\nid: child\nextends: ../shared/base.yaml\n", encoding="utf-8")
    with pytest.raises(littlegiant.InputError, match=r"give allow_outside=True to read it"):
        littlegiant.load_rules(child)
    assert littlegiant.load_rules(child, allow_outside=True).id == "child"


def test_a_profiles_text_passed_as_its_path_is_told_so_in_one_short_line() -> None:
    """YAML text passed where a path goes was answered "no such file", or, long, with the whole text as
    the file's name in 8,033 characters over 1,001 lines ("File name too long"). It is told to pass the
    path or the loaded mapping; a file name itself is shown on one line, cut in the middle."""
    for text in ("name: 甲公司\nemployees: 5\n", "name: x\n" * 1000):
        with pytest.raises(littlegiant.InputError) as found:
            littlegiant.assess(text)
        said = str(found.value)
        assert said.startswith("source: expected a profile file's path") and "yaml.safe_load" in said and "\n" not in said
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(Path("客户" * 300 + "\n.yaml"))
    said = str(found.value)
    assert "\n" not in said and len(said) < 250 and "\\n.yaml" in said, said


def test_a_bug_met_scoring_one_item_of_a_screen_is_that_items_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug met while scoring one company (not reading it) ended the whole screen, the clients after it
    lost; it is that item's internal error, with the company's name, and the screen goes on."""
    from littlegiant.core.plan import Plan

    real = Plan.run

    def run(self: Plan, values: dict[str, object], **kw: object) -> object:
        if values.get("employees") == 13:
            raise ZeroDivisionError("a bug")
        return real(self, values, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Plan, "run", run)
    items = list(littlegiant.screen([{"name": "甲", "employees": 13}, {"name": "乙", "employees": 14}],
                                    as_of=date(2026, 11, 26)))
    assert [(i.name, i.error is None) for i in items] == [("甲", False), ("乙", True)]
    assert items[0].error is not None and items[0].error.startswith("internal error")
