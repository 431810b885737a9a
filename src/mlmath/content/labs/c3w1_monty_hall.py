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
# This lab belongs to the lesson **Introduction to probability**, topics *Conditional
# probability* and *Bayes theorem*. A game show has three closed doors: a car behind one,
# goats behind the other two. You pick a door. The host, who knows where the car is,
# opens one of the *other* doors and shows you a goat. Then he offers you a switch to the
# last closed door. Should you take it?
#
# Most people — including, famously, many mathematicians when the puzzle was published
# in a magazine column in 1990 — say it does not matter: two doors are left, so each has
# a chance of one half. This lab settles the question three ways:
#
# 1. by **playing** the game thousands of times and watching the win rates settle;
# 2. by **Bayes' theorem**, updating the chances of each door on what the host did;
# 3. by **changing the rules** — more doors, a host who does not know — and seeing
#    exactly which piece of information makes switching pay.
#
# **Try this.** Before you run anything, write down your answer: staying wins with
# probability ___, switching with probability ___. You will compare at the end of
# section 1.
#
# Run the cells in order. **Exercise** cells leave a function for you to write; the
# check after it says `✓` when it is right, names the first input it gets wrong (with
# expected and actual answers) when it is not, and only notes "not written yet" until
# you start. Later cells never use your functions.

# %%
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np

from mlmath.content.labs.checks.c3w1_monty_hall import (
    check_posterior,
    check_running_share,
    check_switch_win_probability,
)

rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. Play the game many times
#
# One game, written out: the car goes behind a random door (numbered 0, 1, 2), you pick a
# random door, and the host opens a door that is neither your pick nor the car. If your
# pick *is* the car, two doors qualify and he chooses one of them at random. Switching
# means taking the one door that is neither your pick nor the opened one. Since the
# three door numbers add up to $0 + 1 + 2 = 3$, "the door that is neither $a$ nor $b$"
# is simply $3 - a - b$.
#
# NumPy plays many games at once: each variable below is an array with one entry per
# game, and `np.where(condition, x, y)` picks, game by game, `x` where the condition
# holds and `y` elsewhere.


# %%
def play(games, rng):
    """Play `games` Monty Hall games; return arrays: did staying win, did switching win."""
    car = rng.integers(0, 3, size=games)
    pick = rng.integers(0, 3, size=games)
    other_goat = 3 - car - pick  # the host's only choice when the pick is a goat
    random_goat = (pick + rng.integers(1, 3, size=games)) % 3  # a door other than the pick
    opened = np.where(car == pick, random_goat, other_goat)
    switched = 3 - pick - opened
    assert not np.any(opened == car)  # the host never shows the car
    assert not np.any(opened == pick)  # nor opens your door
    return pick == car, switched == car


stay_wins, switch_wins = play(10_000, rng)
print(f"out of 10000 games: staying won {stay_wins.sum()}, switching won {switch_wins.sum()}")
print(f"win rates: stay {stay_wins.mean():.3f}, switch {switch_wins.mean():.3f}")
assert abs(stay_wins.mean() - 1 / 3) < 0.02
assert abs(switch_wins.mean() - 2 / 3) < 0.02

# %% [markdown]
# To watch the win rate *settle*, compute it after every game: after game $k$ it is the
# number of wins in the first $k$ games divided by $k$. That is a **running share**.
#
# **Exercise 1.** Write `running_share(wins)`: for an array of `True`/`False` (one per
# game), the array whose entry $k$ is the share of wins among the first $k + 1$ games.
# `np.cumsum` adds up as it goes (`np.cumsum([1, 0, 1])` is `[1, 1, 2]`); divide by how
# many games have been played *so far*, not by the total.


# %%
def running_share(wins):
    """Share of wins after each game: entry k is the mean of wins[0..k]."""
    raise NotImplementedError("write this function")


# %%
check_running_share(running_share)

# %% [markdown]
# The lab's own running share, for five independent series of 3000 games each.

# %%
fig, ax = plt.subplots(figsize=(6.5, 4))
games = np.arange(1, 3001)
for series in range(5):
    stay, switch = play(3000, np.random.default_rng(100 + series))
    first = series == 0
    ax.plot(
        games,
        np.cumsum(switch) / games,
        color="tab:green",
        linewidth=0.8,
        label="switch" if first else None,
    )
    ax.plot(
        games,
        np.cumsum(stay) / games,
        color="tab:purple",
        linewidth=0.8,
        label="stay" if first else None,
    )
for level in (1 / 3, 1 / 2, 2 / 3):
    ax.axhline(level, color="grey", linewidth=0.6, linestyle="--")
ax.set_xscale("log")
ax.set_ylim(0, 1)
ax.set_xlabel("games played (log scale)")
ax.set_ylabel("share of games won so far")
ax.legend()
ax.set_title("Win rates settle at 2/3 and 1/3 — not 1/2")
plt.show()

