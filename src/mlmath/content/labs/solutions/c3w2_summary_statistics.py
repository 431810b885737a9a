"""Reference solutions and typical mistakes for the lab "Summary statistics and
visualization of data sets"."""

SOLUTIONS = {
    "quantile": '''
def quantile(values, q):
    """Sort; go to position (n - 1) q; interpolate between the neighbours."""
    ordered = np.sort(values)
    h = (len(ordered) - 1) * q
    below = int(h)
    if below == len(ordered) - 1:
        return ordered[below]
    return ordered[below] + (h - below) * (ordered[below + 1] - ordered[below])
''',
    "sample_covariance": '''
def sample_covariance(x, y):
    """Products of the deviations, divided by n - 1."""
    return np.sum((x - x.mean()) * (y - y.mean())) / (len(x) - 1)
''',
    "correlation": '''
def correlation(x, y):
    """Covariance over both standard deviations, all with n - 1."""
    s_xy = np.sum((x - x.mean()) * (y - y.mean())) / (len(x) - 1)
    return s_xy / (np.std(x, ddof=1) * np.std(y, ddof=1))
''',
}

MISTAKES = {
    # The data are used in the order given, without sorting.
    "quantile": """
def quantile(values, q):
    h = (len(values) - 1) * q
    below = int(h)
    above = min(below + 1, len(values) - 1)
    return values[below] + (h - below) * (values[above] - values[below])
""",
    # Divides by n: the population covariance, not the sample one.
    "sample_covariance": """
def sample_covariance(x, y):
    return np.mean((x - x.mean()) * (y - y.mean()))
""",
    # The covariance divides by n but the standard deviations by n - 1.
    "correlation": """
def correlation(x, y):
    s_xy = np.mean((x - x.mean()) * (y - y.mean()))
    return s_xy / (np.std(x, ddof=1) * np.std(y, ddof=1))
""",
}
