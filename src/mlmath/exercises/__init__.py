"""Skills: endless practice variants, each checked, diagnosed and solved step by step.

One module per skill, grouped by subject (``exercises/linalg/…``); every skill
registers itself under a stable id such as ``linalg.determinant_3x3``.
"""
