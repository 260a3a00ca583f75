"""GraphQL fields of the text tools; merged into the root schema in codeapi/graphql.py."""

import strawberry

from clinical.graphql.detect import DetectQuery


@strawberry.type
class Query(DetectQuery):
    pass
