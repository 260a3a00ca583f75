"""Command line: redact files or standard input.

    python -m clinical.phi [--strategy mask|remove|hash|surrogate] [--json] [FILE ...]

Writes the redacted text to standard output (each file in turn; ``-`` or no file reads
standard input). With ``--json``, writes one JSON object per input instead:
``{"file", "entities": [...], "text"}``. Needs no Django and no network.
"""

from __future__ import annotations

import argparse
import json
import sys

from clinical.phi import STRATEGIES, redact


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clinical.phi",
        description="Redact HIPAA Safe Harbor identifiers from clinical text.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files (default: stdin)")
    parser.add_argument("--strategy", choices=STRATEGIES, default="mask")
    parser.add_argument("--json", action="store_true", help="write entities and text as JSON")
    parser.add_argument("--seed", type=int, help="surrogate strategy: reproducible fakes")
    args = parser.parse_args(argv)

    for name in args.files or ["-"]:
        try:
            if name == "-":
                text = sys.stdin.read()
            else:
                with open(name, encoding="utf-8") as fh:
                    text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return 2
        result = redact(text, args.strategy, seed=args.seed)
        if args.json:
            body = {"file": name, **result.as_dict()}
            sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(result.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
