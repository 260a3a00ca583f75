"""Importers of the official CMS and CDC code files, one module per file format.

Each format module is plain Python (no Django): generators that read a file and yield
records, raising ``ImportFormatError(file, line, field, message)`` on bad input. The
Django side (``catalog.importers.loader``) writes one release in one transaction.
"""
