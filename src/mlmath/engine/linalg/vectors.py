"""Vectors: norms, sums and differences, scalar multiples, distance, dot product, angle.

A data point with n features is a vector in Rⁿ. Its size is a *norm*, the
difference of two points is a vector whose norm is their *distance*, and the dot
product measures how much two vectors point the same way — the geometric dot
product ``u·v = |u| |v| cos θ``.

>>> from mlmath.engine.exact import Vector
>>> l2_norm(Vector.of([3, 4])).answer.text()
'5'
>>> l1_norm(Vector.of([3, -4])).answer
Fraction(7, 1)
>>> dot_product(Vector.of([1, 2, 3]), Vector.of([4, -5, 6])).answer
Fraction(12, 1)
>>> angle_between(Vector.of([1, 0]), Vector.of([1, 1])).answer
45.0
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.exact import Vector
from mlmath.engine.render import number_latex, number_text, vector_latex
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step
from mlmath.engine.surds import Surd

SPECIAL_ANGLES: dict[int, Surd] = {
    0: Surd(Fraction(1)),
    30: Surd.sqrt(3).scale(Fraction(1, 2)),
    45: Surd.sqrt(2).scale(Fraction(1, 2)),
    60: Surd(Fraction(1, 2)),
    90: Surd(Fraction(0)),
    120: Surd(Fraction(-1, 2)),
    135: Surd.sqrt(2).scale(Fraction(-1, 2)),
    150: Surd.sqrt(3).scale(Fraction(-1, 2)),
    180: Surd(Fraction(-1)),
}
"""Angles in degrees whose cosine is exact with at most one square root."""


def paren_text(value: Fraction) -> str:
    """A number ready to sit after an operator: ``(-3)`` rather than ``-3``."""
    return f"({number_text(value)})" if value < 0 else number_text(value)


def paren_latex(value: Fraction) -> str:
    return rf"\left({number_latex(value)}\right)" if value < 0 else number_latex(value)


def vector_text(v: Vector) -> str:
    return "(" + ", ".join(number_text(a) for a in v) + ")"


def _same_size(u: Vector, v: Vector, what: str) -> None:
    if len(u) != len(v):
        raise NotSolvable(
            f"{what} needs two vectors of the same size; these have {len(u)} and {len(v)} entries"
        )


# --- norms -------------------------------------------------------------------------


def l1_norm(v: Vector, name: str = "v", name_latex: str | None = None) -> Solution[Fraction]:
    """``|v|₁ = |v₁| + … + |vₙ|``: the distance walked along the axes (taxicab). ``name``
    is the vector's name in the steps (``u − v`` for a difference)."""
    named = name if name_latex is None else name_latex
    total = sum((abs(a) for a in v), Fraction(0))
    sizes_text = " + ".join(f"|{number_text(a)}|" for a in v)
    sizes_latex = " + ".join(f"|{number_latex(a)}|" for a in v)
    absolutes_text = " + ".join(number_text(abs(a)) for a in v)
    absolutes_latex = " + ".join(number_latex(abs(a)) for a in v)
    return Solution(
        total,
        (
            Step(
                "Add the absolute values of the entries",
                Formula(
                    rf"\lVert {named} \rVert_1 = {sizes_latex} = {absolutes_latex}",
                    f"|{name}|₁ = {sizes_text} = {absolutes_text}",
                ),
            ),
            Step(
                "The L1 norm",
                Formula(
                    rf"\lVert {named} \rVert_1 = {number_latex(total)}",
                    f"|{name}|₁ = {number_text(total)}",
                ),
            ),
        ),
    )


def sum_of_squares(v: Vector) -> Fraction:
    return sum((a * a for a in v), Fraction(0))


