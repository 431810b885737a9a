"""Reference solutions and typical mistakes for the lab "Simulating Dice Rolls with Numpy"."""

SOLUTIONS = {
    "sum_pmf": '''
def sum_pmf(p, q):
    """Add p[i] * q[j] into the sum i + j (faces i + 1 and j + 1 make sum i + j + 2)."""
    out = np.zeros(11)
    for i in range(6):
        for j in range(6):
            out[i + j] += p[i] * q[j]
    return out
''',
    "marginals": '''
def marginals(joint):
    """Row totals (sum along each row) and column totals (sum down each column)."""
    return joint.sum(axis=1), joint.sum(axis=0)
''',
    "covariance_from_joint": '''
def covariance_from_joint(joint, x_values, y_values):
    """E[XY] - E[X] E[Y]."""
    e_xy = np.sum(np.outer(x_values, y_values) * joint)
    e_x = x_values @ joint.sum(axis=1)
    e_y = y_values @ joint.sum(axis=0)
    return e_xy - e_x * e_y
''',
}

MISTAKES = {
    # Every possible sum treated as equally likely.
    "sum_pmf": """
def sum_pmf(p, q):
    return np.full(11, 1 / 11)
""",
    # The two axes swapped: column totals returned as the row marginal.
    "marginals": """
def marginals(joint):
    return joint.sum(axis=0), joint.sum(axis=1)
""",
    # E[XY] alone, without subtracting E[X] E[Y].
    "covariance_from_joint": """
def covariance_from_joint(joint, x_values, y_values):
    return np.sum(np.outer(x_values, y_values) * joint)
""",
}
