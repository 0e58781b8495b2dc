"""`littlegiant assess` with no file: whole interviews through the real command.

A respondent reads each prompt the command prints and types the answer from an example profile
(or Enter for a field the example leaves out). The prompts name no profile path, so the
respondent follows along with the interview core in this process: it knows which field comes
next, and checks that the prompt asks for it by its label.
"""

from __future__ import annotations

import json
import os
import re
import select
import shlex
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pexpect
import pytest
from tests.conftest import EXAMPLES, typed

from littlegiant.core.inputs import whole_of
from littlegiant.core.interview import Interview, Question
from littlegiant.load import profile, rules

ENV = {**os.environ, "COLUMNS": "120", "PYTHONIOENCODING": "utf-8"}
PROMPT_ENDS = (b"> ", b"[R/o] ", b"[y/n] ", "[是/否] ".encode(), "请回答是或否：".encode(), b"Please answer y or n: ")
SUMMARY = ("Enter makes the report", "直接回车生成报告")


class Session:
    """The command running on pipes; stderr is read up to each prompt."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.stdout_file = cwd / "stdout.txt"
        self.out = self.stdout_file.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "littlegiant", *args], cwd=cwd, env=ENV,
                                     stdin=subprocess.PIPE, stdout=self.out, stderr=subprocess.PIPE)
        self.transcript = ""

    def until_prompt(self, timeout: float = 30) -> str | None:
        """Read stderr up to the next prompt; None when the command has ended."""
        assert self.proc.stderr is not None
        chunk = b""
        while True:
            ready, _, _ = select.select([self.proc.stderr], [], [], timeout)
            assert ready, f"no prompt within {timeout}s; got:\n{self.transcript}{chunk.decode(errors='replace')}"
            byte = os.read(self.proc.stderr.fileno(), 1)
            if not byte:
                self.transcript += chunk.decode("utf-8")
                return None
            chunk += byte
            if chunk.endswith(PROMPT_ENDS):
                text = chunk.decode("utf-8")
                self.transcript += text
                return text

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def answers(self, *texts: str) -> None:
        """Type each text at the next prompt, whatever it asks."""
        for text in texts:
            assert self.until_prompt() is not None
            self.send(text)

    def finish(self) -> tuple[int, str]:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        assert self.proc.stderr is not None
        self.transcript += self.proc.stderr.read().decode("utf-8")
        code = self.proc.wait(timeout=60)
        self.out.close()
        return code, self.stdout_file.read_text(encoding="utf-8")

    def unknown_until(self, asked: str, most: int = 80, besides: dict[str, str] | None = None) -> None:
        """Answer 不知道 (or, to a question holding a key of ``besides``, its value) until a question holding
        ``asked`` is put, which is left to answer; fails if it is not put within ``most`` questions."""
        for _ in range(most):
            prompt = self.until_prompt() or ""
            if asked in prompt:
                return
            self.send(next((a for q, a in (besides or {}).items() if q in prompt), "不知道"))
        raise AssertionError(f"{asked} was not asked within {most} questions: {self.transcript[-2000:]}")

    def reply(self, text: str) -> str:
        """Send one answer and give what the interview says up to its next question ("" once it ends)."""
        self.send(text)
        return self.until_prompt() or ""

    def saved(self, path: Path) -> dict[str, object]:
        """End the input mid-interview (exit 130, as Ctrl-C) and read back what was saved to ``path``."""
        code, _ = self.finish()
        assert code == 130, self.transcript
        return profile.load_profile(path, rules.load("miit-2026")).values


class Respondent:
    """Answers from an example's values, following the interview in step with the command."""

    def __init__(self, values: dict[str, Any], rule_id: str, as_of: date, lang: str) -> None:
        self.values = values
        self.rule_id = rule_id
        self.rs = rules.load(rule_id)
        self.iv = Interview(self.rs, as_of)
        self.lang = lang

    def expected(self) -> Question | None:
        name = self.rs.fields["name"]
        if not self.iv.answered("name"):
            return Question("name", name, None)
        return self.iv.next_question()

    def shown(self, q: Question) -> str:
        """The words of the field's label a prompt must show (a part's without its "of which"), with its
        year where the prompt writes it with the label (资产总额（2025年末）; a part under its whole's
        heading names the year there)."""
        text = profile.input_label(q.field, q.path).get(self.lang)
        if whole_of(self.rs, q.field) is not None:
            text = q.field.label.get(self.lang)
            if "的" in text and not text.endswith("）"):  # 「……Ⅰ类知识产权中，实际应用并已产生经济效益的」: the noun
                text = text[:text.rindex("的") + 1]  # its whole names said once
        return text.removeprefix("其中").removeprefix("…of which ")

    def answer(self, prompt: str) -> tuple[str, str]:
        """(the path asked, what to type) for a question prompt."""
        q = self.expected()
        assert q is not None, f"the command asks more than the core would:\n{prompt}"
        flat = re.sub(r"\s+", "", prompt)  # lines are wrapped to the terminal
        assert re.sub(r"\s+", "", self.shown(q)).lower() in flat.lower(), f"expected a question about {q.path}, got:\n{prompt}"
        assert "." not in q.path or q.path not in prompt  # no profile path shown
        value = self.values.get(q.path)
        self.iv.record(q.path, value)
        return q.path, typed(value, self.rule_id, q.path)

    def preset(self, paths: list[str]) -> None:
        for p in paths:
            self.iv.record(p, self.values.get(p))


def answer_all(session: Session, who: Respondent) -> list[str]:
    """Answer every question (and confirm every unusual figure) until the command ends; the paths
    asked, in order. The summary before the report is accepted as it is."""
    asked: list[str] = []
    while (prompt := session.until_prompt()) is not None:
        if any(s in prompt for s in SUMMARY):
            session.send("")
        elif prompt.endswith(("[y/n] ", "[是/否] ")):
            session.send("y")  # the example's figures are what the company reported
        else:
            path, text = who.answer(prompt)
            asked.append(path)
            session.send(text)
    return asked


def example_values(name: str, rule_id: str) -> dict[str, Any]:
    return dict(profile.load_profile(EXAMPLES / f"{name}.yaml", rules.load(rule_id)).values)


def interview(tmp_path: Path, example: str, rule_id: str, args: list[str]) -> tuple[Session, list[str], str]:
    """Run ``assess ARGS`` interactively, answering from an example profile, to a clean end:
    (the session, the paths asked in order, stdout)."""
    as_of = date.fromisoformat(args[args.index("--as-of") + 1])
    lang = args[args.index("--lang") + 1]
    s = Session(["assess", *args], tmp_path)
    asked = answer_all(s, Respondent(example_values(example, rule_id), rule_id, as_of, lang))
    code, out = s.finish()
    assert code == 0, s.transcript
    return s, asked, out


def assess_json(path: Path, *extra: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(path), "--format", "json", *extra],
                          capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 0, done.stderr
    doc: dict[str, Any] = json.loads(done.stdout)
    return doc


def tier_statuses(doc: dict[str, Any]) -> dict[str, str]:
    return {tid: t["status"] for tid, t in doc["tiers"].items()}


def test_a_little_giant_interview_ends_in_the_same_report_as_the_file(tmp_path: Path) -> None:
    s, asked, out = interview(tmp_path, "little-giant-2026", "miit-2026",
                              ["--as-of", "2026-11-26", "--lang", "en", "--format", "json", "--save", "acme.yaml"])
    report = json.loads(out)  # stdout holds only the report: the questions went to stderr
    expected = assess_json(EXAMPLES / "little-giant-2026.yaml", "--as-of", "2026-11-26")
    assert tier_statuses(report) == tier_statuses(expected) == {
        "innovative_sme": "met", "zjtx_sme": "manual_review", "little_giant": "manual_review"}
    assert "Question 1 of at most" in s.transcript and f"Done: {len(asked)} answers, saved to acme.yaml" in s.transcript
    assert asked[0] == "name"  # asked first: the report is titled with it
    assert report["name"] == "示例精密部件有限公司"
    saved = tmp_path / "acme.yaml"
    again = assess_json(saved, "--as-of", "2026-11-26")
    assert tier_statuses(again) == tier_statuses(report)
    assert again["input_sha256"] == report["input_sha256"]
    assert len(asked) < 50


def bounds_shown(transcript: str) -> list[tuple[int, int]]:
    """(question number, the "at most" total) of every 「第 n 题，最多共 N 题」 the interview showed."""
    return [(int(n), int(total)) for n, total in re.findall(r"第 (\d+) 题，最多共 (\d+) 题", transcript)]


def test_the_at_most_count_never_rises_while_questions_are_answered(tmp_path: Path) -> None:
    """A user pass saw 「第 22 题，最多共 27 题」 then 「第 23 题，最多共 28 题」: the class I IP, asked as the
    whole of a blank applied-IP count, was counted in no bound. An upper bound that rises is none."""
    from tests.test_interview import ASKS_A_WHOLE

    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    asked = answer_all(s, Respondent(ASKS_A_WHOLE, "miit-2026", date(2026, 12, 4), "zh"))
    code, _ = s.finish()
    assert code == 0 and "ip.class1" in asked
    shown = bounds_shown(s.transcript)
    totals = [total for _, total in shown]
    assert [n for n, _ in shown] == list(range(1, len(asked) + 1))
    assert totals == sorted(totals, reverse=True), shown
    assert totals[-1] >= len(asked) and "因改了回答而增加" not in s.transcript


@pytest.mark.parametrize(("again", "rises"), [("不知道", True), ("450", False), ("", False)])
def test_a_bound_raised_by_a_changed_answer_says_so(tmp_path: Path, again: str, rises: bool) -> None:
    """Last year's R&D expense known settles a criterion, and the bound falls; taken back with "<" and
    changed to 不知道, it opens those questions again. The higher bound says it rose for the changed
    answer (an "at most" that rises silently reads as none); given again as it was, or kept with Enter,
    the bound is the one shown before, with no such words."""
    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "b.yaml"], tmp_path)
    s.answers("甲", "8000", "520", "7600", "工业", "是", *["否"] * 6, "450", "<", again)
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130
    shown = bounds_shown(s.transcript)
    (n, before), (m, after) = shown[-2], shown[-1]
    assert n == m == 14 and "回到上一题（刚才答的是：450万元" in s.transcript
    assert (after > before) is rises and (after == before) is not rises
    assert (f"第 14 题，最多共 {after} 题（因改了回答而增加）" in s.transcript) is rises
    assert s.transcript.count("因改了回答而增加") == (1 if rises else 0)


def test_a_red_line_stops_the_interview(tmp_path: Path) -> None:
    s, asked, out = interview(tmp_path, "red-line", "miit-2022", ["--as-of", "2026-03-01", "--lang", "zh", "--save", "red.yaml"])
    assert asked[-1] == "compliance.tax_violation"  # nothing is asked after the veto
    assert "第 1 题，最多共" in s.transcript and "最多还剩" not in s.transcript
    saved = profile.load_profile(tmp_path / "red.yaml", rules.load("miit-2022"))
    assert saved.values["compliance.tax_violation"] is True
    assert set(saved.values) == set(asked)  # only what was asked is in the file
    assert "不满足" in out and "偷漏税" in out
    assert tier_statuses(assess_json(tmp_path / "red.yaml", "--as-of", "2026-03-01")) == {
        "innovative_sme": "unmet", "zjtx_sme": "unmet", "little_giant": "unmet"}


def test_dont_know_answers_are_kept_and_reported(tmp_path: Path) -> None:
    values = example_values("half-missing", "miit-2026")
    s, asked, out = interview(tmp_path, "half-missing", "miit-2026",
                              ["--as-of", "2026-11-26", "--lang", "en", "--format", "json", "--save", "half.yaml"])
    report = json.loads(out)
    assert report["tiers"]["zjtx_sme"]["status"] == "unknown"
    missing = {m for t in report["tiers"].values() for c in t["criteria"] for m in c["missing"]}
    unknown_asked = {p for p in asked if p not in values}
    assert unknown_asked and unknown_asked <= missing  # every don't-know is listed in the report
    text = (tmp_path / "half.yaml").read_text(encoding="utf-8")
    for path in unknown_asked:
        assert f"{path.rsplit('.', 1)[-1]}: null" in text
    assert s.transcript.count('recorded as "don\'t know"') == len(unknown_asked)


def test_end_of_input_saves_and_exits_130_then_resume_finishes(tmp_path: Path) -> None:
    """Input ending mid-interview keeps every answer; the next run resumes where it stopped."""
    values = example_values("little-giant-2022", "miit-2022")
    args = ["assess", "--as-of", "2026-03-01", "--lang", "en", "--format", "json", "--save", "lg.yaml"]
    s = Session(args, tmp_path)
    who = Respondent(values, "miit-2022", date(2026, 3, 1), "en")
    first: list[str] = []
    for _ in range(5):
        prompt = s.until_prompt()
        assert prompt is not None
        path, text = who.answer(prompt)
        first.append(path)
        s.send(text)
    assert s.until_prompt() is not None
    code, out = s.finish()  # end of input in the middle of question 6
    assert code == 130 and out == ""
    assert "5 answers saved to lg.yaml" in s.transcript
    assert "littlegiant assess --save lg.yaml --as-of 2026-03-01 --lang en" in s.transcript
    # the command stands whole on a line of its own, however narrow the terminal: it is pasted as it is
    assert any(line.strip() == "littlegiant assess --save lg.yaml --as-of 2026-03-01 --lang en"
               for line in s.transcript.splitlines())
    saved = profile.load_profile(tmp_path / "lg.yaml", rules.load("miit-2022"))
    assert set(saved.values) == set(first)

    s = Session(args, tmp_path)
    prompt = s.until_prompt()
    assert prompt is not None and "holds 5 saved answers" in prompt
    s.send("r")
    who = Respondent(values, "miit-2022", date(2026, 3, 1), "en")
    who.preset(first)
    rest = answer_all(s, who)
    code, out = s.finish()
    assert code == 0
    assert not set(rest) & set(first)  # nothing asked twice
    assert "Question 6 of at most" in s.transcript
    expected = assess_json(EXAMPLES / "little-giant-2022.yaml", "--as-of", "2026-03-01")
    assert tier_statuses(json.loads(out)) == tier_statuses(expected)


def test_start_over_keeps_a_backup_and_an_unreadable_save_file_is_never_overwritten(tmp_path: Path) -> None:
    """Starting over copies the old answers to a dated backup beside the file, said on screen, before
    the first new answer replaces them; a file that cannot be read is left as it is."""
    save = tmp_path / "old.yaml"
    old = "employees: 12\nfinancials: {2025: {revenue: 300}}\n"
    save.write_text(old, encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "old.yaml"], tmp_path)
    prompt = s.until_prompt()
    assert prompt is not None and "holds 2 saved answers (no company name yet)" in prompt
    s.send("maybe")
    assert "Please type r (resume) or o (start over)" in (s.until_prompt() or "")
    s.send("o")
    prompt = s.until_prompt()
    assert prompt is not None and "Question 1 of at most" in prompt and "Company name" in prompt
    s.send("Acme Ltd")
    prompt = s.until_prompt()
    assert prompt is not None and "Question 2 of at most" in prompt and "Operating revenue 2025" in prompt
    s.send("12,000")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130
    text = save.read_text(encoding="utf-8")
    assert "employees" not in text and "revenue: 12000" in text and "name: Acme Ltd" in text
    backups = list(tmp_path.glob("old.backup-*.yaml"))  # the old answers, within reach and said so
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == old
    assert f"2 old answers copied to {backups[0].name}" in s.transcript

    save.write_text("employes: 12\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", str(save)], input="r\n",
                          capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "employes" in done.stderr and "Traceback" not in done.stderr
    assert save.read_text(encoding="utf-8") == "employes: 12\n"


def test_set_answers_count_as_given_and_a_bad_save_folder_is_refused(tmp_path: Path) -> None:
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "a.yaml",
                 "--set", "compliance.data_fabrication=yes"], tmp_path)
    prompt = s.until_prompt()
    assert prompt is not None and "Company name" in prompt  # only the name: the red line settles everything
    s.send("")
    prompt = s.until_prompt()
    assert prompt is not None and "All 2 answers" in prompt and "Enter makes the report" in prompt
    s.send("")
    assert s.until_prompt() is None
    code, _ = s.finish()
    assert code == 0 and "Done: 2 answers, saved to a.yaml" in s.transcript
    assert "data_fabrication: true" in (tmp_path / "a.yaml").read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", str(tmp_path / "no" / "a.yaml")],
                          capture_output=True, text=True, env=ENV, check=False, input="")
    assert done.returncode == 2 and f"there is no folder {tmp_path / 'no'}" in done.stderr




@pytest.mark.parametrize(("lang", "told"), [(None, True), ("en", False), ("zh", False)])
def test_an_interview_in_english_by_the_locale_says_in_chinese_how_to_have_it_in_chinese(
        tmp_path: Path, lang: str | None, told: bool) -> None:
    """LANG=C.UTF-8 (many servers) gave a reader of Chinese alone an English interview with no word of
    --lang zh. Its first line says, in Chinese, the command that goes on in Chinese with the answers
    kept; not where --lang chose the language."""
    env = {k: v for k, v in ENV.items() if not k.startswith("LC_") and k != "LANGUAGE"} | {"LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", "a.yaml",
                           *(["--lang", lang] if lang else [])], capture_output=True, text=True, env=env,
                          check=False, input="Acme\n", cwd=tmp_path)
    first = done.stderr.splitlines()[0]
    assert done.returncode == 130
    assert (first == "中文界面：输入 quit 退出后，运行 littlegiant assess --save a.yaml --lang zh（已答的题会保留）") is told
    if told:
        resumed = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", "a.yaml", "--lang", "zh"],
                                 capture_output=True, text=True, env=env, check=False, input="", cwd=tmp_path)
        assert "a.yaml 中已保存「Acme」的 1 个回答" in resumed.stderr  # in Chinese, the answer kept


PTY_PROMPTS = ["> ", r"\[y/n\] ", r"\[是/否\] "]


def spawn(tmp_path: Path, args: list[str]) -> Any:
    """The command in a real pseudo-terminal, 200 columns wide."""
    return pexpect.spawn(sys.executable, ["-m", "littlegiant", *args], cwd=str(tmp_path),
                         env={**ENV, "COLUMNS": "200"}, encoding="utf-8", timeout=30, dimensions=(50, 200))


def pty_prompt(child: Any) -> str:
    """Everything up to and including the next prompt."""
    child.expect(PTY_PROMPTS)
    return str(child.before) + str(child.after)


