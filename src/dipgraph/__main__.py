"""``python -m dipgraph``: the same as the ``dipgraph`` command."""

from dipgraph.cli import cli

cli()
