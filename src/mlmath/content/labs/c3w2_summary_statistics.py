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
# # Lab: Summary statistics and visualization of data sets
#
# This lab belongs to the lesson **Random vectors**, and uses the summaries of the
# lesson before it, **Describing distributions**. A summary statistic squeezes a whole
# column of data into one number: the mean or median for "typical", the standard
# deviation or the interquartile range for "spread", the covariance or correlation for
# "how two columns move together". Summaries are indispensable — and dangerous, because
# very different data can share them. Here you will:
#
# 1. summarise the prices of the flats data set, and draw them as a histogram and box
#    plots;
# 2. compute quantiles the lesson's way and find outliers with the box-plot rule;
# 3. measure how area, rooms and price move together: covariance and correlation;
# 4. meet **Anscombe's quartet**, four data sets with identical summaries and nothing
#    else in common;
# 5. sample from a multivariate normal and recover its mean and covariance matrix.
#
# Run the cells in order. **Try this** cells ask you to predict first, then change
# something and run. **Exercise** cells leave a function for you to write; the check
# after it says `✓` when it is right, names the first input it gets wrong (with expected
# and actual answers) when it is not, and only notes "not written yet" until you start.
# Later cells never use your functions.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from mlmath.content.labs.checks.c3w2_summary_statistics import (
    check_correlation,
    check_quantile,
    check_sample_covariance,
)
from mlmath.labcheck import data_file

rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. Centre and spread of one column
#
# The flats data set (the one the perceptron labs learned from) has the area in m², the
# number of rooms and the price in thousands. `describe()` prints pandas' standard
# summaries of every column at once: count, mean, standard deviation, minimum,
# quartiles and maximum.

# %%
flats = pd.read_csv(data_file("flats.csv"))
print(flats.describe().round(2))
price = flats["price_k"].to_numpy().astype(float)

print(f"\nprice: mean {price.mean():.1f}, median {np.median(price):.1f}")
print(f"variance: population (÷ n) {price.var():.1f}, sample (÷ n − 1) {price.var(ddof=1):.1f}")
print(f"standard deviation (sample): {price.std(ddof=1):.1f}")
assert np.isclose(price.std(ddof=1), flats["price_k"].std())  # pandas divides by n − 1

# %% [markdown]
# Note the two variances: NumPy's `var` divides by $n$ unless you pass `ddof=1`; pandas
# divides by $n - 1$ by default. For a sample, $n - 1$ is the unbiased choice (the
# sample-means lab of week 3 shows why). A histogram shows what the numbers summarise.

# %%
fig, ax = plt.subplots(figsize=(6, 3.8))
ax.hist(price, bins=np.arange(100, 520, 40), edgecolor="white")
ax.axvline(price.mean(), color="tab:red", label=f"mean {price.mean():.0f}")
ax.axvline(np.median(price), color="black", linestyle="--", label=f"median {np.median(price):.0f}")
ax.set_xlabel("price (thousands)")
ax.set_ylabel("number of flats")
ax.legend()
ax.set_title("Prices of 24 flats")
plt.show()

# %% [markdown]
# *Figure 1 — a histogram of the prices.* Look at the two vertical lines: the mean (red)
# sits a little left of the median (dashed), because the few cheap small flats pull the
# mean down while the median only cares about order. The prices spread widely, from 110
# to 488 thousand, with no single peak; the standard deviation, about 100 thousand, is
# the typical distance of a price from the mean.
#
# **Try this.** Predict how the mean and the median move if the most expensive flat had
# sold for 4,880 instead of 488 thousand (a typing error with one zero too many). Then
# run `typo = price.copy(); typo[typo.argmax()] = 4880` and print both.

# %% [markdown]
# ## 2. Quantiles, box plots and outliers
#
# The lesson's rule for the $q$-quantile of data: sort the $n$ values, number their
# positions from 0 to $n - 1$, and go to position $h = (n - 1)\,q$; if $h$ falls between
# two positions, interpolate linearly between their values. This is what
# `np.quantile` does by default.
#
# **Exercise 1.** Write `quantile(values, q)` following that rule, without calling
# `np.quantile`. For the lesson's delivery times 7, 1, 3, 5, 9, 12 the quartiles are
# 3.5, 6 and 8.5. `np.sort` sorts; `int(h)` gives the position below $h$. Watch out for
# $q = 1$, where $h$ is the last position and there is no position above.


