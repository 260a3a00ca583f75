"""``POST /api/v1/tools/detect-icd10cm``: a thin wrapper over ``icd10cm_detect``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clinical.services_detect import icd10cm_detect


class DetectRequestSerializer(serializers.Serializer):
    text = serializers.CharField(
        allow_blank=True, trim_whitespace=False, help_text="English clinical text."
    )
    redact_first = serializers.BooleanField(
        default=False, help_text="Run RedactPHI first; detection then sees the redacted text."
    )


_Concept = inline_serializer(
    "Icd10cmConcept",
    {
        "code": serializers.CharField(),
        "description": serializers.CharField(),
        "score": serializers.FloatField(),
        "flags": serializers.ListField(child=serializers.CharField(), required=False),
    },
)
_Entity = inline_serializer(
    "Icd10cmEntity",
    {
        "beginOffset": serializers.IntegerField(),
        "endOffset": serializers.IntegerField(),
        "text": serializers.CharField(),
        "score": serializers.FloatField(),
        "category": serializers.CharField(),
        "type": serializers.CharField(),
        "traits": inline_serializer(
            "Icd10cmTrait",
            {"name": serializers.CharField(), "score": serializers.FloatField()},
            many=True,
        ),
        "icd10cmConcepts": _Concept.__class__(many=True),
    },
)
_Code = inline_serializer(
    "Icd10cmDocumentCode",
    {
        "code": serializers.CharField(),
        "description": serializers.CharField(),
        "score": serializers.FloatField(),
        "billable": serializers.BooleanField(),
        "flags": serializers.ListField(child=serializers.CharField(), required=False),
    },
)


class DetectIcd10cmView(APIView):
    """Find conditions in clinical text and link them to FY2026 ICD-10-CM codes.

    Entities follow AWS Comprehend Medical InferICD10CM (offsets, traits NEGATION /
    HYPOTHETICAL / PERTAINS_TO_FAMILY / HISTORICAL, ranked ``icd10cmConcepts``); ``codes``
    is the document's ranked code list without negated, hypothetical and family mentions.
    The text is not stored or logged.
    """

    @extend_schema(
        request=DetectRequestSerializer,
        responses=inline_serializer(
            "DetectIcd10cmResult",
            {
                "entities": _Entity.__class__(many=True),
                "codes": _Code.__class__(many=True),
                "redaction": serializers.JSONField(required=False),
            },
        ),
    )
    def post(self, request: Request) -> Response:
        params = DetectRequestSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        result = icd10cm_detect(**params.validated_data, meter=request.meter)
        return Response(result, headers={"Cache-Control": "no-store"})
