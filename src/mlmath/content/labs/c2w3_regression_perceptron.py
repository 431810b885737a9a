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
# # Lab: Regression with a perceptron
#
# This lab belongs to the lesson **Optimization in Neural Networks**, topic *Perceptron
# with no activation and squared loss*. There, one neuron priced a house: it multiplied
# each feature by a weight, added a bias, and output the sum. Trained with the squared
# loss, that neuron *is* linear regression, and the lesson did one training step by hand.
# Here you train it for real, on a small data set of flats, and watch it learn:
#
# 1. the forward pass — every prediction at once, as one matrix product;
# 2. the cost — the squared loss averaged over all the flats;
# 3. the gradients — the chain rule of the lesson, for all the flats together;
# 4. gradient descent — the line turning into place, step by step;
# 5. what the learning rate and the scale of the features do to training.
#
# Run the cells in order (Shift + Enter). **Try this** cells ask you to predict first,
# then change something and run. **Exercise** cells leave a function for you to write;
# the check after it says `✓` when your function is right, names the first input it
# gets wrong (with expected and actual answers) when it is not, and only notes "not
# written yet" until you start. Later cells never use your functions, so the lab runs
# from top to bottom either way.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from mlmath.content.labs.checks.c2w3_regression_perceptron import (
    check_cost,
    check_gradients,
    check_predict,
)
from mlmath.labcheck import data_file

# %% [markdown]
# ## 1. The data: 24 flats
#
# The package ships a small table of flats: floor area in m², number of rooms, and the
# price it sold for, in thousands. As in the lesson, we measure area in units of
# 100 m², so that the numbers the neuron sees are of a modest size. `pandas` reads the
# CSV file; `.to_numpy()` turns columns into NumPy arrays.

# %%
flats = pd.read_csv(data_file("flats.csv"))
print(flats.head())
print(len(flats), "flats")

area = flats["area_m2"].to_numpy() / 100  # in 100 m²
rooms = flats["rooms"].to_numpy().astype(float)
price = flats["price_k"].to_numpy().astype(float)  # in thousands

fig, ax = plt.subplots(figsize=(6, 4))
points = ax.scatter(area, price, c=rooms, cmap="viridis", s=40)
fig.colorbar(points, ax=ax, label="rooms")
ax.set_xlabel("area (100 m²)")
ax.set_ylabel("price (thousands)")
ax.set_title("Bigger flats cost more")
plt.show()

# %% [markdown]
# *Figure 1 — price against area.* Look at how closely the points follow a straight
# line: price grows about in proportion to area, which is why a linear model is a
# reasonable first try. The colour shows the rooms; larger flats tend
# to have more of them, so area and rooms carry much of the same information.
#
# ## 2. The forward pass for many examples at once
#
# Stack the examples as rows of a matrix $X$ (one row per flat, one column per feature)
# and the weights in a vector $w$ (one per feature). Then the weighted sums of *all*
# the flats are one matrix–vector product, and the bias is added to each:
#
# $$\hat y = X w + b, \qquad \hat y_i = w_1 x_{i1} + w_2 x_{i2} + b.$$
#
# With no activation, the prediction is that sum. The lesson's house with $x = (2, 1)$,
# $w = (1, 1)$, $b = 0$ gives $\hat y = 3$.
#
# **Exercise 1.** Write `predict(X, w, b)`: the predictions for every row of `X`, as an
# array with one entry per row. `X @ w` is the product; do not forget the bias.


# %%
def predict(X, w, b):
    """The perceptron's predictions X @ w + b: one number per row of X."""
    raise NotImplementedError("write this function")


# %%
check_predict(predict)

# %% [markdown]
# ## 3. The cost: the squared loss over all the flats
#
# The lesson's loss for one example is $L = \tfrac12(\hat y - y)^2$. For a data set of
# $m$ examples we average the losses, and call the average the **cost**:
#
# $$J(w, b) = \frac{1}{m}\sum_{i=1}^{m} \tfrac12(\hat y_i - y_i)^2.$$
#
# Averaging rather than summing keeps the cost (and its gradients) the same size
# whether you have 24 flats or 24 million, so the same learning rate works for both.
#
# **Exercise 2.** Write `cost(y_hat, y)`. The lesson's worked example gives a loss of
# $2$ before the step ($\hat y = 3$, $y = 5$) and $0.32$ after it ($\hat y = 4.2$).


