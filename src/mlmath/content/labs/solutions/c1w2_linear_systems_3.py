"""Reference solutions and typical mistakes for the lab "Solving Linear Systems: 3 variables"."""

SOLUTIONS = {
    "forward_eliminate": '''
def forward_eliminate(M):
    """The staircase of the augmented matrix M: zeros below every pivot."""
    work = M.astype(float)
    n = work.shape[0]
    for col in range(n):
        for row in range(col + 1, n):
            factor = work[row, col] / work[col, col]
            work[row] = work[row] - factor * work[col]
    return work
''',
    "back_substitute": '''
def back_substitute(U):
    """The solution of the staircase system U (augmented, upper triangular)."""
    n = U.shape[0]
    x = np.zeros(n)
    for row in range(n - 1, -1, -1):
        known = U[row, row + 1 : n] @ x[row + 1 :]
        x[row] = (U[row, n] - known) / U[row, row]
    return x
''',
    "det_by_elimination": '''
def det_by_elimination(A):
    """The determinant of A: eliminate to a staircase, swapping rows when a pivot is 0."""
    U = A.astype(float)
    n = U.shape[0]
    sign = 1.0
    for col in range(n):
        candidates = np.flatnonzero(np.abs(U[col:, col]) > 1e-12)
        if len(candidates) == 0:
            return 0.0
        pivot = col + candidates[0]
        if pivot != col:
            U[[col, pivot]] = U[[pivot, col]]
            sign = -sign
        for row in range(col + 1, n):
            U[row] = U[row] - (U[row, col] / U[col, col]) * U[col]
    return sign * np.prod(np.diag(U))
''',
}

MISTAKES = {
    # Eliminates in the coefficients only: the right-hand side column is left behind.
    "forward_eliminate": """
def forward_eliminate(M):
    work = M.astype(float)
    n = work.shape[0]
    for col in range(n):
        for row in range(col + 1, n):
            factor = work[row, col] / work[col, col]
            work[row, :n] = work[row, :n] - factor * work[col, :n]
    return work
""",
    # Divides the right-hand side by the pivot without moving the known terms across.
    "back_substitute": """
def back_substitute(U):
    n = U.shape[0]
    return np.array([U[row, n] / U[row, row] for row in range(n)])
""",
    # Swaps rows but forgets that a swap changes the determinant's sign.
    "det_by_elimination": """
def det_by_elimination(A):
    U = A.astype(float)
    n = U.shape[0]
    for col in range(n):
        candidates = np.flatnonzero(np.abs(U[col:, col]) > 1e-12)
        if len(candidates) == 0:
            return 0.0
        pivot = col + candidates[0]
        U[[col, pivot]] = U[[pivot, col]]
        for row in range(col + 1, n):
            U[row] = U[row] - (U[row, col] / U[col, col]) * U[col]
    return np.prod(np.diag(U))
""",
}
