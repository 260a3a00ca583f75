"""Where the official files are published, for ``manage.py sync``.

Each source names the official download (often a zip, with the member to take) and the
same file's path in a mirror laid out like ``shared/data/`` (``--base-url``), so the sync
can be tested against a local HTTP server. The addresses were written from the CMS/CDC
download pages and could not be checked from the (offline) development machine: update
them here when CMS publishes a new release.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    official_url: str
    member: str  # regex of the zip member to use ("" = the download itself)
    mirror_path: str
    role: str = "main"  # which argument of the importer this file is


SOURCES: dict[str, list[Source]] = {
    "icd10cm": [
        Source(
            "icd10cm",
            "https://www.cms.gov/files/zip/2026-code-tables-tabular-and-index.zip",
            r"icd10cm[-_]tabular.*\.xml$",
            "icd10cm/fy2026/icd10cm-tabular-April-1-2026.xml.gz",
            "tabular",
        ),
        Source(
            "icd10cm",
            "https://www.cms.gov/files/zip/2026-code-descriptions-tabular-order.zip",
            r"icd10cm_order_2026\.txt$",
            "icd10cm/fy2026/icd10cm_order_2026.txt.gz",
            "order",
        ),
    ],
    "hcpcs": [
        Source(
            "hcpcs",
            "https://www.cms.gov/files/zip/january-2025-alpha-numeric-hcpcs-file.zip",
            r"HCPC\d{4}_[A-Z]{3}_ANWEB.*\.txt$",
            "hcpcs/2025-jan/HCPC2025_JAN_ANWEB_12172024.txt.gz",
        ),
        Source(
            "hcpcs",
            "https://www.cms.gov/files/zip/january-2025-alpha-numeric-hcpcs-file.zip",
            r"proc_notes.*\.txt$",
            "hcpcs/2025-jan/proc_notes_JAN2025.txt",
            "notes",
        ),
    ],
    "mpfs": [
        Source(
            "mpfs",
            "https://www.cms.gov/files/zip/rvu25d.zip",
            r"PPRRVU\d{4}_\w+\.csv$",
            "mpfs/rvu25d/PPRRVU2025_Oct.csv",
        )
    ],
    "ncci-aoc": [
        Source(
            "ncci-aoc",
            "https://www.cms.gov/files/zip/medicare-ncci-add-code-edits-2026q2.zip",
            r"AOC_V\d{4}Q\d.*\.xlsx$",
            "ncci/aoc-2026q2/AOC_V2026Q2-MCR.xlsx",
        )
    ],
    "gems": [
        Source(
            "gems",
            "https://www.cms.gov/medicare/coding/icd10/downloads/2018-icd-10-cm-general-equivalence-mappings.zip",
            r"2018_I9gem\.txt$",
            "gems/2018/2018_I9gem.txt",
            "forward",
        ),
        Source(
            "gems",
            "https://www.cms.gov/medicare/coding/icd10/downloads/2018-icd-10-cm-general-equivalence-mappings.zip",
            r"2018_I10gem\.txt$",
            "gems/2018/2018_I10gem.txt",
            "backward",
        ),
    ],
    "icd10cm-index": [
        Source(
            "icd10cm-index",
            "https://www.cms.gov/files/zip/2026-code-tables-tabular-and-index.zip",
            r"icd10cm[-_]index.*\.xml$",
            "icd10cm/fy2017-index/icd10cm_index_2017.xml.gz",
        ),
        Source(
            "icd10cm-index",
            "https://www.cms.gov/files/zip/2026-code-tables-tabular-and-index.zip",
            r"icd10cm[-_]eindex.*\.xml$",
            "icd10cm/fy2025-index-tables/icd-10-cm-eindex-2025.xml",
        ),
        Source(
            "icd10cm-index",
            "https://www.cms.gov/files/zip/2026-code-tables-tabular-and-index.zip",
            r"icd10cm[-_]drug.*\.xml$",
            "icd10cm/fy2025-index-tables/icd-10-cm-drug-2025.xml",
        ),
        Source(
            "icd10cm-index",
            "https://www.cms.gov/files/zip/2026-code-tables-tabular-and-index.zip",
            r"icd10cm[-_]neoplasm.*\.xml$",
            "icd10cm/fy2025-index-tables/icd-10-cm-neoplasm-2025.xml",
        ),
    ],
}
# Order matters: codes before the files that reference them.
ORDER = ["icd10cm", "icd10cm-index", "gems", "hcpcs", "mpfs", "ncci-aoc"]
