"""Reference solution of "Eigenvalues and Eigenvectors"."""

from __future__ import annotations

import numpy as np


def eigenvalues_2x2(A: np.ndarray) -> np.ndarray:
    trace = A[0, 0] + A[1, 1]
    det = A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    root = np.sqrt(max(trace**2 - 4 * det, 0.0))
    values: np.ndarray = np.array([(trace + root) / 2, (trace - root) / 2])
    return values


def power_iteration(A: np.ndarray, x0: np.ndarray, num_iterations: int) -> tuple[float, np.ndarray]:
    x = x0 / np.linalg.norm(x0)
    for _ in range(num_iterations):
        y = A @ x
        x = y / np.linalg.norm(y)
    return float(x @ A @ x), x


def transition_matrix(links: np.ndarray, n_pages: int) -> np.ndarray:
    P = np.zeros((n_pages, n_pages))
    for source, target in links:
        P[target, source] = 1.0
    outgoing = P.sum(axis=0)
    P[:, outgoing == 0] = 1.0
    normalized: np.ndarray = P / P.sum(axis=0)
    return normalized


def steady_state(P: np.ndarray) -> np.ndarray:
    values, vectors = np.linalg.eig(P)
    k = int(np.argmin(np.abs(values - 1.0)))
    v = np.real(vectors[:, k])
    scaled: np.ndarray = v / v.sum()
    return scaled


def center_data(X: np.ndarray) -> np.ndarray:
    centered: np.ndarray = X - X.mean(axis=0)
    return centered


def principal_components(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    centered = center_data(X)
    covariance = centered.T @ centered / (X.shape[0] - 1)
    values, vectors = np.linalg.eigh(covariance)
    order = np.argsort(values)[::-1][:k]
    return values[order], vectors[:, order]
