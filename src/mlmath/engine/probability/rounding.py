"""Probabilities typed as rounded decimals: read them as the distribution they round.

Six outcomes of a fair die typed as 0.1667 each add up to 1.0002, and 1/6 typed as a
float (0.16666666666666666) six times adds up to 0.99999999999999996 — not 1, yet
plainly meant to. A decimal with d places stands for any number within half a unit
of its last place, so probabilities whose total misses 1 by no more than those
allowances together are accepted, and read as

- the simplest fractions within each one's rounding that add up to exactly 1
  (0.1667 six times is 1/6 six times; 0.33, 0.33, 0.33 is 1/3 three times), or
- failing that, the typed values divided by their total.

The step that says so names the rounding assumed. Exact fractions (1/3) have no
rounding: typed as fractions, they must add up to exactly 1.

>>> probs, steps = as_distribution([Fraction("0.1667")] * 6)
>>> probs[0]
Fraction(1, 6)
>>> print(steps[0].rule)  # doctest: +NORMALIZE_WHITESPACE
The probabilities add up to 1.0002, not 1: typed to 4 decimal places, each stands for a
number within 0.00005 of it. Read as the simplest fractions within that rounding that add
up to 1: 1/6, 1/6, 1/6, 1/6, 1/6, 1/6
>>> as_distribution([Fraction(1, 2), Fraction(1, 2)])[1]
()
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.probability.notation import real_text, text_of
from mlmath.engine.solution import NotSolvable, Step

LARGEST_DENOMINATOR = 1000
"""Fractions tried, from halves up to thousandths."""


def decimal_places(x: Fraction) -> int | None:
    """How many decimal places ``x`` is written with (None: not a terminating decimal)."""
    d = x.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    return max(twos, fives) if d == 1 else None


def as_distribution(
    probabilities: Sequence[Fraction], what: str = "the probabilities"
) -> tuple[tuple[Fraction, ...], tuple[Step, ...]]:
    """The probabilities, read as a distribution that adds up to exactly 1, and the step
    that says how (none when they already do)."""
    probs = tuple(Fraction(p) for p in probabilities)
    if any(p < 0 for p in probs):
        raise NotSolvable("probabilities cannot be negative")
    total = sum(probs, Fraction(0))
    if total == 1:
        return probs, ()
    places = [decimal_places(p) for p in probs]
    written = f"{what} add up to {_total_text(total)}, not 1"
    if any(d is None for d in places) or not probs:
        raise NotSolvable(written)
    allowances = [_allowance(p, d) for p, d in zip(probs, places, strict=True) if d is not None]
    if abs(total - 1) > sum(allowances, Fraction(0)):
        raise NotSolvable(f"{written} (further than their rounding allows)")
    most = max(d for d in places if d is not None)
    rounding = (
        f"typed to {most} decimal place{'s' if most > 1 else ''}, each stands for a number "
        f"within {real_text(allowances[0])} of it"
        if len(set(places)) == 1 and len(set(allowances)) == 1
        else f"typed with up to {most} decimal places, each stands for any number that rounds to it"
    )
    simplest = _simplest(probs, allowances)
    if simplest is not None:
        listed = ", ".join(text_of(p) for p in simplest)
        how = f"Read as the simplest fractions within that rounding that add up to 1: {listed}"
        read = simplest
    else:
        read = tuple(p / total for p in probs)
        how = f"Divide each by their total, {_total_text(total)}, so that they add up to 1"
    rule = f"{what.capitalize()} add up to {_total_text(total)}, not 1: {rounding}. {how}"
    return read, (Step(rule),)


def _allowance(p: Fraction, places: int) -> Fraction:
    """Half a unit of the last place typed; a whole unit for the 16 or 17 digits of a
    float's shortest form (which only promises to read back as the same float)."""
    digits = len(str(abs(p.numerator * 10**places // p.denominator)))
    return Fraction(1, 10**places) / (1 if digits >= 16 else 2)


def _simplest(
    probs: Sequence[Fraction], allowances: Sequence[Fraction]
) -> tuple[Fraction, ...] | None:
    for q in range(2, LARGEST_DENOMINATOR + 1):
        counts = [round(p * q) for p in probs]
        if sum(counts) != q:
            continue
        if all(
            abs(Fraction(k, q) - p) <= a for k, p, a in zip(counts, probs, allowances, strict=True)
        ):
            return tuple(Fraction(k, q) for k in counts)
    return None


def _total_text(total: Fraction) -> str:
    shown = text_of(total)
    return shown if "/" not in shown or len(shown) <= 12 else real_text(float(total))
