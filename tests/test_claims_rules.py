"""Claim typing, values, certainty, attribution and negation, sentence by sentence.

Hand-made date and person rows stand in for the dates tagger and the people
extractor, so these tests depend on neither. Titles, names and outlets are
invented.
"""
import re
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, strategies as st

from scoop.extract.claims import type_cues as rules
from scoop.extract.base import Document
from scoop.extract.claims import CLAIMS_SCHEMA, ClaimsExtractor, extract_claims
from scoop.extract.segment import sentences

TITLE = "The Midnight Archive Season 3: What We Know"
PUBLISHED = date(2025, 8, 1)


def run(text: str, dates=(), people=(), title: str = TITLE, published: date | None = PUBLISHED):
    """Claims for one text.

    dates: (surface, range_start, range_end) or (surface, range_start, range_end, timex value);
    people: (name, kind). Each surface is looked up in order of appearance.
    """
    date_rows = []
    for surface, start, end, *value in dates:
        i = text.index(surface)
        date_rows.append({"text": surface, "char_start": i, "char_end": i + len(surface),
                          "timex_type": "DURATION" if value and value[0].startswith("P") and "_" not in value[0] else "DATE",
                          "value": value[0] if value else None,
                          "range_start": date.fromisoformat(start) if start else None,
                          "range_end": date.fromisoformat(end) if end else None})
    person_rows = []
    for name, kind in people:
        i = text.index(name)
        person_rows.append({"name": name, "text": name, "char_start": i, "char_end": i + len(name),
                            "kind": kind})
    doc = Document("src", text, title=title, published_on=published)
    return extract_claims(doc, date_rows, person_rows)


def types(rows) -> list[str]:
    return sorted(r["claim_type"] for r in rows)


def of_type(rows, claim_type: str) -> list[dict]:
    return [r for r in rows if r["claim_type"] == claim_type]


Y2026 = ("2026", "2026-01-01", "2026-12-31")
LATE_2026 = ("late 2026", "2026-09-01", "2026-12-31")

# ------------------------------------------------------------------ types
@pytest.mark.parametrize("sentence, dates, people, expected", [
    ("The Midnight Archive Season 3 has officially begun production.", (), (), ["production_start"]),
    ("Filming was originally eyed for 2025, but the studio hit pause.",
     [("2025", "2025-01-01", "2025-12-31")], (), ["delay", "production_start"]),
    ("Filming on the show wrapped in Busan last week.", (), (), ["production_wrap"]),
    ("Filming for The Midnight Archive Season 3 is expected to wrap up by mid-February 2026.",
     [("mid-February 2026", "2026-02-11", "2026-02-20")], (), ["production_wrap"]),
    ("The cast gathered for a table read at the studio.", (), (), ["production_event"]),
    ("Streamflix renewed The Midnight Archive for a third season.", (), (), ["renewal"]),
    ("The release was pushed back due to the writers' strike.", (), (), ["delay"]),
    ("Season 2 racked up 300 million viewing hours.", (), (), ["viewership"]),
    ("The finale drew 4.2 million viewers on Sunday.", (), (), ["viewership"]),
    ("The show was beaten in the ratings by a rival quiz.", (), (), ["viewership"]),
    ("The film grossed $40.8m in its opening weekend.", (), (), ["box_office"]),
    ("The series was nominated for three Emmy awards.", (), (), ["award"]),
    ("The new season will have 8 episodes.", (), (), ["episodes"]),
    ("Season 1 is available to stream on Netflix.", (), (), ["platform"]),
    ("The series is adapted from the webtoon of the same name.", (), (), ["adaptation"]),
    ("The story follows a librarian who finds a hidden archive.", (), (), ["plot"]),
    ("The season is set to premiere in late 2026.", [LATE_2026], (), ["release"]),
    ("Season 3 may arrive sooner than expected.", (), (), ["release"]),
    ("Kim Ha-neul has signed on to star in the new season.", (), [("Kim Ha-neul", "real")], ["cast"]),
    ("Park Do-yun exited the project due to scheduling conflicts.", (), [("Park Do-yun", "real")],
     ["cast_exit"]),
    ("The series is directed by Lee Joon-ho.", (), [("Lee Joon-ho", "real")], ["crew"]),
    ("Ana Ruiz and Tom Vale are confirmed to return.", (), [("Ana Ruiz", "real"), ("Tom Vale", "real")],
     ["cast", "cast"]),
    ("Tom Vale is returning for the new season.", (), [("Tom Vale", "real")], ["cast"]),
])
def test_claim_types(sentence, dates, people, expected):
    assert types(run(sentence, dates, people)) == expected


