"""``assess FILE`` to stdout starts without what only a file written needs (issue #14)."""

from __future__ import annotations

import subprocess
import sys


def test_an_assessment_to_stdout_loads_no_tempfile() -> None:
    """tempfile (with random, ~1.2 ms) was imported by the file writer's module as every run loaded
    it; a report printed to stdout writes no file. (The modules an assessment loads, without typer:
    typer 0.29's pydantic loads tempfile of its own.)"""
    code = ("import sys\nimport littlegiant.cli.stopping, littlegiant.load.profile, littlegiant.core.assessment\n"
            "import littlegiant.core.engine, littlegiant.report.common, littlegiant.report.result_json\n"
            "print(sorted(m for m in ('tempfile', 'random') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_a_command_named_first_is_the_only_one_typer_makes() -> None:
    """typer makes every command's options from its signature at each start: 22M instructions of an
    assessment's start-up for the commands it does not run. Named first, a top-level command is made
    alone under the group; anything else (rules, an option first, a name that is no command, told the
    known ones) gets them all, and the app keeps every command for the next run."""
    from littlegiant.cli.app import _built, app

    before = list(app.registered_commands)
    assert sorted(_built(["assess", "co.yaml", "--format", "json"]).commands) == ["assess"]
    assert sorted(_built(["init", "--help"]).commands) == ["init"]
    every = ["assess", "batch", "init", "rules", "schema"]
    for argv in (["rules", "list"], ["--lang", "zh", "assess"], ["asess"], []):
        assert sorted(_built(argv).commands) == every, argv
    assert app.registered_commands == before
