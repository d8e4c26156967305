"""Drafting: the entities an article names, by name, title, shape or description."""
