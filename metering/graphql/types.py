"""GraphQL views of the usage dataclasses (the same classes REST renders)."""

import strawberry

from metering import services

MeterUsageType = strawberry.type(services.MeterUsage, name="MeterUsage")
UnlockedCodeType = strawberry.type(services.UnlockedCodeRef, name="UnlockedCode")
UsageType = strawberry.type(services.Usage, name="Usage")