def pty_answer_all(child: Any, who: Respondent) -> list[str]:
    """Answer every question in the terminal until the report; the paths asked."""
    asked = []
    while True:
        i = child.expect([*PTY_PROMPTS, "Done: ", "问答结束"])
        text = str(child.before) + str(child.after)
        if i >= 3:
            return asked
        if any(s in text for s in SUMMARY):
            child.sendline("")
        elif i > 0:
            child.sendline("y")
        else:
            path, typed_text = who.answer(text)
            asked.append(path)
            child.sendline(typed_text)


def test_a_whole_interview_in_a_terminal_with_ctrl_c_and_resume(tmp_path: Path) -> None:
    """In a real terminal, Ctrl-C keeps the answers and a second run resumes to the same verdicts."""
    values = example_values("little-giant-2026", "miit-2026")
    args = ["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "tty.yaml"]
    who = Respondent(values, "miit-2026", date(2026, 11, 26), "en")
    child = spawn(tmp_path, args)
    assert "Question 1 of at most" in pty_prompt(child)
    child.sendline("Acme Precision")
    who.iv.record("name", "Acme Precision")
    prompt = pty_prompt(child)
    assert "Question 2 of at most" in prompt and "Operating revenue 2025" in prompt
    child.sendline("twelve thousand")
    child.expect(r"expected an amount in 10k CNY \(万元\)")
    pty_prompt(child)
    child.sendline("12,000")
    who.iv.record("financials.2025.revenue", Decimal(12000))
    answered = ["name", "financials.2025.revenue"]
    for _ in range(3):
        path, text = who.answer(pty_prompt(child))
        child.sendline(text)
        answered.append(path)
    pty_prompt(child)
    child.sendintr()
    child.expect("interrupted: 5 answers saved to tty.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = profile.load_profile(tmp_path / "tty.yaml", rules.load("miit-2026"))
    assert saved.values["financials.2025.revenue"] == Decimal(12000)
    assert set(saved.values) == set(answered)

    child = spawn(tmp_path, args)
    child.expect(r"holds 5 saved answers")
    child.sendline("")  # Enter: resume
    rest = pty_answer_all(child, who)
    assert not set(rest) & set(answered)
    child.expect("Little Giant")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert tier_statuses(assess_json(tmp_path / "tty.yaml", "--as-of", "2026-11-26")) == {
        "innovative_sme": "met", "zjtx_sme": "manual_review", "little_giant": "manual_review"}


WORDS = {
    "zh": {"revenue": "营业收入（2025年）（万元）？", "help_term": "· 研发费用：",
           "refused": "其中的部分不能超过总数", "parent": "营业收入（2025年）8,000万元，其中主营业务收入",
           "rd": "研发费用（2025年）（万元）？", "no": "没有", "yes": "对", "first": "第 1 题，最多共",
           "back": "回到上一题（刚才答的是：300万元；直接回车保留不变）", "conversion": "0.8亿 = 8,000万元"},
    "en": {"revenue": "Operating revenue 2025 (10k CNY)?", "help_term": "· R&D expense (研发费用): ", "refused": "a part cannot exceed its whole",
           "parent": "Operating revenue 2025: 8,000 (10k CNY); of which main-business revenue",
           "rd": "R&D expense 2025 (10k CNY)?", "no": "no", "yes": "yes", "first": "Question 1 of at most",
           "back": "Back one question (you answered: 300 (10k CNY); Enter keeps it)", "conversion": "0.8亿 = 8,000 (10k CNY)"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_units_yes_no_words_help_back_and_a_part_over_its_whole_in_a_terminal(tmp_path: Path, lang: str) -> None:
    """0.8亿 is saved as 8000 and 约7000万 as 约7000 (both shown back, the latter as rough), 对/没有 as yes/no, ? explains, < goes
    back, a part over its whole is asked again, and the name titles the saved file and the HTML report."""
    w = WORDS[lang]
    child = spawn(tmp_path, ["assess", "--as-of", "2026-11-26", "--lang", lang, "--save", "t.yaml",
                             "--format", "html", "--output", "t.html"])
    assert w["first"] in pty_prompt(child)
    child.sendline("杭州精工机械有限公司")
    assert w["revenue"] in pty_prompt(child)
    child.sendline("0.8亿")
    child.expect_exact(w["conversion"])  # the conversion, shown back, its unit as the reports write it
    assert w["rd"] in pty_prompt(child)
    child.sendline("?")
    assert w["help_term"] in pty_prompt(child)  # the help, with the glossary term it leans on
    child.sendline("300万")
    assert w["parent"] in pty_prompt(child)  # main revenue, shown with its parent total
    child.sendline("9000")
    assert w["refused"] in pty_prompt(child)
    child.sendline("<")  # back to the R&D question, showing what was typed, answered anew
    back = pty_prompt(child)
    assert w["rd"] in back and w["back"] in back
    assert "rd_expense: 300\n" in (tmp_path / "t.yaml").read_text(encoding="utf-8")  # kept until answered anew
    child.sendline("400")
    assert w["parent"] in pty_prompt(child)
    child.sendline("约7000万")  # approximate, as said before the statements are at hand: read, and shown back
    child.expect_exact("约7000万 = 约7,000万元" if lang == "zh" else "约7000万 = about 7,000 (10k CNY)")  # rough, as saved
    bools = 0
    while bools < 2:  # the first two yes/no questions (registered in China, then a red line): 对, then 没有
        i = child.expect([*PTY_PROMPTS, "Done: ", "问答结束"])
        text = str(child.before) + str(child.after)
        assert i < 3, f"the interview ended before two yes/no questions: {child.before}"
        if any(s in text for s in SUMMARY):
            child.sendline("")
        elif i > 0:
            child.sendline("y")
        elif "[是/否]\r\n>" in text.replace(" ", "") or "[y/n]\r\n>" in text.replace(" ", ""):
            child.sendline(w["yes"] if bools == 0 else w["no"])
            bools += 1
        else:
            child.sendline("")
    while True:  # the rest: don't know
        i = child.expect([*PTY_PROMPTS, "Done: ", "问答结束"])
        if i >= 3:
            break
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    rs = rules.load("miit-2026")
    saved = profile.load_profile(tmp_path / "t.yaml", rs)
    assert saved.values["name"] == "杭州精工机械有限公司"
    assert saved.values["financials.2025.revenue"] == Decimal(8000)
    assert "revenue: 8000\n" in (tmp_path / "t.yaml").read_text(encoding="utf-8")
    assert saved.values["financials.2025.rd_expense"] == Decimal(400)
    assert saved.values["financials.2025.main_revenue"] == Decimal(7000)
    assert sorted(v for v in saved.values.values() if isinstance(v, bool)) == [False, True]
    assert "<title>杭州精工机械有限公司</title>" in (tmp_path / "t.html").read_text(encoding="utf-8")


def test_a_bad_answer_is_explained_in_chinese_and_asked_again(tmp_path: Path) -> None:
    """一万二 (12000 of what?) gets its two readings; then 12,000 is saved. (没有 to an amount: 0, said back,
    test_interview_said_back.py; to a net profit, how to say none or don't know.)"""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "zh.yaml"], tmp_path)
    assert s.until_prompt() is not None
    s.send("某某公司")
    assert s.until_prompt() is not None
    s.send("一万二")
    retry = s.until_prompt()
    assert retry is not None and "“一万二”看不出单位：请写成 1.2万 或 12000万" in retry and "请重新输入" in retry
    s.send("12,000")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130
    saved = (tmp_path / "zh.yaml").read_text(encoding="utf-8")
    assert "revenue: 12000" in saved
    # the file a finance manager opens speaks their language, and names the rules as the report's 依据 line does
    assert saved.startswith("# 由 littlegiant 问答生成的企业信息（依据《优质中小企业梯度培育管理办法（2026）》，"
                            "评估日期 2026-11-26）。\n# null 表示“不知道”。")
    assert "miit-2026）" not in saved


def test_stopping_at_the_resume_question_keeps_the_saved_answers(tmp_path: Path) -> None:
    save = tmp_path / "kept.yaml"
    save.write_text("employees: 5\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", str(save), "--lang", "en"],
                          input="", capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 130
    assert "the answers saved in" in done.stderr and save.read_text(encoding="utf-8") == "employees: 5\n"


def test_a_second_interview_on_the_same_file_exits_2_and_the_first_keeps_every_answer(tmp_path: Path) -> None:
    """While one interview saves to a file, another on it is refused and changes nothing."""
    args = ["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "shared.yaml"]
    first = Session(args, tmp_path)
    for text in ("First Ltd", "12,000", "650"):
        assert first.until_prompt() is not None
        first.send(text)
    assert first.until_prompt() is not None  # waiting at question 4, three answers saved
    saved = (tmp_path / "shared.yaml").read_text(encoding="utf-8")
    for lang, words in (("en", "in use by another interview"), ("zh", "正由另一个问答使用")):
        second = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", "shared.yaml",
                                 "--lang", lang], cwd=tmp_path, input="o\nSecond Ltd\n1\n", capture_output=True,
                                text=True, env=ENV, check=False, timeout=60)
        assert second.returncode == 2, second.stderr
        assert words in second.stderr and second.stderr.count("\n") == 1 and "Traceback" not in second.stderr
        assert (tmp_path / "shared.yaml").read_text(encoding="utf-8") == saved
    first.send("5,000")
    assert first.until_prompt() is not None
    code, _ = first.finish()
    assert code == 130
    values = profile.load_profile(tmp_path / "shared.yaml", rules.load("miit-2026")).values
    assert values["name"] == "First Ltd" and values["financials.2025.revenue"] == Decimal(12000)
    assert values["financials.2025.rd_expense"] == Decimal(650) and values["financials.2025.main_revenue"] == Decimal(5000)
    assert not (tmp_path / ".shared.yaml.lock").exists()  # the lock goes with the interview
    again = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", "shared.yaml", "--lang", "en"],
                           cwd=tmp_path, input="", capture_output=True, text=True, env=ENV, check=False, timeout=60)
    assert again.returncode == 130 and "holds 4 saved answers" in again.stderr  # free again once it ended


def test_a_second_interview_through_a_link_to_the_file_is_refused_too(tmp_path: Path) -> None:
    """A link is another name for the same file: an interview on it was offered to resume, and the two
    then wrote over each other's answers."""
    first = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "shared.yaml"], tmp_path)
    assert first.until_prompt() is not None
    first.send("First Ltd")
    assert first.until_prompt() is not None
    (tmp_path / "link.yaml").symlink_to("shared.yaml")
    second = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", "link.yaml", "--lang", "en"],
                            cwd=tmp_path, input="r\n777\n", capture_output=True, text=True, env=ENV, check=False,
                            timeout=60)
    assert second.returncode == 2 and "in use by another interview" in second.stderr, second.stderr
    assert first.finish()[0] == 130


def named_and_saved(tmp_path: Path) -> tuple[Session, Path]:
    """An interview into s.yaml with the company's name answered and saved, waiting at its next question."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "s.yaml"], tmp_path)
    assert s.until_prompt() is not None
    s.send("甲公司")
    assert s.until_prompt() is not None
    return s, tmp_path / "s.yaml"


@pytest.mark.parametrize("change", ["link", "edit", "remove"])
def test_a_save_file_changed_during_the_interview_is_not_written_over(tmp_path: Path, change: str) -> None:
    """Between two answers the save file was made a link to a file the user kept (the next answer wrote the
    profile into it), edited by hand, or removed: none is written over. The answers go to a new file
    beside it, named in one line with the command that goes on from it; exit 2."""
    kept = tmp_path / "important.txt"
    kept.write_text("precious", encoding="utf-8")
    s, save = named_and_saved(tmp_path)
    if change == "link":
        save.unlink()
        save.symlink_to("important.txt")
    elif change == "edit":
        save.write_text(save.read_text(encoding="utf-8") + "# 手工备注\n", encoding="utf-8")
    else:
        save.unlink()
    before = save.read_bytes() if save.exists() else None
    s.send("8000")
    code, _ = s.finish()
    assert code == 2, s.transcript
    assert kept.read_text(encoding="utf-8") == "precious"
    assert (save.read_bytes() if save.exists() else None) == before
    (other,) = tmp_path.glob("s.answers-*.yaml")
    last = s.transcript.strip().splitlines()[-1]
    assert last.removeprefix("> ").startswith("littlegiant 出错：s.yaml 在问答过程中被改动或换成了别的文件")  # after the prompt
    assert other.name in last
    values = profile.load_profile(other, rules.load("miit-2026")).values
    assert values["name"] == "甲公司" and values["financials.2025.revenue"] == Decimal(8000)
    assert "全部 2 个回答" in last and f"再次评估：littlegiant assess {other.name} " in other.read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "words"), [("fifo", "命名管道"), ("folder", "文件夹")])
def test_a_save_file_replaced_by_a_fifo_or_a_folder_is_said_so_not_waited_on(
        tmp_path: Path, kind: str, words: str) -> None:
    """A FIFO put in the save file's place between two answers hung the interview for ever: the next
    answer opened it to see whether it had changed. Nothing that is not a regular file is opened
    now; the answers go to a new file beside it and the message says what took the file's place."""
    s, save = named_and_saved(tmp_path)
    save.unlink()
    if kind == "fifo":
        os.mkfifo(save)
    else:
        save.mkdir()
    s.send("8000")
    assert s.proc.stdin is not None
    s.proc.stdin.close()
    try:
        code = s.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        s.proc.kill()
        s.proc.wait()
        pytest.fail("the interview hung on the save file's FIFO")
    assert s.proc.stderr is not None
    last = s.proc.stderr.read().decode("utf-8").strip().splitlines()[-1]
    (other,) = tmp_path.glob("s.answers-*.yaml")
    assert code == 2 and "Traceback" not in last
    assert last.removeprefix("> ").startswith(f"littlegiant 出错：s.yaml 在问答过程中被换成了{words}，没有读取或写入它"), last
    assert other.name in last and "全部 2 个回答" in last
    assert profile.load_profile(other, rules.load("miit-2026")).values["financials.2025.revenue"] == Decimal(8000)


@pytest.mark.parametrize("change", ["touch", "chmod"])
def test_a_save_file_touched_or_chmodded_goes_on_being_saved(tmp_path: Path, change: str) -> None:
    """A touch, a chmod or a save without change alters nothing the interview wrote: it goes on (they
    stopped it once, as if the file had been replaced)."""
    s, save = named_and_saved(tmp_path)
    if change == "touch":
        os.utime(save, (0, 0))
    else:
        save.chmod(0o600)
    s.send("8000")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130 and not list(tmp_path.glob("s.answers-*.yaml"))
    assert profile.load_profile(save, rules.load("miit-2026")).values["financials.2025.revenue"] == Decimal(8000)


def test_the_summary_lets_any_answer_be_changed_before_the_report(tmp_path: Path) -> None:
    """Before the report every answer is listed; typing its number asks it again."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "sum.yaml",
                 "--set", "compliance.data_fabrication=是", "--format", "json"], tmp_path)
    assert "企业名称" in (s.until_prompt() or "")
    s.send("甲公司")
    summary = s.until_prompt() or ""
    assert "全部 2 个回答" in summary and "1. 企业名称：甲公司" in summary and "近三年有数据造假行为：是" in summary
    s.send("1")
    assert "修改这一项（现在是：甲公司；直接回车保留不变）\n企业名称？" in (s.until_prompt() or "")
    s.send("乙公司")
    assert "1. 企业名称：乙公司" in (s.until_prompt() or "")
    s.send("")
    code, out = s.finish()
    assert code == 0 and json.loads(out)["name"] == "乙公司"
    assert "name: 乙公司" in (tmp_path / "sum.yaml").read_text(encoding="utf-8")


def test_sigterm_stops_the_interview_like_ctrl_c(tmp_path: Path) -> None:
    """SIGTERM (or a closed terminal's SIGHUP) keeps the answers, says how to resume and exits 130."""
    import signal

    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "term.yaml"], tmp_path)
    assert s.until_prompt() is not None
    s.send("Term Ltd")
    assert s.until_prompt() is not None
    s.proc.send_signal(signal.SIGTERM)
    code, _ = s.finish()
    assert code == 130 and "1 answer saved to term.yaml" in s.transcript
    assert "name: Term Ltd" in (tmp_path / "term.yaml").read_text(encoding="utf-8")
    assert not (tmp_path / ".term.yaml.lock").exists()


def test_an_unusual_figure_is_confirmed_or_asked_again(tmp_path: Path) -> None:
    """R&D over revenue is shown in words and kept only when confirmed; 否 asks the question again, by name."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "odd.yaml"], tmp_path)
    s.answers("丙公司", "8000")
    assert "研发费用（2025年）" in (s.until_prompt() or "")
    s.send("9000")
    confirm = s.until_prompt() or ""
    assert "研发费用（2025年）9,000万元，高于营业收入（2025年）8,000万元，这很少见。确认无误吗？[是/否]" in confirm
    s.send("否")
    # the question again, with its unit: the check's lines stood between the question and the prompt
    # and the earlier answer it was set beside, which may be the slip: typed again, this one stands
    assert (s.until_prompt() or "").endswith("  好的，请重新回答：研发费用（2025年）（万元）？（如果填错的是之前的营业收入（2025年）"
                                             "8,000万元：本题照实再填一次即可，不再询问；之后在汇总里修改那一项。）\n> ")
    s.send("900")
    assert "其中主营业务收入" in (s.until_prompt() or "")
    s.send("8,000万")  # at the edge: equal to the whole is no concern
    assert "第 5 题" in (s.until_prompt() or "")
    values = s.saved(tmp_path / "odd.yaml")
    assert values["financials.2025.rd_expense"] == Decimal(900)
    assert values["financials.2025.main_revenue"] == Decimal(8000)


def test_enter_at_an_unusual_figures_confirmation_keeps_nothing_silently(tmp_path: Path) -> None:
    """R&D of 9,000万 over revenue of 8,000万 asks 确认无误吗？[是/否]. Enter alone was taken as 否: the
    figure was dropped, the question asked again, and a second Enter recorded 不知道 in its place.
    Enter is no answer: the prompt asks for 是 or 否, and 是 keeps the figure as typed."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "odd.yaml"], tmp_path)
    s.answers("丙公司", "8000")
    assert "研发费用（2025年）" in (s.until_prompt() or "")
    s.send("9000")
    assert "确认无误吗？[是/否]" in (s.until_prompt() or "")
    s.send("")
    assert "请回答是或否" in (s.until_prompt() or "")
    s.send("是")
    assert "其中主营业务收入" in (s.until_prompt() or "")
    assert s.saved(tmp_path / "odd.yaml")["financials.2025.rd_expense"] == Decimal(9000)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_fits_80_columns_and_names_its_field_as_the_reports_do(lang: str) -> None:
    """At 80 columns each question's lines fit, none starts with a closing mark (the reports' line
    breaking), and its heading is the field's label with its year as reports and sheets write it."""
    import io

    from rich.cells import cell_len

    from littlegiant.cli.interactive import Asker, Terminal
    from littlegiant.report.linebreak import NO_START

    rs = rules.load("miit-2026")
    asker = Asker(Interview(rs, date(2026, 11, 26)), Terminal(io.StringIO(), io.StringIO()), lang)
    asker.width = 80
    for f in rs.fields.values():
        path = f.concrete_path(2025) if f.per_year else f.path
        shown = asker.describe(Question(path, f, 2025 if f.per_year else None))
        lines = shown.removesuffix("> ").rstrip("\n").split("\n")
        assert all(cell_len(line) <= 80 and line.strip()[:1] not in NO_START for line in lines), shown
        heading = asker.heading(Question(path, f, 2025 if f.per_year else None))
        label = f.label.get(lang).split("（")[0].removeprefix("其中").removeprefix("…of which ")
        if f.part_of and lang == "zh" and "的" in label and not f.label.zh.endswith("）"):
            label = label[:label.rindex("的") + 1]  # the noun its whole names is said once
        assert label in heading or f"of which {label[0].lower()}{label[1:]}" in heading  # a part, mid-sentence
        assert not f.per_year or ("（2025年" if lang == "zh" else " 2025") in heading  # 资产总额（2025年末）
    revenue = profile.field_for_path(rs, "financials.2025.revenue")
    heading = asker.heading(Question("financials.2025.revenue", revenue, 2025))
    assert heading == {"zh": "营业收入（2025年）（万元）？", "en": "Operating revenue 2025 (10k CNY)?"}[lang]


