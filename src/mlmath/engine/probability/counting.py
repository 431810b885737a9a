"""Probability as counting equally likely outcomes, and rules for combining events.

When every outcome is equally likely, P(event) = favourable outcomes / all
outcomes. Repeated independent trials multiply; "at least one" is easiest
through the complement; "A or B" adds and removes the overlap once.

>>> dice_event_probability(6, 2, "=", 7).answer
Fraction(1, 6)
>>> at_least_one(Fraction(1, 2), 3).answer
Fraction(7, 8)
>>> union(Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)).answer
Fraction(2, 3)
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from mlmath.engine.probability.notation import (
    Table,
    approx,
    formula,
    latex_of,
    real_latex,
    real_text,
    shown_rows,
    text_of,
)
from mlmath.engine.solution import NotSolvable, Solution, Step

COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
}
WORDS = {"=": "equal to", "<=": "at most", ">=": "at least", "<": "less than", ">": "more than"}
LATEX = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}
SYMBOL = {"=": "=", "<=": "≤", ">=": "≥", "<": "<", ">": ">"}


def ways_to_total(sides: int, dice: int) -> list[int]:
    """``ways[t]``: how many ordered outcomes of the dice add up to t (by convolution)."""
    ways = [1]
    for _ in range(dice):
        longer = [0] * (len(ways) + sides)
        for total_so_far, count in enumerate(ways):
            if count:
                for face in range(1, sides + 1):
                    longer[total_so_far + face] += count
        ways = longer
    return ways


def count_favourable(sides: int, dice: int, comparison: str, target: int) -> int:
    test = COMPARISONS[comparison]
    return sum(c for t, c in enumerate(ways_to_total(sides, dice)) if c and test(t, target))


MAX_DICE = 10
LISTED_DICE = 3
"""Up to this many dice the favourable outcomes are listed; more are counted by convolution."""


def first_favourable(
    sides: int, dice: int, comparison: str, target: int, limit: int = 12
) -> list[tuple[int, ...]]:
    """The first ``limit`` ordered outcomes (in dictionary order) whose total compares with
    ``target``, found without listing the others: a branch is left as soon as no total
    it can still reach would count."""
    test = COMPARISONS[comparison]
    found: list[tuple[int, ...]] = []

    def reachable(low: int, high: int) -> bool:
        if comparison == "=":
            return low <= target <= high
        if comparison in ("<=", "<"):
            return test(low, target)
        return test(high, target)

    def extend(prefix: list[int], total_so_far: int) -> None:
        left = dice - len(prefix)
        if len(found) >= limit or not reachable(total_so_far + left, total_so_far + left * sides):
            return
        if left == 0:
            found.append(tuple(prefix))
            return
        for face in range(1, sides + 1):
            prefix.append(face)
            extend(prefix, total_so_far + face)
            prefix.pop()
            if len(found) >= limit:
                return

    extend([], 0)
    return found


def dice_event_probability(
    sides: int, dice: int, comparison: str, target: int
) -> Solution[Fraction]:
    """P(total of the dice compares with target): favourable ordered outcomes over all,
    counted exactly by convolution (one die at a time), not by listing them."""
    if not 2 <= sides <= 20 or not 1 <= dice <= MAX_DICE:
        raise NotSolvable(f"use 1 to {MAX_DICE} dice with 2 to 20 sides each")
    if comparison not in COMPARISONS:
        raise NotSolvable(f"the comparison must be one of {', '.join(COMPARISONS)}")
    outcomes = sides**dice
    ways = ways_to_total(sides, dice)
    test = COMPARISONS[comparison]
    totals = [t for t, c in enumerate(ways) if c and test(t, target)]
    count = sum(ways[t] for t in totals)
    first = first_favourable(sides, dice, comparison, target, 12 if dice <= LISTED_DICE else 4)
    answer = Fraction(count, outcomes)
    what = "the number shown" if dice == 1 else "the total"
    shown = ", ".join(str(r[0]) if dice == 1 else "(" + ",".join(map(str, r)) + ")" for r in first)
    if count > len(first):
        shown += ", …"
    steps = [
        Step(
            f"Count the equally likely outcomes: each die has {sides} faces, and order "
            "matters (die 1 and die 2 are different dice)",
            formula(
                rf"{sides}^{{{dice}}} = {outcomes}" if dice > 1 else str(sides),
                f"{sides}^{dice} = {outcomes:,}" if dice > 1 else str(sides),
            ),
        ),
    ]
    if dice <= LISTED_DICE:
        steps.append(
            Step(
                f"List the outcomes where {what} is {WORDS[comparison]} {target}: "
                f"{shown or 'none'}",
                formula(rf"\text{{favourable}} = {count}", f"favourable = {count}"),
            )
        )
    else:
        steps.append(
            Step(
                f"Too many outcomes to list ({shown or 'none'}): count them instead. Add one die "
                "at a time: the number of ways to reach a total t with one more die is the sum "
                f"of the ways to reach t − 1, t − 2, …, t − {sides} without it",
                formula(
                    rf"N_{{k}}(t) = \sum_{{f=1}}^{{{sides}}} N_{{k-1}}(t - f)",
                    f"N_k(t) = N_(k−1)(t − 1) + … + N_(k−1)(t − {sides})",
                ),
                (_ways_step(ways, totals, dice),),
            )
        )
        steps.append(
            Step(
                f"Add the ways of the totals {WORDS[comparison]} {target}",
                formula(rf"\text{{favourable}} = {count}", f"favourable = {count:,}"),
            )
        )
    steps.append(
        Step(
            "Divide favourable by all outcomes",
            formula(
                rf"P = \frac{{{count}}}{{{outcomes}}} = {latex_of(answer)}{approx(answer)[0]}",
                f"P = {count:,}/{outcomes:,} = {text_of(answer)}{approx(answer)[1]}",
            ),
        )
    )
    return Solution(answer, tuple(steps))


def _ways_step(ways: list[int], totals: list[int], dice: int) -> Step:
    """The number of ways to reach each total that counts (the first and last few)."""
    shown, gap = shown_rows(len(totals))
    rows = tuple((str(totals[i]), str(ways[totals[i]])) for i in shown)
    return Step(
        f"With all {dice} dice, the ways to reach each total that counts",
        Table(("total", "ways"), rows, omitted=len(totals) - len(shown), gap_after=gap),
    )


def check_probability(p: Fraction, name: str = "p") -> None:
    if not 0 <= p <= 1:
        raise NotSolvable(f"{name} must be a probability between 0 and 1, not {text_of(p)}")


def at_least_one(p: Fraction, n: int) -> Solution[Fraction]:
    """P(at least one success in n independent trials) = 1 − (1 − p)ⁿ, via the complement."""
    check_probability(p)
    if not 1 <= n <= 1000:
        raise NotSolvable("the number of trials must be between 1 and 1000")
    miss = 1 - p
    none = miss**n
    answer = 1 - none
    return Solution(
        answer,
        (
            Step(
                "Use the complement: 'at least one success' fails only when every trial fails",
                formula(
                    r"P(\text{at least one}) = 1 - P(\text{none})",
                    "P(at least one) = 1 − P(none)",
                ),
            ),
            Step(
                "One trial fails with probability 1 − p",
                formula(
                    rf"1 - {latex_of(p)} = {latex_of(miss)}", f"1 − {text_of(p)} = {text_of(miss)}"
                ),
            ),
            Step(
                f"The {n} trials are independent, so the probabilities of failing multiply",
                formula(
                    rf"P(\text{{none}}) = \left({latex_of(miss)}\right)^{{{n}}} = {latex_of(none)}"
                    rf" \approx {real_latex(float(none))}",
                    f"P(none) = ({text_of(miss)})^{n} = {text_of(none)} ≈ {real_text(float(none))}",
                ),
            ),
            Step(
                "Subtract from 1",
                formula(
                    rf"P(\text{{at least one}}) = 1 - {latex_of(none)} = {latex_of(answer)}"
                    rf" \approx {real_latex(float(answer))}",
                    f"P(at least one) = 1 − {text_of(none)} = {text_of(answer)} "
                    f"≈ {real_text(float(answer))}",
                ),
            ),
        ),
    )


def union(p_a: Fraction, p_b: Fraction, p_both: Fraction) -> Solution[Fraction]:
    """The sum rule: P(A or B) = P(A) + P(B) − P(A and B)."""
    for value, name in ((p_a, "P(A)"), (p_b, "P(B)"), (p_both, "P(A and B)")):
        check_probability(value, name)
    if p_both > min(p_a, p_b):
        raise NotSolvable("P(A and B) cannot be larger than P(A) or P(B)")
    answer = p_a + p_b - p_both
    if answer > 1:
        raise NotSolvable("these probabilities are impossible together: P(A or B) would pass 1")
    steps = [
        Step(
            "Adding P(A) and P(B) counts the outcomes in both events twice; subtract them once",
            formula(
                r"P(A \cup B) = P(A) + P(B) - P(A \cap B)",
                "P(A or B) = P(A) + P(B) − P(A and B)",
            ),
        ),
        Step(
            "Substitute the numbers",
            formula(
                rf"P(A \cup B) = {latex_of(p_a)} + {latex_of(p_b)} - {latex_of(p_both)}"
                rf" = {latex_of(answer)}",
                f"P(A or B) = {text_of(p_a)} + {text_of(p_b)} − {text_of(p_both)} "
                f"= {text_of(answer)}",
            ),
        ),
    ]
    if p_both == 0:
        steps.insert(
            1,
            Step(
                "The events cannot happen together (they are mutually exclusive), "
                "so nothing is counted twice"
            ),
        )
    return Solution(answer, tuple(steps))


def two_draws(red: int, other: int, replacement: bool) -> Solution[Fraction]:
    """P(both draws red) by the product rule: P(A and B) = P(A) · P(B | A)."""
    n = red + other
    if red < 1 or other < 0 or n < 2 or n > 1000:
        raise NotSolvable("the bag needs at least one red ball and two balls in all")
    first = Fraction(red, n)
    second = first if replacement else Fraction(red - 1, n - 1)
    answer = first * second
    why = (
        "The ball goes back, so the second draw is exactly like the first: the draws are "
        "independent"
        if replacement
        else "The first item is not put back: one item of that kind fewer, one item fewer. "
        "The second draw depends on the first"
    )
    return Solution(
        answer,
        (
            Step(
                "Product rule: P(both) = P(first) · P(second | first); R is the kind asked for",
                formula(
                    r"P(R_1 \cap R_2) = P(R_1)\,P(R_2 \mid R_1)",
                    "P(R1 and R2) = P(R1) · P(R2 | R1)",
                ),
            ),
            Step(
                f"First draw: {red} of the {n} items are of that kind",
                formula(rf"P(R_1) = {latex_of(first)}", f"P(R1) = {text_of(first)}"),
            ),
            Step(
                why,
                formula(
                    rf"P(R_2 \mid R_1) = {latex_of(second)}", f"P(R2 | R1) = {text_of(second)}"
                ),
            ),
            Step(
                "Multiply",
                formula(
                    rf"P(R_1 \cap R_2) = {latex_of(first)} \cdot {latex_of(second)} = "
                    rf"{latex_of(answer)}",
                    f"P(R1 and R2) = {text_of(first)} · {text_of(second)} = {text_of(answer)}",
                ),
            ),
        ),
    )
