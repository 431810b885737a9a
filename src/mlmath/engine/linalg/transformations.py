"""A matrix as a linear transformation of the plane (or of space).

The columns of A are where the basis vectors land: ``A e₁`` is column 1, ``A e₂``
is column 2. So a transformation known by the images of the basis vectors *is*
a matrix, and doing one transformation after another is multiplying their
matrices (the later one on the left). A singular transformation squashes the
plane onto a line or a point — its rank is the dimension of what is left — and
the determinant is the signed area (volume in 3-D) of the image of the unit
square (cube).

>>> from mlmath.engine.exact import Matrix, Vector
>>> matrix_from_images([Vector.of([2, 1]), Vector.of([-1, 3])]).answer.rows
((Fraction(2, 1), Fraction(-1, 1)), (Fraction(1, 1), Fraction(3, 1)))
>>> composition(Matrix.of([[0, -1], [1, 0]]), Matrix.of([[2, 0], [0, 1]])).answer.rows
((Fraction(0, 1), Fraction(-2, 1)), (Fraction(1, 1), Fraction(0, 1)))
>>> transformation_rank(Matrix.of([[1, 2], [2, 4]])).answer
1
>>> signed_area(Matrix.of([[0, 1], [1, 0]])).answer
Fraction(-1, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.determinant import (
    DeterminantOf,
    determinant_2x2,
    determinant_by_cofactors,
)
from mlmath.engine.linalg.linear_expression import coefficient_text, write_terms
from mlmath.engine.linalg.products import matrix_product, matrix_vector_product
from mlmath.engine.linalg.rank import rank_of
from mlmath.engine.linalg.vectors import vector_text
from mlmath.engine.render import number_latex, number_text, vector_latex
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step

BASIS_NAMES = ("e₁", "e₂", "e₃", "e₄")


def basis_vector(i: int, n: int) -> Vector:
    return Vector(tuple(Fraction(int(i == j)) for j in range(n)))


def matrix_from_images(images: Sequence[Vector]) -> Solution[Matrix]:
    """The matrix whose columns are the images of ``e₁, e₂, …``."""
    if not images:
        raise NotSolvable("give the image of at least one basis vector")
    if len({len(v) for v in images}) != 1:
        raise NotSolvable("every image must have the same number of entries")
    matrix = Matrix.from_columns(list(images))
    steps = [
        Step(
            "A linear transformation is fixed by where it sends the basis vectors: "
            "the image of eᵢ is column i of its matrix"
        )
    ]
    for i, image in enumerate(images):
        steps.append(
            Step(
                f"Column {i + 1} is the image of {BASIS_NAMES[i] if i < 4 else f'e{i + 1}'}",
                Formula(
                    rf"T(e_{{{i + 1}}}) = {vector_latex(image)}",
                    f"T(e{i + 1}) = {vector_text(image)}",
                ),
            )
        )
    steps.append(Step("Put the columns side by side", matrix))
    return Solution(matrix, tuple(steps))


def images_of_basis(matrix: Matrix) -> Solution[tuple[Vector, ...]]:
    """Read the images of the basis vectors off the columns (the way back)."""
    columns = matrix.columns()
    steps = tuple(
        Step(
            f"A e{j + 1} picks out column {j + 1}",
            Formula(
                rf"A e_{{{j + 1}}} = {vector_latex(c)}",
                f"A e{j + 1} = {vector_text(c)}",
            ),
        )
        for j, c in enumerate(columns)
    )
    return Solution(columns, steps)


def image_of(matrix: Matrix, vector: Vector) -> Solution[Vector]:
    """``T(v) = A v``: v's coordinates say how much of each column to take."""
    product = matrix_vector_product(matrix, vector)
    nonzero = [(j + 1, c) for j, c in enumerate(vector) if c != 0]
    parts_text = write_terms(
        [(c, f"T(e{j})") for j, c in nonzero],
        number_text,
        lambda m: f"{coefficient_text(m)}·",
    )
    parts_latex = write_terms(
        [(c, f"T(e_{{{j}}})") for j, c in nonzero],
        number_latex,
        lambda m: rf"{number_latex(m)}\,",
    )
    return Solution(
        product.answer,
        (
            Step(
                "Linearity: T(v) is the same combination of the images of the basis vectors "
                "as v is of the basis vectors",
                Formula(
                    rf"T(v) = {parts_latex}",
                    f"T(v) = {parts_text}",
                ),
            ),
            Step("That combination is the matrix–vector product A v", None, product.steps[1:3]),
            Step("The image", product.answer),
        ),
    )


