"""Reference solutions and typical mistakes for the lab "Gradient Descent in Two Variables"."""

SOLUTIONS = {
    "descend_2d": '''
def descend_2d(gradient, start, learning_rate, steps):
    """Gradient descent in the plane: every point visited, one per row."""
    points = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        p = points[-1]
        points.append(p - learning_rate * gradient(p))
    return np.array(points)
''',
    "numerical_gradient": '''
def numerical_gradient(f, p, h):
    """Central differences, one coordinate at a time."""
    gradient = np.zeros(len(p))
    for i in range(len(p)):
        step = np.zeros(len(p))
        step[i] = h
        gradient[i] = (f(p + step) - f(p - step)) / (2 * h)
    return gradient
''',
    "mse_gradient": '''
def mse_gradient(m, b, x, y):
    """The gradient (dL/dm, dL/db) of the mean squared error of the line m * x + b."""
    error = m * x + b - y
    return np.array([2 * np.mean(error * x), 2 * np.mean(error)])
''',
}

MISTAKES = {
    # Moves x first and then uses the new x for y's step: not a gradient step.
    "descend_2d": """
def descend_2d(gradient, start, learning_rate, steps):
    points = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        p = points[-1].copy()
        p[0] = p[0] - learning_rate * gradient(p)[0]
        p[1] = p[1] - learning_rate * gradient(p)[1]
        points.append(p)
    return np.array(points)
""",
    # Nudges both coordinates at once: a slope along the diagonal, in every entry.
    "numerical_gradient": """
def numerical_gradient(f, p, h):
    slope = (f(p + h) - f(p - h)) / (2 * h)
    return np.array([slope for _ in p])
""",
    # Sums the errors instead of averaging them: the factor 1/n is missing.
    "mse_gradient": """
def mse_gradient(m, b, x, y):
    error = m * x + b - y
    return np.array([2 * np.sum(error * x), 2 * np.sum(error)])
""",
}
