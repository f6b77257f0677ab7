"""Shared test set-up: the repository root is importable (pyproject's pythonpath)."""
