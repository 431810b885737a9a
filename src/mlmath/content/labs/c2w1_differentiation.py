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
# # Lab: Differentiation in Python — symbolic, numerical and automatic
#
# Three ways a computer finds a derivative: by the rules, like you did by hand
# (SymPy); by measuring the slope of a tiny secant (finite differences); and by
# carrying the derivative along with every number as the function runs (automatic
# differentiation, the way neural-network libraries do it). Cells marked **Check**
# hold `assert` lines that stay silent when all is well.

# %%
import math

import numpy as np
import sympy as sp

# %% [markdown]
# ## 1. Symbolic: the rules, done by SymPy

# %%
x = sp.symbols("x")
f = x**2 * sp.exp(3 * x)
df = sp.diff(f, x)
df

# %% [markdown]
# **Check**: the product rule gives 2x·e^(3x) + 3x²·e^(3x).

# %%
assert sp.simplify(df - (2 * x * sp.exp(3 * x) + 3 * x**2 * sp.exp(3 * x))) == 0

# %% [markdown]
# `sp.lambdify` turns the formula into a fast NumPy function.

# %%
df_numeric = sp.lambdify(x, df, "numpy")
print(df_numeric(np.array([0.0, 0.5, 1.0])))

# %% [markdown]
# ## 2. Numerical: the slope of a short secant
#
# The forward difference (f(x + h) − f(x))/h has an error about proportional to h;
# the central difference (f(x + h) − f(x − h))/(2h) about proportional to h².


# %%
def g(t):
    return t**2 * np.exp(3 * t)


def forward(func, t, h):
    return (func(t + h) - func(t)) / h


def central(func, t, h):
    return (func(t + h) - func(t - h)) / (2 * h)


exact = float(df_numeric(0.5))
for h in (1e-1, 1e-2, 1e-3, 1e-4):
    print(
        f"h={h:g}  forward error={abs(forward(g, 0.5, h) - exact):.2e}  "
        f"central error={abs(central(g, 0.5, h) - exact):.2e}"
    )

# %% [markdown]
# **Check**: the central difference is more accurate for the same h.

# %%
assert abs(central(g, 0.5, 1e-3) - exact) < abs(forward(g, 0.5, 1e-3) - exact)
assert abs(central(g, 0.5, 1e-4) - exact) < 1e-5

# %% [markdown]
# **Try this**: make h as small as 1e-12. The error grows again — subtracting two
# nearly equal numbers loses digits.
#
# ## 3. Automatic: dual numbers
#
# Carry a pair (value, derivative) through every operation, applying one rule per
# operation. That is forward-mode automatic differentiation.


# %%
class Dual:
    def __init__(self, value, slope=0.0):
        self.value = value
        self.slope = slope

    @staticmethod
    def lift(other):
        return other if isinstance(other, Dual) else Dual(other)

    def __add__(self, other):
        other = Dual.lift(other)
        return Dual(self.value + other.value, self.slope + other.slope)  # sum rule

    __radd__ = __add__

    def __mul__(self, other):
        other = Dual.lift(other)
        return Dual(  # product rule
            self.value * other.value, self.slope * other.value + self.value * other.slope
        )

    __rmul__ = __mul__

    def __pow__(self, n):
        return Dual(self.value**n, n * self.value ** (n - 1) * self.slope)  # power + chain


def exp(d):
    return Dual(math.exp(d.value), math.exp(d.value) * d.slope)  # exp + chain


def derivative_at(func, t):
    return func(Dual(t, 1.0)).slope


def h_dual(t):
    return t**2 * exp(3 * t)


print(derivative_at(h_dual, 0.5), exact)

# %% [markdown]
# **Check**: automatic differentiation is exact up to rounding — no h to choose.

# %%
assert abs(derivative_at(h_dual, 0.5) - exact) < 1e-12
assert abs(derivative_at(lambda t: 3 * t**4 + 2 * t, 1.0) - 14.0) < 1e-12

# %% [markdown]
# **Try this**: add a `log` function to the dual numbers (value ln v, slope s/v) and
# check the derivative of ln(x² + 1) at x = 2 against 4/5.
