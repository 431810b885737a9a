"""Matrix–vector and matrix–matrix products, every entry a row·column dot product.

``A @ B`` is defined when A has as many columns as B has rows; entry (i, j) is
row i of A dotted with column j of B. The entrywise product ``A * B`` (NumPy's
``*``) is a different operation — a common confusion, kept here so a skill can
name it.

>>> from mlmath.engine.exact import Matrix, Vector
>>> matrix_vector_product(Matrix.of([[1, 2], [3, 4]]), Vector.of([5, 6])).answer
Vector(entries=(Fraction(17, 1), Fraction(39, 1)))
>>> matrix_product(Matrix.of([[1, 2]]), Matrix.of([[3], [4]])).answer.rows
((Fraction(11, 1),),)
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.vectors import paren_latex, paren_text, vector_text
from mlmath.engine.render import number_latex, number_text, vector_latex
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def shape_text(matrix: Matrix) -> str:
    m, n = matrix.shape
    return f"{m}×{n}"


def row_dot_column(row: Vector, column: Vector, label: str) -> Step:
    """One entry of a product, written out: ``(row i)·(column j) = …``."""
    products = [a * b for a, b in zip(row, column, strict=True)]
    total = sum(products, Fraction(0))
    pairs_text = " + ".join(
        f"{paren_text(a)}·{paren_text(b)}" for a, b in zip(row, column, strict=True)
    )
    pairs_latex = " + ".join(
        rf"{paren_latex(a)} \cdot {paren_latex(b)}" for a, b in zip(row, column, strict=True)
    )
    return Step(
        label,
        Formula(
            rf"{pairs_latex} = {number_latex(total)}",
            f"{pairs_text} = {number_text(total)}",
        ),
    )


def matrix_vector_product(
    matrix: Matrix, vector: Vector, names: tuple[str, str] = ("A", "v")
) -> Solution[Vector]:
    """``A v``: each entry is a row of A dotted with v — equally, a mix of A's columns.

    ``names`` are the letters the question gives the matrix and the vector (W and x for a
    neural network layer), so the steps speak of them.
    """
    a, v = names
    m, n = matrix.shape
    if n != len(vector):
        raise NotSolvable(
            f"a {m}×{n} matrix can only multiply a vector with {n} entries, not {len(vector)}"
        )
    result = matrix.times_vector(vector)
    entries = tuple(
        row_dot_column(matrix.row(i), vector, f"Entry {i + 1}: row {i + 1} of {a} · {v}")
        for i in range(m)
    )
    columns = matrix.columns()
    mix_text = " + ".join(
        f"{paren_text(c)}·{vector_text(col)}" for c, col in zip(vector, columns, strict=True)
    )
    mix_latex = " + ".join(
        rf"{paren_latex(c)} {vector_latex(col)}" for c, col in zip(vector, columns, strict=True)
    )
    return Solution(
        result,
        (
            Step(
                f"Check the sizes: a {m}×{n} matrix times a vector with {n} entries "
                f"gives a vector with {m} entries"
            ),
            Step("Dot each row of the matrix with the vector", None, entries),
            Step(
                f"The same result read by columns: {v}'s entries mix the columns of {a}",
                Formula(
                    rf"{a} {v} = {mix_latex} = {vector_latex(result)}",
                    f"{a}{v} = {mix_text} = {vector_text(result)}",
                    display=True,
                ),
            ),
            Step("The product", result),
        ),
    )


def matrix_product(left: Matrix, right: Matrix) -> Solution[Matrix]:
    """``A B``: entry (i, j) is row i of A dotted with column j of B."""
    (m, n), (p, q) = left.shape, right.shape
    if n != p:
        raise NotSolvable(
            f"a {m}×{n} matrix times a {p}×{q} matrix is not defined: "
            f"the inner sizes {n} and {p} must match"
        )
    result = left.times_matrix(right)
    entries = tuple(
        row_dot_column(
            left.row(i), right.column(j), f"Entry ({i + 1}, {j + 1}): row {i + 1} · column {j + 1}"
        )
        for i in range(m)
        for j in range(q)
    )
    return Solution(
        result,
        (
            Step(
                f"Check the sizes: ({m}×{n})·({p}×{q}) — the inner sizes match, "
                f"so the product is {m}×{q}"
            ),
            Step("Dot each row of the first matrix with each column of the second", None, entries),
            Step("The product", result),
        ),
    )


def elementwise_product(left: Matrix, right: Matrix) -> Matrix:
    """The entrywise (Hadamard) product ``A * B`` — *not* the matrix product."""
    if left.shape != right.shape:
        raise ValueError("the entrywise product needs two matrices of the same shape")
    return Matrix(
        tuple(
            tuple(a * b for a, b in zip(r, s, strict=True))
            for r, s in zip(left.rows, right.rows, strict=True)
        )
    )
