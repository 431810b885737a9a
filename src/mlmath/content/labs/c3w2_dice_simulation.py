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
# This lab belongs to the lesson **Random vectors**. There, a pair of random variables
# had a **joint distribution** — a table of the chances of every pair of values — and
# from it came the **marginal** distributions (row and column totals), **conditional**
# distributions (one row, rescaled), **independence** (every cell the product of its
# margins) and the **covariance**. Dice make all of it concrete, because you can both
# count the exact answer and roll a million times to see it. Here you will:
#
# 1. roll one die and watch the frequencies settle at $\tfrac16$;
# 2. add two dice, and compare the simulated sums with the exact distribution;
# 3. build the joint table of (first die, sum), read its marginals, a conditional
#    distribution and the covariance;
# 4. load a die, and see how the sum gives the loading away;
# 5. add more and more dice, and watch a bell curve appear.
#
# It prepares the programming assignment *Loaded Dice*.
#
# Run the cells in order. **Try this** cells ask you to predict first, then change
# something and run. **Exercise** cells leave a function for you to write; the check
# after it says `✓` when it is right, names the first input it gets wrong (with expected
# and actual answers) when it is not, and only notes "not written yet" until you start.
# Later cells never use your functions.

# %%
import matplotlib.pyplot as plt
import numpy as np

from mlmath.content.labs.checks.c3w2_dice_simulation import (
    check_covariance_from_joint,
    check_marginals,
    check_sum_pmf,
)

rng = np.random.default_rng(0)
faces = np.arange(1, 7)
fair = np.full(6, 1 / 6)

# %% [markdown]
# ## 1. One die
#
# `rng.integers(1, 7, size=n)` rolls a fair die `n` times (the upper end, 7, is left
# out). `np.bincount` counts how often each value occurs. The mean of a fair die is
# $E[X] = \frac{1 + 2 + \cdots + 6}{6} = 3.5$ and its variance
# $E[X^2] - E[X]^2 = \frac{91}{6} - 3.5^2 = \frac{35}{12} \approx 2.917$.

# %%
rolls = rng.integers(1, 7, size=60_000)
counts = np.bincount(rolls, minlength=7)[1:]
print("counts of 1..6:", counts)
print(f"mean {rolls.mean():.4f} (exact 3.5), variance {rolls.var():.4f} (exact {35 / 12:.4f})")
assert abs(rolls.mean() - 3.5) < 0.03

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
for n, colour in [(60, "tab:orange"), (600, "tab:green"), (60_000, "tab:blue")]:
    share = np.bincount(rolls[:n], minlength=7)[1:] / n
    left.plot(faces, share, "o-", color=colour, label=f"first {n} rolls")
left.axhline(1 / 6, color="black", linestyle="--", linewidth=0.8, label="1/6")
left.set_xlabel("face")
left.set_ylabel("share of rolls")
left.legend(fontsize=8)
left.set_title("Frequencies of each face")
running_mean = np.cumsum(rolls) / np.arange(1, rolls.size + 1)
right.plot(np.arange(1, rolls.size + 1), running_mean)
right.axhline(3.5, color="black", linestyle="--", linewidth=0.8)
right.set_xscale("log")
right.set_xlabel("rolls (log scale)")
right.set_ylabel("mean so far")
right.set_title("The mean settles at 3.5")
plt.tight_layout()
plt.show()

# %% [markdown]
# *Figure 1 — one die, rolled 60, 600 and 60,000 times.* Look at the orange line on the
# left: after 60 rolls some faces come up twice as often as others, by chance alone.
# With 60,000 rolls the blue line lies flat on $\tfrac16$. On the right, the running
# mean wanders widely at first and then hugs 3.5 — the long-run share and the long-run
# average are what probability and expectation describe.
#
# **Try this.** Predict how far from $\tfrac16$ the share of sixes typically is after
# 600 rolls: about 0.1, 0.01 or 0.001? Print `counts[5] / 60_000` and
# `np.bincount(rolls[:600], minlength=7)[6] / 600`, and compare with your guess.
# (The sample-means lab of week 3 gives the rule: the error shrinks like
# $1/\sqrt n$.)

