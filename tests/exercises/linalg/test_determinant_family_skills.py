"""Skill-specific behaviour of the determinant, dependence and modelling skills."""

from __future__ import annotations

import json

import pytest

from mlmath.exercises.inputs import InputError
from mlmath.exercises.registry import get

MY_SKILLS = (
    "linalg.sentence_systems",
    "linalg.word_problem_system",
    "linalg.system_to_sentences",
    "linalg.system_from_data",
    "linalg.singular_matrix",
    "linalg.row_dependence",
    "linalg.determinant_2x2",
    "linalg.determinant_3x3",
    "linalg.determinant_by_elimination",
    "linalg.row_ops_preserve_singularity",
)


@pytest.mark.parametrize("skill_id", MY_SKILLS)
def test_registered_with_levels_and_misconceptions(skill_id: str) -> None:
    skill = get(skill_id)
    assert skill.levels >= 3
    assert len(skill.misconceptions) >= 2
    assert all(m.topic for m in skill.misconceptions)


@pytest.mark.parametrize(
    ("matrix", "response", "misconception"),
    [
        ([[1, 2], [3, 4]], "10", "added_diagonals"),
        ([[1, 2], [3, 4]], "-5", "multiplied_columns"),
        ([[1, 2], [3, 4]], "2", "diagonals_reversed"),
    ],
)
def test_2x2_mistakes_are_named(matrix: list[list[int]], response: str, misconception: str) -> None:
    skill = get("linalg.determinant_2x2")
    params = skill.read_inputs({"matrix": matrix})
    assert skill.grade(params, "-2").correct
    assert skill.grade(params, "-4/2").correct
    feedback = skill.grade(params, response)
    assert feedback.misconception is not None
    assert feedback.misconception.id == misconception


def test_3x3_forgetting_the_checkerboard_is_named() -> None:
    skill = get("linalg.determinant_3x3")
    params = skill.read_inputs({"matrix": [[1, 2, 3], [4, 5, 6], [7, 8, 10]]})
    assert skill.solve(params).answer == -3
    # 1·2 + 2·(−2) + 3·(−3) without the minus on the middle term
    feedback = skill.grade(params, "-11")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "no_checkerboard"


def test_3x3_can_expand_along_another_row() -> None:
    skill = get("linalg.determinant_3x3")
    params = skill.read_inputs({"matrix": [[1, 2, 3], [4, 5, 6], [7, 8, 10]], "row": 2})
    assert skill.solve(params).answer == -3
    assert "row 2" in skill.solve(params).steps[0].rule
    with pytest.raises(InputError, match="rows 1 to 3"):
        skill.read_inputs({"matrix": [[1, 2, 3], [4, 5, 6], [7, 8, 10]], "row": 4})


@pytest.mark.parametrize(
    "skill_id",
    ["linalg.determinant_3x3", "linalg.determinant_by_elimination", "linalg.singular_matrix"],
)
def test_a_non_square_matrix_gets_a_one_line_error(skill_id: str) -> None:
    with pytest.raises(InputError) as error:
        get(skill_id).read_inputs({"matrix": [[1, 2, 3], [4, 5, 6]]})
    assert "\n" not in str(error.value)


def test_elimination_forgetting_the_swap_is_named() -> None:
    skill = get("linalg.determinant_by_elimination")
    params = skill.read_inputs({"matrix": [[0, 1, 2], [1, 0, 3], [4, -3, 8]]})
    answer = skill.solve(params).answer
    assert answer == -2
    feedback = skill.grade(params, "2")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "swap_sign_forgotten"


def test_level_two_elimination_always_needs_a_swap() -> None:
    skill = get("linalg.determinant_by_elimination")
    for seed in range(20):
        params = skill.variant(seed, 2).params
        assert params["matrix"][0, 0] == 0
        assert "swap_sign_forgotten" in skill.buggy_answers(params)


def test_singular_matrix_explains_with_a_row_combination() -> None:
    skill = get("linalg.singular_matrix")
    params = skill.read_inputs({"matrix": [[1, 2, 3], [0, 1, 1], [2, 3, 5]]})
    solution = skill.solve(params)
    assert solution.answer == "singular"
    assert "row 3 = 2·row 1 - row 2" in solution.steps[-1].rule
    feedback = skill.grade(params, "non-singular")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "pairwise_only"


