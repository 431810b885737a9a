"""Digits of agreement with the exact answer, on hard data: mlmath, SciPy and statsmodels.

Run:  .venv/bin/python benchmarks/accuracy.py [--skip-timing]

The data sets are built in the style of NIST's Statistical Reference Datasets — the same
patterns of tenths on a large common offset (NumAcc, SmLs), an AtmWtAg-like pair of
groups with eight significant digits, a regression on offset data — and their exact
answers are worked out here in Fractions (square roots in 50-digit decimals), since the
data are decimals. Each cell is −log10 of the relative error (17 means exact to the last
bit of a float); the issue's target is ≥ 10 for every statistic.

Then the time of the two largest jobs `mlmath solve` is asked for: a regression on a CSV of
100,000 rows and an ANOVA of 50 groups of unequal sizes.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Sequence
from decimal import Context, Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np

WIDE = Context(prec=50)


# --- exact references ------------------------------------------------------------------


def decimals(texts: Sequence[str]) -> list[Fraction]:
    return [Fraction(t) for t in texts]


def mean(xs: Sequence[Fraction]) -> Fraction:
    return sum(xs, Fraction()) / len(xs)


def squares(xs: Sequence[Fraction]) -> Fraction:
    m = mean(xs)
    return sum(((x - m) ** 2 for x in xs), Fraction())


def cross(xs: Sequence[Fraction], ys: Sequence[Fraction]) -> Fraction:
    mx, my = mean(xs), mean(ys)
    return sum(((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)), Fraction())


def root(x: Fraction) -> Decimal:
    return WIDE.divide(Decimal(x.numerator), Decimal(x.denominator)).sqrt(WIDE)


def ratio(top: Fraction | Decimal, bottom: Fraction | Decimal) -> Decimal:
    def dec(v: Fraction | Decimal) -> Decimal:
        if isinstance(v, Decimal):
            return v
        return WIDE.divide(Decimal(v.numerator), Decimal(v.denominator))

    return WIDE.divide(dec(top), dec(bottom))


def digits(value: float, exact: Fraction | Decimal) -> float:
    reference = Fraction(exact)
    if not math.isfinite(value):
        return 0.0
    if reference == 0:
        return 17.0 if value == 0 else 0.0
    error = abs(Fraction(value) - reference) / abs(reference)
    return 17.0 if error == 0 else min(17.0, max(0.0, -math.log10(error)))


# --- the data sets ---------------------------------------------------------------------


def numacc_like(offset: str, repeats: int) -> list[str]:
    """NumAcc-style: offset.2, then offset.1 and offset.3 alternating (mean offset.2)."""
    body = [f"{offset}.1", f"{offset}.3"] * repeats
    return [f"{offset}.2", *body]


def smls_like(offset: int, per_group: int) -> list[list[str]]:
    """SmLs-style: 9 groups; group 1 is x.4, x.3, x.5, …; the others x.3, x.2, x.4, … and
    x.5, x.4, x.6, … in turn (x the offset)."""
    base = Fraction(offset)

    def group(centre: str) -> list[str]:
        c = Fraction(centre)
        tenths = [c, *([c - Fraction(1, 10), c + Fraction(1, 10)] * ((per_group - 1) // 2))]
        return [_text(base + v) for v in tenths]

    return [group("1.4"), *(group("1.3" if g % 2 else "1.5") for g in range(1, 9))]


def atmwtag_like() -> list[list[str]]:
    """Two instruments, 24 readings each, eight significant digits around 107.868."""
    rng = np.random.default_rng(1985)
    groups = []
    for centre in (1078681, 1078682):
        groups.append(
            [_text(Fraction(centre * 1000 + int(t), 10**7)) for t in rng.integers(-40, 40, 24)]
        )
    return groups


def regression_like(offset: int, n: int) -> tuple[list[str], list[str]]:
    """y = 0.3·x + noise on x = offset + i/10, both with a large common offset."""
    rng = np.random.default_rng(7)
    xs = [Fraction(offset) + Fraction(i, 10) for i in range(n)]
    ys = [
        Fraction(offset) + 3 * (x - offset) / 10 + Fraction(int(e), 100)
        for x, e in zip(xs, rng.integers(-50, 50, n), strict=True)
    ]
    return [_text(x) for x in xs], [_text(y) for y in ys]


def _text(x: Fraction) -> str:
    whole, rest = divmod(x.numerator * 10**8 // x.denominator, 10**8)
    return f"{whole}.{rest:08d}".rstrip("0").rstrip(".")


# --- the three implementations -----------------------------------------------------------

Row = tuple[str, str, float, float, float]


def univariate_rows(name: str, texts: list[str]) -> list[Row]:
    from statsmodels.stats.weightstats import DescrStatsW

    from mlmath.engine.statistics.hypothesis_tests import t_test
    from mlmath.engine.statistics.intervals import data_summary

    xs = decimals(texts)
    floats = np.array([float(t) for t in texts])
    n = len(xs)
    var = squares(xs) / (n - 1)
    null = mean(xs) - Fraction(1, 100)
    m, s, _ = data_summary(floats.tolist())
    ours_t = t_test(m, null, s, n, alternative="two-sided", asked="statistic").answer
    from scipy import stats

    described = DescrStatsW(floats, ddof=1)
    t_exact = ratio(mean(xs) - null, root(var / n))
    return [
        (name, "mean", digits(float(m), mean(xs)), digits(float(np.mean(floats)), mean(xs)),
         digits(float(described.mean), mean(xs))),
        (name, "sd", digits(s, root(var)), digits(float(np.std(floats, ddof=1)), root(var)),
         digits(float(described.std), root(var))),
        (name, "t", digits(ours_t, t_exact),
         digits(float(stats.ttest_1samp(floats, float(null)).statistic), t_exact),
         digits(float(described.ttest_mean(float(null))[0]), t_exact)),
    ]  # fmt: skip


def anova_rows(name: str, groups_text: list[list[str]]) -> list[Row]:
    from scipy import stats
    from statsmodels.stats.oneway import anova_oneway

    from mlmath.engine.statistics.anova import one_way_anova

    groups = [decimals(g) for g in groups_text]
    k, n = len(groups), sum(len(g) for g in groups)
    grand = sum((sum(g, Fraction()) for g in groups), Fraction()) / n
    ssb = sum((len(g) * (mean(g) - grand) ** 2 for g in groups), Fraction())
    ssw = sum((squares(g) for g in groups), Fraction())
    f_exact = (ssb / (k - 1)) / (ssw / (n - k))
    as_floats = [np.array([float(t) for t in g]) for g in groups_text]
    ours = one_way_anova([g.tolist() for g in as_floats], "f").answer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scipy_f = float(stats.f_oneway(*as_floats).statistic)
        statsmodels_f = float(anova_oneway(as_floats, use_var="equal").statistic)
    return [
        (name, "F", digits(ours, f_exact), digits(scipy_f, f_exact), digits(statsmodels_f, f_exact))
    ]


def regression_rows(name: str, x_text: list[str], y_text: list[str]) -> list[Row]:
    import statsmodels.api as sm
    from scipy import stats

    from mlmath.engine.statistics.regression import line_fit

    xs, ys = decimals(x_text), decimals(y_text)
    n = len(xs)
    sxx, syy, sxy = squares(xs), squares(ys), cross(xs, ys)
    slope = sxy / sxx
    intercept = mean(ys) - slope * mean(xs)
    sse = syy - slope * sxy
    s2 = sse / (n - 2)
    exact = {
        "slope": slope,
        "intercept": intercept,
        "SE(slope)": root(s2 / sxx),
        "SE(intercept)": root(s2 * (Fraction(1, n) + mean(xs) ** 2 / sxx)),
        "R²": sxy * sxy / (sxx * syy),
    }
    x, y = np.array([float(t) for t in x_text]), np.array([float(t) for t in y_text])
    fit = line_fit(x.tolist(), y.tolist())
    ours = {
        "slope": float(fit.slope),
        "intercept": float(fit.intercept),
        "SE(slope)": fit.slope_se,
        "SE(intercept)": fit.intercept_se,
        "R²": float(fit.r_squared),
    }
    reference = stats.linregress(x, y)
    scipy_values = {
        "slope": reference.slope,
        "intercept": reference.intercept,
        "SE(slope)": reference.stderr,
        "SE(intercept)": reference.intercept_stderr,
        "R²": reference.rvalue**2,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels warns the offset design is near singular
        ols = sm.OLS(y, sm.add_constant(x)).fit()
    statsmodels_values = {
        "slope": ols.params[1],
        "intercept": ols.params[0],
        "SE(slope)": ols.bse[1],
        "SE(intercept)": ols.bse[0],
        "R²": ols.rsquared,
    }
    return [
        (
            name,
            key,
            digits(ours[key], exact[key]),
            digits(float(scipy_values[key]), exact[key]),
            digits(float(statsmodels_values[key]), exact[key]),
        )
        for key in exact
    ]


def welch_rows(name: str, a_text: list[str], b_text: list[str]) -> list[Row]:
    from scipy import stats
    from statsmodels.stats.weightstats import ttest_ind

    from mlmath.engine.statistics.hypothesis_tests import welch_test
    from mlmath.engine.statistics.intervals import data_summary

    a, b = decimals(a_text), decimals(b_text)
    va, vb = squares(a) / (len(a) - 1) / len(a), squares(b) / (len(b) - 1) / len(b)
    exact = ratio(mean(b) - mean(a), root(va + vb))
    fa, fb = np.array([float(t) for t in a_text]), np.array([float(t) for t in b_text])
    ma, sa, _ = data_summary(fa.tolist())
    mb, sb, _ = data_summary(fb.tolist())
    ours = welch_test(
        (ma, sa, len(a)), (mb, sb, len(b)), alternative="two-sided", asked="statistic"
    )
    scipy_t = float(stats.ttest_ind(fb, fa, equal_var=False).statistic)
    statsmodels_t = float(ttest_ind(fb, fa, usevar="unequal")[0])
    return [
        (
            name,
            "Welch t",
            digits(ours.answer, exact),
            digits(scipy_t, exact),
            digits(statsmodels_t, exact),
        )
    ]


# --- timing ----------------------------------------------------------------------------


def timed_solve(args: list[str]) -> tuple[float, float]:
    """Wall time and CPU time of the installed command, start-up included (best of three;
    on a shared machine the CPU time is the steadier of the two)."""
    best_wall = best_cpu = math.inf
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mlmath", "solve", *args],
            check=True,
            capture_output=True,
            timeout=120,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def timing_lines() -> list[str]:
    from mlmath.engine.statistics.anova import one_way_anova
    from mlmath.engine.statistics.columns import Column
    from mlmath.engine.statistics.regression import linear_regression

    rng = np.random.default_rng(100)
    x = np.round(rng.uniform(0, 100, 100_000), 2)
    y = np.round(1e12 + 0.3 * x + rng.normal(0, 1, x.size), 3)
    sizes = rng.integers(20, 4000, 50)
    groups = [np.round(1e6 + g / 100 + rng.normal(0, 1, s), 2) for g, s in enumerate(sizes)]
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "rows.csv"
        with table.open("w") as f:
            f.write("x,y\n")
            f.writelines(f"{a:.2f},{b:.3f}\n" for a, b in zip(x, y, strict=True))
        start = time.process_time()
        linear_regression(Column.of(x), Column.of(y), "p_value")
        engine = time.process_time() - start
        wall, cpu = timed_solve(
            ["statistics.linear_regression", "--csv", str(table), "--columns", "x,y",
             "--input", '{"asked": "p_value"}', "--format", "text"]
        )  # fmt: skip
        lines.append(
            f"regression, 100,000 rows of CSV:  engine {engine:.3f} s CPU;  "
            f"`mlmath solve --csv` {wall:.2f} s wall, {cpu:.2f} s CPU, start-up included"
        )
        payload = Path(folder) / "groups.json"
        payload.write_text(json.dumps({"groups": [g.tolist() for g in groups], "asked": "p_value"}))
        start = time.process_time()
        one_way_anova([g.tolist() for g in groups], "p_value")
        engine = time.process_time() - start
        wall, cpu = timed_solve(["statistics.anova", "--input", f"@{payload}", "--format", "text"])
        lines.append(
            f"ANOVA, 50 groups of {sizes.min()} to {sizes.max()} values ({sizes.sum():,} in all):  "
            f"engine {engine:.3f} s CPU;  `mlmath solve --input @file` {wall:.2f} s wall, "
            f"{cpu:.2f} s CPU"
        )
    return lines


# --- the report --------------------------------------------------------------------------


def report(rows: list[Row]) -> str:
    width = max(len(r[0]) for r in rows) + 2
    head = f"{'data set':{width}}{'statistic':15}{'mlmath':>8}{'SciPy':>8}{'statsmodels':>13}"
    lines = [head, "-" * len(head)]
    for name, statistic, ours, scipy_digits, statsmodels_digits in rows:
        lines.append(
            f"{name:{width}}{statistic:15}{ours:8.1f}{scipy_digits:8.1f}{statsmodels_digits:13.1f}"
        )
    worst = min(r[2] for r in rows)
    lines.append("-" * len(head))
    lines.append(f"mlmath's fewest digits of agreement: {worst:.1f} (target ≥ 10)")
    return "\n".join(lines)


def all_rows() -> list[Row]:
    rows: list[Row] = []
    rows += univariate_rows("NumAcc1-like (3 values, 1e7)", ["10000001", "10000003", "10000002"])
    for offset, label in (("1", "NumAcc2"), ("1000000", "NumAcc3"), ("10000000", "NumAcc4")):
        rows += univariate_rows(f"{label}-like (1001, {offset}.x)", numacc_like(offset, 500))
    rows += univariate_rows("NumAcc-like (1001, 1e12 + x)", numacc_like("1000000000000", 500))
    for i, (offset, per_group) in enumerate(
        (o, p) for o in (0, 1_000_000, 1_000_000_000_000) for p in (21, 201, 2001)
    ):
        rows += anova_rows(
            f"SmLs0{i + 1}-like (9×{per_group}, +{offset:.0e})", smls_like(offset, per_group)
        )
    rows += anova_rows("AtmWtAg-like (2×24, 8 digits)", atmwtag_like())
    for offset in (0, 1_000_000, 1_000_000_000_000):
        x, y = regression_like(offset, 500)
        rows += regression_rows(f"line (500, +{offset:.0e})", x, y)
    a = numacc_like("1000000000000", 100)
    b = [_text(Fraction(t) + Fraction(3, 100)) for t in numacc_like("1000000000000", 60)]
    rows += welch_rows("two groups (201 and 121, 1e12 + x)", a, b)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-timing", action="store_true", help="only the digits table")
    options = parser.parse_args()
    print(report(all_rows()))
    if not options.skip_timing:
        print()
        for line in timing_lines():
            print(line)


if __name__ == "__main__":
    main()
