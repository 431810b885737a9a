"""Regenerate ``rings.csv``: 200 points of the plane, labelled by a ring (fixed seed).

Run ``python make_data.py`` in this folder; a test checks the committed file matches.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20261203
COUNT = 200


def rings_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    points = rng.uniform(-2, 2, size=(COUNT, 2))
    radius = np.hypot(points[:, 0], points[:, 1])
    label = ((radius > 0.8) & (radius < 1.6)).astype(int)
    rows = ["x1,x2,label"]
    rows += [f"{a:.3f},{b:.3f},{c}" for (a, b), c in zip(points, label, strict=True)]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "rings.csv").write_text(rings_csv())
