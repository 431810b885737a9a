"""Regenerate ``apartments.csv``: 60 apartments in one town, area, rooms and price (fixed seed).

Prices follow a linear rule plus noise, so a single perceptron (linear
regression) can learn them. Run ``python make_data.py`` in this folder; a test
checks the committed file matches what this script writes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20261126
COUNT = 60


def apartments_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    area = np.round(rng.gamma(shape=9.0, scale=8.0, size=COUNT) + 18, 0)
    rooms = np.clip(np.round(area / 28 + rng.normal(0, 0.6, size=COUNT)), 1, 6)
    price = 35 + 2.9 * area + 9.0 * rooms + rng.normal(0, 18, size=COUNT)
    rows = ["area_m2,rooms,price_keur"]
    rows += [f"{a:.0f},{r:.0f},{p:.1f}" for a, r, p in zip(area, rooms, price, strict=True)]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "apartments.csv").write_text(apartments_csv())
