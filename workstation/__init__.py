"""Editorial Workstation: write, sub and publish trade-press news, offline first."""

__version__ = "0.1.0"
