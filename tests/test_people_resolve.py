"""The cross-article merge rule (no spaCy: frames built by hand)."""
from __future__ import annotations

import polars as pl

from scoop.extract.people import MENTIONS_SCHEMA, ROLES_SCHEMA
from scoop.resolve.people import resolve_people


def _mentions(rows):
    return pl.DataFrame([
        {"source_id": s, "mention_id": f"{s}-{i}", "name": n, "text": t, "char_start": i, "char_end": i + 1, "kind": k}
        for i, (s, n, t, k) in enumerate(rows)], schema=MENTIONS_SCHEMA)


def _roles(rows):
    return pl.DataFrame([
        {"role_id": f"r{i}", "source_id": s, "person_id": None, "role": r, "character_id": None, "work": w,
         "season": None, "status": None, "char_start": 0, "char_end": 1, "person_name": p, "character_name": c}
        for i, (s, p, r, c, w) in enumerate(rows)], schema=ROLES_SCHEMA)


def _person_of(people, alias):
    return [p for p in people.to_dicts() if alias in p["aliases"]]


def test_romanization_and_initials_merge_with_shared_role():
    mentions = _mentions([("a", "Kang Tae-gyu", "Kang Tae-gyu", "real"), ("b", "Kang Tae-kyoo", "Kang Tae-kyoo", "real"),
                          ("c", "Kang TQ", "Kang TQ", "real")])
    roles = _roles([("a", "Kang Tae-gyu", "director", None, "Night Harbor"),
                    ("b", "Kang Tae-kyoo", "director", None, "Night Harbor"),
                    ("c", "Kang TQ", "director", None, "Night Harbor")])
    people, name_map = resolve_people(mentions, roles)
    merged = _person_of(people, "Kang TQ")
    assert len(merged) == 1 and {"Kang Tae-gyu", "Kang Tae-kyoo", "Kang TQ"} <= set(merged[0]["aliases"])
    assert merged[0]["source_count"] == 3
    assert any(r.startswith("romanization") for r in merged[0]["merge_reasons"])
    assert any(r.startswith("initials") for r in merged[0]["merge_reasons"])
    assert name_map.filter(pl.col("name") == "Kang TQ")["person_id"][0] == merged[0]["person_id"]


def test_two_different_lees_are_not_merged():
    # similar spellings, same show, but both actors with different characters: two people
    mentions = _mentions([("a", "Lee Dong-hwa", "Lee Dong-hwa", "real"), ("a", "Lee Dong-ha", "Lee Dong-ha", "real"),
                          ("b", "Lee Sun-ok", "Lee Sun-ok", "real")])
    roles = _roles([("a", "Lee Dong-hwa", "actor", "Gu Ma-ru", "Night Harbor"),
                    ("a", "Lee Dong-ha", "actor", "So Da-eun", "Night Harbor"),
                    ("b", "Lee Sun-ok", "director", None, "Night Harbor")])
    people, _ = resolve_people(mentions, roles)
    lees = [p for p in people.to_dicts() if p["name"].startswith("Lee ")]
    assert len(lees) == 3


def test_similar_names_without_shared_evidence_stay_apart():
    mentions = _mentions([("a", "Lee Jae-gyu", "Lee Jae-gyu", "real"), ("b", "Lee Jae-kyoo", "Lee Jae-kyoo", "real")])
    roles = _roles([("a", "Lee Jae-gyu", "director", None, "Night Harbor"),
                    ("b", "Lee Jae-kyoo", "writer", None, "Other Show")])
    people, _ = resolve_people(mentions, roles)
    assert people.height == 2


def test_short_form_and_same_article_alias():
    mentions = _mentions([("a", "Seo Yu-na", "Seo Yu-na", "fictional"), ("b", "Yu-na", "Yu-na", "fictional"),
                          ("c", "Rowan", "Rowan", "real"), ("c", "Rowan", "Park Rowan", "real")])
    people, _ = resolve_people(mentions, _roles([]))
    yuna = _person_of(people, "Yu-na")
    assert len(yuna) == 1 and yuna[0]["kind"] == "fictional" and "Seo Yu-na" in yuna[0]["aliases"]
    rowan = _person_of(people, "Park Rowan")
    assert len(rowan) == 1 and rowan[0]["name"] == "Rowan"


