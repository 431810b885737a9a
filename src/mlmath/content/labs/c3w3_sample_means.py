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
# This lab belongs to the lesson **Sampling and point estimates**. There, a sample mean
# $\bar x$ estimated a population mean $\mu$; the sample mean turned out to be a random
# variable of its own, with a **standard error** $\sigma/\sqrt n$ that shrinks as the
# sample grows; the **Central Limit Theorem** said its distribution becomes normal,
# whatever the population; and dividing the squared deviations by $n - 1$ instead of $n$
# made the variance estimate unbiased. All four statements are about what happens *over
# many samples* — so here you draw many samples and watch:
#
# 1. a skewed population, and one sample from it;
# 2. the histogram of sample means narrowing, and turning into a bell, as $n$ grows;
# 3. the standard error shrinking like $1/\sqrt n$;
# 4. the same bell appearing from very different populations — and a population where
#    it never appears;
# 5. the bias of dividing by $n$, and how $n - 1$ removes it.
#
# Run the cells in order. **Try this** cells ask you to predict first, then change
# something and run. **Exercise** cells leave a function for you to write; the check
# after it says `✓` when it is right, names the first input it gets wrong (with expected
# and actual answers) when it is not, and only notes "not written yet" until you start.
# Later cells never use your functions.

# %%
import matplotlib.pyplot as plt
import numpy as np
from scipy.stats import norm

from mlmath.content.labs.checks.c3w3_sample_means import (
    check_prob_mean_above,
    check_sample_variance,
    check_standard_error,
)

rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. A population and a sample
#
# Our population: the waiting times, in minutes, of 100,000 customers at a help desk.
# Waiting times are **skewed** — most waits are short, a few are very long — and an
# exponential distribution with mean 2 minutes is a good model of them. Because we made
# the whole population, we know its true mean $\mu$ and standard deviation $\sigma$, and
# can see how well samples recover them. In real life you only ever see the sample.

# %%
population = rng.exponential(scale=2.0, size=100_000)
mu, sigma = population.mean(), population.std()
print(f"population: mean μ = {mu:.3f} min, standard deviation σ = {sigma:.3f} min")

sample = rng.choice(population, size=20)
print(f"one sample of 20: mean x̄ = {sample.mean():.3f}, s = {sample.std(ddof=1):.3f}")

fig, ax = plt.subplots(figsize=(6.5, 3.8))
ax.hist(
    population,
    bins=np.arange(0, 16, 0.5),
    density=True,
    alpha=0.5,
    label="population (100,000 waits)",
)
ax.plot(sample, np.full(sample.size, 0.02), "k|", markersize=18, label="one sample of 20")
ax.axvline(mu, color="tab:red", label=f"population mean μ = {mu:.2f}")
ax.axvline(
    sample.mean(), color="black", linestyle="--", label=f"sample mean x̄ = {sample.mean():.2f}"
)
ax.set_xlabel("waiting time (minutes)")
ax.set_ylabel("density")
ax.legend(fontsize=8)
ax.set_title("A skewed population and one sample from it")
plt.show()

# %% [markdown]
# *Figure 1 — the population and one sample.* Look at the shape of the bars: highest at
# zero and falling off with a long tail to the right — nothing like a bell. The black
# ticks are the 20 waits of our sample, and the dashed line their mean: close to $\mu$
# (red) but not on it. Another sample would give another $\bar x$. How much do those
# means vary, and what shape do they have?
#
# ## 2. The sampling distribution of the mean
#
# Draw 10,000 samples of size $n$ and compute each one's mean. With NumPy that is a
# `(10000, n)` array of draws and one `.mean(axis=1)` — the mean of each row. The
# histogram of those 10,000 means is the **sampling distribution** of $\bar X$. The CLT
# predicts it is close to $N(\mu, \sigma^2/n)$, drawn as a curve on each panel.


# %%
def sample_means(values, n, repeats=10_000):
    """The means of `repeats` samples of size n, drawn with replacement from values."""
    return rng.choice(values, size=(repeats, n)).mean(axis=1)


