"""A two-layer network with sigmoid activations and the log loss: forward and backward.

The hidden layer computes ``a⁽¹⁾ = σ(W⁽¹⁾x + b⁽¹⁾)``, the output
``ŷ = σ(w⁽²⁾·a⁽¹⁾ + b⁽²⁾)``, the loss ``L = −y ln ŷ − (1 − y) ln(1 − ŷ)``.
Backpropagation is the chain rule read from the loss back to each parameter:
every partial derivative is a product of local slopes, and each factor is a step.

>>> net = Network(((1.0, -1.0), (0.5, 2.0)), (0.0, -1.0), (1.0, -2.0), 0.5)
>>> round(forward(net, (1.0, 0.5)).answer, 6)
0.469423
>>> round(partial(net, (1.0, 0.5), 1, "W1", unit=1, source=2).answer, 6)
-0.062344
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.perceptron import log_loss, sigmoid
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


@dataclass(frozen=True, slots=True)
class Network:
    """Weights of a network with one hidden layer of sigmoid units and one sigmoid output.

    ``hidden_weights[j][k]`` connects input ``k`` to hidden unit ``j``.
    """

    hidden_weights: tuple[tuple[float, ...], ...]
    hidden_biases: tuple[float, ...]
    output_weights: tuple[float, ...]
    output_bias: float

    def __post_init__(self) -> None:
        h = len(self.hidden_weights)
        if not h or len(self.hidden_biases) != h or len(self.output_weights) != h:
            raise NotSolvable(
                "give one row of hidden weights, one hidden bias and one output weight "
                "per hidden unit"
            )
        if len({len(row) for row in self.hidden_weights}) != 1:
            raise NotSolvable("every hidden unit needs one weight per input")

    @property
    def inputs(self) -> int:
        return len(self.hidden_weights[0])


@dataclass(frozen=True, slots=True)
class Activations:
    """Everything the forward pass computes, kept for the backward pass."""

    hidden_sums: tuple[float, ...]
    hidden: tuple[float, ...]
    output_sum: float
    prediction: float


CANCELLED = 1e-12
"""A sum this small beside its largest term is terms that cancel, written as 0."""


def _weighted_sum(terms: Sequence[float]) -> float:
    """The sum of a unit's weighted inputs, with exact cancellation shown as 0: the
    decimals given (0.7 + 0.1 − 0.8) add to the float −1.1e-16, which is 0.

    >>> _weighted_sum([0.7, 0.1, -0.8]), _weighted_sum([0.5, -0.25])
    (0.0, 0.25)
    """
    total = math.fsum(terms)
    if abs(total) <= CANCELLED * max(abs(t) for t in terms):
        return 0.0
    return total


def activations(net: Network, x: Sequence[float]) -> Activations:
    if len(x) != net.inputs:
        raise NotSolvable(f"the network takes {net.inputs} inputs, not {len(x)}")
    z1 = tuple(
        _weighted_sum([*(w * xi for w, xi in zip(row, x, strict=True)), b])
        for row, b in zip(net.hidden_weights, net.hidden_biases, strict=True)
    )
    a1 = tuple(float(sigmoid(z)) for z in z1)
    z2 = sum(w * a for w, a in zip(net.output_weights, a1, strict=True)) + net.output_bias
    return Activations(z1, a1, z2, float(sigmoid(z2)))


def _t(value: float) -> str:
    return numbers.text(float(value))


def _p(value: float) -> str:
    return numbers.paren_text(float(value))


def forward(net: Network, x: Sequence[float]) -> Solution[float]:
    """The forward pass: hidden sums, hidden activations, output sum, prediction."""
    act = activations(net, x)
    steps = []
    for j, (z, a) in enumerate(zip(act.hidden_sums, act.hidden, strict=True), start=1):
        row = net.hidden_weights[j - 1]
        terms = " + ".join(f"{_p(w)}·{_p(xi)}" for w, xi in zip(row, x, strict=True))
        steps.append(
            Step(
                f"Hidden unit {j}: weighted sum of the inputs, then the sigmoid",
                Formula(
                    rf"z^{{[1]}}_{j} = {terms} + {_p(net.hidden_biases[j - 1])} = {_t(z)},"
                    rf"\quad a^{{[1]}}_{j} = \sigma({_t(z)}) = {_t(a)}",
                    f"z1_{j} = {terms} + {_p(net.hidden_biases[j - 1])} = {_t(z)}, "
                    f"a1_{j} = σ({_t(z)}) = {_t(a)}",
                ),
            )
        )
    terms = " + ".join(
        f"{_p(w)}·{_p(a)}" for w, a in zip(net.output_weights, act.hidden, strict=True)
    )
    steps.append(
        Step(
            "Output unit: weighted sum of the hidden activations, then the sigmoid",
            Formula(
                rf"z^{{[2]}} = {terms} + {_p(net.output_bias)} = {_t(act.output_sum)},"
                rf"\quad \hat y = \sigma({_t(act.output_sum)}) = {_t(act.prediction)}",
                f"z2 = {terms} + {_p(net.output_bias)} = {_t(act.output_sum)}, "
                f"ŷ = σ({_t(act.output_sum)}) = {_t(act.prediction)}",
            ),
        )
    )
    return Solution(act.prediction, tuple(steps))


@dataclass(frozen=True, slots=True)
class Gradients:
    """Every partial derivative of the loss, shaped like the network's parameters."""

    hidden_weights: tuple[tuple[float, ...], ...]
    hidden_biases: tuple[float, ...]
    output_weights: tuple[float, ...]
    output_bias: float