def test_both_verdicts_occur_at_every_level() -> None:
    skill = get("linalg.singular_matrix")
    for level in (1, 2, 3):
        answers = {skill.solve(skill.variant(seed, level).params).answer for seed in range(30)}
        assert answers == {"singular", "non-singular"}


def test_row_dependence_combination_and_sign_mistake() -> None:
    skill = get("linalg.row_dependence")
    params = skill.read_inputs(
        {"matrix": [[1, 2, 3], [0, 1, 1], [2, 3, 5]], "question": "combination"}
    )
    assert skill.grade(params, "(2, -1)").correct
    feedback = skill.grade(params, "(-2, 1)")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "sign_moved"


def test_row_dependence_takes_vectors_or_a_matrix_not_both() -> None:
    skill = get("linalg.row_dependence")
    params = skill.read_inputs({"vectors": [[1, 2], [2, 4]]})
    assert skill.solve(params).answer == "dependent"
    with pytest.raises(InputError, match="not both"):
        skill.read_inputs({"vectors": [[1, 2]], "matrix": [[1, 2]]})


@pytest.mark.parametrize(
    ("operation", "determinant"),
    [("R1 <-> R2", 2), ("R2 -> 3R2", -6), ("R2 -> R2 - 3R1", -2), ("R1 -> 1/2·R1", -1)],
)
def test_row_operations_and_the_determinant(operation: str, determinant: int) -> None:
    skill = get("linalg.row_ops_preserve_singularity")
    params = skill.read_inputs({"matrix": [[1, 2], [3, 4]], "operation": operation})
    assert skill.solve(params).answer == determinant


def test_a_malformed_row_operation_gets_a_message() -> None:
    skill = get("linalg.row_ops_preserve_singularity")
    for bad in ("R1 + R2", "R3 <-> R1", "R2 -> 0R2", "R2 -> R2 - 2R2"):
        with pytest.raises(InputError):
            skill.read_inputs({"matrix": [[1, 2], [3, 4]], "operation": bad})


def test_sentence_systems_read_the_learners_sentences() -> None:
    skill = get("linalg.sentence_systems")
    params = skill.read_inputs(
        {"sentences": "The dog is black. The dog is black.", "subjects": "dog, cat"}
    )
    assert skill.solve(params).answer == "redundant"
    feedback = skill.grade(params, "complete")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "counted_sentences"
    assert skill.grade(params, "contradictory").misconception is not None


def test_every_sentence_kind_occurs() -> None:
    skill = get("linalg.sentence_systems")
    for level in (1, 2, 3):
        kinds = {skill.solve(skill.variant(seed, level).params).answer for seed in range(40)}
        assert kinds == {"complete", "redundant", "contradictory"}


def test_word_problem_reversal_is_named() -> None:
    skill = get("linalg.word_problem_system")
    params = skill.read_inputs({"context": "fruit", "matrix": [[2, 3], [1, -1]], "rhs": [13, 1]})
    assert skill.grade(params, "[[2, 3, 13], [1, -1, 1]]").correct
    feedback = skill.grade(params, "[[2, 3, 13], [-1, 1, 1]]")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "comparison_reversed"
    assert skill.grade(params, "[[3, 2, 13], [-1, 1, 1]]").misconception is not None


def test_system_to_sentences_offers_distinct_stories() -> None:
    skill = get("linalg.system_to_sentences")
    for level in (1, 2, 3):
        for seed in range(10):
            params = skill.variant(seed, level).params
            options = skill.answer_format(params).options
            labels = [str(o.label) for o in options]
            assert len(set(labels)) == len(labels) >= 3
            assert skill.solve(params).answer in {o.id for o in options}


def test_system_from_data_names_the_transposed_system() -> None:
    skill = get("linalg.system_from_data")
    params = skill.read_inputs(
        {"domain": "houses", "features": [[3, 1], [2, 2]], "targets": [210, 180]}
    )
    assert skill.grade(params, "(60, 30)").correct
    feedback = skill.grade(params, "(30, 60)")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "weights_swapped"
    # one equation per feature: 3w1 + 2w2 = 210, w1 + 2w2 = 180
    feedback = skill.grade(params, "(15, 165/2)")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "one_equation_per_feature"


@pytest.mark.parametrize("skill_id", MY_SKILLS)
def test_solutions_render_as_json(skill_id: str) -> None:
    from mlmath.engine import render

    skill = get(skill_id)
    for level in range(1, skill.levels + 1):
        solution = skill.solve(skill.variant(3, level).params)
        assert json.loads(json.dumps(render.solution_to_json(solution)))["steps"]
