"""`littlegiant assess` with no file: whole interviews through the real command.

A respondent reads each prompt the command prints, finds the profile path it names, and
types the answer from an example profile (or Enter for a field the example leaves out).
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pexpect
from tests.conftest import EXAMPLES, typed

from littlegiant import profile, rules

QUESTION = re.compile(r"· ([a-z_0-9.]+)\n")
ENV = {**os.environ, "COLUMNS": "120", "PYTHONIOENCODING": "utf-8"}


class Session:
    """The command running on pipes; stderr is read up to each prompt."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.stdout_file = cwd / "stdout.txt"
        self.out = self.stdout_file.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "littlegiant", *args], cwd=cwd, env=ENV,
                                     stdin=subprocess.PIPE, stdout=self.out, stderr=subprocess.PIPE)
        self.transcript = ""

    def until_prompt(self, timeout: float = 30) -> str | None:
        """Read stderr up to the next "> " or "[R/o] " prompt; None when the command has ended."""
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
            if chunk.endswith(b"> ") or chunk.endswith(b"[R/o] "):
                text = chunk.decode("utf-8")
                self.transcript += text
                return text

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def finish(self) -> tuple[int, str]:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        assert self.proc.stderr is not None
        self.transcript += self.proc.stderr.read().decode("utf-8")
        code = self.proc.wait(timeout=60)
        self.out.close()
        return code, self.stdout_file.read_text(encoding="utf-8")


def answer_all(session: Session, values: dict[str, Any], rule_id: str) -> list[str]:
    """Answer every question from ``values``; the paths asked, in order."""
    asked: list[str] = []
    while (prompt := session.until_prompt()) is not None:
        found = QUESTION.findall(prompt)
        assert found, f"a prompt without a question: {prompt!r}"
        asked.append(found[-1])
        session.send(typed(values.get(found[-1]), rule_id, found[-1]))
    return asked


def example_values(name: str, rule_id: str) -> dict[str, Any]:
    return dict(profile.load_profile(EXAMPLES / f"{name}.yaml", rules.load(rule_id)).values)


def interview(tmp_path: Path, example: str, rule_id: str, args: list[str]) -> tuple[Session, list[str], str]:
    """Run ``assess ARGS`` interactively, answering from an example profile, to a clean end:
    (the session, the paths asked in order, stdout)."""
    s = Session(["assess", *args], tmp_path)
    asked = answer_all(s, example_values(example, rule_id), rule_id)
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
    assert "Question 1 (at most" in s.transcript and f"Done: {len(asked)} answers, saved to acme.yaml" in s.transcript
    assert "name" not in asked  # the company name moves no verdict
    saved = tmp_path / "acme.yaml"
    again = assess_json(saved, "--as-of", "2026-11-26")
    assert tier_statuses(again) == tier_statuses(report)
    assert again["input_sha256"] == report["input_sha256"]
    assert len(asked) < 50


def test_a_red_line_stops_the_interview(tmp_path: Path) -> None:
    s, asked, out = interview(tmp_path, "red-line", "miit-2022", ["--as-of", "2026-03-01", "--lang", "zh", "--save", "red.yaml"])
    assert asked[-1] == "compliance.tax_violation"  # nothing is asked after the veto
    assert "问题 1（最多还剩" in s.transcript
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
    values = example_values("little-giant-2022", "miit-2022")
    args = ["assess", "--as-of", "2026-03-01", "--lang", "en", "--format", "json", "--save", "lg.yaml"]
    s = Session(args, tmp_path)
    first: list[str] = []
    for _ in range(5):
        prompt = s.until_prompt()
        assert prompt is not None
        first.append(QUESTION.findall(prompt)[-1])
        s.send(typed(values.get(first[-1]), "miit-2022", first[-1]))
    assert s.until_prompt() is not None
    code, out = s.finish()  # end of input in the middle of question 6
    assert code == 130 and out == ""
    assert "5 answers saved to lg.yaml" in s.transcript
    assert "littlegiant assess --save lg.yaml --as-of 2026-03-01 --lang en" in s.transcript
    saved = profile.load_profile(tmp_path / "lg.yaml", rules.load("miit-2022"))
    assert set(saved.values) == set(first)

    s = Session(args, tmp_path)
    prompt = s.until_prompt()
    assert prompt is not None and "holds 5 saved answers" in prompt
    s.send("r")
    rest = answer_all(s, values, "miit-2022")
    code, out = s.finish()
    assert code == 0
    assert not set(rest) & set(first)  # nothing asked twice
    assert "Question 6 (at most" in s.transcript
    expected = assess_json(EXAMPLES / "little-giant-2022.yaml", "--as-of", "2026-03-01")
    assert tier_statuses(json.loads(out)) == tier_statuses(expected)


