"""Powers of a square matrix: ``Aⁿ = A·A·…·A`` (n factors), applying the transformation n
times. ``A⁰ = I``. Each power is the previous one times A once more — a matrix product,
never the entries raised to the power.

>>> from mlmath.engine.exact import Matrix
>>> matrix_power(Matrix.of([[1, 1], [0, 1]]), 3).answer.rows
((Fraction(1, 1), Fraction(3, 1)), (Fraction(0, 1), Fraction(1, 1)))
>>> matrix_power(Matrix.of([[0, 1], [1, 1]]), 5).answer.rows[0]
(Fraction(3, 1), Fraction(5, 1))
"""

from __future__ import annotations

from mlmath.engine.exact import Matrix
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MAX_POWER = 30


def power_text(k: int) -> str:
    """``A³``-style exponent text."""
    return str(k).translate(_SUPERSCRIPTS)


def matrix_power(matrix: Matrix, n: int) -> Solution[Matrix]:
    """``Aⁿ`` by multiplying by A one factor at a time (0 ≤ n ≤ 30)."""
    if not matrix.is_square:
        rows, columns = matrix.shape
        raise NotSolvable(
            f"A is {rows}×{columns}: only a square matrix can be multiplied by itself"
        )
    if not 0 <= n <= MAX_POWER:
        raise NotSolvable(
            f"give a power from 0 to {MAX_POWER}; a negative power is a power of the inverse"
        )
    size = matrix.shape[0]
    if n == 0:
        identity = Matrix.identity(size)
        return Solution(
            identity,
            (Step("A⁰ is the identity: applying A no times changes nothing", identity),),
        )
    steps = [
        Step(
            f"A{power_text(n)} applies A {n} time{'s' if n > 1 else ''}: multiply by A one "
            "factor at a time (a matrix product each time, never entry by entry)",
            Formula(
                f"A^{{{n}}} = "
                + r" \cdot ".join(["A"] * min(n, 6))
                + (r" \cdots" if n > 6 else ""),
                f"A{power_text(n)} = " + "·".join(["A"] * min(n, 6)) + ("···" if n > 6 else ""),
            ),
        )
    ]
    current = matrix
    for k in range(2, n + 1):
        current = current.times_matrix(matrix)
        previous = "A" if k == 2 else f"A^{{{k - 1}}}"
        previous_text = "A" if k == 2 else f"A{power_text(k - 1)}"
        steps.append(
            Step(
                f"A{power_text(k)} = {previous_text}·A: entry (i, j) is row i of "
                f"{previous_text} dotted with column j of A",
                Formula(
                    rf"A^{{{k}}} = {previous} A = {current.latex()}",
                    f"A{power_text(k)} = {previous_text}·A =\n{current.text()}",
                    display=True,
                ),
            )
        )
    if n == 1:
        steps.append(Step("A¹ is A itself", matrix))
    return Solution(current, tuple(steps))
