"""Worked answers in the form a person writes them, with the same value (checked by SymPy)."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlmath.answers.expression import Expression, expression
from mlmath.answers.tidy import tidy

XY = ("x", "y")


@pytest.mark.parametrize(
    ("machine", "person"),
    [
        ("-1*exp(-1*x)", "-e^(-x)"),
        ("2*(x*y) + 6x", "2xy + 6x"),
        ("2*(1/(2x))", "1/x"),
        ("3/(2*x)", "3/(2x)"),
        ("9*x^2 + -2", "9x^2 - 2"),
        ("exp(2x) + 2*(x*exp(2x))", "e^(2x) + 2x*e^(2x)"),
        ("-1*(2*(x*exp(-(x^2))))", "-2x*e^(-x^2)"),
        ("x^1*y + 0*x + 1*y^2", "xy + y^2"),
        ("(3/4)*x", "3x/4"),
        ("y*x^2*3", "3x^2y"),
    ],
)
def test_a_worked_answer_reads_as_a_person_writes_it(machine: str, person: str) -> None:
    assert Expression(tidy(expression(machine, XY).root), XY).text() == person


leaves = st.one_of(
    st.sampled_from(["x", "y", "exp(x)", "(-1)*y"]),
    st.fractions(-5, 5, max_denominator=4).map(lambda f: f"({f})"),
)


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, children).map(lambda p: f"({p[0]} + {p[1]})"),
        st.tuples(children, children).map(lambda p: f"({p[0]} - {p[1]})"),
        st.tuples(children, children).map(lambda p: f"({p[0]})*({p[1]})"),
        st.tuples(children, children).map(lambda p: f"({p[0]})/({p[1]})"),
        st.tuples(children, st.integers(0, 3)).map(lambda p: f"({p[0]})^{p[1]}"),
        children.map(lambda c: f"-({c})"),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.recursive(leaves, _combine, max_leaves=7))
def test_tidying_keeps_the_value(typed: str) -> None:
    """The tidy text, read back, minus the machine form simplifies to 0 in SymPy."""
    tidied = Expression(tidy(expression(typed, XY).root), XY).text()
    original = expression(typed, XY).to_sympy()
    if original.has(sympy.zoo, sympy.nan):
        return  # a division by zero: nothing to keep
    difference = sympy.simplify(original - expression(tidied, XY).to_sympy())
    assert difference == 0, (typed, tidied)