@pytest.mark.parametrize(("lang", "path", "typed_text", "said"), [
    ("zh", "industry", "17", "应填 1–16 的编号或选项名称，现在是“17”"),
    ("en", "industry", "17", "expected a number from 1 to 16 or a choice's name, got '17'"),
    ("zh", "rd_institution", "7", "应填 1–5 的编号或选项名称，现在是“7”"),  # the range, not only "one listed"
    ("zh", "rd_institution", "随便", "应填 1–5 的编号或选项名称，现在是“随便”"),
    ("zh", "rd_institution", "国家队", "应填 1–5 的编号或选项名称，现在是“国家队”；您是不是想选“国家级”（5）？"),
    ("zh", "industry", "批发零售", "现在是文字“批发零售”，这包括不止一类，请写批发业或零售业"),  # the two it covers
    ("zh", "registered_in_china", "也许", "应填是或否（也可以写对/不是、有/没有、y/n），现在是“也许”"),
    ("zh", "digital_level", "7", "不能大于 4，现在是 7"),
    # 应填 straight before a digit read 应填0 到 100: spaced, as the catalog spaces a number from Chinese
    ("zh", "market.domestic_share", "很高", "应填 0 到 100 之间的百分数（如 12.5 或 12.5%），现在是“很高”"),
    ("zh", "market.domestic_share", "150%", "应填 0 到 100 之间的百分数，现在是“150%”"),
])
def test_a_refused_answer_is_said_with_the_loaders_words_in_the_users_language(
        lang: str, path: str, typed_text: str, said: str) -> None:
    """The interview refuses with the same words a sheet's cell gets (messages.EXPECT), in zh or en,
    without the field's name (the question is on the screen)."""
    from littlegiant.cli.interactive import refusal
    from littlegiant.errors import InputError

    rs = rules.load("miit-2026")
    f = profile.field_for_path(rs, path)
    with pytest.raises(InputError) as caught:
        Interview(rs, date(2026, 11, 26)).parse(Question(path, f, None), typed_text)
    assert refusal(caught.value, lang) == said


EXACT = {
    "zh": {"conversion": "0.800012345亿 = 8,000.12345万元", "parent": "营业收入（2025年）8,000.125万元，其中主营业务收入",
           "refused": "「主营业务收入（2025年）」为 8,000.126万元，多于「营业收入（2025年）」 8,000.125万元",
           "back": "回到上一题（刚才答的是：8,000.12345万元；直接回车保留不变）", "summary": "营业收入（2025年）：8,000.125万元"},
    "en": {"conversion": "0.800012345亿 = 8,000.12345 (10k CNY)",
           "parent": "Operating revenue 2025: 8,000.125 (10k CNY); of which main-business revenue",
           "refused": "Main-business revenue 2025 is 8,000.126 (10k CNY), more than Operating revenue 2025 "
                      "at 8,000.125 (10k CNY)",
           "back": "Back one question (you answered: 8,000.12345 (10k CNY); Enter keeps it)",
           "summary": "Operating revenue 2025: 8,000.125 (10k CNY)"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_interview_shows_every_digit_typed_in_an_80_column_terminal(tmp_path: Path, lang: str) -> None:
    """An amount with three or more places is shown back as saved (8,000.125万元, never 8,000.13万元):
    in the conversion, the "of which" heading, a refused part, "<" and the summary before the report."""
    w = EXACT[lang]
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", "--as-of", "2026-11-26", "--lang", lang,
                                           "--save", "x.yaml", "--format", "json", "--output", "x.json"],
                          cwd=str(tmp_path), env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30,
                          dimensions=(50, 80))
    seen: list[str] = []

    def prompt() -> str:
        text = pty_prompt(child)
        seen.append(text)
        return re.sub(r"\s*\r\n\s*", " ", text)  # lines are wrapped at 80 columns: read them joined

    prompt()
    child.sendline("精确公司")
    prompt()
    child.sendline("8000.125")
    prompt()
    child.sendline("0.800012345亿")
    assert "50%" in prompt()  # R&D as large as revenue: over half of it, asked at once
    child.sendline("是" if lang == "zh" else "y")
    assert w["parent"] in prompt()
    child.sendline("8000.126")
    assert w["refused"].replace(" ", "") in prompt().replace(" ", "")  # a zh line may break at the space
    child.sendline("<")
    assert w["back"] in prompt()
    child.sendline("300")
    prompt()
    child.sendline("8000.125")
    while True:  # the rest: don't know, up to the summary of every answer
        text = prompt()
        if any(s in text for s in SUMMARY):
            break
        child.sendline("")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = re.sub(r"\s*\r\n\s*", " ", "".join(seen))
    assert w["conversion"] in shown and w["summary"] in shown
    assert "8,000.13" not in shown and "8,000.12 " not in shown and "8,000.12万" not in shown
    saved = (tmp_path / "x.yaml").read_text(encoding="utf-8")
    assert "revenue: 8000.125\n" in saved and "main_revenue: 8000.125\n" in saved and "rd_expense: 300\n" in saved


def test_an_english_unit_stays_whole_when_a_question_wraps(tmp_path: Path) -> None:
    """At 80 columns (and at any width from 40 to 100) "(10k CNY)" is never split at its space, so no
    line of a question ends in "(10k" and none starts with "CNY)"."""
    import io

    from littlegiant.cli.interactive import Asker, Terminal

    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", "--as-of", "2026-11-26", "--lang", "en",
                                           "--save", "u.yaml"],
                          cwd=str(tmp_path), env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30,
                          dimensions=(50, 80))
    for text in ("Unit Ltd", "8000", "300"):
        pty_prompt(child)
        child.sendline(text)
    shown = pty_prompt(child)
    assert "of which main-business revenue" in shown
    lines = shown.split("\r\n")
    assert "Operating revenue 2025: 8,000 (10k CNY); of which main-business revenue" in lines, lines
    assert "(10k CNY)?" in lines, lines
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    iv.record("financials.2025.revenue", Decimal(8000))
    asker = Asker(iv, Terminal(io.StringIO(), io.StringIO()), "en")
    for width in range(40, 101):
        asker.width = width
        for f in rs.fields.values():
            path = f.concrete_path(2025) if f.per_year else f.path
            for line in asker.describe(Question(path, f, 2025 if f.per_year else None)).split("\n"):
                assert not line.endswith("(10k") and not line.lstrip().startswith("CNY)"), (width, path, line)


ANSWERED = """# 由 littlegiant 问答生成的企业信息（规则 miit-2026，评估日期 2026-12-02）。
# null 表示“不知道”。再次评估：littlegiant assess littlegiant-profile.yaml
name: 苏州恒达精密机械有限公司
industry: industrial
employees: 260
tech_staff: 70
niche_years: 5
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false,
  major_incident: false, tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 8000, main_revenue: 7600, rd_expense: 320, total_assets: 12500, total_liabilities: 5200,
    total_costs: 7300}
  2024: {revenue: 7200, main_revenue: 6800, rd_expense: 280}
ip: {class1: 3, class1_applied: 2}
rd_institution: city
market: {leading: true}
awards: {national_5y_rank: 0, led_standard_5y: false}
honors: {high_tech_enterprise: false}
titles: {innovative_sme: true}
platform_score: null
"""
"""A finished interview's file (a finance manager's, from a QA pass): resumed, it goes straight to the summary."""


def item(summary: str, label: str) -> str:
    """The number the summary gives the answer labelled ``label``."""
    found = re.search(r"(\d+)\. " + re.escape(label) + "：", summary)
    assert found is not None, summary
    return found.group(1)


