"""How much of the data's spread a principal direction carries.

The eigenvalues of a covariance matrix C are the variances along its principal directions,
and together they hold all the spread: λ₁ + … + λₙ = trace C = C₁₁ + … + Cₙₙ (the total
variance). The share of direction k is λₖ / (λ₁ + … + λₙ) — the "explained variance ratio"
PCA reports for each component. Components are numbered from the largest eigenvalue down.

>>> from mlmath.engine.exact import Matrix
>>> variance_share(Matrix.of([[5, 2], [2, 2]]), 1).answer
Fraction(6, 7)
>>> round(variance_share(Matrix.of([[4, 1], [1, 2]]), 1).answer, 4)
0.7357
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.characteristic import Approximate, eigenvalues
from mlmath.engine.render import number_latex, number_text
from mlmath.engine.significant import (
    equals_latex,
    equals_text,
    percent_latex,
    percent_text,
    value_latex,
    value_text,
)
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step
from mlmath.engine.surds import Surd

Root = Surd | Approximate


def check_covariance(covariance: Matrix) -> None:
    m, n = covariance.shape
    if m != n or n not in (2, 3):
        raise NotSolvable(f"a covariance matrix here is 2×2 or 3×3 and square; this one is {m}×{n}")
    if covariance != covariance.transpose():
        raise NotSolvable("a covariance matrix is symmetric: entry (i, j) must equal entry (j, i)")
    if any(covariance[i, i] < 0 for i in range(n)):
        raise NotSolvable("the diagonal of a covariance matrix holds variances, which are ≥ 0")


def _value(root: Root) -> Fraction | float:
    if isinstance(root, Surd) and root.is_rational:
        return root.rational
    return root.real if isinstance(root, Approximate) else root.to_float()


def principal_variances(
    covariance: Matrix,
) -> tuple[list[Fraction | float], list[Root], Solution[object]]:
    """The eigenvalues of C, largest first (exact when rational), and how they were found."""
    check_covariance(covariance)
    found = eigenvalues(covariance)
    roots = sorted(found.answer, key=lambda r: -_value(r))
    if any(isinstance(r, Surd) and not r.is_real for r in roots):
        raise NotSolvable("a symmetric matrix has real eigenvalues; check the entries")
    values = [_value(r) for r in roots]
    if min(values) < -1e-12:
        raise NotSolvable(
            "a covariance matrix has no negative eigenvalues (no direction has negative "
            "variance); check the entries"
        )
    return values, roots, found  # type: ignore[return-value]


def _root_latex(root: Root) -> str:
    return (
        root.latex()
        if isinstance(root, Surd) and root.is_rational
        else (
            root.latex()
            + (rf" \approx {value_latex(_value(root))}" if isinstance(root, Surd) else "")
        )
    )


def _root_text(root: Root) -> str:
    if isinstance(root, Surd) and root.is_rational:
        return root.text()
    if isinstance(root, Surd):
        return f"{root.text()} ≈ {value_text(_value(root))}"
    return root.text()


def variance_share(covariance: Matrix, component: int = 1) -> Solution[Fraction | float]:
    """λₖ / trace C for the k-th largest eigenvalue (k = ``component``)."""
    n = covariance.shape[0]
    values, roots, found = principal_variances(covariance)
    if not 1 <= component <= n:
        raise NotSolvable(f"a {n}×{n} covariance matrix has components 1 to {n}")
    trace = sum((covariance[i, i] for i in range(n)), Fraction(0))
    if trace == 0:
        raise NotSolvable("the total variance is 0: every point is the same, nothing to share")
    chosen = values[component - 1]
    share: Fraction | float = (
        chosen / trace if isinstance(chosen, Fraction) else float(chosen) / float(trace)
    )
    diagonal_l = " + ".join(number_latex(covariance[i, i]) for i in range(n))
    diagonal_t = " + ".join(number_text(covariance[i, i]) for i in range(n))
    ordinal = {1: "first", 2: "second", 3: "third"}[component]
    names = " + ".join(f"λ{k}" for k in range(1, n + 1))
    names_latex = " + ".join(rf"\lambda_{k}" for k in range(1, n + 1))
    root = roots[component - 1]
    if isinstance(root, Surd):
        chosen_text = root.text() if root.is_rational else f"({root.text()})"
        chosen_latex = root.latex()
    else:
        chosen_text, chosen_latex = value_text(chosen), value_latex(chosen)
    steps = (
        Step(
            "The eigenvalues of the covariance matrix are the variances along the principal "
            "directions: solve det(C − λI) = 0",
            Formula(
                r",\ ".join(rf"\lambda_{k + 1} = {_root_latex(r)}" for k, r in enumerate(roots)),
                ", ".join(f"λ{k + 1} = {_root_text(r)}" for k, r in enumerate(roots)),
            ),
            found.steps,
        ),
        Step(
            "The total variance is the sum of the eigenvalues, which equals the trace: the "
            "sum of the diagonal (the variances of the original features)",
            Formula(
                rf"{names_latex} = \operatorname{{tr}} C = {diagonal_l} = "
                rf"{number_latex(trace)}",
                f"{names} = tr C = {diagonal_t} = {number_text(trace)}",
            ),
        ),
        Step(
            f"The {ordinal} principal direction carries its eigenvalue's share of the total",
            Formula(
                rf"\frac{{\lambda_{component}}}{{\operatorname{{tr}} C}} = "
                rf"\frac{{{chosen_latex}}}{{{number_latex(trace)}}}{equals_latex(share)}"
                rf" = {percent_latex(share, 2)}",
                f"λ{component} / tr C = {chosen_text} / {number_text(trace)}"
                f"{equals_text(share)} = {percent_text(share, 2)}",
            ),
        ),
    )
    return Solution(share, steps)
