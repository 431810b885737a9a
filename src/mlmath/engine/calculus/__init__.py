"""Calculus with worked solutions (Course 2): derivatives by rules, gradients,
optimisation in one and two variables, gradient descent and linear regression.

The expression tree (:mod:`.expression`) is our own, built for explaining; the
differentiator (:mod:`.differentiation`) records one rule object per step.
"""
