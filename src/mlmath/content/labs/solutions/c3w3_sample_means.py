"""Reference solutions and typical mistakes for the lab "Sampling data from different
distribution and studying the distribution of sample mean"."""

SOLUTIONS = {
    "standard_error": '''
def standard_error(x):
    """s / sqrt(n)."""
    return np.std(x, ddof=1) / np.sqrt(len(x))
''',
    "prob_mean_above": '''
def prob_mean_above(mu, sigma, n, a):
    """Standardise with the standard error, then take the area to the right."""
    from scipy.stats import norm

    z = (a - mu) / (sigma / np.sqrt(n))
    return 1 - norm.cdf(z)
''',
    "sample_variance": '''
def sample_variance(x):
    """Squared deviations from the sample mean, divided by n - 1."""
    return np.sum((x - np.mean(x)) ** 2) / (len(x) - 1)
''',
}

MISTAKES = {
    # Divides by n instead of by the square root of n.
    "standard_error": """
def standard_error(x):
    return np.std(x, ddof=1) / len(x)
""",
    # Standardises with sigma, the spread of one value, instead of the standard error.
    "prob_mean_above": """
def prob_mean_above(mu, sigma, n, a):
    from scipy.stats import norm

    return 1 - norm.cdf((a - mu) / sigma)
""",
    # Divides by n: the biased estimate.
    "sample_variance": """
def sample_variance(x):
    return np.mean((x - np.mean(x)) ** 2)
""",
}
