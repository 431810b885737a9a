"""Any one-letter name the learner gives the unknowns is accepted, and the parameters of a
solution set are named so that they never clash with the unknowns. Checked by putting the
answer back into the equations (the inverse operation)."""

from __future__ import annotations

import string
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.answers import Verdict, compare, parse
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.exercises.inputs import InputError
from mlmath.exercises.registry import get

SYSTEM = {"matrix": [[1, 2, -1], [2, 4, -2]], "rhs": [3, 6]}
"""One plane's equation twice: two free parameters."""


def satisfies(solutions: SolutionSet, matrix: list[list[int]], rhs: list[int]) -> bool:
    assert solutions.particular is not None
    points = [solutions.particular, *(solutions.particular + d for d in solutions.directions)]
    for point in points:
        for row, b in zip(matrix, rhs, strict=True):
            if sum(Fraction(a) * x for a, x in zip(row, point, strict=True)) != b:
                return False
    return True


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(string.ascii_lowercase), min_size=3, max_size=3, unique=True))
def test_any_three_letters_name_the_unknowns(names: list[str]) -> None:
    skill = get("linalg.solve_singular_system")
    params = skill.read_inputs({**SYSTEM, "variables": ", ".join(names)})
    solution = skill.solve(params)
    answer = solution.answer
    assert isinstance(answer, SolutionSet)
    assert answer.variables == tuple(names)
    assert not set(answer.parameters) & set(names), "a parameter shares an unknown's name"
    assert satisfies(answer, SYSTEM["matrix"], SYSTEM["rhs"])
    fmt = skill.answer_format(params)
    assert compare(answer, parse(answer.text(), fmt), fmt) is Verdict.EQUAL


@pytest.mark.parametrize("names", ["s, t, r", "p, q, r", "t, s, p", "e, i, x"])
def test_the_names_once_refused(names: str) -> None:
    skill = get("linalg.solve_by_elimination")
    params = skill.read_inputs({**SYSTEM, "variables": names})
    answer = skill.solve(params).answer
    text = answer.text()
    for parameter in answer.parameters:
        assert parameter not in names.split(", ")
        assert parameter in text
    assert satisfies(answer, SYSTEM["matrix"], SYSTEM["rhs"])


@pytest.mark.parametrize("names", ["x, y, xy", "x, y, 1", "x, x, y", "x, y, Ω"])
def test_names_that_are_not_one_letter_are_refused_in_one_line(names: str) -> None:
    skill = get("linalg.solve_by_elimination")
    with pytest.raises(InputError) as refused:
        skill.read_inputs({**SYSTEM, "variables": names})
    assert "\n" not in str(refused.value)


def test_parameters_avoid_the_unknowns_even_with_many() -> None:
    unknowns = ("t", "s", "r", "q", "p")
    solutions = SolutionSet(
        unknowns, Vector.of([0] * 5), tuple(Vector.of([1, 0, 0, 0, 0]) for _ in range(4))
    )
    assert solutions.parameters == ("u", "v", "w", "k")
