"""Statistics: sampling, estimation (maximum likelihood and Bayesian), intervals and tests.

The numbers come from SciPy's special functions (the ones ``scipy.stats`` evaluates,
called directly); the modules here write the steps a person takes to reach them.
"""
