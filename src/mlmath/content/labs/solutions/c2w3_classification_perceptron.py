"""Reference solutions and typical mistakes for the lab "Classification with Perceptron"."""

SOLUTIONS = {
    "sigmoid": '''
def sigmoid(z):
    """The sigmoid of every entry of z."""
    return 1 / (1 + np.exp(-z))
''',
    "log_loss": '''
def log_loss(y_hat, y):
    """The mean log loss."""
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
''',
    "classify": '''
def classify(X, w, b):
    """1 where the probability of class 1 is at least one half."""
    probability = 1 / (1 + np.exp(-(X @ w + b)))
    return (probability >= 0.5).astype(int)
''',
}

MISTAKES = {
    # The minus sign in the exponent is lost: this is 1 - sigmoid(z).
    "sigmoid": """
def sigmoid(z):
    return 1 / (1 + np.exp(z))
""",
    # Only the term for y = 1 is kept: normal e-mails cost nothing.
    "log_loss": """
def log_loss(y_hat, y):
    return -np.mean(y * np.log(y_hat))
""",
    # The score z is compared with one half, instead of the probability sigmoid(z).
    "classify": """
def classify(X, w, b):
    return (X @ w + b >= 0.5).astype(int)
""",
}
