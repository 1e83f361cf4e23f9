"""A loopback stand-in for the OpenAI Batch API (files + batches), for the Batch API path's tests (stdlib only).

No local server speaks the Batch API, so this one does the bookkeeping (upload, create, poll, download) and
hands each request line to a real chat-completions server (`chat_url`: the scripted fault server, or
llama-cpp-python's server with the embedded model). Faults are injected per line (`fail`: a status for a
request body, e.g. 429 or 400) and per batch (`polls`: how many polls a batch stays `in_progress`).
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["BatchServer"]


class BatchServer:
    def __init__(
        self,
        chat_url: str,
        *,
        polls: int = 1,
        fail: Callable[[dict[str, Any]], int | None] | None = None,
    ) -> None:
        self.chat_url = chat_url.rstrip("/")
        self.polls = polls
        self.fail = fail
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.lines_run = 0  # request lines executed, over all batches
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> BatchServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- the API -----------------------------------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}-{next(self._ids)}"

    def upload(self, content_type: str, data: bytes) -> dict[str, Any]:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + data
        )
        content = b""
        for part in message.iter_parts():
            if part.get_param("name", header="content-disposition") == "file":
                content = part.get_payload(decode=True)
        file_id = self._new_id("file")
        self.files[file_id] = content
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": "summarizer-batch.jsonl",
            "purpose": "batch",
            "status": "processed",
        }

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        batch_id = self._new_id("batch")
        lines = [json.loads(line) for line in self.files[body["input_file_id"]].splitlines() if line.strip()]
        batch = {
            "id": batch_id,
            "object": "batch",
            "endpoint": body["endpoint"],
            "input_file_id": body["input_file_id"],
            "completion_window": body["completion_window"],
            "created_at": int(time.time()),
            "status": "in_progress",
            "metadata": body.get("metadata"),
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "output_file_id": None,
            "error_file_id": None,
            "_lines": lines,
            "_polls": 0,
        }
        self.batches[batch_id] = batch
        return self.public(batch)

    def public(self, batch: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in batch.items() if not k.startswith("_")}

    def retrieve(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        batch["_polls"] += 1
        if batch["status"] == "in_progress" and batch["_polls"] > self.polls:
            self._run(batch)
        return self.public(batch)

    def _run(self, batch: dict[str, Any]) -> None:
        out, errors = [], []
        for line in batch["_lines"]:
            status = self.fail(line["body"]) if self.fail else None
            if status is None:
                status, answer = self._chat(line["body"])
            else:
                answer = {"error": {"message": f"injected status {status}", "type": "test"}}
            self.lines_run += 1
            record = {
                "id": self._new_id("line"),
                "custom_id": line["custom_id"],
                "response": {"status_code": status, "request_id": "req", "body": answer},
                "error": None,
            }
            (out if status == 200 else errors).append(json.dumps(record))
        for name, rows in (("output_file_id", out), ("error_file_id", errors)):
            if rows:
                file_id = self._new_id("file")
                self.files[file_id] = ("\n".join(rows) + "\n").encode()
                batch[name] = file_id
        batch["request_counts"] = {
            "total": len(batch["_lines"]),
            "completed": len(out),
            "failed": len(errors),
        }
        batch["status"] = "completed"

    def _chat(self, body: dict[str, Any]) -> tuple[int, Any]:
        request = urllib.request.Request(
            f"{self.chat_url}/chat/completions",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Authorization": "Bearer batch-test"},
        )
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, payload: Any, raw: bytes | None = None) -> None:
                data = raw if raw is not None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header(
                    "Content-Type", "application/json" if raw is None else "application/octet-stream"
                )
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path == "/v1/files":
                    self._send(200, server.upload(self.headers["Content-Type"], data))
                elif self.path == "/v1/batches":
                    self._send(200, server.create(json.loads(data)))
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}"}})

            def do_GET(self) -> None:
                parts = self.path.split("/")
                if self.path.startswith("/v1/batches/") and parts[3] in server.batches:
                    self._send(200, server.retrieve(parts[3]))
                elif self.path.startswith("/v1/files/") and self.path.endswith("/content"):
                    self._send(200, None, raw=server.files[parts[3]])
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}"}})

        return Handler
