"""Solutions and formulas written out only when they are read."""

from __future__ import annotations

import pytest

from mlmath.engine import render
from mlmath.engine.solution import Formula, LazyFormula, Solution, Step, WorkedLater


def test_steps_are_written_once_when_first_read() -> None:
    written: list[int] = []

    def write() -> tuple[Step, ...]:
        written.append(1)
        return (Step("Add", Formula("1 + 1 = 2", "1 + 1 = 2")),)

    solution = WorkedLater(2, write)
    assert solution.answer == 2
    assert written == []
    assert solution.steps == solution.steps
    assert written == [1]
    assert isinstance(solution, Solution)
    assert solution == Solution(2, (Step("Add", Formula("1 + 1 = 2", "1 + 1 = 2")),))
    assert Solution(2, solution.steps) == solution
    assert render.solution_text(solution) == render.solution_text(Solution(2, solution.steps))


def test_a_solution_written_later_still_needs_a_step() -> None:
    with pytest.raises(ValueError, match="at least one step"):
        _ = WorkedLater(1, lambda: ()).steps


def test_a_lazy_formula_reads_and_renders_as_its_formula() -> None:
    lazy = LazyFormula(lambda: r"x^{2}", lambda: "x^2", display=True)
    eager = Formula(r"x^{2}", "x^2", display=True)
    assert (lazy.latex(), lazy.text(), lazy.to_json()) == (
        eager.latex(),
        eager.text(),
        eager.to_json(),
    )
    assert render.is_block(lazy) is render.is_block(eager) is True
    assert lazy == LazyFormula(lambda: r"x^{2}", lambda: "x^2", display=True)
    assert lazy != LazyFormula(lambda: r"x^{2}", lambda: "x^2")