@pytest.mark.parametrize("sentence, dates, people", [
    # fan reactions, tweets, opinions, the site's chatter
    ("“I can't wait for this show,” one fan wrote on X.", (), ()),
    ("Fans took to social media to express their excitement.", (), ()),
    ("@archivefan99 this is the best show ever", (), ()),
    ("Honestly, it is one of the most gripping dramas I have watched.", (), ()),
    ("I think the second season will be even better.", (), ()),
    ("Stay tuned for more updates!", (), ()),
    ("Let’s dig into when it’ll drop and what twists the story might take.", (), ()),
    ("The delay hasn’t gone unnoticed by fans, many of whom expressed their frustration.", (), ()),
    ("So, it's unclear whether the auditions were for lead roles or extras.", (), ()),
    # a heading that names a topic, a release noun without a date or a verb
    ("The Midnight Archive Season 3 Release Date: What To Expect", (), ()),
    ("The Midnight Archive Season 3 Expected Release Date", (), ()),
    # a release verb in a time clause asserts no release
    ("Fans can watch every episode once released.", (), ()),
    # a person set free is no release
    ("She was later released without charge in 2025.", [("2025", "2025-01-01", "2025-12-31")], ()),
    # "viewers" without a figure is no audience number
    ("The first season still has an impact on viewers’ minds.", (), ()),
    # "Air Force" is not "air"
    ("He is finishing his Air Force service until mid-2026.",
     [("mid-2026", "2026-05-01", "2026-08-31")], ()),
    # a question with only "now" in it
    ("Shouldn't the season be out by now?", [("now", "2025-08-01", "2025-08-01", "PRESENT_REF")], ()),
    # "actors" as a profession mid-sentence is no casting
    ("Other ambassadors include actors Kim Ha-neul and Park Do-yun.", (),
     [("Kim Ha-neul", "real"), ("Park Do-yun", "real")]),
])
def test_not_claims(sentence, dates, people):
    assert run(sentence, dates, people) == []


# ------------------------------------------------------------------ values
def test_one_sentence_two_dated_claims():
    text = "Principal photography began July 2, 2025, with a release eyed for late 2026."
    rows = run(text, dates=[("July 2, 2025", "2025-07-02", "2025-07-02"), LATE_2026])
    by_type = {r["claim_type"]: r for r in rows}
    assert set(by_type) == {"production_start", "release"}
    assert by_type["production_start"]["value_start"] == date(2025, 7, 2)
    assert by_type["production_start"]["certainty"] == "reported"
    assert by_type["release"]["value_text"] == "late 2026"
    assert (by_type["release"]["value_start"], by_type["release"]["value_end"]) == (date(2026, 9, 1),
                                                                                  date(2026, 12, 31))
    assert by_type["release"]["certainty"] == "expected"
    assert all(r["subject"] == "The Midnight Archive Season 3" for r in rows)
    assert all((r["char_start"], r["char_end"]) == (0, len(text)) for r in rows)


