"""Python's garbage collector in a long-lived process: the server and its benchmarks.

Reference counting frees almost everything a request makes; the collector only looks
for cycles, and by default it does so after every 700 new container objects. A variant
worked out (a derivative's rule tree, a parsed answer) makes thousands, so young
collections ran several times per variant, and what they found alive (a cached tree
still being built) was promoted and later traversed again by full collections: 7–13 %
of a calculus skill's time, and the longest pauses of an answer check.
:func:`settle` is called once the code is loaded: what lives as long as the process
(modules, skills, the grammar, templates) is moved out of the collector's reach, and a
young collection waits for :data:`YOUNG_THRESHOLD` new objects.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000
"""New container objects between young collections (Python's default is 700). With it,
``derivative_exp_log`` worked as many variants per second with the collector on as off
(`benchmarks/skills.py`; 7–13 % fewer at 700)."""


def settle() -> None:
    """Freeze what is loaded and space the young collections out (older generations keep
    Python's thresholds)."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
