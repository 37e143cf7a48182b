"""designreview: security design review of school floor plans."""

__version__ = "0.1.0"
