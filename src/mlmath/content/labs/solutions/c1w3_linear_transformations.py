"""Reference solutions and typical mistakes for the lab "Linear Transformations"."""

SOLUTIONS = {
    "matrix_from_images": '''
def matrix_from_images(image_e1, image_e2):
    """The matrix whose columns are the images of e1 and e2."""
    return np.column_stack([image_e1, image_e2])
''',
    "rotation": '''
def rotation(degrees):
    """The matrix of the anticlockwise rotation by `degrees`."""
    t = np.radians(degrees)
    return np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
''',
    "inverse_2x2": '''
def inverse_2x2(A):
    """The inverse of the 2x2 matrix A (its determinant is not 0)."""
    (a, b), (c, d) = A
    return np.array([[d, -b], [-c, a]]) / (a * d - b * c)
''',
}

MISTAKES = {
    # Writes the images as rows: the transpose.
    "matrix_from_images": """
def matrix_from_images(image_e1, image_e2):
    return np.array([image_e1, image_e2])
""",
    # Turns clockwise: the minus sign on the wrong sine.
    "rotation": """
def rotation(degrees):
    t = np.radians(degrees)
    return np.array([[np.cos(t), np.sin(t)], [-np.sin(t), np.cos(t)]])
""",
    # Swaps and negates but forgets to divide by the determinant.
    "inverse_2x2": """
def inverse_2x2(A):
    (a, b), (c, d) = A
    return np.array([[d, -b], [-c, a]])
""",
}
