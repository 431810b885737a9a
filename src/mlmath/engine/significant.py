"""Real numbers in worked steps: at least four significant figures, and the exact
fraction beside its decimal when the fraction is short enough to read.

A standard error of 0.000429187 is written 0.0004292, not 0.0004; 1234.5678 keeps every
digit before the point (1235); an exact 19/217 is written with its decimal beside it.

>>> sig_text(0.000429187), sig_text(1234.5678), sig_text(2.0), sig_text(Fraction(1, 3))
('0.0004292', '1235', '2', '0.3333')
>>> sig_text(123456.7), sig_text(-0.00000123456)
('123457', '-1.235 × 10^-6')
>>> equals_text(Fraction(19, 217)), equals_text(Fraction(3, 4)), equals_text(Fraction(6))
(' = 19/217 ≈ 0.08756', ' = 3/4 = 0.75', ' = 6')
>>> equals_text(0.5), equals_text(1 / 3)
(' = 0.5', ' ≈ 0.3333')
>>> equals_latex(Fraction(-19, 217))
' = -\\\\frac{19}{217} \\\\approx -0.08756'
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.notation import number_latex, number_text

SIGNIFICANT = 4
"""Significant figures of a real number in a worked step."""

SHORT_FRACTION = 12
"""A fraction written with at most this many characters is shown beside its decimal."""

Real = Fraction | int | float


FLOAT_DIGITS = 17
"""A float carries about this many significant digits: beyond them its decimal digits are
those of the binary number, not of the value meant, so a larger float is written with a
power of ten instead of its noise."""


def _parts(x: Real, significant: int) -> tuple[str, int | None]:
    """The digits of ``x`` rounded to ``significant`` figures, and a power of ten when the
    number is too small (or, for a float, too large) to write with a decimal point (None
    otherwise). A fraction is rounded exactly (half to even), never through a float."""
    if isinstance(x, int | Fraction):
        return _exact_parts(Fraction(x), significant)
    value = float(x)
    if value == 0 or not math.isfinite(value):
        return ("0" if value == 0 else repr(value)), None
    magnitude = math.floor(math.log10(abs(value)))
    if magnitude < -4 or magnitude >= FLOAT_DIGITS:
        mantissa, _, exponent = f"{value:.{significant - 1}e}".partition("e")
        return _trimmed(mantissa), int(exponent)
    decimals = max(significant - 1 - magnitude, 0)
    shown = f"{value:.{decimals}f}"
    if shown.startswith("-") and float(shown) == 0:
        shown = shown[1:]
    return _trimmed(shown), None


def _exact_parts(x: Fraction, significant: int) -> tuple[str, int | None]:
    """:func:`_parts` of an exact number, by integer arithmetic: every digit shown is the
    value's own (1000000000001.3333, not a float's 1000000000001.3334)."""
    if x == 0:
        return "0", None
    size = abs(x)
    magnitude = math.floor(math.log10(size.numerator) - math.log10(size.denominator))
    while Fraction(10) ** magnitude > size:  # the logarithms may be one off at a power of 10
        magnitude -= 1
    while Fraction(10) ** (magnitude + 1) <= size:
        magnitude += 1
    sign = "-" if x < 0 else ""
    if magnitude < -4:
        digits = round(size / Fraction(10) ** (magnitude - significant + 1))
        if digits == 10**significant:  # 9.9996e-6 rounds up to 1.000e-5
            digits //= 10
            magnitude += 1
        text = str(digits)
        return sign + _trimmed(f"{text[0]}.{text[1:]}"), magnitude
    decimals = max(significant - 1 - magnitude, 0)
    digits = round(size * 10**decimals)
    if digits == 0:
        return "0", None
    text = str(digits).rjust(decimals + 1, "0")
    shown = f"{text[:-decimals]}.{text[-decimals:]}" if decimals else text
    return sign + _trimmed(shown), None


def _trimmed(digits: str) -> str:
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def sig_text(x: Real, significant: int = SIGNIFICANT) -> str:
    """``x`` as a decimal with ``significant`` figures (every digit before the point kept)."""
    digits, exponent = _parts(x, significant)
    return digits if exponent is None else f"{digits} × 10^{exponent}"


def sig_latex(x: Real, significant: int = SIGNIFICANT) -> str:
    digits, exponent = _parts(x, significant)
    return digits if exponent is None else rf"{digits} \times 10^{{{exponent}}}"


def _terminates(x: Fraction) -> bool:
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    return d == 1


def _short(x: Fraction) -> bool:
    return len(number_text(x)) <= SHORT_FRACTION


def _exact_decimal(x: Fraction) -> bool:
    """Whether the decimal shown is the fraction's value exactly (0.75 for 3/4)."""
    shown = sig_text(x)
    return "×" not in shown and _terminates(x) and Fraction(shown) == x


