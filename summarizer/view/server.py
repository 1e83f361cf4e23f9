"""The local web server of `summarizer view`: Starlette routes served by uvicorn, on 127.0.0.1 only.

The page is one static shell and a few small scripts shipped in the package; the data comes from JSON
endpoints. Defences for a page that shows untrusted article text: the scripts insert text, never markup; a
Content-Security-Policy allows only this origin's own scripts and styles (no inline script, no other host);
and the Host header must name the loopback, so a web page that rebinds its DNS name to 127.0.0.1 cannot read
the data.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.view.payloads import (
    brief_payload,
    case_payload,
    compare_payload,
    run_payload,
    story_payload,
)
from summarizer.view.sources import Target, ViewError

__all__ = ["HOST", "bind", "make_app", "serve", "serving"]

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
STATIC = Path(__file__).resolve().parent / "static"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


class _SecurityHeaders:
    """Adds the page's security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _main_payload(target: Target) -> dict[str, Any]:
    if target.kind == "brief" and target.brief is not None:
        return brief_payload(target.brief)
    if target.kind == "story" and target.story is not None:
        return story_payload(target.story)
    if target.kind == "compare":
        return compare_payload(target)
    return run_payload(target)


def make_app(target: Target) -> Starlette:
    """The ASGI app for one target; the main payload is shaped once, a case's when it is asked for."""
    main = _main_payload(target)

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def view(request: Request) -> Response:
        return JSONResponse(main)

    async def case(request: Request) -> Response:
        try:
            which = int(request.query_params.get("run", "0"))
            doc = target.runs[which]
        except (ValueError, IndexError):
            return JSONResponse({"error": "no such run"}, status_code=404)
        try:
            return JSONResponse(case_payload(doc, request.query_params.get("id", "")))
        except ViewError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)

    routes = [
        Route("/", index),
        Route("/api/view", view),
        Route("/api/case", case),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=[HOST, "localhost"]),
        Middleware(_SecurityHeaders),
    ]
    return Starlette(routes=routes, middleware=middleware)


def bind(port: int | None) -> socket.socket:
    """A listening socket on the loopback: the port asked for, else 8765, else any free one."""
    candidates = [port] if port is not None else [DEFAULT_PORT, 0]
    for candidate in candidates:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, candidate))
        except OSError as exc:
            sock.close()
            if port is not None:
                raise ViewError(
                    f"cannot listen on {HOST}:{port} ({exc.strerror}): pick another --port"
                ) from None
            continue
        sock.listen(64)
        return sock
    raise ViewError(f"cannot listen on {HOST}: no free port")


def _server(app: Starlette) -> Any:
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", host=HOST)
    return uvicorn.Server(config)


def serve(target: Target, port: int | None, announce: Callable[[str], None]) -> None:
    """Serve until interrupted; `announce` gets the URL once the socket listens."""
    sock = bind(port)
    server = _server(make_app(target))
    announce(f"http://{HOST}:{sock.getsockname()[1]}/")
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


@contextmanager
def serving(target: Target, port: int | None = 0) -> Iterator[str]:
    """Serve in a background thread (for tests and notebooks); yields the URL, stops on exit."""
    sock = bind(port)
    server = _server(make_app(target))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{sock.getsockname()[1]}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
