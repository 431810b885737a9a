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
# # Lab: Optimization using gradient descent in one variable
#
# This lab belongs to the lesson **Gradient Descent**. Its rule fits on one line —
# $x_{k+1} = x_k - \alpha f'(x_k)$: feel the slope, step against it, repeat — and here
# you run it and *watch* it: the walk down a curve, the learning rate that makes it
# crawl, converge, bounce or fly off, the valley it gets stuck in, and finally a model
# trained on real data, where the size of the numbers decides which learning rates work.
#
# Run the cells in order. **Try this** cells ask you to predict what will happen before
# you change the code and run it — a wrong prediction is the most useful kind.
# **Exercise** cells leave a function for you to write; the check after it says `✓` when
# it is right, names the first input it gets wrong (with the expected and the actual
# answer) when it is not, and only notes "not written yet" until you start. Later cells
# use the lab's own code, never yours.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from mlmath.content.labs.checks.c2w2_gradient_descent_1d import (
    check_best_start,
    check_descend,
    check_loss_slope,
)
from mlmath.labcheck import data_file

# %% [markdown]
# ## 1. One step at a time
#
# The lesson's example: $f(x) = x^2 - 4x$, with slope $f'(x) = 2x - 4$ and its minimum at
# $x = 2$. From $x_0 = 0$ with learning rate $\alpha = 0.25$, each step is
# `x = x - alpha * fprime(x)`. Three steps by hand in code:


# %%
def f(x):
    return x**2 - 4 * x


def fprime(x):
    return 2 * x - 4


x, alpha = 0.0, 0.25
for k in range(3):
    x = x - alpha * fprime(x)
    print(f"after step {k + 1}: x = {x}, f(x) = {f(x)}")
assert x == 1.75  # the lesson's 0 → 1 → 1.5 → 1.75

# %% [markdown]
# **Exercise 1.** Turn the loop into a function `descend(fprime, x0, learning_rate,
# steps)` that returns a NumPy array of every point visited: $x_0$ first, then one point
# per step (so `steps + 1` numbers). Mind the sign: the slope points uphill.


# %%
def descend(fprime, x0, learning_rate, steps):
    """Gradient descent from x0: np.array([x0, x1, ..., x_steps])."""
    raise NotImplementedError("write this function")


# %%
check_descend(descend)

# %% [markdown]
# The lab's own version of the same walk, used by the pictures from here on:


# %%
def walk(slope, x0, rate, steps):
    points = [x0]
    for _ in range(steps):
        points.append(points[-1] - rate * slope(points[-1]))
    return np.array(points)


path = walk(fprime, 0.0, 0.25, 6)
xs = np.linspace(-0.5, 4.5, 200)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(xs, f(xs), color="black", label="f(x) = x² − 4x")
ax.plot(path, f(path), "o--", color="tab:red", label="gradient descent, α = 0.25")
for k, point in enumerate(path[:4]):
    ax.annotate(f"x{k}", (point, f(point)), textcoords="offset points", xytext=(-6, 8))
ax.set_xlabel("x")
ax.set_ylabel("f(x)")
ax.set_title("Walking down the curve")
ax.legend()
plt.show()

# %% [markdown]
# *Figure 1 — the walk.* Look at the gaps between the red points: each is half the one
# before, because near the bottom the slope — and with it the step — shrinks on its own.
# The walk never jumps past $x = 2$ and never quite reaches it; a stopping rule decides
# when "close" is close enough.
#
# ## 2. The learning rate
#
# For this parabola one step multiplies the distance to the minimum by $1 - 2\alpha$. So
# small $\alpha$ crawls, $\alpha = 0.5$ lands on the minimum in one step, $\alpha$
# between 0.5 and 1 overshoots but still settles, $\alpha = 1$ bounces for ever, and
# anything larger flies away. The picture shows $x_k$ step by step for five rates.

# %%
rates = [0.05, 0.25, 0.8, 1.0, 1.05]
fig, ax = plt.subplots(figsize=(6.5, 4))
for rate in rates:
    ax.plot(walk(fprime, 0.0, rate, 20), "o-", markersize=3, label=f"α = {rate}")
ax.axhline(2, color="grey", linestyle="--", linewidth=1, label="the minimum, x = 2")
ax.set_ylim(-3, 7)
ax.set_xlabel("step k")
ax.set_ylabel("x_k")
ax.set_title("Five learning rates on f(x) = x² − 4x")
ax.legend(fontsize=8, ncol=2)
plt.show()

# %% [markdown]
# *Figure 2 — crawl, converge, zigzag, bounce, diverge.* Look at the shape of each line:
# α = 0.05 creeps towards 2; α = 0.25 gets there in a few steps; α = 0.8 jumps across
# the minimum every step but the jumps shrink; α = 1 swaps between 0 and 4 for ever; and
# α = 1.05 leaves the picture, each jump a little longer than the last.
#
# **Try this.** Predict what $\alpha = 0.5$ does — how many steps to the minimum? — and
# what $\alpha = 1.1$ does after 20 steps (roughly how far from 2?). Add both to `rates`
# and run. Then change the function to $f(x) = 3x^2$ (slope $6x$) and predict which of
# the rates still converge.

# %% [markdown]
# ## 3. Which valley?
#
# Gradient descent only feels the ground under its feet, so with two valleys the start
# decides where it ends. The lesson's $f(x) = x^4 - 3x^2 + x$ has a shallow valley near
# $x = 1.13$ and a deep one near $x = -1.30$.


# %%
def g(x):
    return x**4 - 3 * x**2 + x


def gprime(x):
    return 4 * x**3 - 6 * x + 1


