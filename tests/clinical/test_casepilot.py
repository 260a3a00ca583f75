"""CasePilot: each question kind through REST and GraphQL, follow-ups, unanswerable
questions, the rule that no answer names a code absent from the catalog on ``as_of``, the
licence rule, metering, input limits and the optional language model.

The catalog is imported once for the module, inside a transaction rolled back at the end:
the demo catalog, the small hand-written NCCI MUE/PTP files (tests/catalog/data), the FY2026
ICD-10-CM bundled in simple-icd-10-cm and, when ../shared/data is present, the ICD-10-CM
Official Guidelines, the ICD-9 -> ICD-10 GEM and HCPCS Level II (tests needing those skip).
"""

from __future__ import annotations

import datetime
import http.server
import io
import json
import os
import re
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from metering.models import UsageEvent

URL = "/api/v1/tools/casepilot"
TESTDATA = Path(__file__).resolve().parent.parent / "catalog" / "data"


def shared_data() -> Path:
    root = os.environ.get("CODEAPI_SHARED_DIR") or settings.BASE_DIR.parent / "shared"
    return Path(root) / "data"


DATA = shared_data()
GUIDELINES = DATA / "icd10cm/fy2026/ICD-10-CM-October-2025-Guidelines.pdf"
I9GEM = DATA / "gems/2018/2018_I9gem.txt"
HCPCS = DATA / "hcpcs/2025-jan/HCPC2025_JAN_ANWEB_12172024.txt.gz"
NOTES = DATA / "hcpcs/2025-jan/proc_notes_JAN2025.txt"
RVU = DATA / "mpfs/rvu25d/PPRRVU2025_Oct.csv"
HAS_SHARED = all(p.exists() for p in (GUIDELINES, I9GEM, HCPCS, NOTES, RVU))
needs_shared = pytest.mark.skipif(
    not HAS_SHARED, reason=f"official data files not found under {DATA} (set CODEAPI_SHARED_DIR)"
)
CODE_TOKEN = re.compile(
    r"(?<![\w.-])([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?|\d{4}[0-9A-Z]|[A-Z]\d{4})(?![\w-])"
)


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    from fixtures.services import demo_catalog_load

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_catalog_load()
            quiet = {"stdout": io.StringIO()}
            for name in sorted(TESTDATA.glob("MCR_MUE_*.csv")):
                call_command("import_ncci_mue", str(name), **quiet)
            call_command("import_ncci_ptp", str(TESTDATA / "ccipra-v311r0-f1.txt"), **quiet)
            call_command("import_icd10cm", **quiet)
            if HAS_SHARED:
                call_command("import_icd10cm_guidelines", str(GUIDELINES), **quiet)
                call_command("import_gems", str(I9GEM), **quiet)
                call_command("import_hcpcs", str(HCPCS), "--notes", str(NOTES), **quiet)
                call_command("import_mpfs", str(RVU), **quiet)
            connection.check_constraints()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _unmetered(settings):
    settings.METERING_ENABLED = False


GQL = """query($q: String!, $asOf: Date, $conv: JSON, $redact: Boolean!) {
  casepilot(question: $q, asOf: $asOf, conversation: $conv, redactFirst: $redact) {
    answer intent codes { system code display } citations { source release ref }
    followUps phrasedByModel redacted
  }
}"""


def ask(client, gql, interface: str, question: str, **params) -> dict:
    """Ask through REST or GraphQL; the result in REST's shape."""
    if interface == "rest":
        response = client.post(
            URL, data=json.dumps({"question": question, **params}), content_type="application/json"
        )
        assert response.status_code == 200, response.content
        assert response["Cache-Control"] == "no-store"
        return response.json()
    body = gql(
        GQL,
        {
            "q": question,
            "asOf": params.get("as_of"),
            "conv": params.get("conversation"),
            "redact": params.get("redact_first", False),
        },
    )
    assert "errors" not in body, body.get("errors")
    r = body["data"]["casepilot"]
    return {
        "answer": r["answer"],
        "intent": r["intent"],
        "codes": r["codes"],
        "citations": r["citations"],
        "follow_ups": r["followUps"],
        "phrased_by_model": r["phrasedByModel"],
        "redacted": r["redacted"],
    }


