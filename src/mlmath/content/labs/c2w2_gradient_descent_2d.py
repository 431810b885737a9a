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
# # Lab: Optimization using gradient descent in two variables
#
# This lab belongs to the lesson **Gradient Descent**. With two variables the slope
# becomes the **gradient** $\nabla f = (f_x, f_y)$, an arrow pointing the steepest way
# up, and the rule becomes $p_{k+1} = p_k - \alpha \nabla f(p_k)$: both coordinates move
# at once, each against its own partial derivative. Here you draw the gradient as a field
# of arrows over a contour map, watch walks cross the contours, see why a narrow valley
# makes the walk zigzag, compute a gradient when there is no formula, and train a
# straight line on real data — where rescaling the feature turns a crawl into a sprint.
#
# Run the cells in order. **Try this** cells ask for a prediction before you change the
# code and run it. **Exercise** cells leave a function for you to write; the check after
# it says `✓` when it is right, names the first input it gets wrong (expected and actual
# answers) when it is not, and only notes "not written yet" until you start. Later cells
# use the lab's own code, never yours.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from mlmath.content.labs.checks.c2w2_gradient_descent_2d import (
    check_descend_2d,
    check_mse_gradient,
    check_numerical_gradient,
)
from mlmath.labcheck import data_file

# %% [markdown]
# ## 1. The gradient as a field of arrows
#
# Take the lesson's bowl $f(x, y) = x^2 + 2y^2$, with gradient $\nabla f = (2x, 4y)$. A
# **contour plot** draws the curves along which $f$ is constant, like the height lines
# of a map. On top, the cell draws the arrow $-\nabla f$ at many points — the direction
# gradient descent would step.


# %%
def bowl(x, y):
    return x**2 + 2 * y**2


def bowl_gradient(p):
    return np.array([2 * p[0], 4 * p[1]])


X, Y = np.meshgrid(np.linspace(-2.5, 2.5, 200), np.linspace(-1.8, 1.8, 200))
AX, AY = np.meshgrid(np.linspace(-2.25, 2.25, 10), np.linspace(-1.6, 1.6, 8))

fig, ax = plt.subplots(figsize=(7, 5))
contours = ax.contour(X, Y, bowl(X, Y), levels=[0.25, 1, 2, 3.5, 5, 7], cmap="viridis")
ax.clabel(contours, fontsize=8)
ax.quiver(AX, AY, -2 * AX, -4 * AY, color="tab:red", angles="xy", width=0.004)
ax.set_aspect("equal")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("Contours of x² + 2y² and the arrows −∇f")
plt.show()

# %% [markdown]
# *Figure 1 — downhill arrows.* Look at where each red arrow meets a contour line: at a
# right angle. The negative gradient points straight down the slope, across the height
# lines, and its length is the steepness — long arrows far out, tiny ones near the
# minimum at the origin. Notice also that the arrows do not point at the origin: in the
# steeper $y$-direction they lean towards the $x$-axis.
#
# ## 2. The walk
#
# From $p_0 = (2, 1)$ with $\alpha = 0.1$ the lesson took two steps by hand: $(1.6, 0.6)$,
# then $(1.28, 0.36)$. In NumPy a point is an array, so one line,
# `p = p - alpha * gradient(p)`, moves both coordinates at once.
#
# **Exercise 1.** Write `descend_2d(gradient, start, learning_rate, steps)`: return a
# 2-D array with one row per point visited, the start first (shape `(steps + 1, 2)`). Both
# partial derivatives of a step must come from the *same* point: compute the whole
# gradient first, then move.


# %%
def descend_2d(gradient, start, learning_rate, steps):
    """Gradient descent from start: all points visited, one per row."""
    raise NotImplementedError("write this function")


# %%
check_descend_2d(descend_2d)

# %% [markdown]
# The lab's own walk, drawn on the contours for three starting points:


# %%
def walk(gradient, start, rate, steps):
    points = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        points.append(points[-1] - rate * gradient(points[-1]))
    return np.array(points)


fig, ax = plt.subplots(figsize=(7, 5))
ax.contour(X, Y, bowl(X, Y), levels=[0.25, 1, 2, 3.5, 5, 7], cmap="viridis", alpha=0.6)
for start, color in [
    ((2.0, 1.0), "tab:red"),
    ((-2.2, 1.5), "tab:blue"),
    ((0.3, -1.6), "tab:orange"),
]:
    path = walk(bowl_gradient, start, 0.1, 15)
    ax.plot(path[:, 0], path[:, 1], "o-", color=color, markersize=4, label=f"from {start}")
