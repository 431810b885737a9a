"""The contract every registered skill keeps, checked over many seeds and every level.

A new skill gets all of this for free: variants reproduce from their seed, the
prompt and the worked solution render in every format, the declared correct
responses are accepted, the declared wrong ones are rejected (with the named
misconception when one explains them), invalid input gets a message, the
learner's own input through ``mlmath solve`` reproduces the answer, and the top
level is varied.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import pytest

from mlmath.answers import AnswerError, Verdict, compare, parse, show
from mlmath.engine import render
from mlmath.engine.exact import Matrix, Vector
from mlmath.exercises.registry import all_skills
from mlmath.exercises.skill import Skill

SKILLS = all_skills()
SEEDS = range(12)


def skill_levels() -> list[tuple[str, int]]:
    return [(skill_id, level) for skill_id, s in SKILLS.items() for level in range(1, s.levels + 1)]


def prompt_text(skill: Skill, params: Any) -> str:
    return "\n".join(render.text(part) for part in skill.prompt(params))


@pytest.mark.parametrize("skill_id", sorted(SKILLS))
def test_declares_what_a_learner_needs(skill_id: str) -> None:
    skill = SKILLS[skill_id]
    assert skill.id == skill_id
    assert skill.title
    assert skill.summary
    assert skill.levels >= 3, "every skill has at least three difficulty levels"
    assert len(skill.misconceptions) >= 2, "every skill names at least two misconceptions"
    assert len({m.id for m in skill.misconceptions}) == len(skill.misconceptions)
    for m in skill.misconceptions:
        assert m.name
        assert len(m.explanation) > 20
    assert skill.inputs, "every skill takes its data as named inputs"


@pytest.mark.parametrize(("skill_id", "level"), skill_levels())
def test_variants_are_reproducible_and_render(skill_id: str, level: int) -> None:
    skill = SKILLS[skill_id]
    for seed in SEEDS:
        variant = skill.variant(seed, level)
        again = skill.variant(seed, level)
        assert prompt_text(skill, variant.params) == prompt_text(skill, again.params)
        for part in skill.prompt(variant.params):
            assert render.text(part)
            assert render.latex(part)
        solution = skill.solve(variant.params)
        fmt = skill.answer_format(variant.params)
        assert compare(skill.answer(variant.params), solution.answer, fmt) is Verdict.EQUAL, (
            "the quick answer used for grading differs from the worked solution's"
        )
        json.dumps(render.solution_to_json(solution))
        assert render.solution_text(solution)
        assert render.solution_markdown(solution)
        assert render.solution_latex(solution)
        assert skill.hints(variant.params), "every variant offers at least one hint"


@pytest.mark.parametrize(("skill_id", "level"), skill_levels())
def test_declared_responses_get_the_declared_verdicts(skill_id: str, level: int) -> None:
    skill = SKILLS[skill_id]
    for seed in SEEDS:
        params = skill.variant(seed, level).params
        examples = skill.examples(params)
        assert examples.correct
        for response in examples.correct:
            feedback = skill.grade(params, response)
            assert feedback.verdict == "correct", (seed, response, feedback)
        for response in examples.incorrect:
            feedback = skill.grade(params, response)
            assert feedback.verdict == "incorrect", (seed, response, feedback)
        for response in examples.invalid:
            feedback = skill.grade(params, response)
            assert feedback.verdict == "invalid", (seed, response, feedback)
            assert feedback.message


@pytest.mark.parametrize(("skill_id", "level"), skill_levels())
def test_buggy_answers_are_named(skill_id: str, level: int) -> None:
    """A wrong answer that a known mistake produces is diagnosed as that mistake."""
    skill = SKILLS[skill_id]
    seen: set[str] = set()
    for seed in SEEDS:
        params = skill.variant(seed, level).params
        fmt = skill.answer_format(params)
        expected = skill.solve(params).answer
        buggy = skill.buggy_answers(params)
        assert set(buggy) <= {m.id for m in skill.misconceptions}
        for misconception_id, wrong in buggy.items():
            if compare(expected, wrong, fmt) is Verdict.EQUAL:
                continue  # this variant does not tell the mistake apart
            feedback = skill.grade(params, show(wrong, fmt))
            assert feedback.verdict == "incorrect"
            assert feedback.misconception is not None, (seed, misconception_id)
            same = skill.buggy_answers(params)[feedback.misconception.id]
            assert compare(same, wrong, fmt) is Verdict.EQUAL
            seen.add(misconception_id)
    assert seen, f"no misconception of {skill_id} was ever diagnosed at level {level}"


@pytest.mark.parametrize(("skill_id", "level"), skill_levels())
def test_computed_mistakes_are_named(skill_id: str, level: int) -> None:
    """A wrong answer that a shared slip or a rule applied wrongly at one place produces is
    named when typed (by that mistake, or by a more specific one with the same answer), in
    the answer's own shape or in its own; it is never accepted."""
    skill = SKILLS[skill_id]
    for seed in SEEDS[:4]:
        params = skill.variant(seed, level).params
        diagnosis = skill.diagnosis(params)
        for mistake in diagnosis.mistakes:
            fmt = mistake.shape or diagnosis.fmt
            try:
                text = show(mistake.answer, fmt)
                parse(text, fmt)
            except (AnswerError, TypeError, ValueError):
                continue  # not typable (an exact fraction with too many digits)
            feedback = skill.grade(params, text)
            assert feedback.verdict == "incorrect", (seed, mistake.misconception.id, text)
            assert feedback.misconception is not None, (seed, mistake.misconception.id, text)


