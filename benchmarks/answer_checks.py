"""How fast is one answer check? Ours (grammar + exact/probing comparison) against a
SymPy check (``parse_expr`` + ``simplify(expected - given) == 0``) of the same answers,
measured in the same run.

Run: ``.venv/bin/python benchmarks/answer_checks.py [--rounds N]``. Prints p50/p99 in
milliseconds per answer kind, and the ratio SymPy / ours; then whole checks by a skill
(``skill.grade``: read, compare, and match the wrong answer against every mistake known
for the variant, worked out once per variant), right and wrong answers alike.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from mlmath.answers import AnswerFormat, Choice, Kind, compare, expression, parse
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.solution_set import SolutionSet

XYZ = ("x", "y", "z")

CASES: dict[str, tuple[AnswerFormat, Any, str, list[str]]] = {
    # kind: (format, expected, expected as SymPy text, typed answers)
    "number": (
        AnswerFormat(Kind.NUMBER),
        Fraction(3, 4),
        "3/4",
        ["3/4", "0.75", "6/8", "-1/2", "1.5/2", "0.7", "3/4 + 0", "75*10^-2"],
    ),
    "vector": (
        AnswerFormat(Kind.VECTOR),
        Vector.of([1, Fraction(-1, 2), 3]),
        "Matrix([1, -1/2, 3])",
        ["(1, -1/2, 3)", "[1, -0.5, 3]", "(2/2, -2/4, 6/2)", "(1, 1/2, 3)"],
    ),
    "matrix": (
        AnswerFormat(Kind.MATRIX),
        Matrix.of([[1, 2, 0], [Fraction(1, 3), 4, -1], [0, 0, 5]]),
        "Matrix([[1, 2, 0], [1/3, 4, -1], [0, 0, 5]])",
        [
            "[[1, 2, 0], [1/3, 4, -1], [0, 0, 5]]",
            "[[1, 2, 0], [2/6, 4, -1], [0, 0, 5]]",
            "[[1, 2, 0], [0.33, 4, -1], [0, 0, 5]]",
        ],
    ),
    "expression": (
        AnswerFormat(Kind.EXPRESSION, variables=("x",)),
        expression("(x + 1)^3 - 2x", ("x",)),
        "(x + 1)**3 - 2*x",
        [
            "x^3 + 3x^2 + x + 1",
            "(x+1)^3 - 2x",
            "x^3 + 3x^2 + 3x + 1 - 2x",
            "x^3 + 3x^2 + x",
            "(x+1)(x+1)(x+1) - 2x",
        ],
    ),
    "expression (transcendental)": (
        AnswerFormat(Kind.EXPRESSION, variables=("x",)),
        expression("1/(1 + e^-x)", ("x",)),
        "1/(1 + exp(-x))",
        ["e^x/(1 + e^x)", "1/(1+exp(-x))", "exp(x)/(exp(x)+1)", "1/(1 + e^x)"],
    ),
    "solution set": (
        AnswerFormat(Kind.SOLUTION_SET, variables=XYZ),
        SolutionSet(XYZ, Vector.of([1, 0, 3]), (Vector.of([-2, 1, 0]),)),
        "",
        ["x = 1 - 2t, y = t, z = 3", "(1 - 2t, t, 3)", "x = 1 - 2y, z = 3", "no solution"],
    ),
    "choice": (
        AnswerFormat(Kind.CHOICES, options=(Choice("a", "Rank"), Choice("b", "Trace"))),
        frozenset({"a"}),
        "",
        ["a", "A, b", "rank"],
    ),
}


GRADED: dict[str, tuple[str, dict[str, Any], list[str]]] = {
    # case: (skill, its input, typed answers: right ones, named mistakes, unexplained)
    "derivative, rule tree": (
        "calculus.derivative_rules",
        {"function": "x^2*e^(3x) + (2x + 1)^5"},
        [
            "2x*e^(3x) + 3x^2*e^(3x) + 10(2x + 1)^4",
            "6x*e^(3x) + 10(2x + 1)^4",
            "2x*e^(3x) + 10(2x + 1)^4",
            "2x*e^(3x) + 3x^2*e^(3x) + 5(2x + 1)^4",
            "x^3",
        ],
    ),
    "gradient at a point": (
        "calculus.gradient",
        {"function": "-5x^2 - y^3 + x^2y^2 - 5", "point": [-2, -2]},
        ["(4, -28)", "(-28, 4)", "4", "(4, -20)"],
    ),
    "matrix product": (
        "linalg.matrix_product",
        {"left": [[1, 2], [3, 4]], "right": [[0, 1], [1, 0]]},
        ["[[2, 1], [4, 3]]", "[[3, 4], [1, 2]]", "[[0, 2], [3, 0]]", "[[2, 1], [4, 5]]"],
    ),
    "t-test p-value": (
        "statistics.t_test",
        {"null": 153, "alternative": "greater", "mean": 154.44, "sd": 7.23, "n": 29},
        ["0.1463", "0.2926", "0.8537", "1.07", "0.5"],
    ),
    "interval": (
        "statistics.confidence_interval_mean",
        {"confidence": 0.9, "mean": 19.5, "sd": 4.1, "n": 19, "sd_known": "no"},
        ["(17.87, 21.13)", "19.5 ± 1.63", "(17.95, 21.05)", "19.5", "(17.87, 25)"],
    ),
}


def _sympy_check(expected_text: str, typed: str) -> Callable[[], object]:
    """The check we replace: SymPy reads the text (with eval) and simplifies the difference."""
    import sympy
    from sympy.parsing.sympy_parser import (
        convert_xor,
        implicit_multiplication_application,
        parse_expr,
        standard_transformations,
    )

    transformations = (*standard_transformations, implicit_multiplication_application, convert_xor)
    names = {"e": sympy.E, "Matrix": sympy.Matrix}
    expected = parse_expr(expected_text, local_dict=names, transformations=transformations)
    text = typed
    if typed.startswith(("(", "[")) and "," in typed:
        text = "Matrix(" + typed.replace("(", "[").replace(")", "]") + ")"

    def check() -> object:
        given = parse_expr(text, local_dict=names, transformations=transformations)
        difference = sympy.simplify(expected - given)
        if isinstance(difference, sympy.MatrixBase):
            return difference.is_zero_matrix
        return difference == 0

    return check


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def _measure(check: Callable[[], object], rounds: int) -> list[float]:
    check()  # warm up (imports, caches)
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        check()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--rounds", type=int, default=1000, help="checks per typed answer")
    arguments.add_argument("--sympy-rounds", type=int, default=20, help="SymPy checks per answer")
    options = arguments.parse_args()

    print(
        f"{'kind':<28}{'ours p50':>10}{'ours p99':>10}{'sympy p50':>11}{'sympy p99':>11}"
        f"{'p50 ratio':>11}{'p99 ratio':>11}"
    )
    for kind, (fmt, expected, expected_text, answers) in CASES.items():
        ours: list[float] = []
        theirs: list[float] = []
        for typed in answers:

            def check(
                typed: str = typed, fmt: AnswerFormat = fmt, expected: Any = expected
            ) -> object:
                return compare(expected, parse(typed, fmt), fmt)

            ours += _measure(check, options.rounds)
            if expected_text and "=" not in typed and "no solution" not in typed:
                theirs += _measure(_sympy_check(expected_text, typed), options.sympy_rounds)
        ours_p50, ours_p99 = _percentiles(ours)
        line = f"{kind:<28}{ours_p50:>10.3f}{ours_p99:>10.3f}"
        if theirs:
            theirs_p50, theirs_p99 = _percentiles(theirs)
            line += f"{theirs_p50:>11.2f}{theirs_p99:>11.2f}"
            line += f"{theirs_p50 / ours_p50:>10.0f}×{theirs_p99 / ours_p99:>10.0f}×"
        else:
            line += f"{'—':>11}{'—':>11}{'—':>11}{'—':>11}"
        print(line)
    print(
        "milliseconds per check (parse + compare); ratio = SymPy / ours; "
        "p99 is sensitive to machine load"
    )
    _graded(options.rounds)


def _graded(rounds: int) -> None:
    from mlmath.exercises.registry import get

    print(f"\n{'graded by a skill':<28}{'p50':>10}{'p99':>10}{'first':>10}")
    for case, (skill_id, raw, answers) in GRADED.items():
        skill = get(skill_id)
        params = skill.read_inputs(raw)
        started = time.perf_counter()
        skill.grade(params, answers[0])  # works out the variant's wrong answers once
        first = (time.perf_counter() - started) * 1000
        samples: list[float] = []
        for typed in answers:
            samples += _measure(
                lambda typed=typed, skill=skill, params=params: skill.grade(params, typed), rounds
            )
        p50, p99 = _percentiles(samples)
        print(f"{case:<28}{p50:>10.3f}{p99:>10.3f}{first:>10.1f}")
    print(
        "milliseconds per skill.grade once the variant's mistakes are known; first = the "
        "first check of the variant, which works them out"
    )


if __name__ == "__main__":
    main()
