"""Numbers in probability and statistics steps: at least four significant figures, exact
decimals kept whole, short fractions with their decimal beside them; and every typed
answer checked to the precision its question states."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.answers import Verdict, compare, parse, show
from mlmath.engine import render
from mlmath.engine.probability.notation import approx, exact_text, given_text, real_text
from mlmath.engine.statistics.regression import linear_regression
from mlmath.exercises.registry import all_skills


def significant_digits(shown: str) -> int:
    mantissa = shown.split("×", maxsplit=1)[0].strip().lstrip("-").replace(".", "").lstrip("0")
    return len(mantissa)


@settings(max_examples=500, deadline=None)
@given(st.floats(1e-12, 1e14, allow_nan=False, allow_infinity=False), st.booleans())
def test_real_numbers_keep_at_least_four_significant_figures(size: float, negative: bool) -> None:
    x = -size if negative else size
    shown = real_text(x)
    digits = significant_digits(shown)
    value = float(shown.split("×")[0]) * (10 ** int(shown.split("^")[1]) if "^" in shown else 1)
    # four significant figures: the shown value is within half a unit of the 4th digit
    assert abs(value - x) <= 0.5 * 10 ** (math.floor(math.log10(size)) - 3) * 1.000001
    assert digits <= 17


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.000429187, "0.0004292"),
        (2.1027449, "2.1027"),
        (0.0455003, "0.0455"),
        (27.0, "27"),
        (Fraction(10000000000004333, 10000), "1000000000000.4333"),
        (Fraction(-1, 8), "-0.125"),
        (0.00000123456, "1.235 × 10^-6"),
    ],
)
def test_examples_of_shown_numbers(value: float | Fraction, shown: str) -> None:
    assert real_text(value) == shown


def test_a_short_fraction_is_shown_with_its_decimal() -> None:
    assert exact_text(Fraction(19, 217)) == "19/217 ≈ 0.08756"
    assert approx(Fraction(19, 217))[1] == " ≈ 0.08756"
    assert given_text(1000000000000.4) == "1000000000000.4"


def test_a_small_standard_error_keeps_its_digits_in_the_steps() -> None:
    x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    y = [1000.0 + 0.0004 * a + (0.00003 if a % 2 else -0.00003) for a in x]
    solution = linear_regression(x, y, "slope_se")
    text = render.solution_text(solution)
    se = re.search(r"SE\(b1\) = s / √Sxx = ([0-9.]+)", text)
    assert se is not None
    assert significant_digits(se.group(1)) >= 4
    assert "0.0000" not in text


STATED = re.compile(r"(?<!rounded )to (\d+) decimal places?")
"""The precision asked of the answer (not "use z* rounded to 3 decimal places")."""


def prompt_text(skill_id: str, params: object) -> str:
    skill = all_skills()[skill_id]
    return " ".join(render.text(part) for part in skill.prompt(params))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "skill_id",
    [s for s in all_skills() if s.split(".")[0] in ("statistics", "probability")],
)
def test_a_typed_answer_is_checked_to_the_precision_the_question_states(skill_id: str) -> None:
    skill = all_skills()[skill_id]
    for level in range(1, skill.levels + 1):
        for seed in range(6):
            params = skill.variant(seed, level).params
            stated = STATED.search(prompt_text(skill_id, params))
            fmt = skill.answer_format(params)
            if stated is None:
                continue
            places = int(stated.group(1))
            assert fmt.decimals == places, f"the question asks for {places} places"
            answer = skill.answer(params)
            if not isinstance(answer, float | Fraction):
                continue
            rounded = f"{float(answer):.{places}f}"
            assert compare(answer, parse(rounded, fmt), fmt) is Verdict.EQUAL
            beyond = 2 * 10**-places + 1.5 * fmt.absolute_tolerance  # a table's reading aside
            off = f"{float(answer) + beyond:.{places}f}"
            assert compare(answer, parse(off, fmt), fmt) is Verdict.DIFFERENT
            assert show(answer, fmt)
