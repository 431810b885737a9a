"""`mlmath solve` on the learner's own data: JSON from a file or standard input, a CSV
file with named columns, real-data sizes answered quickly with summarised steps, and one
clear line past a limit."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from mlmath.cli.main import app
from mlmath.exercises.inputs import MAX_DATA_POINTS

runner = CliRunner()


def solve(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["solve", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def answer_of(out: str) -> object:
    return json.loads(out)["answer"]


def one_line_error(code: int, out: str, err: str, message: str) -> None:
    assert code == 2, out
    assert out == ""
    assert message in err, err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_inputs_from_a_file_and_from_standard_input(tmp_path: Path) -> None:
    payload = {"x": [1, 2, 3, 4], "y": [2, 4, 5, 8], "asked": "slope"}
    path = tmp_path / "pairs.json"
    path.write_text(json.dumps(payload))
    code, out, _ = solve("statistics.linear_regression", "--input", f"@{path}")
    assert code == 0
    assert answer_of(out) == 1.9
    code, out, _ = solve("statistics.linear_regression", "--input", "-", stdin=json.dumps(payload))
    assert code == 0
    assert answer_of(out) == 1.9


def test_long_decimals_in_json_are_read_exactly() -> None:
    data = "[1000000000000.4, 1000000000000.3, 1000000000000.5, 1000000000000.3000001]"
    code, out, _ = solve("statistics.sample_mean_proportion", "--input", f'{{"data": {data}}}')
    assert code == 0
    assert answer_of(out) == pytest.approx(1000000000000.375000025, rel=1e-16)


def test_a_csv_file_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "heights.csv"
    path.write_text("name,height,weight\nAna,1.5,60\nBo,1.6,62\nCy,1.8,75.5\nDu,1.7,70\n")
    code, out, _ = solve(
        "statistics.linear_regression",
        "--csv",
        str(path),
        "--columns",
        "height,weight",
        "--input",
        '{"asked": "slope"}',
    )
    assert code == 0
    assert answer_of(out) == pytest.approx(
        np.polyfit([1.5, 1.6, 1.8, 1.7], [60, 62, 75.5, 70], 1)[0]
    )
    swapped = solve(
        "statistics.linear_regression", "--csv", str(path), "--columns", "y=height,x=weight"
    )
    assert answer_of(swapped[1]) == pytest.approx(
        np.polyfit([60, 62, 75.5, 70], [1.5, 1.6, 1.8, 1.7], 1)[0]
    )


def test_groups_from_a_csv_in_long_form_and_in_wide_form(tmp_path: Path) -> None:
    long_form = tmp_path / "long.csv"
    long_form.write_text("score;team\n1;a\n2;a\n3;b\n5;b\n4;c\n9;c\n7;c\n")
    code, out, _ = solve(
        "statistics.anova", "--csv", str(long_form), "--columns", "score", "--by", "team"
    )
    assert code == 0
    wide = tmp_path / "wide.csv"
    wide.write_text("a,b,c\n1,3,4\n2,5,9\n,,7\n")
    code_wide, out_wide, _ = solve("statistics.anova", "--csv", str(wide), "--columns", "a,b,c")
    assert code_wide == 0
    assert answer_of(out) == answer_of(out_wide)
    from scipy import stats

    assert answer_of(out) == pytest.approx(stats.f_oneway([1, 2], [3, 5], [4, 9, 7]).statistic)


@pytest.mark.parametrize(
    ("csv", "args", "message"),
    [
        ("a,b\n1,2\n", ["--columns", "a,c"], "the CSV has no column 'c'; its columns are: a, b"),
        ("a,b\n1,2\n3,x\n4,5\n", ["--columns", "a,b"], "column 'b', row 3: 'x' is not a number"),
        ("a,b\n1,2\n3,\n", ["--columns", "a,b"], "column 'b', row 3: the cell is empty"),
        ("a,b\n1,2\n", ["--columns", "a,b,a"], "3 columns given, but this skill takes 2"),
        ("a,b\n1,2\n", [], "with --csv, name the columns to use"),
    ],
)
def test_csv_problems_are_one_line(tmp_path: Path, csv: str, args: list[str], message: str) -> None:
    path = tmp_path / "data.csv"
    path.write_text(csv)
    code, out, err = solve("statistics.linear_regression", "--csv", str(path), *args)
    one_line_error(code, out, err, message)


def test_a_skill_without_data_says_so(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("a\n1\n")
    code, out, err = solve("linalg.determinant_2x2", "--csv", str(path), "--columns", "a")
    one_line_error(code, out, err, "takes no data set")


def test_past_the_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w") as f:
        f.write("x,y\n")
        f.writelines("1,2\n" for _ in range(MAX_DATA_POINTS + 5))
    start = time.perf_counter()
    code, out, err = solve("statistics.linear_regression", "--csv", str(path), "--columns", "x,y")
    one_line_error(code, out, err, f"more than {MAX_DATA_POINTS:,} rows")
    assert time.perf_counter() - start < 10
    too_many = json.dumps({"data": [1] * (MAX_DATA_POINTS + 1)})
    code, out, err = solve("statistics.sample_mean_proportion", "--input", "-", stdin=too_many)
    one_line_error(code, out, err, f"more than the {MAX_DATA_POINTS:,} accepted")


def test_missing_file_and_bad_json_file(tmp_path: Path) -> None:
    code, out, err = solve("statistics.anova", "--input", f"@{tmp_path / 'nope.json'}")
    one_line_error(code, out, err, "cannot read")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, out, err = solve("statistics.anova", "--input", f"@{bad}")
    one_line_error(code, out, err, "is not valid JSON")


def write_regression(path: Path, rows: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(5)
    x = np.round(rng.uniform(0, 100, rows), 2)
    y = np.round(1e12 + 0.3 * x + rng.normal(0, 1, rows), 3)
    with path.open("w") as f:
        f.write("x,y\n")
        f.writelines(f"{a:.2f},{b:.3f}\n" for a, b in zip(x, y, strict=True))
    return x, y


def test_a_regression_on_100000_rows_of_csv_from_the_installed_command(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    write_regression(path, 100_000)
    command = [sys.executable, "-m", "mlmath", "solve", "statistics.linear_regression"]
    command += ["--csv", str(path), "--columns", "x,y", "--input", '{"asked": "slope_se"}']
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    elapsed = time.perf_counter() - start
    result = json.loads(done.stdout)
    assert result["answer"] > 0
    assert len(result["steps"]) < 10, "the steps are a summary, not one per row"
    assert elapsed < 10  # about 0.6 s on an idle machine, start-up included


def test_fifty_groups_of_unequal_sizes(tmp_path: Path) -> None:
    rng = np.random.default_rng(8)
    groups = [
        np.round(rng.normal(10 + g / 25, 1, int(rng.integers(20, 400))), 1) for g in range(50)
    ]
    path = tmp_path / "groups.json"
    path.write_text(json.dumps({"groups": [g.tolist() for g in groups], "asked": "p_value"}))
    code, out, _ = solve("statistics.anova", "--input", f"@{path}", "--format", "text")
    assert code == 0
    assert "… 39 more rows" in out
    from scipy import stats

    assert float(out.rsplit("Answer: ", 1)[1]) == pytest.approx(
        stats.f_oneway(*groups).pvalue, rel=1e-5
    )


def large_inputs() -> list[tuple[str, dict[str, object]]]:
    rng = np.random.default_rng(21)
    x = np.round(rng.uniform(0, 100, 5000), 2).tolist()
    y = np.round(rng.normal(1e12, 1, 5000), 3).tolist()
    groups = [np.round(rng.normal(g, 1, 30 + g), 1).tolist() for g in range(50)]
    return [
        ("statistics.linear_regression", {"x": x, "y": y, "asked": "p_value"}),
        ("statistics.prediction_interval", {"x": x, "y": y, "x_new": 50, "confidence": 0.95}),
        ("statistics.anova", {"groups": groups, "asked": "p_value"}),
        ("statistics.t_test", {"data": y, "null": 1e12, "asked": "p_value"}),
        ("statistics.mle_gaussian", {"data": y, "asked": "sd"}),
        ("probability.variance", {"data": x, "kind": "sample", "measure": "variance"}),
        ("probability.covariance", {"x": x, "y": y, "measure": "correlation"}),
        ("probability.central_tendency", {"data": [*map(round, x), *[50] * 200], "asked": "mode"}),
        ("probability.quantiles", {"data": x, "asked": "IQR"}),
        (
            "probability.event_probability",
            {"sides": 6, "dice": 10, "comparison": ">=", "target": 40},
        ),
    ]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run KaTeX")
def test_summarised_steps_of_large_data_render_in_katex(tmp_path: Path) -> None:
    from tests.exercises.test_katex import KATEX, step_formulas

    from mlmath.engine import render
    from mlmath.exercises.registry import get

    items = []
    for skill_id, raw in large_inputs():
        skill = get(skill_id)
        solution = skill.solve(skill.read_inputs(raw))
        items += step_formulas(solution.steps, skill_id)
        text = render.solution_text(solution)
        assert len(text.splitlines()) < 60, f"{skill_id}: the steps are not summarised"
    data = tmp_path / "formulas.json"
    data.write_text(json.dumps(items), encoding="utf-8")
    script = f"""
const katex = require({json.dumps(str(KATEX))});
for (const item of require({json.dumps(str(data))})) {{
  try {{ katex.renderToString(item.tex, {{displayMode: true, throwOnError: true, strict: "ignore",
                                          trust: false, maxExpand: 1000, maxSize: 50}}); }}
  catch (error) {{ console.log(item.where + ": " + error.message); }}
}}
"""
    result = subprocess.run(
        ["node", "-e", script], capture_output=True, text=True, timeout=300, check=True
    )
    assert result.stdout == "", result.stdout
