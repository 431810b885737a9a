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
# # Lab: Classification with Perceptron
#
# A sigmoid perceptron trained on the log loss separates two clouds of points. The
# gradient is (ŷ − y)·x, because σ′ = σ(1 − σ) cancels against the log.

# %%
import numpy as np

rng = np.random.default_rng(11)
m = 300
labels = rng.integers(0, 2, size=m)
centres = np.where(labels == 1, 1.5, -1.5)
X = np.vstack([centres + rng.normal(0, 1, m), -centres + rng.normal(0, 1, m)])
Y = labels.reshape(1, -1).astype(float)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# %% [markdown]
# ## 1. The sigmoid's slope
#
# **Check**: σ′(z) = σ(z)(1 − σ(z)), compared with a finite difference.

# %%
z = np.linspace(-5, 5, 11)
h = 1e-6
numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
assert np.allclose(numeric, sigmoid(z) * (1 - sigmoid(z)), atol=1e-8)
assert np.isclose(sigmoid(0) * (1 - sigmoid(0)), 0.25)

# %% [markdown]
# ## 2. Training


# %%
def log_loss(Y_hat, Y):
    return float(-np.mean(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat)))


W, b = np.zeros((1, 2)), 0.0
losses = []
for _ in range(500):
    Y_hat = sigmoid(W @ X + b)
    losses.append(log_loss(Y_hat, Y))
    error = Y_hat - Y
    W = W - 0.5 * error @ X.T / m
    b = b - 0.5 * float(np.mean(error))

accuracy = float(np.mean((sigmoid(W @ X + b) > 0.5) == (Y == 1)))
print("W =", W, "b =", round(b, 3), "accuracy =", accuracy)

# %% [markdown]
# **Check**: the loss falls and nearly every point is on the right side.

# %%
assert losses[-1] < losses[0] / 3
assert accuracy > 0.95
assert W[0, 0] > 0 > W[0, 1]

# %% [markdown]
# **Try this**: multiply the error by the extra factor Y_hat * (1 − Y_hat) (the mistake
# of differentiating the sigmoid twice). How much slower does the loss fall?