def test_enter_at_an_answer_opened_from_the_summary_keeps_it(tmp_path: Path) -> None:
    """Enter at an answer opened again from the summary keeps it, even after the tool refused a new
    figure and advised Enter; it never saves "don't know" over it nor starts asking new questions."""
    save = tmp_path / "f4.yaml"
    save.write_text(ANSWERED, encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-12-02", "--lang", "zh", "--save", "f4.yaml", "--format", "json"], tmp_path)
    assert "30 个回答" in (s.until_prompt() or "")
    s.send("r")
    summary = s.until_prompt() or ""
    assert "直接回车生成报告" in summary
    s.send(item(summary, "研发费用（2025年）"))
    edit = s.until_prompt() or ""
    assert "修改这一项（现在是：320万元；直接回车保留不变）" in edit
    s.send("")
    summary = s.until_prompt() or ""
    assert "保留原来的回答：320万元" in summary and "直接回车生成报告" in summary  # no new question
    assert "研发费用（2025年）：320万元" in summary and "rd_expense: 320\n" in save.read_text(encoding="utf-8")
    s.send(item(summary, "从业人员（上年末）"))
    assert "现在是：260人" in (s.until_prompt() or "")
    s.send("50")  # below the 70 科技人员 already given: refused, with the way out
    refused = re.sub(r"\s+", "", s.until_prompt() or "")
    assert "可先回车保留本项原来的回答，再在汇总里修改那一项" in refused
    s.send("")
    summary = s.until_prompt() or ""
    assert "从业人员（上年末）：260人" in summary and "直接回车生成报告" in summary
    s.send("")
    code, out = s.finish()
    assert code == 0 and json.loads(out)["name"] == "苏州恒达精密机械有限公司"
    values = profile.load_profile(save, rules.load("miit-2026")).values
    assert values["employees"] == 260 and values["financials.2025.rd_expense"] == 320


def test_enter_after_going_back_keeps_the_answer_taken_back(tmp_path: Path) -> None:
    """Going back with "<" shows the answer taken back and says Enter keeps it; Enter then saves it as it was
    and the interview goes on where it was."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "b.yaml"], tmp_path)
    s.answers("Back Ltd", "8000", "300")
    assert "of which main-business revenue" in (s.until_prompt() or "")
    s.send("<")
    back = s.until_prompt() or ""
    assert "Back one question (you answered: 300 (10k CNY); Enter keeps it)" in back
    s.send("")
    again = s.until_prompt() or ""
    assert "kept as it was: 300 (10k CNY)" in again and "of which main-business revenue" in again
    assert "Question 4 of at most" in again
    assert s.saved(tmp_path / "b.yaml")["financials.2025.rd_expense"] == 300


def test_enter_after_going_back_twice_keeps_both_answers(tmp_path: Path) -> None:
    """Two steps back with "<", then Enter at each: the earlier answer is kept, and the later one, asked
    again on the way forward, says it is still there and is kept too (it was saved as unknown)."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "t.yaml"], tmp_path)
    s.answers("测试公司", "5000", "300")
    assert s.until_prompt() is not None
    assert "刚才答的是：300万元" in s.reply("<")
    assert "刚才答的是：5,000万元" in s.reply("<")
    forward = s.reply("")
    assert "保留原来的回答：5,000万元" in forward and "修改这一项（现在是：300万元；直接回车保留不变）" in forward
    assert "保留原来的回答：300万元" in s.reply("")
    values = s.saved(tmp_path / "t.yaml")
    assert values["financials.2025.revenue"] == 5000 and values["financials.2025.rd_expense"] == 300


@pytest.mark.parametrize(("lang", "words", "recorded"), [("zh", ("不知道", "不确定"), "记为「不知道」"),
                                                         ("en", ("don't know", "Unknown"), 'recorded as "don\'t know"')])
def test_typing_dont_know_is_dont_know_and_clears_an_answer_asked_again(
        tmp_path: Path, lang: str, words: tuple[str, str], recorded: str) -> None:
    """不知道 (or "don't know") typed is taken as Enter is, saved as unknown and never as 0; typed at an
    answer taken back with "<" it deliberately makes that answer unknown."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", lang, "--save", "k.yaml"], tmp_path)
    intro = s.until_prompt() or ""
    assert ("或输入「不知道」" if lang == "zh" else "Enter (or typing \"don't know\")") in intro
    s.send("甲公司")
    assert s.until_prompt() is not None
    s.send("8000")
    assert s.until_prompt() is not None
    s.send(words[0])  # R&D expense: not known
    after = s.until_prompt() or ""
    assert recorded in after
    s.send("<")  # back to the R&D question, made unknown a second time on purpose
    assert s.until_prompt() is not None
    s.send("<")  # and back to the revenue, cleared on purpose
    assert "8,000" in (s.until_prompt() or "")
    s.send(words[1])
    assert recorded in (s.until_prompt() or "")
    code, _ = s.finish()
    assert code == 130
    text = (tmp_path / "k.yaml").read_text(encoding="utf-8")
    assert "revenue: null\n" in text and "rd_expense: null\n" in text


def test_the_resume_question_names_the_company_and_starting_over_twice_keeps_both_backups(tmp_path: Path) -> None:
    """The default save file is shared by every client in a folder: the resume question names the company
    and the number of answers, and each start over leaves its own backup, never overwriting one."""
    from littlegiant.cli.interactive import backup_copy

    save = tmp_path / "littlegiant-profile.yaml"
    save.write_text(ANSWERED, encoding="utf-8")
    args = ["assess", "--as-of", "2026-12-02", "--lang", "zh", "--save", save.name]
    for company, held in (("新公司", "「苏州恒达精密机械有限公司」的30个回答"), ("另一家公司", "「新公司」的1个回答")):
        s = Session(args, tmp_path)
        assert held in re.sub(r"\s+", "", s.until_prompt() or "")
        s.send("o")
        s.answers(company)
        assert s.until_prompt() is not None
        code, _ = s.finish()
        assert code == 130 and f"name: {company}" in save.read_text(encoding="utf-8")
        assert "已另存到 littlegiant-profile.backup-" in s.transcript and "现在从头开始" in s.transcript
    backups = sorted(tmp_path.glob("littlegiant-profile.backup-*.yaml"))
    assert len(backups) == 2
    assert sorted(b.read_text(encoding="utf-8") for b in backups) == sorted([ANSWERED, save.read_text(
        encoding="utf-8").replace("另一家公司", "新公司")])
    again = backup_copy(save)  # within the same second as another: a name of its own
    assert again not in backups and again.read_bytes() == save.read_bytes()
    assert backup_copy(save) != again


@pytest.mark.parametrize(("typed", "n", "held"), [
    (("甲", "<"), 1, "name: 甲\n"),
    (("甲", "8000", "320", "<"), 3, "rd_expense: 320\n"),
])
def test_the_interrupt_message_counts_what_the_file_holds(
        tmp_path: Path, typed: tuple[str, ...], n: int, held: str) -> None:
    """Stopped right after "<", the answer taken back is still in the file, and the message counts it:
    never "nothing saved" beside a file holding the company name, never 2 answers for 3."""
    s = Session(["assess", "--as-of", "2026-12-02", "--lang", "zh", "--save", "t.yaml"], tmp_path)
    s.answers(*typed)
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130 and f"已中断：{n} 个回答已保存到 t.yaml" in s.transcript and "尚未回答" not in s.transcript
    assert len(profile.load_profile(tmp_path / "t.yaml", rules.load("miit-2026")).values) == n
    assert held in (tmp_path / "t.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("then", ["ctrl-c", "enter"])
def test_going_back_to_an_approximate_answer_never_changes_the_file(tmp_path: Path, then: str) -> None:
    """As a user pass did it, at 80 columns: 约200万, then "<" back to it and Ctrl-C there rewrote the file's
    rd_expense: 约200 as a bare 200, and the report's check of figures given as 约数 lost it. Going back
    changes nothing in the file; Ctrl-C keeps it as the last answer left it, and Enter keeps it too."""
    args = ["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "a.yaml"]
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", *args], cwd=str(tmp_path),
                          env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30, dimensions=(40, 80))
    for text in ("精工轴承", "8千万", "约200万"):
        pty_prompt(child)
        child.sendline(text)
    pty_prompt(child)
    answered = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "rd_expense: 约200\n" in answered
    child.sendline("<")
    assert "刚才答的是：约200万元" in pty_prompt(child)
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == answered
    if then == "enter":
        child.sendline("")
        assert "保留原来的回答：约200万元" in pty_prompt(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == answered


def test_stopping_before_a_new_answer_after_starting_over_says_the_old_file_is_unchanged(tmp_path: Path) -> None:
    """Starting over and stopping before the first new answer leaves the file as it was, and says so
    (not "nothing saved", which would scare a user whose answers are all there)."""
    save = tmp_path / "o.yaml"
    save.write_text(ANSWERED, encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-12-02", "--lang", "zh", "--save", "o.yaml"], tmp_path)
    s.answers("o")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130 and "o.yaml 中保存的回答保持不变" in s.transcript and "未保存文件" not in s.transcript
    assert save.read_text(encoding="utf-8") == ANSWERED


@pytest.mark.parametrize(("lang", "moves", "words"), [
    ("zh", (), "已中断：s.yaml 中保存的回答保持不变。继续请运行："),  # at the resume-or-start-over question
    ("zh", ("",), "已中断：s.yaml 中保存的回答保持不变。继续请运行："),  # resumed, no new answer yet
    ("zh", ("o",), "已中断：s.yaml 中保存的回答保持不变。继续请运行："),  # starting over, no new answer yet
    ("en", ("r",), "interrupted: the answers saved in s.yaml are kept. To resume, run:"),
], ids=["at-the-resume-question", "resumed", "starting-over", "resumed-en"])
def test_every_stop_with_answers_in_the_file_gives_the_command_that_resumes(
        tmp_path: Path, lang: str, moves: tuple[str, ...], words: str) -> None:
    """A user pass stopped, resumed and stopped again before a new answer: the second stop said only that
    the saved answers were kept, without the command the first stop had given to go on with them."""
    args = ["assess", "--as-of", "2026-12-04", "--lang", lang, "--save", "s.yaml"]
    s = Session(args, tmp_path)
    s.answers("甲", "8000", "320")
    assert s.until_prompt() is not None
    assert s.finish()[0] == 130
    held = (tmp_path / "s.yaml").read_text(encoding="utf-8")
    s = Session(args, tmp_path)
    s.answers(*moves)
    assert s.until_prompt() is not None
    code, out = s.finish()
    assert code == 130 and out == ""
    said = s.transcript.split(words, 1)[1].splitlines()
    assert said[1] == f"littlegiant assess --save s.yaml --as-of 2026-12-04 --lang {lang}", s.transcript
    assert (tmp_path / "s.yaml").read_text(encoding="utf-8") == held


def test_ctrl_c_after_resuming_gives_the_resume_command_in_an_80_column_terminal(tmp_path: Path) -> None:
    """As the user pass did it, in a real terminal 80 columns wide: Ctrl-C, resume, Ctrl-C again at once.
    Both stops end with the command that goes on, whole on a line of its own."""
    args = ["assess", "--as-of", "2026-12-04", "--save", "acme3.yaml", "--lang", "zh"]
    command = "littlegiant assess --save acme3.yaml --as-of 2026-12-04 --lang zh"
    lines = []
    for resumed, typed_first in ((False, ("苏州精工精密部件有限公司", "3200万", "520万")), (True, ())):
        child = pexpect.spawn(sys.executable, ["-m", "littlegiant", *args], cwd=str(tmp_path),
                              env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30, dimensions=(50, 80))
        if resumed:
            child.expect_exact("[R/o] ")
            child.sendline("继续")
        for text in typed_first:
            pty_prompt(child)
            child.sendline(text)
        pty_prompt(child)
        child.sendintr()
        child.expect_exact("已中断：")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 130
        lines.append(str(child.before).replace("\r", "").splitlines())
    assert lines[0][0].startswith("3 个回答已保存到 acme3.yaml。继续请运行：") and lines[0][1] == command
    assert lines[1][0] == "acme3.yaml 中保存的回答保持不变。继续请运行：" and lines[1][1] == command


def test_english_amounts_are_read_in_cny_and_shown_back_in_10k_cny(tmp_path: Path) -> None:
    """In English, 80 million and 3,200,000 CNY are amounts in yuan: each is shown back in the unit asked
    (10k CNY) before it is saved, as 0.8亿 is on the Chinese side."""
    s = Session(["assess", "--as-of", "2026-12-02", "--lang", "en", "--save", "e.yaml"], tmp_path)
    s.answers("Acme Ltd", "80 million")
    rd = s.until_prompt() or ""
    assert "80 million = 8,000 (10k CNY)" in rd and "R&D expense 2025" in rd
    main = s.reply("3,200,000 CNY")
    assert "3,200,000 CNY = 320 (10k CNY)" in main and "of which main-business revenue" in main
    main = s.reply("7600000 yuan")  # under a tenth of revenue: asked at once, and confirmed
    assert "7600000 yuan = 760 (10k CNY)" in main and "under 10%" in main
    s.send("y")
    values = s.saved(tmp_path / "e.yaml")
    assert values["financials.2025.revenue"] == 8000 and values["financials.2025.rd_expense"] == 320
    assert values["financials.2025.main_revenue"] == 760


def test_an_amount_in_yuan_is_questioned_in_billions_in_english(tmp_path: Path) -> None:
    """80,000,000 typed for revenue in 10k CNY is 800 billion CNY: the English question says so in
    the unit an English reader counts in, not "hundred million"."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "y.yaml"], tmp_path)
    s.answers("Acme")
    assert s.until_prompt() is not None
    s.send("80000000")
    asked = s.until_prompt() or ""
    assert "80,000,000 (10k CNY) is 800 billion CNY: was an amount in yuan entered as 10k CNY?" in asked
    s.finish()


def test_an_answer_whose_comma_does_not_group_thousands_is_asked_again(tmp_path: Path) -> None:
    """"1,20" for revenue was saved as 120: the interview now quotes it, says to write 1.20 or 120, and
    asks again; "-3百万" is refused quoting what was typed, not the -300 it was read as."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "c.yaml"], tmp_path)
    s.answers("某某公司", "1,20")
    retry = " ".join((s.until_prompt() or "").split())
    assert "“1,20”看不出是多少：逗号（或空格）只能三位一组分隔千位，如 1,200、12,000.5；请写成 1.20 或 120" in retry
    s.send("-3百万")
    retry = " ".join((s.until_prompt() or "").split())
    assert "金额不能为负数，现在是“-3百万”（即 -300万元）" in retry
    s.send("1,200")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130
    assert "revenue: 1200\n" in (tmp_path / "c.yaml").read_text(encoding="utf-8")


def test_an_amount_in_chinese_numerals_is_shown_back_and_saved_and_a_range_is_asked_again(tmp_path: Path) -> None:
    """五百万 was refused as no amount: the interview now shows it back in 万元 and saves 500; 两三百万 (a
    range) and 一千二万 (1200万 or 1002万?) are asked again, each saying why."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "n.yaml"], tmp_path)
    s.answers("某某公司", "两三百万")
    retry = " ".join((s.until_prompt() or "").split())
    assert "✗ “两三百万”不是一个确切的数（像是一个范围，或比某个数多些、少些）：请填确切的数" in retry
    retry = " ".join(s.reply("一千二万").split())
    assert "✗ “一千二万”可以有不止一种读法：请写阿拉伯数字（如 1200万），或把中文数字写完整" in retry
    assert "→ 五百万 = 500万元" in s.reply("五百万")
    assert "→ 三点五亿 = 35,000万元" in s.reply("三点五亿")  # R&D: more than revenue, so asked to confirm
    assert "好的，请重新回答：研发费用（2025年）（万元）？" in s.reply("否")
    assert "→ 八十五万 = 85万元" in s.reply("八十五万")
    assert s.saved(tmp_path / "n.yaml") == {"name": "某某公司", "financials.2025.revenue": Decimal(500),
                                            "financials.2025.rd_expense": Decimal(85)}


def test_traditional_wan_and_yi_after_digits_are_read_as_their_simplified_forms(tmp_path: Path) -> None:
    """0.8億 and 300萬 were refused (“应填金额”) while 0.8亿 and 300万 were read: both are now shown back
    and saved as the same figures in 万元."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "t.yaml"], tmp_path)
    s.answers("某某公司", "0.8億")
    assert "→ 0.8億 = 8,000万元" in (s.until_prompt() or "")
    assert "主营业务收入" in s.reply("300萬")  # taken: the next question is asked
    assert s.saved(tmp_path / "t.yaml") == {"name": "某某公司", "financials.2025.revenue": Decimal(8000),
                                            "financials.2025.rd_expense": Decimal(300)}


def test_an_answer_ending_in_a_full_stop_is_read_without_it(tmp_path: Path) -> None:
    """「8000万。」 and 「不知道。」, typed as sentences, were refused as no amount: the first is saved as 8000,
    the second recorded as don't know (never 0)."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "t.yaml"], tmp_path)
    s.answers("某某公司", "8000万。")
    assert "研发费用" in (s.until_prompt() or "")  # taken: the next question is asked
    assert "记为「不知道」" in s.reply("不知道。")
    assert s.saved(tmp_path / "t.yaml") == {"name": "某某公司", "financials.2025.revenue": Decimal(8000)}
    assert "rd_expense: null" in (tmp_path / "t.yaml").read_text(encoding="utf-8")


def test_w_for_wan_and_an_amount_closed_with_zheng_are_saved_in_wan(tmp_path: Path) -> None:
    """8000w (w for 万) and 300万元整 (as a cheque writes it) were refused as no amount: both are saved in 万元."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "t.yaml"], tmp_path)
    s.answers("某某公司", "8000w")
    assert "研发费用" in (s.until_prompt() or "")  # taken: the next question is asked
    assert "主营业务收入" in s.reply("300万元整")
    assert s.saved(tmp_path / "t.yaml") == {"name": "某某公司", "financials.2025.revenue": Decimal(8000),
                                            "financials.2025.rd_expense": Decimal(300)}


def test_dont_know_said_as_in_speech_is_recorded_as_dont_know_not_zero(tmp_path: Path) -> None:
    """不晓得 and 不记得 were refused as no amount: they are recorded as don't know (null), never 0."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "t.yaml"], tmp_path)
    s.answers("某某公司", "不晓得")
    assert "记为「不知道」" in (s.until_prompt() or "")
    assert "记为「不知道」" in s.reply("不记得")
    assert s.saved(tmp_path / "t.yaml") == {"name": "某某公司"}
    saved = (tmp_path / "t.yaml").read_text(encoding="utf-8")
    assert "revenue: null" in saved and "rd_expense: null" in saved


def test_a_control_character_typed_is_shown_escaped_never_sent_to_the_terminal(tmp_path: Path) -> None:
    """In a real terminal, an escape sequence typed into an answer (a stray key, a paste) was quoted back
    raw in the refusal and recoloured the screen (a bell rang for ^G); the name, too, when shown back.
    Both are now shown as escapes, and the answer asked again; a name with one is refused (no report,
    heading or file may carry it)."""
    child = spawn(tmp_path, ["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "t.yaml"])
    pty_prompt(child)
    child.sendline("甲\x1b[31m公司")
    refused = pty_prompt(child)
    assert "文字里有控制字符（U+001B），显示时会扰乱终端：请删去。请重新输入" in refused and "\x1b" not in refused
    child.sendline("甲公司")
    pty_prompt(child)
    child.sendline("5\x1b[31m\x07")
    refused = pty_prompt(child)
    assert "现在是“5\\x1b[31m\\x07”。请重新输入" in refused
    assert "\x1b" not in refused and "\x07" not in refused  # the terminal echoes them as ^[ and ^G, not raw
    child.sendline("<")
    back = pty_prompt(child)
    assert "刚才答的是：甲公司" in back and "\x1b" not in back
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_minus_zero_is_shown_back_and_saved_as_zero(tmp_path: Path) -> None:
    """-0 was saved as "revenue: -0" and shown back as -0万元, a loss of nothing: it is 0 everywhere."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "t.yaml"], tmp_path)
    s.answers("某某公司", "-0")
    assert "研发费用" in (s.until_prompt() or "")
    back = s.reply("<")
    assert "刚才答的是：0万元；" in back and "-0" not in back.replace("2025年", "")
    assert s.saved(tmp_path / "t.yaml") == {"name": "某某公司", "financials.2025.revenue": Decimal(0)}
    assert "revenue: 0\n" in (tmp_path / "t.yaml").read_text(encoding="utf-8")


def test_resuming_on_a_hand_edited_file_keeps_a_copy_of_it_first(tmp_path: Path) -> None:
    """Resuming on a consultant's profile rewrote it at once, deleting their comments with no copy: the
    file as it was is now copied beside it, said once, before the first save (not before: a sitting
    stopped at once leaves no copy); the tool's own file (saved again on another day) is resumed
    without a copy."""
    save = tmp_path / "客户.yaml"
    edited = ("# 顾问备注：数据来自2025年审计报告，张会计提供\nname: 甲公司\nemployees: 300   # 社保人数\n"
              "financials:\n  2025: {revenue: 5000}\n")
    save.write_text(edited, encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-11-20", "--lang", "zh", "--save", "客户.yaml"], tmp_path)
    s.answers("r")
    assert s.until_prompt() is not None
    assert list(tmp_path.glob("客户.backup-*.yaml")) == []  # nothing saved over yet: nothing copied
    s.send("1,200")  # the next question's answer
    assert s.until_prompt() is not None
    (backup,) = tmp_path.glob("客户.backup-*.yaml")
    said = "".join(s.transcript.split())
    assert f"客户.yaml里有保存时不会保留的内容（如注释、手工调整的排列），原文件已另存到{backup.name}。" in said
    saved = s.saved(save)
    assert {p: saved.pop(p) for p in ("name", "employees", "financials.2025.revenue")} == {
        "name": "甲公司", "employees": Decimal(300), "financials.2025.revenue": Decimal(5000)}
    assert list(saved.values()) == [Decimal(1200)]
    assert backup.read_text(encoding="utf-8") == edited and "顾问备注" not in save.read_text(encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "客户.yaml"], tmp_path)
    s.answers("r")
    assert s.until_prompt() is not None
    s.finish()
    assert list(tmp_path.glob("客户.backup-*.yaml")) == [backup] and "原文件已另存" not in s.transcript


def test_resuming_on_a_filled_in_template_asks_its_blanks(tmp_path: Path) -> None:
    """A template from ``init`` filled in by hand, its unknowns left blank, then --save to it: every
    blank counted as answered "don't know", so the interview went straight to the summary and asked
    nothing. In a file the interview did not write, a blank is a question still open: it is asked
    (the file copied first, its comments kept in the copy); the interview's own nulls stay answers."""
    save = tmp_path / "模板.yaml"
    subprocess.run([sys.executable, "-m", "littlegiant", "init", str(save), "--lang", "zh"], check=True,
                   capture_output=True)
    template = save.read_text(encoding="utf-8")
    filled = re.sub(r"^name:.*$", "name: 甲公司", template, count=1, flags=re.M)
    filled = re.sub(r"^employees:.*$", "employees: 260", filled, count=1, flags=re.M)
    save.write_text(filled, encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "模板.yaml"], tmp_path)
    found = s.until_prompt() or ""
    assert "的2个回答" in "".join(found.split())  # the name and the staff count, not every blank line
    s.send("r")
    question = s.until_prompt() or ""
    assert not any(x in question for x in SUMMARY) and "营业收入（2025年）（万元）？" in question  # a blank, asked
    s.send("")  # don't know: now an answer of this interview's file, the file copied before it is saved
    assert s.until_prompt() is not None
    (backup,) = tmp_path.glob("模板.backup-*.yaml")
    assert backup.read_text(encoding="utf-8") == filled
    s.finish()
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "模板.yaml"], tmp_path)
    found = s.until_prompt() or ""
    assert "的3个回答" in "".join(found.split())
    s.send("r")
    question = s.until_prompt() or ""
    assert "营业收入（2025年）（万元）？" not in question and not any(x in question for x in SUMMARY)
    s.finish()


def test_an_industry_named_as_statistics_name_it_is_said_back_as_the_choice(tmp_path: Path) -> None:
    """Amounts are said back as read (0.8亿 = 8,000万元); an industry typed as the park's list names it
    (通用设备制造业) was taken as 工业 without a word. It is said back too; the label itself is not."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "i.yaml"], tmp_path)
    prompt = s.until_prompt() or ""
    for _ in range(10):  # the industry comes after the first figures
        if "其他未列明行业" in prompt:
            break
        s.send("")
        prompt = s.until_prompt() or ""
    assert "其他未列明行业" in prompt
    s.send("通用设备制造业")
    s.until_prompt()
    assert "→ 通用设备制造业 = 工业" in s.transcript
    s.finish()
    assert "industry: industrial" in (tmp_path / "i.yaml").read_text(encoding="utf-8")


def test_one_answer_is_counted_in_the_singular_in_english(tmp_path: Path) -> None:
    """"1 answers" read as careless English: one saved answer is "1 answer" when the interview stops,
    when it is found again, and when it is copied to a backup on starting over."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "one.yaml"], tmp_path)
    s.answers("Acme Ltd")
    assert s.until_prompt() is not None
    s.finish()
    assert "interrupted: 1 answer saved to one.yaml" in s.transcript
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "one.yaml"], tmp_path)
    found = s.until_prompt() or ""
    assert "one.yaml holds 1 saved answer for Acme Ltd." in found
    s.send("o")
    assert s.until_prompt() is not None
    s.finish()
    assert "1 old answer copied to one.backup-" in s.transcript
    assert not re.search(r"\b1 (answers|saved answers|old answers)\b", s.transcript)


def _without_revenue(tmp_path: Path) -> Path:
    """A saved interview of the 2026 example with its 2025 revenue still to answer (main revenue 5,000)."""
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    save = tmp_path / "iv.yaml"
    save.write_text(text.replace("2025: {revenue: 12000, main_revenue: 11000,", "2025: {main_revenue: 5000,"),
                    encoding="utf-8")
    return save


@pytest.mark.parametrize(("said", "close"), [("约5100万", True), ("5100万左右", True), ("差不多5100万", True),
                                             ("约5300万", False), ("将近5300万", False), ("5100", False)])
def test_an_approximate_answer_that_decides_a_threshold_is_said_to_need_the_exact_figure(
        tmp_path: Path, said: str, close: bool) -> None:
    """约5100万 against 小巨人's 不低于5000万元 (within 5%) was read as 5,100 without a word: the read-back
    and the report now say the verdict rests on an approximate figure; 约5300万 (6% off) or an exact
    5100 says nothing of it. The answer is saved as approximate, so the report and a resumed interview know."""
    save = _without_revenue(tmp_path)
    session = Session(["assess", "--save", str(save), "--lang", "zh", "--as-of", "2026-12-01"], cwd=tmp_path)
    assert session.until_prompt() is not None
    assert "营业收入（2025年）" in session.reply("r")
    shown = re.sub(r"\s+", "", session.reply(said))
    warning = "「营业收入（2025年）」填的是约数（约5,100万元），与「上年度营业收入不低于5000万元」的门槛5,000万元相差不到5%"
    assert (warning in shown) is close, shown
    about = said != "5100"
    value = "5,300" if "5300" in said else "5,100"
    assert f"营业收入（2025年）：{'约' if about else ''}{value}万元" in shown  # the read-back of every answer
    code, out = session.finish()
    assert code == 0, session.transcript
    assert (warning + "：这一项的结论取决于这个约数，请核对准确数字" in re.sub(r"\s+", "", out)) is close
    assert f"revenue: {'约' if about else ''}{value.replace(',', '')}\n" in save.read_text(encoding="utf-8")