# %%
def cost(y_hat, y):
    """The squared-loss cost: the mean of (y_hat - y)² / 2 over all the examples."""
    raise NotImplementedError("write this function")


# %%
check_cost(cost)

# %% [markdown]
# ## 4. The gradients: the lesson's chain rule, for every flat
#
# For one example the lesson found $\partial L/\partial w_j = (\hat y - y)\,x_j$ and
# $\partial L/\partial b = \hat y - y$: the error, times the input that the weight
# multiplies. The cost averages the losses, so its gradient averages these:
#
# $$\frac{\partial J}{\partial w_j} = \frac1m\sum_{i=1}^m(\hat y_i - y_i)\,x_{ij}, \qquad
# \frac{\partial J}{\partial b} = \frac1m\sum_{i=1}^m(\hat y_i - y_i).$$
#
# The first sum, for all the weights at once, is a matrix product: with the errors
# $e = \hat y - y$ as a vector, $\nabla_w J = \frac1m X^{\mathsf T} e$. Check the shapes:
# $X^{\mathsf T}$ is (features × examples) and $e$ has one entry per example, so the
# result has one entry per feature — one per weight, as it must.
#
# **Exercise 3.** Write `gradients(X, y, y_hat)`, returning the pair `(dw, db)`: the
# array $\frac1m X^{\mathsf T}(\hat y - y)$ and the number $\text{mean}(\hat y - y)$.
# For the lesson's house (one row $x = (2, 1)$, $y = 5$, $\hat y = 3$) they are
# $(-4, -2)$ and $-2$. The lesson's common mistake is to drop the input factor $x_j$.


# %%
def gradients(X, y, y_hat):
    """The gradient of the cost: (dw, db) with dw = X.T @ (y_hat - y) / m, db = mean error."""
    raise NotImplementedError("write this function")


# %%
check_gradients(gradients)

# %% [markdown]
# A gradient formula is easy to get subtly wrong, so practitioners **check it
# numerically**: nudge one parameter up and down by a tiny $h$, and the change in the
# cost divided by $2h$ should match the formula (the central difference of Course 2,
# week 1). The lab's own versions of the three functions follow; later cells use these.


# %%
def forward(X, w, b):
    return X @ w + b


def squared_cost(y_hat, y):
    return float(np.mean((y_hat - y) ** 2) / 2)


def grads(X, y, y_hat):
    error = y_hat - y
    return X.T @ error / len(y), float(np.mean(error))


X1 = area.reshape(-1, 1)  # one feature: a matrix with a single column
w_test, b_test, h = np.array([150.0]), 20.0, 1e-6
dw, db = grads(X1, price, forward(X1, w_test, b_test))
numeric_dw = (
    squared_cost(forward(X1, w_test + h, b_test), price)
    - squared_cost(forward(X1, w_test - h, b_test), price)
) / (2 * h)
numeric_db = (
    squared_cost(forward(X1, w_test, b_test + h), price)
    - squared_cost(forward(X1, w_test, b_test - h), price)
) / (2 * h)
print(f"dJ/dw: formula {dw[0]:.6f}, numerical {numeric_dw:.6f}")
print(f"dJ/db: formula {db:.6f}, numerical {numeric_db:.6f}")
assert abs(dw[0] - numeric_dw) < 1e-4
assert abs(db - numeric_db) < 1e-4

# %% [markdown]
# ## 5. Training: the line turns into place
#
# Gradient descent repeats one step: predict, measure the gradient, and move every
# parameter a little against it, $w \leftarrow w - \alpha\,\nabla_w J$ and
# $b \leftarrow b - \alpha\,\partial J/\partial b$. With one feature the model is a line,
# price $= w \cdot \text{area} + b$, so we can watch it move. We start from $w = 0$,
# $b = 0$ — a flat line at price 0 — and keep a snapshot of the line now and then.


# %%
def train(X, y, alpha, steps, keep=()):
    """Gradient descent from zero weights; returns w, b, the costs, and kept snapshots."""
    w, b = np.zeros(X.shape[1]), 0.0
    costs, snapshots = [], {}
    for step in range(steps + 1):
        y_hat = forward(X, w, b)
        costs.append(squared_cost(y_hat, y))
        if step in keep:
            snapshots[step] = (w.copy(), b)
        if step < steps:
            dw, db = grads(X, y, y_hat)
            w, b = w - alpha * dw, b - alpha * db
    return w, b, np.array(costs), snapshots


