"""The ``claims`` command: a thin Typer shell over the ``claims`` library."""
