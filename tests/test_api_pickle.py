"""A consultant's script hands its clients to ``multiprocessing`` workers: what the API returns pickles."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT

import littlegiant

DAY = date(2026, 11, 26)


def _own_copy(own: Path) -> None:
    """The Shandong overlay as a consultant's own file (under an id of its own, as a copy must have)."""
    text = (ROOT / "rules" / "overlays" / "shandong-2022.yaml").read_text(encoding="utf-8")
    own.write_text(text.replace("id: shandong-2022", "id: shandong-mine"), encoding="utf-8")


def _assessed(path: str, rules: str | None = None) -> littlegiant.Assessment:
    return littlegiant.assess(path, rules, as_of=DAY, what_if={"employees": 100})


def _compared(path: str, rules: str) -> list[littlegiant.Result]:
    return littlegiant.compare(path, ["miit-2022", "miit-2026", rules], as_of=DAY)


def _doc(value: object) -> str:
    return json.dumps(littlegiant.to_json(value, "zh"), ensure_ascii=False)  # type: ignore[arg-type]


def test_assessments_and_comparisons_come_back_from_worker_processes(tmp_path: Path) -> None:
    """Sent back from a worker, a result stopped the script: "Can't pickle local object '_env_leaf.<locals>.<lambda>'"
    (a result holds its rule set, whose rules are compiled). Now every assessment, what-if and comparison comes
    back, with a rule file of the consultant's own too, and renders to the document made here."""
    own = tmp_path / "mine.yaml"
    _own_copy(own)
    files = [str(EXAMPLES / name) for name in ("tier1-only.yaml", "little-giant-2026.yaml", "half-missing.yaml")]
    with multiprocessing.get_context("spawn").Pool(2) as pool:  # spawn: nothing inherited, all of it pickled
        assessed = pool.map(_assessed, files)
        own_rules = pool.map(partial(_assessed, rules=str(own)), files)
        compared = pool.map(partial(_compared, rules=str(own)), files)
    for path, one, mine, sets in zip(files, assessed, own_rules, compared, strict=True):
        assert one.baseline is not None and _doc(one) == _doc(_assessed(path))
        assert mine.rules.id == "shandong-mine" and _doc(mine) == _doc(_assessed(path, str(own)))
        assert [_doc(r) for r in sets] == [_doc(r) for r in _compared(path, str(own))]
    rules = littlegiant.load_rules(own)
    assert pickle.loads(pickle.dumps(rules)) is rules  # the set loaded here, not a second copy of it


def test_a_result_whose_rule_file_changed_since_is_refused_not_judged_by_other_bars(tmp_path: Path) -> None:
    """A pickled result is read back with its rule set loaded again from its file: a file edited in between
    would give the result bars it was not judged by. Unpickling says which file changed; a result made before
    an edit (its set read again since) says it cannot be sent, rather than send the new bars."""
    own = tmp_path / "mine.yaml"
    _own_copy(own)
    sent = pickle.dumps(_assessed(str(EXAMPLES / "little-giant-2022.yaml"), str(own)))
    own.write_text(own.read_text(encoding="utf-8").replace("（示例）", "（2027修订）"), encoding="utf-8")
    with pytest.raises(littlegiant.InputError, match=r"mine\.yaml: the rule file changed after the results sent here"):
        pickle.loads(sent)
    stale = _assessed(str(EXAMPLES / "little-giant-2022.yaml"), str(own))
    own.write_text(own.read_text(encoding="utf-8").replace("（2027修订）", "（2028修订）"), encoding="utf-8")
    littlegiant.load_rules(own)  # read again: the set stale was judged by is in no file now
    with pytest.raises(pickle.PicklingError, match=r"^cannot pickle results of the rule file .*mine\.yaml as it was: it has changed"):
        pickle.dumps(stale)
