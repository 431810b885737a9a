"""The lifecycle every skill follows: generate → prompt → answer format → solve → grade.

A skill is a pure function of ``(seed, level)``: the stored seed reproduces the
variant. Each skill names the mistakes beginners make as *buggy rules* — the
answer a given misconception would produce for this variant — so a wrong answer
that matches one is diagnosed by name, told what in this variant rules it out where
the skill says (:meth:`Skill.why_wrong`). On top of its own, a skill declares which
shared slips fit the variant (:meth:`Skill.common_mistakes`, from
:mod:`mlmath.exercises.mistakes`): a sign lost, a product in the wrong order, a
division by n missing, z for t, one tail for two … Every wrong answer of a variant is
worked out once (:meth:`Skill.diagnosis`, remembered) and a response is matched
against them; a wrong answer no mistake explains is told which parts are right.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from threading import Lock
from typing import Any, ClassVar, Literal

import numpy as np

from mlmath.answers import AnswerError, AnswerFormat, Verdict, compare, parse, show
from mlmath.engine.solution import Math, NotSolvable, Solution
from mlmath.exercises.diagnosis import Diagnosis
from mlmath.exercises.inputs import Field
from mlmath.exercises.misconception import Misconception, Mistake
from mlmath.exercises.mistakes import Slip
from mlmath.exercises.partial import partly_right

Params = Mapping[str, Any]
"""A variant's data under plain math names (``matrix``, ``rhs``, ``vector``, …)."""

