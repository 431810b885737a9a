"""Reference solution of "System of Linear Equations" (never shown to the learner)."""

from __future__ import annotations

import numpy as np

SINGULAR_TOLERANCE = 1e-10


def augment(A: np.ndarray, b: np.ndarray) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    return np.hstack([A, b.reshape(-1, 1)])


def swap_rows(M: np.ndarray, i: int, j: int) -> np.ndarray:
    swapped = np.array(M, dtype=float)
    swapped[[i, j]] = swapped[[j, i]]
    return swapped


def _pivot_row(M: np.ndarray, k: int) -> int:
    return k + int(np.argmax(np.abs(M[k:, k])))


def determinant(A: np.ndarray) -> float:
    U = np.array(A, dtype=float)
    n = U.shape[0]
    scale = max(1.0, float(np.abs(U).max()))
    result = 1.0
    for k in range(n):
        p = _pivot_row(U, k)
        if abs(U[p, k]) < SINGULAR_TOLERANCE * scale:
            return 0.0
        if p != k:
            U = swap_rows(U, k, p)
            result = -result
        for r in range(k + 1, n):
            U[r, k:] -= U[r, k] / U[k, k] * U[k, k:]
        result *= U[k, k]
    return float(result)


def back_substitution(U: np.ndarray, c: np.ndarray) -> np.ndarray:
    U = np.asarray(U, dtype=float)
    c = np.asarray(c, dtype=float)
    n = U.shape[0]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    return x


def solve(A: np.ndarray, b: np.ndarray) -> np.ndarray | None:
    M = augment(A, b)
    n = M.shape[0]
    scale = max(1.0, float(np.abs(M[:, :n]).max()))
    for k in range(n):
        p = _pivot_row(M, k)
        if abs(M[p, k]) < SINGULAR_TOLERANCE * scale:
            return None
        M = swap_rows(M, k, p)
        for r in range(k + 1, n):
            M[r, k:] -= M[r, k] / M[k, k] * M[k, k:]
    return back_substitution(M[:, :n], M[:, n])
