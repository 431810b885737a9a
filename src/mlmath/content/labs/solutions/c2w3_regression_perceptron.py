"""Reference solutions and typical mistakes for the lab "Regression with Perceptron"."""

SOLUTIONS = {
    "predict": '''
def predict(X, w, b):
    """The perceptron's predictions: one weighted sum plus bias per row."""
    return X @ w + b
''',
    "cost": '''
def cost(y_hat, y):
    """The squared-loss cost."""
    return np.mean((y_hat - y) ** 2) / 2
''',
    "gradients": '''
def gradients(X, y, y_hat):
    """The gradient of the cost with respect to w and b."""
    error = y_hat - y
    return X.T @ error / len(y), np.mean(error)
''',
}

MISTAKES = {
    # The bias is left out of the weighted sum.
    "predict": """
def predict(X, w, b):
    return X @ w
""",
    # The 1/2 of the loss is dropped: every cost comes out twice too large.
    "cost": """
def cost(y_hat, y):
    return np.mean((y_hat - y) ** 2)
""",
    # The input factor x_j of the chain rule is missing: every weight gets the mean error.
    "gradients": """
def gradients(X, y, y_hat):
    error = y_hat - y
    return np.full(X.shape[1], np.mean(error)), np.mean(error)
""",
}