sizes = [1, 4, 16, 64]
fig, axes = plt.subplots(1, 4, figsize=(12, 3.2), sharey=False)
spreads = {}
for ax, n in zip(axes, sizes, strict=True):
    means = sample_means(population, n)
    spreads[n] = means.std()
    ax.hist(means, bins=60, range=(0, 8), density=True, alpha=0.6)
    xs = np.linspace(0, 8, 300)
    ax.plot(xs, norm.pdf(xs, mu, sigma / np.sqrt(n)), color="black", linewidth=1)
    ax.axvline(mu, color="tab:red", linewidth=0.8)
    ax.set_title(f"n = {n}: sd of means {means.std():.2f}")
    ax.set_xlabel("sample mean (minutes)")
axes[0].set_ylabel("density")
plt.suptitle("Sample means narrow and become normal as n grows")
plt.tight_layout()
plt.show()
for n in sizes:
    print(f"n = {n:3}: spread of the means {spreads[n]:.3f}, σ/√n = {sigma / np.sqrt(n):.3f}")
    assert abs(spreads[n] / (sigma / np.sqrt(n)) - 1) < 0.05

# %% [markdown]
# *Figure 2 — histograms of 10,000 sample means for n = 1, 4, 16 and 64.* Look at two
# things from left to right. The **width**: the histograms narrow around the red line
# at $\mu$, their spread halving each time $n$ is multiplied by 4 (printed above). The
# **shape**: at $n = 1$ the "means" are single waits and the histogram is the skewed
# population itself, far from the black normal curve; at $n = 4$ it still leans right;
# by $n = 64$ it sits on the bell.
#
# **Try this.** Predict the spread of the means for $n = 256$: about half, a quarter or
# a sixteenth of the spread for $n = 16$? Then compute
# `sample_means(population, 256).std()` and compare with `spreads[16]`.

# %% [markdown]
# ## 3. The standard error: $\sigma/\sqrt n$
#
# The spread of the sample mean is its **standard error**, $\mathrm{SE} = \sigma/\sqrt n$.
# The cell below measures it by simulation for sample sizes from 1 to 1000 and plots it
# on log–log axes, where a power law like $n^{-1/2}$ is a straight line of slope
# $-\tfrac12$.

# %%
ns = np.unique(np.logspace(0, 3, 13).astype(int))
measured = [sample_means(population, n, repeats=2000).std() for n in ns]
slope = np.polyfit(np.log(ns), np.log(measured), 1)[0]
print(f"fitted slope on log–log axes: {slope:.3f} (theory: −0.5)")
assert abs(slope + 0.5) < 0.05

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.loglog(ns, measured, "o", label="measured: sd of 2000 sample means")
ax.loglog(ns, sigma / np.sqrt(ns), "k-", label="σ/√n")
ax.set_xlabel("sample size n")
ax.set_ylabel("standard error (minutes)")
ax.legend()
ax.set_title("Four times the data, half the error")
plt.show()

# %% [markdown]
# *Figure 3 — the standard error against the sample size.* Look at the slope: the
# points fall on the line $\sigma/\sqrt n$, which drops by a factor of 10 for every
# factor of 100 in $n$. Averages get better only slowly: 100 values are ten times as
# precise as one, but it takes 10,000 to be ten times better again. This is why a test
# set of 10,000 examples pins an accuracy down to within a fraction of a percentage
# point, and a mini-batch of 64 gives only a rough gradient.
#
# In practice $\sigma$ is unknown, so the standard error is **estimated** from the
# sample itself, with the sample standard deviation $s$ (dividing by $n - 1$):
# $\widehat{\mathrm{SE}} = s/\sqrt n$.
#
# **Exercise 1.** Write `standard_error(x)`: the estimated standard error of the mean of
# the sample `x`. For the lesson's five heights 168, 175, 159, 181, 170 it is about
# 3.669. Mind the square root on $n$, and `ddof=1` for $s$.


# %%
def standard_error(x):
    """The estimated standard error of the sample mean: s / sqrt(n), s with n - 1."""
    raise NotImplementedError("write this function")


# %%
check_standard_error(standard_error)

