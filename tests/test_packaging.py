"""The built-in rule sets ship inside the wheel and are found from any folder; an editable
install (how the test suite runs) finds them in the checkout's rules/."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT

from littlegiant.load import rules


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (found,) = out.glob("littlegiant-*.whl")
    return found


@pytest.mark.slow
def test_wheel_lists_the_rule_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule in sorted([*(ROOT / "rules").rglob("*.yaml"), *(ROOT / "rules").rglob("*.json")]):  # parsed forms too
        assert f"littlegiant/{rule.relative_to(ROOT)}" in names


@pytest.mark.slow
def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    # the dependencies come from this interpreter's site-packages; littlegiant only from the wheel
    proc = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "tier1-only.yaml"),
                           "--format", "json", "--as-of", "2026-11-26"],
                          cwd=elsewhere, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["rules"]["id"] == "miit-2026"
    where = subprocess.run([sys.executable, "-c", "import littlegiant.load.rules as r; print(r.builtin_dir())"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert where.startswith(str(target))
    fast = ("from littlegiant.load import parsed, rules; d = rules.builtin_dir(); "
            "print(all(parsed.read(p, d, str(p)) is not None for p in parsed.sources(d)))")
    assert subprocess.run([sys.executable, "-c", fast], cwd=elsewhere, env=env, capture_output=True, text=True,
                          check=True).stdout.strip() == "True"  # an installed copy reads no built-in YAML
    tested = subprocess.run([sys.executable, "-m", "littlegiant", "rules", "test"], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "shandong-2022: 2 cases" in tested.stdout  # the overlay and the cases beside it ship too


def test_builtin_rules_found_in_this_install() -> None:
    """However this test run installed the package (editable in CI), the rule sets are found."""
    assert {"miit-2022", "miit-2026"} <= set(rules.builtin_ids())
    assert (rules.builtin_dir() / "miit-2022.yaml").is_file()