ax.set_aspect("equal")
ax.legend(fontsize=8)
ax.set_title("Gradient descent on x² + 2y², α = 0.1")
plt.show()
print("the lesson's two steps:", walk(bowl_gradient, (2.0, 1.0), 0.1, 2)[1:].tolist())

# %% [markdown]
# *Figure 2 — walks across the contours.* Look at the shape of each path: curved, not
# straight at the minimum. The $y$-coordinate shrinks by $1 - 4\alpha = 0.6$ each step
# and $x$ only by $1 - 2\alpha = 0.8$, so every walk first drops onto the $x$-axis and
# then slides along it.

# %% [markdown]
# ## 3. A narrow valley
#
# Make the bowl ten times steeper in $y$: $f = x^2 + 10y^2$, gradient $(2x, 20y)$. Now
# each step multiplies $y$ by $1 - 20\alpha$ and $x$ by $1 - 2\alpha$. The steep direction
# caps the learning rate: at $\alpha = 0.1$ the $y$-factor is $-1$ and $y$ bounces for
# ever, while a rate safe for $y$ leaves $x$ crawling.


# %%
def valley(x, y):
    return x**2 + 10 * y**2


def valley_gradient(p):
    return np.array([2 * p[0], 20 * p[1]])


fig, axes = plt.subplots(1, 3, figsize=(14, 3.8))
for ax, rate in zip(axes, [0.04, 0.09, 0.1], strict=True):
    path = walk(valley_gradient, (2.0, 1.0), rate, 25)
    ax.contour(X, Y, valley(X, Y), levels=[0.5, 2, 5, 10, 16], cmap="viridis", alpha=0.6)
    ax.plot(path[:, 0], path[:, 1], "o-", color="tab:red", markersize=3)
    ax.set_title(f"α = {rate}: after 25 steps ({path[-1, 0]:.2f}, {path[-1, 1]:.2f})")
    ax.set_aspect("equal")
plt.show()

# %% [markdown]
# *Figure 3 — zigzag in a narrow valley.* Look at the middle panel: each step overshoots
# the valley floor in $y$, so the path zigzags down the valley. On the right, at
# $\alpha = 0.1$, the zigzag never dies down: $y$ jumps between $1$ and $-1$ for ever. On
# the left the rate is safe for $y$, which settles at once, but then $x$ creeps — still
# 0.25 after 25 steps. One learning rate has to suit every direction.
#
# **Try this.** Predict what $\alpha = 0.11$ does to this walk — does $y$ settle, bounce,
# or grow? — then add it to the list (and make it `plt.subplots(1, 4, ...)`) and run.

# %% [markdown]
# ## 4. A gradient without a formula
#
# Often you can evaluate a loss but not differentiate it by hand. The partial
# derivatives can then be measured one at a time, exactly as in one variable: nudge only
# $x$ by $\pm h$ for $f_x$, only $y$ for $f_y$ (the central difference of the last week's
# lab, once per coordinate).
#
# **Exercise 2.** Write `numerical_gradient(f, p, h)`, where `f` takes a point `p` (a
# NumPy array) and returns a number. Return the array of central differences, one per
# coordinate. Nudge one coordinate at a time — `np.eye(len(p))[i]` is the unit vector
# along coordinate `i`.


# %%
def numerical_gradient(f, p, h):
    """The gradient of f at p, measured by central differences with step h."""
    raise NotImplementedError("write this function")


# %%
check_numerical_gradient(numerical_gradient)

# %% [markdown]
# ## 5. Training a line on real data
#
# The 24 flats again: price against area, with the model $\hat y = m x + b$ and the mean
# squared error $L(m, b) = \frac1n \sum_i (m x_i + b - y_i)^2$. By the chain rule,
#
# $$\frac{\partial L}{\partial m} = \frac{2}{n}\sum_i (m x_i + b - y_i)\,x_i, \qquad
#   \frac{\partial L}{\partial b} = \frac{2}{n}\sum_i (m x_i + b - y_i).$$
#
# **Exercise 3.** Write `mse_gradient(m, b, x, y)`, returning
# `np.array([dL_dm, dL_db])`. It is a *mean*: divide by the number of points.


# %%
def mse_gradient(m, b, x, y):
    """The gradient of the mean squared error of the line m * x + b on the data (x, y)."""
    raise NotImplementedError("write this function")


# %%
check_mse_gradient(mse_gradient)

