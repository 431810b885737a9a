"""A one-layer neural network's forward pass as a matrix product.

A layer with weights W (one row per output neuron), bias b and activation g
turns an input x into ``g(W x + b)``. With the identity as activation and one
output, this is a *perceptron for linear regression*: ``ŷ = w·x + b``; a whole
data set (one example per row of X) is predicted at once by ``X w + b``.

>>> from mlmath.engine.exact import Matrix, Vector
>>> layer_output(Matrix.of([[1, -1], [2, 0]]), Vector.of([3, 1]), Vector.of([0, -7]), "relu").answer
Vector(entries=(Fraction(2, 1), Fraction(0, 1)))
>>> regression_predictions(Matrix.of([[1, 2], [3, 4]]), Vector.of([1, 1]), Fraction(1)).answer
Vector(entries=(Fraction(4, 1), Fraction(8, 1)))
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.products import matrix_vector_product
from mlmath.engine.linalg.vectors import paren_latex, paren_text, vector_text
from mlmath.engine.render import number_latex, number_text, vector_latex
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step

Activation = Literal["identity", "relu", "step"]
ACTIVATIONS: tuple[Activation, ...] = ("identity", "relu", "step")

_DESCRIPTIONS = {
    "identity": "the identity: the output is the weighted sum itself (linear regression)",
    "relu": "ReLU: keep positive numbers, replace negative ones by 0",
    "step": "the step function: 1 when the weighted sum is positive, otherwise 0 (a perceptron "
    "classifier)",
}


def activate(activation: Activation, z: Fraction) -> Fraction:
    if activation == "identity":
        return z
    if activation == "relu":
        return max(z, Fraction(0))
    return Fraction(1) if z > 0 else Fraction(0)


def layer_output(
    weights: Matrix, inputs: Vector, bias: Vector, activation: Activation = "identity"
) -> Solution[Vector]:
    """``g(W x + b)`` for one input vector, every product a step."""
    outputs, features = weights.shape
    if len(inputs) != features:
        raise NotSolvable(
            f"the weight matrix has {features} columns (one per input), but the input has "
            f"{len(inputs)} entries"
        )
    if len(bias) != outputs:
        raise NotSolvable(
            f"the weight matrix has {outputs} rows (one per neuron), but the bias has "
            f"{len(bias)} entries"
        )
    if activation not in ACTIVATIONS:
        raise NotSolvable(f"unknown activation {activation!r}; use identity, relu or step")
    product = matrix_vector_product(weights, inputs, ("W", "x"))
    z = product.answer + bias
    output = Vector(tuple(activate(activation, a) for a in z))
    # One neuron's numbers are written as numbers: "30 + 2 = 32", not "(30) + (2) = (32)".
    shown_text, shown_latex = (
        (lambda v: number_text(v[0]), lambda v: number_latex(v[0]))
        if outputs == 1
        else (vector_text, vector_latex)
    )
    who = (
        f"The neuron takes a weighted sum of the {features} inputs: the product W x"
        if outputs == 1
        else f"Each of the {outputs} neurons takes a weighted sum of the {features} inputs: "
        "that is the matrix–vector product W x"
    )
    steps = [
        Step(
            who,
            Formula(shown_latex(product.answer), shown_text(product.answer)),
            product.steps[1:2],
        ),
        Step(
            "Add the neuron's bias" if outputs == 1 else "Add the bias of each neuron",
            Formula(
                rf"z = Wx + b = {shown_latex(product.answer)} + {shown_latex(bias)} = "
                rf"{shown_latex(z)}",
                f"z = Wx + b = {shown_text(product.answer)} + {shown_text(bias)} = {shown_text(z)}",
            ),
        ),
    ]
    if activation != "identity":
        steps.append(
            Step(
                f"Apply the activation, {_DESCRIPTIONS[activation]}",
                Formula(
                    rf"g(z) = {shown_latex(output)}",
                    f"g(z) = {shown_text(output)}",
                ),
            )
        )
    steps.append(
        Step(
            "The neuron's output" if outputs == 1 else "The layer's output",
            Formula(shown_latex(output), shown_text(output)) if outputs == 1 else output,
        )
    )
    return Solution(output, tuple(steps))


def regression_predictions(data: Matrix, weights: Vector, bias: Fraction) -> Solution[Vector]:
    """A perceptron's predictions ``ŷ = X w + b`` for every example (row) of X at once."""
    examples, features = data.shape
    if len(weights) != features:
        raise NotSolvable(
            f"each example has {features} features, but there are {len(weights)} weights"
        )
    product = matrix_vector_product(data, weights)
    predictions = Vector(tuple(a + bias for a in product.answer))
    return Solution(
        predictions,
        (
            Step(
                f"One prediction per example: row i of X (the {features} features of example i) "
                "dotted with the weights — the product X w",
                product.answer,
                product.steps[1:2],
            ),
            Step(
                f"Add the bias {number_text(bias)} to every prediction",
                Formula(
                    rf"\hat y = Xw + b = {vector_latex(predictions)}",
                    f"ŷ = Xw + b = {vector_text(predictions)}",
                ),
            ),
            Step(f"The {examples} predictions", predictions),
        ),
    )


def squared_error_loss(predictions: Vector, targets: Vector) -> Solution[Fraction]:
    """The loss ``L = 1/(2m) Σ (ŷᵢ − yᵢ)²`` a regression perceptron is trained to shrink."""
    if len(predictions) != len(targets):
        raise NotSolvable("there must be one target per prediction")
    m = len(predictions)
    errors = predictions - targets
    total = sum((e * e for e in errors), Fraction(0))
    loss = total / (2 * m)
    squares_text = " + ".join(f"{paren_text(e)}²" for e in errors)
    squares_latex = " + ".join(f"{paren_latex(e)}^2" for e in errors)
    return Solution(
        loss,
        (
            Step(
                "Errors: prediction minus target",
                Formula(
                    rf"\hat y - y = {vector_latex(errors)}",
                    f"ŷ - y = {vector_text(errors)}",
                ),
            ),
            Step(
                f"Square, add, and divide by 2m = {2 * m}",
                Formula(
                    rf"L = \frac{{{squares_latex}}}{{{2 * m}}} = "
                    rf"\frac{{{number_latex(total)}}}{{{2 * m}}} = {number_latex(loss)}",
                    f"L = ({squares_text})/{2 * m} = {number_text(total)}/{2 * m} = "
                    f"{number_text(loss)}",
                ),
            ),
        ),
    )
