"""Role cues: joint credits, crew and participants named after a cue, and star lists at events (invented names)."""
from __future__ import annotations

from scoop.extract.base import Document
from scoop.extract.claims.role_model import added_roles, person_role_features
from scoop.extract.claims.features import SentenceContext
from scoop.extract.people import extract_people


def _roles(text: str) -> set[tuple[str, str]]:
    _, roles = extract_people(Document(source_id="t", body=text))
    return {(r["person_name"], r["role"]) for r in roles}


def test_a_joint_credit_gives_both_roles():
    roles = _roles("The thriller Glass Harbour is written and directed by Orla Venn.")
    assert {("Orla Venn", "writer"), ("Orla Venn", "director")} <= roles
    roles = _roles("The comedy Paper Kites was directed and co-written by Bram Tessel.")
    assert {("Bram Tessel", "writer"), ("Bram Tessel", "director")} <= roles


def test_a_single_credit_gives_one_role():
    roles = _roles("The thriller Glass Harbour is directed by Orla Venn.")
    assert ("Orla Venn", "director") in roles and ("Orla Venn", "writer") not in roles


def test_designers_supervisors_and_music_directors_hold_an_other_role():
    roles = _roles("The revival was designed by Kesia Darrow, with choreography by Pell Amundsen.")
    assert {("Kesia Darrow", "other"), ("Pell Amundsen", "other")} <= roles
    roles = _roles("The score won praise, said music director Anouk Brell.")
    assert ("Anouk Brell", "other") in roles and ("Anouk Brell", "director") not in roles
    assert ("Tiber Lusk", "other") in _roles("The team includes animation supervisor Tiber Lusk.")


def test_contributors_and_guests_of_a_programme_hold_an_other_role():
    roles = _roles("The documentary series is out next week. Contributors include Jonah Pell, Mara Quist and Elsie Brandt.")
    assert {("Jonah Pell", "other"), ("Mara Quist", "other"), ("Elsie Brandt", "other")} <= roles
    roles = _roles("The chat show featured guests including Rory Vantage and Hester Cole.")
    assert {("Rory Vantage", "other"), ("Hester Cole", "other")} <= roles


def test_a_bracketed_showrunner_cue_still_counts():
    assert ("Lisl Varga", "creator") in _roles("“[Showrunner] Lisl Varga has delivered a sharp season,” she said.")


def test_stars_at_an_event_are_no_cast():
    roles = _roles("The film premieres next month. A host of stars, including Dara Wendt, Paolo Fenn and "
                   "Iris Malory, are expected to attend the ceremony.")
    assert not {r for r in roles if r[1] == "actor"}
    roles = _roles("The film premieres next month. Leo Marsh faces competition from Dara Wendt and Paolo Fenn "
                   "in the best actor category.")
    assert not {r for r in roles if r[1] == "actor"}


def test_a_cast_list_outside_an_event_still_counts():
    roles = _roles("The new drama stars Dara Wendt, Paolo Fenn and Iris Malory.")
    assert {("Dara Wendt", "actor"), ("Paolo Fenn", "actor"), ("Iris Malory", "actor")} <= roles


def test_a_star_named_with_the_work_at_an_event_keeps_the_actor_role():
    roles = _roles("The drama won big. The cast of the film, Dara Wendt and Paolo Fenn in Cold Lanterns, "
                   "attended the gala.")
    assert ("Paolo Fenn", "actor") in roles and ("Dara Wendt", "actor") not in roles


class _AlwaysActor:
    def probabilities(self, feats):
        return {"actor": 0.9}


def test_the_role_model_adds_no_actor_for_a_person_seen_only_at_an_event():
    text = "Stars including Dara Wendt attended the ceremony. Paolo Fenn stars in the film."
    persons = [{"name": "Dara Wendt", "text": "Dara Wendt", "kind": "real", "char_start": 16, "char_end": 26},
               {"name": "Paolo Fenn", "text": "Paolo Fenn", "kind": "real", "char_start": 50, "char_end": 60}]
    contexts = [SentenceContext(0, 49, 0, persons=[persons[0]]), SentenceContext(50, len(text), 1, persons=[persons[1]])]
    feats = person_role_features(text, contexts, [])
    assert "event_only" in feats["Dara Wendt"][0] and "event_only" not in feats["Paolo Fenn"][0]
    rows = added_roles(Document(source_id="t", body=text), contexts, [], _AlwaysActor(), lambda *a: (None, None))
    assert {r["person_name"] for r in rows} == {"Paolo Fenn"}


def test_a_possessive_before_a_title_in_film_news_credits_the_director():
    roles = _roles("Two films lead the race: Orla Venn’s Glass Harbour and Bram Tessel's Paper Kites.")
    assert {("Orla Venn", "director"), ("Bram Tessel", "director")} <= roles


