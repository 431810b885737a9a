"""A share that a problem gives (a prior, a likelihood, a confidence level, a proportion) is
shown as a percentage with every decimal it has: 12.5%, never 12%."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.probability.notation import given_percent_text
from mlmath.exercises.registry import get

thousandths = st.integers(1, 999)


def percent(k: int) -> str:
    """k/1000 as a percentage, written from its exact value."""
    tenths = Fraction(k, 10)
    return f"{tenths.numerator}%" if tenths.denominator == 1 else f"{float(tenths)}%"


@given(thousandths)
def test_a_share_is_written_with_every_decimal_it_has(k: int) -> None:
    assert given_percent_text(k / 1000) == percent(k)


@given(thousandths, thousandths, thousandths)
def test_naive_bayes_states_the_prior_and_likelihoods_as_given(p: int, y: int, q: int) -> None:
    skill = get("statistics.naive_bayes_posterior")
    params = skill.read_inputs(
        {
            "prior": p / 1000,
            "likelihoods_yes": [y / 1000, 0.5],
            "likelihoods_no": [q / 1000, 0.5],
            "present": [1, 0],
        }
    )
    (prompt,) = skill.prompt(params)
    assert prompt.startswith(f"{percent(p)} of the email")
    assert f"appears in {percent(y)} of spam and {percent(q)} of other email" in prompt


@given(thousandths)
def test_lda_states_the_prior_as_given(k: int) -> None:
    skill = get("statistics.lda_threshold")
    params = skill.read_inputs({"mean_a": 22, "mean_b": 40, "sd": 7, "prior_a": k / 1000})
    stated = (
        "The two classes are equally common." if k == 500 else f"{percent(k)} of the items are A."
    )
    assert stated in skill.prompt(params)[0]


@given(st.integers(500, 999))
def test_a_confidence_level_is_stated_as_given_in_the_question_and_the_steps(k: int) -> None:
    skill = get("statistics.margin_of_error")
    params = skill.read_inputs({"n": 36, "confidence": k / 1000, "sd": 13})
    assert f"{percent(k)} confidence" in " ".join(str(x) for x in skill.prompt(params))
    assert f"For {percent(k)} confidence" in render.solution_text(skill.solve(params))