# %% [markdown]
# *Figure 1 — running win shares of five series of games.* Look at the left side: after
# a handful of games the shares jump about wildly, and a few lucky games can make
# either strategy look best. Further right the five green lines close in on $\tfrac23$
# and the purple ones on $\tfrac13$, and the dashed line at $\tfrac12$ is left behind. A
# probability is a long-run share; the short run can fool you.
#
# Compare with your prediction at the top. If you said one half each, you are in good
# company — now find out *why* it is wrong.
#
# ## 2. Why: Bayes' theorem on the host's choice
#
# Say you pick door 0 and the host opens door 2. Before the host acts, each door hides
# the car with the **prior** probability $\tfrac13$. The evidence is "the host opened
# door 2". How likely is that evidence under each possibility?
#
# - car behind door 0 (your pick): he could open door 1 or door 2, and chooses at random:
#   $P(\text{opens } 2 \mid \text{car at } 0) = \tfrac12$;
# - car behind door 1: door 2 is his *only* option: $P(\text{opens } 2 \mid \text{car at } 1) = 1$;
# - car behind door 2: he never shows the car: $P(\text{opens } 2 \mid \text{car at } 2) = 0$.
#
# Bayes' theorem multiplies each prior by its likelihood and rescales so that the
# results add up to 1:
#
# $$P(C_d \mid E) = \frac{P(E \mid C_d)\,P(C_d)}{\sum_{j} P(E \mid C_j)\,P(C_j)},$$
#
# writing $C_d$ for "the car is behind door $d$" and $E$ for the evidence.
#
# **Exercise 2.** Write `posterior(prior, likelihood)`: both arguments are arrays with
# one entry per possibility; return the array of posterior probabilities. The
# denominator is the sum of the products — without it, the "probabilities" need not add
# up to 1.


# %%
def posterior(prior, likelihood):
    """Bayes' theorem: prior * likelihood, rescaled to add up to 1."""
    raise NotImplementedError("write this function")


# %%
check_posterior(posterior)

# %% [markdown]
# The lab's own computation, with exact fractions so that $\tfrac23$ comes out as
# $\tfrac23$ and not $0.6666\ldots$, followed by the same numbers read off the
# simulated games: keep only the games where you picked door 0 and the host opened
# door 2, and count where the car was.

# %%
prior = [Fraction(1, 3)] * 3
likelihood = [Fraction(1, 2), Fraction(1), Fraction(0)]  # P(host opens door 2 | car at d)
evidence = sum(p * q for p, q in zip(prior, likelihood, strict=True))
exact_posterior = [p * q / evidence for p, q in zip(prior, likelihood, strict=True)]
print("P(car at 0, 1, 2 | you picked 0, host opened 2):", [str(f) for f in exact_posterior])
assert exact_posterior == [Fraction(1, 3), Fraction(2, 3), Fraction(0)]

games = 30_000
car = rng.integers(0, 3, size=games)
pick = np.zeros(games, dtype=int)  # you always pick door 0
opened = np.where(car == 0, rng.integers(1, 3, size=games), 3 - car)
these = opened == 2
counted = np.bincount(car[these], minlength=3) / these.sum()
print(f"games where the host opened door 2: {these.sum()} of {games}")
print("share with the car at door 0, 1, 2:", counted.round(3))

fig, ax = plt.subplots(figsize=(6, 3.8))
doors = np.arange(3)
ax.bar(doors - 0.27, [1 / 3] * 3, width=0.27, label="prior: before the host acts")
ax.bar(doors, [float(f) for f in exact_posterior], width=0.27, label="posterior: Bayes")
ax.bar(doors + 0.27, counted, width=0.27, label="share in simulated games")
ax.set_xticks(doors, ["door 0\n(your pick)", "door 1\n(closed)", "door 2\n(opened)"])
ax.set_ylabel("P(car behind the door)")
ax.legend(fontsize=8)
ax.set_title("What the host's choice tells you")
plt.show()

# %% [markdown]
# *Figure 2 — the chances of each door before and after the host opens door 2.* Look at
# door 0, your pick: its chance stays at $\tfrac13$. The host could always open a goat
# door next to it, so his action says nothing about your door. Door 2's third does not
# vanish or spread evenly: all of it moves to door 1, the door he *chose to avoid*.
# The simulated games (third bars) agree.
#
# **Try this.** Suppose this host is lazy: when he may choose (your pick hides the
# car), he always opens the *lower*-numbered goat door, door 1. You picked door 0 and
# he opened door 2. Predict: is switching now better, worse, or certain? Change the
# likelihoods to `[0, 1, 0]`, rerun the cell, and explain the answer in words.

# %% [markdown]
# ## 3. More doors
#
# With $n$ doors the pattern becomes obvious. Your first pick is right with probability
# $\frac1n$; the host then opens $k$ goat doors, never yours. If you switch to one of the
# other $n - 1 - k$ closed doors at random, you win when your first pick was wrong
# (probability $\frac{n-1}{n}$) *and* you choose the car among those doors (one of
# $n - 1 - k$, which still hold it together):
#
# $$P(\text{win by switching}) = \frac{n-1}{n}\cdot\frac{1}{n - 1 - k}.$$
#
# **Exercise 3.** Write `switch_win_probability(n, k)` for $n$ doors of which the host
# opens $k$ goat doors ($0 \le k \le n - 2$). Check it on the classic game ($n = 3$,
# $k = 1$: $\tfrac23$) and on a host who opens nothing ($k = 0$: switching to a random
# other door is no better than staying).


