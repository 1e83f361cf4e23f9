"""A scripted backend: answers every pass of the pipeline in-process, to inject bad answers and count calls."""

from __future__ import annotations

import json
from typing import Any

from openai.types.chat import ChatCompletion

from summarizer.llm.backends import Backend, ProviderSpec


def completion(content: str, prompt_tokens: int = 100, completion_tokens: int = 10) -> ChatCompletion:
    return ChatCompletion.model_validate(
        {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "scripted",
            "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


class ScriptedBackend(Backend):
    """Summaries come from a script (then a default); keyed answers are filled from the request's schema."""

    def __init__(self, summaries: list[str] | None = None, fail_after: int | None = None) -> None:
        super().__init__(spec=ProviderSpec(kind="openai", model="scripted", base_url="http://scripted/v1"))
        self.summaries = list(summaries or [])
        self.requests: list[dict[str, Any]] = []
        self.fail_after = fail_after

    def send(self, request: dict[str, Any]) -> Any:
        if self.fail_after is not None and len(self.requests) >= self.fail_after:
            raise KeyboardInterrupt("killed half way")
        self.requests.append(request)
        schema = request["response_format"]["json_schema"]["schema"]
        props = schema.get("properties", {})
        if "headline" in props:
            default = '{"headline": "A scripted headline", "what": "A scripted summary."}'
            return completion(self.summaries.pop(0) if self.summaries else default)
        if "disputes" in props:
            return completion('{"disputes": []}')
        answer = {}
        for key, spec in props.items():
            ref = spec.get("$ref", "")
            answer[key] = "government" if ref or "enum" in spec or "anyOf" in spec else "roads closed"
        return completion(json.dumps(answer))