def test_an_approximate_answer_is_offered_for_change_and_kept_as_it_was_said(tmp_path: Path) -> None:
    """约5000万 was offered for change as "现在是：5,000万元", a rough figure passed for an exact one; and
    kept with Enter after "<" it lost its 约 and was saved as exact. The change prompt, the "<" prompt and
    the kept answer now show 约5,000万元, and the file still holds 约5000."""
    save = _without_revenue(tmp_path)
    session = Session(["assess", "--save", str(save), "--lang", "zh", "--as-of", "2026-12-01"], cwd=tmp_path)
    assert session.until_prompt() is not None
    assert "营业收入（2025年）" in session.reply("r")
    summary = session.reply("约5000万")
    number = re.search(r"(\d+)\. 营业收入（2025年）：约5,000万元", summary)
    assert number is not None, summary
    asked = session.reply(number.group(1))
    assert "修改这一项（现在是：约5,000万元；直接回车保留不变）" in asked, asked
    assert "→ 保留原来的回答：约5,000万元" in session.reply("")
    asked = session.reply("<")
    assert "回到上一题（刚才答的是：约5,000万元" in asked, asked
    summary = session.reply("")
    assert "→ 保留原来的回答：约5,000万元" in summary and "营业收入（2025年）：约5,000万元" in summary, summary
    code, _ = session.finish()
    assert code == 0, session.transcript
    assert "revenue: 约5000\n" in save.read_text(encoding="utf-8")


def test_stopping_before_the_changed_question_is_asked_again_keeps_whose_question_it_answered(tmp_path: Path) -> None:
    """Resumed under 2026 on answers saved under miit-2022 and stopped before the incident question
    came round again: the file said answered_under: miit-2026 while holding the 2022 answer, so the
    report no longer warned and the next resume did not ask it. It says miit-2022 until asked."""
    save = tmp_path / "iv.yaml"
    save.write_text("answered_under: miit-2022\n" + (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    session = Session(["assess", "--save", str(save), "--lang", "zh", "--as-of", "2026-12-01"], cwd=tmp_path)
    assert session.until_prompt() is not None
    assert "稍后会再问一次" in re.sub(r"\s+", "", session.reply("r"))
    code, _ = session.finish()  # stopped at the question, unanswered
    assert code == 130
    saved = save.read_text(encoding="utf-8")
    assert "answered_under: miit-2022\n" in saved and "major_incident: false" in saved
    again = Session(["assess", "--save", str(save), "--lang", "zh", "--as-of", "2026-12-01"], cwd=tmp_path)
    assert again.until_prompt() is not None
    assert "稍后会再问一次" in re.sub(r"\s+", "", again.reply("r"))  # still asked
    again.finish()


def test_an_interview_resumed_under_the_2026_rules_asks_the_2022_incident_question_again(tmp_path: Path) -> None:
    """Answers saved under miit-2022 (the file says answered_under: miit-2022) and resumed after
    2026-04-01: the incident question, which 2026 asks about other events, is asked again in the 2026
    words, saying why, and Enter keeps the answer; the file then says it answers miit-2026's questions,
    and the report has nothing left to warn of. The others are kept as answered."""
    save = tmp_path / "iv.yaml"
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    save.write_text("answered_under: miit-2022\n" + text, encoding="utf-8")
    session = Session(["assess", "--save", str(save), "--lang", "zh", "--as-of", "2026-12-01"], cwd=tmp_path)
    assert session.until_prompt() is not None
    asked = re.sub(r"\s+", "", session.reply("r"))
    assert "《优质中小企业梯度培育管理暂行办法（2022）》的问题回答的，现在问的是另一回事，稍后会再问一次" in asked, asked
    assert "修改这一项（现在是：否；直接回车保留不变）" in asked and "严重违反相关行业管理规定" in asked, asked
    assert "营业收入" not in asked.split("稍后会再问一次")[1]  # only the changed question is asked again
    assert SUMMARY[1] in session.reply("")
    code, out = session.finish()
    assert code == 0, session.transcript
    saved = save.read_text(encoding="utf-8")
    assert "answered_under: miit-2026\n" in saved and "major_incident: false" in saved
    assert "2022）》的问题" not in re.sub(r"\s+", "", out)


def test_a_share_answered_with_its_percent_sign_is_not_asked_about_as_a_fraction(tmp_path: Path) -> None:
    """0.5% typed for 国内细分市场占有率 was met with "if a fraction was meant (0.5 for 50%), enter 50",
    and the report warned of it again. With its % sign the answer is taken as typed, saved as 0.5%,
    and the report says nothing of a fraction, after a resume too; a bare 0.5 is still asked about."""
    data = {k: v for k, v in profile.read_data_file(EXAMPLES / "little-giant-2026.yaml").items()}
    data["market"] = {k: v for k, v in data["market"].items() if k not in ("domestic_share", "domestic_rank")}
    save = tmp_path / "p.yaml"
    save.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["assess", "--save", "p.yaml", "--as-of", "2026-11-26", "--lang", "zh"]
    bare = Session(args, tmp_path)
    bare.answers("r")
    assert "主导产品国内细分市场占有率" in (bare.until_prompt() or "")
    assert "如果想填的是小数（0.5 即 50%），请改填 50" in bare.reply("0.5")
    bare.finish()
    s = Session(args, tmp_path)
    s.answers("r")
    assert "主导产品国内细分市场占有率" in (s.until_prompt() or "")
    after = s.reply("0.5%")
    assert "小数" not in after and "[是/否]" not in after and "第 66 题" in after, after
    assert s.saved(save)["market.domestic_share"] == Decimal("0.5")
    assert "  domestic_share: 0.5%\n" in save.read_text(encoding="utf-8")
    again = Session(args, tmp_path)
    while (prompt := again.until_prompt()) is not None:
        again.send("r" if "[R/o]" in prompt else "")
    code, out = again.finish()
    assert code == 0 and "另存到" not in again.transcript and "小数" not in out, again.transcript
    assert "主导产品国内细分市场占有率：0.5%" in again.transcript  # the summary, as it was typed
    assert [w["kind"] for w in assess_json(save, "--as-of", "2026-11-26")["warnings"]] == []


@pytest.mark.parametrize(("bounds", "shown", "refused"), [
    ("", "(0–100)", ("150", "应填 0 到 100 之间的百分数，现在是 150")),  # the type's range, which no min or max states
    ("min: 5, ", "(5–100)", ("3", "不能小于 5，现在是 3")),  # its own floor, and the type's ceiling (read "5–…")
])
def test_a_share_a_rule_file_bounds_by_its_type_alone_is_asked_with_the_range_its_answer_is_checked_against(
        tmp_path: Path, bounds: str, shown: str, refused: tuple[str, str]) -> None:
    """A local rule file that defines 国内细分市场占有率 as a percentage, leaving 0–100 to the type: the
    question showed no range (or "5–…" beside a min of 5) while an answer outside 0–100 was refused.
    It shows the range the answer is checked against, and the refusal names it in the same figures."""
    (tmp_path / "local.yaml").write_text(
        "format: 1\nid: shares-local\nextends: miit-2026\ntitle: {zh: 本地规则, en: Local rules}\nfields:\n"
        f"  domestic_share: {{path: market.domestic_share, type: percent, {bounds}unit: '%', zh: 主导产品国内细分市场占有率,"
        " en: Domestic niche-market share, help: {zh: 主导产品在国内细分市场的占有率（%）。, en: The share (%).}}\n",
        encoding="utf-8")
    data = profile.read_data_file(EXAMPLES / "little-giant-2026.yaml")
    data["market"] = {k: v for k, v in data["market"].items() if k not in ("domestic_share", "domestic_rank")}
    (tmp_path / "p.yaml").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    s = Session(["assess", "--rules", "local.yaml", "--save", "p.yaml", "--as-of", "2026-11-26", "--lang", "zh"],
                tmp_path)
    s.answers("r")
    prompt = s.until_prompt() or ""
    assert "主导产品国内细分市场占有率" in prompt and prompt.endswith(f"  {shown}\n> "), prompt
    assert refused[1] in s.reply(refused[0])
    s.finish()


def test_answers_given_under_the_2022_rules_keep_their_date_and_say_when_another_set_judges_them(
        tmp_path: Path) -> None:
    """Answers given --as-of 2026-03-01 (miit-2022): the file's comment said ``littlegiant assess old.yaml``,
    which judged them by miit-2026 without a word, and resuming without --as-of did so too, calling the
    tool's own file edited by hand and copying it. The comment now carries the date; assessed or resumed
    under the other set, the answers say so in one line; the untouched file is resumed without a copy."""
    save = tmp_path / "old.yaml"
    s = Session(["assess", "--save", "old.yaml", "--as-of", "2026-03-01", "--lang", "zh"], tmp_path)
    s.answers("旧规则公司", "1200")
    assert s.until_prompt() is not None
    s.finish()
    text = save.read_text(encoding="utf-8")
    assert text.splitlines()[1] == "# null 表示“不知道”。再次评估：littlegiant assess old.yaml --as-of 2026-03-01 --lang zh"
    assert "answered_under: miit-2022\n" in text
    command = text.splitlines()[1].split("再次评估：littlegiant ")[1].split()
    followed = subprocess.run([sys.executable, "-m", "littlegiant", *command, "--format", "json"], cwd=tmp_path,
                              capture_output=True, text=True, env=ENV, check=False)
    doc = json.loads(followed.stdout)
    assert doc["rules"]["id"] == "miit-2022" and doc["warnings"] == []
    later = assess_json(save, "--as-of", "2026-12-02", "--lang", "zh")
    assert later["rules"]["id"] == "miit-2026"
    (said,) = [w["message"] for w in later["warnings"] if w["kind"] == "answered_under"]
    assert said == ("这些回答是按《优质中小企业梯度培育管理暂行办法（2022）》的问题填写的，本次按评估日期 2026-12-02 "
                    "适用的《优质中小企业梯度培育管理办法（2026）》评估")
    before = save.read_bytes()
    resumed = Session(["assess", "--save", "old.yaml", "--as-of", "2026-12-02", "--lang", "zh"], tmp_path)
    assert resumed.until_prompt() is not None
    shown = re.sub(r"\s+", "", resumed.reply("r"))
    assert ("这些回答是按《优质中小企业梯度培育管理暂行办法（2022）》的问题填写的，这次按评估日期2026-12-02适用的"
            "《优质中小企业梯度培育管理办法（2026）》继续；要按原来的规则继续，请中断后加上--rulesmiit-2022重新运行。"
            in shown), shown
    assert "保存时不会保留" not in shown
    resumed.finish()
    assert list(tmp_path.glob("old.backup-*.yaml")) == []
    # stopped before any answer: the file is as it was, still saying its answers are 2022's (rewritten at
    # once, it named the 2026 set, and resuming under the 2022 rules then gave the reverse notice)
    assert save.read_bytes() == before
    back = Session(["assess", "--save", "old.yaml", "--as-of", "2026-03-01", "--lang", "zh"], tmp_path)
    assert back.until_prompt() is not None
    assert "这些回答是按" not in re.sub(r"\s+", "", back.reply("r"))
    back.finish()


@pytest.mark.parametrize("word", ["退出", "q", " Quit ", "EXIT"])
def test_a_quit_word_stops_the_interview_as_ctrl_d_does(tmp_path: Path, word: str) -> None:
    """退出 at an amount was told an amount was expected, and at the name question it was saved as the
    company's name: each quit word, alone, stops where it is typed, keeping the answers and saying how
    to resume (the opening help says it can be typed). A name merely holding one is a name."""
    save = tmp_path / "q.yaml"
    s = Session(["assess", "--save", "q.yaml", "--as-of", "2026-11-26", "--lang", "zh"], tmp_path)
    opening = s.until_prompt()
    assert opening is not None and "输入「退出」或按 Ctrl-C 可随时中断" in opening
    s.send(word)
    code, out = s.finish()
    assert code == 130 and out == "" and not save.exists(), s.transcript
    assert "已中断：尚未回答任何问题，未保存文件。" in s.transcript

    s = Session(["assess", "--save", "q.yaml", "--as-of", "2026-11-26", "--lang", "zh"], tmp_path)
    s.answers("退出有限公司", "12000")
    assert s.until_prompt() is not None
    s.send(word)
    code, out = s.finish()
    assert code == 130 and out == "", s.transcript
    assert "应填" not in s.transcript and "已中断：2 个回答已保存到 q.yaml。继续请运行：" in s.transcript
    assert "littlegiant assess --save q.yaml --as-of 2026-11-26 --lang zh" in s.transcript
    saved = profile.load_profile(save, rules.load("miit-2026")).values
    assert saved == {"name": "退出有限公司", "financials.2025.revenue": Decimal(12000)}

    s = Session(["assess", "--save", "q.yaml", "--as-of", "2026-11-26", "--lang", "zh"], tmp_path)
    assert s.until_prompt() is not None  # resume or start over?
    s.send(word)
    code, _ = s.finish()
    assert code == 130 and "中保存的回答保持不变" in s.transcript
    assert profile.load_profile(save, rules.load("miit-2026")).values == saved


def test_quit_at_a_choice_in_an_80_column_terminal_stops_and_the_summary_quits_too(tmp_path: Path) -> None:
    """In a real terminal 80 columns wide: quit at a numbered choice stops with the resume command on a
    line of its own; 退出 at the summary before the report stops too, rather than making the report."""
    args = ["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "c.yaml"]
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", *args], cwd=str(tmp_path),
                          env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30, dimensions=(50, 80))
    pty_prompt(child)
    child.sendline("选择题公司")
    while "1) " not in (text := pty_prompt(child)):  # don't know, up to the first numbered choice
        assert "直接回车生成报告" not in text
        child.sendline("")
    child.sendline("quit")
    child.expect_exact("已中断：")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "littlegiant assess --save c.yaml --as-of 2026-11-26 --lang zh" in str(child.before).splitlines()[1:]
    assert "应填" not in str(child.before)

    s = Session(args, tmp_path)
    s.answers("r")
    while SUMMARY[1] not in (s.until_prompt() or SUMMARY[1]):
        s.send("")
    s.send("退出")
    code, out = s.finish()
    assert code == 130 and out == "", s.transcript
    assert "已中断：" in s.transcript.split(SUMMARY[1])[1]


def test_resuming_answers_that_name_a_rule_set_this_tool_lacks_says_so(tmp_path: Path) -> None:
    """answered_under: miit-2025 (a typo, or a set this tool lacks) was resumed without a word and saved
    under the judging set's id at the next answer: the resume says which set the answers name, that it
    cannot be checked, and under which set the sitting goes on."""
    save = tmp_path / "iv.yaml"
    save.write_text("answered_under: miit-2025\n" + (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    session = Session(["assess", "--save", str(save), "--lang", "zh", "--as-of", "2026-12-01"], cwd=tmp_path)
    assert session.until_prompt() is not None
    shown = re.sub(r"\s+", "", session.reply("r"))
    assert ("这些回答注明是按“miit-2025”的问题填写的，本工具没有收录这个规则版本，无法核对有没有问法不同的问题；"
            "这次按《优质中小企业梯度培育管理办法（2026）》继续，之后保存时会注明按它填写。") in shown, shown
    session.finish()


def test_going_back_from_the_first_question_after_resuming_says_where_earlier_answers_change(tmp_path: Path) -> None:
    """``<`` at the first question of a resumed sitting: the earlier answers are not lost to the user, the
    message says they are changed by number in the list at the end (QA: 无法再往回 alone read as a dead end);
    a fresh sitting's first question says only that there is nothing before it."""
    args = ["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "甲.yaml"]
    s = Session(args, tmp_path)
    assert "第 1 题" in (s.until_prompt() or "")
    said = s.reply("<")
    assert "这已是本次的第一题，无法再往回。" in said and "核对列表" not in said
    s.send("甲精密制造有限公司")
    assert s.until_prompt() is not None
    s.finish()
    s = Session(args, tmp_path)
    assert s.until_prompt() is not None
    assert s.reply("r") and "上次答过的题，答完后可在核对列表中按编号修改" in s.reply("<")
    s.finish()


@pytest.mark.parametrize(("lang", "typed", "said"), [
    ("zh", "4.5%", "✗ 这里要填金额，不是比例：4.5%按营业收入（2025年）12,000万元计为540万元。请重新输入"),
    ("zh", "百分之四点五", "✗ 这里要填金额，不是比例：4.5%按营业收入（2025年）12,000万元计为540万元。请重新输入"),
    ("zh", "约4.5%", "✗ 这里要填金额，不是比例：4.5%按营业收入（2025年）12,000万元计为540万元。请重新输入"),
    ("en", "4.5 ％", "✗ An amount is asked here, not a share: 4.5% of Operating revenue 2025, 12,000 (10k CNY), "
                    "is 540 (10k CNY). Please answer again"),
])
def test_a_share_typed_for_an_amount_is_refused_with_the_amount_it_comes_to(tmp_path: Path, lang: str, typed: str,
                                                                             said: str) -> None:
    """A finance manager who knows R&D as 4.5% of revenue types that for the R&D expense: it is refused
    (a share is not an amount) and the amount it comes to on this year's revenue is said, for them to
    type; the amount typed then is what is saved, nothing was guessed."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", lang, "--save", "p.yaml"], tmp_path)
    s.answers("某某公司")
    prompt = s.until_prompt()
    assert prompt is not None and ("营业收入（2025年）" in prompt or "Operating revenue 2025" in prompt)
    s.send("12000")
    for _ in range(20):
        prompt = s.until_prompt()
        assert prompt is not None
        if "研发费用（2025年）" in prompt or "R&D expense 2025" in prompt:
            break
        s.send("")
    else:
        pytest.fail(f"the R&D expense was never asked:\n{s.transcript}")
    s.send(typed)
    retry = s.until_prompt()
    assert retry is not None and " ".join(retry.split()).startswith(" ".join(said.split())), retry
    s.send("540")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130
    saved = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert "rd_expense: 540\n" in saved and "4.5" not in saved


def test_a_debt_ratio_typed_for_total_liabilities_is_said_as_its_amount_on_the_years_total_assets(
        tmp_path: Path) -> None:
    """A user pass typed 资产负债率45% for 负债总额 with 资产总额 9,000 answered just before, and was told only
    to work the amount out, while 约6% for 净利润 was said as its amount on the revenue. The ratio named
    is taken of that year-end's total assets, said as the amount it comes to; the amount typed is saved."""
    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "d.yaml"], tmp_path)
    given = {"企业名称": "苏州精工精密部件有限公司", "营业收入（2025年）": "8000", "资产总额（2025年末）": "9000"}
    for _ in range(40):
        prompt = s.until_prompt()
        assert prompt is not None
        if "负债总额（2025年末）" in prompt:
            break
        s.send(next((text for label, text in given.items() if label in prompt), ""))
    else:
        pytest.fail(f"the total liabilities were never asked:\n{s.transcript}")
    retry = s.reply("资产负债率45%")
    said = "✗ 这里要填金额，不是比例：45%按资产总额（2025年末）9,000万元计为4,050万元。请重新输入"
    assert " ".join(retry.split()).startswith(" ".join(said.split())), retry
    s.send("4050")
    assert s.until_prompt() is not None
    assert s.saved(tmp_path / "d.yaml")["financials.2025.total_liabilities"] == Decimal(4050)


ANSWERED_BASES = {"financials.2025.revenue": Decimal(8000), "financials.2025.total_costs": Decimal(7000),
                  "financials.2025.total_assets": Decimal(9000), "financials.2024.total_assets": Decimal(8500)}
SHARE = "这里要填金额，不是比例："
OF_ASSETS = SHARE + "45%按资产总额（2025年末）9,000万元计为4,050万元"
NO_AMOUNT = "这里要填金额，不是比例；请换算成金额后填写"


@pytest.mark.parametrize(("path", "typed", "said", "known"), [
    ("financials.2025.total_liabilities", "资产负债率45%", OF_ASSETS, ANSWERED_BASES),
    ("financials.2025.total_liabilities", "资产负债率为约45%", OF_ASSETS, ANSWERED_BASES),
    ("financials.2025.total_liabilities", "负债率：百分之四十五", OF_ASSETS, ANSWERED_BASES),
    ("financials.2025.total_liabilities", "2025年末资产负债率45%", OF_ASSETS, ANSWERED_BASES),
    # the year-end assets of that year only: 2024's, or none, leave the amount to the user
    ("financials.2025.total_liabilities", "资产负债率45%", NO_AMOUNT, {"financials.2024.total_assets": Decimal(8500)}),
    ("financials.2025.total_liabilities", "2024年末资产负债率45%", NO_AMOUNT, ANSWERED_BASES),
    ("financials.2025.net_profit", "净利率约6%", SHARE + "6%按营业收入（2025年）8,000万元计为480万元", ANSWERED_BASES),
    ("financials.2025.net_profit", "净利率差不多6%", SHARE + "6%按营业收入（2025年）8,000万元计为480万元", ANSWERED_BASES),
    ("financials.2025.net_profit", "净利率近6%", SHARE + "6%按营业收入（2025年）8,000万元计为480万元", ANSWERED_BASES),
    ("financials.2025.net_profit", "占营业收入的6%", SHARE + "6%按营业收入（2025年）8,000万元计为480万元", ANSWERED_BASES),
    # named of one base of two, it is taken of that one; the rules' other base is not offered
    ("financials.2025.rd_expense", "研发费用占营业收入的比例4.5%", SHARE + "4.5%按营业收入（2025年）8,000万元计为360万元。", ANSWERED_BASES),
    ("financials.2025.rd_expense", "研发费用占比4.5%",
     SHARE + "4.5%按营业收入（2025年）8,000万元计为360万元，按成本费用支出总额（2025年）7,000万元计为315万元", ANSWERED_BASES),
    # the share of something else: no amount of this one
    ("financials.2025.net_profit", "资产负债率45%", NO_AMOUNT, ANSWERED_BASES),
    ("financials.2025.net_profit", "毛利率30%", NO_AMOUNT, ANSWERED_BASES),
    ("financials.2025.rd_expense", "研发人员占比20%", NO_AMOUNT, ANSWERED_BASES),
    ("financials.2025.main_revenue", "主营业务收入增长率10%", NO_AMOUNT, ANSWERED_BASES),
    ("financials.2025.total_assets", "资产负债率45%", NO_AMOUNT, ANSWERED_BASES),
], ids=["debt-ratio", "with-joins-and-about", "short-name-in-words", "of-the-year", "assets-of-another-year-only",
        "ratio-of-another-year", "net-margin-short", "net-margin-hedged", "net-margin-near", "of-revenue", "rd-of-revenue-named", "rd-both-bases",
        "debt-ratio-for-net-profit", "gross-margin", "rd-staff-share", "growth-rate", "debt-ratio-for-assets"])
def test_a_share_typed_with_its_name_is_taken_of_the_bases_the_name_means(
        path: str, typed: str, said: str, known: dict[str, Decimal]) -> None:
    """A share typed with its name before the figure (资产负债率45%, 净利率约6%) is refused as an amount and
    said as the amount it comes to on the year's bases that name can mean, as a bare 45% is; a name of
    another share (资产负债率 for 净利润, 毛利率, a growth rate) or a base not answered for that year
    comes to no amount. Nothing is saved but the amount typed next."""
    import io

    from littlegiant.cli.interactive import Asker, Terminal

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 12, 4))
    for p, v in known.items():
        iv.record(p, v)
    out = io.StringIO()
    # 100 is under a tenth of revenue (main business) or 2% of it (assets): confirmed when that is asked
    asker = Asker(iv, Terminal(io.StringIO(f"{typed}\n100\n是\n"), out), "zh")
    f = profile.field_for_path(rs, path)
    assert asker.ask(Question(path, f, 2025), "第 9 题") is None
    assert f"✗ {said}" in out.getvalue() and out.getvalue().count("✗") == 1, out.getvalue()
    assert iv.values[path] == Decimal(100)


@pytest.mark.parametrize("typed", ["百分之十几", "百分之五以上", "百分之几", "百分之5e三", "百分之一千二万",
                                   "0.00001%", "1e40%", "-5%"])  # no amount offered: it would round to 0 (none), or make no sense
def test_a_share_spelled_as_a_range_or_unclearly_is_refused_as_a_share_not_a_crash(typed: str) -> None:
    """百分之十几 typed for R&D expense is a share with no one figure: the interview says an amount is
    asked and waits for one, rather than ending on an internal error; the amount typed next is kept."""
    import io

    from littlegiant.cli.interactive import Asker, Terminal

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    iv.record("financials.2025.revenue", Decimal(12000))
    out = io.StringIO()
    asker = Asker(iv, Terminal(io.StringIO(f"{typed}\n540\n"), out), "zh")
    rd = profile.field_for_path(rs, "financials.2025.rd_expense")
    assert asker.ask(Question("financials.2025.rd_expense", rd, 2025), "第 3 题") is None
    assert "✗ 这里要填金额，不是比例；请换算成金额后填写。请重新输入" in out.getvalue(), out.getvalue()
    assert iv.values["financials.2025.rd_expense"] == Decimal(540)


def test_equal_answers_resumed_are_saved_as_plain_values_and_the_file_is_not_taken_for_a_hand_edit(
        tmp_path: Path) -> None:
    """A file read back holds equal small numbers as one shared Decimal (profile._SMALL): 5 employees
    and 5 科技人员, 0 equity financing three years running. Saved again, YAML wrote the second as an
    alias of the first (``employees: &id001 5``, ``tech_staff: *id001``), which a finance manager opening
    the file cannot read, and resuming the tool's own untouched file called it edited by hand and left
    a backup copy at every sitting."""
    save = tmp_path / "same.yaml"
    s = Session(["assess", "--save", "same.yaml", "--as-of", "2026-11-26", "--lang", "zh",
                 "--set", "employees=5", "--set", "tech_staff=5"], tmp_path)
    s.answers("同数公司")
    assert s.until_prompt() is not None
    assert s.finish()[0] == 130
    before = save.read_text(encoding="utf-8")
    assert "employees: 5\n" in before and "tech_staff: 5\n" in before
    resumed = Session(["assess", "--save", "same.yaml", "--as-of", "2026-11-26", "--lang", "zh"], tmp_path)
    assert resumed.until_prompt() is not None
    resumed.reply("r")
    resumed.reply("1200")  # an answer, saved with the resumed ones
    resumed.finish()
    assert "保存时不会保留" not in re.sub(r"\s+", "", resumed.transcript), resumed.transcript
    after = save.read_text(encoding="utf-8")
    assert "employees: 5\n" in after and "tech_staff: 5\n" in after and "&" not in after and "*" not in after, after
    assert list(tmp_path.glob("same.backup-*.yaml")) == []


def test_prompts_fit_the_terminal_they_are_shown_in_when_the_report_goes_to_a_file(tmp_path: Path) -> None:
    """``littlegiant assess --format json > out.json``: the questions are on the terminal (stderr), the
    report in a file. The width was taken from stdout, a file, so the prompts were wrapped for 80
    columns whatever the terminal: in one 60 wide each long line ran over and the terminal cut it
    anywhere, a line starting with "；" or a word split as 说 / 明."""
    from rich.cells import cell_len

    env = {k: v for k, v in ENV.items() if k not in ("COLUMNS", "LINES")}
    command = shlex.join([sys.executable, "-m", "littlegiant", "assess", "--as-of", "2026-11-26", "--lang", "zh",
                          "--save", "w.yaml", "--format", "json"]) + " > out.json"
    child = pexpect.spawn("/bin/sh", ["-c", command], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30,
                          dimensions=(50, 60))
    shown = pty_prompt(child)
    child.sendline("宽度公司")
    shown += pty_prompt(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    lines = shown.replace("\r", "").split("\n")
    assert "不知道就直接回车（或输入「不知道」）；输入 ? 看这道题的说明；输入 < 回到上一题。" not in lines
    assert max(cell_len(line) for line in lines) <= 60, "\n".join(lines)


def test_a_terminal_gone_mid_question_stops_the_interview_as_ctrl_d_does(tmp_path: Path) -> None:
    """A closed window or a dropped ssh session: reading the answer fails (EIO) before or without the
    SIGHUP, and writing the stop message fails too. That error was taken for a failure to save, exit 2
    with "出错：x.yaml：Input/output error", where the answers are saved and the interview stopped
    as a closed terminal stops it (exit 130)."""
    import errno
    import io

    from littlegiant.cli.interactive import Interrupted, Terminal, run

    class Gone(io.StringIO):
        """Two answers typed, then the terminal is gone: reads and writes fail."""

        def __init__(self) -> None:
            super().__init__("断线公司\n8000\n")
            self.gone = False

        def readline(self, size: int | None = -1) -> str:
            line = super().readline()
            if not line:
                self.gone = True
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return line

    stdin = Gone()

    class Screen(io.StringIO):
        def write(self, text: str) -> int:
            if stdin.gone:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return super().write(text)

    save = tmp_path / "x.yaml"
    with pytest.raises(Interrupted):
        run(Interview(rules.load("miit-2026"), date(2026, 11, 26)), Terminal(stdin, Screen()), save, "zh",
            "littlegiant assess --save x.yaml")
    values = profile.load_profile(save, rules.load("miit-2026")).values
    assert values["name"] == "断线公司" and values["financials.2025.revenue"] == Decimal(8000)
    assert not (tmp_path / ".x.yaml.lock").exists()


def test_a_part_over_an_earlier_whole_says_how_to_mend_the_whole() -> None:
    """营业收入 typed 800 for 8,000, then 主营业务收入 7,500 is refused: the figure at fault may be the
    earlier one, and the refusal said only 请重新输入, leaving the user to retype 7,500 in a loop or
    invent a smaller figure. It says how to get to the earlier answer, as a whole typed under its
    part already did; Enter then leaves this one unknown."""
    import io

    from littlegiant.cli.interactive import Asker, Terminal

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    iv.record("financials.2025.revenue", Decimal(800))
    out = io.StringIO()
    asker = Asker(iv, Terminal(io.StringIO("7500\n\n"), out), "zh")
    main = profile.field_for_path(rs, "financials.2025.main_revenue")
    assert asker.ask(Question("financials.2025.main_revenue", main, 2025), "第 3 题") is None
    said = out.getvalue()
    assert "多于「营业收入（2025年）」800万元" in said, said
    assert "若是之前那一项填错了，可先回车跳过本题，最后在汇总里修改。请重新输入。" in said, said
    assert "financials.2025.main_revenue" in iv.unknown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_line_of_a_question_fits_a_narrow_terminal(lang: str) -> None:
    """In a terminal 60 columns wide (a split pane, a phone's ssh client) the heading and help were
    wrapped but the hint under them was not: "in 万元 (10k CNY); 80 million, 3,200,000 CNY, 500万 or
    0.8亿 work too" is 71 columns, and the terminal cut it where it ran out."""
    import io

    from rich.cells import cell_len

    from littlegiant.cli.interactive import Asker, Terminal

    rs = rules.load("miit-2026")
    asker = Asker(Interview(rs, date(2026, 11, 26)), Terminal(io.StringIO(), io.StringIO()), lang)
    asker.width = 60
    for path in ("financials.2025.revenue", "industry", "rd_institution", "compliance.major_incident"):
        f = profile.field_for_path(rs, path)
        shown = asker.describe(Question(path, f, profile.year_in_path(f, path)))
        assert max(cell_len(line) for line in shown.split("\n")) <= 60, shown


def test_the_resume_question_says_enter_resumes(tmp_path: Path) -> None:
    """"[R/o]" tells a Unix user that R is what Enter gives; a finance manager reads r and o as two
    letters to type. The question says in words that Enter resumes, and Enter does."""
    (tmp_path / "r.yaml").write_text("name: 回车公司\n", encoding="utf-8")
    s = Session(["assess", "--save", "r.yaml", "--as-of", "2026-11-26", "--lang", "zh"], tmp_path)
    asked = re.sub(r"\s+", "", s.until_prompt() or "")
    assert "直接回车（或输入r）继续这些回答；重新开始请输入o" in asked, asked
    assert "第 2 题" in s.reply("")
    s.finish()


def test_an_answer_of_0_that_the_rules_name_is_listed_by_its_name() -> None:
    """没有 typed for 近三年国家级科技奖励获奖单位排名 is saved as 0, and the list before the report said
    「……排名（0为未获奖）：0」 where the report says 未获奖: the list uses the rule data's word too."""
    import io

    from littlegiant.cli.interactive import Asker, Terminal

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    rank = profile.field_for_path(rs, "awards.national_rank")
    value, _ = iv.parse(Question("awards.national_rank", rank, None), "没有")
    iv.record("awards.national_rank", value)
    iv.record("financials.2025.revenue", Decimal(0))
    out = io.StringIO()
    Asker(iv, Terminal(io.StringIO(), out), "zh").summary()
    assert "近三年国家级科技奖励获奖单位排名（0为未获奖）：未获奖" in out.getvalue(), out.getvalue()
    assert "营业收入（2025年）：0万元" in out.getvalue()  # a field with no word for 0 keeps the figure


def test_a_glossary_term_under_the_help_hangs_under_its_own_text() -> None:
    """``?`` lists the official terms a question uses, each after a "·"; a term longer than a line went
    on under the bullet, where it read as the start of another item."""
    import io

    from littlegiant.cli.interactive import Asker, Terminal

    rs = rules.load("miit-2026")
    asker = Asker(Interview(rs, date(2026, 11, 26)), Terminal(io.StringIO(), io.StringIO()), "zh")
    asker.width = 80
    f = profile.field_for_path(rs, "financials.2025.revenue")
    lines = asker.help_text(Question("financials.2025.revenue", f, 2025)).rstrip("\n").split("\n")
    term = next(i for i, line in enumerate(lines) if line.startswith("  · 营业收入："))
    assert lines[term + 1].startswith("    ") and not lines[term + 1].startswith("     "), lines


def at_summary(text: str) -> bool:
    """Whether a terminal's text ends at the list of answers' prompt, wrapped as it may be."""
    return any(s in re.sub(r"\s*\r\n\s*", sep, text) for s in SUMMARY for sep in ("", " "))


def _to_summary(child: Any, who: Respondent) -> str:
    """Answer (in a terminal) every question the interview asks to decide today's verdicts, from the
    respondent's values; the list of answers and its prompt, as shown."""
    while True:
        i = child.expect(PTY_PROMPTS)
        text = str(child.before) + str(child.after)
        if at_summary(text):
            return text
        if i > 0:
            child.sendline("y")
            continue
        q = who.expected()
        assert q is not None, text
        value = who.values.get(q.path)
        who.iv.record(q.path, value)
        child.sendline(typed(value, who.rule_id, q.path))


def plan_session(tmp_path: Path, example: str, lang: str, width: int, *extra: str) -> tuple[Any, str]:
    """The interview in a real terminal ``width`` columns wide, answered from ``example`` up to the list
    of answers: (the terminal, what the list and its offer showed)."""
    day = date(2026, 11, 26)
    rule_id = extra[extra.index("--rules") + 1] if "--rules" in extra else "miit-2026"
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", "--as-of", day.isoformat(), "--lang", lang,
                                           "--save", "p.yaml", *extra],
                          cwd=str(tmp_path), env={**ENV, "COLUMNS": str(width)}, encoding="utf-8", timeout=60,
                          dimensions=(50, width))
    who = Respondent(example_values(example, rule_id), rule_id, day, lang)
    return child, _to_summary(child, who)