@pytest.mark.parametrize("sentence, dates, claim_type, values", [
    # a reference ("now") values a claim only when no calendar date is there
    ("Production is now underway after kicking off in July 2025.",
     [("now", "2025-08-01", "2025-08-01", "PRESENT_REF"), ("July 2025", "2025-07-01", "2025-07-31")],
     "production_start", ["July 2025"]),
    ("With production only kicking off now, the wait goes on.",
     [("now", "2025-08-01", "2025-08-01", "PRESENT_REF")], "production_start", ["now"]),
    # a duration is never a date value
    ("The show has been in production for several months.",
     [("several months", None, None, "PXM")], "production_start", [None]),
    # when something was said is not the value
    ("One late-November rumor floated a 2027 slip.",
     [("late-November", "2025-11-21", "2025-11-30"), ("2027", "2027-01-01", "2027-12-31")],
     "delay", ["2027"]),
    ("The streamer announced the premiere date on Monday.",
     [("Monday", "2025-07-28", "2025-07-28")], "release", [None]),
    # two dates joined by "to" are one value
    ("Delays pushed filming from 2024 to 2025.",
     [("2024", "2024-01-01", "2024-12-31"), ("2025", "2025-01-01", "2025-12-31")], "delay",
     ["2024 to 2025"]),
    # the date in the cue's own clause, not the one in the clause before
    ("After a global hit in 2022, the series is back, with cameras rolling as of July 2025.",
     [("2022", "2022-01-01", "2022-12-31"), ("July 2025", "2025-07-01", "2025-07-31")],
     "production_start", ["July 2025"]),
])
def test_date_values(sentence, dates, claim_type, values):
    rows = of_type(run(sentence, dates), claim_type)
    assert sorted(r["value_text"] or "" for r in rows) == sorted(v or "" for v in values)


@pytest.mark.parametrize("sentence, claim_type, number, unit", [
    ("Season 1 racked up 560 million viewing hours in a month.", "viewership", 560e6, "viewing_hours"),
    ("It drew over 474.26 million hours of viewing within 30 days.", "viewership", 474.26e6, "viewing_hours"),
    ("The sequel grossed $40.8m worldwide.", "box_office", 40.8e6, "usd"),
    ("A £3m opening weekend topped the chart.", "box_office", 3e6, "gbp"),
    ("The second season will have 10 episodes.", "episodes", 10, "episodes"),
    ("After three long years of delays, filming began.", "delay", 3, "years"),
])
def test_quantity_values(sentence, claim_type, number, unit):
    rows = [r for r in of_type(run(sentence), claim_type) if r["value_unit"] != "rank"]   # (a chart place
    assert [(r["value_number"], r["value_unit"]) for r in rows] == [(pytest.approx(number), unit)]  # is its own)


def test_episode_count_and_runtime():
    rows = run("Expect another 10 episodes, around an hour each.")
    values = sorted((r["value_number"], r["value_unit"]) for r in rows if r["claim_type"] == "episodes")
    assert values == [(10.0, "episodes"), (60.0, "minutes")]


def test_a_release_noun_without_date_or_verb_is_no_release_claim():
    rows = run("None of the updates have led to progress in production or a release.")
    assert types(rows) == ["delay"]


def test_delay_to_a_date_also_dates_the_release():
    rows = run("One rumor floated a 2027 slip due to extra polish.", [("2027", "2027-01-01", "2027-12-31")])
    assert types(rows) == ["delay", "release"]
    release = of_type(rows, "release")[0]
    assert release["value_start"] == date(2027, 1, 1) and release["certainty"] == "rumor"
    # a delay in production says nothing about the release date
    rows = run("Filming was delayed until 2026.", [Y2026])
    assert types(rows) == ["delay"]


