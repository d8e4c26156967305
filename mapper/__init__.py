"""defrel."""
