"""Two-stage experiments: the law of total probability.

When the first stage picks one of several cases A₁, …, Aₖ (which cannot happen together and
cover everything) and the second stage's chance of B depends on the case, B's probability is
a weighted average of its conditional probabilities — each path through the tree multiplies
along its branches, and the paths ending in B add up:

    P(B) = P(A₁)·P(B | A₁) + … + P(Aₖ)·P(B | Aₖ).

It is the denominator of Bayes' theorem.

>>> total_probability((Fraction(1, 2), Fraction(1, 2)), (Fraction(1, 10), Fraction(3, 10))).answer
Fraction(1, 5)
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.probability.notation import formula, latex_of, text_of, total
from mlmath.engine.significant import equals_latex, equals_text
from mlmath.engine.solution import NotSolvable, Solution, Step


def check(priors: Sequence[Fraction], conditionals: Sequence[Fraction]) -> None:
    if len(priors) != len(conditionals) or len(priors) < 2:
        raise NotSolvable("give one conditional probability for each of at least two cases")
    if any(not 0 <= p <= 1 for p in (*priors, *conditionals)):
        raise NotSolvable("probabilities lie between 0 and 1")
    if total(list(priors)) != 1:
        raise NotSolvable(
            f"the cases' probabilities must add up to 1 (they add up to "
            f"{text_of(total(list(priors)))})"
        )


def total_probability(
    priors: Sequence[Fraction], conditionals: Sequence[Fraction], names: Sequence[str] | None = None
) -> Solution[Fraction]:
    """Σ P(Aᵢ)·P(B | Aᵢ), path by path."""
    check(priors, conditionals)
    names = names or [f"A{i + 1}" for i in range(len(priors))]
    products = [p * c for p, c in zip(priors, conditionals, strict=True)]
    answer = total(products)
    paths = tuple(
        Step(
            f"Path through {name}: P({name}) times P(B | {name})",
            formula(
                rf"{latex_of(p)} \cdot {latex_of(c)} = {latex_of(q)}",
                f"{text_of(p)}·{text_of(c)} = {text_of(q)}",
            ),
        )
        for name, p, c, q in zip(names, priors, conditionals, products, strict=True)
    )
    return Solution(
        answer,
        (
            Step(
                "B can happen through each case of the first stage; the cases do not overlap "
                "and cover everything, so P(B) adds the paths that end in B",
                formula(r"P(B) = \sum_i P(A_i)\,P(B \mid A_i)", "P(B) = Σ P(Aᵢ)·P(B | Aᵢ)"),
            ),
            Step("Multiply along each path of the tree", None, paths),
            Step(
                "Add the paths",
                formula(
                    "P(B) = " + " + ".join(latex_of(q) for q in products) + equals_latex(answer),
                    "P(B) = " + " + ".join(text_of(q) for q in products) + equals_text(answer),
                ),
            ),
        ),
    )
