"""Per skill: variants generated, solved and graded per second; answer-check latency.

Run:  .venv/bin/python benchmarks/skills.py [--seconds 0.3] [--checks 200] [SKILL ...]

For each registered skill, at its top level:
- variants/s: generate a variant, work its solution, grade the canonical answer;
- p50 / p99 of one answer check (``skill.grade`` on typed text), with the same
  answers checked the way SymPy-based graders do (``parse_expr`` both sides, then
  ``simplify(expected - given) == 0``) measured in the same run, and the ratio.
Targets: ≥ 1,000 variants/s per skill; p99 ≤ 5 ms per check.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from mlmath import collector
from mlmath.answers import Kind, show
from mlmath.engine import render
from mlmath.engine.exact import Matrix, Vector
from mlmath.exercises.registry import all_skills
from mlmath.exercises.skill import Skill


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


WARM_UP = 20
"""Variants worked before the clock starts (first-use costs: lazy imports, caches of
the grammar and of compiled rules), so that the rate is the steady one a server sees."""


def variants_per_second(skill: Skill, seconds: float) -> float:
    """Variants of the hardest level generated, solved and graded per second (each
    with a new seed: nothing is reused from one variant to the next)."""
    level = skill.levels

    def one(count: int) -> None:
        params = skill.variant(count, level).params
        answer = skill.solve(params).answer
        skill.grade(params, show(answer, skill.answer_format(params)))

    for count in range(WARM_UP):
        one(1_000_000 + count)
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        one(count)
        count += 1
    return count / (time.perf_counter() - start)


def sympy_source(answer: Any) -> str | None:
    """The answer as SymPy-parsable text, for kinds SymPy graders handle."""
    if isinstance(answer, Fraction | int):
        return render.number_text(answer)
    if isinstance(answer, float):
        return repr(answer)
    if isinstance(answer, Vector):
        return "Matrix([" + ", ".join(render.number_text(a) for a in answer) + "])"
    if isinstance(answer, Matrix):
        rows = ("[" + ", ".join(render.number_text(a) for a in row) + "]" for row in answer.rows)
        return "Matrix([" + ", ".join(rows) + "])"
    return None


def sympy_checker() -> Callable[[str, str], bool]:
    import sympy
    from sympy.parsing.sympy_parser import parse_expr

    def check(expected: str, given: str) -> bool:
        difference = sympy.simplify(parse_expr(expected) - parse_expr(given))
        if isinstance(difference, sympy.MatrixBase):
            return bool(difference.is_zero_matrix)
        return bool(difference == 0)

    return check


def check_latencies(skill: Skill, checks: int) -> tuple[list[float], list[float]]:
    ours: list[float] = []
    theirs: list[float] = []
    sympy_check = sympy_checker()
    level = skill.levels
    for seed in range(checks):
        params = skill.variant(seed, level).params
        fmt = skill.answer_format(params)
        answer = skill.solve(params).answer
        typed = show(answer, fmt)
        start = time.perf_counter()
        feedback = skill.grade(params, typed)
        ours.append(time.perf_counter() - start)
        assert feedback.correct, (skill.id, seed, typed, feedback)
        source = sympy_source(answer)
        if source is not None and fmt.kind in (Kind.NUMBER, Kind.VECTOR, Kind.MATRIX):
            start = time.perf_counter()
            assert sympy_check(source, source)
            theirs.append(time.perf_counter() - start)
    return ours, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("skills", nargs="*", help="skill ids (default: all)")
    parser.add_argument("--seconds", type=float, default=1.0, help="time per skill for variants/s")
    parser.add_argument("--checks", type=int, default=200, help="answer checks timed per skill")
    args = parser.parse_args()
    skills = all_skills()
    chosen = args.skills or list(skills)
    sympy_checker()("1", "1")  # import and warm SymPy outside the timings
    collector.settle()  # as `mlmath serve` does once it has loaded the skills
    header = (
        f"{'skill':36} {'variants/s':>10} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'sympy p50':>9} {'sympy p99':>9} {'ratio p99':>9}"
    )
    print(header)
    print("-" * len(header))
    worst_rate, worst_p99 = float("inf"), 0.0
    for skill_id in chosen:
        skill = skills[skill_id]
        rate = variants_per_second(skill, args.seconds)
        ours, theirs = check_latencies(skill, args.checks)
        p50, p99 = percentile(ours, 0.5) * 1e3, percentile(ours, 0.99) * 1e3
        worst_rate, worst_p99 = min(worst_rate, rate), max(worst_p99, p99)
        if theirs:
            s50, s99 = percentile(theirs, 0.5) * 1e3, percentile(theirs, 0.99) * 1e3
            reference = f" {s50:9.2f} {s99:9.2f} {s99 / p99:8.1f}×"
        else:
            reference = f" {'n/a':>9} {'n/a':>9} {'':>9}"
        print(f"{skill_id:36} {rate:10.0f} {p50:7.2f} {p99:7.2f}{reference}")
    print("-" * len(header))
    print(
        f"slowest skill: {worst_rate:.0f} variants/s (target ≥ 1000); "
        f"worst check p99: {worst_p99:.2f} ms (target ≤ 5)"
    )


if __name__ == "__main__":
    main()
