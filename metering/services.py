"""The one place quotas are charged.

``charge_code_view`` is called only from ``catalog.selectors.code_page_get`` (the selector
that returns a full code page), so REST, GraphQL (aliases, fragments, batches) and any
future interface pay the same. Counting is atomic in the database:

1. a view of a code the subject already unlocked in this window is free;
2. otherwise a conditional ``UPDATE ... SET used = used + 1 WHERE used < limit`` on the
   subject's counter row (the row lock is always taken first, so there is one lock order);
3. then the unlock row is inserted under a unique constraint: if a parallel request
   unlocked the same code meanwhile, the increment is undone and the view is free.

On PostgreSQL the counter row lock serializes charges of one subject; on SQLite every write
transaction is ``BEGIN IMMEDIATE``. Either way no subject ever gets more than its limit.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from codeapi.errors import DomainError
from metering.models import Meter, Plan, QuotaCounter, UnlockedCode, UsageEvent, Window

logger = logging.getLogger(__name__)

MONTH_SECONDS = 30 * 24 * 3600
WINDOW_SECONDS = {Window.MONTH: MONTH_SECONDS, Window.DAY: 24 * 3600, Window.LIFETIME: None}
LIFETIME_START = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@dataclass
class MeterContext:
    """Who is calling and under which plan; made by the middleware for each request."""

    subject: str
    plan: Plan
    user_id: int | None = None
    interface: str = "rest"
    enabled: bool = True
    content_licensed: bool = False
    session: object | None = None
    code_views_used: int | None = None
    charged: list[str] = field(default_factory=list)

    @property
    def is_guest(self) -> bool:
        return self.user_id is None


class QuotaExceeded(DomainError):
    status_code = 429
    problem_type = "quota-exceeded"
    title = "Code view quota exceeded"
    graphql_code = "QUOTA_EXCEEDED"

    def __init__(self, detail: str, *, meter: str, retry_after: int | None, **extra):
        super().__init__(detail, **{"violated-policies": [meter], **extra})
        if retry_after is not None:
            self.headers["Retry-After"] = str(retry_after)


def window_bounds(
    window: str, now: datetime.datetime | None = None
) -> tuple[datetime.datetime, datetime.datetime | None]:
    """Start of the current window and when it resets (``None``: never)."""
    now = now or timezone.now()
    now = now.astimezone(datetime.UTC)
    if window == Window.DAY:
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        return start, start + datetime.timedelta(days=1)
    if window == Window.LIFETIME:
        return LIFETIME_START, None
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    return start, start.replace(year=year, month=month)


def seconds_until(
    reset: datetime.datetime | None, now: datetime.datetime | None = None
) -> int | None:
    if reset is None:
        return None
    return max(0, int((reset - (now or timezone.now())).total_seconds()))


def _limit(plan: Plan, meter: str) -> int | None:
    return plan.code_view_limit if meter == Meter.CODE_VIEWS else plan.tool_call_limit


def _exceeded(ctx: MeterContext, meter: str, reset: datetime.datetime | None) -> QuotaExceeded:
    plan = ctx.plan
    limit = _limit(plan, meter)
    if meter == Meter.CODE_VIEWS:
        template = plan.quota_exceeded_detail or (
            "Your plan ({plan}) includes {limit} code page views per window. "
            "Upgrade your plan for more views."
        )
        detail = template.format(limit=limit, plan=plan.name)
        return QuotaExceeded(
            detail, meter=meter, retry_after=seconds_until(reset), plan=plan.slug, limit=limit
        )
    exc = QuotaExceeded(
        f"Your plan ({plan.name}) includes {limit} text tool calls per window. "
        "Upgrade your plan for more calls.",
        meter=meter,
        retry_after=seconds_until(reset),
        plan=plan.slug,
        limit=limit,
    )
    exc.title = "Tool call quota exceeded"
    return exc


def _counter(ctx: MeterContext, meter: str, start: datetime.datetime) -> QuotaCounter:
    counter, _ = QuotaCounter.objects.get_or_create(
        subject=ctx.subject, meter=meter, window_start=start, defaults={"user_id": ctx.user_id}
    )
    return counter


def _increment(ctx: MeterContext, counter: QuotaCounter, limit: int | None) -> bool:
    qs = QuotaCounter.objects.filter(pk=counter.pk)
    if limit is not None:
        qs = qs.filter(used__lt=limit)
    return qs.update(used=F("used") + 1) == 1


_STATE_SQL = """
SELECT c.used, EXISTS (
    SELECT 1 FROM {unlocked} u
    WHERE u.subject = c.subject AND u.window_start = c.window_start
      AND u.system = %s AND u.code = %s
)
FROM {counter} c
WHERE c.subject = %s AND c.meter = %s AND c.window_start = %s
"""


def _code_view_state(
    ctx: MeterContext, start: datetime.datetime, system: str, code: str
) -> tuple[int, bool]:
    """One query on the hot path: the subject's use in this window, and whether the code
    is already unlocked. (Plain SQL: the ORM spent longer compiling it than the database
    spent answering it.)

    An unlock row is only ever written after its counter row, and both are removed
    together, so no counter row means nothing is unlocked.
    """
    sql = _STATE_SQL.format(
        unlocked=UnlockedCode._meta.db_table, counter=QuotaCounter._meta.db_table
    )
    when = connection.ops.adapt_datetimefield_value(start)
    with connection.cursor() as cursor:
        cursor.execute(sql, [system, code, ctx.subject, Meter.CODE_VIEWS.value, when])
        row = cursor.fetchone()
    return (int(row[0]), bool(row[1])) if row else (0, False)


class RecentUnlocks:
    """Per-process memory of code pages a subject re-viewed moments ago.

    An unlock stands for its whole window (only a staff reset removes it), so answering a
    re-view from this memory can only make free a view the database would also make free.
    Entries live ``settings.METERING_UNLOCK_MEMORY_SECONDS`` (default 2 s): within that
    time a re-view skips the database, and the RateLimit fields it carries may be that old.
    Counting itself never uses this memory.
    """

    def __init__(self, max_entries: int = 50_000):
        self.max_entries = max_entries
        self._entries: dict[tuple, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple) -> int | None:
        entry = self._entries.get(key)
        if entry is None or entry[1] < time.monotonic():
            return None
        return entry[0]

    def remember(self, key: tuple, used: int) -> None:
        ttl = settings.METERING_UNLOCK_MEMORY_SECONDS
        if ttl <= 0:
            return
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._entries.clear()
            self._entries[key] = (used, time.monotonic() + ttl)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


recent_unlocks = RecentUnlocks()


def charge_code_view(*, ctx: MeterContext, system: str, code: str) -> bool:
    """Charge one code page view; ``True`` if it cost a view, ``False`` if it was free.

    Raises ``QuotaExceeded`` when the subject has no views left in the window.
    """
    if not ctx.enabled:
        return False
    start, reset = window_bounds(ctx.plan.window)
    memory_key = (ctx.subject, start, system, code)
    remembered = recent_unlocks.get(memory_key)
    if remembered is not None:
        ctx.code_views_used = remembered
        return False
    used, is_unlocked = _code_view_state(ctx, start, system, code)
    ctx.code_views_used = used
    if is_unlocked:
        recent_unlocks.remember(memory_key, used)
        return False
    unlocked = UnlockedCode.objects.filter(
        subject=ctx.subject, window_start=start, system=system, code=code
    )
    limit = ctx.plan.code_view_limit
    ctx.code_views_used = None  # changes below; the headers read it again
    with transaction.atomic():
        counter = _counter(ctx, Meter.CODE_VIEWS, start)
        if not _increment(ctx, counter, limit):
            if unlocked.exists():  # a parallel request unlocked it while we waited
                return False
            raise _exceeded(ctx, Meter.CODE_VIEWS, reset)
        try:
            with transaction.atomic():
                UnlockedCode.objects.create(
                    subject=ctx.subject, window_start=start, system=system, code=code
                )
        except IntegrityError:
            QuotaCounter.objects.filter(pk=counter.pk).update(used=F("used") - 1)
            return False
        UsageEvent.objects.create(
            subject=ctx.subject,
            user_id=ctx.user_id,
            plan=ctx.plan,
            meter=Meter.CODE_VIEWS,
            system=system,
            code=code,
            interface=ctx.interface,
        )
    ctx.charged.append(f"{system}:{code}")
    _remember_guest(ctx)
    return True


def charge_tool_call(*, ctx: MeterContext, tool: str) -> None:
    """Charge one text tool call (every call counts); raises ``QuotaExceeded``."""
    if not ctx.enabled:
        return
    start, reset = window_bounds(ctx.plan.window)
    with transaction.atomic():
        counter = _counter(ctx, Meter.TOOL_CALLS, start)
        if not _increment(ctx, counter, ctx.plan.tool_call_limit):
            raise _exceeded(ctx, Meter.TOOL_CALLS, reset)
        UsageEvent.objects.create(
            subject=ctx.subject,
            user_id=ctx.user_id,
            plan=ctx.plan,
            meter=Meter.TOOL_CALLS,
            tool=tool,
            interface=ctx.interface,
        )


GUEST_SESSION_KEY = "metering_guest_subject"


def _remember_guest(ctx: MeterContext) -> None:
    """Note in the browser session which guest subject it spent views as (for sign-up)."""
    session = ctx.session
    if ctx.is_guest and session is not None and session.get(GUEST_SESSION_KEY) != ctx.subject:
        session[GUEST_SESSION_KEY] = ctx.subject


@dataclass(frozen=True, slots=True)
class MeterUsage:
    meter: str
    limit: int | None
    used: int
    remaining: int | None
    window: str
    window_seconds: int | None
    resets_at: datetime.datetime | None
    reset_seconds: int | None


@dataclass(frozen=True, slots=True)
class UnlockedCodeRef:
    system: str
    code: str
    unlocked_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class Usage:
    plan: str
    plan_name: str
    subject_kind: str
    code_views: MeterUsage
    tool_calls: MeterUsage
    unlocked_codes: list[UnlockedCodeRef]


def meter_usage(*, ctx: MeterContext, meter: str, used: int | None = None) -> MeterUsage:
    start, reset = window_bounds(ctx.plan.window)
    if used is None:
        used = (
            QuotaCounter.objects.filter(subject=ctx.subject, meter=meter, window_start=start)
            .values_list("used", flat=True)
            .first()
        ) or 0
    limit = _limit(ctx.plan, meter)
    return MeterUsage(
        meter=meter,
        limit=limit,
        used=used,
        remaining=None if limit is None else max(0, limit - used),
        window=ctx.plan.window,
        window_seconds=WINDOW_SECONDS[ctx.plan.window],
        resets_at=reset,
        reset_seconds=seconds_until(reset),
    )


def usage_get(*, ctx: MeterContext) -> Usage:
    """The caller's plan, limits, use and unlocked codes in the current window."""
    start, _ = window_bounds(ctx.plan.window)
    used = dict(
        QuotaCounter.objects.filter(subject=ctx.subject, window_start=start).values_list(
            "meter", "used"
        )
    )
    unlocked = [
        UnlockedCodeRef(u.system, u.code, u.unlocked_at)
        for u in UnlockedCode.objects.filter(subject=ctx.subject, window_start=start)
    ]
    return Usage(
        plan=ctx.plan.slug,
        plan_name=ctx.plan.name,
        subject_kind="guest" if ctx.is_guest else "account",
        code_views=meter_usage(ctx=ctx, meter=Meter.CODE_VIEWS, used=used.get(Meter.CODE_VIEWS, 0)),
        tool_calls=meter_usage(ctx=ctx, meter=Meter.TOOL_CALLS, used=used.get(Meter.TOOL_CALLS, 0)),
        unlocked_codes=unlocked,
    )


