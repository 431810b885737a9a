"""Pure mathematics with worked solutions: no I/O, no globals, randomness passed in."""
