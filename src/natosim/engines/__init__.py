"""Engines: the burden-sharing game, the crisis Monte Carlo, the claim checker."""
