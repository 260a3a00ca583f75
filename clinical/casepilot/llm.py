"""Optional phrasing of a composed answer by a language model (plain Python, no Django).

Off unless ``CASEPILOT_LLM_URL`` is set (an OpenAI-compatible base URL such as
``http://127.0.0.1:8080/v1``; ``CASEPILOT_LLM_KEY`` and ``CASEPILOT_LLM_MODEL`` optional).
The model gets the composed answer and is asked to rephrase it; it never retrieves. Its
output is rejected (and the composed answer used) when it names any code the composed
answer did not, drops a citation marker, fails, or times out.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.error
import urllib.request

from clinical.casepilot.intent import ANSWER_CODE_TOKEN

logger = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You rephrase answers for medical coders. Rewrite the ANSWER below in clear, concise "
    "English. Use only its facts. Keep every code exactly as written and every citation "
    "marker like [1]. Do not add codes, rules or numbers."
)


def config() -> dict[str, str] | None:
    url = os.environ.get("CASEPILOT_LLM_URL", "").strip()
    if not url:
        return None
    return {
        "url": url.rstrip("/"),
        "key": os.environ.get("CASEPILOT_LLM_KEY", ""),
        "model": os.environ.get("CASEPILOT_LLM_MODEL", "default"),
        "timeout": os.environ.get("CASEPILOT_LLM_TIMEOUT", "10"),
    }


def acceptable(text: str, *, answer: str, codes: list[str]) -> bool:
    """The model's text names no code beyond ``codes`` and keeps every citation marker."""
    named = {m.group(1) for m in ANSWER_CODE_TOKEN.finditer(text)}
    if named - set(codes):
        return False
    markers = set(_markers(answer))
    return markers <= set(_markers(text))


def _markers(text: str) -> list[str]:
    import re

    return re.findall(r"\[\d+\]", text)


def phrase(*, question: str, answer: str, codes: list[str]) -> str | None:
    """The model's phrasing of ``answer``, or ``None`` (off, failed, or rejected)."""
    cfg = config()
    if cfg is None:
        return None
    body = {
        "model": cfg["model"],
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"QUESTION: {question}\n\nANSWER:\n{answer}"},
        ],
    }
    url = cfg["url"] + "/chat/completions"
    if not url.startswith(("http://", "https://")):
        logger.warning("CASEPILOT_LLM_URL must be an http(s) URL; language model off")
        return None
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            **({"Authorization": f"Bearer {cfg['key']}"} if cfg["key"] else {}),
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=float(cfg["timeout"])) as response:  # noqa: S310
            data = json.loads(response.read().decode())
        text = data["choices"][0]["message"]["content"]
    except (urllib.error.URLError, TimeoutError, ValueError, KeyError, IndexError, TypeError):
        # never log the question or answer (they may hold PHI)
        logger.warning("CasePilot language model unavailable; using the composed answer")
        return None
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    if not acceptable(text, answer=answer, codes=codes):
        logger.warning("CasePilot language model output named other codes; rejected")
        return None
    return text
