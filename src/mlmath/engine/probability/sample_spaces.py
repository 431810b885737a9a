"""Sample spaces of repeated draws, listed outcome by outcome.

Drawing k times from a set of items and writing the results in order gives sequences: with
replacement every item can come back (n·n·…·n = nᵏ outcomes, like tossing a coin or rolling
a die k times); without replacement an item drawn is gone (n·(n − 1)·…·(n − k + 1)). The
list is built stage by stage, as a tree: each outcome of the first draw branches into the
possible second draws, and so on.

>>> sample_space("HT", 2, replacement=True).answer
('HH', 'HT', 'TH', 'TT')
>>> sample_space("RGB", 2, replacement=False).answer
('RG', 'RB', 'GR', 'GB', 'BR', 'BG')
"""

from __future__ import annotations

import itertools
import math

from mlmath.engine.probability.notation import formula
from mlmath.engine.solution import NotSolvable, Solution, Step

MAX_LISTED = 200
"""Outcomes written out in the worked steps (the answer holds them all)."""
MAX_OUTCOMES = 100_000
"""Larger sample spaces are counted, not listed."""


def check_items(items: str, draws: int, replacement: bool) -> None:
    if not items or len(set(items)) != len(items):
        raise NotSolvable("give the items as different single characters, like HT or RGB")
    if draws < 1:
        raise NotSolvable("draw at least once")
    if not replacement and draws > len(items):
        raise NotSolvable(
            f"without replacement you cannot draw {draws} times from {len(items)} items"
        )


def outcomes(items: str, draws: int, replacement: bool) -> tuple[str, ...]:
    """Every sequence of ``draws`` results, in the order of the items given."""
    if replacement:
        return tuple("".join(p) for p in itertools.product(items, repeat=draws))
    return tuple("".join(p) for p in itertools.permutations(items, draws))


def size(n: int, draws: int, replacement: bool) -> int:
    return n**draws if replacement else math.perm(n, draws)


def sample_space(items: str, draws: int, replacement: bool) -> Solution[tuple[str, ...]]:
    """The outcomes of drawing ``draws`` times from ``items`` (in order), with the tree steps."""
    check_items(items, draws, replacement)
    n = len(items)
    total = size(n, draws, replacement)
    if total > MAX_OUTCOMES:
        raise NotSolvable(
            f"that sample space has {total:,} outcomes, too many to list; count them instead "
            "(probability.counting)"
        )
    listed = outcomes(items, draws, replacement)
    choices = [n - (0 if replacement else i) for i in range(draws)]
    steps: list[Step] = [
        Step(
            f"One draw gives one of {n} results: {', '.join(items)}. "
            + (
                "With replacement each draw has all of them again"
                if replacement
                else "Without replacement each draw has one result fewer than the one before"
            ),
            formula(
                r" \cdot ".join(map(str, choices)) + f" = {total}",
                "·".join(map(str, choices)) + f" = {total}",
            ),
        )
    ]
    shown = listed if total <= MAX_LISTED else (*listed[:MAX_LISTED], "…")
    if draws > 1 and total <= MAX_LISTED:
        branches = [
            f"{p} → {', '.join(o for o in listed if o.startswith(p))}"
            for p in outcomes(items, draws - 1, replacement)
        ]
        steps.append(
            Step(
                "Branch each partial outcome into the possible next draws (a tree)",
                formula(
                    r"\text{" + "; ".join(branches).replace("→", r"$\to$") + "}",
                    "; ".join(branches),
                ),
            )
        )
    steps.append(
        Step(
            f"The sample space: every path through the tree, {total} outcomes"
            + (" (order recorded: RG and GR are different)" if draws > 1 else ""),
            formula(r"\{" + ", ".join(shown) + r"\}", "{" + ", ".join(shown) + "}"),
        )
    )
    return Solution(listed, tuple(steps))
