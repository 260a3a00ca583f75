"""GraphQL fields of the text tools; merged into the root schema in codeapi/graphql.py."""

import strawberry


@strawberry.type
class Query:
    pass