# %%
def quantile(values, q):
    """The q-quantile of the data by the lesson's rule (position (n - 1) q, interpolated)."""
    raise NotImplementedError("write this function")


# %%
check_quantile(quantile)

# %% [markdown]
# A box plot draws the five-number summary: a box from $Q_1$ to $Q_3$ with a line at the
# median, whiskers out to the last points within $1.5 \cdot \mathrm{IQR}$ of the box, and
# anything beyond as separate dots. Side by side, box plots compare groups — here the
# price per square metre for flats with different numbers of rooms.

# %%
flats["per_m2"] = flats["price_k"] * 1000 / flats["area_m2"]
groups = sorted(flats["rooms"].unique())
per_room = [flats.loc[flats["rooms"] == r, "per_m2"].to_numpy() for r in groups]

q1, q3 = np.quantile(flats["per_m2"], [0.25, 0.75])
iqr = q3 - q1
low_fence, high_fence = q1 - 1.5 * iqr, q3 + 1.5 * iqr
flagged = flats[(flats["per_m2"] < low_fence) | (flats["per_m2"] > high_fence)]
print(f"price per m²: Q1 {q1:.0f}, Q3 {q3:.0f}, IQR {iqr:.0f}")
print(f"fences: {low_fence:.0f} and {high_fence:.0f}")
print("flats outside the fences:")
print(flagged.round(0))

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8), gridspec_kw={"width_ratios": [1, 2.2]})
left.boxplot(flats["per_m2"])
left.set_xticks([1], ["all flats"])
left.set_ylabel("price per m²")
left.set_title("All 24 flats")
right.boxplot(per_room)
right.set_xticks(range(1, len(groups) + 1), [f"{r} room{'s' if r > 1 else ''}" for r in groups])
right.set_title("By number of rooms")
plt.tight_layout()
plt.show()

# %% [markdown]
# *Figure 2 — box plots of the price per m².* Look at the left box: the middle half of
# the flats cost between about 3,260 and 3,510 per m², and the single dot above the
# whisker is the flat the 1.5 · IQR rule flags — 53 m² with 3 rooms for 210 thousand,
# nearly 4,000 per m² (printed above). On the right, look at how the boxes compare: the
# price per m² does not climb steadily with the number of rooms — one-room flats are
# the dearest per m², two-room flats the cheapest. But the one-room box holds three
# flats and the five-room "box" a single one, a flat line: a box plot of a handful of
# points deserves suspicion.
#
# ## 3. Two columns at once: covariance and correlation
#
# The **sample covariance** of two columns averages the products of their deviations
# from their means, dividing by $n - 1$:
#
# $$s_{xy} = \frac{1}{n - 1}\sum_{i=1}^n (x_i - \bar x)(y_i - \bar y).$$
#
# Positive when the two rise together, negative when one falls as the other rises. Its
# size depends on the units, so the **correlation** divides it by both standard
# deviations, $r = \frac{s_{xy}}{s_x s_y}$, which always lies between $-1$ and $1$.
#
# **Exercise 2.** Write `sample_covariance(x, y)` for two arrays of the same length. The
# lesson's advertising example, $(1, 1), (2, 4), (2, 2), (3, 3)$, gives $\frac23$.


# %%
def sample_covariance(x, y):
    """The sample covariance: sum of (x - mean x)(y - mean y), divided by n - 1."""
    raise NotImplementedError("write this function")


# %%
check_sample_covariance(sample_covariance)

# %% [markdown]
# **Exercise 3.** Write `correlation(x, y)`: the sample covariance divided by both
# sample standard deviations (`np.std(x, ddof=1)`). For the advertising example it is
# about 0.632. Mixing $n$ and $n - 1$ between the top and the bottom of the fraction is
# the classic slip: use the same one in both.