# %%
def switch_win_probability(n, k):
    """P(win) when you switch at random to one of the other closed doors."""
    raise NotImplementedError("write this function")


# %%
check_switch_win_probability(switch_win_probability)

# %% [markdown]
# A game-by-game simulation of the general rules tests the formula. Each game is short,
# so a plain Python loop is fast enough here.


# %%
def play_many_doors(n, k, games, rng):
    wins = 0
    for _ in range(games):
        car, pick = rng.integers(n), rng.integers(n)
        goats = [d for d in range(n) if d not in (car, pick)]
        opened = set(rng.choice(goats, size=k, replace=False).tolist())
        closed_others = [d for d in range(n) if d != pick and d not in opened]
        wins += closed_others[rng.integers(len(closed_others))] == car
    return wins / games


def formula(n, k):
    return (n - 1) / n / (n - 1 - k)


n = 10
opens = np.arange(0, n - 1)
simulated = [play_many_doors(n, k, 4000, rng) for k in opens]
for k, share in zip(opens, simulated, strict=True):
    assert abs(share - formula(n, k)) < 0.03, (k, share)

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.plot(opens, [formula(n, k) for k in opens], "o-", label="switching: formula")
ax.scatter(opens, simulated, color="black", zorder=3, s=18, label="switching: 4000 games each")
ax.axhline(1 / n, color="tab:purple", linestyle="--", label=f"staying: 1/{n}")
ax.set_xlabel(f"goat doors the host opens (of {n} doors)")
ax.set_ylabel("P(win)")
ax.legend()
ax.set_title("Every door the host opens pushes switching up")
plt.show()

# %% [markdown]
# *Figure 3 — ten doors, the host opening 0 to 8 goats.* Look at the left end: with no
# door opened, switching to a random other door wins $\tfrac1{10}$ of the time, exactly
# like staying (dashed line). Every goat the host reveals concentrates the $\tfrac9{10}$
# that the car is *elsewhere* on fewer doors, until at $k = 8$ one closed door holds all
# of it. With 100 doors and 98 opened, who would keep their first pick?
#
# ## 4. A host who does not know
#
# The whole effect comes from the host's *knowledge*: he avoids the car on purpose.
# Change that. An ignorant host opens one of the other two doors at random. Sometimes he
# reveals the car, and the game is void; keep only the games where a goat appeared —
# exactly the situation you are in on the show.

# %%
games = 60_000
car = rng.integers(0, 3, size=games)
pick = rng.integers(0, 3, size=games)
opened = (pick + rng.integers(1, 3, size=games)) % 3  # any door but yours, at random
goat_shown = opened != car
switched = 3 - pick - opened
ignorant = {
    "stay": float(np.mean((pick == car)[goat_shown])),
    "switch": float(np.mean((switched == car)[goat_shown])),
}
informed_stay, informed_switch = play(games, rng)
informed = {"stay": informed_stay.mean(), "switch": informed_switch.mean()}
print(f"the ignorant host showed the car in {np.mean(~goat_shown):.1%} of games (void)")
print("ignorant host, goat shown:", {key: round(v, 3) for key, v in ignorant.items()})
assert abs(ignorant["switch"] - 0.5) < 0.02

fig, ax = plt.subplots(figsize=(6, 3.6))
positions = np.arange(2)
ax.bar(positions - 0.2, [informed["stay"], informed["switch"]], width=0.4, label="host knows")
ax.bar(
    positions + 0.2,
    [ignorant["stay"], ignorant["switch"]],
    width=0.4,
    label="host guesses (goat shown)",
)
ax.set_xticks(positions, ["stay", "switch"])
ax.axhline(0.5, color="grey", linewidth=0.6, linestyle="--")
ax.set_ylabel("P(win)")
ax.legend(fontsize=8)
ax.set_title("Same doors, same goat, different knowledge")
plt.show()

# %% [markdown]
# *Figure 4 — a knowing host against a guessing one.* Look at the right pair of bars:
# with the knowing host switching wins $\tfrac23$; with the guessing host it wins only
# $\tfrac12$, although what you *see* is the same — one open door with a goat. The
# difference is in the likelihood: a guessing host shows a goat behind door 2 with
# probability $\tfrac12$ whichever of doors 0 and 1 hides the car, so the evidence
# favours neither, and Bayes' theorem leaves them equal.
#
# **Try this.** Predict the posterior for the guessing host with Bayes' theorem before
# computing: you pick door 0, he opens door 2 at random and a goat appears. The
# likelihoods $P(\text{goat behind 2, opened} \mid \text{car at } d)$ are $\tfrac12$,
# $\tfrac12$ and $0$. Then use the `likelihood` line of section 2 with these values.
#
# **What you have done.** Simulated thousands of games and watched the win rates
# settle; written a running share and Bayes' theorem; shown that the host's choice moves
# all of the opened door's chance onto the door he avoided; generalised to $n$ doors;
# and seen that the same observation means something different when the host does not
# know — conditional probability depends on *how* the evidence arose.