def offered(text: str, lang: str) -> int:
    """How many plan questions the list of answers offers."""
    joined = re.sub(r"\s*\r\n\s*", "" if lang == "zh" else " ", text)
    count = re.search(r"还需要 (\d+) 项信息" if lang == "zh" else r"also need (\d+) answers?", joined)
    assert count is not None, text
    return int(count[1])


def plan_heading(text: str) -> tuple[int, int] | None:
    """(n, of) of a plan question's heading (行动计划补充题：第 n 题，共 of 题), None for any other prompt."""
    flat = re.sub(r"\s*\r\n\s*", " ", text)
    found = re.search(r"行动计划补充题：第 (\d+) 题，共 (\d+) 题|Plan question (\d+) of (\d+)", flat)
    return None if found is None else (int(found[1] or found[3]), int(found[2] or found[4]))


@pytest.mark.parametrize(("lang", "width"), [("zh", 80), ("en", 60)])
def test_the_questions_only_a_plan_needs_can_be_answered_before_the_report(tmp_path: Path, lang: str,
                                                                           width: int) -> None:
    """A micro company settled as unmet for 专精特新 and 小巨人 was never asked what those tiers' plans
    need; its report ended in "still answer: 13 questions" with no way in the interview to answer them.
    At the list of answers they are offered (p), asked with their own count, saved like any answer, and
    gone from what the report still asks; a later year's figure is asked as last year's, which the plan
    takes for it. They change no verdict, answered yes to every title and exclusion: the tiers stand as
    they stood before p. Every line fits the terminal, 60 columns as well as 80 (the prompt took 69 in
    English)."""
    from rich.cells import cell_len

    child, offer = plan_session(tmp_path, "micro-startup", lang, width)
    assert all(cell_len(line) <= width for line in offer.split("\r\n")), offer
    joined = re.sub(r"\s*\r\n\s*", "" if lang == "zh" else " ", offer)
    assert ("「专精特新中小企业」" in joined and "小巨人" in joined) if lang == "zh" else "Little Giant" in joined
    count = total = offered(offer, lang)
    before = tier_statuses(assess_json(tmp_path / "p.yaml", "--as-of", "2026-11-26"))
    child.sendline("p")
    headings: list[str] = []
    while True:
        i = child.expect(PTY_PROMPTS)
        text = str(child.before) + str(child.after)
        assert all(cell_len(line) <= width for line in text.split("\r\n")), text
        if at_summary(text):
            break
        if i > 0:  # an unusual figure confirmed (3 as 营业收入 beside 40万元)
            child.sendline("y")
            continue
        heading = plan_heading(text)
        # numbered in turn; the count can only fall, as an answer settles what the plans still asked
        assert heading is not None and heading[0] == len(headings) + 1 and heading[1] <= total, text
        total = heading[1]
        headings.append(re.sub(r"\s*\r\n\s*", " ", text))
        # every one answered, yes where yes/no (holds a title, is a single champion): none moves a verdict
        child.sendline(("是" if lang == "zh" else "y") if re.search(r"\[(是/否|y/n)\]\s*> $", text) else "3")
    assert len(headings) <= total <= count  # the last answers may settle the questions after them
    # the class I total the interview never asked (its tiers settled) is a plan question now that it alone can
    # decide its blank parts: listed before them, which then need no 「……中的」 of their own
    joined = re.sub(r"\s*\r\n\s*", "" if lang == "zh" else " ", text)
    whole, part = (("与主导产品相关的有效Ⅰ类知识产权：3项", "实际应用并已产生经济效益的Ⅰ类知识产权：3项") if lang == "zh" else
                   ("Valid class I IP related to the main product: 3 items", "Class I IP applied and already earning: 3"))
    assert -1 < joined.find(whole) < joined.find(part), joined
    assert not re.search(r"\d+\. (其中|…of which)", text), text
    assert not any(re.search("2026|2027", h.split("?")[0].split("？")[0]) for h in headings)  # asked as 2025's
    # 本年度…得分: a later round counts its own year's, which no one can give now; the report does not ask it
    score = re.sub(r"\s+", "", rules.load("miit-2026").fields["platform_score"].label.get(lang))
    assert not any(score in re.sub(r"\s+", "", h) for h in headings)
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    report = re.sub(r"\s*\r\n\s*", "", str(child.before))
    saved = profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026"))
    assert saved.values.get("niche_years") == 3  # the first plan question: years in the niche market
    label = re.sub(r"\s+", "", rules.load("miit-2026").fields["niche_years"].label.get(lang))
    assert label in re.sub(r"\s+", "", headings[0]), headings[0]
    assert label not in re.sub(r"\s+", "", report)  # answered: no longer among what the report still asks
    assert tier_statuses(assess_json(tmp_path / "p.yaml", "--as-of", "2026-11-26")) == before


