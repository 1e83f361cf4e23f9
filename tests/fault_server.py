"""A scripted OpenAI-compatible chat-completions server for fault-injection tests (stdlib only).

    with FaultServer([("status", 429, {"Retry-After": "1"})]) as server:
        runner = Summarizer.create("openai:test", base_url=server.url, ...)
        ...
        assert server.count == 4

Every POST to `/v1/chat/completions` consumes one action from the script; once the script is empty (or when
a callable script returns None) the server answers with the `smart` default: a minimal JSON instance that is
valid for the JSON schema the request carries (`response_format` json_schema / json_object + schema, or the
first tool's parameters). Actions:

    ("smart",)                                  a valid answer for the requested schema
    ("json", content, finish_reason="stop", usage=None)
                                                a ChatCompletion whose message.content is `content`;
                                                usage is (prompt_tokens, completion_tokens)
    ("status", code, headers=None, message=None)
                                                an OpenAI-style error body with that HTTP status
    ("stall", seconds, then=("smart",))         wait, then perform `then` (the client has usually gone)
    ("reset",)                                  read the request, then drop the socket with an RST, no answer
    ("raw", body_bytes, status=200, content_type="application/json")
                                                any body, for malformed responses
    ("refusal", text)                           message.content null, message.refusal `text`

A script is a list of actions (consumed in order) or a callable `(index, body) -> action | None`, where
`index` is the 1-based number of the request. Every request is recorded (path, headers, JSON body, pass name)
whatever the action, so tests can assert exact call counts. Shutdown is bounded: stalls wake up, open
keep-alive connections are shut down and the handler threads are joined.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["Action", "FaultServer", "RecordedRequest", "minimal_instance", "smart_content"]

Action = tuple[Any, ...]
Script = Iterable[Action] | Callable[[int, dict[str, Any]], Action | None]

DEFAULT_USAGE = (50, 10)
_WORDS = {"headline": "Test headline", "what": "A test summary."}


@dataclass
class RecordedRequest:
    index: int
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    raw: bytes
    action: Action
    at: float = field(default_factory=time.monotonic)

    @property
    def pass_name(self) -> str | None:
        """The schema's name (instructor names it after the response model): SummaryOut, NameKinds, ..."""
        return schema_name(self.body)

    @property
    def response_format(self) -> Any:
        return self.body.get("response_format")


# -- the smart answer ----------------------------------------------------------------------------------------


