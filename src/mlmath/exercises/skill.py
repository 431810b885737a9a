"""The lifecycle every skill follows: generate → prompt → answer format → solve → grade.

A skill is a pure function of ``(seed, level)``: the stored seed reproduces the
variant. Each skill names the mistakes beginners make as *buggy rules* — the
answer a given misconception would produce for this variant — so a wrong answer
that matches one is diagnosed by name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import numpy as np

from mlmath.answers import AnswerError, AnswerFormat, Verdict, compare, parse, show
from mlmath.engine.solution import Math, NotSolvable, Solution
from mlmath.exercises.inputs import Field

Params = Mapping[str, Any]
"""A variant's data under plain math names (``matrix``, ``rhs``, ``vector``, …)."""

Prompt = tuple[str | Math, ...]
"""A question as words and math objects, rendered by :mod:`mlmath.engine.render`."""


@dataclass(frozen=True, slots=True)
class Misconception:
    """A known mistake: what it is called, why it is wrong, and where to learn the fix."""

    id: str
    name: str
    explanation: str
    topic: str = ""


Verdict_ = Literal["correct", "incorrect", "invalid", "undecided"]


@dataclass(frozen=True, slots=True)
class Feedback:
    """The outcome of grading one response."""

    verdict: Verdict_
    message: str
    misconception: Misconception | None = None

    @property
    def correct(self) -> bool:
        return self.verdict == "correct"


@dataclass(frozen=True, slots=True)
class Variant:
    """One generated problem: which skill, which seed and level, and its data."""

    skill_id: str
    seed: int
    level: int
    params: Params = field(hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Examples:
    """Responses a skill declares for one variant, for the shared contract tests."""

    correct: Sequence[str]
    incorrect: Sequence[str] = ()
    invalid: Sequence[str] = ()


class Skill(ABC):
    """Base class of every skill. Subclasses set the class attributes and the four methods."""

    id: ClassVar[str]
    title: ClassVar[str]
    summary: ClassVar[str]
    levels: ClassVar[int] = 3
    inputs: ClassVar[tuple[Field, ...]]
    misconceptions: ClassVar[tuple[Misconception, ...]] = ()

    # --- the lifecycle ---------------------------------------------------------

    @abstractmethod
    def generate(self, rng: np.random.Generator, level: int) -> Params:
        """Draw the data of a new variant at ``level`` (1 = easiest)."""

    @abstractmethod
    def prompt(self, params: Params) -> Prompt:
        """The question, as words and math objects."""

    @abstractmethod
    def answer_format(self, params: Params) -> AnswerFormat:
        """What kind of answer is expected, and how precisely."""

    @abstractmethod
    def solve(self, params: Params) -> Solution[Any]:
        """The answer and the worked steps for this variant.

        Raises :class:`~mlmath.engine.solution.NotSolvable` when the input (a
        learner's own, through ``mlmath solve``) has no answer.
        """

    def answer(self, params: Params) -> Any:
        """The answer alone: ``solve(params).answer``, which grading compares with.

        Override with a faster route that skips the worked steps when there is one;
        it must give the same answer as :meth:`solve`.
        """
        return self.solve(params).answer

    def hints(self, params: Params) -> tuple[str, ...]:
        """Hints that lead without telling: a question first, then the first step."""
        return ()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        """For each misconception id, the answer that mistake produces for this variant."""
        return {}

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        """An interactive figure drawn with this variant's own numbers, or ``None``.

        ``{"kind", "params", "caption"}`` as in a lesson's ``figure`` block (see
        :mod:`mlmath.exercises.figures`); add ``"after_answer": True`` when the
        figure would give the answer away, and the practice panel shows it only once
        the variant is solved or its solution shown.
        """
        return None

    # --- shared behaviour --------------------------------------------------------

    def variant(self, seed: int, level: int) -> Variant:
        if not 1 <= level <= self.levels:
            raise ValueError(f"{self.id} has levels 1 to {self.levels}, not {level}")
        rng = np.random.default_rng([seed, level])
        return Variant(self.id, seed, level, self.generate(rng, level))

    def misconception(self, misconception_id: str) -> Misconception:
        for m in self.misconceptions:
            if m.id == misconception_id:
                return m
        raise KeyError(f"{self.id} has no misconception {misconception_id!r}")

    def grade(self, params: Params, response: str) -> Feedback:
        """Read the response, compare it with the answer, and diagnose a wrong one."""
        answer_format = self.answer_format(params)
        try:
            given = parse(response, answer_format)
        except AnswerError as error:
            return Feedback("invalid", error.message)
        expected = self.answer(params)
        verdict = compare(expected, given, answer_format)
        if verdict is Verdict.EQUAL:
            return Feedback("correct", "Correct.")
        if verdict is Verdict.INCOMPLETE:
            return Feedback(
                "invalid",
                "Right so far, but the question asks for more: describe the solutions, "
                "for example x = 1 - 2t, y = t.",
            )
        if verdict is Verdict.UNDECIDED:
            return Feedback(
                "undecided",
                "We could not decide whether this equals the answer; "
                "compare it with the worked solution.",
            )
        for misconception_id, wrong in self.buggy_answers(params).items():
            if (
                compare(wrong, given, answer_format) is Verdict.EQUAL
                and compare(expected, wrong, answer_format) is not Verdict.EQUAL
            ):
                m = self.misconception(misconception_id)
                return Feedback("incorrect", f"{m.name}. {m.explanation}", m)
        return Feedback("incorrect", "Not quite. Try a hint, or compare with the worked solution.")

    def examples(self, params: Params) -> Examples:
        """Responses for the contract suite: by default the answer shown canonically
        and every diagnosable buggy answer. Override to add more forms."""
        answer_format = self.answer_format(params)
        expected = self.answer(params)
        wrong = [
            show(w, answer_format)
            for w in self.buggy_answers(params).values()
            if compare(expected, w, answer_format) is not Verdict.EQUAL
        ]
        return Examples(correct=[show(expected, answer_format)], incorrect=wrong)

    def read_inputs(self, raw: Mapping[str, Any]) -> Params:
        """Turn JSON input (``mlmath solve``, the explain page) into this skill's params."""
        from mlmath.exercises.inputs import InputError

        unknown = sorted(set(raw) - {f.name for f in self.inputs})
        if unknown:
            names = ", ".join(f.name for f in self.inputs)
            raise InputError(f"unknown input {unknown[0]!r}; {self.id} takes: {names}")
        params: dict[str, Any] = {}
        for f in self.inputs:
            if raw.get(f.name) is None:
                if f.required:
                    raise InputError(f"missing input {f.name!r}: {f.help}")
                params[f.name] = f.default
                continue
            params[f.name] = f.read(raw[f.name])
        self.check_inputs(params)
        return params

    def check_inputs(self, params: Params) -> None:
        """Check relations between inputs (say, ``rhs`` as long as ``matrix`` is tall).

        Raise :class:`~mlmath.exercises.inputs.InputError` with a one-line message.
        Most skills have no such relation, so the default accepts everything."""
        return


__all__ = [
    "Examples",
    "Feedback",
    "Misconception",
    "NotSolvable",
    "Params",
    "Prompt",
    "Skill",
    "Variant",
]
