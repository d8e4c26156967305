"""Drafting: ``defrel review``, the page a person confirms a draft by."""