def test_no_plan_questions_are_offered_when_every_tier_is_met_or_awaits_review(tmp_path: Path) -> None:
    """A Little Giant's interview (every tier met or awaiting the authority) has no plan to ask for: the
    list of answers offers only changes, in the words it always had."""
    s, _, _ = interview(tmp_path, "little-giant-2026", "miit-2026",
                        ["--as-of", "2026-11-26", "--lang", "zh", "--save", "lg.yaml"])
    assert "直接回车生成报告" in s.transcript and "行动计划还需要" not in s.transcript and "输入 p" not in s.transcript


def test_no_plan_questions_are_offered_where_a_red_line_stops_every_tier(tmp_path: Path) -> None:
    """Under miit-2022 a tax violation stops every tier, and the report's plan says only that the red
    line must go first: no question to answer. The list of answers offered 43 (the plans' own lists,
    which the report does not show once a red line stands)."""
    s, asked, out = interview(tmp_path, "red-line", "miit-2022", ["--as-of", "2026-12-01", "--rules", "miit-2022",
                                                                  "--lang", "zh", "--save", "red.yaml"])
    assert asked[-1] == "compliance.tax_violation"
    assert "直接回车生成报告" in s.transcript and "行动计划还需要" not in s.transcript and "输入 p" not in s.transcript
    assert "须待其发生满三年、不在「近三年」之内后才能申报" in out and "仍需回答" not in out


def test_going_back_over_two_plan_questions_asks_both_again(tmp_path: Path) -> None:
    """"<" at the third plan question, then at the second: after the first is kept, the second is asked
    again and then the third. The second was skipped (the plan went from 第 1 题 to 第 3 题): the
    interview's own questions do not include it, and only the one "<" was typed at waited in the
    queue."""
    child, offer = plan_session(tmp_path, "micro-startup", "zh", 80)
    count = offered(offer, "zh")
    seen: list[tuple[int, int] | None] = []
    for reply in ["p", "3", "", "<", "<", "", "", ""]:
        child.sendline(reply)
        child.expect(PTY_PROMPTS)
        text = str(child.before) + str(child.after)
        seen.append(plan_heading(text) or (0, 0) if "回到上一题" in text else
                    plan_heading(text) or (-1, -1) if "修改这一项" in text else plan_heading(text))
    # p: 1; 3: 2; Enter: 3; <: back to 2; <: back to 1; Enter keeps 1: 2 again; Enter keeps it: 3; Enter: 4
    assert seen == [(1, count), (2, count), (3, count), (0, 0), (0, 0), (-1, -1), (3, count), (4, count)], seen
    niche = rules.load("miit-2026").fields["niche_years"]
    assert profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026")).values[niche.path] == 3
    child.sendintr()
    child.expect(pexpect.EOF)


def _through_plan(child: Any, share: str = "3") -> tuple[list[str], str]:
    """Type p at the list of answers and answer every plan question (yes where yes/no, ``share`` to the
    domestic share, 3 to any other): (their headings, flattened, and the list of answers shown after)."""
    child.sendline("p")
    headings: list[str] = []
    while True:
        i = child.expect(PTY_PROMPTS)
        text = str(child.before) + str(child.after)
        if at_summary(text):
            return headings, text
        if i > 0:
            child.sendline("y")
            continue
        flat = re.sub(r"\s*\r\n\s*", "", text)
        headings.append(flat)
        child.sendline(share if "国内细分市场占有率（%）？" in flat else
                       "是" if re.search(r"\[是/否\]\s*>\s*$", flat) else "3")


def _plan_headings(tmp_path: Path, share: str) -> list[str]:
    """The plan questions micro-startup's interview asks after p, its domestic share answered ``share``
    and every other one as the test above answers them."""
    child, _ = plan_session(tmp_path, "micro-startup", "zh", 80)
    headings, _ = _through_plan(child, share)
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    return headings


def test_a_plan_answer_that_settles_a_condition_drops_the_questions_it_made_moot(tmp_path: Path) -> None:
    """A domestic share of 12% meets 「国内细分市场占有率10%以上或国内前三」: the plan's questions on the
    international share and the domestic rank no longer change anything and are not asked (they were
    asked, from a list made before the answer); with 3% they still are."""
    low, high = tmp_path / "low", tmp_path / "high"
    low.mkdir()
    high.mkdir()
    after_low = _plan_headings(low, "3")
    after_high = _plan_headings(high, "12")
    share = next(i for i, h in enumerate(after_high) if "国内细分市场占有率（%）？" in h)
    moot = ("国际细分市场占有率（%）？", "国内细分市场排名（0为无排名）？")
    assert any(q in h for q in moot for h in after_low[share + 1:])
    assert not any(q in h for q in moot for h in after_high[share + 1:])


def test_a_language_named_before_the_command_is_in_the_command_that_resumes(tmp_path: Path) -> None:
    """`littlegiant --lang zh assess --save 企业.yaml` on a machine whose locale is English: the line that
    says how to go on, and the saved file's head, carry --lang zh (run as printed, it went on in English)."""
    done = subprocess.run([sys.executable, "-m", "littlegiant", "--lang", "zh", "assess", "--save", "qiye.yaml",
                           "--as-of", "2026-11-26"], input="测试公司\nq\n", capture_output=True, text=True,
                          check=False, cwd=tmp_path, env={**ENV, "LANG": "C.UTF-8", "LC_ALL": ""})
    assert done.returncode == 130 and "继续请运行" in done.stderr, done.stderr
    assert "littlegiant assess --save qiye.yaml --as-of 2026-11-26 --lang zh\n" in done.stderr
    assert "再次评估：littlegiant assess qiye.yaml --as-of 2026-11-26 --lang zh" in (tmp_path / "qiye.yaml").read_text(
        encoding="utf-8")


def test_enter_cannot_keep_a_part_over_a_whole_changed_after_going_back(tmp_path: Path) -> None:
    """Back with "<" to the revenue, changed from 8,000 to 6,000, then Enter at the main-business revenue
    asked again kept 7,500 (over the whole) without a word: the saved file was refused at the end (no
    report) and on every resume. Enter is refused there as a typed 7,500 would be; a new figure is taken."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "p.yaml"], tmp_path)
    s.answers("回头公司", "8000", "300")
    assert "其中" in (s.until_prompt() or "")
    s.send("7500")
    assert s.until_prompt() is not None
    assert "7,500万元" in s.reply("<")
    assert "刚才答的是：300万元" in s.reply("<")
    assert "刚才答的是：8,000万元" in s.reply("<")
    assert "保留原来的回答" not in s.reply("6000")  # the revenue, changed
    refused = s.reply("")  # R&D kept, then main-business revenue asked again
    assert "保留原来的回答：300万元" in refused
    refused = s.reply("")  # Enter at 7,500 under 6,000
    assert "✗" in refused and "不能超过" in refused and "保留原来的回答：7,500" not in refused
    assert "本项原来的回答不能保留" in re.sub(r"\s+", "", refused)  # and the way out: a new figure, <, or 不知道
    assert "不能超过" in s.reply("")  # Enter again: still refused, never kept
    assert "保留原来的回答" not in s.reply("5500")
    values = s.saved(tmp_path / "p.yaml")
    assert values["financials.2025.revenue"] == 6000 and values["financials.2025.main_revenue"] == 5500


def test_an_amount_in_yuan_above_its_usual_ceiling_is_told_the_figure_in_wan(tmp_path: Path) -> None:
    """R&D typed in 元 (1,980,000) above revenue in 万元 (8,000) got only 「高于营业收入……这很少见」; revenue's
    own warning names the 元 slip. It says the figure to enter if 元 was meant, in both languages, and a
    figure above the other that no 元 reading brings under it is told as before."""
    for lang, said in (("zh", "如果填的是「元」，应填 198（万元）"), ("en", "typed in yuan, it is 198 (10k CNY) to enter")):
        s = Session(["assess", "--as-of", "2026-11-26", "--lang", lang, "--save", f"{lang}.yaml"], tmp_path)
        s.answers("元公司", "8000")
        assert s.until_prompt() is not None
        asked = re.sub(r"\s+", " ", s.reply("1980000"))
        assert said in asked, asked
        s.finish()
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "plain.yaml"], tmp_path)
    s.answers("高研发公司", "8000")
    assert s.until_prompt() is not None
    asked = s.reply("15000")  # above revenue, but no 元 slip (a 元 slip is 100 times and more): no such hint
    assert "这很少见" in asked and "如果填的是「元」" not in asked
    s.finish()


def resumed_at_list(tmp_path: Path, changes: tuple[tuple[str, str], ...], as_of: str) -> tuple[Any, str]:
    """The little-giant-2026 example with ``changes`` (text replaced) saved as p.yaml, resumed in an
    80-column terminal up to the list of answers: (the terminal, what the list showed, lines joined)."""
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", "--as-of", as_of, "--lang", "zh",
                                           "--save", "p.yaml"], cwd=str(tmp_path), env={**ENV, "COLUMNS": "80"},
                          encoding="utf-8", timeout=60, dimensions=(50, 80))
    child.expect(r"\[R/o\] ")
    child.sendline("")
    child.expect("> ")
    return child, re.sub(r"\s*\r\n\s*", "", str(child.before))


def test_a_title_a_plan_takes_as_not_held_for_want_of_an_answer_is_offered_with_p(tmp_path: Path) -> None:
    """The 小巨人 plan of a company that has not said whether it holds the 专精特新 title reads 「先取得……
    资料中未填是否已持有这一称号……如已持有，请补填后重新评估」; the interview (its tier settled as unmet,
    so the title never asked) gave no way to answer it: neither among the answers nor with p. A finance
    manager whose company holds it could only edit the file. It is a plan question now."""
    report = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "little-giant-2026.yaml"),
                             "--as-of", "2026-12-04", "--lang", "zh", "--set", "titles.zjtx_sme=不知道", "--set",
                             "financials.2025.revenue=8000", "--set", "financials.2025.main_revenue=7600", "--set",
                             "financials.2025.rd_expense=320", "--set", "financials.2024.revenue=7000", "--set",
                             "financials.2024.main_revenue=6600", "--set", "financials.2024.rd_expense=280"],
                            env={**ENV, "COLUMNS": "200"}, capture_output=True, text=True).stdout
    assert "资料中未填是否已持有这一称号，本计划按目前尚未持有安排；如已持有，请补填后重新评估" in report
    child, offer = resumed_at_list(tmp_path, (
        ("revenue: 12000, main_revenue: 11000, rd_expense: 650", "revenue: 8000, main_revenue: 7600, rd_expense: 320"),
        ("revenue: 10500, main_revenue: 9800, rd_expense: 560", "revenue: 7000, main_revenue: 6600, rd_expense: 280"),
        ("zjtx_sme: true, ", "")), "2026-12-04")
    assert "报告中的行动计划还需要 1 项信息，才能推算「专精特新\"小巨人\"企业」今后哪一年可以申报" in offer
    child.sendline("p")
    child.expect(PTY_PROMPTS)
    assert "持有有效的专精特新中小企业称号？" in str(child.before) + str(child.after)
    child.sendline("是")
    child.expect("> ")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026"))
    assert saved.values.get("titles.zjtx_sme") is True
    assert "资料中未填是否已持有" not in re.sub(r"\s*\r\n\s*", "", str(child.before))


def test_every_title_a_plans_title_step_would_take_is_offered_with_p(tmp_path: Path) -> None:
    """Under 2026 the 专精特新 tier asks for 创新型 or 科技型: its plan's step 「先申请「科技和创新型中小企业」……
    资料中未填是否已持有」 is gone once either is held. p asked 创新型 alone; answered 否, 科技型 was never
    asked, and a company holding only 科技型 was told to apply for a title it holds (a review)."""
    child, offer = resumed_at_list(tmp_path, (
        ("rd_expense: 650", "rd_expense: 50"),
        ("titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: false}",
         "titles: {zjtx_sme: false, little_giant: false}")), "2026-11-26")
    assert "报告中的行动计划还需要 2 项信息" in offer
    asked = []
    child.sendline("p")
    for _ in range(2):
        child.expect(PTY_PROMPTS)
        asked.append(re.sub(r"\s*\r\n\s*", "", str(child.before) + str(child.after)))
        child.sendline("否")
    assert "持有有效的创新型中小企业称号？" in asked[0] and "持有有效的科技型中小企业称号（入库）？" in asked[1]
    child.expect("> ")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    saved = profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026"))
    assert (saved.values.get("titles.innovative_sme"), saved.values.get("titles.tech_sme")) == (False, False)


def test_an_answer_that_cannot_be_saved_says_the_file_keeps_the_ones_before_and_how_to_go_on(tmp_path: Path) -> None:
    """A save failing mid-interview (a full disk; here a file-size limit) ended with 'cannot save the answers:
    …', no word that the file holds every answer before it nor how to go on from there."""
    import resource

    def small_files() -> None:  # the fifth answer's save (384 bytes) passes this size; Python ignores SIGXFSZ
        resource.setrlimit(resource.RLIMIT_FSIZE, (376, 376))

    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", "s.yaml", "--lang", "zh",
                           "--as-of", "2026-11-26"], input="甲公司\n8000\n500\n6000\n120\n", capture_output=True,
                          text=True, env=ENV, cwd=tmp_path, preexec_fn=small_files, check=False, timeout=60)
    last = done.stderr.strip().splitlines()[-1].removeprefix("> ")
    assert done.returncode == 2 and last.startswith("littlegiant 出错：s.yaml：无法保存刚才的回答：")
    assert last.endswith("；文件里保留着此前的全部回答，问题解决后运行 littlegiant assess --save s.yaml --as-of 2026-11-26 "
                         "--lang zh 继续")
    values = profile.load_profile(tmp_path / "s.yaml", rules.load("miit-2026")).values
    assert values["name"] == "甲公司" and values["financials.2025.main_revenue"] == Decimal(6000)
    assert [p.name for p in tmp_path.iterdir()] == ["s.yaml"]  # no temporary file left beside it


def test_revenue_too_small_for_the_staff_is_questioned_at_either_answer(tmp_path: Path) -> None:
    """0.8万元 of revenue with 100 staff (8000 typed for 8000万 where 元 was meant) is questioned as an amount
    past any SME's is, the other way round: at the revenue given after the staff, in English too, and at
    the staff given after the revenue, not as one figure "above" the other."""
    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "zh", "--set", "employees=100", "--save", "a.yaml"],
                tmp_path)
    s.answers("某公司")
    assert s.until_prompt() is not None
    said = " ".join(s.reply("0.8").split())
    assert ("营业收入（2025年）0.8万元，从业人员（上年末）100人，人均每年仅80元，是否把「万元」当成了「元」？" in said
            and "高于" not in said), said
    s.finish()
    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "en", "--set", "employees=100", "--save", "b.yaml"],
                tmp_path)
    s.answers("Acme")
    assert s.until_prompt() is not None
    said = " ".join(s.reply("0.8").split())
    assert ("Operating revenue 2025 of 0.8 (10k CNY) for 100 people (Employees at last year end) is 80 yuan a year "
            "each: was an amount in 10k CNY entered as yuan?") in said, said
    s.finish()
    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "zh", "--set", "financials.2025.revenue=0.8",
                 "--save", "c.yaml"], tmp_path)
    s.answers("某公司")
    s.unknown_until("从业人员（上年末）（人）", 60)
    said = " ".join(s.reply("100").split())
    assert "从业人员（上年末）100人，人均每年仅80元，是否把「万元」当成了「元」？" in said and "低于" not in said, said
    s.finish()


