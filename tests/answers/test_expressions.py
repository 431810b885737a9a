"""EXPRESSION answers: the grammar, equivalence by probing, and agreement with SymPy."""

from __future__ import annotations

import math

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlmath.answers import (
    AnswerError,
    AnswerFormat,
    Expression,
    Kind,
    TooLarge,
    Verdict,
    compare,
    expression,
    parse,
    show,
)

X = AnswerFormat(Kind.EXPRESSION, variables=("x",))
XY = AnswerFormat(Kind.EXPRESSION, variables=("x", "y"))


@pytest.mark.parametrize(
    ("typed", "at_x", "value"),
    [
        ("2x", 3, 6),
        ("2x^2", 3, 18),
        ("2x**2", 3, 18),
        ("2 x²", 3, 18),
        ("-x^2", 3, -9),
        ("(-x)^2", 3, 9),
        ("2(x+1)", 3, 8),
        ("(x+1)(x-1)", 3, 8),
        ("x(x+1)", 3, 12),
        ("x/2x", 3, 4.5),
        ("1/2x", 4, 2),
        ("1/(2x)", 4, 0.125),
        ("2^x", 3, 8),
        ("2^-x", 1, 0.5),
        ("x^-1", 4, 0.25),
        ("e^-x", 0, 1),
        ("e^(2x)", 0.5, math.e),
        ("exp(x)", 1, math.e),
        ("ln(x)", math.e, 1),
        ("log(x)", math.e, 1),
        ("sqrt(x)", 9, 3),
        ("√x", 9, 3),
        ("√(x+7)", 9, 4),
        ("abs(x)", -2, 2),
        ("sin(x)^2 + cos(x)^2", 0.7, 1),
        ("2πx", 1, 2 * math.pi),
        ("x·x", 3, 9),
        ("x × x", 3, 9),
        ("x³ − 1", 2, 7),
        ("x⁻¹", 4, 0.25),
        ("3x^2 + 2x - 1", -1, 0),
        ("1/(1 + e^-x)", 0, 0.5),
        ("tanh(x)", 0, 0),
        ("f(x) = x + 1", 1, 2),
        ("f'(x) = 2x", 1, 2),
        ("y = 3x", 1, 3),
        ("dy/dx = 2x", 2, 4),
    ],
)
def test_formulas_read_as_a_reader_means_them(typed: str, at_x: float, value: float) -> None:
    read = parse(typed, X)
    assert isinstance(read, Expression)
    assert read.evaluate({"x": at_x}) == pytest.approx(value)


@pytest.mark.parametrize(
    ("typed", "point", "value"),
    [
        ("xy", {"x": 2, "y": 3}, 6),
        ("x y", {"x": 2, "y": 3}, 6),
        ("2xy^2", {"x": 2, "y": 3}, 36),
        ("(xy)^2", {"x": 2, "y": 3}, 36),
        ("2(xy)^2", {"x": 2, "y": 3}, 72),
        ("x^2 + 2xy + y^2", {"x": 1, "y": 2}, 9),
    ],
)
def test_several_variables(typed: str, point: dict[str, float], value: float) -> None:
    assert parse(typed, XY).evaluate(point) == pytest.approx(value)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2z", "'z' is not a name we know here; use the variables x"),
        ("sinx", "'sinx' is not a name we know here"),
        ("sin x", "Put the argument of sin in parentheses"),
        ("x 2", "Write the number 2 before what it multiplies"),
        ("2x +", "stops after '+'"),
        ("x^", "stops after '^'"),
        ("(x + 1", "never closed"),
        ("x!", "accepted of whole numbers only"),
        ("x = y = 1", "at most one '='"),
        ("50%", "Percent signs are not accepted"),
        ("|x|", "abs(x)"),
        ("[x]", "round brackets"),
        ("x, 2", "type a single value"),
        ("__import__('os').system('echo hi')", "cannot be read"),
        ("lambda: 1", "cannot be read"),
        ("x.real", "'.' cannot be read here"),
    ],
)
def test_unreadable_formulas_say_what_to_type(typed: str, message: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse(typed, X)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("expected", "typed", "verdict"),
    [
        ("2x+2", "2(x+1)", Verdict.EQUAL),
        ("2x+2", "2(x+2)", Verdict.DIFFERENT),
        ("(x+1)^2", "x^2 + 2x + 1", Verdict.EQUAL),
        ("(x+1)^2", "x^2 + 1", Verdict.DIFFERENT),
        ("x^2 - 1", "(x-1)(x+1)", Verdict.EQUAL),
        ("1/x + 1/(x+1)", "(2x+1)/(x(x+1))", Verdict.EQUAL),
        ("e^(2x)", "exp(x)^2", Verdict.EQUAL),
        ("e^(2x)", "2e^x", Verdict.DIFFERENT),
        ("ln(x^2)", "2ln(abs(x))", Verdict.EQUAL),
        ("sqrt(x)", "x^(1/2)", Verdict.EQUAL),
        ("sin(2x)", "2sin(x)cos(x)", Verdict.EQUAL),
        ("sin(x)^2", "1 - cos(x)^2", Verdict.EQUAL),
        ("x/(1+x)", "1 - 1/(1+x)", Verdict.EQUAL),
        ("1/(1+e^-x)", "e^x/(1+e^x)", Verdict.EQUAL),
        ("(x+1)^20", "(x+1)^19*(x+1)", Verdict.EQUAL),
        ("(x+1)^20", "(x+1)^19*(x+1) + 10^-9", Verdict.DIFFERENT),
        ("x", "x + 0.000001", Verdict.DIFFERENT),
        ("3", "3", Verdict.EQUAL),
        ("0", "x - x", Verdict.EQUAL),
    ],
)
def test_equivalent_forms_are_accepted_and_others_not(
    expected: str, typed: str, verdict: Verdict
) -> None:
    assert compare(expression(expected, ("x",)), parse(typed, X), X) is verdict


