"""The child process of extract_isolated(): `python -m loa.documents.extraction.child PATH LIMITS_JSON`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .result import ExtractionLimits
from .runner import extract_file


def main(argv: list[str]) -> int:
    path, limits = Path(argv[1]), ExtractionLimits(**json.loads(argv[2]))
    result = extract_file(path, limits)
    sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
