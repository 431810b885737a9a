"""Regenerate ``rolls.csv``: 1,000 rolls of a loaded die and of a fair one (fixed seed).

Run ``python make_data.py`` in this folder; a test checks the committed file
matches what this script writes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

LOADED = (0.12, 0.12, 0.12, 0.12, 0.12, 0.40)  # the six comes up far too often
SEED = 20261127
COUNT = 1000


def rolls_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    loaded = rng.choice(np.arange(1, 7), size=COUNT, p=LOADED)
    fair = rng.integers(1, 7, size=COUNT)
    rows = ["loaded,fair"] + [f"{a},{b}" for a, b in zip(loaded, fair, strict=True)]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "rolls.csv").write_text(rolls_csv())
