"""End to end: a period of returns made the way communes make them, imported by the CLI, gives the true figures.

The corpus and its answer key come from ``make_messy_period`` (independent of the importer and of its test builders);
the app runs as a user runs it: ``python main.py --db … import FOLDER --json`` for each batch, then ``indicators``
(latest, and as of the first half-year). Three seeds keep it quick; more seeds are one loop away:
``python -m tests.corpus.make_messy_period OUT --seed N`` writes a corpus and its answer key for a look.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from .make_messy_period import AnswerKey, make_period

ROOT = Path(__file__).resolve().parents[2]
AS_OF = ("6 tháng đầu năm 2019", date(2019, 6, 30))


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip


def import_batches(key: AnswerKey, db: Path) -> dict[Path, dict[str, object]]:
    """Each batch folder in turn (the second holds what arrived later: corrections, late returns)."""
    outcomes: dict[Path, dict[str, object]] = {}
    for batch in key.batches:
        result = run_cli(db, "import", str(batch), "--json")
        assert result.returncode in (0, 1), result.stderr
        outcomes.update({Path(str(o["file"])): o for o in json.loads(result.stdout)})
    return outcomes


def file_problems(key: AnswerKey, outcomes: dict[Path, dict[str, object]]) -> list[str]:
    """Every file whose outcome differs from the answer key: status, unit, period, rows read."""
    problems = []
    for case in key.import_order():
        outcome = outcomes.get(case.path)
        if outcome is None:
            problems.append(f"{case.describe()}: missing from the import output")
            continue
        errors = "; ".join(f"{e['sheet']}, dòng {e['row']}, cột {e['column']}: {e['message']}"
                           for e in outcome["errors"])  # type: ignore[attr-defined]  # fmt: skip
        if outcome["status"] != case.expect:
            problems.append(f"{case.describe()}: {outcome['status']}, expected {case.expect} ({errors})")
            continue
        if case.expect != "imported":
            continue
        counts = {k: v for k, v in outcome["counts"].items() if v}  # type: ignore[attr-defined]
        expected = {k: v for k, v in case.expected_counts().items() if v}
        got = (outcome["unit"], outcome["period"], counts)
        if got != (case.unit_name, case.period, expected):
            problems.append(f"{case.describe()}: read {got}, expected {(case.unit_name, case.period, expected)}")
    return problems


def indicator_problems(key: AnswerKey, db: Path, as_of: tuple[str, date] | None = None) -> list[str]:
    """Each indicator's numerator, denominator and value, and the missing returns, against the answer key."""
    args = ["indicators", "--json"] + (["--as-of", as_of[0]] if as_of else [])
    result = run_cli(db, *args)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    scope = f"as of {as_of[0]}" if as_of else "latest"
    problems = []
    got = {i["code"]: i for i in report["indicators"]}
    for code, (numerator, denominator) in key.indicators(as_of[1] if as_of else None).items():
        item = got.get(code, {})
        value = 100.0 * numerator / denominator if denominator else None
        if (item.get("numerator"), item.get("denominator")) != (numerator, denominator) or item.get(
            "value"
        ) != pytest.approx(value):
            problems.append(f"{scope} {code}: got {item}, expected {numerator}/{denominator} = {value}")
    missing = key.missing_returns(as_of[1] if as_of else None)
    if sorted(report["missing_returns"]) != sorted(missing):
        problems.append(f"{scope} missing returns: got {report['missing_returns']}, expected {missing}")
    return problems


@pytest.mark.parametrize("seed", [2019, 2, 95])
def test_a_messy_period_gives_the_true_figures(tmp_path: Path, seed: int) -> None:
    key = make_period(tmp_path / "returns", seed)
    db = tmp_path / "messy.db"

    outcomes = import_batches(key, db)
    problems = file_problems(key, outcomes)
    problems += indicator_problems(key, db) + indicator_problems(key, db, AS_OF)

    assert not problems, "\n".join(problems)
    kim_son = next(outcomes[c.path] for c in key.files if c.why == "Kim Sơn after the merger")
    assert any("sáp nhập vào xã Kim Phượng" in e["message"] for e in kim_son["errors"])  # type: ignore[attr-defined]
