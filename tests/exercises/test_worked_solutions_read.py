"""What a beginner reads in a worked solution, a hint or a feedback reason: numbers as a
person writes them (no e-notation), each side of an equality once, labels that match
the question, words spelled right."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction
from typing import Any

import pytest
import sympy
from sympy.parsing import sympy_parser

from mlmath.engine import render
from mlmath.exercises.registry import all_skills, get

SKILLS = all_skills()
E_NOTATION = re.compile(r"(?<![A-Za-z_])\d(?:\.\d+)?e[-+]?\d")
SIDES = re.compile(r" (?:=|≈|\\approx) ")
STATEMENT_BREAK = re.compile(r",\s|;\s|:\s|\\quad|⇒|\\Rightarrow")


def repeated_side(line: str) -> str | None:
    """A side of a chain of three or more sides written twice in a row, if any."""
    for statement in STATEMENT_BREAK.split(line):
        sides = [side.strip() for side in SIDES.split(statement)]
        if len(sides) >= 3:
            for before, after in itertools.pairwise(sides):
                if before and before == after:
                    return before
    return None


def shown_to_learner(skill_id: str, params: Any) -> list[str]:
    skill = SKILLS[skill_id]
    solution = skill.solve(params)
    return [
        render.solution_text(solution),
        render.solution_latex(solution),
        *skill.why_wrong(params).values(),
        *skill.hints(params),
        *(render.text(part) for part in skill.prompt(params)),
    ]


@pytest.mark.parametrize("skill_id", sorted(SKILLS))
def test_generated_variants_read_well(skill_id: str) -> None:
    skill = SKILLS[skill_id]
    for level in range(1, skill.levels + 1):
        for seed in range(3):
            params = skill.variant(seed, level).params
            for shown in shown_to_learner(skill_id, params):
                assert not E_NOTATION.search(shown), shown
                assert "_{}" not in shown, shown
                assert "shelfs" not in shown, shown
                for line in shown.splitlines():
                    assert repeated_side(line) is None, line


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, what the learner reads, what they must not read
    (
        "calculus.log_loss_minimum",
        {"heads": 7, "tosses": 10},
        "p = 7/10\n",
        "7/10 = 7/10",
    ),
    ("linalg.vector_angle", {"u": [1, 0], "v": [1, 1]}, "|v|₂ = √2\n", "|v|₂ = √2 = √2"),
    ("linalg.vector_angle", {"u": [1, 0], "v": [1, 1]}, "|u|₂ = √1 = 1", "|v|₂ = √1"),
    ("linalg.vector_angle", {"u": [1, 0], "v": [1, 1]}, "arccos(√2/2) = 45°", "45.0°"),
    (
        "linalg.principal_direction",
        {"data": [[0, 0], [1, 1], [2, 2], [3, 3.01]]},
        "it carries 99.9999% of the total variance",
        "100%",
    ),
    (
        "linalg.principal_direction",
        {"data": [[-5, 8], [-1, 6], [7, 2], [3, 4]]},
        "p(λ) = λ² - (100/3)λ",
        "100/3λ",
    ),
    (
        "calculus.derivative_exists",
        {"function": "x^2", "point": 0},
        "left ≈ -0.000001, right ≈ 0.000001",
        "e-06",
    ),
    (
        "calculus.derivative_exists",
        {"function": "x^2", "point": 0},
        "approach the same finite value, f′(0) ≈ 0",
        "1e-06",
    ),
    (
        "calculus.critical_points",
        {"function": "(1/15)x^3 - (3/5)x^2 + x + 9", "find": "maximum"},
        "T''(x) = (2/5)x - 6/5",
        "f'(x) = (2/5)x",
    ),
    (
        "calculus.critical_points",
        {"function": "(1/15)x^3 - (3/5)x^2 + x + 9", "find": "maximum"},
        "set T′(x) = 0 and solve",
        "f″",
    ),
    (
        "calculus.squared_loss_minimum",
        {"data": [-6, 2, -6, 23, 8]},
        "m = (-6 + 2 + (-6) + 23 + 8)/5 = 21/5",
        "(-6, 2",
    ),
    (
        "calculus.partial_derivative",
        {"function": "x*y + y", "variable": "y"},
        "the line z = y has slope 1",
        "the line y = y",
    ),
    ("linalg.matrix_inverse", {"matrix": [[1, 1], [4, -1]]}, "A⁻¹ = (1/(-5)) ·", "(1/-5)"),
    (
        "linalg.determinant_3x3",
        {"matrix": [[1, 2, 3], [4, 5, 6], [7, 8, 10]], "row": 2},
        "det = -a21·M21 + a22·M22 - a23·M23",
        "det = - a21",
    ),
    (
        "calculus.backpropagation",
        {
            "x": [-1, -0.1],
            "hidden_weights": [[-0.7, -1]],
            "hidden_biases": [-0.8],
            "output_weights": [1],
            "output_bias": 0,
            "y": 1,
            "parameter": "w2",
        },
        "z1_1 = (-0.7)·(-1) + (-1)·(-0.1) + (-0.8) = 0, a1_1 = σ(0) = 0.5",
        "e-16",
    ),
    (
        "probability.variance",
        {"data": [37, 32, 3, 10, 30, 4, 51], "kind": "sample", "measure": "standard deviation"},
        "s = √(2374/7) ≈ 18.4158",
        "√2374/7",
    ),
    (
        "probability.variance",
        {"data": [37, 32, 3, 10, 30, 4, 51], "kind": "sample", "measure": "variance"},
        "x̄ = 167/7 ≈ 23.8571\n",
        "167 / 7 = 167/7",
    ),
    (
        "probability.variance",
        {"data": [1, 2, 3, 4, 5, 6, 7, 19], "kind": "population", "measure": "variance"},
        "x̄ = 47/8 = 5.875\n",
        "≈ 5.875",
    ),
    (
        "statistics.bayesian_estimators",
        {"a": 5, "b": 4, "successes": 64, "n": 106, "asked": "map"},
        "p̂_MAP = (69 − 1) / (69 + 46 − 2) = 68 / 113 ≈ 0.6018",
        "= 0.6018",
    ),
    (
        "probability.pdf_interval",
        {"m": 57, "lower": 14.96, "upper": 20.03},
        "= (401.2009 − 223.8016) / 3249 = 177.3993 / 3249 ≈ 0.0546",
        "= 0.0546",
    ),
    (
        "statistics.confidence_interval_mean",
        {
            "confidence": 0.95,
            "data": [166.6, 163.2, 173.3, 162, 174.1, 155.1, 177.4],
            "sd_known": "no",
        },
        "s = √(Σ(x − x̄)² / 6) ≈ √(378.4286 / 6) ≈ 7.9418",
        "/ 6) = 7.9418",
    ),
    (
        "linalg.eigenvectors",
        {"matrix": [[-3, -4, 0], [12, 11, 2], [0, 0, 1]], "eigenvalue": 3},
        "x1 + (2/3)x2 = 0, so x1 = -(2/3)x2",
        "\\text",
    ),
    (
        "linalg.eigenvectors",
        {"matrix": [[-3, -4, 0], [12, 11, 2], [0, 0, 1]], "eigenvalue": 3},
        "(-2/3, 1, 0) → (2, -3, 0)",
        "x2 = 1\n",
    ),
    (
        "statistics.confidence_interval_proportion",
        {"successes": 788, "n": 2850, "confidence": 0.95},
        "SE = √(0.2765·(1 − 0.2765) / 2850) ≈ 0.008378",
        "= 0.008378",
    ),
    (
        "linalg.eigenbasis",
        {"matrix": [[2, 1], [0, 4]]},
        "b² - 4ac = (-6)² - 4·1·8 = 36 - 32 = 4",
        "b² - 4ac = 36 - 32",
    ),
    (
        "linalg.eigenbasis",
        {"matrix": [[2, 1], [0, 4]]},
        "λ = (6 ± √4)/2 = (6 ± 2)/2: λ = 2, λ = 4",
        "λ = (6 ± 2)/2\n",
    ),
    (
        "probability.birthday",
        {"people": 3, "days": 365},
        "Person 1 has 365 free days, person 2 has 364, person 3 has 363;",
        "…",
    ),
]


@pytest.mark.parametrize(("skill_id", "raw", "seen", "unseen"), CASES)
def test_worked_solutions_read_as_a_person_writes(
    skill_id: str, raw: dict[str, Any], seen: str, unseen: str
) -> None:
    skill = get(skill_id)
    text = render.solution_text(skill.solve(skill.read_inputs(raw))) + "\n"
    assert seen in text
    assert unseen not in text


def test_backpropagation_names_a_hidden_weight_as_the_lesson_does() -> None:
    skill = get("calculus.backpropagation")
    raw = {
        "x": [1, 2],
        "hidden_weights": [[1, -0.5], [0.5, 0.5]],
        "hidden_biases": [0, -0.5],
        "output_weights": [1.5, -1],
        "output_bias": 0.5,
        "y": 1,
        "parameter": "W1",
        "unit": 1,
        "source": 2,
    }
    latex = render.solution_latex(skill.solve(skill.read_inputs(raw)))
    assert r"\frac{\partial L}{\partial W^{[1]}_{12}}" in latex
    assert "W1_12" not in latex


HOUSES = {
    "domain": "houses",
    "features": [[3, 1], [2, 4], [5, 4]],
    "targets": [250, 284, 380],
    "intercept": "yes",
}
"""Three houses priced by a linear model with an intercept: a 3×3 elimination."""


def test_the_read_off_weights_have_no_empty_subscript() -> None:
    skill = get("linalg.system_from_data")
    latex = render.solution_latex(skill.solve(skill.read_inputs(HOUSES)))
    assert r"w_{1} = 32, w_{2} = 22, b = 132" in latex


@pytest.mark.parametrize(
    ("k", "story", "words"),
    [
        (1, 2, "exactly 1 right answer?"),
        (2, 2, "exactly 2 right answers?"),
        (1, 0, "exactly 1 head?"),
        (1, 1, "that exactly 1 recovers?"),
        (3, 3, "exactly 3 faulty parts?"),
    ],
)
def test_a_count_of_one_is_singular(k: int, story: int, words: str) -> None:
    skill = get("probability.binomial_probability")
    params = {"n": 5, "p": Fraction(1, 2), "k": k, "comparison": "=", "story": story}
    prompt = " ".join(render.text(p) for p in skill.prompt(params))
    assert words in prompt


def test_one_die_has_faces_without_each() -> None:
    skill = get("probability.event_probability")
    params = {"sides": 6, "dice": 1, "comparison": "<", "target": 4}
    prompt = " ".join(render.text(p) for p in skill.prompt(params))
    assert "a fair die with 6 faces (numbered 1 to 6)" in prompt


SUBSTITUTED = re.compile(
    r"^\s*(?:[fT]′|[fT]″|[fT]|∂f/∂[xy]|f_[xy]{2})\([^)]*\) = (?P<middle>.+) = "
    r"(?P<value>-?\d+(?:/\d+)?)$"
)
SUMMED = re.compile(r"^\s*Σ[xy]ᵢ(?:²|yᵢ)? = (?P<middle>.+) = (?P<value>-?\d+(?:/\d+)?)$")
IMPLICIT = (
    *sympy_parser.standard_transformations,
    sympy_parser.implicit_multiplication_application,
)


def _value_of(written: str) -> sympy.Rational:
    """What a substituted line as a learner reads it evaluates to, read by SymPy."""
    source = written.replace("^", "**").replace("²", "**2").replace("·", "*")
    return sympy.nsimplify(sympy_parser.parse_expr(source, transformations=IMPLICIT))


@pytest.mark.parametrize(
    ("skill_id", "pattern"),
    [
        ("calculus.newton_optimisation_step", SUBSTITUTED),
        ("calculus.newton_root_step", SUBSTITUTED),
        ("calculus.hessian", SUBSTITUTED),
        ("calculus.newton_step_2d", SUBSTITUTED),
        ("calculus.gradient", SUBSTITUTED),
        ("calculus.gradient_descent_step_1d", SUBSTITUTED),
        ("calculus.gradient_descent_step_2d", SUBSTITUTED),
        ("calculus.least_squares_line", SUMMED),
        ("calculus.critical_points", SUBSTITUTED),
    ],
)
def test_a_value_at_a_point_shows_the_numbers_put_in(
    skill_id: str, pattern: re.Pattern[str]
) -> None:
    """A beginner sees the substitution, f′(2) = 16(2)^3 + 9(2)^2 - 8(2) - 28 = 120, not
    only its value (a constant, such as a quadratic's second derivative, has none to
    show); and what is written evaluates (by SymPy) to the value shown."""
    skill = SKILLS[skill_id]
    shown = []
    for level in range(1, skill.levels + 1):
        for seed in range(6):
            text = render.solution_text(skill.solve(skill.variant(seed, level).params))
            shown += [m for line in text.splitlines() if (m := pattern.match(line))]
    assert len(shown) >= 6
    for m in shown:
        assert _value_of(m["middle"]) == sympy.Rational(m["value"]), m.string


def test_every_matrix_of_an_elimination_keeps_its_bar() -> None:
    """The right-hand side stays apart from the coefficients in every row operation."""
    skill = get("linalg.system_from_data")
    text = render.solution_text(skill.solve(skill.read_inputs(HOUSES)))
    rows = [line for line in text.splitlines() if line.strip()[:1] in "⎡⎢⎣"]
    assert len(rows) > 6
    assert all("│" in row for row in rows), text
