import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(TESTS))      # tests/fakes.py


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared not present: gold and corpora are not part of the repo")
    return SHARED.resolve()