# %% [markdown]
# ## 2. The sum of two dice
#
# Roll two dice and add them. The sum runs from 2 to 12, but the eleven sums are *not*
# equally likely: a sum of 7 happens in six ways — $(1,6), (2,5), \ldots, (6,1)$ — and
# a sum of 2 in only one. For two **independent** dice, the probability of the pair
# $(i, j)$ is the product $p_i\,q_j$, so the chance of a sum $s$ adds up the products
# along the pairs with $i + j = s$:
#
# $$P(S = s) = \sum_{i + j = s} p_i\,q_j.$$
#
# `np.outer(p, q)` builds the $6 \times 6$ table of all products $p_i q_j$; the sum $s$
# collects one anti-diagonal of it.
#
# **Exercise 1.** Write `sum_pmf(p, q)`: given the face probabilities of two independent
# dice (arrays of length 6, for faces 1 to 6), return the array of length 11 with
# $P(S = 2), P(S = 3), \ldots, P(S = 12)$. One way: loop over the pairs of faces and add
# `p[i] * q[j]` into entry `i + j` of an array of zeros. (NumPy's `np.convolve(p, q)`
# does exactly this sum; try it after writing your own.)


# %%
def sum_pmf(p, q):
    """P(sum = 2), ..., P(sum = 12) for two independent dice with face probabilities p, q."""
    raise NotImplementedError("write this function")


# %%
check_sum_pmf(sum_pmf)

# %% [markdown]
# The lab's own exact distribution, against 100,000 simulated pairs of rolls.

# %%
sums = np.arange(2, 13)
exact_sum = np.convolve(fair, fair)
print("P(S = 7) =", exact_sum[5], "= 6/36")
assert np.isclose(exact_sum[5], 6 / 36)
assert np.isclose(exact_sum.sum(), 1)

pairs = rng.integers(1, 7, size=(100_000, 2))
total = pairs.sum(axis=1)
simulated_sum = np.bincount(total, minlength=13)[2:] / total.size

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.bar(sums, simulated_sum, alpha=0.6, label="simulated, 100000 pairs")
ax.plot(sums, exact_sum, "ko-", label="exact: (number of ways)/36")
ax.axhline(
    1 / 11, color="tab:red", linestyle="--", linewidth=0.8, label="if all sums were equally likely"
)
ax.set_xticks(sums)
ax.set_xlabel("sum of two dice")
ax.set_ylabel("probability")
ax.legend(fontsize=8, loc="upper left")
ax.set_title("The sum of two dice: a tent, not a flat line")
plt.show()

# %% [markdown]
# *Figure 2 — the distribution of the sum of two fair dice.* Look at the tent shape:
# the bars climb by $\tfrac1{36}$ per step up to 7 and fall again, and the black exact
# values sit on top of the simulated bars. The red dashed line is the lesson's first
# common mistake, treating the eleven sums as equally likely: it overstates 2 and 12
# more than threefold and understates 7.
#
# ## 3. A joint distribution: the first die and the sum
#
# The pair $(X, S)$ — the first die and the sum of both — is a random vector. Its joint
# table has a row for each value of $X$ (1 to 6) and a column for each value of $S$ (2
# to 12). We estimate it from the simulated rolls by counting pairs: `np.add.at` adds 1
# into the cell of each roll.

# %%
first = pairs[:, 0]
joint = np.zeros((6, 11))
np.add.at(joint, (first - 1, total - 2), 1)
joint /= joint.sum()
print("a corner of the joint table (rows X = 1..3, columns S = 2..6):")
print(joint[:3, :5].round(4))

fig, ax = plt.subplots(figsize=(7, 3.8))
image = ax.imshow(joint, cmap="Blues", origin="lower", extent=(1.5, 12.5, 0.5, 6.5), aspect="auto")
fig.colorbar(image, ax=ax, label="P(X = x, S = s)")
ax.set_xticks(sums)
ax.set_yticks(faces)
ax.set_xlabel("sum S")
ax.set_ylabel("first die X")
ax.set_title("Joint distribution of the first die and the sum")
plt.show()

