"""Regenerate ``advertising.csv``: 50 weeks of radio spending and sales (fixed seed).

Run ``python make_data.py`` in this folder; a test checks the committed file matches.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20261202
COUNT = 50


def advertising_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    radio = np.round(rng.uniform(0, 50, size=COUNT), 1)
    sales = 4.5 + 0.21 * radio + rng.normal(0, 1.2, size=COUNT)
    rows = ["radio_100eur,sales_keur"]
    rows += [f"{r:.1f},{s:.2f}" for r, s in zip(radio, sales, strict=True)]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "advertising.csv").write_text(advertising_csv())
