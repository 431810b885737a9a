"""How many numbers a fully connected network learns: weights and biases, layer by layer.

Between a layer of m units and the next layer of n units every pair is connected: an n×m
weight matrix W, plus one bias per unit of the next layer — n·m + n = (m + 1)·n parameters.
The input layer only holds the data, so it has no biases of its own.

>>> parameter_count((3, 4, 1)).answer
21
>>> parameter_count((784, 128, 10)).answer
101770
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def check_layers(sizes: Sequence[int]) -> None:
    if len(sizes) < 2:
        raise NotSolvable("give at least two layer sizes: the inputs and the outputs")
    if any(n < 1 for n in sizes):
        raise NotSolvable("every layer has at least one unit")


def count(sizes: Sequence[int]) -> int:
    return sum((m + 1) * n for m, n in itertools.pairwise(sizes))


def _n(k: int) -> str:
    return f"{k:,}".replace(",", "\u2009") if k >= 10_000 else str(k)


def parameter_count(sizes: Sequence[int]) -> Solution[int]:
    """Σ over consecutive layers (m → n) of n·m weights and n biases."""
    check_layers(sizes)
    steps: list[Step] = []
    totals: list[int] = []
    for k, (m, n) in enumerate(itertools.pairwise(sizes), start=1):
        weights, total = m * n, (m + 1) * n
        totals.append(total)
        source = "the inputs" if k == 1 else f"layer {k - 1}"
        target = "the output layer" if k == len(sizes) - 1 else f"layer {k}"
        steps.append(
            Step(
                f"From {source} ({m} unit{'s' if m > 1 else ''}) to {target} ({n}): a {n}×{m} "
                f"weight matrix and {n} bias{'es' if n > 1 else ''}",
                Formula(
                    rf"{n} \cdot {m} + {n} = {_n(weights)} + {n} = {_n(total)}",
                    f"{n}·{m} + {n} = {_n(weights)} + {n} = {_n(total)}",
                ),
            )
        )
    answer = sum(totals)
    steps.append(
        Step(
            "Add the layers (the inputs have no weights or biases of their own)",
            Formula(
                " + ".join(_n(t) for t in totals) + f" = {_n(answer)}",
                " + ".join(_n(t) for t in totals) + f" = {_n(answer)}",
            ),
        )
    )
    return Solution(answer, tuple(steps))
