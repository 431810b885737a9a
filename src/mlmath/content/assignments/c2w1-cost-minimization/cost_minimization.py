"""Programming assignment: Optimizing Functions of One Variable: Cost Minimization.

Two costs of one variable, their derivatives, and the point where each derivative
is zero. Check your work while you go:

    mlmath grade c2w1-cost-minimization cost_minimization.py --public

Keep code that reads files or prints under ``if __name__ == "__main__":``.
"""

import numpy as np


def squared_cost(c: float, x: np.ndarray) -> float:
    """C(c) = sum over i of (c - x_i)**2. x: 1-D array of positions. Returns a float."""
    # YOUR CODE HERE
    raise NotImplementedError


def squared_cost_derivative(c: float, x: np.ndarray) -> float:
    """C'(c) = 2 * sum over i of (c - x_i). Returns a float."""
    # YOUR CODE HERE
    raise NotImplementedError


def best_position(x: np.ndarray) -> float:
    """The c that makes C'(c) = 0 (so C is smallest). Returns a float."""
    # YOUR CODE HERE
    raise NotImplementedError


def log_loss(p: float, y: np.ndarray) -> float:
    """L(p) = -sum over i of [y_i ln p + (1 - y_i) ln(1 - p)]. y: 1-D array of 0s and 1s."""
    # YOUR CODE HERE
    raise NotImplementedError


def log_loss_derivative(p: float, y: np.ndarray) -> float:
    """L'(p) = -sum over i of [y_i / p - (1 - y_i) / (1 - p)]. Returns a float."""
    # YOUR CODE HERE
    raise NotImplementedError


def best_probability(y: np.ndarray) -> float:
    """The p strictly between 0 and 1 that makes L'(p) = 0. Returns a float."""
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    data = np.loadtxt("houses.csv", delimiter=",", skiprows=1)
    x, y = data[:, 0], data[:, 1]
    c = best_position(x)
    print("cabinet at", c, "km; cost", squared_cost(c, x), "slope", squared_cost_derivative(c, x))
    p = best_probability(y)
    print("P(yes) =", p, "; log loss", log_loss(p, y), "slope", log_loss_derivative(p, y))
