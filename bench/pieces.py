"""The generator's pieces one at a time: what each costs, and what it makes for a child to send back.

These are the figures behind ``generator.render.site.WEIGHTS``, by which the pieces are shared out among
processes, and the answer to where the time of "pages and data exports" goes.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass

from generator.build import Project, load_dataset
from generator.render.site import WEIGHTS, render_tasks

MB = 1_000_000


@dataclass(frozen=True)
class Piece:
    """One piece of the rendering: its CPU time on one process (the best of a few runs) and the megabytes it
    makes, as pickled for the pipe."""

    name: str
    cpu_s: float
    made_mb: float


def measure_pieces(project: Project, repeat: int) -> tuple[Piece, ...]:
    """Each piece of ``project``'s site, run ``repeat`` times in this process, in the order the generator
    lists them; raises DataError on bad data."""
    data = load_dataset(project)
    tasks = render_tasks(
        data, project.read_content(), content_dir=project.content_dir, site_url=project.site_url()
    )
    pieces = []
    for task in tasks:
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            made = task.run()
            best = min(best, time.process_time() - start)
        size = len(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        pieces.append(Piece(task.name, round(best, 4), round(size / MB, 2)))
    return tuple(pieces)


def pieces_table(pieces: Sequence[Piece]) -> str:
    """The pieces as a Markdown table, with each one's share of the CPU time and, beside the measured
    figures, the weights the generator shares the pieces out by."""
    total = sum(piece.cpu_s for piece in pieces) or 1.0
    lines = [
        "| piece | CPU time, one process | share | made (pickled) | `WEIGHTS` in `render/site.py` |",
        "|---|---:|---:|---:|---:|",
    ]
    for piece in pieces:
        seconds, megabytes = WEIGHTS[piece.name]
        lines.append(
            f"| {piece.name} | {piece.cpu_s:.3f} s | {piece.cpu_s / total:.0%} | {piece.made_mb:.1f} MB "
            f"| {seconds:.2f} s, {megabytes:.1f} MB |"
        )
    made = sum(piece.made_mb for piece in pieces)
    lines.append(f"| all | {total:.3f} s | 100% | {made:.1f} MB | |")
    return "\n".join(lines)


def weights_source(pieces: Sequence[Piece]) -> str:
    """``WEIGHTS`` as measured, written as the lines of the dict in ``render/site.py``."""
    return "\n".join(f'    "{piece.name}": ({piece.cpu_s:.2f}, {piece.made_mb:.1f}),' for piece in pieces)
