"""Regenerate the data of "Eigenvalues and Eigenvectors" (fixed seed).

- ``website_links.csv``: the links between the 8 pages of a small bakery's website;
- ``leaves.csv``: four measurements of 120 leaves, driven by two hidden factors
  (overall size and elongation), so two principal components explain most of it.

Run ``python make_data.py`` in this folder; a test checks the committed files
match what this script writes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20261127
PAGES = ("home", "menu", "cakes", "bread", "order", "about", "contact", "blog")
LINKS = (
    ("home", "menu"), ("home", "about"), ("home", "blog"), ("home", "order"),
    ("menu", "cakes"), ("menu", "bread"), ("menu", "home"),
    ("cakes", "order"), ("cakes", "menu"),
    ("bread", "order"), ("bread", "menu"),
    ("order", "home"),
    ("about", "contact"), ("about", "home"),
    ("contact", "home"),
    ("blog", "cakes"), ("blog", "bread"), ("blog", "home"),
)  # fmt: skip


def links_csv() -> str:
    rows = ["from_page,to_page"]
    rows += [f"{PAGES.index(a)},{PAGES.index(b)}" for a, b in LINKS]
    return "\n".join(rows) + "\n"


def leaves_csv(seed: int = SEED, count: int = 120) -> str:
    rng = np.random.default_rng(seed)
    size = rng.normal(0, 1, size=count)
    elongation = rng.normal(0, 1, size=count)
    length = 80 + 14 * size + 6 * elongation + rng.normal(0, 2, size=count)
    width = 45 + 8 * size - 5 * elongation + rng.normal(0, 1.5, size=count)
    petiole = 22 + 4 * size + rng.normal(0, 1.5, size=count)
    mass = 1.9 + 0.45 * size + rng.normal(0, 0.08, size=count)
    rows = ["length_mm,width_mm,petiole_mm,mass_g"]
    rows += [
        f"{a:.1f},{b:.1f},{c:.1f},{d:.2f}"
        for a, b, c, d in zip(length, width, petiole, mass, strict=True)
    ]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    here = Path(__file__).parent
    (here / "website_links.csv").write_text(links_csv())
    (here / "leaves.csv").write_text(leaves_csv())
