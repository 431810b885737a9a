"""SOLUTION_SET answers: none, infinitely many, points and parametric descriptions."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlmath.answers import (
    AnswerError,
    AnswerFormat,
    InfinitelyMany,
    Kind,
    Verdict,
    compare,
    parse,
    show,
)
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.solution_set import SolutionSet

XYZ = ("x", "y", "z")
FMT = AnswerFormat(Kind.SOLUTION_SET, variables=XYZ)
LOOSE = AnswerFormat(Kind.SOLUTION_SET, variables=XYZ, require_parametric=False)
LINE = SolutionSet(XYZ, Vector.of([1, 0, 3]), (Vector.of([-2, 1, 0]),))
POINT = SolutionSet(XYZ, Vector.of([1, 2, 3]))
EMPTY = SolutionSet.empty(XYZ)


@pytest.mark.parametrize(
    "typed",
    [
        "no solution",
        "No solutions",
        "none",
        "None.",
        "∅",
        "{}",
        "inconsistent",
        "there is no solution",
        "the empty set",
    ],
)
def test_no_solution(typed: str) -> None:
    assert compare(EMPTY, parse(typed, FMT), FMT) is Verdict.EQUAL
    assert compare(POINT, parse(typed, FMT), FMT) is Verdict.DIFFERENT


@pytest.mark.parametrize(
    "typed", ["infinitely many", "Infinite", "infinitely many solutions", "∞", "many solutions"]
)
def test_infinitely_many_is_incomplete_when_the_solutions_must_be_described(typed: str) -> None:
    read = parse(typed, FMT)
    assert isinstance(read, InfinitelyMany)
    assert compare(LINE, read, FMT) is Verdict.INCOMPLETE
    assert compare(LINE, read, LOOSE) is Verdict.EQUAL
    assert compare(POINT, read, FMT) is Verdict.DIFFERENT
    assert compare(EMPTY, read, FMT) is Verdict.DIFFERENT


@pytest.mark.parametrize(
    "typed",
    [
        "(1, 2, 3)",
        "[1, 2, 3]",
        "x = 1, y = 2, z = 3",
        "z = 3, x = 1, y = 2",
        "x=1; y=2; z=3",
        "x = 1 and y = 2 and z = 3",
        "x = 1\ny = 2\nz = 3",
        "x = 2/2, y = 4 - 2, z = sqrt(9)",
        "{(1, 2, 3)}",
    ],
)
def test_a_single_point(typed: str) -> None:
    assert compare(POINT, parse(typed, FMT), FMT) is Verdict.EQUAL


@pytest.mark.parametrize(
    "typed",
    [
        "x = 1 - 2t, y = t, z = 3",
        "(1 - 2t, t, 3)",
        "(1-2t,t,3)",
        "x = 1 - 2y, z = 3",
        "x = 1 - 2y, y = y, z = 3",
        "y = (1 - x)/2, z = 3",
        "x = 3 - 2s, y = s - 1, z = 3",
        "x = 1 + 4t, y = -2t, z = 3",
        "x = 1 - 2t, y = t, z = 3, t ∈ ℝ",
        "x = 1 - 2t, y = t, z = 3 (t is any real number)",
        "x = 1 - 2t, y = t, z = 3 where t is free",
        "x = 1 - 2t, y = t, z = 3, t in R",
        "(1 - t/2·4, 2t/2, 3)",
        "x = 1 - 2 t, y = t, z = 3",
        "x = -(2t - 1), y = t, z = 6/2",
    ],
)
def test_every_parametrisation_of_a_line(typed: str) -> None:
    assert compare(LINE, parse(typed, FMT), FMT) is Verdict.EQUAL


@pytest.mark.parametrize(
    "typed",
    [
        "x = 1 + 2t, y = t, z = 3",
        "x = 1 - 2t, y = t, z = t",
        "x = 1 - 2t, y = s, z = 3",
        "(1, 0, 3)",
        "x = 1 - 2y",
    ],
)
def test_wrong_descriptions_are_different(typed: str) -> None:
    assert compare(LINE, parse(typed, FMT), FMT) is Verdict.DIFFERENT


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("(1, 2)", "Give 3 values, one for each of x, y, z"),
        ("x = t^2, y = t, z = 3", "depend linearly on the parameters"),
        ("x = sqrt(2), y = 1, z = 0", "depend linearly"),
        ("x = 1, x = 2", "contradict each other"),
        ("w = 1", "Put one unknown (x, y, z) on the left"),
        ("x + y = 1", "Put one unknown (x, y, z) on the left"),
        ("x = 1 y = 2", "not of that form"),
        ("x = ", "Give a value after 'x ='"),
        ("x = 1/0", "no real value"),
        ("maybe", "Give 3 values"),
        ("", "empty"),
    ],
)
def test_unreadable_solution_sets_say_what_to_type(typed: str, message: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse(typed, FMT)
    assert message in caught.value.message


def test_parameters_never_clash_with_unknowns_when_shown() -> None:
    rst = ("r", "s", "t")
    plane = SolutionSet(rst, Vector.of([1, 0, 0]), (Vector.of([-1, 1, 0]), Vector.of([-2, 0, 1])))
    fmt = AnswerFormat(Kind.SOLUTION_SET, variables=rst)
    text = show(plane, fmt)
    assert compare(plane, parse(text, fmt), fmt) is Verdict.EQUAL


def test_fractional_directions_are_shown_so_they_read_back() -> None:
    line = SolutionSet(
        ("x", "y"), Vector.of([Fraction(1, 2), 0]), (Vector.of([Fraction(-1, 3), 1]),)
    )
    fmt = AnswerFormat(Kind.SOLUTION_SET, variables=("x", "y"))
    assert compare(line, parse(show(line, fmt), fmt), fmt) is Verdict.EQUAL


# --- against SymPy's linsolve ------------------------------------------------------------


def _from_linsolve(rows: list[list[int]], rhs: list[int], names: tuple[str, ...]) -> str:
    symbols = sympy.symbols(names)
    system = sympy.Matrix(rows), sympy.Matrix(rhs)
    solutions = sympy.linsolve(system, *symbols)
    if not solutions:
        return "no solution"
    (solution,) = solutions
    parts = []
    for name, value in zip(names, solution, strict=True):
        parts.append(f"{name} = {sympy.sstr(value).replace('**', '^')}")
    return ", ".join(parts)


def _solution_set(rows: list[list[int]], rhs: list[int], names: tuple[str, ...]) -> SolutionSet:
    """The expected set from SymPy, converted independently of our reader."""
    symbols = sympy.symbols(names)
    solutions = sympy.linsolve((sympy.Matrix(rows), sympy.Matrix(rhs)), *symbols)
    if not solutions:
        return SolutionSet.empty(names)
    (solution,) = solutions
    free = sorted(set().union(*(v.free_symbols for v in solution)), key=str)
    zero = dict.fromkeys(free, 0)
    particular = Vector.of([Fraction(str(v.subs(zero))) for v in solution])
    directions = tuple(
        Vector.of([Fraction(str(sympy.diff(v, symbol))) for v in solution]) for symbol in free
    )
    return SolutionSet(names, particular, directions)


systems = st.integers(1, 3).flatmap(
    lambda m: st.tuples(
        st.lists(st.lists(st.integers(-3, 3), min_size=3, max_size=3), min_size=m, max_size=m),
        st.lists(st.integers(-5, 5), min_size=m, max_size=m),
    )
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(systems)
def test_linsolve_descriptions_read_as_the_same_set(
    system: tuple[list[list[int]], list[int]],
) -> None:
    rows, rhs = system
    expected = _solution_set(rows, rhs, XYZ)
    typed = _from_linsolve(rows, rhs, XYZ)
    assert compare(expected, parse(typed, FMT), FMT) is Verdict.EQUAL
    assert compare(expected, parse(show(expected, FMT), FMT), FMT) is Verdict.EQUAL


@settings(max_examples=60, deadline=None)
@given(systems, st.integers(1, 3), st.integers(-3, 3))
def test_a_shifted_set_is_different(
    system: tuple[list[list[int]], list[int]], coordinate: int, shift: int
) -> None:
    rows, rhs = system
    expected = _solution_set(rows, rhs, XYZ)
    if expected.particular is None or shift == 0:
        return
    offset = Vector.of([shift if i == coordinate - 1 else 0 for i in range(3)])
    moved = SolutionSet(XYZ, expected.particular + offset, expected.directions)
    verdict = compare(expected, parse(show(moved, FMT), FMT), FMT)
    assert verdict is (Verdict.EQUAL if expected.contains(moved.particular) else Verdict.DIFFERENT)
