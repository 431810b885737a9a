"""Skill: read a linear system back as the sentences of its story (multiple choice)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.linalg.word_problems import (
    CONTEXTS,
    context_by_id,
    random_word_problem,
    story,
)
from mlmath.engine.solution import Solution, Step
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.word_problem_system import (
    comparison_rows,
    dropped_signs,
    reversed_comparisons,
    swapped_columns,
    swapped_right_sides,
    system_of,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · Systems of equations"
LETTERS = "ABCD"


def options(params: Params) -> tuple[dict[str, str], str, dict[str, str]]:
    """(option id → story, correct id, misconception id → option id).

    The stories are sorted by text, so the order is fixed by the system alone and
    still looks random from one variant to the next."""
    by_id, correct, buggy = _options(params["context"], params["matrix"], params["rhs"])
    return dict(by_id), correct, dict(buggy)


@lru_cache(maxsize=32)
def _options(
    context_id: str, matrix: Matrix, rhs: Vector
) -> tuple[tuple[tuple[str, str], ...], str, tuple[tuple[str, str], ...]]:
    """:func:`options` as tuples, remembered per system: a variant's options are read
    while generating it, for its prompt, its answer format, its solution and every
    check, and the stories depend on the context and the system alone."""
    context = context_by_id(context_id)
    system = system_of({"context": context_id, "matrix": matrix, "rhs": rhs})
    candidates = {"correct": system, **_misreadings(system)}
    stories: dict[str, str] = {}
    for name, candidate in candidates.items():
        text = " ".join(story(context, candidate))
        if "The numbers satisfy" in text or text in stories.values():
            continue
        stories[name] = text
        if len(stories) == 4:
            break
    ordered = sorted(stories.items(), key=lambda item: item[1])
    ids = {name: LETTERS[i] for i, (name, _) in enumerate(ordered)}
    by_id = tuple((LETTERS[i], text) for i, (_, text) in enumerate(ordered))
    buggy = tuple((name, ids[name]) for name in stories if name != "correct")
    return by_id, ids["correct"], buggy


def _misreadings(system: LinearSystem) -> dict[str, LinearSystem]:
    """The system each mistake reads instead, by misconception id."""
    out: dict[str, LinearSystem] = {}
    if comparison_rows(system):
        out["comparison_reversed"] = reversed_comparisons(system)
        out["comparison_as_sum"] = dropped_signs(system)
    out["columns_swapped"] = swapped_columns(system)
    out["rhs_swapped"] = swapped_right_sides(system)
    return out


@register
class SystemToSentences(Skill):
    id = "linalg.system_to_sentences"
    title = "From a linear system back to sentences"
    summary = "Choose the story that a system of equations describes."
    levels = 3
    inputs = (
        Field("context", "choice", "the story", choices=tuple(c.id for c in CONTEXTS)),
        Field("matrix", "matrix", "the coefficient matrix"),
        Field("rhs", "vector", "the right-hand sides"),
    )
    misconceptions = (
        Misconception(
            "comparison_reversed",
            "That story reads the comparison backwards",
            "a − b = 2 says a is 2 MORE than b (a = b + 2); a − 2b = 0 says there are twice "
            "as many a as b (a = 2b).",
            TOPIC,
        ),
        Misconception(
            "comparison_as_sum",
            "That story ignores the minus sign",
            "A minus sign between two unknowns compares them (“more than”); only a plus "
            "sign adds them up (“together”).",
            TOPIC,
        ),
        Misconception(
            "columns_swapped",
            "That story gives each number to the wrong unknown",
            "A coefficient belongs to the unknown it multiplies: in 3a + 2b, the 3 counts "
            "the a's, the 2 the b's.",
            TOPIC,
        ),
        Misconception(
            "rhs_swapped",
            "That story mixes up the right-hand sides",
            "Each equation keeps its own right-hand side: read every equation, left and "
            "right, as one sentence.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        unknowns = 3 if level == 3 else 2
        while True:
            context, system, _ = random_word_problem(
                rng, unknowns, comparisons=level >= 2, fractions=level == 3
            )
            params = {"context": context.id, "matrix": system.matrix, "rhs": system.rhs}
            if len(options(params)[0]) >= 3:
                return params

    def prompt(self, params: Params) -> Prompt:
        context = context_by_id(params["context"])
        system = system_of(params)
        by_id, _, _ = options(params)
        return (
            context.setting + " " + "; ".join(context.legend(system.size[1])) + ".",
            system,
            "Which story does this system describe?",
            *(f"{letter}. {text}" for letter, text in by_id.items()),
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        by_id, _, _ = options(params)
        return AnswerFormat(Kind.CHOICE, options=tuple(Choice(k, v) for k, v in by_id.items()))

    def solve(self, params: Params) -> Solution[str]:
        context = context_by_id(params["context"])
        system = system_of(params)
        _, correct, _ = options(params)
        steps = [
            Step(f"Equation {i + 1}, {system.equation_text(i)}, reads: “{sentence}”")
            for i, sentence in enumerate(story(context, system))
        ]
        steps.append(Step(f"Story {correct} says exactly this, sentence by sentence"))
        return Solution(correct, tuple(steps))

    def hints(self, params: Params) -> tuple[str, ...]:
        system = system_of(params)
        return (
            "For each equation, ask: is it a total (all plus signs) or a comparison (a "
            "minus sign)?",
            f"Read equation 1, {system.equation_text(0)}, as a sentence first, and rule out "
            "every story whose first sentence says something else.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        return options(params)[2]

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """For each wrong story, the first equation it tells differently."""
        context = context_by_id(params["context"])
        system = system_of(params)
        right = story(context, system)
        misread = _misreadings(system)
        reasons = {}
        for misconception in self.buggy_answers(params):
            wrong = story(context, misread[misconception])
            i = next(i for i, (a, b) in enumerate(zip(right, wrong, strict=True)) if a != b)
            reasons[misconception] = (
                f"Here equation {i + 1}, {system.equation_text(i)}, says “{right[i]}”; that "
                f"story says “{wrong[i]}”"
            )
        return reasons

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        return Examples(
            (*base.correct, base.correct[0].lower()), base.incorrect, ("E", "the first one")
        )
