"""Drafting: the facts proposed by rule, sentence by sentence."""
