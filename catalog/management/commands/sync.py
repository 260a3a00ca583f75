"""``manage.py sync [--only hcpcs,mpfs] [--base-url http://mirror/]``: download and import.

Downloads the current official files (``catalog.importers.sources``) and imports each
with its importer; every import is its own all-or-nothing release, so an interrupted sync
leaves whole releases only. ``--base-url`` reads a mirror laid out like ``shared/data/``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.importers import writers
from catalog.importers.base import ImportFormatError
from catalog.importers.sources import ORDER, SOURCES, Source


class Command(BaseCommand):
    help = "Download the current official CMS/CDC files and import them (needs the network)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", help=f"Comma-separated subset of: {', '.join(ORDER)} (default: all)."
        )
        parser.add_argument(
            "--base-url", help="A mirror laid out like shared/data/ instead of the official URLs."
        )
        parser.add_argument("--timeout", type=float, default=60.0)

    def handle(self, *args, **options):
        names = options["only"].split(",") if options["only"] else ORDER
        unknown = [n for n in names if n not in SOURCES]
        if unknown:
            raise CommandError(f"Unknown source(s) {unknown}; known: {', '.join(ORDER)}")
        with tempfile.TemporaryDirectory(prefix="codeapi-sync-") as tmp:
            folder = Path(tmp)
            for name in [n for n in ORDER if n in names]:
                files = {}
                for source in SOURCES[name]:
                    files.setdefault(source.role, []).append(
                        self._fetch(source, folder, options["base_url"], options["timeout"])
                    )
                try:
                    summaries = self._import(name, files)
                except ImportFormatError as exc:
                    raise CommandError(f"Import of {name} failed, nothing changed: {exc}") from exc
                for summary in summaries:
                    for line in summary.lines():
                        self.stdout.write(line)

    def _fetch(self, source: Source, folder: Path, base_url: str | None, timeout: float) -> Path:
        if base_url:
            url = base_url.rstrip("/") + "/" + source.mirror_path
            member = ""
        else:
            url, member = source.official_url, source.member
        target = folder / (source.name + "-" + Path(url).name)
        if not target.exists():
            self.stdout.write(f"Downloading {url}")
            if not url.startswith(("http://", "https://")):
                raise CommandError(f"{url}: only http(s) URLs are fetched")
            try:
                with (
                    urllib.request.urlopen(url, timeout=timeout) as response,  # noqa: S310
                    open(target, "wb") as out,
                ):
                    shutil.copyfileobj(response, out)
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                raise CommandError(f"Cannot download {url} (offline?): {exc}") from exc
        if not member:
            return target
        with zipfile.ZipFile(target) as archive:
            names = [n for n in archive.namelist() if re.search(member, n, re.IGNORECASE)]
            if not names:
                raise CommandError(f"{url}: no member matching {member!r}")
            extracted = folder / Path(names[0]).name
            with archive.open(names[0]) as src, open(extracted, "wb") as out:
                shutil.copyfileobj(src, out)
            return extracted

    def _import(self, name: str, files: dict[str, list[Path]]):
        out = self.stdout._out
        if name == "icd10cm":
            return [
                writers.icd10cm_import(
                    tabular=files["tabular"][0], order=files["order"][0], stdout=out
                )
            ]
        if name == "icd10cm-index":
            return [writers.icd10cm_index_import(path=p, stdout=out) for p in files["main"]]
        if name == "gems":
            return [
                writers.gems_import(
                    forward=files["forward"][0], backward=files["backward"][0], stdout=out
                )
            ]
        if name == "hcpcs":
            return [
                writers.hcpcs_import(path=files["main"][0], notes=files["notes"][0], stdout=out)
            ]
        if name == "mpfs":
            return [writers.mpfs_import(path=files["main"][0], stdout=out)]
        if name == "ncci-aoc":
            return [
                writers.ncci_aoc_import(path=files["main"][0], add_missing_codes=True, stdout=out)
            ]
        raise CommandError(f"No importer for {name}")
