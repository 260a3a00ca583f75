"""Serve exactly the front-end files we use from ``codeapi/frontend/node_modules``.

npm installs GraphiQL, React and the explorer plugin at the versions pinned by
``codeapi/frontend/package-lock.json``; this finder exposes only the built files the
GraphiQL page loads (under ``static/vendor/``), not the 60 MB of sources around them.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Warning as CheckWarning
from django.core.files.storage import FileSystemStorage

VENDOR_FILES = {
    "vendor/react.production.min.js": "react/umd/react.production.min.js",
    "vendor/react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
    "vendor/js.cookie.min.js": "js-cookie/dist/js.cookie.min.js",
    "vendor/graphiql.min.js": "graphiql/graphiql.min.js",
    "vendor/graphiql.min.css": "graphiql/graphiql.min.css",
    "vendor/plugin-explorer.umd.js": "@graphiql/plugin-explorer/dist/index.umd.js",
    "vendor/plugin-explorer.css": "@graphiql/plugin-explorer/dist/style.css",
}


class VendorFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        self.root = Path(settings.FRONTEND_NODE_MODULES)
        self.storage = FileSystemStorage(location=str(self.root))
        self.storage.prefix = ""

    def check(self, **kwargs):
        missing = [name for name, rel in VENDOR_FILES.items() if not (self.root / rel).is_file()]
        if missing:
            return [
                CheckWarning(
                    "The GraphiQL explorer's front-end files are not installed.",
                    hint="Run `npm ci --prefix codeapi/frontend` (bin/setup does).",
                    id="codeapi.W001",
                )
            ]
        return []

    def find(self, path, find_all=False, **kwargs):
        rel = VENDOR_FILES.get(path)
        if rel is None:
            return [] if find_all else None
        full = self.root / rel
        if not full.is_file():
            return [] if find_all else None
        return [str(full)] if find_all else str(full)

    def list(self, ignore_patterns):
        for name, rel in VENDOR_FILES.items():
            if (self.root / rel).is_file():
                yield name, _SingleFileStorage(self.root / rel, name)


class _SingleFileStorage(FileSystemStorage):
    """Lets collectstatic copy one file under its vendor name."""

    def __init__(self, full: Path, name: str):
        super().__init__(location=str(full.parent))
        self._full = full
        self._name = name

    def path(self, name):
        return str(self._full)

    def open(self, name, mode="rb"):
        return open(self._full, mode)
