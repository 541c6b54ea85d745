"""The one place for claim rules: what types a sentence asserts, how sure it
is, who it is credited to, and whether it is negated.

Every rule is a row in a table below; ``scoop.extract.claims`` only applies
them. To teach scoop a new phrasing, add a row (and a test sentence in
tests/test_claims_rules.py). Patterns are matched case-insensitively unless
they say otherwise, over one sentence at a time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

I = re.IGNORECASE

# Streaming services, networks and studios: a generic vocabulary of the trade
# (not tied to any article); used for `platform` claims and "official" speakers.
PLATFORMS = (
    r"Netflix(?: Korea| Japan| India)?|Disney\+|Disney Plus|Hulu|Prime Video|Amazon(?: Prime(?: Video)?)?|"
    r"Apple TV\+?|HBO(?: Max)?|Max|Peacock|Paramount\+|Starz|Showtime|AMC\+?|FX|BBC(?: One| Two| iPlayer)?|"
    r"ITVX?|Channel 4|Sky(?: Atlantic)?|NBC|CBS|ABC|Fox|The CW|Crunchyroll|Viki|Rakuten Viki|Coupang Play|"
    r"TVING|Wavve|tvN|JTBC|KBS2?|SBS|MBC|ENA|Hotstar|JioCinema|Zee5|SonyLIV|MUBI|Shudder|"
    r"Warner Bros\.?|Universal|Sony Pictures|Lionsgate|A24|Marvel Studios|Pixar|DreamWorks|Studio Dragon"
)
# Who speaks for the work: a platform, or the roles that announce things.
OFFICIAL_SPEAKER = (
    rf"(?:{PLATFORMS}|the streamer|the streaming (?:giant|service|platform)|the platform|the network|"
    r"the studio|the broadcaster|the channel|the production(?: company| team)?|the agency|"
    r"(?:his|her|their) agency|the show's official|producers?|showrunners?|creators?|directors?)"
)
_ANNOUNCE = (r"(?:officially )?(?:announced|confirmed|revealed|unveiled|released|dropped|shared|"
             r"put out|posted|greenlit|green-lit|renewed|ordered|teased|teases|debuted|unveils|"
             r"announces|confirms|reveals|shares|drops)")


@dataclass(frozen=True, slots=True)
class TypeRule:
    claim_type: str
    pattern: re.Pattern[str]
    # the cue asserts nothing unless a real person is named in its sentence
    # ("the cast gathered", "the writers' strike")
    needs_person: bool = False


def _rules(claim_type: str, *patterns: str, flags: int = I, needs_person: bool = False
           ) -> list[TypeRule]:
    return [TypeRule(claim_type, re.compile(p, flags), needs_person) for p in patterns]


# ------------------------------------------------------------- claim types
# A match anywhere in a sentence says it asserts that type; the match's place
# decides which clause (certainty, negation) and which dates/people it takes.
TYPE_RULES: list[TypeRule] = [
    *_rules("production_start",
            r"\b(?:principal photography|filming|production|shooting|cameras?|shoot)\s+"
            r"(?:\w+\s+){0,2}(?:began|begins|begun|started|starts|start|begin|kicked off|kicks off|"
            r"kicking off|commenced|commences|is underway|are underway|got underway|rolling|"
            r"to (?:begin|start|kick off|commence))",
            r"\b(?:began|begun|begins|begin|started|starts|start|kicked off|kicks off|kick off|"
            r"commenced|hits|hit|entered|enters|went into|goes into|going into)\s+(?:\w+\s+){0,2}"
            r"(?:production|filming|principal photography|shooting)",
            r"\bproduction (?:begins|began|has begun|is underway|kicking off|kicked off)",
            r"\b(?:in|into) production\b|\bcameras (?:are |were |started |began )?rolling|"
            r"\bgone on floors|\bwent on floors|\bgoes on floors|\b(?:started|starting) producing"),
    *_rules("production_wrap",
            r"\bwrap(?:s|ped|ping)? (?:up )?(?:filming|production|shooting|photography)\b",
            r"\b(?:filming|production|shooting|photography)\b(?:\s+\w+){0,6}\s+"
            r"(?:wrap(?:s|ped|ping)?(?: up)?|(?:has |have )?(?:ended|finished|concluded|completed))\b",
            r"\b(?:end|final stages?|last leg|tail end) of (?:filming|production|shooting)",
            r"\b(?:finished|completed|completing|wrapping up|wrapped up) (?:\w+ ){0,3}"
            r"(?:filming|shoot|scenes|sequences|portion)",
            r"\bwork on\b.{0,60}\bis (?:complete|done|finished)\b",
            r"\bin post-production\b|\bfilming (?:is )?(?:complete|done)\b"),
    *_rules("production_event",
            r"\b(?:table read|table-read|script reading|read-through|script read)\b",
            r"\bauditions?\b|\bcasting call\b|\badditional filming\b|\breshoots?\b|\bre-shoots?\b",
            r"\b(?:filming|shooting|spotted filming|on location) (?:in|at) [A-Z]\w+",
            r"\b(?:set photos|behind-the-scenes|first[- ]look|teaser|trailer)\b"),
    *_rules("renewal",
            r"\brenew(?:ed|al|s|ing)?\b|\bgreen[- ]?lit\b|\bgreen[- ]?light(?:ed|s)?\b",
            r"\bpicked up for (?:a )?(?:second|third|fourth|another|new) season\b",
            r"\b(?:second|third|fourth|fifth|new|another) season (?:was|has been|had been|is) "
            r"(?:officially )?(?:announced|confirmed|ordered)\b",
            r"\b(?:ordered|confirmed|announced) (?:a )?(?:second|third|fourth|fifth) season\b"),
    *_rules("delay",
            r"\bdelay(?:s|ed)?\b|\bpostpone(?:d|ment|s)?\b|\bpushed (?:\w+ )?(?:back|from|to|into)\b|"
            r"\bpush(?:ed)? back\b|\bsetbacks?\b|\bhurdles?\b|\bhit pause\b|\bpaused\b|\bon hold\b|"
            r"\bslip(?:ped|s)?\b|\bdown the road\b|\bheld up\b|\bbehind schedule\b|"
            r"\bno substantial progress\b|\bnot led to (?:any )?(?:substantial )?progress\b|"
            r"\bhave(?:n't| not) led to (?:\w+ ){0,2}progress\b|\blong wait\b"),
    *_rules("release",
            r"\b(?:releas(?:e|ed|es|ing)|premier(?:e|ed|es|ing)|debut(?:ed|s|ing)?(?! season)|arriv(?:e|es|ed|ing)|"
            r"air(?:ed|s|ing)?|launch(?:ed|es)?|land(?:s|ed)? on|drop(?:s|ped)? on|hits? (?:screens|"
            r"theaters|theatres|cinemas))\b",
            r"\b(?:release|premiere|drop|air|launch) (?:date|window|lineup|slate)\b",
            rf"\bfirst hit (?:{PLATFORMS})\b|\bhit (?:{PLATFORMS}) (?:back )?in\b",
            r"\b(?:be|is|are) out (?:by|in|on|this|next)\b|\bcomes? out\b|\bcoming (?:in|this|next)\b",
            r"\b(?:announced|confirm(?:ed)?|set) (?:a|the|its|any) (?:\w+ )?date\b"),
    *_rules("cast",
            r"\b(?:cast|casting|stars?|starring|starred|co-stars?|plays?|played|playing|portray(?:s|ed|ing)?|"
            r"reprise[sd]?|reprising|returns? as|return(?:s|ing)? (?:to|for) (?:the|her|his|their) role|"
            r"role of|(?:her|his|their) role|joins?|joined|joining|lineup|line-up|"
            r"ensemble|signed on|alum|slides? back|steps? up again|will return|is back as|features?|"
            r"featuring)\b", needs_person=True),
    *_rules("cast",
            r"\b(?:newcomers? (?:include|are|join)|new faces|fresh blood|fresh additions|returning cast|"
            r"cast (?:details|members) (?:are |have been |were )?(?:confirmed|revealed|announced)|"
            r"(?:core|original|main) (?:cast|crew|trio|gang|survivors)\b.{0,40}\b(?:are back|return|intact))\b"),
    *_rules("cast_exit",
            r"\b(?:exit(?:ed|s|ing)? (?:the|from)|left the (?:show|series|project|cast)|bow(?:ed|s)? out|"
            r"dropped out|step(?:ped|s)? (?:down|away)|will not return|won't return|not returning|"
            r"departed|departure|quit|dipped|written out)\b", needs_person=True),
    *_rules("crew",
            r"\b(?:direct(?:ed|s|or|ors|ing)|written by|writer|writers|screenwriter|scriptwriter|"
            r"penned|created by|creator|creators|showrunner|helm(?:s|ed|ing)?|executive producer|"
            r"produced by|composer|cinematographer|script(?:ed)? by)\b", needs_person=True),
    *_rules("viewership",
            r"\b(?:viewing hours|hours of viewing|hours viewed|views|viewers|viewership|ratings?|"
            r"most[- ]watched|top 10|top ten|audience share)\b"),
    *_rules("box_office",
            r"\b(?:box office|box-office|gross(?:ed|es|ing)?|takings|opening weekend|ticket sales|"
            r"admissions|chart(?:s|ed)?|number one|No\. ?1)\b"),
    *_rules("award",
            r"\b(?:award(?:s|ed)?|nominat(?:ed|ion|ions)|won (?:best|the)|wins? (?:best|the)|Emmys?|"
            r"Oscars?|Golden Globes?|BAFTAs?|Baeksang|SAG Awards?|Critics' Choice)\b"),
    *_rules("episodes",
            r"\b(?:\d+|twelve|ten|eight|six|sixteen)(?:-ish)? episodes?\b|\bepisode count\b|"
            r"\brun ?time\b|\b(?:an? )?hour each\b|\bminutes each\b|\b\d+-episode\b|\bepisode order\b"),
    *_rules("platform",
            rf"\b(?:stream(?:s|ing|ed)?|available|watch(?:able)?|accessible|exclusively|released|"
            rf"premieres?|only) (?:\w+ ){{0,3}}on (?:{PLATFORMS})\b",
            rf"\b(?:first )?hit (?:{PLATFORMS})\b|\b(?:{PLATFORMS}) original\b",
            flags=0),
    *_rules("adaptation",
            r"\b(?:adapt(?:ed|ation|s)? (?:from|of)|based on (?:the|a|an) (?:\w+ ){0,3}"
            r"(?:webtoon|novel|book|comic|manga|manhwa|game|memoir|play|series|story|podcast|film)|"
            r"webtoon|web novel|source material)\b"),
    *_rules("plot",
            r"\b(?:follow(?:s|ed)? (?:the|a|an|\w+'s)|will follow|center(?:s|ed)? (?:around|on)|"
            r"centre(?:s|d)? (?:around|on)|revolv(?:es|ed) around|focus(?:es|ed)? on|picks? up|"
            r"set (?:in|years|after|before|during)|synopsis|storyline|the story|plot|logline|"
            r"dives? (?:into|headfirst)|explor(?:es|ed|ing)|will be explored|takes? the|"
            r"trapped|grapples?|struggl(?:es|ing)|must (?:\w+ ){0,2}survive|fight for survival|"
            r"turned into|wrapped on|cliffhanger|finale|teas(?:es|ed) [“\"]|now a\b|"
            r"newcomers will|characters? (?:will|must))\b"),
]

# Types whose value is a date (take the dates rows in their sentence), and the
# quantity units that value each quantity-valued type.
DATED_TYPES = frozenset({"release", "production_start", "production_wrap", "production_event",
                         "renewal", "delay"})
QUANTITY_UNITS = {
    "viewership": frozenset({"viewing_hours", "views"}),
    "box_office": frozenset({"usd", "gbp", "eur", "krw", "jpy", "inr"}),
    "episodes": frozenset({"episodes", "minutes", None}),
    "delay": frozenset({"years", "months"}),
}
# A quantity in one of these units asserts its type even with no other cue.
UNIT_TYPES = {"viewing_hours": "viewership", "episodes": "episodes"}
# Types that are about people: one claim per person named near the cue.
PERSON_TYPES = frozenset({"cast", "cast_exit", "crew"})

# ------------------------------------------------------------- certainty
# Checked in this order within the claim's clause; the first hit wins.
# A cue with `types` applies only to those claim types.
@dataclass(frozen=True, slots=True)
class Cue:
    value: str
    pattern: re.Pattern[str]
    types: frozenset[str] | None = None


def _cue(value: str, pattern: str, types: tuple[str, ...] | None = None, flags: int = I) -> Cue:
    return Cue(value, re.compile(pattern, flags), frozenset(types) if types else None)


CERTAINTY_CUES: list[Cue] = [
    _cue("rumor", r"\b(?:rumou?r(?:s|ed)?|whispers?|unconfirmed (?:chatter|reports?)|buzz|"
                  r"gossip|word on the street|chatter)\b"),
    _cue("speculative", r"\b(?:may|might|could|likely|possibly|perhaps|maybe|probably|presumably|"
                        r"our best guess|best guess|speculat(?:ion|e|ed)|suggests?|believe|hopefully|"
                        r"I (?:highly )?doubt|unconfirmed|rumou?red|fans debate|expect(?! to)\b|"
                        r"brace for|-ish)\b"),
    _cue("speculative", r"^Expect\b", flags=0),
    _cue("expected", r"\b(?:set to|slated|eyed|eyeing|scheduled|expected|planned|plans? to|"
                     r"aims? to|on the horizon|due (?:in|out|to)|gearing up|poised to|"
                     r"originally (?:set|planned|eyed)|initially (?:set|planned|expected))\b"),
    _cue("expected", r"\b(?:will|it['’]ll|they['’]ll|going to)\b",
         types=("release", "platform", "production_start", "production_wrap", "production_event")),
    _cue("official", r"\b(?:officially|official(?:ly)? (?:announced|confirmed)|confirm(?:ed|s|ation)|"
                     r"announc(?:ed|es|ement)|unveil(?:ed|s)|press release|official synopsis|"
                     r"official (?:trailer|teaser|poster|statement))\b"),
    _cue("official", rf"\b{OFFICIAL_SPEAKER}(?:['’]s? \w+)?\s+(?:has |have |had )?(?:\w+ )?{_ANNOUNCE}\b"),
    _cue("reported", r"\b(?:reportedly|according to|reports?|reported|sources say|per\b)"),
]
DEFAULT_CERTAINTY = "reported"

# ------------------------------------------------------------- negation
# The clause asserts the opposite. `certainty` is what a negated announcement
# still tells (the platform has *not* announced -> an official non-event).
@dataclass(frozen=True, slots=True)
class NegationCue:
    pattern: re.Pattern[str]
    certainty: str | None


NEGATION_CUES: list[NegationCue] = [
    NegationCue(re.compile(r"\b(?:has|have|had)(?:n['’]t| not) (?:yet )?(?:been )?(?:any )?(?:officially )?"
                           r"(?:announced|confirmed|revealed|shared|set)\b|\b(?:has|have) yet to "
                           r"(?:officially )?(?:announce|confirm|reveal|set|share)\b|\bno official "
                           r"(?:word|announcement|confirmation|date|release date)\b|\bno (?:exact|firm|"
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
ATTRIBUTION_PATTERNS: list[re.Pattern[str]] = [
    re.compile(rf"\b{_WHO}\s+(?:had |has |have )?(?:reported|reports|revealed|wrote|noted|stated|"
               r"told|said|says|teased|teases|claimed|claims)\b"),
    re.compile(rf"\b(?:according to|per|via|as reported by|reported by)\s+(?:a |the )?(?:report(?:s)? "
               rf"(?:by|from|in) |(?:the )?outlet |insiders? at )?{_WHO}", I),
    re.compile(r"(?P<who>the official synopsis|the official logline|the press release)", I),
    re.compile(r"\b(?P<who>(?:director|writer|creator|showrunner|producer|actor|actress|star)s?\s+"
               r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:said|says|teased|teases|told|revealed|"
               r"explained|added)\b"),
]
# Words that a `who` match must not be (pronouns, sentence openers).
NOT_SOURCES = frozenset("""
it he she they we i you this that there the report reports fans a fan one many some
""".split())

# ------------------------------------------------------------- not claims
# Sentences that are reactions, tweets or the writer's chatter, never claims.
NON_CLAIM_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"@\w{2,}"),
    re.compile(r"\b(?:an?|another|one|some|many|other)\s+(?:\w+\s+)?(?:user|fan|netizen|viewer|person|"
               r"commenter|follower|redditor)s?\s+(?:\w+\s+)?(?:commented|wrote|said|remarked|noted|"
               r"added|shared|mentioned|tweeted|posted|replied|joked|asked)\b", I),
    re.compile(r"\b(?:fans|viewers|netizens|people)\s+(?:\w+\s+)?(?:are|were|have been|took to|"
               r"flocked|expressed|expressing|reacted|joked|joking|complained|can't wait|cannot wait)\b", I),
    re.compile(r"\b(?:took to|taking to) (?:social media|X|Twitter|Reddit|TikTok|Instagram)\b", I),
    re.compile(r"\b(?:stay tuned|subscribe|follow us|click here|read more|sign up|newsletter)\b", I),
    re.compile(r"^(?:Related|Also read|Read also|Watch|Photo|Image|Credit)\s*:", I),
]
# A heading (no final punctuation) that only names a topic asserts nothing:
# "Release Date: What To Expect", "Season 3 Cast Details".
TOPIC_HEADING = re.compile(r"[\w)”\"’']\s*$")
TOPIC_NOUNS = re.compile(r"^(?:release|premiere|drop|air) date|^cast|^plot|^stars?$|^lineup", I)
# A question asserts nothing unless it carries a date ("With a 2026 release, what...?").
QUESTION = re.compile(r"\?[\"”’)]*\s*$")
