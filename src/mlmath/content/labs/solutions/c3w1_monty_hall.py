"""Reference solutions and typical mistakes for the lab "Monty Hall Problem"."""

SOLUTIONS = {
    "running_share": '''
def running_share(wins):
    """Wins so far divided by games so far."""
    return np.cumsum(wins) / np.arange(1, len(wins) + 1)
''',
    "posterior": '''
def posterior(prior, likelihood):
    """Bayes' theorem."""
    joint = prior * likelihood
    return joint / joint.sum()
''',
    "switch_win_probability": '''
def switch_win_probability(n, k):
    """First pick wrong, then the car among the n - 1 - k other closed doors."""
    return (n - 1) / n / (n - 1 - k)
''',
}

MISTAKES = {
    # Divides by the total number of games from the start, not by the games so far.
    "running_share": """
def running_share(wins):
    return np.cumsum(wins) / len(wins)
""",
    # Multiplies prior and likelihood but never rescales: the results need not add to 1.
    "posterior": """
def posterior(prior, likelihood):
    return prior * likelihood
""",
    # Forgets that the switch goes to one of several closed doors at random.
    "switch_win_probability": """
def switch_win_probability(n, k):
    return (n - 1) / n
""",
}
