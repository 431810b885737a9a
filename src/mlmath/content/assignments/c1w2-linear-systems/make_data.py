"""Regenerate ``receipts.csv``: three receipts from a market stall (fixed seed).

Run ``python make_data.py`` in this folder; a test checks the committed file
matches what this script writes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

PRICES_EUR_PER_KG = {"apples": 2.40, "bananas": 1.60, "cherries": 7.80}
SEED = 20261125


def receipts_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    prices = np.array(list(PRICES_EUR_PER_KG.values()))
    rows = ["apples_kg,bananas_kg,cherries_kg,total_eur"]
    while True:
        amounts = np.round(rng.uniform(0.2, 3.0, size=(3, 3)), 1)
        if np.linalg.cond(amounts) < 20:
            break
    for kilos in amounts:
        total = round(float(kilos @ prices), 2)
        rows.append(",".join(f"{k:.1f}" for k in kilos) + f",{total:.2f}")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "receipts.csv").write_text(receipts_csv())