def composition(first: Matrix, second: Matrix) -> Solution[Matrix]:
    """The matrix of "apply ``first``, then ``second``": ``second · first``."""
    if first.shape[0] != second.shape[1]:
        raise NotSolvable(
            f"the first transformation gives vectors with {first.shape[0]} entries, "
            f"but the second takes vectors with {second.shape[1]}"
        )
    product = matrix_product(second, first)
    return Solution(
        product.answer,
        (
            Step(
                "Applying A first and then B sends v to B(Av) = (BA)v, so the matrix of the "
                "composition is B·A — the transformation applied first stands on the right",
                Formula(r"(B \circ A)(v) = B(Av) = (BA)v", "(B∘A)(v) = B(Av) = (BA)v"),
            ),
            Step("Multiply B by A", None, product.steps),
            Step("The matrix of the composition", product.answer),
        ),
    )


def _image_name(rank: int, n: int) -> str:
    names = {0: "a single point (the origin)", 1: "a line through the origin"}
    if rank == n:
        return "the whole plane" if n == 2 else f"all of R{_superscript(n)}"
    if rank == 2:
        return "a plane through the origin"
    return names[rank]


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def transformation_rank(matrix: Matrix) -> Solution[int]:
    """The rank of a transformation: the dimension of its image (the span of the columns)."""
    m, n = matrix.shape
    rank = rank_of(matrix)
    steps = [
        Step(
            "The image of the transformation is spanned by its columns (the images of "
            "the basis vectors); its rank is the dimension of that image"
        )
    ]
    if m == n and n in (2, 3):
        det = determinant_2x2(matrix) if n == 2 else determinant_by_cofactors(matrix)
        steps.append(Step("Compute the determinant", DeterminantOf(matrix), det.steps))
        if det.answer != 0:
            steps.append(
                Step(
                    "The determinant is not 0: the transformation is non-singular, "
                    f"nothing is squashed, so the rank is {n}"
                )
            )
        else:
            steps.append(
                Step(
                    "The determinant is 0: the transformation is singular and squashes "
                    "space into something flatter"
                )
            )
    columns = matrix.columns()
    nonzero = [j + 1 for j, c in enumerate(columns) if not c.is_zero()]
    if rank == 0:
        steps.append(Step("Every column is zero, so everything lands on the origin"))
    elif rank == 1:
        steps.append(
            Step(
                f"The non-zero columns ({', '.join(map(str, nonzero))}) are all multiples "
                "of one vector, so the image is a line"
            )
        )
    elif rank < n:
        steps.append(Step(f"Only {rank} of the columns are linearly independent"))
    steps.append(
        Step(
            f"The image is {_image_name(rank, m)}: the rank is {rank}",
            rank,
        )
    )
    return Solution(rank, tuple(steps))


def signed_area(matrix: Matrix) -> Solution[Fraction]:
    """The determinant read as the signed area (2×2) or volume (3×3) of the image of the
    unit square (cube). A negative sign means the transformation flips orientation."""
    if matrix.shape not in ((2, 2), (3, 3)):
        raise NotSolvable("signed area is for 2×2 matrices and signed volume for 3×3 ones")
    n = matrix.shape[0]
    shape, unit, measure = (
        ("parallelogram", "unit square", "area")
        if n == 2
        else ("parallelepiped", "unit cube", "volume")
    )
    det = determinant_2x2(matrix) if n == 2 else determinant_by_cofactors(matrix)
    value = det.answer
    columns = ", ".join(vector_text(c) for c in matrix.columns())
    if value > 0:
        meaning = f"positive: the {measure} is {number_text(value)} and orientation is kept"
    elif value < 0:
        meaning = (
            f"negative: the {measure} is {number_text(-value)} and the transformation flips "
            "orientation (like a mirror)"
        )
    else:
        meaning = f"0: the {unit} is squashed flat, its image has no {measure}"
    return Solution(
        value,
        (
            Step(
                f"The {unit} (of {measure} 1) lands on the {shape} spanned by the columns {columns}"
            ),
            Step(
                f"Its signed {measure} is the determinant",
                DeterminantOf(matrix),
                det.steps,
            ),
            Step(f"The determinant is {meaning}", value),
        ),
    )


def area_scale(matrix: Matrix, area: Fraction) -> Solution[Fraction]:
    """Every region's area is multiplied by ``|det A|``."""
    det = signed_area(matrix)
    result = abs(det.answer) * area
    return Solution(
        result,
        (
            *det.steps,
            Step(
                "Every area is multiplied by |det A|",
                Formula(
                    rf"{number_latex(abs(det.answer))} \times {number_latex(area)} = "
                    rf"{number_latex(result)}",
                    f"{number_text(abs(det.answer))} × {number_text(area)} = {number_text(result)}",
                ),
            ),
        ),
    )