def codes_of(result: dict) -> list[str]:
    return [c["code"] for c in result["codes"]]


def assert_cited(result: dict) -> None:
    """Every [n] marker points at a citation; every citation names source and release."""
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", result["answer"])}
    assert markers, result["answer"]
    assert markers <= set(range(1, len(result["citations"]) + 1))
    for c in result["citations"]:
        assert c["source"] and c["release"] and c["ref"]


def assert_names_only_catalog_codes(client, result: dict, as_of: str | None = None) -> None:
    """Every code named in the answer is in ``codes``, and each exists on ``as_of``."""
    named = {m.group(1) for m in CODE_TOKEN.finditer(result["answer"])}
    listed = {c["code"]: c["system"] for c in result["codes"]}
    assert named <= set(listed), named - set(listed)
    for code in named:
        params = {"as_of": as_of} if as_of else {}
        page = client.get(f"/api/v1/codes/{listed[code]}/{code}/", params)
        assert page.status_code == 200, (code, page.content)
        assert page.json()["status"] == "active" or as_of, code


BOTH = pytest.mark.parametrize("interface", ["rest", "graphql"])


# -- question kinds --------------------------------------------------------------------------


@BOTH
def test_what_is_a_code(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What is ICD-10-CM code E11.9?")
    assert result["intent"] == "code_lookup"
    assert "E11.9" in codes_of(result)
    assert "Type 2 diabetes mellitus without complications" in result["answer"]
    assert {"source": "icd10cm", "release": "2026-04", "ref": "icd10cm E11.9"} in result[
        "citations"
    ]
    assert_cited(result)
    assert_names_only_catalog_codes(client, result)


@BOTH
def test_cpt_code_from_the_demo_catalog(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What is CPT code 97550?")
    assert result["intent"] == "code_lookup"
    assert codes_of(result)[0] == "97550"
    assert "Caregiver training" in result["answer"]
    assert_cited(result)


@BOTH
def test_is_billable(client, gql, catalog, db, interface):
    yes = ask(client, gql, interface, "Is E11.9 billable?")
    assert yes["intent"] == "billable" and yes["answer"].startswith("Yes")
    no = ask(client, gql, interface, "Is E11 billable?")
    assert no["answer"].startswith("No") and "E11.9" in no["answer"]
    assert_cited(no)
    assert_names_only_catalog_codes(client, no)


@BOTH
def test_which_modifiers_apply(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "Which modifiers apply to 97550?")
    assert result["intent"] == "modifiers"
    for modifier in ("GO", "GP", "GN", "KX"):
        assert f"- {modifier}:" in result["answer"]
    assert "plan of care" in result["answer"]
    assert_cited(result)


@BOTH
def test_can_two_codes_be_billed_together(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "Can 97550 and 97551 be billed together?")
    assert result["intent"] == "pair"
    assert "97551 is an add-on code of 97550" in result["answer"]
    assert "column 1 97550, column 2 97551" in result["answer"]
    assert "modifier indicator 1" in result["answer"]
    assert any(c["source"] == "ncci-ptp-practitioner" for c in result["citations"])
    assert_cited(result)


def test_a_ptp_edit_deleted_before_as_of_is_not_stated(client, gql, catalog, db):
    # the 97551/97550 edit (indicator 0) was deleted on 2024-12-31
    before = ask(client, gql, "rest", "Can 97551 and 97550 be billed together?", as_of="2024-06-01")
    after = ask(client, gql, "rest", "Can 97551 and 97550 be billed together?", as_of="2025-06-01")
    assert "column 1 97551" in before["answer"] and "modifier indicator 0" in before["answer"]
    assert "column 1 97551" not in after["answer"]


@BOTH
def test_mue(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What is the MUE for 97550?")
    assert result["intent"] == "mue"
    assert "practitioner services: 1 unit(s) per day" in result["answer"]
    assert "outpatient services: 2 unit(s) per day" in result["answer"]
    assert {c["source"] for c in result["citations"]} == {
        "ncci-mue-practitioner",
        "ncci-mue-outpatient",
    }


@needs_shared
@BOTH
def test_mue_the_catalog_lacks_is_not_invented(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What is the MUE for J3490?")
    assert result["intent"] == "mue"
    assert "holds no MUE" in result["answer"] and "J3490" in result["answer"]
    assert "unit(s)" not in result["answer"]
    assert result["citations"] == []
    assert result["follow_ups"]


@needs_shared
@BOTH
def test_icd9_crosswalk(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "ICD-9 250.00 in ICD-10-CM?")
    assert result["intent"] == "crosswalk"
    assert "maps to ICD-10-CM E11.9" in result["answer"]
    assert {"source": "gems", "release": "2018", "ref": "GEM 25000 -> E119"} in result["citations"]
    assert_names_only_catalog_codes(client, result)


@needs_shared
@BOTH
def test_guidelines_are_quoted_with_their_section(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "ICD-10-CM guidelines for sepsis")
    assert result["intent"] == "guidelines"
    assert "Section I.C.1.d" in result["answer"]
    assert all(c["source"] == "icd10cm-guidelines" for c in result["citations"])
    assert result["citations"][0]["release"] == "FY2026"
    assert_names_only_catalog_codes(client, result)


@needs_shared
def test_guidelines_the_catalog_lacks_are_declined(client, gql, catalog, db):
    result = ask(client, gql, "rest", "Guidelines for E/M services")
    assert "holds no guideline text" in result["answer"]
    assert result["citations"] == []


@needs_shared
@BOTH
def test_hcpcs_coverage(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "Is G0151 covered by Medicare?")
    assert result["intent"] == "coverage"
    assert "coverage code for G0151: C (Carrier judgment)" in result["answer"]
    assert "HOME HEALTH" in result["answer"]


@BOTH
def test_payment_indicators(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What are the RVUs for 97550?")
    assert result["intent"] == "payment"
    assert "Status A: Active Code" in result["answer"]
    assert "Global days XXX" in result["answer"]
    if HAS_SHARED:  # the RVU file gives the 2025 RVUs and payment
        assert "work RVU 1.0" in result["answer"] and "non-facility $52.08" in result["answer"]
        assert any(c["source"] == "mpfs" for c in result["citations"])
    assert_cited(result)


@BOTH
def test_add_on_rule(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "Is 97551 an add-on code?")
    assert result["intent"] == "add_on"
    assert "97551 is an add-on code" in result["answer"] and "97550" in result["answer"]


@BOTH
def test_tabular_notes(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What are the Excludes1 notes for E11.9?")
    assert result["intent"] == "notes"
    assert "Excludes1 (from E11) for E11.9" in result["answer"]
    assert_names_only_catalog_codes(client, result)


@BOTH
def test_search_by_description(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What is the ICD-10-CM code for type 2 diabetes?")
    assert result["intent"] == "search"
    assert "E11.9" in codes_of(result)
    assert_names_only_catalog_codes(client, result)


@needs_shared
@BOTH
def test_code_this_case(client, gql, catalog, db, interface):
    case = "Code this case: 67-year-old with type 2 diabetes and stage 3 CKD, follow-up visit"
    result = ask(client, gql, interface, case)
    assert result["intent"] == "code_case"
    assert {"E11.22", "N18.30"} <= set(codes_of(result))
    assert 'supported by "' in result["answer"]
    assert (
        "Use additional code" in result["answer"] and "stage of chronic kidney" in result["answer"]
    )
    assert_cited(result)
    assert_names_only_catalog_codes(client, result)


def test_negated_conditions_are_not_suggested(client, gql, catalog, db):
    result = ask(client, gql, "rest", "Code this case: hypertension; denies chest pain.")
    assert "I10" in codes_of(result)
    assert not any(c.startswith("R07") for c in codes_of(result))


# -- conversation, unanswerable, no unknown codes --------------------------------------------


@BOTH
def test_follow_up_resolves_it_against_the_previous_turn(client, gql, catalog, db, interface):
    first = ask(client, gql, interface, "What is E11.9?")
    turn = {"question": "What is E11.9?", "answer": first["answer"], "codes": first["codes"]}
    second = ask(client, gql, interface, "Is it billable?", conversation=[turn])
    assert second["intent"] == "billable"
    assert codes_of(second) == ["E11.9"] and second["answer"].startswith("Yes")
    third = ask(
        client,
        gql,
        interface,
        "Which modifiers apply to that code?",
        conversation=[{"question": "What is the MUE for 97550?", "codes": ["97550"]}],
    )
    assert third["intent"] == "modifiers" and "- GP:" in third["answer"]


@BOTH
def test_unanswerable_question_says_so(client, gql, catalog, db, interface):
    result = ask(client, gql, interface, "What will the weather be in Paris tomorrow?")
    assert result["intent"] == "unknown"
    assert "cannot answer that from the catalog" in result["answer"]
    assert result["citations"] == []
    assert result["follow_ups"]


@pytest.mark.parametrize(
    "question, absent",
    [
        ("What is E11.99?", "E11.99"),
        ("Is Z99.99 billable?", "Z99.99"),
        ("Which modifiers apply to 99999?", "99999"),
    ],
)
def test_a_code_absent_from_the_catalog_is_never_named(client, gql, catalog, db, question, absent):
    for interface in ("rest", "graphql"):
        result = ask(client, gql, interface, question)
        assert absent not in result["answer"]
        assert "no code by that name" in result["answer"]
        assert result["codes"] == [] and result["citations"] == []


@needs_shared
def test_codes_not_in_effect_on_as_of_are_not_named(client, gql, catalog, db):
    # HCPCS A4397 was terminated on 2021-12-31
    before = ask(client, gql, "rest", "What is HCPCS code A4397?", as_of="2020-06-01")
    assert "A4397" in before["answer"] and codes_of(before) == ["A4397"]
    now = ask(client, gql, "graphql", "What is HCPCS code A4397?", as_of="2025-06-01")
    assert "A4397" not in now["answer"] and now["codes"] == []
    assert "no code by that name" in now["answer"]


@pytest.mark.parametrize(
    "question",
    [
        "What is ICD-10-CM code E11.9?",
        "What are the Excludes1 notes for E11.9?",
        "Is E11 billable?",
        "What is the ICD-10-CM code for type 2 diabetes?",
        "Code this case: chronic kidney disease stage 4 with hypertension and anemia",
        "Code this case: acute myocardial infarction, history of stroke",
    ],
)
def test_no_answer_names_a_code_absent_from_the_catalog(client, gql, catalog, db, question):
    result = ask(client, gql, "rest", question, as_of="2026-06-01")
    assert result["codes"]
    assert_names_only_catalog_codes(client, result, as_of="2026-06-01")


# -- licence, metering, limits, PHI -----------------------------------------------------------


def test_cpt_descriptors_are_withheld_without_a_licence(client, gql, catalog, db, settings):
    settings.CPT_CONTENT_MODE = "attested"
    result = ask(client, gql, "rest", "What is CPT code 97550?")
    assert "Caregiver training" not in result["answer"]
    assert "withheld" in result["answer"]
    assert result["codes"][0]["display"] == ""
    gq = ask(client, gql, "graphql", "Can 97550 and 97551 be billed together?")
    assert "Caregiver" not in json.dumps(gq)


def test_a_question_is_one_tool_call_and_no_code_view(client, gql, catalog, db, settings):
    settings.METERING_ENABLED = True
    ask(client, gql, "rest", "What is the MUE for 97550?")
    ask(client, gql, "graphql", "What is CPT code 97550?")
    events = UsageEvent.objects.all()
    assert [e.tool for e in events] == ["casepilot", "casepilot"]
    usage = client.get("/api/v1/me/usage").json()
    assert usage["tool_calls"]["used"] == 2 and usage["code_views"]["used"] == 0


def test_bad_input_is_a_problem_in_both_interfaces(client, gql, catalog, db, settings):
    empty = client.post(URL, data=json.dumps({"question": " "}), content_type="application/json")
    assert empty.status_code == 400 and empty["Content-Type"] == "application/problem+json"
    settings.CASEPILOT_MAX_CHARS = 30
    long = client.post(
        URL, data=json.dumps({"question": "x" * 31}), content_type="application/json"
    )
    assert long.status_code == 413 and long.json()["max_chars"] == 30
    body = gql(GQL, {"q": "x" * 31, "asOf": None, "conv": None, "redact": False})
    assert body["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    settings.CASEPILOT_MAX_CHARS = 20_000
    bad = client.post(
        URL,
        data=json.dumps({"question": "Is it billable?", "conversation": ["E11.9"]}),
        content_type="application/json",
    )
    assert bad.status_code == 400
    body = gql(GQL, {"q": "Is it billable?", "asOf": None, "conv": "E11.9", "redact": False})
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_redact_first_masks_identifiers_before_answering(client, gql, catalog, db, caplog):
    question = "Patient John Smith, DOB 03/04/1950, MRN 99887766: is E11.9 billable?"
    result = ask(client, gql, "rest", question, redact_first=True)
    assert result["redacted"] is True and result["answer"].startswith("Yes")
    assert "John Smith" not in caplog.text and "99887766" not in caplog.text


# -- the optional language model ----------------------------------------------------------------


class _ChatServer:
    """A tiny chat-completions server on 127.0.0.1 that answers with ``reply(prompt)``."""

    def __init__(self, reply):
        self.requests: list[dict] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(
                    {"path": self.path, "auth": self.headers.get("Authorization"), "body": body}
                )
                content = reply(body["messages"][-1]["content"])
                data = json.dumps(
                    {
                        "id": "chatcmpl-1",
                        "object": "chat.completion",
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": content},
                                "finish_reason": "stop",
                            }
                        ],
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_port}/v1"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_language_model_phrases_with_the_same_codes_and_citations(
    client, gql, catalog, db, monkeypatch
):
    plain = ask(client, gql, "rest", "What is the MUE for 97550?")

    def reply(prompt: str) -> str:
        return (
            "In short: the MUE for 97550 is 1 unit per day for practitioners [2]; 2 for "
            "outpatient hospitals [1]."
        )

    server = _ChatServer(reply)
    with server as url:
        monkeypatch.setenv("CASEPILOT_LLM_URL", url)
        monkeypatch.setenv("CASEPILOT_LLM_KEY", "test-key")
        monkeypatch.setenv("CASEPILOT_LLM_MODEL", "tiny")
        phrased = ask(client, gql, "graphql", "What is the MUE for 97550?")
    assert [r["auth"] for r in server.requests] == ["Bearer test-key"]
    assert server.requests[0]["body"]["temperature"] == 0
    assert phrased["phrased_by_model"] is True
    assert phrased["answer"].startswith("In short:")
    assert phrased["codes"] == plain["codes"] and phrased["citations"] == plain["citations"]


def test_language_model_output_naming_other_codes_is_rejected(
    client, gql, catalog, db, monkeypatch
):
    seen = []

    def reply(prompt: str) -> str:
        seen.append(prompt)
        return "E11.9 is billable [1]; also consider E11.65 [1]."

    server = _ChatServer(reply)
    with server as url:
        monkeypatch.setenv("CASEPILOT_LLM_URL", url)
        monkeypatch.setenv("CASEPILOT_LLM_MODEL", "tiny")
        result = ask(client, gql, "rest", "Is E11.9 billable?")
    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "tiny" and request["auth"] is None
    assert request["body"]["messages"][0]["role"] == "system"
    assert "E11.9" in seen[0]  # the model sees the composed answer
    assert result["phrased_by_model"] is False
    assert "E11.65" not in result["answer"] and result["answer"].startswith("Yes")


def test_language_model_off_by_default_and_failures_fall_back(
    client, gql, catalog, db, monkeypatch
):
    monkeypatch.delenv("CASEPILOT_LLM_URL", raising=False)
    assert ask(client, gql, "rest", "Is E11.9 billable?")["phrased_by_model"] is False
    monkeypatch.setenv("CASEPILOT_LLM_URL", "http://127.0.0.1:9/v1")  # nothing listens
    monkeypatch.setenv("CASEPILOT_LLM_TIMEOUT", "1")
    result = ask(client, gql, "rest", "Is E11.9 billable?")
    assert result["phrased_by_model"] is False and result["answer"].startswith("Yes")


def test_as_of_defaults_to_today(client, gql, catalog, db):
    result = ask(client, gql, "rest", "Is E11.9 billable?")
    assert datetime.date.today().isoformat() in result["answer"]


def test_questions_are_rate_limited(client, catalog, db, settings):
    settings.RATE_LIMIT_PER_ADDRESS = "2/m"
    statuses = [
        client.post(
            URL,
            data=json.dumps({"question": "Is E11.9 billable?"}),
            content_type="application/json",
        ).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