# %% [markdown]
# ## 4. The Central Limit Theorem, from any population
#
# The CLT says that $\bar X \approx N(\mu, \sigma^2/n)$ for large enough $n$ *whatever*
# the population, as long as it has a finite variance. Test it on three very different
# populations: the lesson's loaded die that shows a 6 half the time, a test set where a
# model is right 90 % of the time (values 0 and 1), and the waiting times. To put them on
# one axis we **standardise** each mean, $z = (\bar x - \mu)/(\sigma/\sqrt n)$; the CLT
# says $z$ is close to a standard normal.

# %%
die = rng.choice(np.arange(1, 7), size=100_000, p=[0.1, 0.1, 0.1, 0.1, 0.1, 0.5])
correct = (rng.random(100_000) < 0.9).astype(float)
populations = {"loaded die": die, "right or wrong, p = 0.9": correct, "waiting times": population}

fig, axes = plt.subplots(2, 3, figsize=(11, 5.5), sharex=True)
zs = np.linspace(-4, 4, 200)
for column, (name, values) in enumerate(populations.items()):
    m, s = values.mean(), values.std()
    for row, n in enumerate([3, 50]):
        z = (sample_means(values, n) - m) / (s / np.sqrt(n))
        if name == "waiting times":
            edges = np.arange(-4, 4.01, 0.25)
        else:  # whole-number values: the means fall on a grid of step 1/n, one bar each
            grid = np.arange(values.min(), values.max() + 1.5 / n, 1 / n) - 0.5 / n
            edges = (grid - m) / (s / np.sqrt(n))
        ax = axes[row, column]
        ax.hist(z, bins=edges, density=True, alpha=0.6)
        ax.set_xlim(-4, 4)
        ax.plot(zs, norm.pdf(zs), color="black", linewidth=1)
        ax.set_title(f"{name}, n = {n}", fontsize=10)
for ax in axes[1]:
    ax.set_xlabel("standardised mean z")
plt.suptitle("Three populations, one limit")
plt.tight_layout()
plt.show()

# %% [markdown]
# *Figure 4 — standardised sample means of three populations, for n = 3 (top) and
# n = 50 (bottom).* Look at the top row: with three values the means still show where
# they came from — the die's means have a long tail on the left (most throws are 6s,
# and a few low faces drag some means far down), the right-or-wrong means can take
# only four values, and the waits have a tail on the right. In the bottom row all
# three follow the same bell: the CLT at work. The right-or-wrong bars stay coarse,
# because the mean of 50 zeros and ones can only be a multiple of $\tfrac1{50}$, but
# their heights trace the curve.
#
# The CLT turns a question about a mean into a normal probability with the standard
# error in place of $\sigma$:
#
# $$P(\bar X \ge a) \approx 1 - \Phi\!\left(\frac{a - \mu}{\sigma/\sqrt n}\right),$$
#
# where $\Phi$ is the standard normal CDF (`norm.cdf` in SciPy).
#
# **Exercise 2.** Write `prob_mean_above(mu, sigma, n, a)`: the CLT's approximation of
# the chance that the mean of $n$ values is at least $a$. The lesson's example — heights
# with $\mu = 170$, $\sigma = 8$, $n = 16$, $a = 173$ — gives about 0.0668. Standardise with
# the standard error, not with $\sigma$.


# %%
def prob_mean_above(mu, sigma, n, a):
    """P(mean of n values >= a) by the CLT: 1 - Phi((a - mu) / (sigma / sqrt(n)))."""
    raise NotImplementedError("write this function")


# %%
check_prob_mean_above(prob_mean_above)

# %% [markdown]
# Check the lesson's answer by brute force: 100,000 groups of 16 students with normal
# heights, and the share of groups whose mean height is at least 173 cm.

# %%
groups = rng.normal(170, 8, size=(100_000, 16)).mean(axis=1)
share = np.mean(groups >= 173)
formula = norm.sf(173, loc=170, scale=8 / np.sqrt(16))
print(f"groups of 16 averaging 173 or more: simulated {share:.4f}, CLT formula {formula:.4f}")
print(f"a single student of 173 or more: {norm.sf(173, 170, 8):.3f}")
assert abs(share - formula) < 0.005