def equals_text(x: Real, significant: int = SIGNIFICANT) -> str:
    """`` = 3``, `` = 3/4 = 0.75``, `` = 19/217 ≈ 0.08756`` or `` ≈ 0.3333`` (a float, or a
    fraction too long to read)."""
    if isinstance(x, int) or (isinstance(x, Fraction) and x.denominator == 1):
        return f" = {int(x)}"
    if isinstance(x, Fraction):
        exact = _exact_decimal(x)
        relation = "=" if exact else "≈"
        if _short(x):
            return f" = {number_text(x)} {relation} {sig_text(x, significant)}"
        return f" {relation} {sig_text(x, significant)}"
    shown = sig_text(x, significant)
    exact = "×" not in shown and float(shown) == x
    return f" {'=' if exact else '≈'} {shown}"


def equals_latex(x: Real, significant: int = SIGNIFICANT) -> str:
    if isinstance(x, int) or (isinstance(x, Fraction) and x.denominator == 1):
        return f" = {int(x)}"
    if isinstance(x, Fraction):
        relation = "=" if _exact_decimal(x) else r"\approx"
        if _short(x):
            return f" = {number_latex(x)} {relation} {sig_latex(x, significant)}"
        return f" {relation} {sig_latex(x, significant)}"
    shown = sig_text(x, significant)
    relation = "=" if "×" not in shown and float(shown) == x else r"\approx"
    return f" {relation} {sig_latex(x, significant)}"


def value_text(x: Real, significant: int = SIGNIFICANT) -> str:
    """A number inside a formula: exact when it is a short fraction, else its decimal."""
    if isinstance(x, int) or (isinstance(x, Fraction) and _short(x)):
        return number_text(x)
    return sig_text(x, significant)


def value_latex(x: Real, significant: int = SIGNIFICANT) -> str:
    if isinstance(x, int) or (isinstance(x, Fraction) and _short(x)):
        return number_latex(x)
    return sig_latex(x, significant)


MOST_PERCENT_DECIMALS = 10
"""A share is never written with more decimal places than this."""


def percent_text(share: Real, decimals: int = 0) -> str:
    """``share`` (a part of 1) as a percentage with ``decimals`` places — more when rounding
    would hide what is left: a share of 0.9997 is 99.97%, never 100%.

    >>> percent_text(Fraction(2, 3)), percent_text(0.9997), percent_text(1.0), percent_text(0.00004)
    ('67%', '99.97%', '100%', '0.004%')
    """
    for places in range(decimals, MOST_PERCENT_DECIMALS + 1):
        shown = f"{100 * float(share):.{places}f}"
        hides_rest = (float(shown) == 100 and share != 1) or (float(shown) == 0 and share != 0)
        if not hides_rest:
            break
    return f"{shown}%"


def percent_latex(share: Real, decimals: int = 0) -> str:
    return percent_text(share, decimals).replace("%", r"\%")


def paren_text(x: Real, significant: int = SIGNIFICANT) -> str:
    """:func:`value_text` in brackets when negative or a fraction (after an operator)."""
    shown = value_text(x, significant)
    return f"({shown})" if x < 0 or "/" in shown else shown


def paren_latex(x: Real, significant: int = SIGNIFICANT) -> str:
    shown = value_latex(x, significant)
    return rf"\left({shown}\right)" if x < 0 else shown
