"""Writes one release of an official file set into the catalog: all or nothing, idempotent.

``release_import`` opens one transaction, creates (or finds) the ``Release`` and hands a
``ReleaseContext`` to the format's writer. The context compares what the file says with
what the catalog holds and only writes the difference, with bulk operations:

* ``sync_codes``: codes of one system; new ones are created parents first, changed ones
  updated, codes owned by this source that the release no longer lists are retired
  (``status=retired``, ``end_date`` = the day before the release took effect). Code history
  (added / revised / retired / reinstated) is recorded from that comparison when an earlier
  release of the same source exists.
* ``sync_facts``: the rows of one fact table that belong to this release, keyed; rows the
  file no longer has are deleted, and the same facts of earlier releases of this source are
  closed (``end_date``) so ``as_of`` answers with one release at a time.

Importing the same release twice therefore writes nothing the second time; any exception
rolls the whole release back.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import connection, models, transaction

from catalog.importers.base import Progress
from catalog.models import Code, CodeHistory, CodeStatus, CodeSystem, HistoryAction, Release
from catalog.services import catalog_changed

CODE_FIELDS = (
    "code",
    "level",
    "parent_id",
    "billable",
    "short_descriptor",
    "long_descriptor",
    "sort_key",
    "status",
    "end_date",
)
BATCH = 2000


@dataclass
class Summary:
    """What an import did, per table: added, changed, retired (deleted or closed)."""

    release: str
    created_release: bool = False
    counts: dict[str, Counter] = field(default_factory=dict)

    def add(self, table: str, **numbers: int) -> None:
        counter = self.counts.setdefault(table, Counter(added=0, changed=0, retired=0))
        counter.update(numbers)

    @property
    def changed_anything(self) -> bool:
        return any(sum(c.values()) for c in self.counts.values())

    def lines(self) -> list[str]:
        head = f"Release {self.release}: " + ("new" if self.created_release else "already known")
        body = [
            f"  {table}: {c['added']} added, {c['changed']} changed, {c['retired']} retired"
            for table, c in self.counts.items()
        ]
        if not self.changed_anything:
            body.append("  nothing changed")
        return [head, *body]


@dataclass
class ReleaseContext:
    release: Release
    summary: Summary
    baseline: bool
    stdout: IO[str] | None
    code_ids: dict[tuple[int, str], int] = field(default_factory=dict)

    @property
    def fact_effective_date(self) -> datetime.date | None:
        """Facts of a first release are in effect "since before"; later ones from its date."""
        return None if self.baseline else self.release.effective_date

    def progress(self, label: str, total: int | None = None) -> Progress:
        return Progress(label, total, self.stdout)

    # -- codes -----------------------------------------------------------------------------

    def code_map(self, system: CodeSystem) -> dict[str, int]:
        """normalized -> id for every code of ``system`` (cached for the transaction)."""
        if not any(key[0] == system.id for key in self.code_ids):
            for pk, normalized in Code.objects.filter(system=system).values_list(
                "id", "normalized"
            ):
                self.code_ids[(system.id, normalized)] = pk
        return {n: pk for (s, n), pk in self.code_ids.items() if s == system.id}

    def sync_codes(
        self,
        system: CodeSystem,
        records: Sequence[dict[str, Any]],
        *,
        table: str = "codes",
        retire_missing: bool = True,
        create_only: bool = False,
        history: bool = True,
    ) -> dict[str, int]:
        """Make ``system``'s codes match ``records``; returns normalized -> id.

        Each record has ``code``, ``normalized`` and any of ``level``, ``parent`` (the
        parent's normalized code), ``depth``, ``billable``, ``short_descriptor``,
        ``long_descriptor``, ``sort_key``, ``status``, ``effective_date``, ``end_date``.
        ``create_only`` adds missing codes and never touches existing ones (used by files
        that only reference codes, e.g. the RVU file for CPT numbers).
        """
        release = self.release
        existing = {
            row["normalized"]: row
            for row in Code.objects.filter(system=system).values(
                "id", "normalized", "effective_date", "release__source", *CODE_FIELDS
            )
        }
        ids = {n: row["id"] for n, row in existing.items()}
        new: list[dict[str, Any]] = []
        updates: list[Code] = []
        events: list[tuple[str, str, str]] = []  # normalized, action, notes
        seen: set[str] = set()
        progress = self.progress(f"{system.slug} {table}", len(records))
        for record in records:
            progress.advance()
            normalized = record["normalized"]
            if normalized in seen:
                continue
            seen.add(normalized)
            row = existing.get(normalized)
            if row is None:
                new.append(record)
                continue
            if create_only:
                continue
            wanted = self._code_values(record, ids)
            wanted["effective_date"] = record.get("effective_date", row["effective_date"])
            diff = {k: v for k, v in wanted.items() if row.get(k) != v}
            if not diff:
                continue
            obj = Code(id=row["id"], release=release, **{**{k: row[k] for k in wanted}, **diff})
            updates.append(obj)
            if row["status"] == CodeStatus.RETIRED and wanted["status"] == CodeStatus.ACTIVE:
                events.append((normalized, HistoryAction.REINSTATED, ""))
            elif "long_descriptor" in diff or "short_descriptor" in diff:
                events.append((normalized, HistoryAction.REVISED, "Descriptor revised"))
            elif "end_date" in diff and wanted["status"] == CodeStatus.RETIRED:
                events.append((normalized, HistoryAction.RETIRED, ""))
        progress.close()

        # New codes, parents first (a record's depth, else its parent's depth + 1).
        depth: dict[str, int] = {}
        for record in new:
            depth[record["normalized"]] = record.get(
                "depth", depth.get(record.get("parent") or "", -1) + 1
            )
        new.sort(key=lambda r: depth[r["normalized"]])
        added = 0
        for level_value in sorted({depth[r["normalized"]] for r in new}):
            batch = [r for r in new if depth[r["normalized"]] == level_value]
            objs = []
            for record in batch:
                values = self._code_values(record, ids)
                objs.append(
                    Code(
                        system=system,
                        normalized=record["normalized"],
                        release=release,
                        effective_date=record.get("effective_date", self.fact_effective_date),
                        **values,
                    )
                )
            created = Code.objects.bulk_create(objs, batch_size=BATCH)
            for obj in created:
                ids[obj.normalized] = obj.id
            added += len(created)
            if not self.baseline and history:
                events.extend((o.normalized, HistoryAction.ADDED, "") for o in created)
        if updates:
            fields = sorted({*CODE_FIELDS, "release_id", "effective_date"})
            rows_update(Code, [{f: getattr(o, f) for f in ("id", *fields)} for o in updates])

        retired = 0
        if retire_missing and not create_only:
            gone = [
                row["id"]
                for n, row in existing.items()
                if n not in seen
                and row["release__source"] == release.source
                and row["status"] == CodeStatus.ACTIVE
            ]
            if gone:
                end = release.effective_date - datetime.timedelta(days=1)
                for start in range(0, len(gone), BATCH):
                    Code.objects.filter(id__in=gone[start : start + BATCH]).update(
                        status=CodeStatus.RETIRED, end_date=end, release=release
                    )
                by_id = {row["id"]: n for n, row in existing.items()}
                events.extend((by_id[pk], HistoryAction.RETIRED, "") for pk in gone)
                retired = len(gone)
        if history and events and not self.baseline:
            self.add_history(
                [
                    {
                        "code_id": ids[n],
                        "date": release.effective_date,
                        "action": action,
                        "notes": notes,
                    }
                    for n, action, notes in events
                ]
            )
        self.summary.add(
            f"{system.slug} {table}", added=added, changed=len(updates), retired=retired
        )
        for n, pk in ids.items():
            self.code_ids[(system.id, n)] = pk
        return ids

    @staticmethod
    def _code_values(record: dict[str, Any], ids: dict[str, int]) -> dict[str, Any]:
        parent = record.get("parent")
        return {
            "code": record["code"],
            "level": record.get("level", "code"),
            "parent_id": ids[parent] if parent else None,
            "billable": record.get("billable", True),
            "short_descriptor": (record.get("short_descriptor") or "")[:200],
            "long_descriptor": record.get("long_descriptor") or "",
            "sort_key": record.get("sort_key", record["normalized"])[:32],
            "status": record.get("status", CodeStatus.ACTIVE),
            "end_date": record.get("end_date"),
        }

    def add_history(self, rows: Iterable[dict[str, Any]]) -> None:
        """Code history events of this release (existing identical events are kept)."""
        rows = list(rows)
        if not rows:
            return
        existing = set(
            CodeHistory.objects.filter(release=self.release).values_list(
                "code_id", "date", "action"
            )
        )
        fresh = [
            CodeHistory(release=self.release, effective_date=r["date"], **r)
            for r in rows
            if (r["code_id"], r["date"], r["action"]) not in existing
        ]
        CodeHistory.objects.bulk_create(fresh, batch_size=BATCH, ignore_conflicts=True)
        self.summary.add("code history", added=len(fresh))

    # -- facts -----------------------------------------------------------------------------

    def sync_facts(
        self,
        model: type[models.Model],
        rows: Sequence[dict[str, Any]],
        *,
        key: Sequence[str],
        table: str,
        scope: dict[str, Any] | None = None,
        close_older: bool = True,
    ) -> None:
        """Make this release's rows of ``model`` (within ``scope``) equal ``rows``.

        Every row is a dict of field values (foreign keys as ``<name>_id``); ``key`` names
        the fields that identify a row within the release. ``effective_date`` defaults to
        ``fact_effective_date``.
        """
        scope = dict(scope or {})
        fields = sorted({f for row in rows for f in row} | {"effective_date"})
        qs = model.objects.filter(release=self.release, **scope)
        existing = {tuple(r[k] for k in key): r for r in qs.values("id", *fields)}
        creates, updates, seen = [], [], set()
        progress = self.progress(table, len(rows))
        for row in rows:
            progress.advance()
            row = {"effective_date": self.fact_effective_date, **row}
            k = tuple(row[f] for f in key)
            if k in seen:
                continue
            seen.add(k)
            current = existing.get(k)
            if current is None:
                creates.append(row)
            elif any(current.get(f) != row.get(f) for f in fields if f in row):
                updates.append({"id": current["id"], **row})
        progress.close()
        rows_insert(model, creates, release_id=self.release.id)
        if updates:
            rows_update(model, updates)
        gone = [r["id"] for k, r in existing.items() if k not in seen]
        for start in range(0, len(gone), BATCH):
            model.objects.filter(id__in=gone[start : start + BATCH]).delete()
        closed = 0
        if close_older:
            end = self.release.effective_date - datetime.timedelta(days=1)
            closed = (
                model.objects.filter(
                    release__source=self.release.source,
                    release__effective_date__lt=self.release.effective_date,
                    end_date__isnull=True,
                    **scope,
                )
                .exclude(release=self.release)
                .update(end_date=end)
            )
        self.summary.add(
            table, added=len(creates), changed=len(updates), retired=len(gone) + closed
        )


def rows_insert(model: type[models.Model], rows: Sequence[dict[str, Any]], **common: Any) -> None:
    """``INSERT`` rows (dicts of attribute names) with one ``executemany`` per batch.

    Skips model instances and signals (none are used by the catalog): several times faster
    than ``bulk_create`` for the 100k-row tables (GEMs, index terms). Fields a row leaves
    out get their model default.
    """
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and f.attname != "id"]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names from _meta
    defaults = {f.attname: f.get_default() for f in fields}
    params = []
    for row in rows:
        values = {**defaults, **common, **row}
        params.append([f.get_db_prep_save(values[f.attname], connection) for f in fields])
    with connection.cursor() as cursor:
        for start in range(0, len(params), BATCH):
            cursor.executemany(sql, params[start : start + BATCH])


def rows_update(model: type[models.Model], rows: Sequence[dict[str, Any]]) -> None:
    """``UPDATE ... WHERE id = %s`` for each row with one ``executemany``.

    Much faster than ``bulk_update`` (whose ``CASE WHEN`` statements grow with the batch)
    on both SQLite and PostgreSQL. Rows are dicts of attribute names (``code_id``) to values.
    """
    if not rows:
        return
    names = [n for n in rows[0] if n != "id"]
    fields = [model._meta.get_field(n) for n in names]
    table = connection.ops.quote_name(model._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
    sql = f"UPDATE {table} SET {assignments} WHERE id = %s"  # noqa: S608 - names from _meta
    params = [
        [f.get_db_prep_save(row[n], connection) for f, n in zip(fields, names, strict=True)]
        + [row["id"]]
        for row in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(params), BATCH):
            cursor.executemany(sql, params[start : start + BATCH])


def release_import(
    *,
    source: str,
    version: str,
    effective_date: datetime.date,
    system: CodeSystem | None,
    title: str,
    checksum: str,
    write: Callable[[ReleaseContext], None],
    stdout: IO[str] | None = None,
) -> Summary:
    """Import one release in one transaction; any error leaves the catalog as it was."""
    with transaction.atomic():
        release, created = Release.objects.get_or_create(
            source=source,
            version=version,
            defaults={
                "effective_date": effective_date,
                "system": system,
                "title": title,
                "checksum": checksum,
            },
        )
        if not created and (release.checksum, release.effective_date) != (checksum, effective_date):
            release.checksum = checksum
            release.effective_date = effective_date
            release.save(update_fields=["checksum", "effective_date"])
        baseline = not Release.objects.filter(
            source=source, effective_date__lt=release.effective_date
        ).exists()
        summary = Summary(release=f"{source} {version}", created_release=created)
        context = ReleaseContext(release=release, summary=summary, baseline=baseline, stdout=stdout)
        write(context)
        # Bulk writes send no model signals: drop every process's cached pages ourselves.
        catalog_changed()
    return summary
