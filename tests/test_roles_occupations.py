"""Role cues before a name: performers introduced by an occupation off the screen credits (invented names)."""
from __future__ import annotations

from scoop.extract.base import Document
from scoop.extract.people import extract_people


def _roles(text: str) -> set[tuple[str, str]]:
    _, roles = extract_people(Document(source_id="t", body=text))
    return {(r["person_name"], r["role"]) for r in roles}


def test_a_singer_or_comedian_on_a_show_holds_an_other_role():
    roles = _roles("Pop singer Mira Castell and comedian Olly Marsh are the favourites to win the contest.")
    assert {("Mira Castell", "other"), ("Olly Marsh", "other")} <= roles


def test_the_occupation_needs_a_name_right_after_it():
    assert not {r for r in _roles("The singer left the stage early, said Dana Pryce.") if r[1] == "other"
                and r[0] == "Dana Pryce"}


def test_a_company_chair_or_president_is_an_executive():
    roles = _roles("Studio chair Ines Marlow and network president Tomas Vell praised the launch.")
    assert {("Ines Marlow", "executive"), ("Tomas Vell", "executive")} <= roles