def test_start_over_is_asked_and_an_unreadable_save_file_is_never_overwritten(tmp_path: Path) -> None:
    save = tmp_path / "old.yaml"
    save.write_text("employees: 12\nfinancials: {2025: {revenue: 300}}\n", encoding="utf-8")
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "old.yaml"], tmp_path)
    prompt = s.until_prompt()
    assert prompt is not None and "holds 2 saved answers" in prompt
    s.send("maybe")
    assert "Please type r (resume) or o (start over)" in (s.until_prompt() or "")
    s.send("o")
    prompt = s.until_prompt()
    assert prompt is not None and "Question 1 (at most" in prompt
    s.send("12,000")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130
    text = save.read_text(encoding="utf-8")
    assert "employees" not in text and "revenue: 12000" in text

    save.write_text("employes: 12\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", str(save)], input="r\n",
                          capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "employes" in done.stderr and "Traceback" not in done.stderr
    assert save.read_text(encoding="utf-8") == "employes: 12\n"


def test_set_answers_count_as_given_and_a_bad_save_folder_is_refused(tmp_path: Path) -> None:
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "en", "--save", "a.yaml",
                 "--set", "compliance.data_fabrication=yes"], tmp_path)
    assert s.until_prompt() is None  # the red line settles everything: no question at all
    code, _ = s.finish()
    assert code == 0 and "Done: 1 answers, saved to a.yaml" in s.transcript
    assert "data_fabrication: true" in (tmp_path / "a.yaml").read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", str(tmp_path / "no" / "a.yaml")],
                          capture_output=True, text=True, env=ENV, check=False, input="")
    assert done.returncode == 2 and "existing folder" in done.stderr





def test_a_whole_interview_in_a_terminal_with_ctrl_c_and_resume(tmp_path: Path) -> None:
    values = example_values("little-giant-2026", "miit-2026")
    cmd = [sys.executable, "-m", "littlegiant", "assess", "--as-of", "2026-11-26", "--lang", "en",
           "--save", "tty.yaml"]

    def spawn() -> Any:
        return pexpect.spawn(cmd[0], cmd[1:], cwd=str(tmp_path), env={**ENV, "COLUMNS": "200"},
                             encoding="utf-8", timeout=30, dimensions=(50, 200))

    child = spawn()
    child.expect(r"Question 1 \(at most \d+ left\) · ([a-z_0-9.]+)\r?\n")
    first = child.match.group(1)
    assert first == "financials.2025.revenue"
    child.expect("> ")
    child.sendline("twelve thousand")
    child.expect("expected an amount in 万元")
    child.expect("> ")
    child.sendline("12,000")
    answered = [first]
    for _ in range(3):
        child.expect(r"· ([a-z_0-9.]+)\r?\n")
        path = child.match.group(1)
        child.expect("> ")
        child.sendline(typed(values.get(path), "miit-2026", path))
        answered.append(path)
    child.expect(r"· ([a-z_0-9.]+)\r?\n")
    child.expect("> ")
    child.sendintr()
    child.expect("interrupted: 4 answers saved to tty.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = profile.load_profile(tmp_path / "tty.yaml", rules.load("miit-2026"))
    assert saved.values["financials.2025.revenue"] == Decimal(12000)
    assert set(saved.values) == set(answered)

    child = spawn()
    child.expect(r"holds 4 saved answers")
    child.sendline("")  # Enter: resume
    while True:
        i = child.expect([r"· ([a-z_0-9.]+)\r?\n", "Done: "])
        if i == 1:
            break
        path = child.match.group(1)
        assert path not in answered
        child.expect("> ")
        child.sendline(typed(values.get(path), "miit-2026", path))
    child.expect("Little Giant")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert tier_statuses(assess_json(tmp_path / "tty.yaml", "--as-of", "2026-11-26")) == {
        "innovative_sme": "met", "zjtx_sme": "manual_review", "little_giant": "manual_review"}


def test_a_bad_answer_is_explained_in_chinese_and_asked_again(tmp_path: Path) -> None:
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "zh.yaml"], tmp_path)
    assert s.until_prompt() is not None
    s.send("一万二")
    retry = s.until_prompt()
    assert retry is not None and "请输入金额（万元，不能为负数）" in retry and "请重新输入" in retry
    s.send("12,000")
    assert s.until_prompt() is not None
    code, _ = s.finish()
    assert code == 130
    assert "revenue: 12000" in (tmp_path / "zh.yaml").read_text(encoding="utf-8")


def test_stopping_at_the_resume_question_keeps_the_saved_answers(tmp_path: Path) -> None:
    save = tmp_path / "kept.yaml"
    save.write_text("employees: 5\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--save", str(save), "--lang", "en"],
                          input="", capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 130
    assert "the answers saved in" in done.stderr and save.read_text(encoding="utf-8") == "employees: 5\n"
