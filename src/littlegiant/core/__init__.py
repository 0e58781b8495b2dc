"""Evaluation: verdicts, plans, advice, the interview's choice of questions. Knows nothing of words or terminals."""