# ------------------------------------------------------------------ certainty
@pytest.mark.parametrize("sentence, dates, certainty", [
    ("Streamflix has officially confirmed the release for 2026.", [Y2026], "official"),
    ("The streamer announced the premiere date on Monday.", (), "official"),
    ("The show is set to premiere in 2026.", [Y2026], "expected"),
    ("The season is scheduled to debut in March 2026.", [("March 2026", "2026-03-01", "2026-03-31")],
     "expected"),
    ("With a 2026 release, what twists await?", [Y2026], "expected"),       # a future date stated flatly
    ("The season may be released in December 2026.", [("December 2026", "2026-12-01", "2026-12-31")],
     "speculative"),
    ("Filming began in May.", [("May", "2025-05-01", "2025-05-31")], "reported"),   # the month
    ("Our best guess is a release sometime in 2026.", [Y2026], "speculative"),
    ("Rumors point to a release in 2026.", [Y2026], "rumor"),
    ("Whispers suggest a 2026 premiere.", [Y2026], "rumor"),
    ("The show reportedly began filming in Busan.", (), "reported"),
    ("The latest reports suggest the show is in the final stages of filming.", (), "reported"),
    ("This indicates that the production is completing its final sequences.", (), "speculative"),
    ("Season 1 premiered in 2021.", [("2021", "2021-01-01", "2021-12-31")], "reported"),
    ("Fans can expect the new episodes to stream exclusively on Netflix.", (), "expected"),
])
def test_certainty_cues(sentence, dates, certainty):
    rows = run(sentence, dates)
    assert rows, sentence
    assert rows[0]["certainty"] == certainty


def test_hedge_right_before_a_value_and_framing_cues():
    text = "No exact release date yet – but whispers point to sometime in 2026, likely the second half."
    rows = of_type(run(text, [("sometime in 2026", "2026-01-01", "2026-12-31"),
                              ("the second half", "2026-07-01", "2026-12-31")]), "release")
    got = sorted((r["value_text"] or "", r["certainty"], r["negated"]) for r in rows)
    assert got == [("", "official", True), ("sometime in 2026", "rumor", False),
                   ("the second half", "speculative", False)]
    # a fronted "According to X," frames the clause after it; a modal does not
    rows = run("According to Screen Daily, filming began in May.", [("May", "2025-05-01", "2025-05-31")])
    assert rows[0]["certainty"] == "reported"
    rows = run("The show, which may return, began filming in May.", [("May", "2025-05-01", "2025-05-31")])
    assert of_type(rows, "production_start")[0]["certainty"] == "reported"


def test_relative_clause_and_brackets_keep_their_own_certainty():
    text = ("There is speculation that actor Kim Ha-neul, who plays Yoon Mi-rae, may have finished "
            "her portion of filming.")
    rows = run(text, people=[("Kim Ha-neul", "real"), ("Yoon Mi-rae", "fictional")])
    assert of_type(rows, "cast")[0]["certainty"] == "reported"
    assert of_type(rows, "production_wrap")[0]["certainty"] == "speculative"
    rows = run("The core cast is back and mostly intact, older and (hopefully) wiser.")
    assert of_type(rows, "cast")[0]["certainty"] == "reported"


@pytest.mark.parametrize("sentence, dates, negated, certainty", [
    ("Streamflix has yet to confirm the final release date.", (), True, "official"),
    ("No exact release date yet for the new season.", (), True, "official"),
    ("A release date has yet to be set for the new season.", (), True, "official"),
    ("Streamflix did not include the show in its 2026 release lineup.", [Y2026], True, "official"),
    ("The show premiered in 2021.", [("2021", "2021-01-01", "2021-12-31")], False, "reported"),
    # a negation inside a trailing condition does not negate the claim
    ("It should premiere in 2026 if post-production doesn't drag.", [Y2026], False, "speculative"),
])
def test_negation(sentence, dates, negated, certainty):
    rows = of_type(run(sentence, dates), "release")
    assert rows and rows[0]["negated"] is negated and rows[0]["certainty"] == certainty


def test_negated_and_hedged_release_in_one_sentence_are_two_claims():
    text = ("Although Streamflix hasn't officially announced a date yet, several reports suggest "
            "that the season might be released sooner than anticipated.")
    rows = of_type(run(text), "release")
    assert sorted((r["negated"], r["certainty"]) for r in rows) == [(False, "speculative"), (True, "official")]
    assert len({r["claim_id"] for r in rows}) == 2