# %% [markdown]
# *Figure 3 — the joint table as a picture.* Look at the band: each row $X = x$ has
# non-zero cells only for sums $x + 1$ to $x + 6$, each about $\tfrac1{36}$, so the
# band climbs diagonally. The empty corners are impossible pairs — a first die of 6
# and a sum of 3, say. Knowing $X$ narrows down $S$: the two are clearly **not
# independent**.
#
# **Exercise 2.** Write `marginals(joint)`: return the pair `(p_row, p_col)` — the
# marginal distribution of the row variable (the total of each row) and of the column
# variable (the total of each column). With `axis=1` NumPy sums *along* each row;
# check which axis gives which.


# %%
def marginals(joint):
    """(row totals, column totals) of a joint probability table."""
    raise NotImplementedError("write this function")


# %%
check_marginals(marginals)

# %% [markdown]
# The marginals of our table should be the distribution of one die (rows) and of the
# sum (columns). A **conditional** distribution is one column (or row) rescaled to add
# up to 1: given that the sum is 10, which first dice are possible, and how likely?

# %%
p_first = joint.sum(axis=1)
p_sum = joint.sum(axis=0)
print("marginal of X:", p_first.round(3))
print("marginal of S:", p_sum.round(3))
given_10 = joint[:, 10 - 2] / joint[:, 10 - 2].sum()
print("P(X = x | S = 10) for x = 1..6:", given_10.round(3))
assert np.allclose(p_first, 1 / 6, atol=0.01)
assert np.allclose(p_sum, exact_sum, atol=0.01)
assert np.allclose(given_10, [0, 0, 0, 1 / 3, 1 / 3, 1 / 3], atol=0.02)

# %% [markdown]
# Given a sum of 10, the first die is 4, 5 or 6 with a third each: the pairs $(4, 6),
# (5, 5), (6, 4)$ are equally likely. Before we knew the sum, each face had $\tfrac16$.
#
# **Try this.** Predict $P(X = x \mid S = 7)$ for each $x$ before computing it, then
# change the `10` in the cell above to `7`. Is the first die independent of the event
# "the sum is 7"? (Compare with the marginal of $X$.)

# %% [markdown]
# **Covariance from a joint table.** $\operatorname{Cov}(X, Y) = E[XY] - E[X]\,E[Y]$,
# where $E[XY] = \sum_{x, y} x\,y\,P(X = x, Y = y)$ weighs every cell by the product of
# its values, and $E[X] = \sum_x x\,P(X = x)$ comes from a marginal.
#
# **Exercise 3.** Write `covariance_from_joint(joint, x_values, y_values)`: the joint
# table has one row per value in `x_values` and one column per value in `y_values`.
# `np.outer(x_values, y_values)` is the table of products $x\,y$.


# %%
def covariance_from_joint(joint, x_values, y_values):
    """Cov(X, Y) = E[XY] - E[X] E[Y] for a joint probability table."""
    raise NotImplementedError("write this function")


# %%
check_covariance_from_joint(covariance_from_joint)

# %% [markdown]
# For the first die and the sum, $S = X + Y$ with $Y$ independent of $X$, so
# $\operatorname{Cov}(X, S) = \operatorname{Var}(X) + \operatorname{Cov}(X, Y) =
# \frac{35}{12} + 0$. The correlation divides by both standard deviations:
# $\frac{35/12}{\sqrt{35/12}\,\sqrt{70/12}} = \frac1{\sqrt 2} \approx 0.707$.

# %%
e_xy = np.sum(np.outer(faces, sums) * joint)
cov_xs = e_xy - (faces @ p_first) * (sums @ p_sum)
print(f"Cov(X, S) from the table: {cov_xs:.3f}   exact 35/12 = {35 / 12:.3f}")
correlation = np.corrcoef(first, total)[0, 1]
print(f"correlation from the rolls: {correlation:.3f}   exact {1 / np.sqrt(2):.3f}")
assert abs(cov_xs - 35 / 12) < 0.05

# %% [markdown]
# ## 4. A loaded die
#
# A loaded die favours some faces. Say a six comes up with probability 0.3 and the
# other faces share the rest equally (0.14 each). One roll of it tells you little; but
# the *distribution* of many rolls, and of the sum, gives the loading away. `rng.choice`
# draws with any probabilities you give it.

