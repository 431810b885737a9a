"""The birthday problem: among n people, how likely do two share a birthday?

Count the complement: everyone different. The first person may have any of d days, the
second any of the d − 1 others, and so on, out of dⁿ equally likely lists:

    P(all different) = d·(d − 1)·…·(d − n + 1) / dⁿ,   P(a shared day) = 1 − that.

With d = 365 the chance passes 1/2 at n = 23: there are 253 pairs, not 22 comparisons with
one person. The same count answers collisions of random IDs, hash values or PIN codes.

>>> round(shared_probability(23, 365).answer, 4)
0.5073
>>> shared_probability(3, 6).answer
Fraction(4, 9)
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.probability.notation import formula
from mlmath.engine.significant import equals_latex, equals_text
from mlmath.engine.solution import NotSolvable, Solution, Step

EXACT_UP_TO = 10**12
"""While dⁿ stays below this the probability is an exact fraction (short enough to read)."""


def check(people: int, days: int) -> None:
    if people < 1 or days < 1:
        raise NotSolvable("give at least 1 person and at least 1 day")
    if people > 100_000 or days > 10**9:  # dⁿ is only formed when it is small
        raise NotSolvable("give at most 100,000 people and a billion days")


def all_different(people: int, days: int) -> Fraction | float:
    if people > days:
        return Fraction(0)
    if people * math.log10(days) <= math.log10(EXACT_UP_TO):
        return Fraction(math.perm(days, people), days**people)
    return math.exp(sum(math.log1p(-i / days) for i in range(people)))


def _free_days(people: int, days: int) -> str:
    """How many days each person has left to choose from: "Person 1 has 365 free days,
    person 2 has 364, …, person 23 has 343" (every person named when there are at most 3)."""
    first = f"Person 1 has {days} free day{'' if days == 1 else 's'}"
    if people == 1:
        return first
    shown = range(2, people + 1) if people <= 3 else (2, people)
    rest = [f"person {i} has {days - i + 1}" for i in shown]
    if people > 3:
        rest.insert(1, "…")
    return ", ".join([first, *rest])


def shared_probability(people: int, days: int) -> Solution[Fraction | float]:
    check(people, days)
    n, d = people, days
    different = all_different(n, d)
    answer: Fraction | float = 1 - different
    if n == 1:
        return Solution(
            answer,
            (
                Step(
                    "One person alone has nobody to share a birthday with: there are no pairs",
                    formula(r"P(\text{shared}) = 0", "P(shared) = 0"),
                ),
            ),
        )
    shown = [str(d - i) for i in range(min(n, 4))]
    factors = "·".join(shown) + ("·…·" + str(d - n + 1) if n > 4 else "")
    factors_l = r" \cdot ".join(shown) + (r" \cdots " + str(d - n + 1) if n > 4 else "")
    pairs = n * (n - 1) // 2
    steps = [
        Step(
            "'At least two share' is hard to count directly; count its complement, 'all "
            "different', and subtract from 1",
            formula(
                r"P(\text{shared}) = 1 - P(\text{all different})",
                "P(shared) = 1 − P(all different)",
            ),
        ),
    ]
    if n > d:
        steps.append(
            Step(
                f"{n} people but only {d} days: two must share (the pigeonhole principle)",
                formula(r"P(\text{all different}) = 0", "P(all different) = 0"),
            )
        )
    else:
        steps.append(
            Step(
                f"{_free_days(n, d)}; all {d}^{n} lists of days are equally likely",
                formula(
                    rf"P(\text{{all different}}) = \frac{{{factors_l}}}{{{d}^{{{n}}}}}"
                    + equals_latex(different),
                    f"P(all different) = ({factors})/{d}^{n}" + equals_text(different),
                ),
            )
        )
    steps.append(
        Step(
            f"Subtract from 1 (there are {pairs} pairs of people, each a chance to match)",
            formula(
                r"P(\text{shared}) = 1 - P(\text{all different})" + equals_latex(answer),
                "P(shared) = 1 − P(all different)" + equals_text(answer),
            ),
        )
    )
    return Solution(answer, tuple(steps))