# %%
def correlation(x, y):
    """The correlation r = s_xy / (s_x s_y)."""
    raise NotImplementedError("write this function")


# %%
check_correlation(correlation)

# %% [markdown]
# NumPy computes all the covariances of several columns at once: `np.cov` returns the
# **covariance matrix** (variances on the diagonal, covariances off it), `np.corrcoef`
# the correlation matrix. Each column is one variable, so we pass `rowvar=False`.

# %%
columns = ["area_m2", "rooms", "price_k"]
data = flats[columns].to_numpy().astype(float)
cov = np.cov(data, rowvar=False)
corr = np.corrcoef(data, rowvar=False)
print("covariance matrix:\n", cov.round(1))
print("correlation matrix:\n", corr.round(3))
assert np.allclose(cov, cov.T)
assert np.allclose(np.diag(cov), data.var(axis=0, ddof=1))
assert np.allclose(corr, cov / np.sqrt(np.outer(np.diag(cov), np.diag(cov))))

fig, axes = plt.subplots(1, 3, figsize=(10, 3.2))
for ax, (a, b) in zip(axes, [(0, 2), (1, 2), (0, 1)], strict=True):
    ax.scatter(data[:, a], data[:, b], s=16)
    ax.set_xlabel(columns[a])
    ax.set_ylabel(columns[b])
    ax.set_title(f"r = {corr[a, b]:.2f}")
plt.tight_layout()
plt.show()

# %% [markdown]
# *Figure 3 — the three pairs of columns, with their correlations.* Look at the first
# panel: area and price lie almost on a line, $r \approx 0.99$. Rooms and price (middle)
# also rise together, but the points are stacked in columns — rooms is a whole number —
# and the correlation is weaker. The third panel is why the regression lab had trouble
# with two features: area and rooms are themselves strongly correlated, so they carry
# much of the same information.
#
# **Try this.** Predict the correlation between the price and the price *in euros*
# rather than thousands (`price * 1000`), and between the price and `-price`. Compute
# both with `np.corrcoef` and explain what the correlation ignores.

# %% [markdown]
# ## 4. Anscombe's quartet: always draw the data
#
# In 1973 the statistician Francis Anscombe published four small data sets, built to
# share their summaries. The package ships them: 11 points each, columns `x` and `y`.

# %%
anscombe = pd.read_csv(data_file("anscombe.csv"))
summary = anscombe.groupby("dataset").agg(
    x_mean=("x", "mean"),
    x_var=("x", "var"),
    y_mean=("y", "mean"),
    y_var=("y", "var"),
)
summary["correlation"] = [
    np.corrcoef(part["x"], part["y"])[0, 1] for _, part in anscombe.groupby("dataset")
]
summary["slope"], summary["intercept"] = zip(
    *[np.polyfit(part["x"], part["y"], 1) for _, part in anscombe.groupby("dataset")], strict=True
)
print(summary.round(2))
assert np.allclose(summary["x_mean"], 9)
assert np.allclose(summary["y_mean"], 7.5, atol=0.01)
assert np.allclose(summary["correlation"], 0.816, atol=0.002)

# %% [markdown]
# Every row agrees to two decimals: the same means, the same variances, the same
# correlation, and the same least-squares line $y \approx 3 + 0.5x$. Now draw them.

# %%
fig, axes = plt.subplots(2, 2, figsize=(8, 6), sharex=True, sharey=True)
line_x = np.array([3, 20])
for ax, (name, part) in zip(axes.flat, anscombe.groupby("dataset"), strict=True):
    slope, intercept = np.polyfit(part["x"], part["y"], 1)
    ax.scatter(part["x"], part["y"], color="tab:blue")
    ax.plot(line_x, intercept + slope * line_x, color="tab:red", linewidth=1)
    ax.set_title(f"data set {name}")
for ax in axes[1]:
    ax.set_xlabel("x")
for ax in axes[:, 0]:
    ax.set_ylabel("y")
plt.suptitle("Anscombe's quartet: one summary, four stories")
plt.tight_layout()
plt.show()

