"""Cue tables for how sure a claim is, whether it is negated, and who it is credited to.

Applied by ``certainty``; the claim-type cues are in ``cues``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from scoop.extract.claims.type_cues import OFFICIAL_SPEAKER, _ANNOUNCE

I = re.IGNORECASE

# ------------------------------------------------------------- certainty
# Checked in this order within the claim's clause; the first hit wins.
# A cue with `types` applies only to those claim types (`not_types`: to all
# others). A `frames` cue also speaks for the clauses after it in its sentence
# ("According to X, ...", "Rumors say ..., and ..."); the others (modals,
# "set to", "will") only qualify their own clause. `speaker` cues credit a
# named official (a platform, a director): they do not make the claim *about*
# that person official ("Director X teases ..." is reported as X's role).
@dataclass(frozen=True, slots=True)
class Cue:
    value: str
    pattern: re.Pattern[str]
    types: frozenset[str] | None = None
    not_types: frozenset[str] = frozenset()
    frames: bool = False
    speaker: bool = False

    def applies(self, claim_type: str) -> bool:
        return (self.types is None or claim_type in self.types) and claim_type not in self.not_types


def _cue(value: str, pattern: str, types: tuple[str, ...] | None = None, flags: int = I,
         frames: bool = False, not_types: tuple[str, ...] = (), speaker: bool = False) -> Cue:
    return Cue(value, re.compile(pattern, flags), frozenset(types) if types else None,
               frozenset(not_types), frames, speaker)


# a person named right after a role word ("director Kim Ha-neul"), case-sensitive
_NAMED = r"(?-i:(?:\s+[A-Z][\w'’.-]*){1,3})"
CERTAINTY_CUES: list[Cue] = [
    _cue("rumor", r"\b(?:rumou?r(?:s|ed)?|whispers?|unconfirmed (?:chatter|reports?)|buzz|"
                  r"gossip|word on the street|chatter)\b", frames=True),
    _cue("speculative", r"\b(?:speculat(?:ion|e|ed|ing)|(?<!reports )(?<!report )suggests?|believe[sd]?|"
                        r"indicates?|guess(?:es|ed)?|(?<!no )(?<!without a )(?<!little )(?<!beyond )"
                        r"doubt(?:s|ful)?|unlikely|improbable|unconfirmed|rumou?red|"
                        r"fans debate|hopefully)\b", frames=True),
    _cue("speculative", r"\b(?:(?-i:may)|might|could|likely|possibly|perhaps|maybe|probably|presumably|"
                        r"should|(?<!can )expect(?! to)|brace for|-ish)\b"),
    _cue("speculative", r"^Expect\b", flags=0),
    _cue("expected", r"\b(?:set to|slated|eyed|eyeing|scheduled|expected|planned|plans? to|"
                     r"on the horizon|due (?:in|out|to)|gearing up|poised to|can expect|"
                     r"originally (?:set|planned|eyed)|initially (?:set|planned|expected))\b"),
    _cue("expected", r"\baims? to\b", not_types=("viewership", "box_office")),
    _cue("expected", r"\b(?:will|it['’]ll|they['’]ll|going to)\b",
         types=("release", "platform", "production_start", "production_wrap", "production_event")),
    _cue("official", r"\b(?:officially|official(?:ly)? (?:announced|confirmed)|confirm(?:ed|s|ation)|"
                     r"announc(?:ed|es|ement)|unveil(?:ed|s)|press release|official synopsis|"
                     r"official (?:trailer|teaser|poster|statement))\b", frames=True),
    _cue("official", rf"\b{OFFICIAL_SPEAKER}(?:['’]s? \w+)?{_NAMED}?\s+(?:has |have |had )?(?:\w+ )?"
                     rf"{_ANNOUNCE}\b", frames=True, speaker=True),
    _cue("reported", r"\b(?:reportedly|according to|reports?|reported|sources say|per\b)", frames=True),
]
DEFAULT_CERTAINTY = "reported"
# The speaker doubts what the sentence just said: a later clause points back at it ("..., but I
# highly doubt it", "..., though that seems unlikely"). The claim is speculative and its
# `claims.doubted` is true: the warehouse's claims_as_of (views.sql) reads that column and never
# lets a doubted value win over one nobody doubts. This is the cue's only home.
DOUBT_BACK = re.compile(r"\W*(?:(?:but|though|although|however|yet|and)\W+)?(?:(?:I|we)\s+(?:\w+\s+)?doubt\s+"
                        r"(?:it|that|this)\b|(?:that|this|it)(?:['’]s|\s+(?:seems|looks|is|sounds|appears))\s+"
                        r"(?:\w+\s+)?(?:unlikely|doubtful|improbable)\b)", I)
# A hedge right before the value qualifies that value alone: "whispers point
# to 2026, likely the second half" (the second half is speculative).
HEDGE_BEFORE_VALUE = re.compile(r"\b(?:likely|possibly|probably|perhaps|maybe|potentially)\s+"
                                r"(?:in\s+|by\s+|around\s+)?$", I)
# Types whose future-dated value, stated without any cue, is a plan: "With a
# 2026 release, ..." is expected, not reported.
PLANNED_TYPES = frozenset({"release", "production_start", "production_wrap", "production_event"})

# ------------------------------------------------------------- negation
# The clause asserts the opposite. `certainty` is what a negated announcement
# still tells (the platform has *not* announced -> an official non-event).
@dataclass(frozen=True, slots=True)
class NegationCue:
    pattern: re.Pattern[str]
    certainty: str | None


NEGATION_CUES: list[NegationCue] = [
    NegationCue(re.compile(r"\b(?:has|have|had)(?:n['’]t| not) (?:yet )?(?:been )?(?:any )?(?:officially )?"
                           r"(?:announced|confirmed|revealed|shared|set)\b|\b(?:has|have|is|are) yet to "
                           r"(?:officially )?(?:announce|confirm|reveal|set|share|be (?:officially )?"
                           r"(?:announced|confirmed|revealed|set|scheduled|dated))\b|\b(?:no|any) official "
                           r"(?:word|announcement|confirmation|date|release date|news|update)\b|"
                           r"\bno (?:exact|firm|"
                           r"confirmed|set|official) (?:\w+ )?date\b|\bnot (?:yet )?(?:been )?"
                           r"(?:officially )?(?:announced|confirmed)\b", I), "official"),
    NegationCue(re.compile(r"\b(?:did not|didn['’]t|does not|doesn['’]t) (?:include|list|announce|"
                           r"confirm|mention|reveal)\b", I), "official"),
    NegationCue(re.compile(r"\b(?:did not|didn['’]t|does not|doesn['’]t|won['’]t|will not|is not|isn['’]t|"
                           r"are not|aren['’]t|was not|wasn['’]t|never|no longer|wait, no|not part of)\b",
                           I), None),
]

# ------------------------------------------------------------- attribution
# `who` is the credited source; the first pattern that matches wins.
_WHO = r"(?P<who>(?:[A-Z][\w'’&.+-]*|of|on|the)(?:\s+(?:[A-Z][\w'’&.+-]*|of|on|the|’s|'s)){0,5})"
_ROLE_WORDS = r"(?:director|writer|creator|showrunner|producer|actor|actress|star|screenwriter|author)"
ATTRIBUTION_PATTERNS: list[re.Pattern[str]] = [
    # "director Kim Ha-neul teased", "Creator Park Do-yun said"
    re.compile(rf"\b(?P<who>(?i:{_ROLE_WORDS})s?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})\s+"
               r"(?:has |had )?(?:said|says|teased|teases|told|revealed|explained|added|hinted|shared|"
               r"confirmed|noted)\b"),
    re.compile(rf"\b{_WHO}\s+(?:had |has |have )?(?:reported|reports|revealed|wrote|noted|stated|"
               r"told|said|says|teased|teases|(?:claimed|claims)(?= that\b| it\b|[,:]))\b"),
    re.compile(rf"\b(?:according to|per|via|as reported by|reported by)\s+(?:a |the )?(?:report(?:s)? "
               rf"(?:by|from|in) |(?:the )?outlet |insiders? at )?{_WHO}", I),
    re.compile(r"(?P<who>the official synopsis|the official logline|the press release)", I),
]
# Words that a `who` match must not be (pronouns, sentence openers).
NOT_SOURCES = frozenset("""
it he she they we i you this that there the report reports fans a fan one many some
everybody everyone nobody someone somebody people critics others viewers netizens
""".split())
# Sentence openers that a `who` match may start with ("But Fox has said ...").
WHO_OPENERS = re.compile(r"^(?:but|and|however|meanwhile|yet|so|also|now|still|then|later|earlier)\s+", I)
# A `who` that points back to the outlet credited earlier in the article.
SOURCE_ANAPHORA = re.compile(r"^(?:the )?(?:news )?(?:outlet|publication|site|report|paper|magazine|"
                             r"newspaper|portal|website|tabloid)$", I)
ANAPHORIC_SOURCE = re.compile(r"\b(?P<who>the (?:news )?(?:outlet|publication|site|report|paper|magazine|"
                              r"newspaper|portal|website|tabloid))\s+(?:also |further |then )?"
                              r"(?:stated|said|says|reported|reports|added|wrote|noted|claimed|revealed)\b", I)
# Image credits are not attributions: "(Image via Streamflix)", "(Photo: X)".
IMAGE_CREDIT = re.compile(r"\((?:image|photo|picture|pic|still|credit|source|screenshot)s?\b[^)]*\)", I)
