"""PCA's first step: the covariance matrix of a small data set and its eigenvectors.

Centre the data (subtract each feature's mean), form the covariance matrix
``C = Xcᵀ Xc / (n − 1)``, and find its eigenvectors. The eigenvector with the
largest eigenvalue is the *first principal direction*: the line along which
the data spreads most; its eigenvalue is the variance along that line.

Small hand-sized data sets are done exactly (fractions, square roots); the same
answer for real data comes from ``numpy.cov`` and ``numpy.linalg.eigh``.

>>> from mlmath.engine.exact import Matrix
>>> data = Matrix.of([[1, 1], [2, 2], [3, 3]])
>>> covariance_matrix(data).answer.rows
((Fraction(1, 1), Fraction(1, 1)), (Fraction(1, 1), Fraction(1, 1)))
>>> principal_direction(data).answer.text()
'(1, 1)'
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.characteristic import eigenvalues
from mlmath.engine.linalg.eigen import SurdVector, eigenspace
from mlmath.engine.linalg.vectors import vector_text
from mlmath.engine.render import vector_latex
from mlmath.engine.significant import percent_text, sig_latex, sig_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step, WorkedLater
from mlmath.engine.surds import Surd


def _check_data(data: Matrix) -> tuple[int, int]:
    n, features = data.shape
    if n < 2:
        raise NotSolvable("a covariance needs at least two observations (rows)")
    return n, features


def covariance_matrix(data: Matrix) -> Solution[Matrix]:
    """The sample covariance matrix (divide by n − 1) of the rows of ``data``."""
    n, features = _check_data(data)
    means = Vector(tuple(sum(data.column(j), Fraction(0)) / n for j in range(features)))
    centred = Matrix(
        tuple(tuple(a - m for a, m in zip(row, means, strict=True)) for row in data.rows)
    )
    scatter = centred.transpose().times_matrix(centred)
    covariance = scatter.scale(Fraction(1, n - 1))
    return Solution(
        covariance,
        (
            Step(
                f"Mean of each feature (column), over the {n} observations",
                Formula(rf"\bar x = {vector_latex(means)}", f"mean = {vector_text(means)}"),
            ),
            Step("Centre the data: subtract the mean from every row", centred),
            Step(
                "Multiply the transposed centred data by itself: entry (i, j) adds up the "
                "products of the deviations of features i and j",
                scatter,
            ),
            Step(
                f"Divide by n − 1 = {n - 1}: the sample covariance matrix (variances on the "
                "diagonal, covariances off it)",
                covariance,
            ),
        ),
    )


def principal_direction(data: Matrix) -> Solution[SurdVector]:
    """The first principal direction (up to scale) of a data set with 2 or 3 features."""
    _, features = _check_data(data)
    if features not in (2, 3):
        raise NotSolvable("worked principal directions are for data with 2 or 3 features")
    cov = covariance_matrix(data)
    c = cov.answer
    if c.is_zero():
        raise NotSolvable("every observation is the same point: the data has no spread")
    values = eigenvalues(c)
    exact = [v for v in values.answer if isinstance(v, Surd)]
    if len(exact) != features:
        raise NotSolvable(
            "this covariance matrix's eigenvalues are not exact; use numpy.linalg.eigh"
        )
    largest = max(exact, key=lambda v: v.to_float())
    count = sum(v == largest for v in exact)
    if count > 1:
        raise NotSolvable(
            "the data spreads equally in several directions: there is no single first "
            "principal direction"
        )
    space = eigenspace(c, largest)
    direction = space.answer.vectors[0]
    total = sum((v.to_float() for v in exact), 0.0)
    share = largest.to_float() / total
    return WorkedLater(
        direction,
        lambda: (
            Step("Compute the covariance matrix", c, cov.steps),
            Step("Its eigenvalues are the variances along its eigenvectors", None, values.steps),
            Step(
                f"The largest eigenvalue, {largest.text()}, belongs to the first principal "
                f"direction; it carries {percent_text(share)} of the total variance",
                Formula(
                    rf"\lambda_{{\max}} = {largest.latex()} "
                    rf"\approx {sig_latex(largest.to_float())}",
                    f"λmax = {largest.text()} ≈ {sig_text(largest.to_float())}",
                ),
            ),
            Step(
                f"Its eigenvector, from (C − {largest.text()} I) v = 0",
                direction,
                space.steps,
            ),
            Step(
                "The first principal direction (any non-zero multiple describes the same line)",
                direction,
            ),
        ),
    )


def variance_along(data: Matrix, direction: Vector) -> Fraction:
    """The sample variance of the data projected onto a (not necessarily unit) direction,
    times the squared length of the direction: ``dᵀ C d``."""
    c = covariance_matrix(data).answer
    return direction.dot(c.times_vector(direction))
