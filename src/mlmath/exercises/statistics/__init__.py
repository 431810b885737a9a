"""Skills of Course 3 Weeks 3–4: sampling, estimation, intervals and hypothesis tests."""