# %% [markdown]
# **Try this.** The CLT needs a finite variance. The **Cauchy** distribution has none.
# Predict: will the means of Cauchy samples narrow as $n$ grows? Make a population with
# `cauchy = rng.standard_cauchy(100_000)` and print
# `np.percentile(sample_means(cauchy, n), [25, 75])` for `n` equal to 1, 16 and 256.
# (The quartiles of the Cauchy distribution itself are $-1$ and $1$.)

# %% [markdown]
# ## 5. Biased and unbiased: why $n - 1$
#
# To estimate the population variance from a sample, the natural formula averages the
# squared deviations from the sample mean, dividing by $n$. But $\bar x$ is the point
# *closest* to the sample — closer than the unknown $\mu$ — so those deviations are a
# little too small, and the estimate is too small on average: its expected value is
# $\frac{n-1}{n}\sigma^2$. Dividing by $n - 1$ instead removes this **bias** exactly.
#
# **Exercise 3.** Write `sample_variance(x)`: the unbiased sample variance, the sum of
# squared deviations from the sample mean divided by $n - 1$. For the lesson's sample 4,
# 8, 6, 2 it is $20/3 \approx 6.67$ (dividing by $n$ would give 5).


# %%
def sample_variance(x):
    """The unbiased sample variance: sum of (x - mean)² divided by n - 1."""
    raise NotImplementedError("write this function")


# %%
check_sample_variance(sample_variance)

# %% [markdown]
# Now the bias itself. From a normal population with $\sigma^2 = 36$ (the lesson's
# example), draw 20,000 samples of each size, estimate the variance both ways, and
# average the estimates. `np.var(..., axis=1)` divides by $n$; with `ddof=1` by $n - 1$.

# %%
true_var = 36.0
sizes = np.array([2, 3, 4, 6, 10, 20, 50])
by_n, by_n_minus_1 = [], []
for n in sizes:
    draws = rng.normal(0, np.sqrt(true_var), size=(20_000, n))
    by_n.append(draws.var(axis=1).mean())
    by_n_minus_1.append(draws.var(axis=1, ddof=1).mean())
print("average of the ÷n estimates:    ", np.round(by_n, 1))
print("theory (n − 1)/n · 36:           ", np.round((sizes - 1) / sizes * true_var, 1))
print("average of the ÷(n − 1) estimates:", np.round(by_n_minus_1, 1))
assert abs(by_n[2] - 27) < 1
assert np.allclose(by_n_minus_1, true_var, rtol=0.05)

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.plot(sizes, by_n, "o-", label="divide by n (biased)")
ax.plot(sizes, by_n_minus_1, "s-", label="divide by n − 1 (unbiased)")
ax.plot(sizes, (sizes - 1) / sizes * true_var, "k:", label="theory: (n − 1)/n · σ²")
ax.axhline(true_var, color="tab:red", linewidth=0.8, label="true σ² = 36")
ax.set_xscale("log")
ax.set_xticks(sizes, [str(n) for n in sizes])
ax.minorticks_off()
ax.set_xlabel("sample size n")
ax.set_ylabel("average variance estimate")
ax.legend(fontsize=8)
ax.set_title("Dividing by n underestimates, most for small n")
plt.show()

# %% [markdown]
# *Figure 5 — the average variance estimate against the sample size.* Look at the left
# end: with samples of 2, dividing by $n$ gives on average only *half* the true variance
# (18 instead of 36), exactly as the dotted theory line says; with samples of 4, three
# quarters (27). The orange squares, dividing by $n - 1$, sit on the red line at every
# size. As $n$ grows the two estimators meet — the bias matters for small samples, such
# as the small batches of batch normalisation.
#
# **Try this.** The sample *standard deviation* $s = \sqrt{s^2}$ is still slightly
# biased, even with $n - 1$. Predict whether it underestimates or overestimates
# $\sigma = 6$ for samples of 4, then compute
# `rng.normal(0, 6, size=(20_000, 4)).std(axis=1, ddof=1).mean()`.
#
# **What you have done.** Drawn thousands of samples from a skewed population and
# watched their means narrow around $\mu$ and turn normal; measured the standard error
# and its $1/\sqrt n$ law; estimated it from a single sample; seen the Central Limit
# Theorem make the same bell out of a die, a 0/1 score and waiting times; computed a
# probability about a mean with the standard error; and measured the bias that $n - 1$
# removes.
