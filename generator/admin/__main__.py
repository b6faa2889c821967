"""``python -m generator.admin local-port [mkdocs.yml]``: the port ``./dev admin`` runs Decap's local server on."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.admin.files import read_settings
from generator.errors import DataError


def main(arguments: list[str]) -> int:
    if not arguments or arguments[0] != "local-port" or len(arguments) > 2:
        print("usage: python -m generator.admin local-port [mkdocs.yml]", file=sys.stderr)
        return 2
    config_file = Path(arguments[1] if len(arguments) == 2 else "mkdocs.yml")
    try:
        settings = read_settings(config_file)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if settings is None:
        print(f"{config_file}: no editor configured (plugins: explainer: admin:)", file=sys.stderr)
        return 1
    print(settings.local_port)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
