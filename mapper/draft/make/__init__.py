"""Drafting: ``defrel draft``, by rule or with a language model, written as a facts file."""
