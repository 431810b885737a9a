"""Reference solutions and typical mistakes for the lab "Gradient Descent in One Variable"."""

SOLUTIONS = {
    "descend": '''
def descend(fprime, x0, learning_rate, steps):
    """Gradient descent from x0: the array of x0 and every point after it."""
    points = [x0]
    for _ in range(steps):
        x = points[-1]
        points.append(x - learning_rate * fprime(x))
    return np.array(points)
''',
    "loss_slope": '''
def loss_slope(w, x, y):
    """d/dw of the mean squared error of the model w * x."""
    return 2 * np.mean((w * x - y) * x)
''',
    "best_start": '''
def best_start(f, fprime, starts, learning_rate, steps):
    """Descend from every start; return the end point where f is lowest."""
    best = None
    for x0 in starts:
        x = x0
        for _ in range(steps):
            x = x - learning_rate * fprime(x)
        if best is None or f(x) < f(best):
            best = x
    return best
''',
}

MISTAKES = {
    # Steps along the slope, uphill.
    "descend": """
def descend(fprime, x0, learning_rate, steps):
    points = [x0]
    for _ in range(steps):
        x = points[-1]
        points.append(x + learning_rate * fprime(x))
    return np.array(points)
""",
    # Chain rule without the inside's derivative: the factor x is lost.
    "loss_slope": """
def loss_slope(w, x, y):
    return 2 * np.mean(w * x - y)
""",
    # Judges the starts by their own height instead of where their walks end.
    "best_start": """
def best_start(f, fprime, starts, learning_rate, steps):
    x = min(starts, key=f)
    for _ in range(steps):
        x = x - learning_rate * fprime(x)
    return x
""",
}
