"""RedactPHI: HIPAA Safe Harbor de-identification of English clinical text (plain Python)."""

from clinical.phi.engine import CATEGORIES, Entity, find_phi
from clinical.phi.redact import STRATEGIES, RedactionResult, redact

__all__ = ["CATEGORIES", "STRATEGIES", "Entity", "RedactionResult", "find_phi", "redact"]