# %% [markdown]
# *Figure 4 — Anscombe's quartet with its common regression line.* Look at each panel in
# turn. I is what the summaries suggest: a noisy straight-line trend. II is a perfect
# *curve* — the correlation of 0.82 reports a straight-line relation that is not there.
# III is a perfect line except for one point, which drags the fitted line off the other
# ten. IV has no relation at all between $x$ and $y$ for ten points that share one $x$;
# a single far point creates the whole correlation. Same numbers, four different
# stories: summaries are for data you have already looked at.
#
# **Try this.** Predict the correlation of data set III without its outlier (the point
# with $y = 12.74$). Compute it with
# `part = anscombe[(anscombe.dataset == "III") & (anscombe.y < 12)]` and
# `np.corrcoef(part.x, part.y)`.

# %% [markdown]
# ## 5. A multivariate normal: the covariance matrix as a shape
#
# The lesson's heights (cm) and weights (kg) follow a multivariate normal with mean
# $\mu = (170, 70)$ and covariance matrix
# $\Sigma = \begin{bmatrix} 100 & 60 \\ 60 & 144 \end{bmatrix}$, so the correlation is
# $\frac{60}{10 \cdot 12} = 0.5$. `rng.multivariate_normal` draws from it; the sample's
# summaries should come back close to $\mu$ and $\Sigma$.

# %%
mu = np.array([170.0, 70.0])
sigma = np.array([[100.0, 60.0], [60.0, 144.0]])
people = rng.multivariate_normal(mu, sigma, size=2000)
print("sample mean:", people.mean(axis=0).round(2))
print("sample covariance:\n", np.cov(people, rowvar=False).round(1))
print(f"sample correlation: {np.corrcoef(people, rowvar=False)[0, 1]:.3f}")
assert np.allclose(people.mean(axis=0), mu, atol=1)
assert abs(np.corrcoef(people, rowvar=False)[0, 1] - 0.5) < 0.05

heights = np.linspace(135, 205, 50)
fitted = np.polyfit(people[:, 0], people[:, 1], 1)
fig, ax = plt.subplots(figsize=(6, 4.5))
ax.scatter(people[:, 0], people[:, 1], s=5, alpha=0.3)
ax.plot(
    heights, 70 + 0.6 * (heights - 170), color="black", label="conditional mean 70 + 0.6(h − 170)"
)
ax.plot(
    heights,
    np.polyval(fitted, heights),
    "--",
    color="tab:red",
    label="least-squares line of the sample",
)
values, vectors = np.linalg.eigh(sigma)
for value, vector in zip(values, vectors.T, strict=True):
    end = mu + 2 * np.sqrt(value) * vector
    ax.annotate("", end, mu, arrowprops={"arrowstyle": "->", "color": "tab:green", "linewidth": 2})
ax.set_xlabel("height (cm)")
ax.set_ylabel("weight (kg)")
ax.legend(fontsize=8, loc="upper left")
ax.set_title("2000 people from N(μ, Σ)")
plt.show()

# %% [markdown]
# *Figure 5 — a sample from the multivariate normal.* Look at the tilt of the cloud: an
# ellipse leaning up and to the right, because the covariance is positive. The green
# arrows are the eigenvectors of $\Sigma$, scaled by two standard deviations along each:
# they are the axes of the ellipse (and the principal components of PCA). The black
# line is the lesson's conditional mean of weight given height; the red dashed
# least-squares line fitted to the sample lies almost on it — linear regression
# estimates exactly that line.
#
# **Try this.** Predict the shape of the cloud if the covariance 60 becomes $-60$, and
# if it becomes 0. Change `sigma`, rerun the cell, and compare the sample correlation
# with $\Sigma_{12} / \sqrt{\Sigma_{11}\Sigma_{22}}$.
#
# **What you have done.** Summarised a column by its mean, median, standard deviation
# and quantiles; written the lesson's quantile rule and drawn box plots with the 1.5 ·
# IQR fences; computed covariances and correlations, by hand and as matrices; seen
# Anscombe's four data sets agree on every summary and differ in everything else; and
# recovered a multivariate normal's mean and covariance from a sample, reading its shape
# from the covariance matrix.
