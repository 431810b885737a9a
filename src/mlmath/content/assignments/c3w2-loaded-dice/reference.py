"""Reference solution of "Loaded Dice" (never shown to the learner)."""

from __future__ import annotations

import numpy as np


def empirical_pmf(rolls: np.ndarray, sides: int = 6) -> np.ndarray:
    rolls = np.asarray(rolls).astype(int)
    return np.bincount(rolls - 1, minlength=sides)[:sides] / rolls.size


def expected_value(pmf: np.ndarray) -> float:
    pmf = np.asarray(pmf, dtype=float)
    return float(np.arange(1, pmf.size + 1) @ pmf)


def variance(pmf: np.ndarray) -> float:
    pmf = np.asarray(pmf, dtype=float)
    faces = np.arange(1, pmf.size + 1)
    mean = faces @ pmf
    return float((faces**2) @ pmf - mean**2)


def sum_pmf(pmf_a: np.ndarray, pmf_b: np.ndarray) -> np.ndarray:
    return np.convolve(np.asarray(pmf_a, dtype=float), np.asarray(pmf_b, dtype=float))


def joint_table(first: np.ndarray, second: np.ndarray, sides: int = 6) -> np.ndarray:
    first, second = np.asarray(first).astype(int), np.asarray(second).astype(int)
    table = np.zeros((sides, sides))
    np.add.at(table, (first - 1, second - 1), 1)
    return table / first.size


def covariance(x: np.ndarray, y: np.ndarray) -> float:
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(((x - x.mean()) * (y - y.mean())).sum() / (x.size - 1))
