"""Reference solutions and typical mistakes for the lab "Matrix Multiplication"."""

SOLUTIONS = {
    "matmul": '''
def matmul(A, B):
    """The matrix product of A (m x n) and B (n x p), from rows and columns."""
    m, n = A.shape
    p = B.shape[1]
    C = np.zeros((m, p))
    for i in range(m):
        for j in range(p):
            C[i, j] = A[i, :] @ B[:, j]
    return C
''',
    "compose": '''
def compose(first, second):
    """The matrix of 'apply first, then second': the one applied first stands on the right."""
    return second @ first
''',
    "layer": '''
def layer(W, b, x):
    """A ReLU layer: max(0, W x + b), entry by entry."""
    return np.maximum(0, W @ x + b)
''',
}

MISTAKES = {
    # Dots rows of A with rows of B (that is A times the transpose of B).
    "matmul": """
def matmul(A, B):
    return np.array([[row_a @ row_b for row_b in B] for row_a in A])
""",
    # Multiplies in the order the transformations happen.
    "compose": """
def compose(first, second):
    return first @ second
""",
    # Applies the activation before adding the bias.
    "layer": """
def layer(W, b, x):
    return np.maximum(0, W @ x) + b
""",
}
