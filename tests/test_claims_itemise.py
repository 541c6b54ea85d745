"""Claims itemised per person or credit, the context features (a named network, the sentence
before), pronouns that stand for a person, claims the writer doubts, and the general cue
vocabulary added from cross-validated error analysis (releases, plots, adaptations, renewals,
exits, running times, currency conversions, awards, production events).

Invented sentences, names and titles; hand-made person and date rows stand in for the taggers.
"""
from datetime import date

from scoop.extract.base import Document
from scoop.extract.claims import extract_claims
from scoop.extract.claims.features import SentenceContext, sentence_features


def _rows(text: str, people=(), dates=()):
    persons = []
    for name in people:
        i = text.index(name)
        persons.append({"name": name, "text": name, "char_start": i, "char_end": i + len(name), "kind": "real"})
    date_rows = []
    for surface, start, end in dates:
        i = text.index(surface)
        date_rows.append({"text": surface, "char_start": i, "char_end": i + len(surface), "timex_type": "DATE",
                          "value": None, "range_start": date.fromisoformat(start),
                          "range_end": date.fromisoformat(end)})
    doc = Document("src", text, title="Harbour Lights: what we know", published_on=date(2030, 1, 10))
    return extract_claims(doc, date_rows, persons)


def test_every_named_nominee_gets_an_award_claim():
    text = "Ines Marlow faces competition from Tomas Vell and Ruth Okafor in the best actress category."
    awards = [r for r in _rows(text, ["Ines Marlow", "Tomas Vell", "Ruth Okafor"]) if r["claim_type"] == "award"]
    assert sorted(r["person_name"] for r in awards) == ["Ines Marlow", "Ruth Okafor", "Tomas Vell"]


def test_people_in_a_sentence_without_an_award_get_no_award_claim():
    text = "Ines Marlow and Tomas Vell star in the drama."
    assert not [r for r in _rows(text, ["Ines Marlow", "Tomas Vell"]) if r["claim_type"] == "award"]


def test_a_named_network_is_a_feature_of_its_sentence():
    text = "The drama will air on BBC Two next spring."
    assert "has:platform" in sentence_features(text, SentenceContext(0, len(text), 2))
    other = "The drama will air next spring."
    assert "has:platform" not in sentence_features(other, SentenceContext(0, len(other), 2))


def _release(text: str, surface: str, start: str, end: str) -> dict:
    rows = [r for r in _rows(text, dates=[(surface, start, end)]) if r["claim_type"] == "release"]
    assert len(rows) == 1
    return rows[0]


def test_a_claim_the_writer_doubts_is_speculative_not_negated():
    doubted = _release("Harbour Lights will premiere in March 2030, but I highly doubt it.",
                       "March 2030", "2030-03-01", "2030-03-31")
    assert (doubted["certainty"], doubted["negated"], doubted["doubted"]) == ("speculative", False, True)
    unlikely = _release("Harbour Lights will premiere in March 2030, though that seems unlikely.",
                        "March 2030", "2030-03-01", "2030-03-31")
    assert (unlikely["certainty"], unlikely["doubted"]) == ("speculative", True)
    we_doubt = _release("Harbour Lights could premiere in March 2030, but we doubt that.",
                        "March 2030", "2030-03-01", "2030-03-31")
    assert (we_doubt["certainty"], we_doubt["doubted"]) == ("speculative", True)


def test_a_mere_hedge_or_a_doubt_elsewhere_is_not_doubted():
    hedged = _release("Harbour Lights might premiere in March 2030.", "March 2030", "2030-03-01", "2030-03-31")
    assert (hedged["certainty"], hedged["doubted"]) == ("speculative", False)
    # the doubt is about something else, in a sentence of its own
    rows = _rows("Harbour Lights will premiere in March 2030. A third run? I doubt it.",
                 dates=[("March 2030", "2030-03-01", "2030-03-31")])
    assert [r["doubted"] for r in rows if r["claim_type"] == "release"] == [False]
    # a denial is negated, not doubted
    denied = _release("Harbour Lights will not premiere in March 2030.", "March 2030", "2030-03-01", "2030-03-31")
    assert denied["doubted"] is False