def test_a_renewal_interview_says_so_at_its_opening_and_when_resumed_without_renewal(tmp_path: Path) -> None:
    """Under --renewal the opening lines did not say 复核; and a renewal's answers resumed without
    --renewal (the file records it only in its comment) went on as a new application, silently. The
    opening says 复核, the resume question says the file's renewal is kept, the title renewed is asked
    first as a renewal asks it, and the file goes on recording the renewal. In a terminal 80 columns wide."""
    args = ["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "rr.yaml"]
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", *args, "--renewal", "zjtx_sme"], cwd=str(tmp_path),
                          env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30, dimensions=(40, 80))
    assert "\n本次为专精特新中小企业复核。" in pty_prompt(child).replace("\r", "")
    child.sendline("精工轴承")
    pty_prompt(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    saved = (tmp_path / "rr.yaml").read_text(encoding="utf-8")
    assert "--renewal zjtx_sme" in saved.splitlines()[1]

    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", *args], cwd=str(tmp_path),
                          env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30, dimensions=(40, 80))
    child.expect_exact("[R/o] ")
    asked = str(child.before).replace("\r", "")
    assert "\n这些回答是按专精特新中小企业复核填写的，这次仍按复核评估。\n" in asked, asked
    child.sendline("")
    opening = pty_prompt(child).replace("\r", "")
    assert "\n本次为专精特新中小企业复核。" in opening and "持有有效的专精特新中小企业称号？" in opening
    child.sendline("是")
    pty_prompt(child)
    child.sendintr()
    child.expect_exact("继续请运行：")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert str(child.before).split() == ["littlegiant", "assess", "--save", "rr.yaml", "--as-of", "2026-12-04",
                                         "--renewal", "zjtx_sme", "--lang", "zh"]
    saved = (tmp_path / "rr.yaml").read_text(encoding="utf-8")
    assert "zjtx_sme: true\n" in saved and "--renewal zjtx_sme" in saved.splitlines()[1]


@pytest.mark.parametrize(("first", "then", "said", "header"), [
    (["--renewal", "zjtx_sme"], ["--renewal", "小巨人"], "这些回答是按专精特新中小企业复核填写的，这次按您指定的"
                                                        "专精特新\"小巨人\"企业复核评估。", "--renewal little_giant"),
    ([], ["--renewal", "zjtx_sme"], "这些回答是按新申请填写的，这次按您指定的专精特新中小企业复核评估。",
     "--renewal zjtx_sme"),
    (["--renewal", "zjtx_sme"], ["--renewal", "zjtx_sme"], None, "--renewal zjtx_sme"),
    ([], [], None, None),
    (["--renewal", "zjtx_sme"], ["--renewal", "none"], "这些回答是按专精特新中小企业复核填写的，这次按您指定的"
                                                      "新申请评估，不是复核。", None),
    (["--renewal", "小巨人"], ["--renewal", "新申请"], "这些回答是按专精特新\"小巨人\"企业复核填写的，这次按您指定的"
                                                     "新申请评估，不是复核。", None),
    ([], ["--renewal", "首次申报"], None, None),
], ids=["another-renewal", "renewal-of-an-application", "same-renewal", "application", "none-over-a-renewal",
        "新申请-over-a-renewal", "none-over-an-application"])
def test_a_renewal_given_otherwise_than_the_files_is_followed_and_said(
        tmp_path: Path, first: list[str], then: list[str], said: str | None, header: str | None) -> None:
    """--renewal given at a resume wins over the file's, and the resume question says what the answers
    were given for and what this sitting is; as the file's, nothing is said. The file's comment then
    records the renewal of this sitting."""
    args = ["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "r.yaml"]
    s = Session([*args, *first], tmp_path)
    s.answers("精工轴承")
    assert s.until_prompt() is not None
    assert s.finish()[0] == 130
    s = Session([*args, *then], tmp_path)
    asked = s.until_prompt() or ""
    assert (said in asked) if said is not None else ("这些回答是按" not in asked), asked
    s.send("")
    assert s.until_prompt() is not None
    s.send("不知道")
    assert s.until_prompt() is not None
    assert s.finish()[0] == 130
    again = (tmp_path / "r.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert (header in again) if header is not None else ("--renewal" not in again), again


def test_a_renewals_answers_resumed_with_renewal_none_go_on_as_a_new_application(tmp_path: Path) -> None:
    """A renewal's answers resumed as a new application: there was no way to say so (--renewal none was
    refused, and without it the file's renewal was followed). The resume question says, once, that this
    sitting is a new application; the opening says no 复核; the title is not asked first as a renewal
    asks it; the command to go on says --renewal none until the file records the change, and then a
    run without --renewal resumes a new application. In a terminal 80 columns wide."""
    args = ["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "rn.yaml"]

    def spawn(*more: str) -> pexpect.spawn:
        return pexpect.spawn(sys.executable, ["-m", "littlegiant", *args, *more], cwd=str(tmp_path),
                             env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30, dimensions=(40, 80))

    child = spawn("--renewal", "zjtx_sme")
    pty_prompt(child)
    child.sendline("精工轴承")
    pty_prompt(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()

    child = spawn("--renewal", "新申请")
    child.expect_exact("[R/o] ")
    asked = str(child.before).replace("\r", "")
    said = "这些回答是按专精特新中小企业复核填写的，这次按您指定的新申请评估，不是复核。"
    assert said in asked.replace("\n", ""), asked
    assert all(len(line) <= 80 for line in asked.splitlines()), asked
    child.sendline("")
    opening = pty_prompt(child).replace("\r", "")
    assert "复核" not in opening and "持有有效的专精特新中小企业称号？" not in opening, opening
    child.sendintr()  # nothing answered yet: the file still says renewal, so the command says none
    child.expect_exact("继续请运行：")
    child.expect(pexpect.EOF)
    child.close()
    assert str(child.before).split() == ["littlegiant", "assess", "--save", "rn.yaml", "--as-of", "2026-12-04",
                                         "--renewal", "none", "--lang", "zh"]
    assert "--renewal zjtx_sme" in (tmp_path / "rn.yaml").read_text(encoding="utf-8").splitlines()[1]

    child = spawn("--renewal", "none")
    child.expect_exact("[R/o] ")
    assert said in str(child.before).replace("\r", "").replace("\n", "")
    child.sendline("")
    pty_prompt(child)
    child.sendline("不知道")
    pty_prompt(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    header = (tmp_path / "rn.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert "--renewal" not in header and "littlegiant assess rn.yaml" in header, header

    child = spawn()  # the file now records a new application: resumed as one, nothing said of renewals
    child.expect_exact("[R/o] ")
    assert "复核" not in str(child.before)
    child.sendline("")
    assert "复核" not in pty_prompt(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()


@pytest.mark.parametrize(("text", "found"), [
    ("# 由 littlegiant 问答生成的企业信息（规则 miit-2026，评估日期 2026-12-04）。\n"
     "# null 表示“不知道”。再次评估：littlegiant assess 'r r.yaml' --renewal little_giant --lang zh\nname: 甲\n",
     (True, "little_giant")),
    ("# littlegiant profile written by the interactive assessment (miit-2026, as of 2026-12-04).\n"
     "# null means \"don't know\". Assess it again with: littlegiant assess r.yaml --lang en\nname: A\n", (True, None)),
    ("# 由 littlegiant 问答生成的企业信息（规则 miit-2026，评估日期 2026-12-04）。\n# 顾问的批注\nname: 甲\n", (False, None)),
    ("name: 甲\n# 再次评估：littlegiant assess r.yaml --renewal zjtx_sme\n", (False, None)),
    ("# 由 littlegiant 问答生成的企业信息（规则 miit-2026，评估日期 2026-12-04）。\n"
     "# null 表示“不知道”。再次评估：littlegiant assess 'r.yaml --renewal zjtx_sme\n", (False, None)),
], ids=["quoted-name", "english", "comment-edited", "not-written-here", "unclosed-quote"])
def test_the_renewal_a_saved_file_records_is_read_from_its_own_comment_only(
        tmp_path: Path, text: str, found: tuple[bool, str | None]) -> None:
    """The renewal is read from the command the interview's own header gives, in either language and
    whatever the file's name; a file the interview did not write, or whose comment was edited, says nothing."""
    from littlegiant.cli.interactive import renewal_saved

    save = tmp_path / "r.yaml"
    save.write_text(text, encoding="utf-8")
    assert renewal_saved(save) == found
    os.mkfifo(tmp_path / "f.yaml")
    assert renewal_saved(tmp_path / "f.yaml") == (False, None)  # never opened: it would wait for a writer


def test_a_saved_file_names_its_rules_by_title_and_one_naming_them_by_id_is_still_known(tmp_path: Path) -> None:
    """The saved file's comment named the rule set by its id (miit-2026), which a finance manager opening
    the file cannot read; it names it by its title now, in English too. A file an earlier version wrote,
    with the id, is still the interview's own: its blank is a don't-know, and it resumes without a backup."""
    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "en", "--save", "en.yaml"], tmp_path)
    s.answers("Acme")
    assert s.until_prompt() is not None
    assert s.finish()[0] == 130
    first = (tmp_path / "en.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == ("# littlegiant profile written by the interactive assessment (Measures for Cultivating Quality "
                     "SMEs (2026), as of 2026-12-04).")
    args = ["assess", "--as-of", "2026-12-04", "--lang", "zh", "--save", "old.yaml"]
    s = Session(args, tmp_path)
    s.answers("甲", "不知道")
    assert s.until_prompt() is not None
    assert s.finish()[0] == 130
    old = tmp_path / "old.yaml"
    lines = old.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[0].startswith("# 由 littlegiant 问答生成的企业信息（依据《优质中小企业梯度培育管理办法（2026）》")
    written = "# 由 littlegiant 问答生成的企业信息（规则 miit-2026，评估日期 2026-12-04）。\n" + "".join(lines[1:])
    old.write_text(written, encoding="utf-8")
    s = Session(args, tmp_path)
    assert "old.yaml 中已保存「甲」的 2 个回答" in (s.until_prompt() or "")
    s.send("")
    assert s.until_prompt() is not None
    assert s.finish()[0] == 130
    assert "另存到" not in s.transcript and old.read_text(encoding="utf-8") == written


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "这些回答是按评估日期 2026-06-01（上年度 = 2025 年）填写的；这次评估日期 2027-06-01，上年度 = 2026 年"),
    ("en", "These answers were given as of 2026-06-01 (last year = 2025); this assessment is as of 2027-06-01 "
           "(last year = 2026)"),
])
def test_answers_resumed_under_a_date_in_another_year_say_whose_year_they_were(
        tmp_path: Path, lang: str, said: str) -> None:
    """Stopped in one year and resumed in the next (or under another --as-of), the figures typed for last year
    silently became the year before's and last year's questions came again: the resume now says why, and how
    to go on as of the former date. A resume under the same year says nothing of it."""
    first = Session(["assess", "--as-of", "2026-06-01", "--lang", lang, "--save", "a.yaml"], tmp_path)
    first.answers("某精密公司", "0.8亿")
    assert first.until_prompt() is not None
    assert first.finish()[0] == 130
    later = Session(["assess", "--as-of", "2027-06-01", "--lang", lang, "--save", "a.yaml"], tmp_path)
    later.answers("r", "9000")
    assert later.until_prompt() is not None
    assert later.finish()[0] == 130
    flat = " ".join(later.transcript.split())
    assert said in flat and "--as-of 2026-06-01" in flat
    same = Session(["assess", "--as-of", "2027-02-01", "--lang", lang, "--save", "a.yaml"], tmp_path)
    same.answers("r")
    assert same.until_prompt() is not None
    assert same.finish()[0] == 130
    assert "2027-06-01" in (tmp_path / "a.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert "2026-06-01" not in same.transcript


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "以后不用再答题，直接评估这些回答（加 --detail 看每一项条件怎么算）："),
    ("en", "To assess these answers again without the questions (add --detail to see how each criterion is "
           "decided):"),
])
def test_the_last_lines_name_the_command_that_assesses_the_answers_again(tmp_path: Path, lang: str,
                                                                         said: str) -> None:
    """The report's hint (the same command with --detail) led back into the interview, and nothing on screen
    named the command that assesses the saved file: the last lines name it, whole, and it gives the report."""
    s = Session(["assess", "--as-of", "2026-06-01", "--lang", lang, "--save", "a.yaml"], tmp_path)
    s.answers("某精密公司", "0.8亿")
    while (prompt := s.until_prompt()) is not None:
        s.send("")
        if any(words in prompt for words in SUMMARY):
            break
    code, out = s.finish()
    assert code == 0
    lines = s.transcript.splitlines()
    command = f"littlegiant assess a.yaml --as-of 2026-06-01 --lang {lang}"
    assert command in lines and said in " ".join(s.transcript.split())
    again = subprocess.run([sys.executable, "-m", "littlegiant", *shlex.split(command)[1:]], cwd=tmp_path, env=ENV,
                           capture_output=True, text=True)
    assert again.returncode == 0 and again.stdout == out


@pytest.mark.parametrize("backs", [2, 3])
def test_going_back_from_the_list_asks_the_last_plan_question_again(tmp_path: Path, backs: int) -> None:
    """Every plan question answered, then "<" at the list of answers (back to the last one) and "<"
    again (back to the ones before): once those are kept, the last is asked again, as an ordinary
    question is, and the list holds every answer. Twice, it went straight to the list, which left its
    answer out (30 answers, and 「还需要 1 项」 to answer with p) though the file still held it: the
    interview's own questions do not include a plan's, and the queue it came from was empty by then.
    Three times, the answer to the first kept dropped it from the queue (the plans' questions left to
    ask leave out one whose answer the file holds)."""
    child, _ = plan_session(tmp_path, "micro-startup", "zh", 80)
    headings, text = _through_plan(child)
    last = headings[-1]
    listed = re.findall(r"(\d+)\. ", re.sub(r"\s*\r\n\s*", " ", text))
    saved = profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026")).values
    asked = re.search(r"[▓░]+\s*(\S+?)[？?]", last.split("行动计划补充题")[-1])
    assert asked is not None, last
    question = asked[1]
    seen: list[str] = []
    for reply in ["<"] * backs + [""] * 6:
        child.sendline(reply)
        child.expect(PTY_PROMPTS)
        seen.append(re.sub(r"\s*\r\n\s*", "", str(child.before) + str(child.after)))
        if at_summary(seen[-1]):
            break
    assert "回到上一题" in seen[0] and question in seen[0], seen[0]  # the last plan question, its answer shown
    assert all("回到上一题" in s and question not in s for s in seen[1:backs]), seen  # the ones before it
    assert any(question in s for s in seen[backs:-1]), seen  # the last, asked again before the list
    assert at_summary(seen[-1]) and "还需要" not in seen[-1], seen[-1]  # nothing left out
    assert re.findall(r"(\d+)\. ", re.sub(r"\s*\r\n\s*", " ", seen[-1]))[-1] == listed[-1]
    assert profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026")).values == saved
    child.sendintr()
    child.expect(pexpect.EOF)


def test_going_back_from_the_list_after_changing_a_plan_answer_goes_to_the_last_question_asked(tmp_path: Path) -> None:
    """A plan question changed from the list by its number (the years in the niche, 3 to 4), then "<" at the
    list: it went back to that same question (「回到上一题（刚才答的是：4年…」), which the list shows already and
    its number changes again, and "<" and Enter there led back to it once more. A change is a visit from the
    list, not a step of the interview: "<" goes where it went before the change, to the last question asked."""
    child, _ = plan_session(tmp_path, "micro-startup", "zh", 80)
    headings, text = _through_plan(child)
    asked = re.search(r"[▓░]+\s*(\S+?)[？?]", headings[-1].split("行动计划补充题")[-1])
    assert asked is not None, headings[-1]
    niche = rules.load("miit-2026").fields["niche_years"]
    number = re.search(r"(\d+)\. " + re.escape(niche.label.zh), re.sub(r"\s*\r\n\s*", " ", text))
    assert number is not None, text
    seen: list[str] = []
    for reply in [number[1], "4", "<", ""]:
        child.sendline(reply)
        child.expect(PTY_PROMPTS)
        seen.append(re.sub(r"\s*\r\n\s*", "", str(child.before) + str(child.after)))
    assert "修改这一项" in seen[0] and at_summary(seen[1]), seen
    assert "回到上一题" in seen[2] and asked[1] in seen[2] and niche.label.zh not in seen[2], seen[2]
    assert at_summary(seen[3]), seen[3]
    assert profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026")).values[niche.path] == 4
    child.sendintr()
    child.expect(pexpect.EOF)


def test_going_back_from_the_list_of_a_resumed_sitting_after_a_change_says_there_is_nothing_to_go_back_to(
        tmp_path: Path) -> None:
    """Resumed with every answer given, one changed from the list (employees 6 to 7), then "<" at the list: no
    question was asked at this sitting, and a change is no step back to (it went to the employees again). It says
    so, and how to change an answer, where it gave only the bare 「请输入…编号」."""
    (tmp_path / "m.yaml").write_text((EXAMPLES / "micro-startup.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "m.yaml"], tmp_path)
    s.answers("r")
    listed = s.until_prompt() or ""
    number = re.search(r"(\d+)\. 从业人员（上年末）：6人", listed)
    assert number is not None, listed
    s.send(number[1])
    assert "修改这一项" in (s.until_prompt() or "")
    s.send("7")
    relisted = s.until_prompt() or ""
    assert any(words in relisted for words in SUMMARY), relisted
    s.send("<")  # then the end of input: the report
    code, _ = s.finish()
    said = s.transcript.split("> ")[-1]
    assert code == 0 and "本次没有可以回去的上一题；要修改哪一项，请输入它的编号。" in said and "回到上一题" not in said, said
    assert profile.load_profile(tmp_path / "m.yaml", rules.load("miit-2026")).values["employees"] == 7


@pytest.mark.parametrize(("stream", "typed"), [("gbk", "utf-8"), ("gbk", "gbk"), ("ascii", "utf-8")])
def test_answers_piped_in_another_encoding_than_the_terminals_are_read(tmp_path: Path, stream: str, typed: str) -> None:
    """Answers piped in from a UTF-8 file where the terminal's encoding is GBK (a Chinese Windows code
    page) or ASCII stopped the interview at the first Chinese answer as an internal error (exit 3, 「这是
    littlegiant 的缺陷」); they are read, and so are answers typed in the terminal's own GBK."""
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", "p.yaml", "--as-of", "2026-11-26",
                           "--lang", "zh"], input="测试科技有限公司\nq\n".encode(typed), capture_output=True,
                          check=False, cwd=tmp_path, env={**ENV, "PYTHONIOENCODING": stream})
    assert done.returncode == 130, done.stderr.decode(stream, "replace")
    saved = profile.load_profile(tmp_path / "p.yaml", rules.load("miit-2026"))
    assert saved.values["name"] == "测试科技有限公司"
