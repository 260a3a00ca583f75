"""REST views of the catalog: thin wrappers over ``catalog.selectors``."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog import selectors
from catalog.api.serializers import (
    AsOfSerializer,
    CodeListParamsSerializer,
    CodePageSerializer,
    CodeSummarySerializer,
    CrosswalkParamsSerializer,
    CrosswalkSerializer,
    SearchParamsSerializer,
    SearchResultsSerializer,
    SystemSerializer,
)
from catalog.search import search_codes
from codeapi.render import render_page, render_page_json, to_data


class SystemListView(APIView):
    """Code systems with their releases and code counts."""

    @extend_schema(responses=SystemSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(to_data(selectors.system_list()))


class CodeListView(generics.ListAPIView):
    """Paginated code summaries (code, system, short descriptor, status); never full pages."""

    serializer_class = CodeSummarySerializer

    @extend_schema(parameters=[CodeListParamsSerializer])
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = CodeListParamsSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return selectors.code_list(**params.validated_data)


class CodeDetailView(APIView):
    """The full code page: every fact the catalog holds about one code."""

    @extend_schema(
        parameters=[
            AsOfSerializer,
            OpenApiParameter("system", str, OpenApiParameter.PATH, description="cpt, hcpcs, ..."),
            OpenApiParameter("code", str, OpenApiParameter.PATH, description="E11.9 or E119"),
        ],
        responses=CodePageSerializer,
    )
    def get(self, request: Request, system: str, code: str) -> Response:
        options = {}
        if request.query_params:
            params = AsOfSerializer(data=request.query_params)
            params.is_valid(raise_exception=True)
            options = params.validated_data
        page = selectors.code_page_get(system=system, code=code, meter=request.meter, **options)
        if isinstance(request.accepted_renderer, JSONRenderer):
            # The same bytes JSONRenderer would write, encoded once per cached page.
            return HttpResponse(render_page_json(page), content_type="application/json")
        return Response(render_page(page))


class CrosswalkListView(APIView):
    """GEM crosswalk rows for one ICD-9-CM (``icd9``) or ICD-10-CM (``icd10``) code."""

    @extend_schema(parameters=[CrosswalkParamsSerializer], responses=CrosswalkSerializer(many=True))
    def get(self, request: Request) -> Response:
        params = CrosswalkParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(to_data(selectors.crosswalk_list(**params.validated_data)))


class SearchView(APIView):
    """Ranked code search and autocomplete across every code system (summaries, not metered)."""

    @extend_schema(parameters=[SearchParamsSerializer], responses=SearchResultsSerializer)
    def get(self, request: Request) -> Response:
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        hits = search_codes(**params.validated_data, meter=request.meter)
        return Response({"results": to_data(hits)})