# %%
loaded = np.array([0.14, 0.14, 0.14, 0.14, 0.14, 0.30])
assert np.isclose(loaded.sum(), 1)
print(f"mean of the loaded die: {faces @ loaded:.2f} (fair: 3.5)")

loaded_rolls = rng.choice(faces, size=100_000, p=loaded)
fair_rolls = rng.integers(1, 7, size=100_000)
loaded_total = loaded_rolls + fair_rolls
simulated_loaded = np.bincount(loaded_total, minlength=13)[2:] / loaded_total.size
exact_loaded = np.convolve(loaded, fair)

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.bar(sums - 0.2, exact_sum, width=0.4, label="two fair dice (exact)")
ax.bar(sums + 0.2, exact_loaded, width=0.4, label="loaded + fair (exact)")
ax.plot(sums + 0.2, simulated_loaded, "k.", label="loaded + fair (simulated)")
ax.set_xticks(sums)
ax.set_xlabel("sum")
ax.set_ylabel("probability")
ax.legend(fontsize=8)
ax.set_title("A loaded six shifts the sums upward")
plt.show()
assert np.allclose(simulated_loaded, exact_loaded, atol=0.005)

# %% [markdown]
# *Figure 4 — sums with a fair and with a loaded first die.* Look at the two halves:
# above 7 the orange bars are taller than the blue ones, below 7 shorter, and 7 itself
# is unchanged. A sum of 12 can only be made with the loaded six, so it gains the whole
# difference $0.3 \cdot \tfrac16 - \tfrac1{36} \approx 0.022$; a sum of 7 is made with every
# face of the first die exactly once, so the loading cancels. The black dots of 100,000
# simulated rolls sit on the exact bars.
#
# **Try this.** Load the die the other way — a *one* with probability 0.3 and the rest
# 0.14 each. Predict what happens to the mean and to the picture of the sums, then
# change `loaded` and rerun the section.

# %% [markdown]
# ## 5. Many dice: a bell appears
#
# The sum of three dice is the sum of two dice plus one more: the distribution of a sum
# of independent dice is built by applying the same convolution again and again. Its
# mean grows like $3.5\,n$ and its variance like $\frac{35}{12}\,n$, and its shape turns
# into a bell.

# %%
fig, ax = plt.subplots(figsize=(6.5, 4))
pmf = np.array([1.0])
for n in range(1, 11):
    pmf = np.convolve(pmf, fair)
    if n in (1, 2, 3, 5, 10):
        values = np.arange(n, 6 * n + 1)
        mean, variance = values @ pmf, (values**2) @ pmf - (values @ pmf) ** 2
        assert np.isclose(mean, 3.5 * n)
        assert np.isclose(variance, 35 / 12 * n)
        # standardised: subtract the mean, divide by the standard deviation
        z = (values - mean) / np.sqrt(variance)
        name = "1 die" if n == 1 else f"{n} dice"
        ax.plot(z, pmf * np.sqrt(variance), "o-", markersize=3, label=name)
zs = np.linspace(-3.5, 3.5, 200)
ax.plot(zs, np.exp(-(zs**2) / 2) / np.sqrt(2 * np.pi), "k--", label="normal bell curve")
ax.set_xlabel("standardised sum (sum − mean) / standard deviation")
ax.set_ylabel("probability × standard deviation")
ax.legend(fontsize=8)
ax.set_title("Sums of more dice look more and more normal")
plt.show()

# %% [markdown]
# *Figure 5 — the distribution of the sum of 1, 2, 3, 5 and 10 dice, standardised.*
# Look at how the flat line of one die becomes the tent of two, the rounded hill of
# three, and by ten dice lies on the dashed normal curve. Each curve is shifted by its
# mean and squeezed by its standard deviation so that they share one axis. This is the
# Central Limit Theorem, the subject of week 3, appearing from nothing but repeated
# convolution.
#
# **What you have done.** Rolled dice by the hundred thousand and watched frequencies
# settle; computed the exact distribution of a sum by adding products over pairs;
# estimated a joint table from simulated rolls and read its marginals, a conditional
# distribution and a covariance; seen how a loaded die shows through the sum; and
# watched sums of many dice become a bell.