# ------------------------------------------------------------------ attribution
@pytest.mark.parametrize("sentence, dates, who", [
    ("According to a report by Screen Daily, filming is expected to wrap by March.",
     [("March", "2026-03-01", "2026-03-31")], "Screen Daily"),
    ("Star Tribune Weekly reported that production began in May.", [("May", "2025-05-01", "2025-05-31")],
     "Star Tribune Weekly"),
    ("Director Lee Joon-ho teased that the season will premiere next year.",
     [("next year", "2026-01-01", "2026-12-31")], "director Lee Joon-ho"),
    ("The season will premiere in 2026, per Variety Korea.", [Y2026], "Variety Korea"),
    ("Creator Park Do-yun said the story picks up years later.", (), "creator Park Do-yun"),
])
def test_attribution(sentence, dates, who):
    rows = run(sentence, dates)
    assert rows and rows[0]["attributed_to"] == who


def test_attribution_follows_the_outlet_and_skips_image_credits():
    text = ("According to Naver, Star Daily had reported that production was delayed until 2025. "
            "The news outlet stated that the reason for the delay was a better production environment. "
            "A still from season 1 (Image via Streamflix Media)Now, the second season picks up after that event.")
    rows = run(text, [("2025", "2025-01-01", "2025-12-31")])
    delays = of_type(rows, "delay")
    assert [r["attributed_to"] for r in delays] == ["Star Daily", "Star Daily"]
    assert of_type(rows, "plot")[0]["attributed_to"] is None


def test_a_speaker_is_not_credited_for_their_own_role():
    text = "Director Lee Joon-ho teases “more powerful monsters” and a story that leaves the school behind."
    rows = run(text, people=[("Lee Joon-ho", "real")])
    crew = of_type(rows, "crew")[0]
    assert crew["person_name"] == "Lee Joon-ho" and crew["attributed_to"] is None
    assert crew["certainty"] == "reported"
    plot = of_type(rows, "plot")[0]
    assert plot["attributed_to"] == "director Lee Joon-ho" and plot["certainty"] == "official"


def test_a_quote_over_several_sentences_is_credited_where_it_closes():
    text = ("“After surviving the outbreak, Yoon Mi-rae is now a student in Seoul. But when a new wave "
            "hits, she is trapped in another fight for survival,” the official synopsis reads.")
    rows = of_type(run(text, people=[("Yoon Mi-rae", "fictional")]), "plot")
    assert len(rows) == 2
    assert all(r["attributed_to"] == "official synopsis" and r["certainty"] == "official" for r in rows)


# ------------------------------------------------------------------ people
def test_cast_list_gives_one_claim_per_person():
    text = "New cast members joining Season 3 include Kim Ha-neul, Park Do-yun, and Choi Seo-ah."
    rows = run(text, people=[("Kim Ha-neul", "real"), ("Park Do-yun", "real"), ("Choi Seo-ah", "real")])
    assert types(rows) == ["cast"] * 3
    assert {r["person_name"] for r in rows} == {"Kim Ha-neul", "Park Do-yun", "Choi Seo-ah"}
    assert len({r["claim_id"] for r in rows}) == 3


def test_a_cast_list_continues_into_the_next_sentence():
    text = ("Streamflix has confirmed that several main cast members will return. "
            "These include Kim Ha-neul and Park Do-yun.")
    rows = run(text, people=[("Kim Ha-neul", "real"), ("Park Do-yun", "real")])
    named = [r for r in of_type(rows, "cast") if r["person_name"]]
    assert {r["person_name"] for r in named} == {"Kim Ha-neul", "Park Do-yun"}
    assert {r["certainty"] for r in named} == {"official"}


def test_actor_character_pairs_and_crew():
    text = "Kim Ha-neul reprises her role as Yoon Mi-rae, while director Lee Joon-ho helms the season."
    rows = run(text, people=[("Kim Ha-neul", "real"), ("Yoon Mi-rae", "fictional"), ("Lee Joon-ho", "real")])
    by_type = {r["claim_type"]: r for r in rows}
    assert by_type["cast"]["person_name"] == "Kim Ha-neul"
    assert by_type["cast"]["value_text"] == "Yoon Mi-rae"
    assert by_type["crew"]["person_name"] == "Lee Joon-ho"


