"""Counting choices: ordered or not, with or without replacement.

Choosing k things from n:

- order matters, with replacement (a PIN): nᵏ;
- order matters, without replacement (a podium): n!/(n − k)! = n·(n − 1)·…·(n − k + 1);
- order does not matter, without replacement (a committee): C(n, k) = n!/(k!(n − k)!) —
  each group was counted k! times among the ordered lists;
- order does not matter, with replacement (scoops of ice cream): C(n + k − 1, k), "stars
  and bars" — here dividing nᵏ by k! does NOT work, because lists with repeats are not
  counted k! times.

>>> count_choices(5, 3, ordered=True, replacement=False).answer
60
>>> count_choices(5, 3, ordered=False, replacement=True).answer
35
"""

from __future__ import annotations

import math

from mlmath.engine.probability.notation import formula
from mlmath.engine.solution import NotSolvable, Solution, Step

MAX_N = 1000


def _big(k: int) -> str:
    return f"{k:,}".replace(",", "\u2009") if k >= 100_000 else str(k)


def choices(n: int, k: int, ordered: bool, replacement: bool) -> int:
    if ordered:
        return n**k if replacement else math.perm(n, k)
    return math.comb(n + k - 1, k) if replacement else math.comb(n, k)


def check(n: int, k: int, replacement: bool) -> None:
    if not 1 <= n <= MAX_N or k < 0:
        raise NotSolvable(f"give n from 1 to {MAX_N} and k ≥ 0")
    if not replacement and k > n:
        raise NotSolvable(f"without replacement you cannot choose {k} from only {n}")
    if k > 100:
        raise NotSolvable("choose at most 100 things")


def _falling(n: int, k: int) -> tuple[str, str]:
    factors = [str(n - i) for i in range(k)]
    if k > 6:
        factors = [*factors[:3], "…", *factors[-2:]]
        return r" \cdot ".join(factors).replace("…", r"\cdots"), "·".join(factors)
    return r" \cdot ".join(factors), "·".join(factors)


def count_choices(n: int, k: int, ordered: bool, replacement: bool) -> Solution[int]:
    """How many ways to choose k of n, by the case's formula with its numbers filled in."""
    check(n, k, replacement)
    answer = choices(n, k, ordered, replacement)
    a = _big(answer)
    steps: tuple[Step, ...]
    if ordered and replacement:
        steps = (
            Step(
                "Order matters and repeats are allowed: each of the k places has all n options "
                "(multiplication rule)",
                formula(rf"n^k = {n}^{{{k}}} = {a}", f"n^k = {n}^{k} = {a}"),
            ),
        )
    elif ordered:
        fl, ft = _falling(n, k)
        steps = (
            Step(
                "Order matters, no repeats: n options for the first place, one fewer for each "
                "next (permutations)",
                formula(
                    rf"\frac{{n!}}{{(n - k)!}} = \frac{{{n}!}}{{{n - k}!}} = {fl} = {a}",
                    f"n!/(n − k)! = {n}!/{n - k}! = {ft} = {a}",
                ),
            ),
        )
    elif not replacement:
        fl, ft = _falling(n, k)
        ordered_count = _big(math.perm(n, k))
        steps = (
            Step(
                "Count ordered lists first: n·(n − 1)·…·(n − k + 1)",
                formula(f"{fl} = {ordered_count}", f"{ft} = {ordered_count}"),
            ),
            Step(
                f"Order does not matter: each group of {k} appears in k! = {math.factorial(k)} "
                "orders, so divide (combinations)",
                formula(
                    rf"\binom{{{n}}}{{{k}}} = \frac{{{ordered_count}}}{{{k}!}} = "
                    rf"\frac{{{ordered_count}}}{{{math.factorial(k)}}} = {a}",
                    f"C({n}, {k}) = {ordered_count}/{k}! = {ordered_count}/{math.factorial(k)} = "
                    f"{a}",
                ),
            ),
        )
    else:
        steps = (
            Step(
                "Order does not matter and repeats are allowed: a choice is k stars split by "
                "n − 1 bars into n kinds; count where the bars go (stars and bars)",
                formula(
                    rf"\binom{{n + k - 1}}{{k}} = \binom{{{n + k - 1}}}{{{k}}} = {a}",
                    f"C(n + k − 1, k) = C({n + k - 1}, {k}) = {a}",
                ),
            ),
        )
    return Solution(answer, steps)
