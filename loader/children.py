"""Child processes that never outlive dipgraph.

`die_with_parent` runs first thing in a child (the embedded database server, the
figures' worker): Linux's parent-death signal then kills the child when dipgraph ends,
however it ends, even on ``kill -9``.
"""

from __future__ import annotations

import ctypes
import os
import signal

__all__ = ["die_with_parent"]

PR_SET_PDEATHSIG = 1  # prctl option: the signal a child gets when its parent dies
# Loaded in the parent, at import: a child between fork and exec only calls it.
_LIBC = ctypes.CDLL(None, use_errno=True)


def die_with_parent(parent: int) -> None:
    """In a child of process ``parent``: be killed when it ends; exit at once if it
    already has (it ended before the signal was set)."""
    _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