# %% [markdown]
# Area in m² runs from 36 to 137, so, as the one-variable lab found, the slope $m$ feels
# a much steeper loss than the intercept $b$. The standard cure is to **standardise** the
# feature: subtract its mean and divide by its standard deviation, so that it is centred
# on 0 with a spread of 1. We train on the standardised area $z$ and compare with NumPy's
# exact least-squares fit, `np.polyfit`.

# %%
flats = pd.read_csv(data_file("flats.csv"))
area = flats["area_m2"].to_numpy(dtype=float)
price = flats["price_k"].to_numpy(dtype=float)
z = (area - area.mean()) / area.std()


def loss(m, b, x):
    return np.mean((m * x + b - price) ** 2)


def gradient_on(x):
    def gradient(p):
        error = p[0] * x + p[1] - price
        return np.array([2 * np.mean(error * x), 2 * np.mean(error)])

    return gradient


path = walk(gradient_on(z), (0.0, 0.0), 0.1, 60)
exact = np.polyfit(z, price, 1)  # [slope, intercept]
print("gradient descent after 60 steps:", path[-1].round(2), "  np.polyfit:", exact.round(2))
assert np.allclose(path[-1], exact, atol=0.05)

M, B = np.meshgrid(np.linspace(-20, 200, 150), np.linspace(-20, 400, 150))
L = np.mean((M[..., None] * z + B[..., None] - price) ** 2, axis=-1)  # the loss at every grid point
fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5.5))
left.contour(M, B, L, levels=np.geomspace(200, 120_000, 12), cmap="viridis")
left.plot(path[:, 0], path[:, 1], "o-", color="tab:red", markersize=3)
left.scatter(*exact, marker="*", s=200, color="black", zorder=3, label="np.polyfit")
left.set_xlabel("slope m")
left.set_ylabel("intercept b (thousands)")
left.set_title("The walk over the loss surface")
left.set_aspect("equal")
left.legend()
right.scatter(z, price, color="black", s=15, label="flats")
line = np.linspace(z.min(), z.max(), 2)
for step in (1, 3, 10, 60):
    m, b = path[step]
    right.plot(line, m * line + b, label=f"after {step} step(s)")
right.set_xlabel("standardised area z")
right.set_ylabel("price (thousands)")
right.set_title("The line moving onto the data")
right.legend(fontsize=8)
plt.show()

# %% [markdown]
# *Figure 4 — training a line.* On the left, look at the red path running straight at the
# star: with a standardised feature the contours are circles, so the downhill arrow points
# right at the minimum, and each step covers a fifth of the remaining way. On the right the
# same steps move the line: it rises to the level of the prices and turns to their slope
# at the same time.
#
# ## 6. The price of not standardising
#
# Now the same model on the raw area in m². The largest learning rate that does not
# explode is set by the steep $m$-direction (about $2 / (2\,\overline{x^2})$, as in the
# one-variable lab), and at that rate the intercept barely moves.

# %%
safe_rate = 0.9 / np.mean(area**2)  # just under the limit 1 / mean(x²)
raw_path = walk(gradient_on(area), (0.0, 0.0), safe_rate, 300)
std_path = walk(gradient_on(z), (0.0, 0.0), 0.1, 300)
best = loss(*exact, z)

fig, ax = plt.subplots(figsize=(6.5, 4))
ax.semilogy(
    [loss(m, b, area) - best for m, b in raw_path], label=f"raw area in m², α = {safe_rate:.1e}"
)
ax.semilogy([loss(m, b, z) - best + 1e-12 for m, b in std_path], label="standardised area, α = 0.1")
ax.set_xlabel("step")
ax.set_ylabel("loss above its minimum")
ax.set_title("Same data, same model, different units")
ax.legend()
plt.show()
print("raw area, after 300 steps: m, b =", raw_path[-1].round(3))

# %% [markdown]
# *Figure 5 — convergence with and without standardising.* Look at the two curves: the
# standardised run drops to rounding level within about a hundred steps; the raw run
# falls fast at first (fitting the slope) and then stalls on a plateau, because the
# intercept creeps forward by tiny steps. Both describe the same best line — one just
# takes thousands of times longer to find it.
#
# **Try this.** Predict what happens to the raw run with `safe_rate * 1.2` (above the
# limit): a slower fall, or an explosion? Run it. Then predict how many steps the raw run
# needs to get within 1 of the best loss — and check with a longer `walk`.
#
# **What you have done.** Drawn the negative gradient as arrows crossing the contours at
# right angles; written gradient descent in the plane and watched walks drop into the
# valley; seen a narrow valley force a zigzag; measured a gradient by central
# differences; written the gradient of a mean squared error and trained a line on real
# data; and seen standardising turn a stalled walk into a quick one.
