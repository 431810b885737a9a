"""``mlmath curriculum``: JSON in the documented shape for programs, a tree for people."""

from __future__ import annotations

import json
from typing import Any

import typer
from typer.testing import CliRunner

from mlmath.cli import curriculum as command

runner = CliRunner()

# The shape documented at the top of ../shared/tools/syllabus_coverage.py and in
# docs: every node with these keys (extra keys are fine).
SHAPE: dict[str, Any] = {
    "courses": [
        {
            "id": str,
            "title": str,
            "weeks": [
                {
                    "id": str,
                    "title": str,
                    "lessons": [
                        {"id": str, "title": str, "topics": [{"title": str, "skills": [str]}]}
                    ],
                    "labs": [{"id": str, "title": str}],
                    "quizzes": [{"id": str, "kind": str, "title": str}],
                    "assignments": [{"id": str, "title": str}],
                }
            ],
        }
    ]
}


def shape_errors(value: Any, shape: Any, where: str = "$") -> list[str]:
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [f"{where} should be an object"]
        errors = []
        for key, inner in shape.items():
            if key not in value:
                errors.append(f"{where} lacks {key!r}")
            else:
                errors += shape_errors(value[key], inner, f"{where}.{key}")
        return errors
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [f"{where} should be a list"]
        return [
            e for i, item in enumerate(value) for e in shape_errors(item, shape[0], f"{where}[{i}]")
        ]
    return [] if isinstance(value, shape) else [f"{where} should be {shape.__name__}"]


def single_command_app() -> typer.Typer:
    app = typer.Typer()
    app.command()(command.curriculum)
    return app


def test_json_has_the_documented_shape() -> None:
    result = runner.invoke(single_command_app(), ["--json"])
    assert result.exit_code == 0, result.output
    tree = json.loads(result.stdout)
    assert shape_errors(tree, SHAPE) == []
    c1 = tree["courses"][0]
    assert c1["id"] == "c1"
    w1 = c1["weeks"][0]
    assert [lesson["id"] for lesson in w1["lessons"]] == ["c1w1l1", "c1w1l2"]
    assert w1["lessons"][0]["topics"][2] == {
        "title": "Systems of equations",
        "anchor": "systems-of-equations",
        "skills": ["linalg.word_problem_system", "linalg.system_to_sentences", "linalg.solve_2x2"],
    }
    assert [q["kind"] for q in w1["quizzes"]] == ["practice", "graded"]
    assert c1["weeks"][1]["assignments"] == [
        {"id": "c1w2-linear-systems", "title": "System of Linear Equations", "lesson": "c1w2l2"}
    ]


def test_shape_check_catches_a_missing_key() -> None:
    assert shape_errors({"courses": [{"id": "c1", "title": 3}]}, SHAPE) == [
        "$.courses[0].title should be str",
        "$.courses[0] lacks 'weeks'",
    ]


def test_people_get_a_readable_tree() -> None:
    result = runner.invoke(single_command_app(), [], terminal_width=200)
    assert result.exit_code == 0, result.output
    for text in (
        "Linear algebra for machine learning and data science",
        "Week 1: Systems of linear equations",
        "The determinant (3×3)",
        "linalg.determinant_3x3",
        "Lab: Introduction to NumPy Arrays",
        "Practice quiz: Solving systems of linear equations",
        "Graded quiz: Matrices",
        "Programming assignment: System of Linear Equations",
    ):
        assert text in result.stdout


def test_the_mlmath_command_has_it() -> None:
    from mlmath.cli.main import app

    result = runner.invoke(app, ["curriculum", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["courses"][0]["id"] == "c1"
