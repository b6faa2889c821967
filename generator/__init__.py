"""Builds a news explainer site from structured YAML.

Data flows one way: ``load`` (YAML files with positions) → ``validate`` (typed, frozen models; every problem at
once) → ``render`` (Markdown pages through one escaping layer) → ``build`` (write; MkDocs turns them into HTML).
"""

__version__ = "0.2.0"
