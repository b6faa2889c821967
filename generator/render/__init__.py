"""Markdown pages from a validated dataset; every string goes through :mod:`generator.markup`."""
