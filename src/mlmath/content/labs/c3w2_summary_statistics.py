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
# Four small data sets can share the same mean, variance and correlation and still look
# nothing alike. This lab computes the summaries of the lesson with NumPy, checks them
# against the formulas, and draws the data as text — a histogram and a box plot made of
# characters — so that no plotting library is needed. Cells marked **Check** hold
# `assert` lines; **Try this** invites a change.

# %%
import numpy as np

rng = np.random.default_rng(11)

# %% [markdown]
# ## 1. A data set: heights of 200 people
#
# Drawn from a normal distribution with mean 170 cm and standard deviation 8 cm, plus a
# few very tall basketball players.

# %%
heights = np.concatenate([rng.normal(170, 8, size=195), [201, 204, 207, 210, 213]])
print(heights[:8].round(1), heights.size)

# %% [markdown]
# ## 2. Centre: mean, median, mode
#
# The mean feels the five tall players; the median hardly does.

# %%
mean = heights.mean()
median = np.median(heights)
print(round(mean, 2), round(median, 2))

# %%
assert np.isclose(mean, heights.sum() / heights.size)
assert mean > median  # pulled to the right by the tall players

# %% [markdown]
# For a mode, data must repeat: round to whole centimetres and count.

# %%
values, counts = np.unique(heights.round(), return_counts=True)
mode = values[counts.argmax()]
print(mode, counts.max())

# %% [markdown]
# ## 3. Spread: variance, standard deviation, quantiles
#
# `np.var` divides by n unless `ddof=1` asks for the sample version (n − 1).

# %%
n = heights.size
population_var = np.var(heights)
sample_var = np.var(heights, ddof=1)
print(round(population_var, 2), round(sample_var, 2), round(np.std(heights, ddof=1), 2))

# %%
assert np.isclose(sample_var, ((heights - mean) ** 2).sum() / (n - 1))
assert np.isclose(sample_var, population_var * n / (n - 1))

# %% [markdown]
# The five-number summary and the IQR, with NumPy's default quantile convention (position
# (n − 1)·q in the sorted data). We check one quartile by hand.

# %%
q1, q2, q3 = np.quantile(heights, [0.25, 0.5, 0.75])
five = (heights.min(), q1, q2, q3, heights.max())
iqr = q3 - q1
print([round(v, 1) for v in five], round(iqr, 2))

ordered = np.sort(heights)
h = (n - 1) * 0.25
by_hand = ordered[int(h)] + (h - int(h)) * (ordered[int(h) + 1] - ordered[int(h)])
assert np.isclose(by_hand, q1)

# %% [markdown]
# ## 4. Pictures made of text
#
# A histogram counts values in bins; a box plot draws the five numbers. Outliers are
# values more than 1.5 IQR beyond the box.


# %%
def text_histogram(data: np.ndarray, bins: int = 12, width: int = 50) -> str:
    counts, edges = np.histogram(data, bins=bins)
    scale = width / counts.max()
    return "\n".join(
        f"{edges[i]:6.1f} | {'#' * round(c * scale)} {c}" for i, c in enumerate(counts)
    )


def text_boxplot(data: np.ndarray, low: float, high: float, width: int = 60) -> str:
    q1, q2, q3 = np.quantile(data, [0.25, 0.5, 0.75])
    fence = 1.5 * (q3 - q1)
    inside = data[(data >= q1 - fence) & (data <= q3 + fence)]

    def col(x: float) -> int:
        return round((x - low) / (high - low) * (width - 1))

    line = [" "] * width
    for i in range(col(inside.min()), col(inside.max()) + 1):
        line[i] = "-"
    for i in range(col(q1), col(q3) + 1):
        line[i] = "="
    line[col(q2)] = "|"
    for x in data[(data < q1 - fence) | (data > q3 + fence)]:
        line[col(x)] = "o"
    return "".join(line)


print(text_histogram(heights))
print(text_boxplot(heights, 140, 215))

# %%
outliers = heights[(heights < q1 - 1.5 * iqr) | (heights > q3 + 1.5 * iqr)]
assert {201, 204, 207, 210, 213} <= set(outliers.round().astype(int))

# %% [markdown]
# ## 5. Same summaries, different pictures
#
# Two variables with the same mean and the same standard deviation, both strongly
# correlated with x: one is a noisy straight line, the other a smooth bend with no noise
# at all. The summaries look alike; only looking at the data shows the bend.

# %%
x = np.arange(11.0)
y_line = 3 + 0.5 * x + rng.normal(0, 1.2, size=11)
y_curve = -0.12 * (x - 12) ** 2 + 10
# Standardise both y's, then give them the same mean and spread as each other.
y_curve = (y_curve - y_curve.mean()) / y_curve.std() * y_line.std() + y_line.mean()
print(np.round([y_line.mean(), y_curve.mean(), y_line.std(), y_curve.std()], 3))
print(np.round([np.corrcoef(x, y_line)[0, 1], np.corrcoef(x, y_curve)[0, 1]], 3))

# %%
assert np.isclose(y_line.mean(), y_curve.mean())
assert np.isclose(y_line.std(), y_curve.std())
assert np.cov(x, y_line)[0, 1] == np.cov(x, y_line, ddof=1)[0, 1]

# %% [markdown]
# **Try this**: remove the five basketball players (`heights[:195]`) and recompute the
# mean, the median, the standard deviation and the IQR. Which of them change a lot, and
# which barely move?
