"""The determinant of a square matrix, three ways, each with worked steps.

- :func:`determinant_2x2` — the formula ``ad − bc``;
- :func:`determinant_by_cofactors` — expansion along a row, each minor and sign a step;
- :func:`determinant_by_diagonals` — the diagonal rule for 3×3 matrices;
- :func:`determinant_by_elimination` — row operations down to a triangular matrix,
  then the product of its diagonal (swaps flip the sign, adding a multiple of a
  row changes nothing).

>>> from mlmath.engine.exact import Matrix
>>> determinant_2x2(Matrix.of([[1, 2], [3, 4]])).answer
Fraction(-2, 1)
>>> A = Matrix.of([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
>>> determinant_by_cofactors(A).answer == determinant_by_elimination(A).answer == -3
True
>>> determinant(A)
Fraction(-3, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import prod
from typing import Any

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Swap
from mlmath.engine.render import number_json, number_latex, number_text
from mlmath.engine.render import text as render_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step

# --- a determinant as a math object ------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeterminantOf:
    """``det`` of a matrix, written with vertical bars: ``|1 2; 3 4|``."""

    matrix: Matrix

    def latex(self) -> str:
        body = r" \\ ".join(" & ".join(number_latex(a) for a in row) for row in self.matrix.rows)
        return rf"\begin{{vmatrix}} {body} \end{{vmatrix}}"

    def text(self) -> str:
        grid = render_text(self.matrix)
        return "\n".join("│" + line[1:-1] + "│" for line in grid.splitlines())

    def to_json(self) -> Any:
        return {"determinant_of": [[number_json(a) for a in row] for row in self.matrix.rows]}


def _require_square(matrix: Matrix) -> None:
    m, n = matrix.shape
    if m != n:
        raise NotSolvable(f"only a square matrix has a determinant; this one is {m}×{n}")


def _paren(value: Fraction) -> str:
    """A number as a factor in a product: negative numbers in parentheses."""
    return f"({number_text(value)})" if value < 0 else number_text(value)


def _paren_latex(value: Fraction) -> str:
    return rf"\left({number_latex(value)}\right)" if value < 0 else number_latex(value)


# --- quick value ---------------------------------------------------------------------


def determinant(matrix: Matrix) -> Fraction:
    """The determinant, exactly, without steps (by elimination on plain rows).

    >>> determinant(Matrix.of([[0, 2], [3, 1]]))
    Fraction(-6, 1)
    """
    _require_square(matrix)
    n = matrix.shape[0]
    if n <= 3 and all(a.denominator == 1 for row in matrix.rows for a in row):
        return Fraction(_whole_determinant([[a.numerator for a in row] for row in matrix.rows]))
    rows = [list(r) for r in matrix.rows]
    value = Fraction(1)
    for col in range(n):
        pivot = next((i for i in range(col, n) if rows[i][col] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != col:
            rows[col], rows[pivot] = rows[pivot], rows[col]
            value = -value
        top = rows[col]
        value *= top[col]
        for i in range(col + 1, n):
            factor = rows[i][col] / top[col]
            if factor:
                rows[i] = [a - factor * b for a, b in zip(rows[i], top, strict=True)]
    return value


def _whole_determinant(rows: list[list[int]]) -> int:
    """The determinant of a matrix of whole numbers up to 3×3, by cofactors in integers
    (the same exact value as elimination, without fractions)."""
    if len(rows) == 1:
        return rows[0][0]
    if len(rows) == 2:
        (a, b), (c, d) = rows
        return a * d - b * c
    (a, b, c), (d, e, f), (g, h, i) = rows
    return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)


# --- 2×2 -----------------------------------------------------------------------------


def determinant_2x2(matrix: Matrix) -> Solution[Fraction]:
    """``ad − bc`` for ``[[a, b], [c, d]]``, with the numbers put in.

    >>> s = determinant_2x2(Matrix.of([[2, -1], [3, 4]]))
    >>> [step.math.text() for step in s.steps[:2]]
    ['det = ad - bc', 'det = 2·4 - (-1)·3 = 8 - (-3) = 11']
    """
    if matrix.shape != (2, 2):
        raise NotSolvable(
            f"the formula ad − bc is for 2×2 matrices; this one is "
            f"{matrix.shape[0]}×{matrix.shape[1]}"
        )
    (a, b), (c, d) = matrix.rows
    value = a * d - b * c
    substituted = Formula(
        rf"\det = {_paren_latex(a)}\cdot{_paren_latex(d)} - {_paren_latex(b)}\cdot{_paren_latex(c)}"
        rf" = {number_latex(a * d)} - {_paren_latex(b * c)} = {number_latex(value)}",
        f"det = {_paren(a)}·{_paren(d)} - {_paren(b)}·{_paren(c)}"
        f" = {number_text(a * d)} - {_paren(b * c)} = {number_text(value)}",
    )
    return Solution(
        value,
        (
            Step(
                "Multiply along the main diagonal, then subtract the product "
                "along the other diagonal",
                Formula(r"\det = ad - bc", "det = ad - bc"),
            ),
            Step("Put in the entries", substituted),
            Step("The determinant", value),
        ),
    )


# --- cofactor expansion ----------------------------------------------------------------


def minor(matrix: Matrix, row: int, column: int) -> Matrix:
    """The matrix left after deleting ``row`` and ``column``."""
    return Matrix(
        tuple(
            tuple(a for j, a in enumerate(r) if j != column)
            for i, r in enumerate(matrix.rows)
            if i != row
        )
    )


def cofactor_sign(row: int, column: int) -> int:
    """The checkerboard sign ``(−1)^(i+j)`` (0-based indices give the same pattern)."""
    return 1 if (row + column) % 2 == 0 else -1


def determinant_by_cofactors(matrix: Matrix, row: int = 0) -> Solution[Fraction]:
    """Expand along ``row`` (0-based): ``det A = Σⱼ (−1)^(i+j) aᵢⱼ Mᵢⱼ``.

    Each term is a step: the entry, its checkerboard sign, the minor and the
    minor's determinant (by the 2×2 formula, or by expanding again).

    >>> s = determinant_by_cofactors(Matrix.of([[2, 0, 1], [1, 3, 2], [1, 1, 2]]))
    >>> s.answer
    Fraction(6, 1)
    >>> s.steps[-2].math.text()
    'det = 2·4 - 0·0 + 1·(-2) = 6'
    """
    _require_square(matrix)
    n = matrix.shape[0]
    if not 0 <= row < n:
        raise NotSolvable(f"there is no row {row + 1} in a {n}×{n} matrix")
    if n == 1:
        value = matrix[0, 0]
        return Solution(value, (Step("A 1×1 matrix's determinant is its one entry", value),))
    if n == 2:
        return determinant_2x2(matrix)
    r = row + 1
    signs = "".join("+" if cofactor_sign(row, j) > 0 else "−" for j in range(n))
    terms: list[tuple[int, Fraction, Fraction]] = []
    term_steps: list[Step] = []
    for j in range(n):
        sign = cofactor_sign(row, j)
        entry = matrix[row, j]
        sub = minor(matrix, row, j)
        sub_solution = determinant_by_cofactors(sub)
        minor_value = sub_solution.answer
        terms.append((sign, entry, minor_value))
        sign_word = "+" if sign > 0 else "−"
        rule = (
            f"Entry in row {r}, column {j + 1} is {number_text(entry)} with sign {sign_word}; "
            f"delete row {r} and column {j + 1} to get its minor"
        )
        if entry == 0:
            rule += " (the entry is 0, so this term is 0 whatever the minor is)"
        term_steps.append(
            Step(
                rule,
                DeterminantOf(sub),
                substeps=_minor_steps(sub, sub_solution),
            )
        )
    value = sum((sign * entry * m for sign, entry, m in terms), Fraction(0))
    return Solution(
        value,
        (
            Step(
                f"Expand along row {r}: each entry times its minor, with the "
                f"checkerboard signs {signs}",
                _expansion_formula(row, n),
            ),
            *term_steps,
            Step("Add the signed terms", _sum_formula(terms, value)),
            Step("The determinant", value),
        ),
    )


def _minor_steps(sub: Matrix, sub_solution: Solution[Fraction]) -> tuple[Step, ...]:
    if sub.shape == (2, 2):
        return (Step("Its determinant, ad − bc", sub_solution.steps[1].math),)
    return (*sub_solution.steps[:-1], Step("The minor", sub_solution.answer))


def _expansion_formula(row: int, n: int) -> Formula:
    r = row + 1
    latex_terms = []
    text_terms = []
    for j in range(n):
        sign = "+" if cofactor_sign(row, j) > 0 else "-"
        latex_terms.append(f"{sign} a_{{{r}{j + 1}}} M_{{{r}{j + 1}}}")
        text_terms.append(f"{sign} a{r}{j + 1}·M{r}{j + 1}")
    # the first term carries its sign without a space: "det = -a21·M21 + …"
    first_latex = latex_terms[0].removeprefix("+ ").replace("- ", "-", 1)
    first_text = text_terms[0].removeprefix("+ ").replace("- ", "-", 1)
    return Formula(
        r"\det = " + " ".join([first_latex, *latex_terms[1:]]),
        "det = " + " ".join([first_text, *text_terms[1:]]),
    )


def _sum_formula(terms: list[tuple[int, Fraction, Fraction]], value: Fraction) -> Formula:
    latex_parts: list[str] = []
    text_parts: list[str] = []
    for k, (sign, entry, m) in enumerate(terms):
        if k == 0:
            lead_l = "" if sign > 0 else "-"
            lead_t = lead_l
        else:
            lead_l = lead_t = " + " if sign > 0 else " - "
        latex_parts.append(f"{lead_l}{_paren_latex(entry)}\\cdot{_paren_latex(m)}")
        text_parts.append(f"{lead_t}{_paren(entry)}·{_paren(m)}")
    return Formula(
        r"\det = " + "".join(latex_parts) + f" = {number_latex(value)}",
        "det = " + "".join(text_parts) + f" = {number_text(value)}",
    )


# --- the diagonal rule (3×3 only) -------------------------------------------------------


def diagonal_products(matrix: Matrix) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
    """The three products down to the right and the three up to the right of a 3×3 matrix."""
    down = tuple(
        prod((matrix[i, (i + k) % 3] for i in range(3)), start=Fraction(1)) for k in range(3)
    )
    up = tuple(
        prod((matrix[2 - i, (i + k) % 3] for i in range(3)), start=Fraction(1)) for k in range(3)
    )
    return down, up


def determinant_by_diagonals(matrix: Matrix) -> Solution[Fraction]:
    """The diagonal rule: three products down minus three products up (3×3 only).

    >>> determinant_by_diagonals(Matrix.of([[1, 2, 3], [4, 5, 6], [7, 8, 10]])).answer
    Fraction(-3, 1)
    """
    if matrix.shape != (3, 3):
        raise NotSolvable(
            "the diagonal rule works only for 3×3 matrices; "
            "use cofactor expansion or elimination for other sizes"
        )
    down, up = diagonal_products(matrix)
    value = sum(down, Fraction(0)) - sum(up, Fraction(0))

    def listing(products: tuple[Fraction, ...]) -> str:
        return " + ".join(_paren(p) for p in products)

    def listing_latex(products: tuple[Fraction, ...]) -> str:
        return " + ".join(_paren_latex(p) for p in products)

    return Solution(
        value,
        (
            Step(
                "Multiply along the three diagonals running down to the right "
                "(wrapping around the edge)",
                Formula(
                    listing_latex(down) + f" = {number_latex(sum(down, Fraction(0)))}",
                    listing(down) + f" = {number_text(sum(down, Fraction(0)))}",
                ),
            ),
            Step(
                "Multiply along the three diagonals running up to the right",
                Formula(
                    listing_latex(up) + f" = {number_latex(sum(up, Fraction(0)))}",
                    listing(up) + f" = {number_text(sum(up, Fraction(0)))}",
                ),
            ),
            Step(
                "Subtract the second sum from the first",
                Formula(
                    rf"\det = {number_latex(sum(down, Fraction(0)))} - "
                    rf"{_paren_latex(sum(up, Fraction(0)))} = {number_latex(value)}",
                    f"det = {number_text(sum(down, Fraction(0)))} - "
                    f"{_paren(sum(up, Fraction(0)))} = {number_text(value)}",
                ),
            ),
            Step("The determinant", value),
        ),
    )


# --- elimination ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Triangularization:
    """Forward elimination of a square matrix, recorded.

    ``operations[k]`` turns ``matrices[k]`` into ``matrices[k + 1]``. Only swaps
    and "add a multiple of another row" are used, so the determinant changes
    only by the sign of each swap. ``stalled_column`` is the first column with
    no pivot on or below the diagonal (the determinant is then 0).
    """

    matrices: tuple[Matrix, ...]
    operations: tuple[RowOperation, ...]
    stalled_column: int | None

    @property
    def result(self) -> Matrix:
        return self.matrices[-1]

    @property
    def swaps(self) -> int:
        return sum(isinstance(op, Swap) for op in self.operations)

    @property
    def diagonal(self) -> tuple[Fraction, ...]:
        m = self.result
        return tuple(m[i, i] for i in range(m.shape[0]))

    @property
    def determinant(self) -> Fraction:
        if self.stalled_column is not None:
            return Fraction(0)
        sign = -1 if self.swaps % 2 else 1
        return sign * prod(self.diagonal, start=Fraction(1))


def triangularize(matrix: Matrix) -> Triangularization:
    """Eliminate below the diagonal, column by column, swapping only when a pivot is 0."""
    n = matrix.shape[0]
    current = matrix
    matrices = [current]
    operations: list[RowOperation] = []
    for col in range(n):
        pivot = next((i for i in range(col, n) if current[i, col] != 0), None)
        if pivot is None:
            return Triangularization(tuple(matrices), tuple(operations), col)
        ops: list[RowOperation] = []
        if pivot != col:
            ops.append(Swap(col, pivot))
        for op in ops:
            current = op.apply(current)
            matrices.append(current)
            operations.append(op)
        for i in range(col + 1, n):
            if current[i, col] != 0:
                add = AddMultiple(i, col, -current[i, col] / current[col, col])
                current = add.apply(current)
                matrices.append(current)
                operations.append(add)
    return Triangularization(tuple(matrices), tuple(operations), None)


def determinant_by_elimination(matrix: Matrix) -> Solution[Fraction]:
    """Row-reduce to an upper triangular matrix; the determinant is the product of its
    diagonal, with the sign flipped once for every swap.

    >>> s = determinant_by_elimination(Matrix.of([[0, 2], [3, 1]]))
    >>> s.answer, s.steps[0].rule
    (Fraction(-6, 1), 'Swap row 1 and row 2: a swap flips the sign of the determinant')
    """
    _require_square(matrix)
    work = triangularize(matrix)
    steps: list[Step] = []
    for op, after in zip(work.operations, work.matrices[1:], strict=True):
        if isinstance(op, Swap):
            note = "a swap flips the sign of the determinant"
        else:
            note = "adding a multiple of another row leaves the determinant unchanged"
        steps.append(Step(f"{op.describe()}: {note}", after))
    n = matrix.shape[0]
    if work.stalled_column is not None:
        c = work.stalled_column + 1
        steps.append(
            Step(
                f"Column {c} has only zeros on and below the diagonal, so the triangular "
                f"form has a 0 on its diagonal and the product of the diagonal is 0",
                work.result,
            )
        )
        steps.append(Step("The determinant", Fraction(0)))
        return Solution(Fraction(0), tuple(steps))
    if not work.operations:
        steps.append(Step("The matrix is already upper triangular", matrix))
    diagonal = work.diagonal
    product = prod(diagonal, start=Fraction(1))
    steps.append(
        Step(
            "The matrix is upper triangular: multiply its diagonal entries",
            Formula(
                r"\cdot".join(_paren_latex(d) for d in diagonal) + f" = {number_latex(product)}",
                "·".join(_paren(d) for d in diagonal) + f" = {number_text(product)}",
            ),
        )
    )
    value = work.determinant
    if work.swaps:
        k = work.swaps
        steps.append(
            Step(
                f"Undo the sign changes of the {k} swap{'s' if k > 1 else ''}",
                Formula(
                    rf"\det = (-1)^{{{k}}}\cdot{_paren_latex(product)} = {number_latex(value)}",
                    f"det = (-1)^{k}·{_paren(product)} = {number_text(value)}",
                ),
            )
        )
    steps.append(Step("The determinant" if n > 1 else "The determinant is the one entry", value))
    return Solution(value, tuple(steps))
