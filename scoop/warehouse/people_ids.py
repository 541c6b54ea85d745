"""Cross-article person resolution inside the warehouse.

Per-article extractors name people as written in that article; here every
mention in the warehouse is resolved to one ``person_id`` (pure logic in
``scoop.resolve.people``), ``people`` is rebuilt, and the person and
character ids of ``mentions``, ``roles`` and ``claims`` are filled by joining
on (source_id, name).
"""
from __future__ import annotations

import duckdb
import polars as pl

from scoop import contract as T


def resolve_people_in_warehouse(con: duckdb.DuckDBPyConnection) -> int:
    from scoop.resolve.people import resolve_people

    # only the columns the merge reads: this frame is the one in a run that grows with the warehouse
    mentions = con.sql("SELECT source_id, name, text, kind FROM mentions").pl()
    roles = con.sql("SELECT source_id, person_name, role, character_name, work FROM roles").pl()
    people, name_map = resolve_people(mentions, roles)
    people = T.conform(people, "people")
    name_map = name_map.select("source_id", "name", "person_id").unique(["source_id", "name"])
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM people")
    con.register("resolved_people", people)
    con.execute("INSERT INTO people SELECT * FROM resolved_people")
    con.register("name_map", name_map)
    # only the rows whose id changes are written: after a refresh of a few articles that is few of them
    con.execute("""UPDATE mentions m SET person_id = n.person_id FROM name_map n
                   WHERE n.source_id = m.source_id AND n.name = m.name
                   AND m.person_id IS DISTINCT FROM n.person_id""")
    con.execute("""UPDATE roles r SET person_id = n.person_id FROM name_map n
                   WHERE n.source_id = r.source_id AND n.name = r.person_name
                   AND r.person_id IS DISTINCT FROM n.person_id""")
    con.execute("""UPDATE roles r SET character_id = n.person_id FROM name_map n
                   WHERE n.source_id = r.source_id AND n.name = r.character_name
                   AND r.character_id IS DISTINCT FROM n.person_id""")
    con.execute("""UPDATE claims c SET person_id = n.person_id FROM name_map n
                   WHERE n.source_id = c.source_id AND n.name = c.person_name
                   AND c.person_id IS DISTINCT FROM n.person_id""")
    con.execute("COMMIT")
    con.unregister("resolved_people")
    con.unregister("name_map")
    return people.height


def default_finalizers() -> list:
    """The cross-article steps run over the working copy after each load."""
    return [resolve_people_in_warehouse]