def test_ambiguous_short_form_not_merged_and_ids_unique():
    mentions = _mentions([("a", "Anna Berg", "Anna Berg", "real"), ("b", "Anna Holm", "Anna Holm", "real"),
                          ("c", "Anna", "Anna", "real"),
                          # same slug, different names: the second id gets a suffix
                          ("d", "Zoë Lund", "Zoë Lund", "fictional"), ("e", "Zoe Lund", "Zoe Lund", "real")])
    people, _ = resolve_people(mentions, _roles([]))
    assert len(_person_of(people, "Anna")) == 1 and _person_of(people, "Anna")[0]["aliases"] == ["Anna"]
    assert people["person_id"].n_unique() == people.height
    assert {"zoe-lund", "zoe-lund-2"} <= set(people["person_id"])


def test_empty_frames():
    people, name_map = resolve_people(_mentions([]), _roles([]))
    assert people.height == 0 and name_map.height == 0


def test_bare_surname_is_an_alias_in_its_article_only():
    # "Orwell" is Dan Orwell in a and Gina Orwell in b: the short form must not join them
    mentions = _mentions([("a", "Dan Orwell", "Dan Orwell", "real"), ("a", "Dan Orwell", "Orwell", "real"),
                          ("b", "Gina Orwell", "Gina Orwell", "real"), ("b", "Gina Orwell", "Orwell", "real"),
                          ("b", "Gina Orwell", "Orwell", "real"),
                          # an article that never gives the full name: "Orwell" stays its own person
                          ("c", "Orwell", "Orwell", "real")])
    people, name_map = resolve_people(mentions, _roles([]))
    dan, gina = _person_of(people, "Dan Orwell"), _person_of(people, "Gina Orwell")
    assert len(dan) == 1 and len(gina) == 1 and dan[0]["person_id"] != gina[0]["person_id"]
    # the surname is an alias of both, but never the canonical name (Gina's is said more often)
    assert "Orwell" in dan[0]["aliases"] and "Orwell" in gina[0]["aliases"]
    assert gina[0]["name"] == "Gina Orwell" and dan[0]["source_count"] == 1
    ids = {(r["source_id"], r["name"]): r["person_id"] for r in name_map.to_dicts()}
    assert ids[("a", "Orwell")] == dan[0]["person_id"] and ids[("b", "Orwell")] == gina[0]["person_id"]
    assert ids[("c", "Orwell")] not in {dan[0]["person_id"], gina[0]["person_id"]}


def test_ids_in_the_warehouse_follow_a_merge_made_by_a_later_article(tmp_path):
    """Only rows whose id changes are rewritten; a mention whose person merged into another gets the new id."""
    import duckdb

    from scoop import contract as T
    from scoop.warehouse.people_ids import resolve_people_in_warehouse
    from scoop.warehouse.store import ensure_schema

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_schema(con)

    def add(sid: str, name: str, k: int) -> None:
        row = {"mention_id": f"m{k}", "source_id": sid, "name": name, "text": name, "char_start": 0,
               "char_end": len(name), "kind": "real", "person_id": None}
        frame = T.conform(pl.DataFrame([row], schema=T.polars_schema("mentions")), "mentions")
        con.register("new_row", frame)
        con.execute("INSERT INTO mentions SELECT * FROM new_row")
        con.unregister("new_row")

    def ids() -> dict[str, str]:
        return dict(con.execute("SELECT mention_id, person_id FROM mentions").fetchall())

    add("s1", "Ha-neul", 1)
    add("s1", "Park Min", 2)
    resolve_people_in_warehouse(con)
    first = ids()
    assert first["m1"] != first["m2"] and None not in first.values()
    add("s2", "Kim Ha-neul", 3)       # the short form now shortens exactly one longer name
    resolve_people_in_warehouse(con)
    second = ids()
    assert second["m1"] == second["m3"] != first["m1"]
    assert second["m2"] == first["m2"]
    people = {pid for (pid,) in con.execute("SELECT person_id FROM people").fetchall()}
    assert set(second.values()) <= people
