"""``python -m dipgraph.cli``: the same as the ``dipgraph`` command."""

from dipgraph.cli.main import cli

cli(prog_name="dipgraph")
