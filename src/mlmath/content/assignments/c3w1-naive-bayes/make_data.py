"""Regenerate ``emails.csv``: 300 made-up emails, five word flags, a length and a label.

Run ``python make_data.py`` in this folder; a test checks the committed file
matches what this script writes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

WORDS = ("free", "win", "meeting", "report", "click")
# P(word appears | spam) and P(word appears | not spam), invented for the exercise.
P_WORD_SPAM = (0.55, 0.40, 0.05, 0.08, 0.60)
P_WORD_HAM = (0.08, 0.04, 0.45, 0.35, 0.12)
SPAM_SHARE = 0.35
LENGTH_SPAM = (6.0, 2.0)  # mean and standard deviation, hundreds of characters
LENGTH_HAM = (12.0, 4.0)
SEED = 20261126
COUNT = 300


def emails_csv(seed: int = SEED) -> str:
    rng = np.random.default_rng(seed)
    rows = [",".join((*WORDS, "length", "spam"))]
    for _ in range(COUNT):
        spam = rng.random() < SPAM_SHARE
        probs = P_WORD_SPAM if spam else P_WORD_HAM
        flags = [int(rng.random() < p) for p in probs]
        mean, sd = LENGTH_SPAM if spam else LENGTH_HAM
        length = max(0.5, round(float(rng.normal(mean, sd)), 1))
        rows.append(",".join([*map(str, flags), f"{length:.1f}", str(int(spam))]))
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    (Path(__file__).parent / "emails.csv").write_text(emails_csv())