def guest_usage_carry_over(
    *, guest_subject: str, guest_plan: Plan, user_id: int, plan: Plan
) -> int:
    """Move a guest's code views of this window to the account that just signed up.

    Returns the number of views carried over. The guest address keeps its own count, so a
    second sign-up from the same address cannot reset anything.
    """
    start, _ = window_bounds(plan.window)
    guest_start, _ = window_bounds(guest_plan.window)
    codes = list(
        UnlockedCode.objects.filter(subject=guest_subject, window_start=guest_start).values_list(
            "system", "code"
        )
    )
    if not codes:
        return 0
    subject = f"user:{user_id}"
    with transaction.atomic():
        counter, _ = QuotaCounter.objects.get_or_create(
            subject=subject,
            meter=Meter.CODE_VIEWS,
            window_start=start,
            defaults={"user_id": user_id},
        )
        carried = 0
        for system, code in codes:
            _, created = UnlockedCode.objects.get_or_create(
                subject=subject, window_start=start, system=system, code=code
            )
            carried += created
        QuotaCounter.objects.filter(pk=counter.pk).update(used=F("used") + carried)
    return carried


def window_reset(*, subject: str) -> int:
    """Staff action: forget a subject's use in its current windows. Returns rows removed."""
    recent_unlocks.clear()
    with transaction.atomic():
        removed, _ = QuotaCounter.objects.filter(subject=subject).delete()
        unlocked, _ = UnlockedCode.objects.filter(subject=subject).delete()
    logger.info("quota window reset for %s", subject)
    return removed + unlocked
