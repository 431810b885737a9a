"""Behaviour specific to the elimination-family skills (the shared contract covers the rest)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from typer.testing import CliRunner

from mlmath.cli.main import app
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.echelon import full_reduction, is_row_echelon_form
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Scale, Swap
from mlmath.engine.solution import Step
from mlmath.exercises.inputs import InputError
from mlmath.exercises.linalg.row_operation import operation_text, parse_operation
from mlmath.exercises.registry import get


def test_rref_from_the_command_line() -> None:
    result = CliRunner().invoke(
        app, ["solve", "linalg.rref", "--input", '{"matrix": [[1,2],[3,4]]}']
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["answer"] == [[1, 0], [0, 1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R1 <-> R2", Swap(0, 1)),
        ("R2 -> -R2", Scale(1, Fraction(-1))),
        ("R2 → (1/2)R2", Scale(1, Fraction(1, 2))),
        ("R3 -> R3 - 2R1", AddMultiple(2, 0, Fraction(-2))),
        ("r3 = r3 + (2/3)*r2", AddMultiple(2, 1, Fraction(2, 3))),
    ],
)
def test_row_operations_are_read_as_written(text: str, expected: RowOperation) -> None:
    assert parse_operation(text, rows=3) == expected
    assert parse_operation(operation_text(expected), rows=3) == expected


@pytest.mark.parametrize(
    "text", ["R4 <-> R1", "R1 -> R2 + R3", "R2 -> 0R2", "R1 -> R1 + R1", "swap"]
)
def test_bad_row_operations_say_why(text: str) -> None:
    with pytest.raises(InputError, match="operation"):
        parse_operation(text, rows=3)


@pytest.mark.parametrize(
    "response",
    [
        "1 2 3; 0 -2 -4",  # the usual echelon form
        "1 2 3; 0 1 2",  # pivots scaled to 1
        "1 0 -1; 0 1 2",  # the reduced form is an echelon form too
        "2 4 6; 0 -1 -2",  # any non-zero multiple of a row
    ],
)
def test_any_row_echelon_form_is_accepted(response: str) -> None:
    skill = get("linalg.row_echelon_form")
    params = {"matrix": Matrix.of([[1, 2, 3], [4, 6, 8]])}
    assert skill.grade(params, response).correct


def test_echelon_shape_that_is_not_equivalent_is_explained() -> None:
    skill = get("linalg.row_echelon_form")
    params = {"matrix": Matrix.of([[1, 2, 3], [4, 6, 8]])}
    feedback = skill.grade(params, "1 2 3; 0 -2 -5")
    assert feedback.verdict == "incorrect"
    assert "arithmetic" in feedback.message
    assert skill.grade(params, "0 1 2; 1 2 3").verdict == "incorrect"


def test_stopping_at_echelon_form_is_named_for_rref() -> None:
    skill = get("linalg.rref")
    params = {"matrix": Matrix.of([[1, 2, 3], [4, 6, 8]])}
    feedback = skill.grade(params, "1 2 3; 0 -2 -4")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "stopped_at_ref"


def test_reading_zero_equals_zero_as_no_solution_is_named() -> None:
    skill = get("linalg.solve_singular_system")
    params = skill.read_inputs({"matrix": [[1, 2], [2, 4]], "rhs": [3, 6]})
    feedback = skill.grade(params, "no solution")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "zero_row_means_none"
    assert skill.grade(params, "x = 3 - 2y").correct
    assert skill.grade(params, "x = t, y = 3/2 - t/2").correct


def test_forgetting_the_right_hand_side_is_named() -> None:
    skill = get("linalg.solve_2x2")
    params = skill.read_inputs({"matrix": [[1, 1], [2, 3]], "rhs": [5, 12]})
    assert skill.grade(params, "(3, 2)").correct
    # R2 - 2R1 on the left only: y = 12, then x = 5 - 12
    feedback = skill.grade(params, "x = -7, y = 12")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "forgot_rhs"


def test_custom_variable_names() -> None:
    skill = get("linalg.solve_by_substitution")
    params = skill.read_inputs({"matrix": [[1, 1], [1, -1]], "rhs": [10, 2], "variables": "a, b"})
    assert skill.grade(params, "a = 6, b = 4").correct
    with pytest.raises(InputError, match="variables"):
        skill.read_inputs({"matrix": [[1, 1], [1, -1]], "rhs": [10, 2], "variables": "a"})
    with pytest.raises(InputError, match="rhs"):
        skill.read_inputs({"matrix": [[1, 1], [1, -1]], "rhs": [10]})


def test_free_variable_count_from_ranks() -> None:
    skill = get("linalg.rank_and_solutions")
    params = skill.read_inputs(
        {
            "matrix": [[1, 2, 3], [0, 0, 1], [0, 0, 0]],
            "rhs": [1, 2, 0],
            "question": "free_variables",
        }
    )
    assert skill.grade(params, "1").correct
    feedback = skill.grade(params, "0")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "unknowns_minus_equations"


@pytest.mark.parametrize("skill_id", ["linalg.rank", "linalg.rref", "linalg.row_echelon_form"])
def test_matrix_skills_generate_row_reducible_problems(skill_id: str) -> None:
    skill = get(skill_id)
    for level in range(1, skill.levels + 1):
        for seed in range(20):
            matrix = skill.variant(seed, level).params["matrix"]
            if skill_id != "linalg.rank":
                assert not is_row_echelon_form(matrix) or full_reduction(matrix).result != matrix


def test_level_one_systems_have_whole_number_steps() -> None:
    skill = get("linalg.solve_by_elimination")
    for seed in range(30):
        solution = skill.solve(skill.variant(seed, 1).params)
        rules = leaf_rules(solution.steps)
        assert rules
        assert not any("/" in rule for rule in rules if rule[0] in "AS"), rules


def leaf_rules(steps: tuple[Step, ...]) -> list[str]:
    out: list[str] = []
    for step in steps:
        out += leaf_rules(step.substeps) if step.substeps else [step.rule]
    return out
