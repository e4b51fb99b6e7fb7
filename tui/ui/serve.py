"""`peacedash serve`: the dashboard in a browser through textual-serve, a fresh read-only app per
browser; and the entry point each of those apps is started with."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import Any

LOOPBACK_NAMES = frozenset({"localhost", "ip6-localhost"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})


def reach(host: str, port: int) -> str:
    """Who can open the dashboard, said before serving: the loopback address keeps it to this
    machine; any other address opens it, without a login, to whoever can reach that address."""
    url = f"http://{'localhost' if host in LOOPBACK_NAMES else host}:{port}/"
    try:
        loopback = host in LOOPBACK_NAMES or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it resolves to whatever the network says
        loopback = False
    if loopback:
        return f"peacedash: serving {url} to this machine only (loopback); --host ADDRESS opens it to others"
    if host in WILDCARDS:
        who = f"anyone who can reach this machine on port {port}, on every network it is on"
    else:
        who = f"anyone who can reach {host} on port {port}"
    return (
        f"peacedash: serving on {host or '*'}:{port} to {who}, with no login; "
        "each browser gets its own read-only dashboard (no editor, nothing written here)"
    )


def app_command(path: Path, bundled: bool, today: date | None) -> str:
    """The shell command textual-serve runs for each browser (it starts it through a shell)."""
    words = [sys.executable, "-m", "tui.ui.serve", str(path.resolve())]
    words += ["--bundled"] if bundled else []
    words += ["--today", today.isoformat()] if today else []
    return shlex.join(words)


def serve_dashboard(path: Path, bundled: bool, today: date | None, host: str, port: int) -> int:
    from aiohttp import web
    from textual_serve.server import Server

    class DashboardServer(Server):
        """textual-serve's server, with the page's own links built from the address the browser
        used: with --host 0.0.0.0 the configured address is no address a browser can open."""

        async def handle_index(self, request: web.Request) -> Any:
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    print(reach(host, port), file=sys.stderr, flush=True)
    server = DashboardServer(app_command(path, bundled, today), host=host, port=port, title="peacedash")
    server.serve()
    return 0


def main(argv: list[str] | None = None) -> int:
    """One browser's dashboard: read-only, drawn through the web driver textual-serve set."""
    parser = argparse.ArgumentParser(prog="peacedash-served")
    parser.add_argument("file", type=Path)
    parser.add_argument("--bundled", action="store_true")
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    from tui.ui.app import PeaceDashApp

    app = PeaceDashApp(args.file, args.today, bundled=args.bundled, read_only=True)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