@pytest.mark.parametrize(
    ("expected", "typed", "verdict"),
    [
        ("y = 2x + 1", "y = 2x + 1", Verdict.EQUAL),
        ("y = 2x + 1", "2x - y + 1 = 0", Verdict.EQUAL),
        ("y = 2x + 1", "4x - 2y = -2", Verdict.EQUAL),
        ("y = 2x + 1", "2x + 1 = y", Verdict.EQUAL),
        ("y = 2x + 1", "y = 2x + 2", Verdict.DIFFERENT),
        ("y = 2x + 1", "y = x^2", Verdict.DIFFERENT),
        ("y = 2x + 1", "2x + 1", Verdict.DIFFERENT),
        ("x^2 + y^2 = 1", "y^2 = 1 - x^2", Verdict.EQUAL),
    ],
)
def test_equations_are_equal_when_they_describe_the_same_relation(
    expected: str, typed: str, verdict: Verdict
) -> None:
    assert compare(expression(expected, ("x", "y")), parse(typed, XY), XY) is verdict


def test_expected_answers_may_be_sympy_text_or_numbers() -> None:
    x = sympy.Symbol("x")
    assert compare(sympy.diff(x**3, x), parse("3x^2", X), X) is Verdict.EQUAL
    assert compare(sympy.exp(-x) * sympy.sin(x), parse("sin(x)e^-x", X), X) is Verdict.EQUAL
    assert compare("2x + 2", parse("2(x+1)", X), X) is Verdict.EQUAL
    assert compare(4, parse("2*2", X), X) is Verdict.EQUAL


def test_undecidable_is_never_different() -> None:
    narrow = "sqrt(x - 100) + sqrt(100 - x)"
    assert compare(expression(narrow, ("x",)), parse("0", X), X) is not Verdict.DIFFERENT


def test_expressions_convert_to_sympy_through_the_whitelist() -> None:
    x = sympy.Symbol("x", real=True)
    converted = parse("2x^2 + sin(x)/ln(x) - e^x", X).to_sympy()
    assert sympy.simplify(converted - (2 * x**2 + sympy.sin(x) / sympy.log(x) - sympy.exp(x))) == 0


@pytest.mark.parametrize(
    "typed",
    [
        "x^(10^10)",
        "9^9^9^x",
        "x" + "+x" * 500,
        "-" * 300 + "x",
        "((((((((((" * 4 + "x" + "))))))))))" * 4,
    ],
)
def test_huge_formulas_are_too_large_or_handled_fast(typed: str) -> None:
    try:
        read = parse(typed, X)
    except TooLarge:
        return
    assert compare(read, read, X) is not Verdict.DIFFERENT


# --- properties against SymPy ----------------------------------------------------------------

leaves = st.one_of(
    st.sampled_from(["x", "y"]),
    st.integers(-5, 5).map(lambda n: f"({n})"),
)


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, children).map(lambda p: f"({p[0]} + {p[1]})"),
        st.tuples(children, children).map(lambda p: f"({p[0]} - {p[1]})"),
        st.tuples(children, children).map(lambda p: f"({p[0]})*({p[1]})"),
        st.tuples(children, st.integers(0, 3)).map(lambda p: f"({p[0]})^{p[1]}"),
    )


polynomials = st.recursive(leaves, _combine, max_leaves=8)


def _sympy_text(typed: str) -> str:
    """Our text for a test-generated formula after SymPy expands it (test text only)."""
    x, y = sympy.symbols("x y")
    expanded = sympy.expand(sympy.sympify(typed.replace("^", "**"), locals={"x": x, "y": y}))
    return sympy.sstr(expanded).replace("**", "^")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(polynomials)
def test_sympy_expanded_forms_are_accepted(typed: str) -> None:
    assert compare(expression(typed, ("x", "y")), parse(_sympy_text(typed), XY), XY) is (
        Verdict.EQUAL
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(polynomials, st.integers(-3, 3).filter(bool), st.integers(0, 3), st.sampled_from("xy"))
def test_forms_that_differ_are_rejected(
    typed: str, coefficient: int, power: int, name: str
) -> None:
    changed = f"{_sympy_text(typed)} + ({coefficient})*{name}^{power}"
    assert compare(expression(typed, ("x", "y")), parse(changed, XY), XY) is Verdict.DIFFERENT


@settings(max_examples=80, deadline=None)
@given(polynomials)
def test_expressions_round_trip_through_show(typed: str) -> None:
    value = expression(typed, ("x", "y"))
    assert compare(value, parse(show(value, XY), XY), XY) is Verdict.EQUAL
    assert show(value, XY) == value.text()