w1, b1, costs1, snaps = train(X1, price, alpha=0.5, steps=300, keep=(0, 1, 3, 10, 30, 300))
print(f"after 300 steps: price ≈ {w1[0]:.1f} × area + {b1:.1f}, cost {costs1[-1]:.1f}")

xs = np.linspace(0, 1.5, 50)
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(area, price, color="black", s=20, zorder=3, label="flats")
for step, (w_s, b_s) in snaps.items():
    ax.plot(xs, w_s[0] * xs + b_s, label=f"step {step}")
ax.set_xlabel("area (100 m²)")
ax.set_ylabel("price (thousands)")
ax.set_title("Gradient descent turns the line into place")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# *Figure 2 — the model's line at steps 0, 1, 3, 10, 30 and 300.* Look at how the line
# first jumps up (every prediction is too low, so both $w$ and $b$ grow), then pivots
# about the middle of the cloud: the later steps keep steepening it while its bias comes
# back down, until at step 300 it runs through the flats from the smallest to the
# largest.
#
# The cost tells the same story in one number per step. On a logarithmic axis the
# approach to the best cost becomes visible long after the linear plot looks flat.

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
left.plot(costs1)
left.set_xlabel("step")
left.set_ylabel("cost J")
left.set_title("The cost falls fast, then slowly")
line = np.polyfit(area, price, 1)  # the exact least-squares line, for comparison
best = squared_cost(np.polyval(line, area), price)
right.semilogy(costs1 - best + 1e-12)
right.set_xlabel("step")
right.set_ylabel("J − best J (log scale)")
right.set_title("Distance to the best line")
plt.tight_layout()
plt.show()
print(f"least squares: price = {line[0]:.2f} × area + {line[1]:.2f}")
print(f"gradient descent: price = {w1[0]:.2f} × area + {b1:.2f}")
assert abs(w1[0] - line[0]) < 0.5
assert abs(b1 - line[1]) < 0.5

# %% [markdown]
# *Figure 3 — the cost during training.* Look at the left panel: almost all of the fall
# happens in the first few steps. The right panel, on a log scale, shows the rest: after
# that sudden drop, the gap to the best possible cost shrinks by the same *factor* every
# step — a straight line on a log axis. That steady factor is the signature of gradient descent
# on a squared loss. The last cell compares the result with `np.polyfit`, which solves
# the same least-squares problem exactly: they agree.
#
# **Try this.** Before running anything, predict what the cost curve will do with
# `alpha=1.1` instead of 0.5: fall faster, fall slower, or something else? Change it in
# the `train(...)` call, run that cell and the plotting cell, and look at both panels.
# Then try `alpha=0.05`. (For this data the largest safe learning rate is about 1.07 —
# section 7 explains where such a limit comes from.)

# %% [markdown]
# ## 6. One flat at a time: the lesson's step
#
# The lesson trained on one example per step. That is **stochastic gradient descent**:
# each update uses the gradient of a single example's loss, so it is cheap but noisy.
# Here is the lesson's worked example exactly, then the same rule looping over the flats.

# %%
x, y, w, b = np.array([2.0, 1.0]), 5.0, np.array([1.0, 1.0]), 0.0
error = (w @ x + b) - y
w, b = w - 0.1 * error * x, b - 0.1 * error
print("after one step:", w, round(b, 4), "prediction", round(w @ x + b, 4))
assert np.allclose(w, [1.4, 1.2])
assert abs(w @ x + b - 4.2) < 1e-12

rng = np.random.default_rng(0)
w_sgd, b_sgd, history = np.zeros(1), 0.0, []
for _ in range(40):
    for i in rng.permutation(len(price)):
        error = (w_sgd @ X1[i] + b_sgd) - price[i]
        w_sgd, b_sgd = w_sgd - 0.1 * error * X1[i], b_sgd - 0.1 * error
    history.append(squared_cost(forward(X1, w_sgd, b_sgd), price))
print(f"one flat at a time, 40 passes: price ≈ {w_sgd[0]:.1f} × area + {b_sgd:.1f}")

