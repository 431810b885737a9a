"""Programming assignment: Loaded Dice.

Complete the six functions below. Each docstring says what goes in and what must
come out, with shapes. Use NumPy (no scipy.stats, no np.cov): the point is to
compute the summaries of this week yourself.

Check your work while you go:

    mlmath grade c3w2-loaded-dice loaded_dice.py --public

and grade it for real (public and hidden tests):

    mlmath grade c3w2-loaded-dice loaded_dice.py

Keep code that reads files or prints results under ``if __name__ == "__main__":``
at the bottom; the grader imports your file and calls your functions.
"""

import numpy as np


def empirical_pmf(rolls: np.ndarray, sides: int = 6) -> np.ndarray:
    """The share of rolls showing each face.

    rolls: array of shape (n,) of whole numbers from 1 to sides.
    Returns an array of shape (sides,): entry k is the share of rolls equal to k + 1.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def expected_value(pmf: np.ndarray) -> float:
    """E[X] for a die whose faces 1, 2, …, len(pmf) have the probabilities in pmf.

    pmf: array of shape (sides,), non-negative, adding up to 1.
    Returns a float.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def variance(pmf: np.ndarray) -> float:
    """Var(X) = E[X²] − (E[X])² for the same die.

    pmf: array of shape (sides,). Returns a float.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def sum_pmf(pmf_a: np.ndarray, pmf_b: np.ndarray) -> np.ndarray:
    """The PMF of the total of two independent dice.

    pmf_a: shape (a,), faces 1..a. pmf_b: shape (b,), faces 1..b.
    Returns an array of shape (a + b - 1,): entry k is P(total = k + 2).
    Each pair of faces (i, j) adds pmf_a[i] · pmf_b[j] to the entry of its total.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def joint_table(first: np.ndarray, second: np.ndarray, sides: int = 6) -> np.ndarray:
    """The empirical joint distribution of two dice rolled together.

    first, second: arrays of shape (n,) of faces 1..sides, paired by position.
    Returns an array of shape (sides, sides): entry [i, j] is the share of the n pairs
    with first == i + 1 and second == j + 1.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def covariance(x: np.ndarray, y: np.ndarray) -> float:
    """The sample covariance of paired data: Σ (x − x̄)(y − ȳ) / (n − 1).

    x, y: arrays of shape (n,), n ≥ 2. Returns a float.
    """
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    rolls = np.loadtxt("rolls.csv", delimiter=",", skiprows=1, dtype=int)
    loaded, fair = rolls[:, 0], rolls[:, 1]
    pmf = empirical_pmf(loaded)
    print("loaded die:", pmf.round(3), "mean", expected_value(pmf))
