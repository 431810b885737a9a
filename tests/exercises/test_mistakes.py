"""Mistakes computed, not only listed: the shared slips, wrong shapes, the rule tree, partly
right answers, and the hint that follows a named mistake."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.exercises.mistakes import (
    COMMON,
    Critical,
    Division,
    Percent,
    Product,
    PValue,
    SignFlipped,
    Transposed,
)
from mlmath.exercises.registry import all_skills, get
from mlmath.exercises.skill import Feedback

NUMBER = AnswerFormat(Kind.NUMBER)


def graded(skill_id: str, raw: dict[str, Any], response: str) -> Feedback:
    skill = get(skill_id)
    return skill.grade(skill.read_inputs(raw), response)


def named(skill_id: str, raw: dict[str, Any], response: str) -> str:
    feedback = graded(skill_id, raw, response)
    assert feedback.verdict == "incorrect", feedback
    assert feedback.misconception is not None, feedback
    return feedback.misconception.id


def test_every_shared_misconception_says_what_why_and_what_next() -> None:
    ids = [m.id for m in COMMON]
    assert len(ids) == len(set(ids))
    for m in COMMON:
        assert m.id.startswith("common.")
        assert m.name
        assert len(m.explanation) > 20
        assert m.hint


def test_slips_compute_their_wrong_answers() -> None:
    division = {m.misconception.id: m.answer for m in Division(12, 4, "n = 4").mistakes(3, NUMBER)}
    assert division == {
        "common.missing_division": 12,
        "common.extra_division": Fraction(3, 4),
        "common.multiplied_not_divided": 48,
    }
    a, b = Matrix.of([[1, 2], [3, 4]]), Matrix.of([[0, 1], [1, 0]])
    product = {m.misconception.id: m.answer for m in Product(a, b).mistakes(a @ b, NUMBER)}
    assert product["common.order_reversed"] == b @ a
    assert product["common.elementwise_product"] == Matrix.of([[0, 2], [3, 0]])
    assert [m.answer for m in SignFlipped().mistakes(Vector.of([1, -2]), NUMBER)] == [
        Vector.of([-1, 2])
    ]
    assert [m.answer for m in Transposed().mistakes(a, NUMBER)] == [a.transpose()]


def test_statistics_slips_cover_tails_z_and_t_and_df() -> None:
    fmt = AnswerFormat(Kind.NUMBER, decimals=4)
    ids = {m.misconception.id for m in PValue(2.1, "two-sided", 10).mistakes(0.06, fmt)}
    assert {"common.one_tail_for_two", "common.wrong_tail", "common.z_for_t"} <= ids
    assert {"common.wrong_df", "common.statistic_for_p"} <= ids
    critical = Critical(lambda c: c, 0.95, df=9).mistakes(2.262, fmt)
    values = {m.misconception.id: round(m.answer, 3) for m in critical}
    assert values["common.z_for_t"] == 1.96
    assert values["common.one_tail_for_two"] == 1.833


def test_a_percentage_typed_without_its_sign_is_compared_to_its_own_precision() -> None:
    fmt = AnswerFormat(Kind.NUMBER, decimals=4, percent_allowed=True)
    (percent, _) = Percent().mistakes(Fraction(27, 41), fmt)
    assert percent.precision is not None
    assert percent.precision.decimals == 2


DOT = {"u": [-2, -4, -1], "v": [-1, 5, 0]}


def test_a_vector_typed_for_a_dot_product_is_named_not_refused() -> None:
    assert named("linalg.dot_product", DOT, "(2, -20, 0)") == "common.products_not_added"


def test_a_matrix_of_products_typed_for_a_matrix_vector_product_is_named() -> None:
    raw = {"matrix": [[-4, -1, -1], [5, 0, 2]], "vector": [4, -3, -3]}
    typed = "[[-16, 3, 3], [20, 0, -6]]"
    assert named("linalg.matrix_vector_product", raw, typed) == "common.columns_not_added"


def test_one_number_typed_for_a_gradient_is_named_as_one_entry() -> None:
    raw = {"function": "-5x^2 - y^3 + x^2y^2 - 5", "point": [-2, -2]}
    feedback = graded("calculus.gradient", raw, "4")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "common.one_entry_only"
    assert "the first entry" in feedback.message


def test_a_skill_s_own_name_wins_over_a_shared_slip_with_the_same_answer() -> None:
    raw = {"matrix": [[4, 2], [-12, -6]]}
    assert named("linalg.eigenvalues", raw, "(2, 0)") == "sign_error"


def test_the_product_rule_slip_is_named_where_it_happened() -> None:
    feedback = graded("calculus.derivative_rules", {"function": "x*(3x + 6)"}, "3x + 6")
    assert feedback.misconception is not None
    assert feedback.misconception.name == (
        "Product rule on x·(3x + 6): you kept f′·g and dropped f·g′"
    )
    assert "1·(3x + 6) + x·3" in feedback.message


def test_a_rule_slip_inside_a_sum_is_located() -> None:
    raw = {"function": "e^(2x) + ln(x^2 + 1)"}
    feedback = graded("calculus.derivative_exp_log", raw, "e^(2x) + 2x/(x^2 + 1)")
    assert feedback.misconception is not None
    assert feedback.misconception.name.startswith("Chain rule on e^(2x)")


def test_a_partial_derivative_that_moves_the_other_variable_is_named() -> None:
    raw = {"function": "3x^2*y + y^3 - 2x*y", "variable": "x"}
    feedback = graded("calculus.partial_derivative", raw, "6x - 2")
    assert feedback.misconception is not None
    assert "the factor y was dropped" in feedback.misconception.name


def test_partly_right_answers_say_what_is_right() -> None:
    raw = {"matrix": [[-1, 8], [2, 6]], "rhs": [-24, -29], "variables": "x, y"}
    feedback = graded("linalg.solve_2x2", raw, "x = -4, y = -3")
    assert feedback.misconception is None
    assert "x is right; y is not" in feedback.message
    interval = {"confidence": 0.9, "mean": 19.5, "sd": 4.1, "n": 19, "sd_known": "no"}
    feedback = graded("statistics.confidence_interval_mean", interval, "(17.87, 25)")
    assert "The lower end is right" in feedback.message
    feedback = graded("calculus.derivative_basic", {"function": "-5x^2 - x^7 + 2"}, "-10x")
    assert "one term of the answer is missing" in feedback.message


def test_the_next_hint_after_a_named_mistake_addresses_it() -> None:
    skill = get("calculus.derivative_rules")
    params = skill.read_inputs({"function": "x*(3x + 6)"})
    feedback = skill.grade(params, "3x + 6")
    hints = skill.hints_after(params, feedback)
    assert "product rule on x·(3x + 6)" in hints[0]
    assert hints[1:] == skill.hints(params)
    assert skill.hints_after(params, skill.grade(params, "6x + 6")) == skill.hints(params)


@pytest.mark.parametrize("skill_id", sorted(all_skills()))
def test_no_computed_mistake_equals_the_answer(skill_id: str) -> None:
    """A shared slip never names a right answer: the diagnosis drops any wrong answer that
    the checker cannot tell from the answer."""
    from mlmath.answers import Verdict, compare

    skill = get(skill_id)
    for level in range(1, skill.levels + 1):
        for seed in range(3):
            params = skill.variant(seed, level).params
            diagnosis = skill.diagnosis(params)
            for mistake in diagnosis.mistakes:
                if mistake.shape is None:
                    verdict = compare(diagnosis.expected, mistake.answer, diagnosis.fmt)
                    assert verdict is Verdict.DIFFERENT, (seed, level, mistake)