def request_schema(body: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema a request asks for: response_format json_schema / json_object, else the first tool."""
    fmt = body.get("response_format")
    if isinstance(fmt, dict):
        if fmt.get("type") == "json_schema":
            schema = (fmt.get("json_schema") or {}).get("schema")
            if isinstance(schema, dict):
                return schema
        if fmt.get("type") == "json_object" and isinstance(fmt.get("schema"), dict):
            return fmt["schema"]
    tools = body.get("tools")
    if isinstance(tools, list) and tools:
        params = (tools[0].get("function") or {}).get("parameters")
        if isinstance(params, dict):
            return params
    return None


def schema_name(body: dict[str, Any]) -> str | None:
    fmt = body.get("response_format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        name = (fmt.get("json_schema") or {}).get("name")
        if name:
            return str(name)
    schema = request_schema(body)
    if schema and schema.get("title"):
        return str(schema["title"])
    tools = body.get("tools")
    if isinstance(tools, list) and tools:
        return (tools[0].get("function") or {}).get("name")
    return None


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while "$ref" in node and seen < 32:
        ref = str(node["$ref"])
        if not ref.startswith("#/"):
            return {}
        target: Any = root
        for part in ref[2:].split("/"):
            target = (
                target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
            )
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        seen += 1
    return node


def minimal_instance(schema: dict[str, Any], root: dict[str, Any] | None = None, name: str = "") -> Any:
    """A small instance of `schema`: every required (and every listed) property filled, enums pick the first
    value that is not "none", strings a short word, arrays empty."""
    root = schema if root is None else root
    node = _resolve(schema, root)
    if "const" in node:
        return node["const"]
    if "enum" in node:
        values = list(node["enum"])
        preferred = [v for v in values if v != "none"]
        return (preferred or values or [None])[0]
    for combinator in ("anyOf", "oneOf", "allOf"):
        options = node.get(combinator)
        if isinstance(options, list) and options:
            usable = [o for o in options if _resolve(o, root).get("type") != "null"] or options
            return minimal_instance(usable[0], root, name)
    kind = _kind(node)
    if kind == "object":
        props: dict[str, Any] = node.get("properties") or {}
        required = node.get("required")
        keys = list(props) if required is None else list(dict.fromkeys([*required, *props]))
        return {key: minimal_instance(props.get(key, {}), root, key) for key in keys}
    return _scalar(kind, node, name)


def _kind(node: dict[str, Any]) -> Any:
    """The node's JSON type: the first that is not null of a list, "object" for bare properties."""
    kind = node.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None and "properties" in node:
        kind = "object"
    return kind


def _scalar(kind: Any, node: dict[str, Any], name: str) -> Any:
    """The smallest value of a type that is not an object; a string is a word that suits the field `name`."""
    if kind == "array":
        return []
    if kind == "integer":
        return int(node.get("minimum", 0))
    if kind == "number":
        return float(node.get("minimum", 0))
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    word = _WORDS.get(name, "people")
    limit = node.get("maxLength")
    return word[:limit] if isinstance(limit, int) and limit > 0 else word


def smart_content(body: dict[str, Any]) -> str:
    schema = request_schema(body)
    if schema is None:
        return json.dumps({"headline": _WORDS["headline"], "what": _WORDS["what"]})
    return json.dumps(minimal_instance(schema))


# -- the server ----------------------------------------------------------------------------------------------


def completion(
    body: dict[str, Any],
    content: str | None,
    *,
    finish_reason: str = "stop",
    usage: tuple[int, int] | None = None,
    refusal: str | None = None,
    index: int = 0,
) -> dict[str, Any]:
    prompt_tokens, completion_tokens = usage or DEFAULT_USAGE
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
    if content is not None and body.get("tools") and not body.get("response_format"):
        # tools mode: the answer goes in the first tool's call
        tool = body["tools"][0]["function"]["name"]
        message["content"] = None
        message["tool_calls"] = [
            {"id": f"call_{index}", "type": "function", "function": {"name": tool, "arguments": content}}
        ]
    return {
        "id": f"chatcmpl-fault-{index}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": str(body.get("model", "test")),
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.server.owner._track(self.connection, add=True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.owner._track(self.connection, add=False)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._send_json(200, {"object": "list", "data": [{"id": "test", "object": "model"}]})
        else:
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        owner = self.server.owner
        headers = {name.lower(): value for name, value in self.headers.items()}  # names are case-insensitive
        if not self.path.rstrip("/").endswith("/chat/completions"):
            owner._record(self.path, headers, body, raw, ("status", 404))
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        index, action = owner._next(self.path, headers, body, raw)
        self._perform(action, body, index)

    def _perform(self, action: Action, body: dict[str, Any], index: int) -> None:
        kind = action[0]
        if kind == "smart":
            self._send_json(200, completion(body, smart_content(body), index=index))
        elif kind == "json":
            content = action[1]
            finish = action[2] if len(action) > 2 and action[2] else "stop"
            usage = action[3] if len(action) > 3 else None
            self._send_json(200, completion(body, content, finish_reason=finish, usage=usage, index=index))
        elif kind == "refusal":
            self._send_json(200, completion(body, None, refusal=str(action[1]), index=index))
        elif kind == "status":
            code = int(action[1])
            headers = action[2] if len(action) > 2 and action[2] else {}
            message = action[3] if len(action) > 3 and action[3] else f"scripted failure {code}"
            error = {"error": {"message": message, "type": "scripted", "param": None, "code": code}}
            self._send_json(code, error, headers)
        elif kind == "stall":
            self.server.owner._stopping.wait(float(action[1]))
            then = action[2] if len(action) > 2 else ("smart",)
            with contextlib.suppress(OSError):
                self._perform(then, body, index)
        elif kind == "reset":
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
        elif kind == "raw":
            data = action[1] if isinstance(action[1], bytes) else str(action[1]).encode()
            status = int(action[2]) if len(action) > 2 else 200
            ctype = action[3] if len(action) > 3 else "application/json"
            self._send_bytes(status, data, {"Content-Type": ctype})
        else:
            raise ValueError(f"unknown fault action {action!r}")

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self._send_bytes(status, data, {"Content-Type": "application/json", **(headers or {})})

    def _send_bytes(self, status: int, data: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, str(value))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:  # the client gave up (timeout) and closed the socket
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True
    allow_reuse_address = True
    request_queue_size = 128
    owner: FaultServer

    def handle_error(self, request: Any, client_address: Any) -> None:  # a dropped client is not news
        pass


class FaultServer:
    """See the module docstring. Use as a context manager, or call `start()` / `stop()`."""

    def __init__(self, script: Script | None = None) -> None:
        self._lock = threading.Lock()
        self._script: deque[Action] | None = None
        self._func: Callable[[int, dict[str, Any]], Action | None] | None = None
        self.set_script(script)
        self.requests: list[RecordedRequest] = []
        self._stopping = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # script ------------------------------------------------------------------------------------------------
    def set_script(self, script: Script | None) -> None:
        with self._lock:
            if callable(script):
                self._func, self._script = script, None
            else:
                self._func, self._script = None, deque(script or [])

    def push(self, *actions: Action) -> None:
        """Append actions to a list script."""
        with self._lock:
            if self._script is None:
                raise TypeError("push() needs a list script, not a callable")
            self._script.extend(actions)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._script) if self._script is not None else 0

    def _next(
        self, path: str, headers: dict[str, str], body: dict[str, Any], raw: bytes
    ) -> tuple[int, Action]:
        with self._lock:
            index = len(self.requests) + 1
            action: Action | None = None
            if self._func is not None:
                action = self._func(index, body)
            elif self._script:
                action = self._script.popleft()
            action = tuple(action) if action else ("smart",)
            self.requests.append(RecordedRequest(index, path, headers, body, raw, action))
            return index, action

    def _record(
        self, path: str, headers: dict[str, str], body: dict[str, Any], raw: bytes, action: Action
    ) -> None:
        with self._lock:
            self.requests.append(RecordedRequest(len(self.requests) + 1, path, headers, body, raw, action))

    def _track(self, sock: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._sockets.add(sock)
            else:
                self._sockets.discard(sock)

    # observations ------------------------------------------------------------------------------------------
    @property
    def count(self) -> int:
        with self._lock:
            return len(self.requests)

    @property
    def bodies(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.body for r in self.requests]

    @property
    def headers(self) -> list[dict[str, str]]:
        with self._lock:
            return [r.headers for r in self.requests]

    def passes(self) -> list[str | None]:
        with self._lock:
            return [r.pass_name for r in self.requests]

    # lifecycle ---------------------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the fault server is not running")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL to give the openai client: http://127.0.0.1:PORT/v1"""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FaultServer:
        httpd = _Server(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fault-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        httpd = self._httpd
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:  # wake handlers blocked on idle keep-alive connections
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        closer = threading.Thread(target=httpd.server_close, daemon=True)
        closer.start()
        closer.join(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
        self._httpd = None
        if closer.is_alive():
            raise RuntimeError(f"fault server handler threads still running after {timeout}s")

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def fault_server(script: Script | None = None) -> Iterator[FaultServer]:
    """A pytest fixture helper: `yield from` it, or use it as a context manager."""
    server = FaultServer(script).start()
    try:
        yield server
    finally:
        server.stop()
