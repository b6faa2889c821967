"""``explainer serve`` checks its address before MkDocs builds anything: one line, never a traceback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port on 127.0.0.1 that another server is listening on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield int(other.getsockname()[1])


def _serve(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["serve", "--root", str(root), *args])
    return result.exit_code, result.stderr


def test_a_port_in_use_is_one_line_naming_the_option_for_another(
    small_project: Path, taken_port: int
) -> None:
    assert _serve(small_project, "-a", f"127.0.0.1:{taken_port}") == (
        1,
        f"Error: 127.0.0.1:{taken_port} is in use, perhaps by another ./dev serve; "
        f"choose another port with -a, as in: ./dev serve -a 127.0.0.1:{taken_port + 1}\n",
    )


def test_the_address_in_mkdocs_yml_is_checked_when_none_is_given(
    small_project: Path, taken_port: int
) -> None:
    config = small_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"dev_addr: 127.0.0.1:{taken_port}\n", encoding="utf-8"
    )
    assert _serve(small_project) == (
        1,
        f"Error: 127.0.0.1:{taken_port} is in use, perhaps by another ./dev serve; "
        f"choose another port with -a, as in: ./dev serve -a 127.0.0.1:{taken_port + 1}\n",
    )


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (
            "8000",
            "-a: \"8000\" (Must be a string of format 'IP:PORT'); expected IP:PORT, such as 127.0.0.1:8000",
        ),
        (
            "example.org:8000",
            "-a: \"example.org:8000\" ('example.org' does not appear to be an IPv4 or IPv6 address); "
            "expected IP:PORT, such as 127.0.0.1:8000",
        ),
        (
            "127.0.0.1:http",
            "-a: \"127.0.0.1:http\" ('http' is not a valid port); expected IP:PORT, such as 127.0.0.1:8000",
        ),
        ("127.0.0.1:65536", '-a: "127.0.0.1:65536"; expected a port from 1 to 65535'),
    ],
)
def test_a_malformed_address_is_one_line_saying_what_is_expected(
    small_project: Path, address: str, message: str
) -> None:
    assert _serve(small_project, "-a", address) == (1, f"Error: {message}\n")


def test_an_unreadable_mkdocs_yml_is_one_line(small_project: Path) -> None:
    (small_project / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    code, stderr = _serve(small_project)
    assert code == 1
    assert stderr.startswith("Error: mkdocs.yml: cannot be read (while parsing a flow node")
    assert stderr.count("\n") == 1
