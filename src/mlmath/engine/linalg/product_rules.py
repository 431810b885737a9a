"""The transpose and the inverse of a product: both reverse the order of the factors.

``(AB)ᵀ = BᵀAᵀ``: row i of AB is row i of A times B, so column i of (AB)ᵀ is Bᵀ times
column i of Aᵀ. ``(AB)⁻¹ = B⁻¹A⁻¹``: AB does B first and then A, so undoing it undoes A
first and then B — like taking off shoes before socks.

>>> from mlmath.engine.exact import Matrix
>>> a, b = Matrix.of([[1, 2], [0, 1]]), Matrix.of([[1, 0], [3, 1]])
>>> transpose_of_product(a, b).answer.text()
'⎡7  3⎤\\n⎣2  1⎦'
>>> (a @ b) @ inverse_of_product(a, b).answer == Matrix.identity(2)
True
>>> inverse_of_product(a, b).answer.rows
((Fraction(1, 1), Fraction(-2, 1)), (Fraction(-3, 1), Fraction(7, 1)))
"""

from __future__ import annotations

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.inverse import inverse
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def _shape(m: Matrix) -> str:
    rows, columns = m.shape
    return f"{rows}×{columns}"


def _check_product(a: Matrix, b: Matrix) -> None:
    if a.shape[1] != b.shape[0]:
        raise NotSolvable(
            f"A is {_shape(a)} and B is {_shape(b)}: A needs as many columns as B has rows "
            "for AB to exist"
        )


def _equation(name_latex: str, name_text: str, m: Matrix) -> Formula:
    return Formula(f"{name_latex} = {m.latex()}", f"{name_text} =\n{m.text()}", display=True)


def transpose_of_product(a: Matrix, b: Matrix) -> Solution[Matrix]:
    """``(AB)ᵀ = BᵀAᵀ``, multiplied out, and checked against transposing AB."""
    _check_product(a, b)
    bt, at = b.transpose(), a.transpose()
    result = bt.times_matrix(at)
    product = a.times_matrix(b)
    return Solution(
        result,
        (
            Step(
                "The transpose of a product is the product of the transposes in the opposite order",
                Formula(r"(AB)^{\mathsf T} = B^{\mathsf T} A^{\mathsf T}", "(AB)ᵀ = BᵀAᵀ"),
            ),
            Step("Transpose B: row i of B becomes column i", _equation(r"B^{\mathsf T}", "Bᵀ", bt)),
            Step("Transpose A the same way", _equation(r"A^{\mathsf T}", "Aᵀ", at)),
            Step(
                "Multiply Bᵀ by Aᵀ (in this order): entry (i, j) is row i of Bᵀ dotted with "
                "column j of Aᵀ",
                _equation(r"B^{\mathsf T} A^{\mathsf T}", "BᵀAᵀ", result),
            ),
            Step(
                "Check: multiplying first gives AB, and its rows turned into columns agree",
                Formula(
                    rf"AB = {product.latex()}, \quad (AB)^{{\mathsf T}} = "
                    rf"{product.transpose().latex()}",
                    f"AB =\n{product.text()}\n(AB)ᵀ =\n{product.transpose().text()}",
                    display=True,
                ),
            ),
        ),
    )


def inverse_of_product(a: Matrix, b: Matrix) -> Solution[Matrix]:
    """``(AB)⁻¹ = B⁻¹A⁻¹`` from the two inverses, checked by multiplying by AB."""
    _check_product(a, b)
    if not (a.is_square and b.is_square):
        raise NotSolvable("only square matrices have inverses; A and B must both be square")
    for name, m in (("A", a), ("B", b)):
        if determinant(m) == 0:
            raise NotSolvable(
                f"det {name} = 0, so {name} has no inverse and neither has AB "
                "(det AB = det A · det B = 0)"
            )
    a_inverse, b_inverse = inverse(a), inverse(b)
    result = b_inverse.answer.times_matrix(a_inverse.answer)
    check = a.times_matrix(b).times_matrix(result)
    return Solution(
        result,
        (
            Step(
                "AB does B first and then A; to undo it, undo A first and then B, so the "
                "order reverses",
                Formula("(AB)^{-1} = B^{-1} A^{-1}", "(AB)⁻¹ = B⁻¹A⁻¹"),
            ),
            Step("Invert A", _equation("A^{-1}", "A⁻¹", a_inverse.answer), a_inverse.steps),
            Step("Invert B", _equation("B^{-1}", "B⁻¹", b_inverse.answer), b_inverse.steps),
            Step(
                "Multiply B⁻¹ by A⁻¹ (in this order): row i of B⁻¹ dotted with column j of A⁻¹",
                _equation("B^{-1} A^{-1}", "B⁻¹A⁻¹", result),
            ),
            Step(
                "Check: AB times the answer is the identity",
                _equation("(AB)(B^{-1} A^{-1})", "(AB)(B⁻¹A⁻¹)", check),
            ),
        ),
    )
