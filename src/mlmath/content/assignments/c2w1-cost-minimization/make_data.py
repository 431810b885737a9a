"""Regenerate ``houses.csv``: 40 houses along a road and their yes/no answers (fixed seed).

Run ``python make_data.py`` in this folder; a test checks the committed file matches.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20261201
COUNT = 40


def houses_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    position = np.round(np.sort(rng.gamma(shape=3.0, scale=1.6, size=COUNT)), 2)
    wants = (rng.random(COUNT) < 0.65).astype(int)
    rows = ["position_km,wants_fibre"]
    rows += [f"{p:.2f},{w}" for p, w in zip(position, wants, strict=True)]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "houses.csv").write_text(houses_csv())
