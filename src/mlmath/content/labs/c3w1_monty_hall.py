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
# # Lab: The Monty Hall problem
#
# A game show has three doors: a car behind one, goats behind the other two. You pick a
# door. The host, who knows where the car is, opens one of the *other* doors to show a
# goat, and offers you a switch. Should you switch?
#
# Most people say it does not matter — two doors left, one half each. Conditional
# probability says otherwise. We compute the exact answer and then play the game many
# times with NumPy. Cells marked **Check** hold `assert` lines; **Try this** invites a
# change.

# %%
from fractions import Fraction

import numpy as np

rng = np.random.default_rng(7)

# %% [markdown]
# ## 1. The exact answer
#
# Your first pick is right with probability $1/3$. If it is right, switching loses; if it
# is wrong ($2/3$), the host must open the only other goat door, and switching wins. So
#
# $$P(\text{win by staying}) = \tfrac13, \qquad P(\text{win by switching}) = \tfrac23.$$
#
# With Bayes' theorem: say you pick door 1 and the host opens door 3. The host opens door
# 3 with probability $1/2$ if the car is behind door 1, $1$ if it is behind door 2, and $0$
# if behind door 3, so
#
# $$P(C_2 \mid O_3) = \frac{1 \cdot 1/3}{1/2 \cdot 1/3 + 1 \cdot 1/3 + 0} = \frac23,$$
#
# writing $C_d$ for "the car is behind door $d$" and $O_3$ for "the host opens door 3".

# %%
prior = Fraction(1, 3)
opens_3 = {1: Fraction(1, 2), 2: Fraction(1), 3: Fraction(0)}  # P(host opens 3 | car at d)
evidence = sum(opens_3[d] * prior for d in opens_3)
posterior = {d: opens_3[d] * prior / evidence for d in opens_3}
print(posterior)

# %%
assert posterior[2] == Fraction(2, 3)
assert posterior[1] == Fraction(1, 3)

# %% [markdown]
# ## 2. Play the game many times
#
# Each game: the car is behind a random door, you pick a random door, and the host opens a
# goat door you did not pick (choosing at random when he has two). Vectorised over many
# games at once.


# %%
def play(games: int, doors: int = 3) -> tuple[float, float]:
    car = rng.integers(doors, size=games)
    pick = rng.integers(doors, size=games)
    stay_wins = np.mean(car == pick)
    # Switching (to the one door the host leaves closed) wins exactly when the first pick
    # was wrong: the host removes every other goat door.
    switch_wins = np.mean(car != pick)
    return float(stay_wins), float(switch_wins)


stay, switch = play(100_000)
print(f"stay wins {stay:.3f}, switch wins {switch:.3f}")

# %%
assert abs(stay - 1 / 3) < 0.01
assert abs(switch - 2 / 3) < 0.01

# %% [markdown]
# ## 3. A game that follows the host step by step
#
# The shortcut above hides the host. Here every game is played in full — the host picks
# a goat door among those you did not choose — to be sure nothing was assumed.


# %%
def play_in_full(games: int) -> float:
    switch_wins = 0
    for _ in range(games):
        car, pick = rng.integers(3), rng.integers(3)
        goat_doors = [d for d in range(3) if d not in (pick, car)]
        opened = goat_doors[rng.integers(len(goat_doors))]
        switched = next(d for d in range(3) if d not in (pick, opened))
        switch_wins += switched == car
    return switch_wins / games


full = play_in_full(20_000)
print(round(full, 3))

# %%
assert abs(full - 2 / 3) < 0.02

# %% [markdown]
# ## 4. More doors
#
# With $n$ doors the host opens $n - 2$ goat doors, leaving your pick and one other.
# Switching wins whenever the first pick was wrong: $(n - 1)/n$.

# %%
for n in (3, 10, 100):
    stay_n, switch_n = play(50_000, doors=n)
    print(n, round(switch_n, 3), round((n - 1) / n, 3))
    assert abs(switch_n - (n - 1) / n) < 0.01

# %% [markdown]
# **Try this**: change the rules so that the host opens a random other door — sometimes
# revealing the car (then the game is void). Simulate it and keep only the games where a
# goat was shown. Is switching still better? (No: now it is one half each, because the
# host's choice carries no information.)
