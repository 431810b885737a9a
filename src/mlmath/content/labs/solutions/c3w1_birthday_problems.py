"""Reference solutions and typical mistakes for the lab "Four Birthday Problems"."""

SOLUTIONS = {
    "shares_mine": '''
def shares_mine(n):
    """The complement of "all n miss my birthday"."""
    return 1 - (364 / 365) ** n
''',
    "some_pair": '''
def some_pair(n):
    """The complement of "all n birthdays differ"."""
    return 1 - np.prod((365 - np.arange(n)) / 365)
''',
    "simulate_some_pair": '''
def simulate_some_pair(n, trials, rng):
    """Sort each room's birthdays; a repeat is a zero difference between neighbours."""
    days = np.sort(rng.integers(0, 365, size=(trials, n)), axis=1)
    return np.mean((np.diff(days, axis=1) == 0).any(axis=1))
''',
}

MISTAKES = {
    # The chances are added, as if two people could never both share my birthday.
    "shares_mine": """
def shares_mine(n):
    return n / 365
""",
    # The probability that all birthdays differ: the complement of what was asked.
    "some_pair": """
def some_pair(n):
    return np.prod((365 - np.arange(n)) / 365)
""",
    # Without sorting, only people who happen to sit next to each other are compared.
    "simulate_some_pair": """
def simulate_some_pair(n, trials, rng):
    days = rng.integers(0, 365, size=(trials, n))
    return np.mean((np.diff(days, axis=1) == 0).any(axis=1))
""",
}