# %% [markdown]
# **Try this.** The loop above uses a learning rate of 0.1 per flat. Predict: after 40
# passes over the data, will its line be closer to or further from the least-squares
# line than batch gradient descent after 300 steps? Print `history[-5:]` to see whether
# the cost is still moving, then change 0.1 to 0.01 and compare.
#
# ## 7. Two features, and why the scale of a feature matters
#
# Now use both features, area and rooms: $X$ gets two columns and $w$ two weights. The
# code is exactly the same — that is the point of writing it with matrices.

# %%
X2 = np.column_stack([area, rooms])
w2, b2, costs2, _ = train(X2, price, alpha=0.1, steps=300)
exact, *_ = np.linalg.lstsq(np.column_stack([X2, np.ones(len(price))]), price, rcond=None)
print("gradient descent, 300 steps:", w2.round(2), round(b2, 2))
print("least squares (exact):      ", exact[:2].round(2), round(exact[2], 2))

# %% [markdown]
# They do not agree yet: after 300 steps gradient descent is still far from the exact
# answer. The reason is the *shape* of the cost. Area (about 0.4 to 1.4) and rooms (1
# to 5) have very different sizes and move together, so the cost surface is a long,
# narrow valley: steep across it, almost flat along it. The learning rate must be small
# enough for the steep direction (or the steps overshoot and grow), and then progress
# along the flat direction is painfully slow. The steepest curvature of this cost is
# the largest eigenvalue of $\frac1m [X\;\mathbf 1]^{\mathsf T}[X\;\mathbf 1]$, and a
# learning rate above $2 / \lambda_{\max}$ diverges.
#
# The standard cure is to **standardise** each feature: subtract its mean and divide by
# its standard deviation, so that every column has mean 0 and spread 1. The valley
# becomes a round bowl, and gradient descent walks straight to the bottom.

# %%
A = np.column_stack([X2, np.ones(len(price))])
curvatures = np.linalg.eigvalsh(A.T @ A / len(price))
print("curvatures (raw features):", curvatures.round(3), " largest safe alpha:", 2 / curvatures[-1])

mean, spread = X2.mean(axis=0), X2.std(axis=0)
Z = (X2 - mean) / spread
wz, bz, costs_z, _ = train(Z, price, alpha=0.5, steps=300)
# back to the original units: w·(x - mean)/spread + b = (w/spread)·x + (b - w·mean/spread)
w_back = wz / spread
b_back = bz - w_back @ mean
print("standardised, back in original units:", w_back.round(2), round(b_back, 2))
assert np.allclose(w_back, exact[:2], atol=0.05)
assert abs(b_back - exact[2]) < 0.05

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.semilogy(costs2 - costs_z[-1] + 1e-9, label="raw features, alpha = 0.1")
ax.semilogy(costs_z - costs_z[-1] + 1e-9, label="standardised, alpha = 0.5")
ax.set_xlabel("step")
ax.set_ylabel("J − best J (log scale)")
ax.set_title("Same model, same data: the scale decides the speed")
ax.legend()
plt.show()

# %% [markdown]
# *Figure 4 — training with raw and with standardised features.* Look at the two
# slopes. With standardised features the gap to the best cost falls by a power of ten
# about every 20 steps and reaches the best cost (to rounding) before step 200; with the
# raw features it has barely moved after 300 steps. Nothing about the model changed —
# only the units of its inputs.
#
# **Try this.** Predict what happens if you measure area in m² instead of 100 m² (use
# `X2 = np.column_stack([area * 100, rooms])` and rerun the cells of this section):
# does the largest safe learning rate go up or down, and by roughly how much? Check your
# guess against the printed curvatures, then try training with `alpha=0.1` anyway.
#
# **Try this.** Use the trained model to price a flat of 100 m² with 3 rooms:
# `w_back @ [1.0, 3] + b_back`. Predict first from Figure 1 — roughly where does a
# flat of that size sit? Then compare with the flats of 100 m² in the table.
#
# **What you have done.** Written the forward pass, the squared-loss cost and its
# gradient for a whole data set; checked the gradient numerically; watched gradient
# descent turn a line into the least-squares line; taken the lesson's single-example
# step and looped it over the data; and seen why features are standardised before
# training. The classification lab does the same with a sigmoid and the log loss.
