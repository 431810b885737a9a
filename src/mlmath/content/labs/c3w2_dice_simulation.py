# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab: Simulating dice rolls with NumPy
#
# A fair die is the simplest random variable there is, and a good one to check the
# formulas of this week against. We roll it — millions of times, in a fraction of a
# second — and compare what we see with the exact PMF, expected value, variance and
# covariance. Cells marked **Check** hold `assert` lines; **Try this** invites a change.

# %%
import numpy as np

rng = np.random.default_rng(42)
faces = np.arange(1, 7)

# %% [markdown]
# ## 1. One die
#
# `rng.integers(1, 7, size=n)` rolls n fair dice (the upper end 7 is excluded). The
# exact mean is $E[X] = \tfrac{1 + \dots + 6}{6} = 3.5$ and the variance
# $E[X^2] - (E[X])^2 = \tfrac{91}{6} - 3.5^2 = \tfrac{35}{12}$.

# %%
rolls = rng.integers(1, 7, size=600_000)
frequencies = np.bincount(rolls, minlength=7)[1:] / rolls.size
print(frequencies.round(4))
print(rolls.mean(), rolls.var())

# %%
assert np.allclose(frequencies, 1 / 6, atol=0.003)
assert abs(rolls.mean() - 3.5) < 0.01
assert abs(rolls.var() - 35 / 12) < 0.02

# %% [markdown]
# ## 2. The sum of two dice
#
# The exact PMF of the sum comes from counting the 36 ordered pairs. NumPy builds all of
# them at once with broadcasting.

# %%
pairs = faces[:, None] + faces[None, :]  # a 6x6 table of sums
exact_pmf = np.bincount(pairs.ravel(), minlength=13)[2:] / 36
two = rng.integers(1, 7, size=(400_000, 2)).sum(axis=1)
simulated_pmf = np.bincount(two, minlength=13)[2:] / two.size
for total, e, s in zip(range(2, 13), exact_pmf, simulated_pmf, strict=True):
    print(total, round(e, 4), round(s, 4))

# %%
assert np.isclose(exact_pmf[7 - 2], 6 / 36)
assert np.allclose(simulated_pmf, exact_pmf, atol=0.003)
# Means add; for independent dice variances add too.
assert abs(two.mean() - 7) < 0.02
assert abs(two.var() - 2 * 35 / 12) < 0.05

# %% [markdown]
# ## 3. Joint distribution, marginals and covariance
#
# Roll two dice; let $X$ be the first die and $S$ the sum. They are dependent (a big first
# die makes a big sum likely). The joint table of $(X, S)$ has 6 × 11 cells; each row adds
# up to the marginal $P(X = x) = 1/6$.

# %%
first = rng.integers(1, 7, size=300_000)
second = rng.integers(1, 7, size=300_000)
total = first + second
joint = np.zeros((6, 11))
np.add.at(joint, (first - 1, total - 2), 1)
joint /= joint.sum()
print(joint.sum(axis=1).round(3))  # marginal of X

# %%
assert np.allclose(joint.sum(axis=1), 1 / 6, atol=0.005)
# Independence would make every cell the product of its margins; it does not.
product = np.outer(joint.sum(axis=1), joint.sum(axis=0))
assert np.abs(joint - product).max() > 0.01

# %% [markdown]
# Cov(X, S) = Cov(X, X + Y) = Var(X) + Cov(X, Y) = 35/12 + 0, because the two dice are
# independent. `np.cov` divides by n − 1 by default.

# %%
cov = np.cov(first, total)[0, 1]
independent_cov = np.cov(first, second)[0, 1]
print(round(cov, 3), round(independent_cov, 4))
assert abs(cov - 35 / 12) < 0.05
assert abs(independent_cov) < 0.05

# %% [markdown]
# ## 4. A loaded die
#
# `rng.choice` rolls a die with any probabilities. Here six comes up half the time.

# %%
loaded_p = np.array([0.1, 0.1, 0.1, 0.1, 0.1, 0.5])
loaded = rng.choice(faces, size=200_000, p=loaded_p)
expected = (faces * loaded_p).sum()
variance = (faces**2 * loaded_p).sum() - expected**2
print(expected, round(variance, 4), loaded.mean().round(3), loaded.var().round(3))

# %%
assert np.isclose(expected, 4.5)
assert abs(loaded.mean() - expected) < 0.02
assert abs(loaded.var() - variance) < 0.05

# %% [markdown]
# **Try this**: roll three fair dice and find the most likely sum, exactly (with a 6×6×6
# broadcast table) and by simulation. Then roll the loaded die twice: what is
# P(sum = 12), exactly and simulated?
