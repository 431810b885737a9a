"""Programming assignment: System of Linear Equations.

Complete the five functions below. Each docstring says what goes in and what
must come out, with shapes. Use NumPy, but not ``np.linalg``: the point is to
build elimination yourself.

Check your work while you go:

    mlmath grade c1w2-linear-systems linear_systems.py --public

and grade it for real (public and hidden tests):

    mlmath grade c1w2-linear-systems linear_systems.py

Keep code that reads files or prints results under ``if __name__ == "__main__":``
at the bottom; the grader imports your file and calls your functions.
"""

import numpy as np


def augment(A: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Join the coefficients and the right-hand side into one augmented matrix.

    A: array of shape (n, n), the coefficients.
    b: array of shape (n,), the right-hand side.
    Returns an array of shape (n, n + 1) of floats: A with b as its last column.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def swap_rows(M: np.ndarray, i: int, j: int) -> np.ndarray:
    """Return a copy of M with rows i and j exchanged.

    M: array of shape (n, k). i, j: row numbers (0-based).
    Returns a new float array of shape (n, k). M itself must not change.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def determinant(A: np.ndarray) -> float:
    """The determinant of a square matrix, by elimination.

    Reduce A to upper-triangular form with row operations: each row swap flips
    the sign, adding a multiple of one row to another changes nothing; then
    multiply the diagonal. At each step, use as pivot the entry of largest
    absolute value in the column (on or below the diagonal); if it is smaller
    than 1e-10 times the largest absolute entry of A (or 1e-10 when A is tiny),
    the matrix is singular: return 0.0.

    A: array of shape (n, n). Returns a float.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def back_substitution(U: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Solve U x = c for an upper-triangular U with a non-zero diagonal.

    U: array of shape (n, n), zero below the diagonal.
    c: array of shape (n,).
    Returns x, an array of shape (n,) of floats. Start from the last row.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def solve(A: np.ndarray, b: np.ndarray) -> np.ndarray | None:
    """Solve A x = b by Gaussian elimination with partial pivoting.

    Augment, then for each column k: swap into row k the row (at or below k)
    whose entry in column k is largest in absolute value, and subtract
    multiples of row k to make zeros below it. Finish with back substitution.

    A: array of shape (n, n). b: array of shape (n,).
    Returns x of shape (n,), or None when the system has no unique solution
    (a pivot smaller than 1e-10 times the largest absolute entry of A).
    A and b must not change.
    """
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    data = np.loadtxt("receipts.csv", delimiter=",", skiprows=1)
    kilos, totals = data[:, :3], data[:, 3]
    prices = solve(kilos, totals)
    print("price per kg (apples, bananas, cherries):", prices)
