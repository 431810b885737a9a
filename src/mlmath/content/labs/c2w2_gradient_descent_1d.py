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
# The lesson stepped downhill by hand. Here a short NumPy loop does it, with a
# learning rate and a stopping rule, and we watch what a too-large step does.
# Cells marked **Check** hold `assert` lines that stay silent when all is well.

# %%
import numpy as np

# %% [markdown]
# ## 1. A loss with a known minimum
#
# f(x) = e^x − ln(x) has f′(x) = e^x − 1/x. There is no formula for where f′ = 0,
# which is exactly when gradient descent earns its keep.


# %%
def f(x):
    return np.exp(x) - np.log(x)


def df(x):
    return np.exp(x) - 1 / x


# %% [markdown]
# ## 2. The loop
#
# Stopping rule: stop when a step moves less than `tolerance`, or after `max_steps`.


# %%
def gradient_descent(dfdx, x0, learning_rate, max_steps=1000, tolerance=1e-10):
    xs = [x0]
    for _ in range(max_steps):
        step = learning_rate * dfdx(xs[-1])
        xs.append(xs[-1] - step)
        if abs(step) < tolerance:
            break
    return np.array(xs)


path = gradient_descent(df, x0=1.6, learning_rate=0.1)
print(len(path) - 1, "steps; minimum near x =", path[-1])

# %% [markdown]
# **Check**: at the point found the slope is (almost) zero, and f is smallest there.

# %%
x_min = path[-1]
assert abs(df(x_min)) < 1e-8
grid = np.linspace(0.1, 2, 2000)
assert f(x_min) <= f(grid).min() + 1e-9

# %% [markdown]
# ## 3. The learning rate matters
#
# On f(x) = x², each step multiplies x by (1 − 2α): it shrinks when 0 < α < 1 and
# grows when α > 1.

# %%
for alpha in (0.01, 0.1, 0.5, 0.9, 1.1):
    p = gradient_descent(lambda x: 2 * x, x0=1.0, learning_rate=alpha, max_steps=50)
    print(f"alpha={alpha:<5} after {len(p) - 1:>2} steps x = {p[-1]: .3e}")

# %%
slow = gradient_descent(lambda x: 2 * x, 1.0, 0.01, max_steps=50)[-1]
fast = gradient_descent(lambda x: 2 * x, 1.0, 0.5, max_steps=50)[-1]
wild = gradient_descent(lambda x: 2 * x, 1.0, 1.1, max_steps=50)[-1]
assert abs(fast) < abs(slow) < 1 < abs(wild)

# %% [markdown]
# **Try this**: start f(x) = e^x − ln(x) at x0 = 0.05 with learning rate 0.1. The slope
# there is about −19, so the first step jumps far; what happens, and what α fixes it?
