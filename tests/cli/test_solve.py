"""`mlmath solve`: worked solutions for the learner's own input, and one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mlmath.cli.main import app
from mlmath.exercises.registry import all_skills

runner = CliRunner()


def solve(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["solve", *args])
    return result.exit_code, result.stdout, result.stderr


def test_list_gives_every_skill_with_its_inputs() -> None:
    code, out, _ = solve("--list")
    assert code == 0
    listing = json.loads(out)
    assert {entry["id"] for entry in listing} == set(all_skills())
    for entry in listing:
        assert entry["inputs"], entry["id"]
        for field in entry["inputs"]:
            assert {"name", "kind", "help"} <= set(field)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["linalg.no_such_skill", "--input", "{}"], "no skill is called"),
        (["linalg.determinant_2x2"], "--input"),
        (["linalg.determinant_2x2", "--input", "{not json"], "not valid JSON"),
        (["linalg.determinant_2x2", "--input", "[1, 2]"], "JSON object"),
        (["linalg.determinant_2x2", "--input", '{"matrix": [[1, 2], [3]]}'], "same number"),
        (["linalg.determinant_2x2", "--input", '{"matrix": [[1, "two"], [3, 4]]}'], "number"),
        (["linalg.determinant_2x2", "--input", '{"matrix": [[1, 2]], "extra": 1}'], "unknown"),
        (["linalg.determinant_3x3", "--input", '{"matrix": [[1, 2, 3], [4, 5, 6]]}'], "3×3 matrix"),
    ],
)
def test_bad_input_is_one_line_and_status_2(args: list[str], message: str) -> None:
    if args[0] not in all_skills() and args[0] != "linalg.no_such_skill":
        pytest.skip(f"{args[0]} is not registered")
    code, out, err = solve(*args)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_determinant_as_json_text_latex_and_markdown() -> None:
    if "linalg.determinant_2x2" not in all_skills():
        pytest.skip("linalg.determinant_2x2 is not registered")
    payload = '{"matrix": [[1, 2], [3, 4]]}'
    code, out, _ = solve("linalg.determinant_2x2", "--input", payload)
    assert code == 0
    result = json.loads(out)
    assert result["answer"] == -2
    assert result["steps"]
    assert all("rule" in s for s in result["steps"])
    for fmt, marker in (("text", "-2"), ("latex", r"\begin{enumerate}"), ("markdown", "$$")):
        code, out, _ = solve("linalg.determinant_2x2", "--input", payload, "--format", fmt)
        assert code == 0
        assert marker in out


def test_singular_inverse_is_a_clear_error() -> None:
    if "linalg.matrix_inverse" not in all_skills():
        pytest.skip("linalg.matrix_inverse is not registered")
    code, _, err = solve("linalg.matrix_inverse", "--input", '{"matrix": [[1, 2], [2, 4]]}')
    assert code == 2
    assert "singular" in err.lower() or "no inverse" in err.lower()


def test_the_installed_command_runs() -> None:
    """The console script works as a newcomer would call it."""
    out = subprocess.run(
        [sys.executable, "-m", "mlmath", "solve", "--list"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert json.loads(out.stdout)


@pytest.mark.parametrize(
    ("skill", "function", "answer"),
    [
        ("calculus.derivative_exp_log", "exp(-x)", "-e^(-x)"),
        ("calculus.derivative_exp_log", "ln(2x)", "1/x"),
        ("calculus.partial_derivative", "x^2*y + 3x^2", "2xy + 6x"),
        ("calculus.derivative_rules", "3x^3 - 2x + 1", "9x^2 - 2"),
    ],
)
def test_derivatives_are_answered_as_a_person_writes_them(
    skill: str, function: str, answer: str
) -> None:
    inputs = {"function": function}
    if skill == "calculus.partial_derivative":
        inputs["variable"] = "x"
    status, out, _ = solve(skill, "--input", json.dumps(inputs))
    assert status == 0
    assert json.loads(out)["answer"] == answer
    status, out, _ = solve(skill, "--input", json.dumps(inputs), "--format", "text")
    assert out.rstrip().endswith(f"Answer: {answer}")


def test_the_product_rule_shows_its_substitution_before_simplifying() -> None:
    status, out, _ = solve(
        "calculus.derivative_rules", "--input", '{"function": "x(3x + 6)"}', "--format", "text"
    )
    assert status == 0
    assert "= 1·(3x + 6) + x·3 = 6x + 6" in out


def test_newton_goes_on_in_decimals_once_fractions_grow_long() -> None:
    inputs = '{"function": "x^2 - 2", "start": 1, "steps": 6}'
    status, out, _ = solve("calculus.newton_root_step", "--input", inputs)
    assert status == 0
    assert abs(json.loads(out)["answer"] - 2**0.5) < 1e-15
    status, out, _ = solve("calculus.newton_root_step", "--input", inputs, "--format", "text")
    assert "x4 = 577/408 - (1/166464)/(577/204) = 665857/470832" in out
    assert "shown to 12 significant figures" in out
    assert "x6 = 1.41421356237" in out
    fractions = re.findall(r"(\d+)/(\d+)", out)
    assert max(len(p) + len(q) for p, q in fractions) <= 12, "no unreadably long fraction"