@pytest.mark.parametrize("sentence, people, leaving", [
    ("Park Do-yun (Eun-ji) and Choi Seo-ah bowed out over scheduling snarls, and Kim Ha-neul "
     "is finishing her military service.",
     [("Park Do-yun", "real"), ("Eun-ji", "fictional"), ("Choi Seo-ah", "real"), ("Kim Ha-neul", "real")],
     {"Park Do-yun", "Choi Seo-ah"}),
    ("Park Do-yun, who was initially expected to join the show, exited the project.",
     [("Park Do-yun", "real")], {"Park Do-yun"}),
    ("The departure of actor Choi Seo-ah was confirmed last week.", [("Choi Seo-ah", "real")],
     {"Choi Seo-ah"}),
    ("Kim Ha-neul, who quit the band in March, topped the chart.", [("Kim Ha-neul", "real")],
     {"Kim Ha-neul"}),
    # a list of newcomers with an aside about someone who left is not an exit of the newcomers
    ("A wave of fresh blood: Kim Ha-neul (from “Harbor Lights”), Park Do-yun (wait, no – that’s the one "
     "who dipped; mix-up avoided) and Choi Seo-ah join the fray.",
     [("Kim Ha-neul", "real"), ("Park Do-yun", "real"), ("Choi Seo-ah", "real")], set()),
])
def test_cast_exit_takes_only_who_leaves(sentence, people, leaving):
    rows = run(sentence, people=people)
    assert {r["person_name"] for r in of_type(rows, "cast_exit")} == leaving
    assert all(r["subject"] == "The Midnight Archive Season 3" for r in rows if r["person_name"])


# ------------------------------------------------------------------ subjects
def test_first_season_subject():
    rows = run("The first season premiered in 2021.", dates=[("2021", "2021-01-01", "2021-12-31")])
    assert rows[0]["subject"] == "The Midnight Archive Season 1"


def test_past_release_and_past_figures_are_about_the_earlier_season():
    title = "The Midnight Archive Season 2 Begins Filming"
    rows = run("After a hit run, The Midnight Archive was released in January 2022.",
               [("January 2022", "2022-01-01", "2022-01-31")], title=title)
    assert of_type(rows, "release")[0]["subject"] == "The Midnight Archive Season 1"
    rows = run("Once all 12 episodes were released, the series racked up 474 million hours of viewing.",
               title=title)
    assert {r["subject"] for r in rows} == {"The Midnight Archive Season 1"}
    # the upcoming season's own window stays on it
    rows = run("The Midnight Archive will premiere in late 2026.", [LATE_2026], title=title)
    assert of_type(rows, "release")[0]["subject"] == "The Midnight Archive Season 2"
    # "cast members from Season 1 will return" is about the new season
    rows = run("The main cast members from Season 1 will return.", title=title)
    assert rows[0]["subject"] == "The Midnight Archive Season 2"


def test_creators_and_source_material_belong_to_the_whole_show():
    text = "Created by Lee Joon-ho, The Midnight Archive is adapted from the webtoon of the same name."
    rows = run(text, people=[("Lee Joon-ho", "real")])
    assert {r["subject"] for r in rows} == {"The Midnight Archive"}


# ------------------------------------------------------------------ rules table
def test_type_rule_triggers_cover_every_match():
    """A rule's triggers are a fast pre-filter: every match must contain one."""
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((root / "raw").glob("*.txt"))]
    corpus = root / ".." / "shared" / "corpus" / "bbc-entertainment"
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.glob("*.txt"))[:150]]
    texts.append(" ".join(str(p) for p in test_claim_types.pytestmark[0].args[1]))
    for text in texts:
        for s, e in sentences(text):
            for rule in rules.TYPE_RULES:
                if rule.triggers is None:
                    continue
                for m in rule.pattern.finditer(text[s:e]):
                    assert any(t in m.group().lower() for t in rule.triggers), (rule.claim_type, m.group())


