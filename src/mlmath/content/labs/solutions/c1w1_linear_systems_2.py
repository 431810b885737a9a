"""Reference solutions and typical mistakes for the lab "Solving Linear Systems: 2 variables"."""

SOLUTIONS = {
    "add_multiple": '''
def add_multiple(M, source, target, k):
    """A copy of M with row `target` replaced by row `target` + k * row `source`."""
    result = M.astype(float)
    result[target] = result[target] + k * result[source]
    return result
''',
    "solve_2x2": '''
def solve_2x2(M):
    """Solve the 2x2 system with augmented matrix M (M[0, 0] is not 0)."""
    M = M.astype(float)
    M[1] = M[1] - (M[1, 0] / M[0, 0]) * M[0]
    y = M[1, 2] / M[1, 1]
    x = (M[0, 2] - M[0, 1] * y) / M[0, 0]
    return np.array([x, y])
''',
    "classify": '''
def classify(A, b):
    """'one solution', 'infinitely many' or 'no solution' for the system A x = b."""
    augmented = np.hstack([A, b.reshape(-1, 1)])
    rank_A = np.linalg.matrix_rank(A)
    if rank_A < np.linalg.matrix_rank(augmented):
        return "no solution"
    return "one solution" if rank_A == A.shape[1] else "infinitely many"
''',
}

MISTAKES = {
    # Changes the learner's matrix in place (and returns it).
    "add_multiple": """
def add_multiple(M, source, target, k):
    M[target] = M[target] + k * M[source]
    return M
""",
    # Back-substitution that forgets the y term of the first equation.
    "solve_2x2": """
def solve_2x2(M):
    M = M.astype(float)
    M[1] = M[1] - (M[1, 0] / M[0, 0]) * M[0]
    y = M[1, 2] / M[1, 1]
    x = M[0, 2] / M[0, 0]
    return np.array([x, y])
""",
    # Trusts the determinant alone: a singular system is taken to have no solution.
    "classify": """
def classify(A, b):
    if abs(np.linalg.det(A)) > 1e-12:
        return "one solution"
    return "no solution"
""",
}
