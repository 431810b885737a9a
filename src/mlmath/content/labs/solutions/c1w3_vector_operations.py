"""Reference solutions and typical mistakes for the lab "Vector Operations"."""

SOLUTIONS = {
    "norm_l1": '''
def norm_l1(v):
    """The L1 norm of v: the sum of the sizes of its entries."""
    return np.abs(v).sum()
''',
    "dot": '''
def dot(u, v):
    """The dot product of u and v: multiply matching entries, add the products."""
    return (u * v).sum()
''',
    "angle_degrees": '''
def angle_degrees(u, v):
    """The angle between u and v in degrees."""
    cosine = (u @ v) / (np.linalg.norm(u) * np.linalg.norm(v))
    return np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0)))
''',
    "nearest_row": '''
def nearest_row(X, q):
    """The index of the row of X nearest to q."""
    distances = np.linalg.norm(X - q, axis=1)
    return int(np.argmin(distances))
''',
}

MISTAKES = {
    # Adds the entries with their signs.
    "norm_l1": """
def norm_l1(v):
    return v.sum()
""",
    # Multiplies matching entries but forgets to add them up.
    "dot": """
def dot(u, v):
    return u * v
""",
    # Answers in radians.
    "angle_degrees": """
def angle_degrees(u, v):
    return np.arccos(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))
""",
    # Takes the norm of the whole matrix of differences: one number, so argmin is always 0.
    "nearest_row": """
def nearest_row(X, q):
    return int(np.argmin(np.linalg.norm(X - q)))
""",
}
