"""bkind: track a provincial development resolution against what actually happened."""

__version__ = "0.1.0"
