"""Who is the metered subject of a request, and under which plan."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

from codeapi.versioned_cache import VersionedCache
from metering.models import Plan


def client_address(request: HttpRequest) -> str:
    """The client's IP address.

    ``X-Forwarded-For`` is honoured only through ``TRUSTED_PROXY_COUNT`` proxies: with N
    trusted proxies in front, the client is the N-th address from the right of the header.
    Anything a client writes further left is ignored, so it cannot pick its own identity.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            remote = forwarded[-hops]
    return remote


def guest_subject(address: str) -> str:
    """``guest:<IPv4>`` or ``guest:<IPv6 /64 network>``: one guest per address or /64."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return f"guest:{address[:60]}"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return f"guest:{ip.ipv4_mapped}"
        return f"guest:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"guest:{ip}"


# Plans are read on every request and edited rarely (admin): cached per process, dropped
# everywhere when one is saved (metering.apps connects the signals).
plan_cache = VersionedCache("plans", max_entries=256)


def _cached_plan(key: tuple, **lookup) -> Plan:
    plan = plan_cache.get(key)
    if plan is None:
        plan = Plan.objects.get(**lookup)
        plan_cache.put(key, plan)
    return plan


def guest_plan() -> Plan:
    return _cached_plan(("guest",), is_guest_default=True)


def registered_default_plan() -> Plan:
    return _cached_plan(("registered",), is_registered_default=True)


def plan_for_user(user) -> Plan:
    if user.plan_id is None:
        return registered_default_plan()
    return _cached_plan(("id", user.plan_id), pk=user.plan_id)
