"""``python -m mapper.cli``: the same as the ``defrel`` command."""

from .main import main

main()
