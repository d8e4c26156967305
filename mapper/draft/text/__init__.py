"""Drafting, first step: the article text read as sentences, numbers and places in it."""