def test_a_possessive_title_needs_film_news_and_no_person_after_it():
    assert ("Orla Venn", "director") not in _roles("Orla Venn's Glass Harbour was the big winner at the theatre awards.")
    roles = _roles("Orla Venn's Glass Harbour co-star, Bram Tessel, plays a drunk in the film.")
    assert ("Orla Venn", "director") not in roles
    roles = _roles("The film features Orla Venn's former Glass Harbour partner Bram Tessel.")
    assert ("Orla Venn", "director") not in roles


def test_executive_producers_named_after_alongside():
    roles = _roles("Tam Ruddock executive produces alongside Jeff Orrin and Lena Katz.")
    assert {("Jeff Orrin", "executive"), ("Lena Katz", "executive")} <= roles
    assert ("Jeff Orrin", "executive") not in _roles("Tam Ruddock sat alongside Jeff Orrin at the dinner.")


def test_who_developed_the_series_is_its_creator():
    assert ("Ida Strand", "creator") in _roles("The new writers replaced Ida Strand, who developed the series.")
    assert ("Ida Strand", "creator") not in _roles("Ida Strand developed a cough before the show.")


def _characters(text: str) -> set[tuple[str, str | None]]:
    _, roles = extract_people(Document(source_id="t", body=text))
    return {(r["person_name"], r["character_name"]) for r in roles if r["role"] == "actor"}


def test_a_surname_in_parentheses_after_a_character_is_the_actor():
    text = ("Emma Collins has joined James Walker in the new thriller. The film’s synopsis reads: “Daniel Hughes "
            "(Walker), the presumed dead son of Lord Hughes, returns to the family estate.")
    assert ("James Walker", "Daniel Hughes") in _characters(text)


def test_an_actor_then_a_character_in_parentheses_keeps_the_usual_order():
    text = "The cast of the new drama is led by James Walker (Daniel Hughes) and Emma Collins (Sarah Price)."
    assert {("James Walker", "Daniel Hughes"), ("Emma Collins", "Sarah Price")} <= _characters(text)


def test_a_director_who_pulled_out_is_not_made_a_cast_member():
    text = ("The horror film was first directed by Karl Weston, and the cast includes Mira Stone. "
            "However Weston pulled out in 2002. Later Mira Stone pulled out too.")
    roles = _roles(text)
    assert ("Karl Weston", "actor") not in roles and ("Karl Weston", "director") in roles
    assert ("Mira Stone", "actor") in roles


def test_an_award_category_gives_its_nominees_their_role():
    roles = _roles("Nominees in the best actress category include Dara Wendt for Cold Lanterns.")
    assert ("Dara Wendt", "actor") in roles
    assert ("Karl Weston", "director") in _roles("Karl Weston won best director for Glass Harbour on Sunday.")
    assert ("Emma Collins", "actor") in _roles("Other nominees for best actress include Emma Collins for Cold Lanterns.")


def test_an_award_category_needs_the_work_or_the_win():
    roles = _roles("The best actress category was announced by Dara Wendt on Sunday.")
    assert ("Dara Wendt", "actor") not in roles
    roles = _roles("It won best actor for Karl Weston, who beat Paolo Fenn.")
    assert ("Paolo Fenn", "actor") not in roles


def test_an_actor_title_alone_is_no_acting_role():
    roles = _roles("Actress Dara Wendt has donated $1m to a flood charity, her agent confirmed.")
    assert ("Dara Wendt", "actor") not in roles


def test_an_actor_title_with_a_part_or_a_screen_keeps_the_role():
    assert ("Dara Wendt", "actor") in _roles("Actress Dara Wendt has landed a part in the new police drama.")
    assert ("Paolo Fenn", "actor") in _roles("The show was a hit on stage, where actor Paolo Fenn won praise.")


def test_who_acts_opposite_or_alongside_an_actor_is_an_actor():
    roles = _roles("She starred in three of the popular Harbour films, alongside fellow regulars Tom Brand and Ella Marsh.")
    assert {("Tom Brand", "actor"), ("Ella Marsh", "actor")} <= roles
    assert ("James Walker", "actor") in _roles("Her role opposite James Walker in the 1991 thriller made her name.")


def test_alongside_without_acting_is_no_cast():
    roles = _roles("He runs a sketch duo alongside creative partner James Walker.")
    assert ("James Walker", "actor") not in roles
    roles = _roles("She sat alongside James Walker at the dinner.")
    assert ("James Walker", "actor") not in roles


def test_a_festival_director_runs_the_festival():
    roles = _roles("The festival opens on Friday, festival director James Walker said.")
    assert ("James Walker", "executive") in roles and ("James Walker", "director") not in roles


def test_presenters_named_in_an_award_category_hold_an_other_role():
    roles = _roles("The show won two awards, best entertainment and best presenters for Tom Brand and Emma Collins.")
    assert {("Tom Brand", "other"), ("Emma Collins", "other")} <= roles


def test_an_age_between_the_name_and_the_credit_verbs():
    roles = _roles("The biopic opens next week. Tom Brand, 45, wrote, directed and starred in the film.")
    assert {("Tom Brand", "writer"), ("Tom Brand", "director"), ("Tom Brand", "actor")} <= roles
    roles = _roles("The biopic opens next week. Tom Brand, 45, said the film was hard to make.")
    assert not {r for r in roles if r[0] == "Tom Brand"}


