"""The statistics skills on hand-picked inputs: every accepted form of a right answer, and
the named mistakes real beginners make, each diagnosed by name."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from mlmath.exercises.registry import all_skills, get

DATA = [4.1, 5.2, 6.3, 5.5, 4.9]
AB = {"successes_a": 100, "n_a": 1000, "successes_b": 130, "n_b": 1000}

LINE = {"x": [1, 2, 3, 4], "y": [2, 4, 5, 8]}
"""Slope 1.9, intercept 0, R² = 361/375 (Sxx = 5, Sxy = 9.5, Syy = 18.75)."""

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows (or "correct")
    # z and t critical values and p-values as scipy.stats.norm.ppf / t.ppf / t.sf give them
    ("statistics.critical_value", {"alpha": 0.05}, "1.96", "correct"),
    ("statistics.critical_value", {"alpha": 0.05}, "1.645", "one_tail_for_two"),
    (
        "statistics.critical_value",
        {"alpha": 0.05, "alternative": "greater", "df": 9},
        "1.833",
        "correct",
    ),
    (
        "statistics.critical_value",
        {"alpha": 0.05, "alternative": "greater", "df": 9},
        "2.262",
        "two_tails_for_one",
    ),
    (
        "statistics.critical_value",
        {"alpha": 0.05, "alternative": "greater", "df": 9},
        "1.645",
        "z_for_t",
    ),
    ("statistics.t_p_value", {"t": 2.1, "n": 10}, "0.0651", "correct"),
    ("statistics.t_p_value", {"t": 2.1, "n": 10}, "0.0326", "one_tail_for_two"),
    ("statistics.t_p_value", {"t": 2.1, "n": 10}, "0.0357", "normal_for_t"),
    # n = ⌈(1.96·15/3)²⌉ = ⌈96.04⌉
    ("statistics.sample_size", {"margin": 3, "confidence": 0.95, "sd": 15}, "97", "correct"),
    ("statistics.sample_size", {"margin": 3, "confidence": 0.95, "sd": 15}, "96", "rounded_down"),
    ("statistics.sample_size", {"margin": 3, "confidence": 0.95, "sd": 15}, "10", "not_squared"),
    # 1 − 0.95¹⁰
    ("statistics.familywise_error", {"alpha": 0.05, "tests": 10}, "0.4013", "correct"),
    ("statistics.familywise_error", {"alpha": 0.05, "tests": 10}, "40.13%", "correct"),
    ("statistics.familywise_error", {"alpha": 0.05, "tests": 10}, "0.5", "added_alphas"),
    ("statistics.familywise_error", {"alpha": 0.05, "tests": 10}, "0.05", "alpha_unchanged"),
    (
        "statistics.sample_mean_proportion",
        {"asked": "proportion", "successes": 8, "n": 40},
        "0.2",
        "correct",
    ),
    (
        "statistics.sample_mean_proportion",
        {"asked": "proportion", "successes": 8, "n": 40},
        "20%",
        "correct",
    ),
    (
        "statistics.sample_mean_proportion",
        {"asked": "proportion", "successes": 8, "n": 40},
        "8",
        "count_not_share",
    ),
    ("statistics.sample_mean_proportion", {"data": [4, 8, 6, 2]}, "6.67", "divided_by_n_minus_1"),
    ("statistics.standard_error", {"sd": 8, "n": 16}, "2", "correct"),
    ("statistics.standard_error", {"sd": 8, "n": 16}, "0.5", "forgot_root"),
    ("statistics.standard_error", {"sd": 8, "n": 16}, "8", "population_sd"),
    # 8/√15 ≈ 2.066 for 8/√16 = 2; for a proportion √(0.25/99) ≈ 0.0503 for 0.0500
    ("statistics.standard_error", {"sd": 8, "n": 16}, "2.066", "root_n_minus_1"),
    ("statistics.standard_error", {"p": 0.5, "n": 100}, "0.0503", "root_n_minus_1"),
    (
        "statistics.clt_probability",
        {"mean": 170, "sd": 8, "n": 16, "threshold": 173, "side": "above"},
        "0.067",
        "correct",
    ),
    (
        "statistics.clt_probability",
        {"mean": 170, "sd": 8, "n": 16, "threshold": 173, "side": "above"},
        "0.354",
        "used_sigma",
    ),
    ("statistics.biased_estimator", {"data": [4, 8, 6, 2]}, "20/3", "correct"),
    ("statistics.biased_estimator", {"data": [4, 8, 6, 2]}, "6.67", "correct"),
    ("statistics.biased_estimator", {"data": [4, 8, 6, 2]}, "5", "divided_by_n"),
    (
        "statistics.biased_estimator",
        {"asked": "expected_plug_in", "variance": 36, "n": 4},
        "27",
        "correct",
    ),
    (
        "statistics.biased_estimator",
        {"asked": "expected_plug_in", "variance": 36, "n": 4},
        "36",
        "thought_unbiased",
    ),
    (
        "statistics.likelihood",
        {"model": "bernoulli", "successes": 3, "n": 5, "p": 0.6},
        "0.03456",
        "correct",
    ),
    (
        "statistics.likelihood",
        {"model": "bernoulli", "successes": 3, "n": 5, "p": 0.6},
        "0.02304",
        "swapped",
    ),
    (
        "statistics.likelihood",
        {"model": "bernoulli", "successes": 3, "n": 5, "p": 0.6},
        "0.3456",
        "with_coefficient",
    ),
    ("statistics.mle_bernoulli", {"successes": 7, "n": 10}, "0.7", "correct"),
    ("statistics.mle_bernoulli", {"successes": 7, "n": 10}, "0.3", "failure_share"),
    ("statistics.mle_gaussian", {"data": [2, 4, 9], "asked": "variance"}, "8.67", "correct"),
    (
        "statistics.mle_gaussian",
        {"data": [2, 4, 9], "asked": "variance"},
        "13",
        "divided_by_n_minus_1",
    ),
    (
        "statistics.lda_threshold",
        {"mean_a": 30, "mean_b": 40, "sd": 4, "prior_a": 0.7},
        "36.36",
        "correct",
    ),
    (
        "statistics.lda_threshold",
        {"mean_a": 30, "mean_b": 40, "sd": 4, "prior_a": 0.7},
        "35",
        "ignored_priors",
    ),
    (
        "statistics.lda_threshold",
        {"mean_a": 30, "mean_b": 40, "sd": 4, "prior_a": 0.7},
        "33.64",
        "swapped_priors",
    ),
    (
        "statistics.naive_bayes_posterior",
        {
            "prior": 0.4,
            "likelihoods_yes": [0.8, 0.3],
            "likelihoods_no": [0.1, 0.2],
            "present": [1, 0],
        },
        "0.824",
        "correct",
    ),
    (
        "statistics.naive_bayes_posterior",
        {
            "prior": 0.4,
            "likelihoods_yes": [0.8, 0.3],
            "likelihoods_no": [0.1, 0.2],
            "present": [1, 0],
        },
        "0.224",
        "not_normalised",
    ),
    (
        "statistics.posterior_update",
        {"hypotheses": [0.5, 0.8], "prior": [0.5, 0.5], "successes": 3, "n": 3, "which": 2},
        "0.804",
        "correct",
    ),
    (
        "statistics.posterior_update",
        {"hypotheses": [0.5, 0.8], "prior": [0.5, 0.5], "successes": 3, "n": 3, "which": 2},
        "0.512",
        "likelihood_as_posterior",
    ),
    (
        "statistics.bayesian_estimators",
        {"a": 2, "b": 2, "successes": 7, "n": 10},
        "9/14",
        "correct",
    ),
    (
        "statistics.bayesian_estimators",
        {"a": 2, "b": 2, "successes": 7, "n": 10},
        "0.667",
        "mean_map_swapped",
    ),
    (
        "statistics.bayesian_estimators",
        {"a": 2, "b": 2, "successes": 7, "n": 10},
        "0.7",
        "ignored_prior",
    ),
    ("statistics.margin_of_error", {"sd": 3, "n": 25, "confidence": 0.95}, "1.18", "correct"),
    (
        "statistics.margin_of_error",
        {"sd": 3, "n": 25, "confidence": 0.95},
        "0.99",
        "one_sided_critical",
    ),
    ("statistics.margin_of_error", {"sd": 3, "n": 25, "confidence": 0.95}, "0.24", "forgot_root"),
    (
        "statistics.confidence_interval_mean",
        {"data": DATA, "confidence": 0.95},
        "(4.20, 6.20)",
        "correct",
    ),
    (
        "statistics.confidence_interval_mean",
        {"data": DATA, "confidence": 0.95},
        "[4.2, 6.2]",
        "correct",
    ),
    (
        "statistics.confidence_interval_mean",
        {"data": DATA, "confidence": 0.95},
        "(4.49, 5.91)",
        "z_for_t",
    ),
    (
        "statistics.confidence_interval_mean",
        {"data": DATA, "confidence": 0.95},
        "(4.30, 6.10)",
        "divided_by_n",
    ),
    (
        "statistics.confidence_interval_mean",
        {"mean": 20.3, "sd": 3, "n": 25, "confidence": 0.95, "sd_known": "yes"},
        "(19.31, 21.29)",
        "one_sided_critical",
    ),
    (
        "statistics.confidence_interval_proportion",
        {"successes": 40, "n": 100, "confidence": 0.95},
        "(0.304, 0.496)",
        "correct",
    ),
    (
        "statistics.confidence_interval_proportion",
        {"successes": 40, "n": 100, "confidence": 0.95},
        "(0.395, 0.405)",
        "forgot_root",
    ),
    (
        "statistics.regression_slope_interval",
        {"x": [1, 2, 3, 4, 5], "y": [3, 5, 6, 9, 10], "confidence": 0.95},
        "(1.28, 2.32)",
        "correct",
    ),
    (
        "statistics.regression_slope_interval",
        {"x": [1, 2, 3, 4, 5], "y": [3, 5, 6, 9, 10], "confidence": 0.95},
        "(1.48, 2.12)",
        "z_for_t",
    ),
    ("statistics.type_errors", {"h0_true": "yes", "rejected": "yes"}, "type_i", "correct"),
    ("statistics.type_errors", {"h0_true": "yes", "rejected": "yes"}, "type_ii", "swapped_types"),
    ("statistics.type_errors", {"h0_true": "no", "rejected": "yes"}, "type_i", "named_by_decision"),
    ("statistics.type_errors", {"asked": "p_value", "p": 0.03}, "prob_data", "correct"),
    ("statistics.type_errors", {"asked": "p_value", "p": 0.03}, "prob_h0", "p_value_as_posterior"),
    ("statistics.z_test", {"mean": 103, "null": 100, "sd": 15, "n": 100}, "0.0455", "correct"),
    (
        "statistics.z_test",
        {"mean": 103, "null": 100, "sd": 15, "n": 100},
        "0.0228",
        "one_sided_for_two",
    ),
    (
        "statistics.z_test",
        {"mean": 103, "null": 100, "sd": 15, "n": 100, "alternative": "greater"},
        "0.0455",
        "two_sided_for_one",
    ),
    (
        "statistics.z_test",
        {"mean": 103, "null": 100, "sd": 15, "n": 100, "alternative": "greater"},
        "0.9772",
        "wrong_tail",
    ),
    ("statistics.t_test", {"mean": 5.4, "null": 5, "sd": 0.8, "n": 16}, "0.0639", "correct"),
    ("statistics.t_test", {"mean": 5.4, "null": 5, "sd": 0.8, "n": 16}, "0.0455", "z_for_t"),
    ("statistics.proportion_test", {"successes": 52, "n": 400, "null": 0.1}, "0.0455", "correct"),
    (
        "statistics.proportion_test",
        {"successes": 52, "n": 400, "null": 0.1},
        "0.0228",
        "one_sided_for_two",
    ),
    (
        "statistics.two_sample_test",
        {
            "mean_a": 20,
            "sd_a": 2,
            "n_a": 10,
            "mean_b": 23,
            "sd_b": 6,
            "n_b": 30,
            "asked": "statistic",
        },
        "2.37",
        "correct",
    ),
    (
        "statistics.two_sample_test",
        {
            "mean_a": 20,
            "sd_a": 2,
            "n_a": 10,
            "mean_b": 23,
            "sd_b": 6,
            "n_b": 30,
            "asked": "statistic",
        },
        "1.54",
        "pooled",
    ),
    ("statistics.ab_test", AB, "0.0355", "correct"),
    ("statistics.ab_test", AB, "3.55%", "correct"),
    ("statistics.ab_test", AB, "0.0177", "one_sided_for_two"),
    ("statistics.ab_test", {**AB, "asked": "statistic"}, "2.10", "correct"),
    ("statistics.anova", {"groups": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}, "27", "correct"),
    (
        "statistics.anova",
        {"groups": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]},
        "9",
        "no_degrees_of_freedom",
    ),
    ("statistics.power", {"null": 100, "true_mean": 105, "sd": 15, "n": 36}, "0.639", "correct"),
    ("statistics.power", {"null": 100, "true_mean": 105, "sd": 15, "n": 36}, "0.361", "gave_beta"),
    (
        "statistics.prediction_interval",
        {"x": [1, 2, 3, 4, 5], "y": [3, 5, 6, 9, 10], "x_new": 3, "confidence": 0.95},
        "(4.80, 8.40)",
        "correct",
    ),
    ("statistics.linear_regression", {**LINE, "asked": "slope"}, "1.900", "correct"),
    ("statistics.linear_regression", {**LINE, "asked": "slope"}, "0.507", "swapped"),
    ("statistics.linear_regression", {**LINE, "asked": "intercept"}, "4.75", "intercept_is_mean"),
    ("statistics.linear_regression", {**LINE, "asked": "r_squared"}, "0.963", "correct"),
    ("statistics.linear_regression", {**LINE, "asked": "r_squared"}, "0.981", "r_for_r_squared"),
]


@pytest.mark.parametrize(("skill_id", "raw", "response", "expected"), CASES)
def test_responses_get_their_verdict_and_their_named_mistake(
    skill_id: str, raw: dict[str, Any], response: str, expected: str
) -> None:
    skill = get(skill_id)
    params = skill.read_inputs(raw)
    feedback = skill.grade(params, response)
    if expected == "correct":
        assert feedback.verdict == "correct", feedback
    else:
        assert feedback.verdict == "incorrect", feedback
        assert feedback.misconception is not None, feedback
        assert feedback.misconception.id == expected


def test_every_statistics_skill_has_a_hand_picked_case() -> None:
    skills = {s for s in all_skills() if s.startswith("statistics.")}
    assert skills <= {case[0] for case in CASES}


def test_the_command_line_example_of_the_brief() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlmath",
            "solve",
            "statistics.confidence_interval_mean",
            "--input",
            json.dumps({"data": DATA, "confidence": 0.95}),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    solution = json.loads(result.stdout)
    assert [round(v, 2) for v in solution["answer"]] == [4.2, 6.2]
    assert any(
        "Student's t with 4 degrees of freedom" in step["rule"] for step in solution["steps"]
    )


@pytest.mark.parametrize(
    ("skill_id", "raw", "message"),
    [
        ("statistics.confidence_interval_mean", {"data": [4.1], "confidence": 0.95}, "at least 2"),
        (
            "statistics.confidence_interval_mean",
            {"mean": 3, "sd": 1, "n": 9, "confidence": 95},
            "between 0 and 1",
        ),
        (
            "statistics.posterior_update",
            {"hypotheses": [0.5, 0.8], "prior": [0.5, 0.7], "successes": 1, "n": 2},
            "add up to 1",
        ),
        ("statistics.anova", {"groups": [[1, 1], [2, 2]]}, "no spread"),
        ("statistics.lda_threshold", {"mean_a": 3, "mean_b": 3, "sd": 1}, "must differ"),
        (
            "statistics.ab_test",
            {"successes_a": 0, "n_a": 10, "successes_b": 0, "n_b": 10},
            "nothing to test",
        ),
    ],
)
def test_impossible_inputs_get_one_line_for_a_person(
    skill_id: str, raw: dict[str, Any], message: str
) -> None:
    from mlmath.exercises.inputs import InputError

    with pytest.raises(InputError, match=message) as error:
        get(skill_id).read_inputs(raw)
    assert "\n" not in str(error.value)


def test_checking_stays_fast_and_off_scipy_stats() -> None:
    """A variant and a check take well under 5 ms, without importing scipy.stats."""
    import time

    code = (
        "import sys, time\n"
        "from mlmath.exercises.registry import all_skills\n"
        "worst = 0.0\n"
        "for sid, s in all_skills().items():\n"
        "    if not sid.startswith('statistics.'): continue\n"
        "    for level in range(1, s.levels + 1):\n"
        "        s.grade(s.variant(0, level).params, '0.5')\n"
        "    start = time.perf_counter()\n"
        "    for seed in range(50):\n"
        "        s.grade(s.variant(seed, s.levels).params, '0.5')\n"
        "    worst = max(worst, (time.perf_counter() - start) / 50)\n"
        "print(worst, 'scipy.stats' in sys.modules)\n"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    worst, imported = result.stdout.split()
    assert float(worst) < 0.005, worst
    assert imported == "False"
    assert time.perf_counter() - start < 60
