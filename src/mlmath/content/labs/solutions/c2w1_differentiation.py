"""Reference solutions and typical mistakes for the lab "Differentiation in Python"."""

SOLUTIONS = {
    "average_speeds": '''
def average_speeds(t, d):
    """Average speed between consecutive readings: change in distance over change in time."""
    return np.diff(d) / np.diff(t)
''',
    "central_difference": '''
def central_difference(f, x, h):
    """The slope of the secant through x - h and x + h."""
    return (f(x + h) - f(x - h)) / (2 * h)
''',
    "sigmoid_slope": '''
def sigmoid_slope(z):
    """The derivative of the sigmoid at every entry of z."""
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)
''',
}

MISTAKES = {
    # Divides each reading by its own time: the average since the start, not between readings.
    "average_speeds": """
def average_speeds(t, d):
    return d[1:] / t[1:]
""",
    # The secant spans 2h, but divides by h.
    "central_difference": """
def central_difference(f, x, h):
    return (f(x + h) - f(x - h)) / h
""",
    # Chain rule without the inside's derivative: the -1 of e^(-z) is lost.
    "sigmoid_slope": """
def sigmoid_slope(z):
    s = 1 / (1 + np.exp(-z))
    return -(s**2) * np.exp(-z)
""",
}
