"""The explain page on the learner's own data: pasted columns, CSV uploaded or pasted,
large data sets answered with summarised steps, and one-line errors past a limit."""

from __future__ import annotations

import html
import time

import numpy as np
from tests.fixtures.client import Client
from tests.web.conftest import csrf

from mlmath.exercises.inputs import MAX_DATA_POINTS

REGRESSION = "/explain/statistics.linear_regression"
ANOVA = "/explain/statistics.anova"


def post(single: Client, path: str, data: dict[str, str], files: dict | None = None) -> str:
    token = csrf(single.get(path).text)
    response = single.post(path, data={"csrf_token": token, **data}, files=files or {})
    assert response.status_code == 200, response.text[:500]
    return html.unescape(response.text)


def test_pasted_columns_are_read_as_typed(single: Client) -> None:
    page = post(
        single,
        REGRESSION,
        {"x": "1\n2\n3\n4", "y": "2, 4; 5\t8", "asked": "slope"},
    )
    assert "b1 = Sxy / Sxx = 1.9" in page
    assert 'role="alert"' not in page


def test_groups_pasted_one_per_line(single: Client) -> None:
    page = post(single, ANOVA, {"groups": "1 2 3.5\n4 5 6\n7 8 9.25 10", "asked": "f"})
    assert 'role="alert"' not in page
    assert "group 3" in page


def test_a_csv_upload_of_100000_rows_is_answered_quickly(single: Client) -> None:
    rng = np.random.default_rng(3)
    x = np.round(rng.uniform(0, 100, 100_000), 2)
    y = np.round(1e9 + 0.5 * x + rng.normal(0, 1, x.size), 2)
    body = "x,y\n" + "\n".join(f"{a:.2f},{b:.2f}" for a, b in zip(x, y, strict=True))
    start = time.perf_counter()
    page = post(
        single,
        REGRESSION,
        {"columns": "x, y", "asked": "r_squared"},
        files={"csv_file": ("data.csv", body.encode(), "text/csv")},
    )
    assert time.perf_counter() - start < 5  # a loaded shared test machine; ~0.3 s alone
    assert 'role="alert"' not in page
    assert "n = 100,000 pairs" in page
    assert page.count("<li") < 60, "the steps are a summary, not one line per row"


def test_pasted_csv_with_groups_in_long_form(single: Client) -> None:
    table = "score,team\n" + "\n".join(f"{10 + i % 7},{'abc'[i % 3]}" for i in range(40))
    page = post(single, ANOVA, {"csv_text": table, "columns": "score", "by": "team"})
    assert 'role="alert"' not in page
    assert "k = 3 groups" in page


def test_a_missing_column_is_one_clear_line(single: Client) -> None:
    page = post(single, REGRESSION, {"csv_text": "a,b\n1,2\n2,3\n3,5\n", "columns": "a,c"})
    assert "the CSV has no column 'c'; its columns are: a, b" in page


def test_too_many_values_is_refused_with_a_message(single: Client) -> None:
    too_many = ",".join("1" for _ in range(MAX_DATA_POINTS + 1))
    page = post(
        single, REGRESSION, {"csv_text": "x\n" + too_many.replace(",", "\n"), "columns": "x,x"}
    )
    assert f"more than {MAX_DATA_POINTS:,} rows" in page


def test_get_links_still_work(single: Client) -> None:
    page = html.unescape(single.get(REGRESSION, params={"x": "1 2 3", "y": "2 4 7"}).text)
    assert 'role="alert"' not in page
    assert "b1 = Sxy / Sxx" in page