@pytest.mark.parametrize(("skill_id", "level"), skill_levels())
def test_invalid_text_gets_a_message(skill_id: str, level: int) -> None:
    skill = SKILLS[skill_id]
    params = skill.variant(0, level).params
    for response in ("", "   ", "__import__('os')", "9^9^9^9", "(" * 5000):
        feedback = skill.grade(params, response)
        assert feedback.verdict in ("invalid", "incorrect"), response
        assert feedback.message


def as_input_json(value: Any) -> Any:
    """A param value written the way a person would pass it to ``mlmath solve``."""
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else str(value)
    if isinstance(value, Matrix | Vector):
        return render.to_json(value)
    if isinstance(value, tuple | list):
        return [as_input_json(v) for v in value]
    return value


@pytest.mark.parametrize(("skill_id", "level"), skill_levels())
def test_own_input_reproduces_the_answer(skill_id: str, level: int) -> None:
    """`mlmath solve` on a variant's own data gives the variant's answer."""
    skill = SKILLS[skill_id]
    names = {f.name for f in skill.inputs}
    for seed in range(4):
        params = skill.variant(seed, level).params
        raw = {k: as_input_json(v) for k, v in params.items() if k in names}
        read = skill.read_inputs(json.loads(json.dumps(raw)))
        fmt = skill.answer_format(params)
        assert compare(skill.solve(params).answer, skill.solve(read).answer, fmt) is Verdict.EQUAL


@pytest.mark.parametrize("skill_id", sorted(SKILLS))
def test_top_level_is_varied(skill_id: str) -> None:
    skill = SKILLS[skill_id]
    prompts = {prompt_text(skill, skill.variant(seed, skill.levels).params) for seed in range(1000)}
    assert len(prompts) == 1000, f"only {len(prompts)} different problems in 1,000 seeds"


def fractions_in(value: Any) -> list[Fraction]:
    if isinstance(value, Fraction):
        return [value]
    if isinstance(value, Vector):
        return list(value.entries)
    if isinstance(value, Matrix):
        return [a for row in value.rows for a in row]
    particular = getattr(value, "particular", None)
    if isinstance(particular, Vector):
        return list(particular.entries)
    return []


@pytest.mark.parametrize("skill_id", sorted(SKILLS))
def test_level_one_answers_are_clean(skill_id: str) -> None:
    skill = SKILLS[skill_id]
    for seed in range(50):
        answer = skill.solve(skill.variant(seed, 1).params).answer
        for number in fractions_in(answer):
            assert number.denominator <= 12, f"seed {seed}: {number} is not a clean answer"