def gradients(net: Network, x: Sequence[float], y: float) -> Gradients:
    """Backpropagation for one example: ``δ² = ŷ − y``, ``δ¹ⱼ = δ²·w²ⱼ·a¹ⱼ(1 − a¹ⱼ)``."""
    act = activations(net, x)
    d2 = act.prediction - y
    d1 = tuple(d2 * w * a * (1 - a) for w, a in zip(net.output_weights, act.hidden, strict=True))
    return Gradients(
        tuple(tuple(d * xi for xi in x) for d in d1),
        d1,
        tuple(d2 * a for a in act.hidden),
        d2,
    )


def loss(net: Network, x: Sequence[float], y: float) -> float:
    return log_loss(activations(net, x).prediction, y)


PARAMETERS = ("w2", "b2", "W1", "b1")
"""Which parameter a partial derivative is taken with respect to: an output weight, the
output bias, a hidden weight, a hidden bias."""


def partial(
    net: Network,
    x: Sequence[float],
    y: float,
    parameter: str,
    *,
    unit: int = 1,
    source: int = 1,
) -> Solution[float]:
    """``∂L/∂parameter`` through the chain rule, one factor per step.

    ``unit`` is the hidden unit (1-based) and ``source`` the input (1-based, for ``W1``).
    """
    if parameter not in PARAMETERS:
        raise NotSolvable(f"parameter must be one of {', '.join(PARAMETERS)}")
    if not 1 <= unit <= len(net.hidden_weights):
        raise NotSolvable(f"there are {len(net.hidden_weights)} hidden units; pick one of them")
    if not 1 <= source <= net.inputs:
        raise NotSolvable(f"there are {net.inputs} inputs; pick one of them")
    if y not in (0, 1):
        raise NotSolvable("the label y must be 0 or 1")
    act = activations(net, x)
    j, k = unit - 1, source - 1
    d2 = act.prediction - y
    a_j = act.hidden[j]
    w_j = net.output_weights[j]
    slope_j = a_j * (1 - a_j)
    factors: list[tuple[str, str, str, float]] = [
        (
            "∂L/∂z⁽²⁾ = ŷ − y: the log loss and the output sigmoid together",
            r"\frac{\partial L}{\partial z^{[2]}} = \hat y - y",
            "∂L/∂z2 = ŷ − y",
            d2,
        )
    ]
    name = {"w2": f"w2_{unit}", "b2": "b2", "W1": f"W1_{unit}{source}", "b1": f"b1_{unit}"}[
        parameter
    ]
    name_latex = {
        "w2": f"w^{{[2]}}_{{{unit}}}",
        "b2": "b^{[2]}",
        "W1": f"W^{{[1]}}_{{{unit}{source}}}",
        "b1": f"b^{{[1]}}_{{{unit}}}",
    }[parameter]
    if parameter == "w2":
        factors.append(
            (
                f"∂z⁽²⁾/∂w⁽²⁾_{unit} = a⁽¹⁾_{unit}: the weight multiplies that activation",
                rf"\frac{{\partial z^{{[2]}}}}{{\partial w^{{[2]}}_{unit}}} = a^{{[1]}}_{unit}",
                f"∂z2/∂w2_{unit} = a1_{unit}",
                a_j,
            )
        )
    elif parameter in ("W1", "b1"):
        factors.append(
            (
                f"∂z⁽²⁾/∂a⁽¹⁾_{unit} = w⁽²⁾_{unit}: the output weight of hidden unit {unit}",
                rf"\frac{{\partial z^{{[2]}}}}{{\partial a^{{[1]}}_{unit}}} = w^{{[2]}}_{unit}",
                f"∂z2/∂a1_{unit} = w2_{unit}",
                w_j,
            )
        )
        factors.append(
            (
                f"∂a⁽¹⁾_{unit}/∂z⁽¹⁾_{unit} = σ′ = a(1 − a): the slope of the hidden sigmoid",
                rf"\sigma'(z^{{[1]}}_{unit}) = a^{{[1]}}_{unit}(1 - a^{{[1]}}_{unit})",
                f"σ′(z1_{unit}) = a1_{unit}(1 − a1_{unit})",
                slope_j,
            )
        )
        if parameter == "W1":
            factors.append(
                (
                    f"∂z⁽¹⁾_{unit}/∂W⁽¹⁾_{unit}{source} = x_{source}: "
                    "the weight multiplies that input",
                    rf"\frac{{\partial z^{{[1]}}_{unit}}}{{\partial W^{{[1]}}_{{{unit}{source}}}}}"
                    rf" = x_{source}",
                    f"∂z1_{unit}/∂W1_{unit}{source} = x{source}",
                    float(x[k]),
                )
            )
    value = 1.0
    for *_, factor in factors:
        value *= factor
    steps = [Step("Run the forward pass", None, forward(net, x).steps)]
    steps += [
        Step(rule, Formula(f"{latex} = {_t(v)}", f"{text} = {_t(v)}"))
        for rule, latex, text, v in factors
    ]
    product_text = " · ".join(_p(v) for *_, v in factors)
    steps.append(
        Step(
            "Multiply the local slopes along the path (the chain rule)",
            Formula(
                rf"\frac{{\partial L}}{{\partial {name_latex}}} = "
                + r" \cdot ".join(numbers.paren_latex(float(v)) for *_, v in factors)
                + f" = {_t(value)}",
                f"∂L/∂{name} = {product_text} = {_t(value)}",
            ),
        )
    )
    return Solution(value, tuple(steps))


def numerical_partial(
    net: Network,
    x: Sequence[float],
    y: float,
    parameter: str,
    *,
    unit: int = 1,
    source: int = 1,
    h: float = 1e-6,
) -> float:
    """The same partial derivative by central finite differences (for checking)."""

    def nudged(delta: float) -> Network:
        W1 = [list(r) for r in net.hidden_weights]
        b1 = list(net.hidden_biases)
        w2 = list(net.output_weights)
        b2 = net.output_bias
        if parameter == "W1":
            W1[unit - 1][source - 1] += delta
        elif parameter == "b1":
            b1[unit - 1] += delta
        elif parameter == "w2":
            w2[unit - 1] += delta
        else:
            b2 += delta
        return Network(tuple(tuple(r) for r in W1), tuple(b1), tuple(w2), b2)

    return (loss(nudged(h), x, y) - loss(nudged(-h), x, y)) / (2 * h)


__all__ = [
    "PARAMETERS",
    "Activations",
    "Gradients",
    "Network",
    "activations",
    "forward",
    "gradients",
    "loss",
    "numerical_partial",
    "partial",
]
