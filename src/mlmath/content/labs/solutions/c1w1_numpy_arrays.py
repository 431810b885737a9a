"""Reference solutions and typical mistakes for the lab "Introduction to NumPy Arrays"."""

SOLUTIONS = {
    "line_y": '''
def line_y(a, b, c, x):
    """The y of the line a*x + b*y = c at every entry of x (b is not 0)."""
    return (c - a * x) / b
''',
    "predict": '''
def predict(X, w):
    """One prediction per row of X: the row's features times the weights, added up."""
    return X @ w
''',
    "det2": '''
def det2(A):
    """The determinant of the 2x2 matrix A: main diagonal product minus the other."""
    return A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
''',
}

MISTAKES = {
    # Moves a*x to the other side without dividing by b: right only when b is 1.
    "line_y": """
def line_y(a, b, c, x):
    return c - a * x
""",
    # Adds down the columns instead of across the rows.
    "predict": """
def predict(X, w):
    return (X * w).sum(axis=0)
""",
    # Adds the two diagonal products.
    "det2": """
def det2(A):
    return A[0, 0] * A[1, 1] + A[0, 1] * A[1, 0]
""",
}
