"""CasePilot: a coding assistant that answers from the catalog, with citations.

``intent`` (rules, plain Python), ``retrieval`` (the catalog adapter), ``engine`` (answer
composition and the no-unknown-code check) and ``llm`` (optional phrasing through an
OpenAI-compatible chat-completions endpoint, off by default).
"""

from clinical.casepilot.engine import answer

__all__ = ["answer"]