@given(st.lists(st.sampled_from([t for r in rules.TYPE_RULES for t in r.triggers or ()] + ["x", " ", "é", "."]),
                max_size=6).map("".join))
def test_a_rule_s_trigger_scan_finds_exactly_the_sentences_with_a_trigger(text):
    for rule in rules.TYPE_RULES:
        if rule.triggers is not None:
            assert bool(rule.trigger_re.search(text)) == any(t in text for t in rule.triggers), rule.claim_type


def test_extractor_frames():
    text = "Kim Ha-neul joins the cast. The show premieres in 2026."
    docs = [Document("a", text, title=TITLE), Document("b", "Nothing to see here.")]
    i = text.index("2026")
    context = {
        "dates": pl.DataFrame({"source_id": ["a"], "text": ["2026"], "char_start": [i], "char_end": [i + 4],
                               "range_start": [date(2026, 1, 1)], "range_end": [date(2026, 12, 31)]}),
        "mentions": pl.DataFrame({"source_id": ["a"], "name": ["Kim Ha-neul"], "text": ["Kim Ha-neul"],
                                  "char_start": [0], "char_end": [11], "kind": ["real"]}),
    }
    ex = ClaimsExtractor()
    assert ex.name == "claims" and ex.tables == ("claims", "roles") and re.fullmatch(r"\d+\.\d+\.\d+\+\w+", ex.version)
    frame = ex.extract(docs, context)["claims"]
    assert dict(frame.schema) == CLAIMS_SCHEMA
    assert set(frame["claim_type"]) == {"cast", "release"}
    assert frame.filter(pl.col("claim_type") == "release")["value_start"][0] == date(2026, 1, 1)
    # no context at all still works; an empty batch gives the empty schema
    assert ex.extract(docs, {})["claims"].height >= 1
    empty = ex.extract([docs[1]], {})["claims"]
    assert empty.height == 0 and dict(empty.schema) == CLAIMS_SCHEMA



# ------------------------------------------------------------------ characters of cast claims
LIST_SENTENCE = ("Mira Tal reprises her role as Sela Quon, with Ben Ard as the reckless Dax Morrow, "
                 "Ivo Pen as Lia Vance and Cal Rhee as Tom Gale.")
LIST_PEOPLE = [("Mira Tal", "real"), ("Sela Quon", "fictional"), ("Ben Ard", "real"), ("Dax Morrow", "fictional"),
               ("Ivo Pen", "real"), ("Lia Vance", "fictional"), ("Cal Rhee", "real"), ("Tom Gale", "fictional")]


def test_each_listed_actor_gets_their_own_character_not_the_previous_one():
    rows = run(LIST_SENTENCE, people=LIST_PEOPLE)
    pairs = {r["person_name"]: r["value_text"] for r in rows if r["claim_type"] == "cast"}
    assert pairs == {"Mira Tal": "Sela Quon", "Ben Ard": "Dax Morrow", "Ivo Pen": "Lia Vance",
                     "Cal Rhee": "Tom Gale"}


def test_character_in_brackets_either_way_and_no_character_by_mere_proximity():
    text = "The drama stars Noa Kell (Rin Sato) and Ada Voss, and Rin Sato's rival Gil Marr (Ulla Brandt)."
    rows = run(text, people=[("Noa Kell", "real"), ("Rin Sato", "fictional"), ("Ada Voss", "real"),
                             ("Gil Marr", "fictional"), ("Ulla Brandt", "real")])
    pairs = {r["person_name"]: r["value_text"] for r in rows if r["claim_type"] == "cast"}
    assert pairs.get("Noa Kell") == "Rin Sato"
    assert pairs.get("Ada Voss") is None                  # next to a character, but not bound to one
    assert pairs.get("Ulla Brandt") == "Gil Marr"         # "Character (Actor)"


