"""Write bench/README.md's tables from bench/results/latest.json, so that the figures there are never pasted.

Run ``python -m bench.report`` (``./dev bench`` runs it after measuring). Only the text between the two markers
in bench/README.md is replaced; the tables are the same ones ``python -m bench.run`` prints.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.measure import Result
from bench.run import checks, checks_table, results_table

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
README = ROOT / "bench" / "README.md"
BEGIN = "<!-- BEGIN GENERATED: python -m bench.report writes this from results/latest.json; do not edit -->"
END = "<!-- END GENERATED -->"


class ReportError(Exception):
    """latest.json or bench/README.md is not what the report can be made from or written into."""


def _result(index: int, entry: dict[str, Any]) -> Result:
    expected = {field.name for field in dataclasses.fields(Result)}
    if set(entry) != expected:
        raise ReportError(
            f"results[{index}] has the fields {sorted(entry)}; expected {sorted(expected)} "
            "(the fields of bench.measure.Result): run ./dev bench to measure again"
        )
    return Result(**entry)


def generated_section(report: dict[str, Any]) -> str:
    """The Markdown that goes between the markers: where it was measured, the figures, the targets."""
    results = [_result(index, entry) for index, entry in enumerate(report["results"])]
    machine = report["machine"]
    return "\n\n".join(
        [
            f"Measured with Python {machine['python']} on {machine['system']}, {machine['cpus']} CPUs, "
            f"synthetic data from seed {report['seed']}.",
            results_table(results),
            checks_table(checks(results)),
        ]
    )


def rewrite(readme: str, section: str) -> str:
    """``readme`` with the text between its markers replaced by ``section``."""
    if readme.count(BEGIN) != 1 or readme.count(END) != 1 or readme.index(BEGIN) > readme.index(END):
        raise ReportError(f"expected the lines {BEGIN!r} and {END!r} once each, in that order")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n\n{section}\n\n{END}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench.report", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help="the benchmark's JSON (default: latest)"
    )
    parser.add_argument(
        "--readme", type=Path, default=README, help="the Markdown file to write the tables into"
    )
    args = parser.parse_args(argv)
    try:
        report = json.loads(args.results.read_text(encoding="utf-8"))
        section = generated_section(report)
    except KeyError as error:
        print(f"{args.results}: no {error} field; run ./dev bench to measure again", file=sys.stderr)
        return 1
    except (OSError, ValueError, ReportError) as error:
        print(f"{args.results}: {error}", file=sys.stderr)
        return 1
    try:
        text = rewrite(args.readme.read_text(encoding="utf-8"), section)
    except (OSError, ReportError) as error:
        print(f"{args.readme}: {error}", file=sys.stderr)
        return 1
    temporary = args.readme.with_suffix(".md.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(args.readme)
    print(f"wrote the tables of {args.results.name} into {args.readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
