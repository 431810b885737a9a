"""What the gradient-descent skills share: learning rates, and the update a mistake produces."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from mlmath.engine.calculus.expression import Value
from mlmath.exercises.inputs import InputError
from mlmath.exercises.skill import Misconception

RATES = {
    1: (Fraction(1, 10), Fraction(1, 4), Fraction(1, 5), Fraction(1, 2)),
    2: (Fraction(1, 10), Fraction(1, 20), Fraction(1, 100), Fraction(1, 5)),
    3: (Fraction(1, 10), Fraction(1, 20), Fraction(1, 50), Fraction(1, 100)),
}

UPDATES: dict[str, Callable[[Value, Value, Value, Value], Value]] = {
    # name: (position, gradient, learning rate, function value) → next position
    "correct": lambda p, g, a, f: p - a * g,
    "added_gradient": lambda p, g, a, f: p + a * g,
    "forgot_learning_rate": lambda p, g, a, f: p - g,
    "used_function_value": lambda p, g, a, f: p - a * f,
}


def misconceptions(topic: str) -> tuple[Misconception, ...]:
    return (
        Misconception(
            "added_gradient",
            "The gradient was added instead of subtracted",
            "The gradient points uphill, toward larger values. To make the loss smaller, step "
            "the other way: new = old − α·gradient.",
            topic,
        ),
        Misconception(
            "forgot_learning_rate",
            "The learning rate was left out",
            "A full step of the raw slope usually overshoots. Multiply the slope by the learning "
            "rate α before subtracting: new = old − α·gradient.",
            topic,
        ),
        Misconception(
            "used_function_value",
            "The function's value was used instead of its slope",
            "Gradient descent follows the SLOPE: evaluate the derivative at the current point, "
            "not the function itself.",
            topic,
        ),
    )


def check_rate_and_steps(learning_rate: Fraction, steps: int) -> None:
    if not 0 < learning_rate <= 10:
        raise InputError("learning_rate: give a positive number such as 0.1")
    if not 1 <= steps <= 50:
        raise InputError("steps: give a whole number of steps from 1 to 50")


def walk(
    start: Sequence[Value],
    gradient_at: Callable[[Sequence[Value]], Sequence[Value]],
    value_at: Callable[[Sequence[Value]], Value],
    *,
    learning_rate: Value,
    steps: int,
    update: str,
) -> list[Value]:
    """``steps`` updates of the chosen kind from ``start``; used for the mistaken answers."""
    point = list(start)
    rule = UPDATES[update]
    for _ in range(steps):
        g = gradient_at(point)
        f = value_at(point)
        point = [rule(p, gi, learning_rate, f) for p, gi in zip(point, g, strict=True)]
    return point