def test_a_director_and_co_star_holds_both_roles():
    roles = _roles("She praised her director and co-star Tom Brand after the film's premiere.")
    assert {("Tom Brand", "director"), ("Tom Brand", "actor")} <= roles


def test_who_joins_a_reality_show_is_a_contestant():
    roles = _roles("The reality TV show has ten housemates. The line-up includes Tom Brand, Emma Collins and James Walker.")
    assert ("Tom Brand", "other") in roles and ("Tom Brand", "actor") not in roles


def test_who_joins_a_drama_cast_is_still_an_actor():
    text = "The new drama has a big cast. Tom Brand and Emma Collins joined the cast on Monday, while James Walker quit."
    roles = _roles(text)
    assert ("Tom Brand", "actor") in roles and ("Tom Brand", "other") not in roles


def test_executive_producers_named_after_produce_with():
    roles = _roles("Tam Ruddock and Lena Katz executive produce with James Walker and Emma Collins.")
    assert {("James Walker", "executive"), ("Emma Collins", "executive")} <= roles


def test_a_co_producer_named_before_the_verb():
    assert ("James Walker", "executive") in _roles("The comedy, which James Walker also co-produced, opened in May.")
    assert ("James Walker", "executive") not in _roles("The comedy, which James Walker also co-hosted, opened in May.")


def test_a_list_of_subjects_shares_the_credit_verb():
    roles = _roles("The show was made by Emma Collins, Tom Brand and James Walker, who developed the series.")
    assert {("Emma Collins", "creator"), ("Tom Brand", "creator"), ("James Walker", "creator")} <= roles
    roles = _roles("Emma Collins met Tom Brand, and James Walker directed the film.")
    assert ("James Walker", "director") in roles
    assert ("Emma Collins", "director") not in roles and ("Tom Brand", "director") not in roles


def test_an_occupation_after_an_acting_cue_is_an_actor():
    roles = _roles("The action movie, starring rapper Tom Brand, opened in May.")
    assert ("Tom Brand", "actor") in roles and ("Tom Brand", "other") not in roles
    roles = _roles("The comedy also stars Scottish comedian Emma Collins, the studio said.")
    assert ("Emma Collins", "actor") in roles and ("Emma Collins", "other") not in roles


def test_an_occupation_without_an_acting_cue_stays_other():
    roles = _roles("Pop singer Tom Brand and comedian Emma Collins are the favourites to win the contest.")
    assert ("Tom Brand", "other") in roles and ("Tom Brand", "actor") not in roles


def test_who_announces_the_awards_presents_them():
    roles = _roles("The nominations were announced by actors Tom Brand and Emma Collins in London on Tuesday.")
    assert {("Tom Brand", "other"), ("Emma Collins", "other")} <= roles
    assert ("Tom Brand", "actor") not in roles


def test_rivals_beaten_for_an_award_are_no_cast():
    roles = _roles("The play won best actor for Tom Brand, who beat his co-star Emma Collins as well as Ann Lowe and Ivy Stone.")
    assert ("Ann Lowe", "actor") not in roles and ("Ivy Stone", "actor") not in roles


def test_a_spokesperson_holds_no_role():
    roles = _roles("The network denied it. Studio spokeswoman Emma Collins said the series would go on.")
    assert not {r for r in roles if r[0] == "Emma Collins"}


def test_an_author_is_the_original_author_only_of_an_adapted_work():
    roles = _roles("Author Emma Collins won the literary prize with her book Cold Lanterns.")
    assert ("Emma Collins", "writer") in roles and ("Emma Collins", "author_original") not in roles
    roles = _roles("The film is adapted from the bestseller. Author Emma Collins visited the set.")
    assert ("Emma Collins", "author_original") in roles


def test_a_compound_credit_noun_gives_both_roles():
    roles = _roles("The comedy is an autobiographical film by writer-director Emma Collins.")
    assert {("Emma Collins", "writer"), ("Emma Collins", "director")} <= roles
    roles = _roles("The comedy is an autobiographical film by director-writer Emma Collins.")
    assert {("Emma Collins", "writer"), ("Emma Collins", "director")} <= roles
    assert ("Emma Collins", "writer") not in _roles("The comedy is a film by director Emma Collins.")


def test_a_film_made_by_someone_is_theirs_as_director():
    assert ("Emma Collins", "director") in _roles("The festival opens with the French film Cold Lanterns, made by Emma Collins.")
    assert ("Emma Collins", "director") not in _roles("The cake was made by Emma Collins for the party.")


def test_a_credit_noun_in_apposition_after_the_name():
    roles = _roles("The prize was accepted by Emma Collins, creator of The Lanterns, on Sunday.")
    assert ("Emma Collins", "creator") in roles
    roles = _roles("The plan was praised by Emma Collins, president of the National Council for Lanterns.")
    assert ("Emma Collins", "executive") not in roles
