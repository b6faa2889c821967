"""``explainer serve``: MkDocs' live preview, started only on an address it can have.

MkDocs builds the whole site before it opens its port, and then dies with a traceback when the port is
taken; the address is checked first instead, and a taken one is a one-line message naming the option.
"""

from __future__ import annotations

import errno
import socket
import sys
from pathlib import Path

import yaml
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import IpAddress

from generator import engines, siteconfig

DEFAULT_ADDRESS = "127.0.0.1:8000"  # MkDocs' own default
_HIGHEST_PORT = 65535


def preview_address(config_file: Path, given: str | None) -> str:
    """The address to serve on, as ``IP:PORT``: the one given (``-a``), else ``dev_addr`` from the config
    file, else MkDocs' default. Raises ValueError naming where a wrong one came from and what is expected."""
    where = "-a"
    text = given
    if text is None:
        where = f"dev_addr in {config_file.name}"
        try:
            config = siteconfig.load_config(config_file) if config_file.is_file() else {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as error:
            reason = " ".join(str(error).split())  # one line, as every message
            raise ValueError(f"{config_file.name}: cannot be read ({reason})") from None
        text = str(config.get("dev_addr", DEFAULT_ADDRESS))
    try:
        address = IpAddress().run_validation(text)
    except ValidationError as error:
        raise ValueError(
            f'{where}: "{text}" ({error}); expected IP:PORT, such as {DEFAULT_ADDRESS}'
        ) from None
    if not 1 <= address.port <= _HIGHEST_PORT:
        raise ValueError(f'{where}: "{text}"; expected a port from 1 to {_HIGHEST_PORT}')
    return str(address)


def address_problem(address: str) -> str | None:
    """Why MkDocs could not serve on ``address`` (from :func:`preview_address`), found by binding it as
    MkDocs does; None if it can."""
    host, _, port_text = address.rpartition(":")
    port = int(port_text)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # MkDocs' server reuses an address that a closed connection still holds: so does the probe.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                other = f"{host}:{port + 1 if port < _HIGHEST_PORT else port - 1}"
                return (
                    f"{address} is in use, perhaps by another ./dev serve; "
                    f"choose another port with -a, as in: ./dev serve -a {other}"
                )
            return f"cannot serve on {address}: {error.strerror or error}"
    return None


def serve(root: Path, address: str, extra: tuple[str, ...]) -> int:
    """Run ``mkdocs serve`` on ``address`` for the project in ``root`` until it is stopped; returns MkDocs' exit
    code. Not strict: in strict mode a warning fails the rebuild and MkDocs' server then answers no request at
    all, where the preview should show the page (``explainer build`` stays strict). Dirty: a save rebuilds only
    the pages whose text changed (:mod:`generator.preview_rebuild` says when every page is rebuilt)."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dirty", "--dev-addr", address]
    return engines.run([*command, *extra], cwd=root)
