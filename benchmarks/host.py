"""The machine a benchmark ran on, as every benchmark prints it."""

from __future__ import annotations

import os
import platform
from pathlib import Path

__all__ = ["describe_host"]


def describe_host() -> str:
    """CPU model and cores (from /proc/cpuinfo), memory, Python and the load average."""
    cpu, cores = platform.processor() or platform.machine(), os.cpu_count() or 0
    try:
        info = Path("/proc/cpuinfo").read_text()
        models = [
            line.split(":", 1)[1].strip()
            for line in info.splitlines()
            if line.startswith("model name")
        ]
        cpu, cores = (models[0], len(models)) if models else (cpu, cores)
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{cpu}, {cores} cores, {memory:.0f} GiB RAM, {platform.system()}, "
        f"Python {platform.python_version()}; load average {load}"
    )
