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
# Gradient descent on a surface, then on the loss of a linear regression — checked
# against the exact least-squares line. Cells marked **Check** hold `assert` lines.

# %%
import numpy as np

# %% [markdown]
# ## 1. A bowl with two directions
#
# f(x, y) = x² + 5y² − 2x: the gradient is (2x − 2, 10y), zero at (1, 0).


# %%
def grad_f(p):
    x, y = p
    return np.array([2 * x - 2, 10 * y])


def descend(gradient, start, learning_rate, max_steps=1000, tolerance=1e-10):
    points = [np.asarray(start, dtype=float)]
    for _ in range(max_steps):
        step = learning_rate * gradient(points[-1])
        points.append(points[-1] - step)
        if np.linalg.norm(step) < tolerance:
            break
    return np.array(points)


path = descend(grad_f, start=[4.0, 2.0], learning_rate=0.05)
print(len(path) - 1, "steps, ending at", path[-1])

# %%
assert np.allclose(path[-1], [1.0, 0.0], atol=1e-8)
assert np.allclose(path[1], [4.0, 2.0] - 0.05 * grad_f([4.0, 2.0]))

# %% [markdown]
# **Try this**: print `path[:5]`. The y-coordinate (steep direction) settles quickly;
# x crawls. Raise the learning rate to 0.19 and then 0.21 — what changes?
#
# ## 2. Linear regression by gradient descent
#
# Points on a noisy line; the loss is the mean squared error of ŷ = m·x + b.

# %%
rng = np.random.default_rng(7)
x = np.linspace(0, 5, 30)
y = 2.0 * x + 1.0 + rng.normal(0, 0.5, size=x.size)


def grad_mse(params):
    m, b = params
    error = m * x + b - y
    return np.array([2 * np.mean(error * x), 2 * np.mean(error)])


fit = descend(grad_mse, start=[0.0, 0.0], learning_rate=0.02, max_steps=20000)[-1]
print(f"gradient descent: m = {fit[0]:.4f}, b = {fit[1]:.4f}")

# %% [markdown]
# The closed form (setting both partials to zero) gives the same line: NumPy's
# `polyfit` solves those equations directly.

# %%
m_exact, b_exact = np.polyfit(x, y, 1)
print(f"closed form:      m = {m_exact:.4f}, b = {b_exact:.4f}")
assert np.allclose(fit, [m_exact, b_exact], atol=1e-4)

# %% [markdown]
# **Try this**: forget the minus sign in `descend` (add the step). What happens to the
# loss after a few steps?
