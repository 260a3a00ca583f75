"""``POST /api/v1/tools/casepilot``: a thin wrapper over ``casepilot_answer``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clinical.services_casepilot import casepilot_answer


class CasePilotRequestSerializer(serializers.Serializer):
    question = serializers.CharField(
        allow_blank=True, trim_whitespace=False, help_text="The coding question."
    )
    as_of = serializers.DateField(
        required=False, allow_null=True, help_text="Answer from the catalog as of this date."
    )
    conversation = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        allow_null=True,
        help_text="Earlier turns, oldest first: objects with question, answer and codes "
        '(as returned). "it" / "that code" refer to the last turn\'s codes.',
    )
    redact_first = serializers.BooleanField(
        default=False, help_text="Run RedactPHI on the question and conversation first."
    )


_Citation = inline_serializer(
    "CasePilotCitation",
    {
        "source": serializers.CharField(),
        "release": serializers.CharField(),
        "ref": serializers.CharField(),
    },
    many=True,
)
_Code = inline_serializer(
    "CasePilotCode",
    {
        "system": serializers.CharField(),
        "code": serializers.CharField(),
        "display": serializers.CharField(),
    },
    many=True,
)


class CasePilotView(APIView):
    """Answer a coding question from the catalog, with a citation for every fact.

    Codes, modifiers, add-on and NCCI edits, MUEs, GEM crosswalks, fee schedule indicators,
    HCPCS coverage, ICD-10-CM notes and Official Guidelines, and "code this case" (with
    DetectICD10CM). Every code named exists in the catalog on ``as_of``. One call is one
    tool call. The question is not stored or logged.
    """

    @extend_schema(
        request=CasePilotRequestSerializer,
        responses=inline_serializer(
            "CasePilotAnswer",
            {
                "answer": serializers.CharField(),
                "intent": serializers.CharField(),
                "codes": _Code,
                "citations": _Citation,
                "follow_ups": serializers.ListField(child=serializers.CharField()),
                "phrased_by_model": serializers.BooleanField(),
                "redacted": serializers.BooleanField(),
            },
        ),
    )
    def post(self, request: Request) -> Response:
        params = CasePilotRequestSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        result = casepilot_answer(**params.validated_data, meter=request.meter)
        return Response(result, headers={"Cache-Control": "no-store"})
