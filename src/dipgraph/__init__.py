"""dipgraph: a graph database of diplomatic relationships built from sourced records."""

__version__ = "0.1.0"
