"""Every bound on what an answer may ask us to compute, in one place.

Each limit is checked *before* the work it protects (reading, evaluating,
comparing), and a hit raises :class:`~mlmath.answers.errors.TooLarge` with a
plain message, so no answer can hang a worker or exhaust its memory.

>>> check_text_length("1/2")
>>> check_text_length("1" * (MAX_TEXT_LENGTH + 1))
Traceback (most recent call last):
...
mlmath.answers.errors.TooLarge: This answer is too long to check; type at most 2000 characters.
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.answers.errors import TooLarge

MAX_TEXT_LENGTH = 2000
"""Characters in one answer (a 10×10 matrix of fractions fits comfortably)."""

MAX_NESTING = 30
"""Brackets open at once: ``((((x))))`` is 4."""

MAX_DEPTH = 60
"""Depth of one formula's tree (nested operations, chains of ``^`` or signs)."""

MAX_NODES = 400
"""Numbers, names and operations in one formula."""

MAX_INTEGER_DIGITS = 40
"""Digits in one typed number."""

MAX_DECIMAL_EXPONENT = 330
"""``|n|`` in scientific notation ``2.5e-n``."""

MAX_POWER_EXPONENT = 10_000
"""``|n|`` in an exact power ``a^n``."""

MAX_EXACT_BITS = 4096
"""Bits in the numerator or denominator of an exact intermediate result (~1200 digits)."""

MAX_FACTORIAL = 300
"""Largest ``n`` in ``n!`` (300! has 615 digits)."""

MAX_BINOMIAL = 100_000
"""Largest ``n`` in ``C(n, k)`` (whose digits are bounded by MAX_EXACT_BITS as well)."""

MAX_ROWS = 10
MAX_COLUMNS = 10
"""Largest matrix (and longest vector) an answer may be."""

MAX_CHOICES = 50
"""Options named in one select-all answer."""

SYMBOLIC_TIME_LIMIT = 1.0
"""Seconds the symbolic fallback of expression comparison may take."""

MAX_SYMBOLIC_NODES = 120
"""Largest formula handed to the symbolic fallback at all."""

TOO_LARGE = "This answer is too large to check"


def check_text_length(text: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise TooLarge(
            f"This answer is too long to check; type at most {MAX_TEXT_LENGTH} characters."
        )


def check_digits(token: str, position: int | None) -> None:
    """Bound a typed number: its digits and its ``e`` exponent."""
    mantissa, _, exponent = token.lower().partition("e")
    if sum(c.isdigit() for c in mantissa) > MAX_INTEGER_DIGITS:
        raise TooLarge(
            f"The number starting '{token[:12]}…' is too large to check; "
            f"use at most {MAX_INTEGER_DIGITS} digits.",
            position,
        )
    if exponent and abs(int(exponent)) > MAX_DECIMAL_EXPONENT:
        raise TooLarge(
            f"The exponent in '{token}' is too large to check; "
            f"scientific notation is accepted up to e±{MAX_DECIMAL_EXPONENT}.",
            position,
        )


def check_exact(value: Fraction) -> Fraction:
    """Return ``value`` when its size is within bounds, else raise TooLarge."""
    if (
        value.numerator.bit_length() > MAX_EXACT_BITS
        or value.denominator.bit_length() > MAX_EXACT_BITS
    ):
        raise TooLarge(f"{TOO_LARGE}: a number in it has more than about 1200 digits.")
    return value


def check_power(base: Fraction, exponent: int) -> None:
    """Bound ``base ** exponent`` before computing it."""
    if base in (0, 1, -1):
        return
    size = max(base.numerator.bit_length(), base.denominator.bit_length())
    if abs(exponent) > MAX_POWER_EXPONENT or size * abs(exponent) > MAX_EXACT_BITS:
        raise TooLarge(f"{TOO_LARGE}: a power in it is too large (at most about 1200 digits).")


def check_counting(
    n: Fraction | float, k: Fraction | float | None = None
) -> tuple[int, int] | None:
    """Bound ``n!`` (``k`` None) or ``C(n, k)`` before computing it: ``(n, k)`` as integers,
    None when they are not whole numbers with n ≥ 0 (the caller says why), TooLarge past
    :data:`MAX_FACTORIAL`."""
    if not _whole(n) or n < 0 or (k is not None and not _whole(k)):
        return None
    if k is None:
        if n > MAX_FACTORIAL:
            raise TooLarge(f"{TOO_LARGE}: factorials are accepted up to {MAX_FACTORIAL}!.")
        return int(n), 0
    whole_n, whole_k = int(n), int(k)
    smaller = max(0, min(whole_k, whole_n - whole_k))
    if whole_n > MAX_BINOMIAL or smaller * whole_n.bit_length() > MAX_EXACT_BITS:
        raise TooLarge(f"{TOO_LARGE}: a binomial coefficient in it has too many digits.")
    return whole_n, whole_k


def _whole(value: Fraction | float) -> bool:
    return float(value).is_integer() if isinstance(value, float) else value.denominator == 1


def check_grid(rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise TooLarge(
            f"{TOO_LARGE}: it has {rows}×{columns} entries, "
            f"and at most {MAX_ROWS}×{MAX_COLUMNS} are accepted."
        )
