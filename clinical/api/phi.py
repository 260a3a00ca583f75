"""POST /api/v1/tools/redact-phi: HIPAA Safe Harbor redaction of clinical text.

The body may hold PHI: this view logs nothing, answers ``Cache-Control: no-store``, renders
JSON only (no browsable page that would echo the input) and refuses an oversized body from
its Content-Length before reading it.
"""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clinical import services
from clinical.phi import CATEGORIES, STRATEGIES

# JSON escapes can take up to 6 bytes per character (\uXXXX), plus the envelope.
_BODY_BYTES_PER_CHAR = 6
_BODY_OVERHEAD = 4096


class RedactPhiRequestSerializer(serializers.Serializer):
    text = serializers.CharField(
        help_text=f"English clinical text, at most {settings.PHI_MAX_CHARS:,} characters."
    )
    strategy = serializers.ChoiceField(
        choices=STRATEGIES,
        default="mask",
        help_text="mask ([NAME]), remove, hash (keyed, per request) or surrogate (fake values, "
        "dates shifted by one offset per request).",
    )


class PhiEntitySerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Offset of the first character in the input.")
    end = serializers.IntegerField(help_text="Offset after the last character.")
    type = serializers.ChoiceField(choices=list(CATEGORIES), help_text="Safe Harbor category.")
    score = serializers.FloatField(help_text="Confidence, 0-1.")


class RedactPhiResponseSerializer(serializers.Serializer):
    entities = PhiEntitySerializer(many=True)
    text = serializers.CharField(help_text="The redacted text.")


class RedactPhiView(APIView):
    """Find the 18 HIPAA Safe Harbor identifiers in clinical text and redact them."""

    renderer_classes = [JSONRenderer]

    @extend_schema(
        request=RedactPhiRequestSerializer,
        responses=RedactPhiResponseSerializer,
        examples=[
            OpenApiExample(
                "mask",
                value={"text": "Seen by Dr. Mark Ellis on May 5.", "strategy": "mask"},
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        length = request.META.get("CONTENT_LENGTH") or "0"
        limit = settings.PHI_MAX_CHARS * _BODY_BYTES_PER_CHAR + _BODY_OVERHEAD
        if length.isdigit() and int(length) > limit:
            raise services.PhiTextTooLarge(settings.PHI_MAX_CHARS)
        data = request.data
        if not isinstance(data, dict):
            raise services.PhiTextInvalid('The body must be a JSON object {"text", "strategy"}.')
        result = services.phi_redact(
            text=data.get("text"), strategy=data.get("strategy"), meter=request.meter
        )
        return Response(result, headers={"Cache-Control": "no-store"})
