"""`mlmath practice`: a learner in the terminal answers wrong, gets the named mistake, a hint and
the worked solution, answers right, and finds the progress kept in the course database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from mlmath.answers import Verdict, compare, show
from mlmath.cli.practice import Session, open_record
from mlmath.exercises.registry import all_skills

SKILL = "linalg.determinant_2x2"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MLMATH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MLMATH_DATABASE_URL", raising=False)
    monkeypatch.delenv("MLMATH_SECRET_KEY", raising=False)
    return tmp_path


def scripted(lines: list[str]) -> Iterator[str | None]:
    yield from lines
    while True:
        yield None


def test_wrong_then_hint_solution_right_and_kept(data_dir: Path) -> None:
    skill = all_skills()[SKILL]
    with open_record() as record:
        current = record.current(skill)
        params = current.problem.params
        fmt = skill.answer_format(params)
        answer = skill.solve(params).answer
        wrong_id, wrong = next(
            (m, w)
            for m, w in skill.buggy_answers(params).items()
            if compare(answer, w, fmt) is not Verdict.EQUAL
        )
        console = Console(record=True, width=100, force_terminal=False)
        script = scripted([show(wrong, fmt), "?", "s", show(answer, fmt), "q"])
        Session(console, lambda _: next(script), record, [skill]).run()
    out = console.export_text()
    assert skill.misconception(wrong_id).name in out
    assert "Hint:" in out
    assert "Worked solution" in out
    assert "Correct" in out
    with open_record() as record:
        again = record.current(skill)
        assert again.problem.seed == current.problem.seed, "an unfinished problem stays"
        assert again.mastery.answers == 2
        assert again.mastery.level_name == "attempted"  # right only after the solution was shown


def test_next_moves_on_and_quit_at_end_of_input(data_dir: Path) -> None:
    skill = all_skills()[SKILL]
    with open_record() as record:
        first = record.current(skill)
        console = Console(record=True, width=100)
        script = scripted(["n"])
        Session(console, lambda _: next(script), record, [skill]).run()
        assert record.current(skill).problem.seed != first.problem.seed
    assert "Bye for now" in console.export_text()


def test_choices_are_listed_with_letters(data_dir: Path) -> None:
    skill = all_skills()["linalg.singular_matrix"]
    with open_record() as record:
        console = Console(record=True, width=100)
        script = scripted(["q"])
        Session(console, lambda _: next(script), record, [skill]).run()
    out = console.export_text()
    assert "a) " in out
    assert "b) " in out
