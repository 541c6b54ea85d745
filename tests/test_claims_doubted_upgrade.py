"""claims.doubted on a warehouse built before the column existed: ensure_schema adds the column,
the bumped claims version re-extracts every article, and the views read the new flag.
Invented articles; the claims extractor runs on its cue rules alone (no model), years stand in for dates."""
from __future__ import annotations

import duckdb
import pytest

from fakes import YearDates, make_project, query
from scoop.extract.claims import ClaimsExtractor
from scoop.extract.claims.claim_extractor import RULES_VERSION
from scoop.pipeline import run_ingest
from scoop.warehouse import DB_NAME

ARTICLES = {
    "a.txt": " date 2025-03-01 Harbour Lights\n'Harbour Lights' will premiere in 2026, the studio confirmed.\n",
    "b.txt": " date 2025-04-02 Harbour Lights\n'Harbour Lights' will premiere in 2027, but I highly doubt it.\n",
}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, ARTICLES)


def _ingest(project, claims) -> dict:
    return run_ingest(project / "raw", project / "warehouse", extractors=[YearDates(), claims],
                      project_root=project)


_q = query


def test_a_refresh_upgrades_a_warehouse_without_the_doubted_column(project):
    old = ClaimsExtractor(model=None)
    old.version = "0.3.2+rules"                      # the version before claims.doubted
    _ingest(project, old)
    con = duckdb.connect(str(project / "warehouse" / DB_NAME))
    con.execute("ALTER TABLE claims DROP COLUMN doubted")     # as a warehouse of that version has it
    con.close()
    assert ("doubted",) not in _q(project, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'claims'")

    new = ClaimsExtractor(model=None)
    assert new.version.startswith(RULES_VERSION) and new.version != old.version
    summary = _ingest(project, new)
    assert summary["reextracted"] == 2 and summary["status"] == "success"
    flags = dict(_q(project, "SELECT value_text, doubted FROM claims WHERE claim_type = 'release'"))
    assert flags == {"2027": True, "2026": False}
    assert _q(project, "SELECT count(*) FROM claims WHERE doubted IS NULL") == [(0,)]
    # the doubted value never wins over the confirmed one, though published later
    assert _q(project, "SELECT value_text, doubted FROM claims_as_of(DATE '2025-12-31') "
                       "WHERE claim_type = 'release'") == [("2026", False)]
    comment = _q(project, "SELECT comment FROM duckdb_columns() WHERE table_name = 'claims' "
                          "AND column_name = 'doubted'")
    assert comment and "doubt" in comment[0][0]
