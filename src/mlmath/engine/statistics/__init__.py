"""Statistics: sampling, estimation (maximum likelihood and Bayesian), intervals and tests.

Statistics of data are exact: a data set is a :class:`~.columns.Column` of decimals held
as integers over one denominator, so sums, means, sums of squares and products, the
regression line and the ANOVA sums are exact fractions, whatever the offset or the size.
Distribution functions come from SciPy's special functions (the ones ``scipy.stats``
evaluates, called directly); the modules here write the steps a person takes.
"""