def test_no_doubt_and_a_later_unrelated_clause_leave_the_claim_as_it_was():
    planned = _release("Harbour Lights will premiere in March 2030, and the studio is pleased.",
                       "March 2030", "2030-03-01", "2030-03-31")
    assert (planned["certainty"], planned["doubted"]) == ("expected", False)
    sure = _release("Harbour Lights will premiere in March 2030, no doubt about it.",
                    "March 2030", "2030-03-01", "2030-03-31")
    assert (sure["certainty"], sure["doubted"]) == ("expected", False)


def _cast(text: str, people) -> list[tuple]:
    return sorted((r["person_name"], text[r["char_start"]:r["char_end"]][:12])
                  for r in _rows(text, people) if r["claim_type"] == "cast")


def test_she_stands_for_the_person_last_named():
    text = "Mira Castell has joined Tidewater. She plays a lighthouse keeper in the drama."
    assert ("Mira Castell", "She plays a ") in _cast(text, ["Mira Castell"])


def test_a_pronoun_far_from_any_name_or_beside_the_name_adds_no_one():
    far = ("Mira Castell has joined Tidewater. The town is cold. The sea is grey. The sky is low. "
           "She plays a lighthouse keeper in the drama.")
    assert [p for p, _ in _cast(far, ["Mira Castell"])] == ["Mira Castell"]       # the first sentence only
    named = "Mira Castell has joined Tidewater, and she plays a lighthouse keeper."
    assert [p for p, _ in _cast(named, ["Mira Castell"])] == ["Mira Castell"]
    nobody = "The town is cold. She plays a lighthouse keeper in the drama."
    assert _cast(nobody, []) == []


def test_the_sentence_before_is_a_feature():
    text = "She plays a lighthouse keeper."
    after_cast = sentence_features(text, SentenceContext(0, len(text), 3, previous=["cast", "cast"]))
    assert "prev:cast" in after_cast
    assert not [f for f in sentence_features(text, SentenceContext(0, len(text), 3)) if f.startswith("prev:")]


def _release_values(text: str, year: str) -> list[str]:
    rows = _rows(text, dates=[(year, f"{year}-01-01", f"{year}-12-31")])
    return [r["value_text"] for r in rows if r["claim_type"] == "release"]


def test_a_year_worn_by_a_work_is_its_release():
    assert _release_values("She first drew notice in 2011's Quiet Harbour.", "2011") == ["2011"]
    assert _release_values("It remakes the 1984 horror classic Night Fen.", "1984") == ["1984"]
    assert _release_values("He also produced Lantern (2019) for the studio.", "2019") == ["2019"]


def test_a_year_that_is_not_a_works_does_not_make_a_release():
    assert _release_values("In 2019 she moved to Lisbon with her family.", "2019") == []
    assert _release_values("The 2031 budget for the festival was cut.", "2031") == []


def _types(text: str, people=()) -> set[str]:
    return {r["claim_type"] for r in _rows(text, people)}


def test_who_a_character_is_and_what_a_work_depicts_are_plot():
    assert "plot" in _types("Oren Lask plays a retired lighthouse keeper in the drama.", ["Oren Lask"])
    assert "plot" in _types("The film depicts a village cut off by the winter floods.")


def test_playing_a_part_is_no_plot():
    assert "plot" not in _types("Oren Lask plays a supporting role in the drama.", ["Oren Lask"])
    assert "plot" not in _types("Oren Lask plays the lead in the drama.", ["Oren Lask"])


def test_source_material_nouns_alone_are_adaptation():
    assert "adaptation" in _types("Her Saltmarsh adaptation has crossed the mark abroad.")
    assert "adaptation" in _types("The studio bought the film rights to the memoir.")
    assert "adaptation" in _types("A spinoff of the quiz show is in the works.")
    assert "adaptation" not in _types("The quiz show returns to the schedule in May.")


def test_development_shelving_and_more_seasons_are_renewal_claims():
    assert "renewal" in _types("A drama based on the memoir is in development at the studio.")
    assert "renewal" in _types("The studio has shelved the thriller.")
    assert "renewal" in _types("Two pilots from the batch did not go forward.")
    assert "renewal" in _types("The spin-off is not expected to return for a second season.")
    assert "renewal" not in _types("The festival will go ahead in June as planned.")


def _exits(text: str, people) -> list[str]:
    return sorted(r["person_name"] for r in _rows(text, people) if r["claim_type"] == "cast_exit")


