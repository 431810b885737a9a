"""Reference solutions and typical mistakes for the lab "Optimization Using Newton's Method"."""

SOLUTIONS = {
    "newton_step": '''
def newton_step(f, df, x):
    """One Newton step for a root of f."""
    return x - f(x) / df(x)
''',
    "newton_minimize_step": '''
def newton_minimize_step(df, d2f, x):
    """One Newton step toward a minimum: root finding on f'."""
    return x - df(x) / d2f(x)
''',
    "newton_step_2d": '''
def newton_step_2d(grad, hess, p):
    """One Newton step in several variables."""
    return p - np.linalg.solve(hess(p), grad(p))
''',
}

MISTAKES = {
    # The fraction is upside down: f'/f instead of f/f'.
    "newton_step": """
def newton_step(f, df, x):
    return x - df(x) / f(x)
""",
    # The step is added instead of subtracted: it moves uphill.
    "newton_minimize_step": """
def newton_minimize_step(df, d2f, x):
    return x + df(x) / d2f(x)
""",
    # The gradient is multiplied by the Hessian instead of by its inverse.
    "newton_step_2d": """
def newton_step_2d(grad, hess, p):
    return p - hess(p) @ grad(p)
""",
}
