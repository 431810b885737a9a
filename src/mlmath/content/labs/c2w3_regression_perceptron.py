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
# # Lab: Regression with Perceptron
#
# A perceptron with no activation, trained on the squared loss, is linear regression.
# We train one on made-up data (features in rows, examples in columns) and check it
# against NumPy's least-squares solution. Cells marked **Check** hold `assert` lines.

# %%
import itertools

import numpy as np

rng = np.random.default_rng(3)
m = 200
X = rng.normal(0, 1, size=(2, m))
true_w, true_b = np.array([[3.0, -1.5]]), 0.7
Y = true_w @ X + true_b + rng.normal(0, 0.1, size=(1, m))

# %% [markdown]
# ## 1. Forward pass, cost, gradients
#
# Ŷ = W X + b; the cost is J = (1/2m) Σ (ŷ − y)²; the chain rule gives
# ∂J/∂W = (1/m)(Ŷ − Y)Xᵀ and ∂J/∂b = mean(Ŷ − Y).


# %%
def forward(X, W, b):
    return W @ X + b


def cost(Y_hat, Y):
    return float(np.sum((Y_hat - Y) ** 2) / (2 * Y.shape[1]))


def gradients(X, Y, Y_hat):
    error = Y_hat - Y
    return error @ X.T / Y.shape[1], float(np.mean(error))


W, b = np.zeros((1, 2)), 0.0
costs = []
for _ in range(300):
    Y_hat = forward(X, W, b)
    costs.append(cost(Y_hat, Y))
    dW, db = gradients(X, Y, Y_hat)
    W, b = W - 0.1 * dW, b - 0.1 * db
print("W =", W, "b =", round(b, 4), "final cost =", round(costs[-1], 5))

# %% [markdown]
# **Check**: the cost only goes down, and the weights agree with least squares.

# %%
assert all(later <= earlier + 1e-12 for earlier, later in itertools.pairwise(costs))
A = np.vstack([X, np.ones(m)]).T
exact, *_ = np.linalg.lstsq(A, Y.ravel(), rcond=None)
assert np.allclose(W.ravel(), exact[:2], atol=1e-3)
assert abs(b - exact[2]) < 1e-3

# %% [markdown]
# **Check the gradient numerically**: nudge one weight and watch the cost.

# %%
h = 1e-6
W_plus, W_minus = W.copy(), W.copy()
W_plus[0, 0] += h
W_minus[0, 0] -= h
numeric = (cost(forward(X, W_plus, b), Y) - cost(forward(X, W_minus, b), Y)) / (2 * h)
assert abs(numeric - gradients(X, Y, forward(X, W, b))[0][0, 0]) < 1e-6

# %% [markdown]
# **Try this**: set the learning rate to 1.5 and then 2.5. At which point does the cost
# start to grow? Scale the first feature by 100 — why does training slow down?
