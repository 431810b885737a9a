"""Regenerate ``visits.csv``: an A/B test of two checkout pages (fixed seed).

Run ``python make_data.py`` in this folder; a test checks the committed file
matches what this script writes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20261204
VISITORS = 4000
RATES = {"A": 0.100, "B": 0.125}  # B converts a little better
MINUTES = {"A": (6.0, 2.5), "B": (6.4, 3.0)}  # time on the page: mean and spread


def visits_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    groups = rng.choice(np.array(["A", "B"]), size=VISITORS)
    rows = ["group,converted,minutes"]
    for group in groups:
        converted = int(rng.random() < RATES[group])
        mean, spread = MINUTES[group]
        minutes = max(0.1, rng.gamma((mean / spread) ** 2, spread**2 / mean))
        rows.append(f"{group},{converted},{minutes:.2f}")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "visits.csv").write_text(visits_csv())