def test_who_leaves_after_an_exit_noun_or_a_replacement():
    assert _exits("Ana Voss's exit surprised the crew of Tidewater.", ["Ana Voss"]) == ["Ana Voss"]
    assert _exits("Lior Ben took over, stepping in for Ana Voss.", ["Lior Ben", "Ana Voss"]) == ["Ana Voss"]
    assert _exits("Lior Ben is a replacement for Ana Voss in the play.", ["Lior Ben", "Ana Voss"]) == ["Ana Voss"]
    assert _exits("Ana Voss stars in the play with Lior Ben.", ["Ana Voss", "Lior Ben"]) == []


def test_a_model_cue_with_no_words_has_no_empty_value():
    rows = _rows("Ines Marlow faces competition from Tomas Vell and Ruth Okafor in the best actress category.",
                 ["Ines Marlow", "Tomas Vell", "Ruth Okafor"])
    assert all(r["value_text"] != "" for r in rows)


def test_a_running_time_worn_by_a_programme_is_an_episodes_claim():
    assert "episodes" in _types("The network will air a 90-minute special on the flood.")
    assert "episodes" in _types("It is an hour-long documentary about the harbour.")
    assert "episodes" in _types("The story is told in three parts.")
    assert "episodes" not in _types("The cast met for an hour before the read.")


def test_a_figure_converted_in_brackets_is_one_box_office_claim():
    rows = [r for r in _rows("Harbour Lights grossed $30m (£16m) in its opening weekend.")
            if r["claim_type"] == "box_office"]
    assert [(r["value_number"], r["value_unit"]) for r in rows] == [(30e6, "usd")]
    two = [r for r in _rows("Harbour Lights grossed $30m in the US and £16m in the UK.")
           if r["claim_type"] == "box_office"]
    assert sorted(r["value_unit"] for r in two) == ["gbp", "usd"]


def test_minutes_by_the_million_are_viewing_time_not_a_running_time():
    rows = _rows("Harbour Lights topped the streaming chart with 467 million minutes in its first week.")
    assert [(r["claim_type"], r["value_number"]) for r in rows if r["value_unit"] == "minutes"] == [
        ("viewership", 467e6)]
    short = _rows("Harbour Lights has a runtime of 50 minutes.")
    assert [r["claim_type"] for r in short if r["value_unit"] == "minutes"] == ["episodes"]


def test_a_past_credit_in_brackets_is_a_cast_claim_about_that_work():
    text = "Ana Voss has joined Lior Ben ( Night Fen ) in the drama."
    cast = [(r["person_name"], r["subject"]) for r in _rows(text, ["Ana Voss", "Lior Ben"])
            if r["claim_type"] == "cast"]
    assert ("Lior Ben", "Night Fen") in cast and len(cast) == 3


def test_a_network_a_year_or_a_character_in_brackets_is_no_credit():
    for aside in ("( Netflix )", "(2019)"):
        text = f"Ana Voss has joined Lior Ben {aside} in the drama."
        assert len([r for r in _rows(text, ["Ana Voss", "Lior Ben"]) if r["claim_type"] == "cast"]) == 2


def test_winners_honours_and_a_winners_list_line_are_award_claims():
    assert "award" in _types("Ana Voss was crowned the first winner of the contest.", ["Ana Voss"])
    assert "award" in _types("Ana Voss was inducted into the hall of fame in 2001.", ["Ana Voss"])
    assert "award" in _types("Best lighting design - Night Fen at the Lyric")
    assert "award" not in _types("The cast rehearsed at the Lyric all week.")


def test_the_making_under_way_is_a_production_event():
    assert "production_event" in _types("Ana Voss is in production on Night Fen at the studio.", ["Ana Voss"])
    assert "production_event" in _types("Most of the drama was shot in Lisbon and Porto.")
    assert "production_event" in _types("Ana Voss has been developing the series since 2019.", ["Ana Voss"])
    assert "production_event" not in _types("Ana Voss shot to fame in a soap.", ["Ana Voss"])


def test_a_chart_place_beside_the_takings_is_a_box_office_claim_of_its_own():
    rows = [r for r in _rows("Night Fen came third with $7.6m at the weekend box office.")
            if r["claim_type"] == "box_office"]
    assert sorted(r["value_text"] for r in rows) == ["$7.6m", "came third"]
    assert [(r["value_number"], r["value_unit"]) for r in rows if r["value_text"] == "came third"] == [(3, "rank")]
    alone = [r for r in _rows("Night Fen came third in the race for the prize.") if r["claim_type"] == "box_office"]
    assert alone == []