def l2_norm(v: Vector, name: str = "v", name_latex: str | None = None) -> Solution[Surd]:
    """``|v|₂ = √(v₁² + … + vₙ²)``: the straight-line length (Pythagoras). ``name`` is the
    vector's name in the steps (``u`` for the length of u)."""
    named = name if name_latex is None else name_latex
    squares = sum_of_squares(v)
    root = Surd.sqrt(squares)
    squares_text = " + ".join(f"{paren_text(a)}²" for a in v)
    squares_latex = " + ".join(f"{paren_latex(a)}^2" for a in v)
    each_text = " + ".join(number_text(a * a) for a in v)
    each_latex = " + ".join(number_latex(a * a) for a in v)
    steps = [
        Step(
            "Square each entry and add the squares",
            Formula(
                rf"{squares_latex} = {each_latex} = {number_latex(squares)}",
                f"{squares_text} = {each_text} = {number_text(squares)}",
            ),
        ),
        Step(
            "Take the square root of the sum (Pythagoras)",
            Formula(
                rf"\lVert {named} \rVert_2 = \sqrt{{{number_latex(squares)}}} = {root.latex()}",
                f"|{name}|₂ = √{number_text(squares)} = {root.text()}",
            ),
        ),
    ]
    if not root.is_rational:
        steps.append(
            Step(
                "As a decimal",
                Formula(
                    rf"{root.latex()} \approx {root.to_float():.4f}",
                    f"{root.text()} ≈ {root.to_float():.4f}",
                ),
            )
        )
    return Solution(root, tuple(steps))


# --- sums, differences, multiples -----------------------------------------------------


def vector_sum(u: Vector, v: Vector) -> Solution[Vector]:
    """Add entry by entry (the tip-to-tail rule in a picture)."""
    _same_size(u, v, "A sum")
    return _entrywise(u, v, "+", u + v, "Add the vectors entry by entry")


def vector_difference(u: Vector, v: Vector) -> Solution[Vector]:
    """Subtract entry by entry: ``u − v`` is the arrow from the tip of v to the tip of u."""
    _same_size(u, v, "A difference")
    return _entrywise(u, v, "-", u - v, "Subtract the second vector from the first, entry by entry")


def _entrywise(u: Vector, v: Vector, sign: str, result: Vector, rule: str) -> Solution[Vector]:
    parts_text = ", ".join(
        f"{number_text(a)} {sign} {paren_text(b)}" for a, b in zip(u, v, strict=True)
    )
    parts_latex = r" \\ ".join(
        f"{number_latex(a)} {sign} {paren_latex(b)}" for a, b in zip(u, v, strict=True)
    )
    return Solution(
        result,
        (
            Step(
                rule,
                Formula(
                    rf"\begin{{bmatrix}} {parts_latex} \end{{bmatrix}} = {vector_latex(result)}",
                    f"({parts_text}) = {vector_text(result)}",
                ),
            ),
        ),
    )


def scalar_multiple(k: Fraction, v: Vector) -> Solution[Vector]:
    """Multiply every entry by k: the arrow stretches by |k| and flips if k < 0."""
    result = v.scale(k)
    parts_text = ", ".join(f"{number_text(k)}·{paren_text(a)}" for a in v)
    parts_latex = r" \\ ".join(rf"{number_latex(k)} \cdot {paren_latex(a)}" for a in v)
    steps = [
        Step(
            f"Multiply each entry by {number_text(k)}",
            Formula(
                rf"\begin{{bmatrix}} {parts_latex} \end{{bmatrix}} = {vector_latex(result)}",
                f"({parts_text}) = {vector_text(result)}",
            ),
        )
    ]
    if k < 0:
        steps.append(Step("A negative scalar also reverses the direction of the vector"))
    return Solution(result, tuple(steps))


def linear_combination(a: Fraction, u: Vector, b: Fraction, v: Vector) -> Solution[Vector]:
    """``a·u + b·v``: scale each vector, then add."""
    _same_size(u, v, "A linear combination")
    first = scalar_multiple(a, u)
    second = scalar_multiple(b, v)
    total = vector_sum(first.answer, second.answer)
    return Solution(
        total.answer,
        (
            Step(f"Scale the first vector by {number_text(a)}", first.answer, first.steps),
            Step(f"Scale the second vector by {number_text(b)}", second.answer, second.steps),
            Step("Add the two scaled vectors", total.answer, total.steps),
        ),
    )


# --- distance --------------------------------------------------------------------------


