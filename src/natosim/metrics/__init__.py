"""Metrics: pure functions of an alliance state (or of a baseline and a scenario state)."""