def test_each_title_of_a_bracketed_credit_list_is_a_claim_of_the_persons_type():
    text = "The team includes producer Ana Voss ( Night Fen , Low Tide ) and more."
    crew = sorted(r["subject"] for r in _rows(text, ["Ana Voss"]) if r["claim_type"] == "crew")
    assert "Low Tide" in crew and "Night Fen" in crew
    one = "Ana Voss has joined Lior Ben ( Pride and Fury ) in the drama."
    assert ("Lior Ben", "Pride and Fury") in [(r["person_name"], r["subject"]) for r in _rows(one, ["Ana Voss", "Lior Ben"])
                                              if r["claim_type"] == "cast"]


def test_stars_as_a_plural_noun_is_no_cast_cue():
    text = "Film stars including Ana Voss and Lior Ben are expected at the gala."
    assert "cast" not in _types(text, ["Ana Voss", "Lior Ben"])
    assert "cast" in _types("The thriller stars Ana Voss and Lior Ben.", ["Ana Voss", "Lior Ben"])


def test_a_festival_or_company_director_is_no_crew_credit():
    assert "crew" not in _types("Festival director Ana Voss said the lineup was strong.", ["Ana Voss"])
    assert "crew" in _types("The drama is directed by Ana Voss.", ["Ana Voss"])


def test_what_a_work_is_about_or_looks_at_is_plot():
    assert "plot" in _types("Night Fen, about a ferryman who loses his boat, won the prize.")
    assert "plot" in _types("The documentary takes a candid look at the life of a chef.")
    assert "plot" in _types("The film follows three sisters through a hard winter.")
    assert "plot" not in _types("Critics talked about the ending for days.")


def test_guests_on_a_programme_are_in_its_cast():
    assert "cast" in _types("The special features guests Ana Voss and Lior Ben.", ["Ana Voss", "Lior Ben"])
    assert "cast" not in _types("Ana Voss thanked her family.", ["Ana Voss"])


def test_where_a_work_airs_is_a_platform_claim():
    assert "platform" in _types("The comedy returned to ABC after a long break.")
    assert "platform" not in _types("The comedy returned after a long break.")


def test_each_title_with_its_year_is_a_credit_of_the_one_person_credited():
    text = "The film is produced by Ana Voss, who also produced Low Tide (2009) and Salt Road (2017)."
    subjects = sorted(r["subject"] for r in _rows(text, ["Ana Voss"]) if r["claim_type"] == "crew")
    assert "Low Tide" in subjects and "Salt Road" in subjects
    two = "Ana Voss and Lior Ben star in the drama, a remake of Low Tide (2009)."
    cast = [r for r in _rows(two, ["Ana Voss", "Lior Ben"]) if r["claim_type"] == "cast"]
    assert len(cast) == 2          # two people credited: the year's title is not given to either


def test_showrunners_developers_and_hyphen_credits_are_crew():
    assert "crew" in _types("Ana Voss and Lior Ben will remain as showrunners.", ["Ana Voss", "Lior Ben"])
    assert "crew" in _types("Ana Voss, who developed the series, is writing a novel now.", ["Ana Voss"])
    assert "crew" in _types("The Ana Voss-produced drama drew a crowd.", ["Ana Voss"])
    assert "crew" in _types("Ana Voss has made more than 20 films.", ["Ana Voss"])
    assert "crew" not in _types("Ana Voss has made a donation to the charity.", ["Ana Voss"])


def test_already_and_just_stand_between_who_leaves_and_the_exit():
    assert _exits("Ana Voss has already left the production.", ["Ana Voss"]) == ["Ana Voss"]
    assert _exits("Ana Voss has just quit the show.", ["Ana Voss"]) == ["Ana Voss"]


def test_a_release_noun_that_names_one_release_asserts_it():
    assert "release" in _types("Night Fen took $3m in its debut weekend at the cinemas.")
    assert "release" in _types("Guests attended the world premiere of Night Fen in Lisbon.")
    assert "release" not in _types("Fans want progress on the script or a release.")


def test_a_screening_of_a_work_is_a_release():
    rows = _rows("The festival opened with a screening of Night Fen on 3 May.",
                 dates=[("3 May", "2030-05-03", "2030-05-03")])
    assert [r["value_text"] for r in rows if r["claim_type"] == "release"] == ["3 May"]
    assert "release" not in _types("The screening room was cold.")
