"""Loa: a self-hosted Vietnamese news portal where every article can be heard."""

__version__ = "0.1.0"
