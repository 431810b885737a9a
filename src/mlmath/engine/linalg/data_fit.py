"""A tiny data set that a linear model fits exactly: the weights solve a linear system.

This is the machine-learning reason for linear systems. A model predicts
``y = w₁x₁ + w₂x₂ (+ b)``; each example of the data set (one row) gives one
equation in the unknown weights. With as many examples as weights and
independent rows, the system has exactly one solution: the weights.

>>> data = DataSet.of("houses", [[3, 1], [2, 2]], [210, 180])
>>> fit_weights(data).answer
Vector(entries=(Fraction(60, 1), Fraction(30, 1)))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.engine.exact import Matrix, ScalarLike, Vector
from mlmath.engine.linalg.dependence import reduce_to_rref
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import (
    Augmented,
    latex_words,
    number_json,
    number_latex,
    number_text,
)
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step, formula_later


@dataclass(frozen=True, slots=True)
class Domain:
    """What the data describe: the examples, their features and the target."""

    id: str
    example: str
    features: tuple[str, ...]
    target: str
    weight_ranges: tuple[tuple[int, int], ...]
    bias_range: tuple[int, int]
    feature_range: tuple[int, int] = (0, 6)


DOMAINS: tuple[Domain, ...] = (
    Domain(
        "houses",
        "house",
        ("bedrooms", "bathrooms", "garages"),
        "price (in $1000s)",
        ((20, 60), (10, 40), (5, 25)),
        (50, 150),
        (1, 5),
    ),
    Domain(
        "deliveries",
        "delivery",
        ("distance (km)", "stops", "flights of stairs"),
        "time (minutes)",
        ((2, 6), (3, 10), (1, 4)),
        (5, 15),
        (1, 9),
    ),
    Domain(
        "exams",
        "student",
        ("hours studied", "practice tests", "lectures missed"),
        "score",
        ((3, 9), (2, 8), (-5, -1)),
        (20, 50),
    ),
    Domain(
        "bills",
        "household",
        ("people", "rooms heated", "cars charged"),
        "monthly bill ($)",
        ((15, 40), (10, 30), (20, 60)),
        (10, 40),
        (1, 5),
    ),
    Domain(
        "cafes",
        "day",
        ("coffees sold", "cakes sold", "sandwiches sold"),
        "takings ($)",
        ((2, 5), (3, 6), (4, 9)),
        (0, 30),
        (1, 9),
    ),
)


def domain_by_id(domain_id: str) -> Domain:
    for domain in DOMAINS:
        if domain.id == domain_id:
            return domain
    known = ", ".join(d.id for d in DOMAINS)
    raise NotSolvable(f"there is no data set called {domain_id!r}; choose one of {known}")


@dataclass(frozen=True, slots=True)
class DataSet:
    """Rows of feature values with a target each; ``intercept`` adds a bias ``b``."""

    domain: Domain
    features: Matrix
    targets: Vector
    intercept: bool = False

    @classmethod
    def of(
        cls,
        domain_id: str,
        features: Iterable[Iterable[ScalarLike]],
        targets: Iterable[ScalarLike],
        intercept: bool = False,
    ) -> DataSet:
        return cls(domain_by_id(domain_id), Matrix.of(features), Vector.of(targets), intercept)

    def __post_init__(self) -> None:
        m, k = self.features.shape
        if len(self.targets) != m:
            raise NotSolvable(f"{m} examples need {m} target values, got {len(self.targets)}")
        if k > len(self.domain.features):
            raise NotSolvable(
                f"the {self.domain.id} data have at most {len(self.domain.features)} features"
            )

    @property
    def unknowns(self) -> tuple[str, ...]:
        k = self.features.shape[1]
        return tuple(f"w{j + 1}" for j in range(k)) + (("b",) if self.intercept else ())

    def design_matrix(self) -> Matrix:
        """The features, with a column of ones for the bias when there is one."""
        if not self.intercept:
            return self.features
        return self.features.augment(Vector(tuple(Fraction(1) for _ in self.targets)))

    def system(self) -> LinearSystem:
        return LinearSystem(self.design_matrix(), self.targets, self.unknowns)

    def model_text(self) -> str:
        k = self.features.shape[1]
        terms = " + ".join(f"w{j + 1}·({self.domain.features[j]})" for j in range(k))
        return f"{self.domain.target} = {terms}" + (" + b" if self.intercept else "")

    def table(self) -> DataTable:
        return DataTable(self)


@dataclass(frozen=True, slots=True)
class DataTable:
    """The data set drawn as a table (one row per example)."""

    data: DataSet

    def _header(self) -> list[str]:
        k = self.data.features.shape[1]
        return [self.data.domain.example, *self.data.domain.features[:k], self.data.domain.target]

    def _cells(self) -> list[list[str]]:
        return [
            [str(i + 1), *(_decimal(a) for a in row), _decimal(y)]
            for i, (row, y) in enumerate(
                zip(self.data.features.rows, self.data.targets, strict=True)
            )
        ]

    def text(self) -> str:
        rows = [self._header(), *self._cells()]
        widths = [max(len(r[j]) for r in rows) for j in range(len(rows[0]))]
        return "\n".join(
            " | ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows
        )

    def latex(self) -> str:
        header = " & ".join(latex_words(h) for h in self._header())
        body = r" \\ ".join(" & ".join(row) for row in self._cells())
        spec = "c" * len(self._header())
        return rf"\begin{{array}}{{{spec}}} {header} \\ \hline {body} \end{{array}}"

    def to_json(self) -> Any:
        return {
            "columns": self._header(),
            "rows": [
                [*(number_json(a) for a in row), number_json(y)]
                for row, y in zip(self.data.features.rows, self.data.targets, strict=True)
            ],
        }


def _decimal(value: Fraction) -> str:
    """``3``, ``94.5``, ``1/3``: a table entry as a data set would show it."""
    if value.denominator == 1:
        return str(value.numerator)
    if 100 % value.denominator == 0:  # cents: every digit, never rounded (123456.5)
        return str(Decimal(value.numerator) / value.denominator)
    return number_text(value)


def fit_weights(data: DataSet) -> Solution[Vector]:
    """The weights that make the model fit every example exactly, with the system
    they solve and the elimination that solves it."""
    system = data.system()
    m, n = system.size
    if m != n:
        raise NotSolvable(
            f"{n} unknown weights need exactly {n} examples to fit exactly; there are {m}"
        )
    steps = [
        Step("The model", Formula(latex_words(data.model_text()), data.model_text())),
        Step(
            f"Each {data.domain.example} (one row of the data) gives one equation in the "
            f"unknown weights: put its numbers into the model",
            system,
        ),
    ]
    reduction = reduce_to_rref(system.augmented())
    if reduction.pivot_columns != tuple(range(n)):
        raise NotSolvable(
            "these examples do not pin the weights down: the system has no single solution"
        )
    steps.append(
        Step(
            "Solve by elimination on the augmented matrix",
            system.augmented_display(),
            substeps=tuple(
                # each matrix with its bar: the last column is the right-hand side
                Step(op.describe(), Augmented(after, n))
                for op, after in zip(reduction.operations, reduction.matrices[1:], strict=True)
            ),
        )
    )
    weights = reduction.result.column(n)
    steps.append(
        Step(
            "Read off the weights",
            formula_later(
                lambda: ", ".join(
                    f"{name_latex(u)} = {number_latex(w)}"
                    for u, w in zip(system.variables, weights, strict=True)
                ),
                lambda: ", ".join(
                    f"{u} = {number_text(w)}"
                    for u, w in zip(system.variables, weights, strict=True)
                ),
            ),
        )
    )
    # the check is multiplied out only when shown (the answer never needs it)
    steps.append(
        Step(
            "Check: the model with these weights predicts every target exactly",
            formula_later(
                lambda: _vector_latex(system.matrix.times_vector(weights)),
                lambda: system.matrix.times_vector(weights).text(),
            ),
        )
    )
    return Solution(weights, tuple(steps))


def name_latex(name: str) -> str:
    """A weight's name in LaTeX: its number as a subscript (``w_{1}``), a name without
    one as it is (``b``).

    >>> name_latex("w12"), name_latex("b")
    ('w_{12}', 'b')
    """
    found = re.fullmatch(r"([^\d]+)(\d+)", name)
    return f"{found.group(1)}_{{{found.group(2)}}}" if found else name


def _vector_latex(v: Vector) -> str:
    return v.latex()


def weights_text(names: Sequence[str], weights: Vector) -> str:
    return ", ".join(f"{n} = {number_text(w)}" for n, w in zip(names, weights, strict=True))


def random_data_set(
    rng: np.random.Generator, features: int, intercept: bool, fractions: bool
) -> tuple[DataSet, Vector]:
    """A data set with as many examples as weights, fitted exactly by integer weights
    (halves when ``fractions``); returns it with the weights."""
    for _ in range(500):
        domain = DOMAINS[int(rng.integers(len(DOMAINS)))]
        step = Fraction(1, 2) if fractions else Fraction(1)
        weights = [
            step * int(rng.integers(int(low / step), int(high / step) + 1))
            for low, high in domain.weight_ranges[:features]
        ]
        if intercept:
            weights.append(
                Fraction(int(rng.integers(domain.bias_range[0], domain.bias_range[1] + 1)))
            )
        examples = features + int(intercept)
        low, high = domain.feature_range
        rows = [
            [int(rng.integers(low, high + 1)) for _ in range(features)] for _ in range(examples)
        ]
        data = DataSet(domain, Matrix.of(rows), Vector.of([0] * examples), intercept)
        design = data.design_matrix()
        if determinant(design) == 0 or len({tuple(r) for r in rows}) < examples:
            continue
        truth = Vector(tuple(weights))
        targets = design.times_vector(truth)
        if any(t <= 0 for t in targets):
            continue
        return DataSet(domain, data.features, targets, intercept), truth
    raise AssertionError("could not build a data set")  # pragma: no cover
