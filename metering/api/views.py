"""The caller's usage: plan, limits, what is used and left, and the codes unlocked."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_dataclasses.serializers import DataclassSerializer

from codeapi.render import to_data
from metering.services import Usage, usage_get


class UsageSerializer(DataclassSerializer):
    class Meta:
        dataclass = Usage


class UsageView(APIView):
    """Usage of the caller (account, or guest address) in the current window."""

    @extend_schema(responses=UsageSerializer)
    def get(self, request: Request) -> Response:
        return Response(to_data(usage_get(ctx=request.meter)))
