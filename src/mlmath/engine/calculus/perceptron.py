"""A perceptron learning from one example: forward pass, loss, gradients, one update.

With no activation and the squared loss ``L = ½(ŷ − y)²`` the perceptron
``ŷ = w·x + b`` is linear regression. With the sigmoid ``ŷ = σ(w·x + b)`` and the
log loss ``L = −y ln ŷ − (1 − y) ln(1 − ŷ)`` it is logistic classification. In
both cases the chain rule gives ``∂L/∂wᵢ = (ŷ − y)·xᵢ`` and ``∂L/∂b = ŷ − y`` —
for the sigmoid because ``σ′ = σ(1 − σ)`` cancels against the log loss.

>>> from fractions import Fraction as F
>>> regression_step((F(1), F(2)), F(5), (F(1), F(1)), F(0), F(1, 10)).answer.text()
'(6/5, 7/5, 1/5)'
>>> sigmoid(F(0))
Fraction(1, 2)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.expression import Value
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def sigmoid(z: Value) -> Value:
    """``σ(z) = 1/(1 + e^(−z))``; exactly 1/2 at 0, a float elsewhere."""
    if z == 0:
        return Fraction(1, 2)
    t = float(z)
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def sigmoid_slope(z: Value) -> Value:
    """``σ′(z) = σ(z)(1 − σ(z))``."""
    s = sigmoid(z)
    return s * (1 - s)


def sigmoid_derivative(z: Value) -> Solution[Value]:
    """``σ′(z)`` at a point, through ``σ′ = σ(1 − σ)``."""
    a = numbers
    s = sigmoid(z)
    slope = s * (1 - s)
    return Solution(
        slope,
        (
            Step(
                "The sigmoid's derivative is itself times one minus itself",
                Formula(r"\sigma'(z) = \sigma(z)\,(1 - \sigma(z))", "σ′(z) = σ(z)(1 − σ(z))"),
            ),
            Step(
                f"Evaluate the sigmoid at z = {a.text(z)}",
                Formula(
                    rf"\sigma({a.latex(z)}) = \frac{{1}}{{1 + e^{{{a.latex(-z)}}}}} = {a.latex(s)}",
                    f"σ({a.text(z)}) = 1/(1 + e^({a.text(-z)})) = {a.text(s)}",
                ),
            ),
            Step(
                "Multiply",
                Formula(
                    rf"\sigma'({a.latex(z)}) = {a.latex(s)} \cdot {a.paren_latex(1 - s)}"
                    rf" = {a.latex(slope)}",
                    f"σ′({a.text(z)}) = {a.text(s)}·{a.paren_text(1 - s)} = {a.text(slope)}",
                ),
            ),
        ),
    )


def weighted_sum(x: Sequence[Value], w: Sequence[Value], b: Value) -> Value:
    """``z = w·x + b``."""
    if len(x) != len(w):
        raise NotSolvable(f"there are {len(x)} inputs but {len(w)} weights; give one per input")
    total: Value = b
    for xi, wi in zip(x, w, strict=True):
        total = total + wi * xi
    return total


def _sum_formula(x: Sequence[Value], w: Sequence[Value], b: Value, z: Value) -> Formula:
    a = numbers
    terms_latex = " + ".join(
        rf"{a.paren_latex(wi)} \cdot {a.paren_latex(xi)}" for wi, xi in zip(w, x, strict=True)
    )
    terms_text = " + ".join(
        f"{a.paren_text(wi)}·{a.paren_text(xi)}" for wi, xi in zip(w, x, strict=True)
    )
    return Formula(
        rf"z = {terms_latex} + {a.paren_latex(b)} = {a.latex(z)}",
        f"z = {terms_text} + {a.paren_text(b)} = {a.text(z)}",
    )


def _update_steps(
    x: Sequence[Value], w: Sequence[Value], b: Value, error: Value, learning_rate: Value
) -> tuple[tuple[Value, ...], Step, Step]:
    a = numbers
    grads = [error * xi for xi in x]
    new = (
        *(wi - learning_rate * g for wi, g in zip(w, grads, strict=True)),
        b - learning_rate * error,
    )
    n = len(x)
    gradient_step = Step(
        "Chain rule: ∂L/∂wᵢ = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂wᵢ = (ŷ − y)·xᵢ, and ∂L/∂b = ŷ − y",
        Formula(
            ", ".join(
                rf"\frac{{\partial L}}{{\partial w_{i + 1}}} = {a.latex(error)} \cdot"
                rf" {a.paren_latex(xi)} = {a.latex(g)}"
                for i, (xi, g) in enumerate(zip(x, grads, strict=True))
            )
            + rf", \frac{{\partial L}}{{\partial b}} = {a.latex(error)}",
            ", ".join(
                f"∂L/∂w{i + 1} = {a.text(error)}·{a.paren_text(xi)} = {a.text(g)}"
                for i, (xi, g) in enumerate(zip(x, grads, strict=True))
            )
            + f", ∂L/∂b = {a.text(error)}",
            True,
        ),
    )
    old = (*w, b)
    names = [f"w{i + 1}" for i in range(n)] + ["b"]
    all_grads = [*grads, error]
    update_step = Step(
        f"Step against the gradient with α = {a.text(learning_rate)}",
        Formula(
            r",\quad ".join(
                rf"{name} = {a.latex(o)} - {a.latex(learning_rate)} \cdot {a.paren_latex(g)}"
                rf" = {a.latex(v)}"
                for name, o, g, v in zip(names, old, all_grads, new, strict=True)
            ),
            ", ".join(
                f"{name} = {a.text(o)} - {a.paren_text(learning_rate)}·{a.paren_text(g)}"
                f" = {a.text(v)}"
                for name, o, g, v in zip(names, old, all_grads, new, strict=True)
            ),
            True,
        ),
    )
    return new, gradient_step, update_step


def _answer(values: Sequence[Value]) -> Vector | tuple[float, ...]:
    if all(isinstance(v, Fraction) for v in values):
        return Vector(tuple(Fraction(v) for v in values))
    return tuple(float(v) for v in values)


def _check_rate(learning_rate: Value) -> None:
    if learning_rate <= 0:
        raise NotSolvable("the learning rate must be positive: it is the size of the step")


def regression_step(
    x: Sequence[Value], y: Value, w: Sequence[Value], b: Value, learning_rate: Value
) -> Solution[Vector]:
    """One update of a perceptron with no activation and the loss ``½(ŷ − y)²``.

    The answer lists the new weights, then the new bias.
    """
    _check_rate(learning_rate)
    a = numbers
    z = weighted_sum(x, w, b)
    error = z - y
    loss = error * error / 2
    new, gradient_step, update_step = _update_steps(x, w, b, error, learning_rate)
    answer = _answer(new)
    if not isinstance(answer, Vector):
        raise NotSolvable("give exact numbers (integers, decimals or fractions)")
    return Solution(
        answer,
        (
            Step(
                "Forward pass: the prediction is the weighted sum, ŷ = z", _sum_formula(x, w, b, z)
            ),
            Step(
                "The squared loss of this example",
                Formula(
                    rf"L = \tfrac12(\hat y - y)^2 = \tfrac12 \cdot {a.paren_latex(error)}^2"
                    rf" = {a.latex(loss)}",
                    f"L = ½(ŷ − y)² = ½·{a.paren_text(error)}² = {a.text(loss)}",
                ),
            ),
            gradient_step,
            update_step,
        ),
    )


def log_loss(prediction: Value, y: Value) -> float:
    """``−y ln ŷ − (1 − y) ln(1 − ŷ)``."""
    p = float(prediction)
    if not 0 < p < 1:
        raise NotSolvable("the prediction must be strictly between 0 and 1 for the log loss")
    return -float(y) * math.log(p) - (1 - float(y)) * math.log(1 - p)


def classification_step(
    x: Sequence[Value], y: Value, w: Sequence[Value], b: Value, learning_rate: Value
) -> Solution[Vector | tuple[float, ...]]:
    """One update of a sigmoid perceptron on the log loss; new weights, then the new bias."""
    _check_rate(learning_rate)
    if y not in (0, 1):
        raise NotSolvable("the label y must be 0 or 1")
    a = numbers
    z = weighted_sum(x, w, b)
    prediction = sigmoid(z)
    error = prediction - y
    new, gradient_step, update_step = _update_steps(x, w, b, error, learning_rate)
    return Solution(
        _answer(new),
        (
            Step("Forward pass: the weighted sum", _sum_formula(x, w, b, z)),
            Step(
                "Squash it with the sigmoid: ŷ is the predicted probability of class 1",
                Formula(
                    rf"\hat y = \sigma({a.latex(z)}) = {a.latex(prediction)}",
                    f"ŷ = σ({a.text(z)}) = {a.text(prediction)}",
                ),
            ),
            Step(
                "The log loss; its slope in z is ŷ − y, because σ′ = ŷ(1 − ŷ) cancels",
                Formula(
                    rf"L = {numbers.latex(log_loss(prediction, y))},\quad"
                    rf" \frac{{\partial L}}{{\partial z}} = \hat y - y = {a.latex(error)}",
                    f"L = {numbers.text(log_loss(prediction, y))}, ∂L/∂z = ŷ − y = {a.text(error)}",
                ),
            ),
            gradient_step,
            update_step,
        ),
    )


__all__ = [
    "classification_step",
    "log_loss",
    "regression_step",
    "sigmoid",
    "sigmoid_derivative",
    "sigmoid_slope",
    "weighted_sum",
]
