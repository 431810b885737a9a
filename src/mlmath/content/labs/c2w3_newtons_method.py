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
# # Lab: Optimization Using Newton's Method
#
# Newton's method in one and two variables, compared with gradient descent, and its
# derivatives checked against SymPy.

# %%
import numpy as np
import sympy as sp

# %% [markdown]
# ## 1. A root: √2 as the root of x² − 2


# %%
def newton_root(f, df, x, steps):
    path = [x]
    for _ in range(steps):
        x = x - f(x) / df(x)
        path.append(x)
    return path


path = newton_root(lambda x: x**2 - 2, lambda x: 2 * x, 1.0, 5)
print(path)

# %%
assert path[2] == 17 / 12
assert abs(path[-1] - np.sqrt(2)) < 1e-12

# %% [markdown]
# ## 2. A minimum in one variable: f(x) = eˣ − ln(x)
#
# Apply Newton to f′: x ← x − f′(x)/f″(x). SymPy supplies the derivatives.

# %%
x = sp.Symbol("x", positive=True)
f = sp.exp(x) - sp.log(x)
df = sp.lambdify(x, sp.diff(f, x))
d2f = sp.lambdify(x, sp.diff(f, x, 2))
point = 1.0
for _ in range(6):
    point = point - df(point) / d2f(point)
print("minimum near", point, "after 6 Newton steps")

# %%
assert abs(df(point)) < 1e-12
assert d2f(point) > 0

# %% [markdown]
# ## 3. Two variables: the Hessian and the step p − H⁻¹∇f

# %%
X, Y = sp.symbols("x y")
g = X**4 + 0.8 * Y**4 + 4 * X**2 + 2 * Y**2 - X * Y - 0.2 * X**2 * Y
gradient = sp.lambdify((X, Y), [sp.diff(g, v) for v in (X, Y)])
hessian = sp.lambdify((X, Y), sp.hessian(g, (X, Y)))

p = np.array([4.0, 4.0])
newton_steps = 0
while np.linalg.norm(gradient(*p)) > 1e-10:
    p = p - np.linalg.solve(np.array(hessian(*p), dtype=float), np.array(gradient(*p)))
    newton_steps += 1

q = np.array([4.0, 4.0])
descent_steps = 0
while np.linalg.norm(gradient(*q)) > 1e-10 and descent_steps < 10_000:
    q = q - 0.01 * np.array(gradient(*q))
    descent_steps += 1
print("Newton:", newton_steps, "steps;", "gradient descent:", descent_steps, "steps")

# %%
assert np.allclose(p, [0.0, 0.0], atol=1e-8)
assert newton_steps < 20 < descent_steps

# %% [markdown]
# **Try this**: start Newton's method for x² − 2 at x₀ = 0. What goes wrong, and why
# does the tangent explain it? Then start the 2-D search at (−3, 5).