def distance(u: Vector, v: Vector, norm: str = "l2") -> Solution[Surd]:
    """The distance between two points: the norm of their difference."""
    _same_size(u, v, "A distance")
    difference = vector_difference(u, v)
    if norm == "l1":
        l1 = l1_norm(difference.answer, "u − v", "u - v")
        answer, norm_steps, name = Surd(l1.answer), l1.steps, "L1 (taxicab)"
    elif norm == "l2":
        l2 = l2_norm(difference.answer, "u − v", "u - v")
        answer, norm_steps, name = l2.answer, l2.steps, "L2 (straight-line)"
    else:
        raise ValueError(f"unknown norm {norm!r}; use 'l1' or 'l2'")
    return Solution(
        answer,
        (
            Step("Subtract the vectors", difference.answer, difference.steps),
            Step(f"Take the {name} norm of the difference", None, norm_steps),
            Step(
                "The distance",
                Formula(
                    rf"d(u, v) = \lVert u - v \rVert = {answer.latex()}",
                    f"d(u, v) = |u − v| = {answer.text()}",
                ),
            ),
        ),
    )


# --- dot product and angle ----------------------------------------------------------------


def dot_product(u: Vector, v: Vector, names: tuple[str, str] = ("u", "v")) -> Solution[Fraction]:
    """``u·v = u₁v₁ + … + uₙvₙ``: multiply matching entries, add the products.

    ``names`` are the letters the question gives the two vectors (``("w", "w")`` for the
    squared length of w)."""
    _same_size(u, v, "A dot product")
    left, right = names
    products = [a * b for a, b in zip(u, v, strict=True)]
    total = sum(products, Fraction(0))
    pairs_text = " + ".join(f"{paren_text(a)}·{paren_text(b)}" for a, b in zip(u, v, strict=True))
    pairs_latex = " + ".join(
        rf"{paren_latex(a)} \cdot {paren_latex(b)}" for a, b in zip(u, v, strict=True)
    )
    each_text = " + ".join(paren_text(p) for p in products)
    each_latex = " + ".join(paren_latex(p) for p in products)
    return Solution(
        total,
        (
            Step(
                "Multiply matching entries",
                Formula(
                    rf"{left} \cdot {right} = {pairs_latex} = {each_latex}",
                    f"{left}·{right} = {pairs_text} = {each_text}",
                ),
            ),
            Step(
                "Add the products",
                Formula(
                    rf"{left} \cdot {right} = {number_latex(total)}",
                    f"{left}·{right} = {number_text(total)}",
                ),
            ),
        ),
    )


def cosine_of_angle(u: Vector, v: Vector) -> Solution[Surd]:
    """``cos θ = u·v / (|u| |v|)``, exactly."""
    _same_size(u, v, "An angle")
    if u.is_zero() or v.is_zero():
        raise NotSolvable("the zero vector has no direction, so it makes no angle with a vector")
    dot = dot_product(u, v)
    norm_u = l2_norm(u, "u")
    norm_v = l2_norm(v)
    bottom = Surd.sqrt(sum_of_squares(u) * sum_of_squares(v))
    cosine = Surd(dot.answer) / bottom
    return Solution(
        cosine,
        (
            Step("Compute the dot product", dot.answer, dot.steps),
            Step("Compute the length of u", norm_u.answer, norm_u.steps),
            Step("Compute the length of v", norm_v.answer, norm_v.steps),
            Step(
                "Divide the dot product by the product of the lengths",
                Formula(
                    rf"\cos\theta = \frac{{u \cdot v}}{{\lVert u \rVert \lVert v \rVert}} = "
                    rf"\frac{{{number_latex(dot.answer)}}}{{{bottom.latex()}}} = {cosine.latex()}",
                    f"cos θ = u·v / (|u| |v|) = {number_text(dot.answer)} / {bottom.text()}"
                    f" = {cosine.text()}",
                ),
            ),
        ),
    )


