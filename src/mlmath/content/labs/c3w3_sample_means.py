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
# # Lab: Sampling from different distributions and the distribution of the sample mean
#
# The Central Limit Theorem says that the mean of n independent draws is close to
# normal, centred at μ with standard deviation σ/√n — whatever the shape of the
# population, provided its variance is finite. Here we test that claim by brute force:
# draw thousands of samples from very different populations, average each one, and look
# at the averages. Cells marked **Check** hold `assert` lines; **Try this** invites a
# change.

# %%
import numpy as np

rng = np.random.default_rng(2026)
repeats = 20_000  # how many samples we draw for each experiment

# %% [markdown]
# ## 1. Three populations with the same mean and different shapes
#
# A uniform on [0, 2] (flat), an exponential with mean 1 (skewed to the right), and a
# Bernoulli with p = 0.5 taking the values 0 and 2 (two spikes). All three have mean 1;
# their variances are 1/3, 1 and 1.

# %%
populations = {
    "uniform": (lambda size: rng.uniform(0, 2, size), 1.0, 1 / 3),
    "exponential": (lambda size: rng.exponential(1.0, size), 1.0, 1.0),
    "two spikes": (lambda size: 2.0 * rng.integers(0, 2, size), 1.0, 1.0),
}
for name, (draw, _mu, _variance) in populations.items():
    values = draw(200_000)
    print(f"{name:12s} mean {values.mean():.3f}  variance {values.var():.3f}")

# %%
# Check: the simulated moments agree with the exact ones.
for draw, mu, variance in populations.values():
    values = draw(200_000)
    assert abs(values.mean() - mu) < 0.02
    assert abs(values.var() - variance) < 0.03

# %% [markdown]
# ## 2. The means of samples of size n
#
# `draw((repeats, n))` makes a table with one sample per row; `.mean(axis=1)` averages
# each row. The standard deviation of those averages is the standard error, which the
# theory says is σ/√n.


# %%
def sample_means(draw, n: int) -> np.ndarray:
    """The means of `repeats` independent samples of size n."""
    return draw((repeats, n)).mean(axis=1)


for name, (draw, _mu, variance) in populations.items():
    for n in (2, 10, 50):
        means = sample_means(draw, n)
        print(
            f"{name:12s} n = {n:3d}: mean of means {means.mean():.3f}, "
            f"sd {means.std():.4f}, theory σ/√n = {np.sqrt(variance / n):.4f}"
        )

# %%
# Check: the standard error shrinks like 1/√n.
for draw, mu, variance in populations.values():
    for n in (2, 10, 50):
        means = sample_means(draw, n)
        assert abs(means.mean() - mu) < 0.02
        assert abs(means.std() / np.sqrt(variance / n) - 1) < 0.05

# %% [markdown]
# ## 3. The shape: how normal do the means become?
#
# If the means were exactly normal, 68.3 % would fall within one standard error of μ and
# 95.4 % within two. We also measure the skewness (0 for a normal curve): it shrinks like
# 1/√n for a skewed population.


# %%
def within(means: np.ndarray, mu: float, se: float, k: float) -> float:
    return float(np.mean(np.abs(means - mu) <= k * se))


def skewness(values: np.ndarray) -> float:
    centred = values - values.mean()
    return float(np.mean(centred**3) / np.mean(centred**2) ** 1.5)


draw, mu, variance = populations["exponential"]
for n in (1, 5, 30, 100):
    means = sample_means(draw, n)
    se = np.sqrt(variance / n)
    print(
        f"exponential n = {n:3d}: within 1 SE {within(means, mu, se, 1):.3f}, "
        f"within 2 SE {within(means, mu, se, 2):.3f}, skewness {skewness(means):.2f}"
    )

# %%
# Check: at n = 100 the means of a skewed population look normal.
means = sample_means(draw, 100)
se = np.sqrt(variance / 100)
assert abs(within(means, mu, se, 1) - 0.683) < 0.02
assert abs(within(means, mu, se, 2) - 0.954) < 0.01
assert abs(skewness(means) - 2 / np.sqrt(100)) < 0.08  # theory: 2/√n for the exponential

# %% [markdown]
# **Try this**: plot a histogram of `sample_means(draw, n)` for n = 1, 5 and 30 with
# `matplotlib.pyplot.hist(..., bins=60)` and watch the skew fade. Repeat for the
# "two spikes" population: at n = 2 it has three spikes, at n = 10 a ragged bell.

# %% [markdown]
# ## 4. When the CLT fails: infinite variance
#
# The standard Cauchy distribution (a ratio of two standard normals) has no finite mean
# or variance. Its sample means never settle: the mean of 1,000 Cauchy draws is exactly as
# spread out as a single draw.

# %%
for n in (1, 10, 1000):
    means = rng.standard_cauchy((5_000, n)).mean(axis=1)
    q1, q3 = np.quantile(means, [0.25, 0.75])
    print(f"Cauchy n = {n:4d}: interquartile range of the means {q3 - q1:.3f}")

# %%
# Check: the spread does not shrink (the interquartile range of a standard Cauchy is 2).
for n in (1, 1000):
    q1, q3 = np.quantile(rng.standard_cauchy((5_000, n)).mean(axis=1), [0.25, 0.75])
    assert 1.7 < q3 - q1 < 2.3

# %% [markdown]
# ## 5. Sample proportions and the variance with n − 1
#
# A proportion is the mean of 0/1 values, so p̂ has standard error √(p(1 − p)/n). And the
# sample variance divided by n is biased low by the factor (n − 1)/n, while dividing by
# n − 1 is right on average.

# %%
p, n = 0.3, 40
shares = (rng.random((repeats, n)) < p).mean(axis=1)
print("sd of p̂:", shares.std().round(4), "theory:", np.sqrt(p * (1 - p) / n).round(4))

samples = rng.normal(0, 3, size=(repeats, 5))  # σ² = 9, n = 5
divide_by_n = samples.var(axis=1, ddof=0).mean()
divide_by_n_minus_1 = samples.var(axis=1, ddof=1).mean()
print("average with n:", divide_by_n.round(3), " with n − 1:", divide_by_n_minus_1.round(3))

# %%
assert abs(shares.std() / np.sqrt(p * (1 - p) / n) - 1) < 0.05
assert abs(divide_by_n - 9 * 4 / 5) < 0.15
assert abs(divide_by_n_minus_1 - 9) < 0.2

# %% [markdown]
# **Try this**: change the sample size 5 to 2 and to 50. How large is the bias of the
# divide-by-n estimator each time, and does it match (n − 1)/n · σ²?
