"""How well are wrong answers diagnosed? Runs the evaluation set of ``tests/data/diagnosis``
(typical wrong answers of beginners and right answers in unusual forms, for every skill).

Run: ``.venv/bin/python benchmarks/diagnosis.py [--unnamed] [--course WORDS]``. Prints per
course the share of wrong answers whose mistake is named, rejected without a name, and
accepted (must be 0), and the right forms accepted (must be all); ``--unnamed`` lists the
wrong answers no mistake explains yet. Also times the answer checks of the set: the first
check of a variant (which works out its wrong answers once) and every later one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fixtures.diagnosis import courses, evaluate, skills_covered

from mlmath.exercises.registry import all_skills, get
from mlmath.exercises.skill import forget_diagnoses


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    —"


def _timings() -> tuple[list[float], list[float]]:
    """Milliseconds per check: each variant's first check, and the checks after it."""
    forget_diagnoses()
    first: list[float] = []
    later: list[float] = []
    for _, items in courses():
        for item in items:
            skill = get(item["skill"])
            params = skill.read_inputs(item["input"])
            typed = [*item.get("right", ()), *(w["answer"] for w in item.get("wrong", ()))]
            for index, text in enumerate(typed):
                started = time.perf_counter()
                skill.grade(params, str(text))
                elapsed = (time.perf_counter() - started) * 1000
                (first if index == 0 else later).append(elapsed)
    return first, later


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--unnamed", action="store_true", help="list unnamed wrong answers")
    arguments.add_argument("--course", default="", help="only courses whose name has this")
    options = arguments.parse_args()

    tallies = evaluate()
    print(
        f"{'course':<40}{'wrong':>7}{'named':>9}{'unnamed':>9}{'accepted':>10}"
        f"{'right forms accepted':>22}"
    )
    total_wrong = total_named = total_right = total_right_ok = 0
    for course, tally in tallies.items():
        if options.course.lower() not in course.lower():
            continue
        print(
            f"{course:<40}{tally.wrong:>7}{_percent(tally.named, tally.wrong):>9}"
            f"{_percent(tally.unnamed, tally.wrong):>9}{_percent(tally.accepted, tally.wrong):>10}"
            f"{tally.right_accepted:>12} of {tally.right:<7}"
        )
        total_wrong += tally.wrong
        total_named += tally.named
        total_right += tally.right
        total_right_ok += tally.right_accepted
        for failure in tally.failures:
            print(f"  FAILURE {failure.skill}: {failure.typed!r} → {failure.verdict}")
        if options.unnamed:
            for g in tally.unexplained:
                print(f"  unnamed {g.skill}: {g.typed!r} ({g.why}) → {g.message[:70]}")
    print(
        f"{'all courses':<40}{total_wrong:>7}{_percent(total_named, total_wrong):>9}"
        f"{'':>19}{total_right_ok:>12} of {total_right}"
    )
    missing = sorted(set(all_skills()) - skills_covered())
    if missing:
        print(f"skills without items in the set: {', '.join(missing)}")

    first, later = _timings()
    print(
        f"answer checks: first of a variant p50 {statistics.median(first):.1f} ms, "
        f"p99 {_p99(first):.1f} ms; later checks p50 {statistics.median(later):.2f} ms, "
        f"p99 {_p99(later):.2f} ms (the diagnosis is remembered after the first)"
    )


if __name__ == "__main__":
    main()
