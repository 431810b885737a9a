"""Programming assignment: Eigenvalues and Eigenvectors.

Complete the six functions below; each docstring gives the shapes. You may use
np.linalg.eig / np.linalg.eigh where a docstring says so, and nowhere else.

Check your work while you go:

    mlmath grade c1w4-eigenvectors eigenvectors.py --public

Keep code that reads files or prints under ``if __name__ == "__main__":``.
"""

import numpy as np


def eigenvalues_2x2(A: np.ndarray) -> np.ndarray:
    """Both eigenvalues of a 2×2 matrix with real eigenvalues, largest first.

    They are the roots of the characteristic polynomial
    λ² − trace(A) λ + det(A) = 0. Use the quadratic formula (no np.linalg).
    A: array of shape (2, 2). Returns an array of shape (2,).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def power_iteration(A: np.ndarray, x0: np.ndarray, num_iterations: int) -> tuple[float, np.ndarray]:
    """The dominant eigenvalue and eigenvector of A, by repeated multiplication.

    Start from x = x0 / ‖x0‖; repeat num_iterations times: x = A x, then divide
    x by its length. Then the eigenvalue is xᵀ A x.
    A: shape (n, n). x0: shape (n,). Returns (eigenvalue as a float, x of shape (n,)).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def transition_matrix(links: np.ndarray, n_pages: int) -> np.ndarray:
    """The Markov matrix of a visitor who follows a random link on each page.

    links: integer array of shape (k, 2); each row (i, j) is a link from page i to page j.
    Returns P of shape (n_pages, n_pages) where P[j, i] is the probability of going
    from page i to page j: 1 / (number of links on page i) for each link. Each
    column sums to 1. A page with no links sends the visitor to any page (1 / n_pages).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def steady_state(P: np.ndarray) -> np.ndarray:
    """Where visitors end up in the long run: the eigenvector of P for eigenvalue 1.

    Use np.linalg.eig; pick the eigenvalue closest to 1; take the real part of its
    eigenvector and scale it so its entries sum to 1. Returns an array of shape (n,).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def center_data(X: np.ndarray) -> np.ndarray:
    """Subtract each column's mean. X: shape (m, n) — m samples, n features.

    Returns a new array of shape (m, n); X itself must not change.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def principal_components(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k principal components of the data X (shape (m, n)).

    Center X, form the covariance matrix C = Xcᵀ Xc / (m − 1) of shape (n, n),
    and use np.linalg.eigh. Return (eigenvalues, vectors): the k largest
    eigenvalues in decreasing order (shape (k,)), and their unit eigenvectors as
    the columns of an (n, k) array. (An eigenvector's sign is free.)
    """
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    links = np.loadtxt("website_links.csv", delimiter=",", skiprows=1, dtype=int)
    P = transition_matrix(links, 8)
    print("long-run share of visitors per page:", np.round(steady_state(P), 3))
    leaves = np.loadtxt("leaves.csv", delimiter=",", skiprows=1)
    variances, components = principal_components(leaves, 2)
    print("variance along the first two components:", variances)
