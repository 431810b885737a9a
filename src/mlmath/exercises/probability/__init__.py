"""Skills of Course 3 Weeks 1–2: probability, random variables and describing distributions."""
