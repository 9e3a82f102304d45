"""The ``dipgraph`` command: a thin click layer over `dipgraph.pipeline`.

`main` holds the command group and turns every `dipgraph.errors.DipgraphError`
into one clear message; `options` holds the options several commands share; each
other module holds the commands of one task and imports no other command module.
"""

from __future__ import annotations

from .main import cli

__all__ = ["cli"]