xs = np.linspace(-2, 2, 300)
fig, ax = plt.subplots(figsize=(6.5, 4))
ax.plot(xs, g(xs), color="black")
for start, color in [(0.5, "tab:red"), (0.0, "tab:blue"), (1.9, "tab:green"), (-1.9, "tab:purple")]:
    path = walk(gprime, start, 0.05, 30)
    end = path[-1]
    ax.plot(path, g(path), "o-", color=color, markersize=3, label=f"x0 = {start} → {end:.2f}")
ax.set_ylim(-4, 4)
ax.set_xlabel("x")
ax.set_title("Two valleys: the start decides")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# *Figure 3 — local and global minima.* Look at the red and blue walks: they start only
# half a unit apart but end in different valleys, because the hump between the valleys
# (near $x = 0.17$) separates them. Each walk stops where the slope is 0, whether or not
# that is the lowest point.
#
# **Exercise 2.** Write `best_start(f, fprime, starts, learning_rate, steps)`: descend
# from every start in the list for the given number of steps, and return the end point
# (a number) where `f` is lowest. Compare the *ends* of the walks, not the starts.


# %%
def best_start(f, fprime, starts, learning_rate, steps):
    """The end point, over walks from every start, at which f is lowest."""
    raise NotImplementedError("write this function")


# %%
check_best_start(best_start)

# %% [markdown]
# **Try this.** Predict where a walk from $x_0 = 0.17$ ends — right on the hump — and
# then try $x_0 = 0.16$ and $0.18$. Run them with `walk(gprime, start, 0.05, 100)[-1]`.

# %% [markdown]
# ## 4. Training a model on real data
#
# Now a real loss. The 24 flats from Course 1: predict the price from the area with the
# simplest model, $\text{price} \approx w \cdot \text{area}$ (a line through the origin).
# The loss is the mean squared error
#
# $$L(w) = \frac{1}{n} \sum_{i=1}^n (w x_i - y_i)^2,$$
#
# and by the chain rule its slope is $L'(w) = \frac{2}{n} \sum_i (w x_i - y_i)\, x_i$: the
# derivative of the square, $2(w x_i - y_i)$, times the derivative of the inside, $x_i$.
#
# **Exercise 3.** Write `loss_slope(w, x, y)` for arrays `x` and `y`. `np.mean` does the
# $\frac{1}{n}\sum$.


# %%
def loss_slope(w, x, y):
    """L'(w) for the loss L(w) = mean((w * x - y) ** 2)."""
    raise NotImplementedError("write this function")


# %%
check_loss_slope(loss_slope)

# %% [markdown]
# We measure the area in hundreds of m² (so a flat of 80 m² has $x = 0.8$) — section 5
# shows why. The lab's own loss and slope, the walk on the loss curve, and the line it
# finds:

# %%
flats = pd.read_csv(data_file("flats.csv"))
area = flats["area_m2"].to_numpy() / 100  # hundreds of m²
price = flats["price_k"].to_numpy()


def loss(w):
    return np.mean((w * area - price) ** 2)


def slope(w):
    return 2 * np.mean((w * area - price) * area)


w_path = walk(slope, 0.0, 0.3, 12)
w_best = np.sum(area * price) / np.sum(area**2)  # where the slope is 0, solved exactly
print(f"after 12 steps w = {w_path[-1]:.2f}; the exact minimum is w = {w_best:.2f}")

fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.2))
ws = np.linspace(-50, 500, 300)
left.plot(ws, [loss(w) for w in ws], color="black")
left.plot(w_path, [loss(w) for w in w_path], "o-", color="tab:red", markersize=4)
left.set_xlabel("w (thousands per 100 m²)")
left.set_ylabel("mean squared error")
left.set_title("The walk on the loss curve, α = 0.3")
right.scatter(area, price, color="black", s=15, label="flats")
grid = np.linspace(0, 1.5, 2)
for step in (1, 2, 4, 12):
    right.plot(grid, w_path[step] * grid, label=f"after {step} step(s): w = {w_path[step]:.0f}")
right.set_xlabel("area (hundreds of m²)")
right.set_ylabel("price (thousands)")
right.set_title("The line it finds")
right.legend(fontsize=8)
plt.show()

# %% [markdown]
# *Figure 4 — training, seen twice.* On the left, look at the red walk sliding into the
# bottom of the loss bowl; on the right, the same steps as lines that swing up to the
# data. The first step does most of the work, later ones only adjust.
#
# ## 5. Why the units matter
#
# The curvature of this loss is $L''(w) = \frac{2}{n}\sum x_i^2$, and as on the parabola
# the walk only converges when $\alpha$ is below $2 / L''$. Measuring area in m² instead
# makes every $x_i$ a hundred times bigger and $L''$ ten thousand times bigger: the same
# learning rate that worked above now explodes.

# %%
curvature_hundreds = 2 * np.mean(area**2)
curvature_m2 = 2 * np.mean((100 * area) ** 2)
print(f"largest rate that converges: {2 / curvature_hundreds:.3g} (hundreds of m²)")
print(f"                             {2 / curvature_m2:.3g} (m²)")

# %% [markdown]
# **Try this.** Predict what happens to $w$ if you train on the area in m² (use
# `area * 100` inside `loss` and `slope`) with the same $\alpha = 0.3$, for 5 steps. Then
# predict a learning rate that works, and try it. This is why features are usually
# standardised before gradient descent.
#
# **What you have done.** Stepped downhill by hand and written gradient descent as a
# function; watched learning rates crawl, converge, zigzag, bounce and diverge; seen the
# start decide the valley, and picked the best of several starts; written the slope of a
# mean squared error with the chain rule and trained a one-weight model on real data; and
# found that the units of a feature decide which learning rates work.
