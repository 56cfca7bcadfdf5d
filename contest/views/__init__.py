"""The participant's side of the contest: profile, entries step by step, files, consultations."""