def angle_between(u: Vector, v: Vector) -> Solution[float]:
    """The angle between two non-zero vectors, in degrees (0° to 180°)."""
    cosine = cosine_of_angle(u, v)
    value = max(-1.0, min(1.0, cosine.answer.to_float()))
    degrees = math.degrees(math.acos(value))
    exact = next((a for a, c in SPECIAL_ANGLES.items() if c == cosine.answer), None)
    if exact is not None:
        degrees = float(exact)
    # a special angle is exact (45°); any other is rounded (≈ 81.9°)
    shown_l = f"= {exact}" if exact is not None else rf"\approx {degrees:.1f}"
    shown_t = f"= {exact}" if exact is not None else f"≈ {degrees:.1f}"
    meaning = (
        "the vectors are perpendicular (orthogonal)"
        if cosine.answer.rational == 0 and cosine.answer.is_rational
        else "the vectors point roughly the same way"
        if value > 0
        else "the vectors point roughly in opposite directions"
    )
    return Solution(
        degrees,
        (
            *cosine.steps,
            Step(
                "Undo the cosine",
                Formula(
                    rf"\theta = \arccos\left({cosine.answer.latex()}\right) {shown_l}^\circ",
                    f"θ = arccos({cosine.answer.text()}) {shown_t}°",
                ),
            ),
            Step(f"The sign of the cosine says {meaning}"),
        ),
    )


def dot_from_angle(length_u: Fraction, length_v: Fraction, degrees: int) -> Solution[Surd]:
    """The geometric dot product ``|u| |v| cos θ`` for an angle with an exact cosine."""
    if degrees not in SPECIAL_ANGLES:
        raise NotSolvable(
            "use one of the angles 0, 30, 45, 60, 90, 120, 135, 150 or 180 degrees "
            "for an exact answer"
        )
    if length_u < 0 or length_v < 0:
        raise NotSolvable("a length (norm) is never negative")
    cosine = SPECIAL_ANGLES[degrees]
    product = length_u * length_v
    value = cosine.scale(product)
    return Solution(
        value,
        (
            Step(
                "Use the geometric dot product",
                Formula(
                    r"u \cdot v = \lVert u \rVert \, \lVert v \rVert \cos\theta",
                    "u·v = |u| |v| cos θ",
                ),
            ),
            Step(
                f"The cosine of {degrees}°",
                Formula(
                    rf"\cos {degrees}^\circ = {cosine.latex()}",
                    f"cos {degrees}° = {cosine.text()}",
                ),
            ),
            Step(
                "Multiply",
                Formula(
                    rf"u \cdot v = {number_latex(length_u)} \cdot {number_latex(length_v)} "
                    rf"\cdot {cosine.latex()} = {value.latex()}",
                    f"u·v = {number_text(length_u)} · {number_text(length_v)} · {cosine.text()}"
                    f" = {value.text()}",
                ),
            ),
        ),
    )


def projection(u: Vector, onto: Vector) -> Solution[Vector]:
    """The projection of ``u`` onto the line of ``onto``: ``(u·w / w·w) w``."""
    _same_size(u, onto, "A projection")
    if onto.is_zero():
        raise NotSolvable("there is no line to project onto: the second vector is zero")
    dot = dot_product(u, onto, ("u", "w"))
    squared = dot_product(onto, onto, ("w", "w"))
    length_squared = squared.answer
    factor = dot.answer / length_squared
    result = onto.scale(factor)
    ratio_text = f"{number_text(dot.answer)}/{number_text(length_squared)}"
    ratio_latex = rf"\frac{{{number_latex(dot.answer)}}}{{{number_latex(length_squared)}}}"
    if factor.denominator != length_squared:  # it reduces: -24/76 = -6/19
        # the ratio in lowest terms before it multiplies w
        ratio_text += f" = {number_text(factor)}"
        ratio_latex += f" = {number_latex(factor)}"
    # a fraction in front of a vector is bracketed in text: (2/9)·w, not 2/9·w
    scale_text = paren_text(factor) if factor.denominator == 1 else f"({number_text(factor)})"
    return Solution(
        result,
        (
            Step("Dot product of u with the direction w", dot.answer, dot.steps),
            Step("Squared length of w: w dotted with itself", length_squared, squared.steps),
            Step(
                "The ratio u·w / w·w: how many copies of w make the shadow of u",
                Formula(
                    rf"\frac{{u \cdot w}}{{w \cdot w}} = {ratio_latex}",
                    f"(u·w)/(w·w) = {ratio_text}",
                ),
            ),
            Step(
                "Scale w by that ratio",
                Formula(
                    rf"\operatorname{{proj}}_w u = {paren_latex(factor)} {vector_latex(onto)} = "
                    rf"{vector_latex(result)}",
                    f"proj_w u = {scale_text}·{vector_text(onto)} = {vector_text(result)}",
                ),
            ),
        ),
    )
