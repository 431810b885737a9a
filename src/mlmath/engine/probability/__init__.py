"""Probability: counting, conditional probability, distributions, summaries, worked steps."""
