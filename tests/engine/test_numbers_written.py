"""Numbers in steps and feedback as a person writes them: no e-notation, no share of 100%
that is not all, no float's fifteen digits where a worked-out number stands."""

from __future__ import annotations

import doctest
import re
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine import notation, significant
from mlmath.engine.calculus import numerals
from mlmath.engine.notation import float_latex, float_text, number_latex, number_text
from mlmath.engine.probability.notation import given_latex, given_text
from mlmath.engine.significant import percent_latex, percent_text

E_NOTATION = re.compile(r"\de[-+]?\d")


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(3, 8))
def test_no_float_is_written_in_e_notation(x: float, figures: int) -> None:
    for shown in (
        float_text(x, figures),
        float_latex(x, figures),
        number_text(x),
        number_latex(x),
        numerals.text(x),
        numerals.latex(x),
        given_text(x),
        given_latex(x),
    ):
        assert not E_NOTATION.search(shown), shown


@settings(max_examples=300, deadline=None)
@given(st.floats(1e-7, 9e14))
def test_a_float_written_out_keeps_its_value(x: float) -> None:
    shown = float_text(x)
    assert "×" not in shown
    assert float(shown) == pytest.approx(x, rel=1e-5)


@pytest.mark.parametrize(
    ("x", "shown"),
    [
        (4.5397868702e-05, "0.0000453979"),
        (-1e-06, "-0.000001"),
        (1234567.0, "1234570"),
        (2.5e-12, "2.5 × 10^-12"),
        (0.731058578630, "0.731059"),
    ],
)
def test_floats_written_out(x: float, shown: str) -> None:
    assert float_text(x) == shown


@pytest.mark.parametrize(
    ("share", "decimals", "shown"),
    [
        (Fraction(2, 3), 0, "67%"),
        (0.9997, 0, "99.97%"),
        (0.99999, 2, "99.999%"),
        (1.0, 0, "100%"),
        (Fraction(1), 2, "100.00%"),
        (0.00004, 0, "0.004%"),
        (0, 0, "0%"),
    ],
)
def test_a_share_that_is_not_all_is_never_100_percent(
    share: float | Fraction, decimals: int, shown: str
) -> None:
    assert percent_text(share, decimals) == shown
    assert percent_latex(share, decimals) == shown.replace("%", r"\%")


def test_a_worked_out_float_is_not_written_with_fifteen_digits() -> None:
    assert given_text(3.13467411674353) == "3.1347"
    assert given_text(0.025) == "0.025"
    assert given_text(1000000000000.4) == "1000000000000.4"


@pytest.mark.parametrize("module", [notation, significant, numerals])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


def _rounded_by_decimal(x: Fraction, figures: int) -> Decimal:
    """``x`` to ``figures`` significant figures, half to even, by the decimal module."""
    with localcontext() as context:
        context.prec = 60
        value = Decimal(x.numerator) / Decimal(x.denominator)
        exponent = value.adjusted() - figures + 1
        return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)


@settings(max_examples=400, deadline=None)
@given(
    st.fractions(
        min_value=Fraction(-(10**30)), max_value=Fraction(10**30), max_denominator=10**9
    ).filter(lambda x: x != 0),
    st.integers(4, 17),
)
def test_an_exact_number_is_rounded_exactly_never_through_a_float(
    x: Fraction, figures: int
) -> None:
    """Every digit shown of a fraction is its own: 3000000000004/3 to 17 figures is
    1000000000001.3333 (a float gives …3334), 5999999999999999999999984/3 keeps its 25
    digits before the point instead of a float's noise."""
    shown = significant.sig_text(x, figures)
    mantissa, _, power = shown.partition(" × 10^")
    with localcontext() as context:
        context.prec = 60  # more digits than any number drawn: nothing is rounded here
        value = Decimal(mantissa).scaleb(int(power) if power else 0)
        expected = _rounded_by_decimal(x, figures)
        if expected.adjusted() >= figures - 1:  # every digit before the point is kept
            expected = Decimal(round(x))
        assert value == expected, (x, figures, shown)


def test_a_long_mean_is_written_with_its_own_digits() -> None:
    mean = Fraction(3000000000004, 3)
    assert significant.sig_text(mean, 17) == "1000000000001.3333"
    assert significant.sig_text(Fraction(5999999999999999999999984, 3)) == (
        "1999999999999999999999995"
    )
    assert significant.sig_text(2e24) == "2 × 10^24"  # a float's digits past 17 are noise
