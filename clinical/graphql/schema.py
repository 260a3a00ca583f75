"""GraphQL fields of the text tools; merged into the root schema in codeapi/graphql.py."""

import strawberry

from clinical.graphql.casepilot import CasePilotQuery
from clinical.graphql.detect import DetectQuery
from clinical.graphql.phi import PhiQuery


@strawberry.type
class Query(PhiQuery, DetectQuery, CasePilotQuery):
    pass
