"""REST serializers: query parameters in, summaries out; code pages are described from the
domain dataclasses (``catalog.pages``) so the schema cannot drift from what is returned."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework_dataclasses.serializers import DataclassSerializer

from catalog.models import Code
from catalog.pages import CodePage, CrosswalkFacts
from catalog.search import SearchHit
from catalog.selectors import SystemSummary, code_summary_display


class AsOfSerializer(serializers.Serializer):
    as_of = serializers.DateField(
        required=False, help_text="Answer as in effect on this day (YYYY-MM-DD); default today."
    )


class CodeListParamsSerializer(AsOfSerializer):
    system = serializers.SlugField(required=False, help_text="Only this code system.")
    q = serializers.CharField(
        required=False, max_length=200, help_text="Words that must all appear."
    )
    prefix = serializers.CharField(
        required=False, max_length=10, help_text="Code prefix, e.g. E11 or E11.6."
    )
    billable = serializers.BooleanField(required=False, allow_null=True, default=None)


class CodeSummarySerializer(serializers.ModelSerializer):
    system = serializers.CharField(source="system.slug")
    display = serializers.SerializerMethodField()

    def get_display(self, code: Code) -> str:
        request = self.context.get("request")
        return code_summary_display(code=code, meter=getattr(request, "meter", None))

    class Meta:
        model = Code
        fields = ["system", "code", "display", "status", "billable", "level"]


class SearchParamsSerializer(AsOfSerializer):
    q = serializers.CharField(
        max_length=200,
        trim_whitespace=False,
        help_text="A code in any form (E11.9, e119, E11, J1100) or words, a phrase, a case.",
    )
    system = serializers.SlugField(required=False, help_text="Only this code system.")
    billable = serializers.BooleanField(required=False, allow_null=True, default=None)
    limit = serializers.IntegerField(required=False, default=10, min_value=1, max_value=100)
    autocomplete = serializers.BooleanField(
        required=False, default=False, help_text="As-you-type: the last word is a prefix."
    )


class SearchHitSerializer(DataclassSerializer):
    class Meta:
        dataclass = SearchHit


class SearchResultsSerializer(serializers.Serializer):
    results = SearchHitSerializer(many=True)


class SystemSerializer(DataclassSerializer):
    class Meta:
        dataclass = SystemSummary


class CodePageSerializer(DataclassSerializer):
    class Meta:
        dataclass = CodePage


class CrosswalkParamsSerializer(AsOfSerializer):
    icd9 = serializers.CharField(required=False, max_length=10, help_text="e.g. 250.00")
    icd10 = serializers.CharField(required=False, max_length=10, help_text="e.g. E11.9")


class CrosswalkSerializer(DataclassSerializer):
    class Meta:
        dataclass = CrosswalkFacts