def test_the_people_extractors_role_wins_for_the_character():
    doc = Document("src", LIST_SENTENCE, title=TITLE, published_on=PUBLISHED)
    people = []
    for name, kind in LIST_PEOPLE:
        i = LIST_SENTENCE.index(name)
        people.append({"name": name, "text": name, "char_start": i, "char_end": i + len(name), "kind": kind})
    roles = [{"person_name": "Ben Ard", "role": "actor", "character_name": "Lia Vance",
              "char_start": 0, "char_end": len(LIST_SENTENCE)}]
    rows = extract_claims(doc, [], people, roles=roles)
    assert {r["person_name"]: r["value_text"] for r in rows if r["claim_type"] == "cast"}["Ben Ard"] == "Lia Vance"


def test_a_claim_without_any_named_work_keeps_the_headline_as_subject():
    text = "Veteran director honoured in Rome\nThe veteran film-maker won the best director prize in 2002."
    rows = run(text, dates=[("2002", "2002-01-01", "2002-12-31")], title="Veteran director honoured in Rome")
    assert rows and all(r["subject"] == "Veteran director honoured in Rome" for r in rows)


# ------------------------------------------------------------------ general vocabulary of rare types
@pytest.mark.parametrize("sentence, people, claim_type", [
    ("Glass Harbour has been handed a series order by the network.", [], "renewal"),
    ("The network cancelled Glass Harbour after two seasons.", [], "renewal"),
    ("Glass Harbour will come to an end with its final season next year.", [], "renewal"),
    ("Nell Ardo is leaving Glass Harbour after three seasons.", [("Nell Ardo", "real")], "cast_exit"),
    ("Nell Ardo was replaced by Tim Oake in the role.", [("Nell Ardo", "real"), ("Tim Oake", "real")], "cast_exit"),
    ("The film is a remake of a 1970s thriller.", [], "adaptation"),
    ("Glass Harbour is inspired by a true story from the 1950s.", [], "adaptation"),
    ("The drama will be broadcast on BBC Two in the spring.", [], "platform"),
])
def test_rare_type_vocabulary(sentence, people, claim_type):
    assert claim_type in {r["claim_type"] for r in run(sentence, people=people)}


@pytest.mark.parametrize("sentence, people, claim_type", [
    ("The order of the scenes changed in the edit.", [], "renewal"),           # "order" alone is no series order
    ("Nell Ardo leaves nothing to chance on set.", [("Nell Ardo", "real")], "cast_exit"),
    ("The film was a hit with younger viewers.", [], "adaptation"),
    ("She watched the final on TV with friends.", [], "platform"),
])
def test_rare_type_vocabulary_negatives(sentence, people, claim_type):
    assert claim_type not in {r["claim_type"] for r in run(sentence, people=people)}


def test_one_platform_claim_per_network_named():
    rows = run("The series streams on Hulu and airs on FX in the autumn.")
    assert sorted(r["value_text"] for r in rows if r["claim_type"] == "platform") == ["FX", "Hulu"]


@pytest.mark.parametrize("sentence, people, claim_type", [
    ("Ola Rask was named best actress at the ceremony.", [("Ola Rask", "real")], "award"),
    ("The drama is shortlisted for the festival's top prize.", [], "award"),
    ("The comedy fell two places to fifth position at the weekend.", [], "box_office"),
    ("The novel has sold more than two million copies.", [], "box_office"),
    ("The final attracted an audience of 9 million people.", [], "viewership"),
    ("The series logged 1.2 billion viewing minutes in its first week.", [], "viewership"),
])
def test_award_chart_and_audience_vocabulary(sentence, people, claim_type):
    assert claim_type in {r["claim_type"] for r in run(sentence, people=people)}


def test_one_award_claim_per_category():
    rows = run("The sitcom won two awards - best comedy and best new writer.")
    assert sorted(r["value_text"] for r in rows if r["claim_type"] == "award") == ["best comedy", "best new writer"]


def test_viewing_minutes_are_a_viewership_value():
    rows = run("The series logged 1.2 billion viewing minutes in its first week.")
    values = [(r["value_number"], r["value_unit"]) for r in rows if r["claim_type"] == "viewership"]
    assert (1.2e9, "viewing_minutes") in values
