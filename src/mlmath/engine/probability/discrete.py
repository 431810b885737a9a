"""Discrete random variables: a PMF table, its CDF, expected values, Bernoulli and binomial.

A probability mass function lists each value x with P(X = x); the probabilities
are at least 0 and add up to 1. The CDF adds them up: F(x) = P(X ≤ x).

>>> values, probs = (1, 2, 3), (Fraction(1, 4), Fraction(1, 2), Fraction(1, 4))
>>> cdf_value(values, probs, 2, "<=").answer
Fraction(3, 4)
>>> binomial_probability(10, Fraction(1, 2), 3, "=").answer
Fraction(15, 128)
>>> expected_value(values, probs, "x^2").answer
Fraction(9, 2)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.probability.counting import COMPARISONS, LATEX, SYMBOL, check_probability
from mlmath.engine.probability.notation import (
    Table,
    exact_latex,
    exact_text,
    formula,
    latex_of,
    paren,
    real_latex,
    real_text,
    text_of,
    total,
)
from mlmath.engine.probability.rounding import as_distribution
from mlmath.engine.significant import equals_latex, equals_text
from mlmath.engine.solution import NotSolvable, Solution, Step


def check_pmf(values: Sequence[Fraction], probabilities: Sequence[Fraction]) -> None:
    """Raise unless the values and probabilities make a PMF (rounded decimals that add up
    to 1 within their rounding pass: see :func:`pmf_distribution`)."""
    pmf_distribution(values, probabilities)


def pmf_distribution(
    values: Sequence[Fraction], probabilities: Sequence[Fraction]
) -> tuple[tuple[Fraction, ...], tuple[Step, ...]]:
    """The PMF's probabilities, exactly adding up to 1, and the step that says how rounded
    decimals were read (see :mod:`.rounding`); raises when they are not a PMF."""
    if len(values) != len(probabilities):
        raise NotSolvable("give one probability for each value")
    if len(set(values)) != len(values):
        raise NotSolvable("each value may appear only once in a PMF")
    return as_distribution(probabilities)


def pmf_table(values: Sequence[Fraction], probabilities: Sequence[Fraction | str]) -> Table:
    return Table(
        ("x", "P(X = x)"), tuple((v, p) for v, p in zip(values, probabilities, strict=True))
    )


def missing_probability(
    values: Sequence[Fraction], known: Sequence[Fraction], missing: int
) -> Solution[Fraction]:
    """The one unknown entry of a PMF: whatever makes the probabilities add up to 1."""
    if not 0 <= missing < len(values) or len(known) != len(values) - 1:
        raise NotSolvable("give every probability but one, and say which one is missing")
    if any(p < 0 for p in known):
        raise NotSolvable("probabilities cannot be negative")
    rest = total(known)
    answer = 1 - rest
    if answer < 0:
        raise NotSolvable(f"the known probabilities already add up to {text_of(rest)}, more than 1")
    terms_l = " + ".join(latex_of(p) for p in known)
    terms_t = " + ".join(text_of(p) for p in known)
    x = values[missing]
    return Solution(
        answer,
        (
            Step(
                "A PMF's probabilities add up to 1 (X must take some value)",
                formula(r"\sum_x P(X = x) = 1", "sum of P(X = x) over all x = 1"),
            ),
            Step(
                "Add the known probabilities",
                formula(rf"{terms_l} = {latex_of(rest)}", f"{terms_t} = {text_of(rest)}"),
            ),
            Step(
                "The missing one is what is left",
                formula(
                    rf"P(X = {latex_of(x)}) = 1 - {latex_of(rest)} = {latex_of(answer)}",
                    f"P(X = {text_of(x)}) = 1 − {text_of(rest)} = {text_of(answer)}",
                ),
            ),
        ),
    )


def cdf_value(
    values: Sequence[Fraction], probabilities: Sequence[Fraction], x: Fraction, comparison: str
) -> Solution[Fraction]:
    """P(X ≤ x), P(X < x), P(X ≥ x) or P(X > x): add the PMF over the values that count."""
    probabilities, read = pmf_distribution(values, probabilities)
    comparison = comparison_of(comparison)
    if comparison == "=":
        raise NotSolvable("the comparison must be one of <=, <, >=, >")
    test = COMPARISONS[comparison]
    chosen = [(v, p) for v, p in sorted(zip(values, probabilities, strict=True)) if test(v, x)]
    answer = total([p for _, p in chosen])
    listed = ", ".join(text_of(v) for v, _ in chosen) or "none"
    terms_l = " + ".join(latex_of(p) for _, p in chosen) or "0"
    terms_t = " + ".join(text_of(p) for _, p in chosen) or "0"
    steps = [
        *read,
        Step("Write out the PMF", pmf_table(values, probabilities)),
        Step(
            f"Pick the values x with x {SYMBOL[comparison]} {text_of(x)}: {listed}"
            + (" (the endpoint itself is included)" if comparison in ("<=", ">=") else "")
            + (" (the endpoint itself is left out)" if comparison in ("<", ">") else "")
        ),
        Step(
            "Add their probabilities",
            formula(
                rf"P(X {LATEX[comparison]} {latex_of(x)}) = {terms_l} = {latex_of(answer)}",
                f"P(X {SYMBOL[comparison]} {text_of(x)}) = {terms_t} = {text_of(answer)}",
            ),
        ),
    ]
    if comparison == "<=":
        steps.append(
            Step(
                "This is the CDF at x",
                formula(
                    rf"F({latex_of(x)}) = {latex_of(answer)}",
                    f"F({text_of(x)}) = {text_of(answer)}",
                ),
            )
        )
    return Solution(answer, tuple(steps))


G_LATEX = {"x": "x", "x^2": "x^2"}


def expected_value(
    values: Sequence[Fraction], probabilities: Sequence[Fraction], g: str = "x"
) -> Solution[Fraction]:
    """E[X] = Σ x·P(X = x), or E[X²] = Σ x²·P(X = x): weigh each value by its probability."""
    probabilities, read = pmf_distribution(values, probabilities)
    if g not in G_LATEX:
        raise NotSolvable("g must be x or x^2")
    square = g == "x^2"
    gs = [v * v if square else v for v in values]
    answer = total([a * p for a, p in zip(gs, probabilities, strict=True)])
    terms_l = " + ".join(
        rf"{paren(a)[0]} \cdot {latex_of(p)}" for a, p in zip(gs, probabilities, strict=True)
    )
    terms_t = " + ".join(
        f"{paren(a)[1]}·{text_of(p)}" for a, p in zip(gs, probabilities, strict=True)
    )
    name_l, name_t = ("E[X^2]", "E[X²]") if square else ("E[X]", "E[X]")
    steps = [
        *read,
        Step(
            "Weigh each value by its probability and add"
            + (" — square the value first, then weigh it" if square else ""),
            formula(
                rf"{name_l} = \sum_x {G_LATEX[g]}\,P(X = x)",
                f"{name_t} = sum of {g}·P(X = x)",
            ),
        ),
        Step(
            "Substitute the PMF",
            formula(
                rf"{name_l} = {terms_l} = {latex_of(answer)}",
                f"{name_t} = {terms_t} = {text_of(answer)}",
                display=len(values) > 3,
            ),
        ),
    ]
    return Solution(answer, tuple(steps))


def bernoulli(p: Fraction, asked: str) -> Solution[Fraction]:
    """X ~ Bernoulli(p): P(X = 1) = p, P(X = 0) = 1 − p, E[X] = p, Var(X) = p(1 − p)."""
    check_probability(p)
    q = 1 - p
    first = Step(
        "X is 1 (success) with probability p and 0 (failure) with probability 1 − p",
        pmf_table((Fraction(0), Fraction(1)), (q, p)),
    )
    if asked == "P(X = 0)":
        return Solution(
            q,
            (
                first,
                Step(
                    "Failure",
                    formula(
                        rf"P(X = 0) = 1 - {latex_of(p)} = {latex_of(q)}",
                        f"P(X = 0) = 1 − {text_of(p)} = {text_of(q)}",
                    ),
                ),
            ),
        )
    if asked == "mean":
        return Solution(
            p,
            (
                first,
                Step(
                    "E[X] = 0·(1 − p) + 1·p = p",
                    formula(
                        rf"E[X] = 0 \cdot {latex_of(q)} + 1 \cdot {latex_of(p)} = {latex_of(p)}",
                        f"E[X] = 0·{text_of(q)} + 1·{text_of(p)} = {text_of(p)}",
                    ),
                ),
            ),
        )
    if asked == "variance":
        var = p * q
        return Solution(
            var,
            (
                first,
                Step("The mean is E[X] = p, and since X² = X, E[X²] = p as well"),
                Step(
                    "Var(X) = E[X²] − (E[X])² = p − p² = p(1 − p)",
                    formula(
                        rf"\operatorname{{Var}}(X) = {latex_of(p)} \cdot {latex_of(q)} = "
                        rf"{latex_of(var)}",
                        f"Var(X) = {text_of(p)}·{text_of(q)} = {text_of(var)}",
                    ),
                ),
            ),
        )
    raise NotSolvable("ask for P(X = 0), mean or variance")


WRITTEN_TERMS = 6
"""A cumulative binomial probability writes out at most this many terms in full."""


def binomial_sum(n: int, p: Fraction, js: Sequence[int], coefficient: bool = True) -> Fraction:
    """Σ C(n, j)·p^j·(1 − p)^(n − j) over js, exactly, in integers: with p = a/b every term
    is C(n, j)·a^j·(b − a)^(n − j) / b^n, so one division at the end suffices."""
    a, b = p.numerator, p.denominator
    top = sum((math.comb(n, j) if coefficient else 1) * a**j * (b - a) ** (n - j) for j in js)
    return Fraction(top, b**n)


def binomial_pmf_step(n: int, p: Fraction, k: int) -> tuple[Fraction, Step]:
    """P(X = k) for X ~ Binomial(n, p), with the binomial coefficient written out."""
    ways = math.comb(n, k)
    value = ways * p**k * (1 - p) ** (n - k)
    return value, Step(
        f"P(X = {k}): choose which {k} of the {n} trials succeed, C({n}, {k}) = {ways} "
        f"way{'s' if ways > 1 else ''}, "
        f"each with probability p^{k}(1 − p)^{n - k}",
        formula(
            rf"\binom{{{n}}}{{{k}}} \left({latex_of(p)}\right)^{{{k}}}"
            rf"\left({latex_of(1 - p)}\right)^{{{n - k}}} = {ways} \cdot "
            rf"{latex_of(p**k)} \cdot {latex_of((1 - p) ** (n - k))} = {latex_of(value)}",
            f"C({n},{k})·({text_of(p)})^{k}·({text_of(1 - p)})^{n - k} = {ways}·"
            f"{text_of(p**k)}·{text_of((1 - p) ** (n - k))} = {text_of(value)}",
        ),
    )


COMPARISON_ALIASES = {"≤": "<=", "=<": "<=", "≥": ">=", "=>": ">=", "==": "="}
"""Other ways to write the comparisons: the symbols themselves, and ``=<``, ``=>``, ``==``."""


def comparison_of(text: str) -> str:
    """``"≤"`` or ``"<="`` as ``"<="``; one of =, <=, <, >=, >."""
    comparison = COMPARISON_ALIASES.get(text.strip(), text.strip())
    if comparison not in COMPARISONS:
        raise NotSolvable("the comparison must be one of =, <=, <, >=, > (or ≤, ≥)")
    return comparison


def binomial_counts(n: int, k: int, comparison: str) -> list[int]:
    """The counts j with j (comparison) k, from 0 to n."""
    test = COMPARISONS[comparison_of(comparison)]
    return [j for j in range(n + 1) if test(j, k)]


def binomial_probability(n: int, p: Fraction, k: int, comparison: str) -> Solution[Fraction]:
    """P(X = k), P(X ≤ k), P(X < k), P(X ≥ k) or P(X > k) for X ~ Binomial(n, p), exactly.

    A tail with more terms than its complement is found as 1 minus the complement.
    """
    check_probability(p)
    if not 1 <= n <= 200:
        raise NotSolvable("n must be between 1 and 200")
    if not 0 <= k <= n:
        raise NotSolvable(f"k must be between 0 and n = {n}")
    comparison = comparison_of(comparison)
    first = Step(
        f"X counts the successes in n = {n} independent trials, each a success with "
        f"probability p = {text_of(p)}",
        formula(
            r"P(X = j) = \binom{n}{j} p^j (1-p)^{n-j}", "P(X = j) = C(n, j)·p^j·(1 − p)^(n − j)"
        ),
    )
    wanted = binomial_counts(n, k, comparison)
    rest = [j for j in range(n + 1) if j not in set(wanted)]
    by_complement = comparison != "=" and 0 < len(rest) < len(wanted)
    js = rest if by_complement else wanted
    answer = binomial_sum(n, p, wanted)
    if not rest:
        return Solution(
            answer,
            (
                first,
                Step(
                    f"X {SYMBOL[comparison]} {k} holds for every count from 0 to n = {n}: "
                    "the event is certain",
                    formula(
                        rf"P(X {LATEX[comparison]} {k}) = 1", f"P(X {SYMBOL[comparison]} {k}) = 1"
                    ),
                ),
            ),
        )
    steps = [first]
    if js:
        steps.extend(_binomial_terms(n, p, js))
    if comparison == "=":
        steps.append(
            Step(
                "As a decimal",
                formula(
                    rf"P(X = {k}) \approx {real_latex(float(answer))}",
                    f"P(X = {k}) ≈ {real_text(float(answer))}",
                ),
            )
        )
        return Solution(answer, tuple(steps))
    event_l = rf"P(X {LATEX[comparison]} {k})"
    event_t = f"P(X {SYMBOL[comparison]} {k})"
    if by_complement:
        other = binomial_sum(n, p, rest)
        shown = _range_text(rest)
        rule = (
            f"X {SYMBOL[comparison]} {k} has {len(wanted)} counts, its complement only "
            f"{len(rest)} ({shown}): P = 1 − P(complement)"
        )
        math_ = formula(
            rf"{event_l} = 1 - {exact_latex(other)}{equals_latex(answer)}",
            f"{event_t} = 1 − {exact_text(other)}{equals_text(answer)}",
        )
    else:
        rule = (
            f"X {SYMBOL[comparison]} {k} means X = {_range_text(wanted)}: add their probabilities"
            if wanted
            else f"X {SYMBOL[comparison]} {k} cannot happen: X is between 0 and {n}"
        )
        math_ = formula(rf"{event_l}{equals_latex(answer)}", f"{event_t}{equals_text(answer)}")
    steps.append(Step(rule, math_))
    return Solution(answer, tuple(steps))


def _range_text(js: Sequence[int]) -> str:
    if len(js) <= 5:
        return ", ".join(map(str, js[:-1])) + (" or " if len(js) > 1 else "") + str(js[-1])
    return f"{js[0]}, {js[1]}, …, {js[-1]}"


def _binomial_terms(n: int, p: Fraction, js: Sequence[int]) -> list[Step]:
    """The terms P(X = j), each written out when few, else the first two and the last."""
    if len(js) <= WRITTEN_TERMS:
        return [binomial_pmf_step(n, p, j)[1] for j in js]
    parts = [binomial_pmf_step(n, p, j) for j in (js[0], js[1], js[-1])]
    q = 1 - float(p)
    listing = ", ".join(real_text(math.comb(n, j) * float(p) ** j * q ** (n - j)) for j in js)
    return [
        parts[0][1],
        parts[1][1],
        Step(
            f"The same for j = {js[2]} up to j = {js[-1]}; all {len(js)} terms: {listing}",
            parts[2][1].math,
        ),
    ]


def binomial_moments(n: int, p: Fraction) -> tuple[Fraction, Fraction]:
    """The mean np and the variance np(1 − p) of Binomial(n, p)."""
    return n * p, n * p * (1 - p)
