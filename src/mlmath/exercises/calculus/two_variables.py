"""Functions of two variables for the gradient skills: random polynomials in x and y."""

from __future__ import annotations

import numpy as np

from mlmath.engine.calculus.expression import Expr, Func, Var, add, const, mul, power
from mlmath.exercises.calculus.functions import integer

XY = ("x", "y")


def term(coefficient: int, i: int, j: int) -> Expr:
    return mul(const(coefficient), mul(power(Var("x"), const(i)), power(Var("y"), const(j))))


def polynomial_xy(rng: np.random.Generator, level: int) -> Expr:
    """A few terms c·xⁱ·yʲ: pure x, pure y and (from level 2) mixed terms."""
    top = 2 if level == 1 else 3
    terms = [
        term(integer(rng, -6, 6, nonzero=True), integer(rng, 1, top), 0),
        term(integer(rng, -6, 6, nonzero=True), 0, integer(rng, 1, top)),
        term(integer(rng, -6, 6, nonzero=True), integer(rng, 1, top - 1), integer(rng, 1, top - 1)),
    ]
    if level == 3:
        terms.append(
            term(integer(rng, -9, 9, nonzero=True), integer(rng, 1, 3), integer(rng, 1, 3))
        )
    terms.append(const(integer(rng, -9, 9)))
    return add(*terms)


def with_exponential(rng: np.random.Generator, f: Expr) -> Expr:
    """Adds c·y·e^(kx): a product of the two variables through an exponential."""
    k = integer(rng, -3, 3, nonzero=True)
    return add(
        f,
        mul(
            const(integer(rng, -5, 5, nonzero=True)),
            mul(Var("y"), Func("exp", mul(const(k), Var("x")))),
        ),
    )


def pure_terms(f: Expr, other: str) -> Expr:
    """The terms of a sum that do not contain ``other`` (a beginner's 'mixed terms vanish')."""
    from mlmath.engine.calculus.expression import Add

    terms = f.terms if isinstance(f, Add) else (f,)
    return add(*(t for t in terms if not t.depends_on(other)))
