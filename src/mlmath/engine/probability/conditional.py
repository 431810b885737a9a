"""Conditional probability, Bayes' theorem and P(label | features) from counts.

P(A | B) narrows the world to the outcomes where B happened and asks how many of
those are in A: P(A | B) = P(A and B) / P(B). Bayes' theorem turns P(B | A) into
P(A | B) by weighing with the prior.

>>> bayes(Fraction(1, 100), Fraction(9, 10), Fraction(1, 10)).answer
Fraction(1, 12)
>>> conditional_from_counts(3, 2, 5, "A given B").answer
Fraction(3, 8)
>>> label_given_features(((8, 2), (1, 9)), 1).answer
Fraction(4, 5)
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.probability.counting import check_probability
from mlmath.engine.probability.notation import (
    formula,
    latex_of,
    real_latex,
    real_text,
    text_of,
)
from mlmath.engine.solution import NotSolvable, Solution, Step


def simplified(answer: Fraction, top: int, bottom: int) -> tuple[str, str]:
    """``(latex, text)`` of " = 3/4 ≈ 0.75" after top/bottom, leaving out what repeats it."""
    latex, text = "", ""
    if (answer.numerator, answer.denominator) != (top, bottom):
        latex, text = f" = {latex_of(answer)}", f" = {text_of(answer)}"
    if answer.denominator > 12 and answer.denominator != 1:
        latex += rf" \approx {real_latex(float(answer))}"
        text += f" ≈ {real_text(float(answer))}"
    return latex, text


def conditional_from_counts(both: int, a_only: int, b_only: int, asked: str) -> Solution[Fraction]:
    """P(A | B) or P(B | A) from the counts of A-and-B, A-only and B-only outcomes."""
    if min(both, a_only, b_only) < 0:
        raise NotSolvable("counts cannot be negative")
    given_b = asked == "A given B"
    condition = both + (b_only if given_b else a_only)
    if condition == 0:
        raise NotSolvable("the condition never happens, so nothing can be conditioned on it")
    answer = Fraction(both, condition)
    cond, event = ("B", "A") if given_b else ("A", "B")
    other = b_only if given_b else a_only
    return Solution(
        answer,
        (
            Step(
                f"Keep only the outcomes where {cond} happened: they are the new whole",
                formula(
                    rf"n({cond}) = {both} + {other} = {condition}",
                    f"n({cond}) = {both} + {other} = {condition}",
                ),
            ),
            Step(
                f"Of those, count the ones where {event} happened too",
                formula(rf"n(A \cap B) = {both}", f"n(A and B) = {both}"),
            ),
            Step(
                "Divide",
                formula(
                    rf"P({event} \mid {cond}) = \frac{{{both}}}{{{condition}}}"
                    + simplified(answer, both, condition)[0],
                    f"P({event} | {cond}) = {both}/{condition}"
                    + simplified(answer, both, condition)[1],
                ),
            ),
        ),
    )


def bayes(prior: Fraction, sensitivity: Fraction, false_positive: Fraction) -> Solution[Fraction]:
    """P(H | E) = P(E | H) P(H) / [P(E | H) P(H) + P(E | not H) P(not H)]."""
    check_probability(prior, "the prior")
    check_probability(sensitivity, "P(E | H)")
    check_probability(false_positive, "P(E | not H)")
    true_part = sensitivity * prior
    false_part = false_positive * (1 - prior)
    evidence = true_part + false_part
    if evidence == 0:
        raise NotSolvable("the evidence can never be seen, so P(H | E) is not defined")
    answer = true_part / evidence
    return Solution(
        answer,
        (
            Step(
                "Bayes' theorem: the chance of H among all the ways of seeing E",
                formula(
                    r"P(H \mid E) = \frac{P(E \mid H)\,P(H)}{P(E \mid H)\,P(H) + "
                    r"P(E \mid \neg H)\,P(\neg H)}",
                    "P(H | E) = P(E | H)·P(H) / [P(E | H)·P(H) + P(E | not H)·P(not H)]",
                    display=True,
                ),
            ),
            Step(
                "E together with H: P(E | H) · P(H)",
                formula(
                    rf"{latex_of(sensitivity)} \cdot {latex_of(prior)} = {latex_of(true_part)}",
                    f"{text_of(sensitivity)} · {text_of(prior)} = {text_of(true_part)}",
                ),
            ),
            Step(
                "E without H: P(E | not H) · (1 − P(H))",
                formula(
                    rf"{latex_of(false_positive)} \cdot {latex_of(1 - prior)} = "
                    rf"{latex_of(false_part)}",
                    f"{text_of(false_positive)} · {text_of(1 - prior)} = {text_of(false_part)}",
                ),
            ),
            Step(
                "Add them for the total probability of E",
                formula(
                    rf"P(E) = {latex_of(true_part)} + {latex_of(false_part)} = "
                    rf"{latex_of(evidence)}",
                    f"P(E) = {text_of(true_part)} + {text_of(false_part)} = {text_of(evidence)}",
                ),
            ),
            Step(
                "Divide the H-part by the total",
                formula(
                    rf"P(H \mid E) = \frac{{{latex_of(true_part)}}}{{{latex_of(evidence)}}} = "
                    rf"{latex_of(answer)} \approx {real_latex(float(answer))}",
                    f"P(H | E) = {text_of(true_part)} / {text_of(evidence)} = {text_of(answer)} "
                    f"≈ {real_text(float(answer))}",
                ),
            ),
        ),
    )


def label_given_features(counts: Sequence[Sequence[int]], row: int) -> Solution[Fraction]:
    """P(label = first column | features = row) from a table of counts (rows: feature values,
    columns: label, then not label) — what a discriminative model learns."""
    if not 1 <= row <= len(counts):
        raise NotSolvable(f"row must be between 1 and {len(counts)}")
    label, other = counts[row - 1][0], counts[row - 1][1]
    if label < 0 or other < 0:
        raise NotSolvable("counts cannot be negative")
    if label + other == 0:
        raise NotSolvable("no example has these features, so the table says nothing about them")
    answer = Fraction(label, label + other)
    return Solution(
        answer,
        (
            Step(
                f"Condition on the features: keep only row {row} of the table",
                formula(
                    rf"n(\text{{features}}) = {label} + {other} = {label + other}",
                    f"n(features) = {label} + {other} = {label + other}",
                ),
            ),
            Step(
                "Among those examples, the share that carries the label",
                formula(
                    rf"P(\text{{label}} \mid \text{{features}}) = \frac{{{label}}}"
                    rf"{{{label + other}}}" + simplified(answer, label, label + other)[0],
                    f"P(label | features) = {label}/{label + other}"
                    + simplified(answer, label, label + other)[1],
                ),
            ),
        ),
    )