Prompt = tuple[str | Math, ...]
"""A question as words and math objects, rendered by :mod:`mlmath.engine.render`."""


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

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """For a misconception id of :meth:`buggy_answers`, what in this variant shows its
        answer wrong, as a sentence added to the explanation when the mistake is named:
        "Here det A = 0, so the system cannot have exactly one solution." Give one where
        the variant's own numbers teach more than the general rule (a wrong option of a
        choice question above all); the rest keep their explanation alone."""
        return {}

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The shared slips (:mod:`mlmath.exercises.mistakes`) that fit this variant, with
        the values they need: ``(SignFlipped(), Division(total, n, "n = 12"))``.

        Declare a slip only where its mistake is one a learner could make on this
        question; grading never names one for a right answer."""
        return ()

    def own_mistakes(self, params: Params) -> Iterator[Mistake]:
        """The skill's own named mistakes for this variant, most specific first: by default
        its buggy answers, each explained with the reason :meth:`why_wrong` gives for this
        variant. Override to add mistakes located in the worked steps."""
        reasons = self.why_wrong(params)
        for misconception_id, wrong in self.buggy_answers(params).items():
            misconception = self.misconception(misconception_id)
            if misconception_id in reasons:
                misconception = misconception.seen_in(reasons[misconception_id])
            yield Mistake(misconception, wrong, declared=True)

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

    def diagnosis(self, params: Params) -> Diagnosis:
        """The answer and every wrong answer of a known mistake for this variant, worked out
        once per variant (remembered for the variants graded most recently)."""
        found = self._remembered_diagnosis(params)
        if found is not None:
            return found
        expected, fmt = self.answer(params), self.answer_format(params)
        return self._diagnosed(params, expected, fmt)

    def _remembered_diagnosis(self, params: Params) -> Diagnosis | None:
        key = (self.id, _params_key(params))
        with _DIAGNOSES_LOCK:
            found = _DIAGNOSES.get(key)
            if found is not None:
                _DIAGNOSES.move_to_end(key)
            return found

    def _diagnosed(self, params: Params, expected: Any, fmt: AnswerFormat) -> Diagnosis:
        key = (self.id, _params_key(params))
        diagnosis = Diagnosis.build(expected, fmt, self._candidates(params, expected, fmt))
        with _DIAGNOSES_LOCK:
            _DIAGNOSES[key] = diagnosis
            while len(_DIAGNOSES) > _DIAGNOSES_KEPT:
                _DIAGNOSES.popitem(last=False)
        return diagnosis

    def _candidates(self, params: Params, expected: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        yield from self.own_mistakes(params)
        slips = sorted(self.common_mistakes(params), key=lambda slip: slip.rank)
        for slip in slips:
            try:
                yield from list(slip.mistakes(expected, fmt))
            except (ArithmeticError, ValueError, TypeError):
                continue  # a slip with no value here (a division by 0, a bad quantile …)

    def grade(self, params: Params, response: str) -> Feedback:
        """Read the response, compare it with the answer, and diagnose a wrong one.

        The wrong answers of the known mistakes are worked out only when a response is
        not right (then once per variant): a right answer never waits for them."""
        remembered = self._remembered_diagnosis(params)
        if remembered is not None:
            expected, answer_format = remembered.expected, remembered.fmt
        else:
            expected, answer_format = self.answer(params), self.answer_format(params)

        def diagnosis() -> Diagnosis:
            return remembered or self._diagnosed(params, expected, answer_format)

        try:
            given = parse(response, answer_format)
        except AnswerError as error:
            other = diagnosis().in_another_shape(response)
            if other is not None:
                return _named(other.misconception)
            return Feedback("invalid", error.message)
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
        mistake = diagnosis().named(given)
        if mistake is not None:
            return _named(mistake.misconception)
        partly = partly_right(expected, given, answer_format)
        if partly is not None:
            return Feedback("incorrect", f"Not quite. {partly} Try a hint for the rest.")
        return Feedback("incorrect", "Not quite. Try a hint, or compare with the worked solution.")

    def hints_after(self, params: Params, feedback: Feedback | None) -> tuple[str, ...]:
        """The hints to offer after ``feedback``: when it named a mistake, a hint that
        addresses that mistake comes first, then the usual ones."""
        hints = self.hints(params)
        if feedback is None or feedback.misconception is None:
            return hints
        return (feedback.misconception.next_hint(), *hints)

    def examples(self, params: Params) -> Examples:
        """Responses for the contract suite: by default the answer shown canonically,
        every diagnosable buggy answer and every shared slip's wrong answer. Override to
        add more forms."""
        answer_format = self.answer_format(params)
        expected = self.answer(params)
        wrong = [
            show(w, answer_format)
            for w in self.buggy_answers(params).values()
            if compare(expected, w, answer_format) is not Verdict.EQUAL
        ]
        for mistake in self.diagnosis(params).mistakes:
            shown = _typable(mistake.answer, mistake.shape or answer_format)
            if shown is not None and (
                mistake.shape is not None
                or compare(expected, parse(shown, answer_format), answer_format)
                is Verdict.DIFFERENT
            ):
                wrong.append(shown)
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


def _named(misconception: Misconception) -> Feedback:
    return Feedback(
        "incorrect", f"{misconception.name}. {misconception.explanation}", misconception
    )


def _typable(value: Any, fmt: AnswerFormat) -> str | None:
    """``value`` as a learner would type it, or None when that text cannot be read back
    (an exact fraction with more digits than an answer may have)."""
    try:
        shown = show(value, fmt)
        parse(shown, fmt)
    except (AnswerError, TypeError, ValueError):
        return None
    return shown


def _params_key(params: Params) -> str:
    """A variant's data as one string (its values' own reprs are exact and stable)."""
    return repr(sorted(params.items(), key=lambda item: item[0]))


_DIAGNOSES: OrderedDict[tuple[str, str], Diagnosis] = OrderedDict()
_DIAGNOSES_LOCK = Lock()
_DIAGNOSES_KEPT = 512
"""Variants whose diagnosis is remembered: the ones being answered right now."""


def forget_diagnoses() -> None:
    """Forget every remembered diagnosis (for measuring the first check of a variant)."""
    with _DIAGNOSES_LOCK:
        _DIAGNOSES.clear()


__all__ = [
    "Examples",
    "Feedback",
    "Misconception",
    "Mistake",
    "NotSolvable",
    "Params",
    "Prompt",
    "Skill",
    "Variant",
]
