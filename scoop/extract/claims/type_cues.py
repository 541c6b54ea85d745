"""Claim-type cue rules: what types a sentence asserts, and what is no claim at all
(how sure a claim is, negation and attribution are in ``credit_cues``).

Every rule is a row in a table below; ``scoop.extract.claims.rules`` only applies
them. To teach scoop a new phrasing, add a row (and a test sentence in
tests/test_claims_rules.py). Patterns are matched case-insensitively unless
they say otherwise, over one sentence at a time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

I = re.IGNORECASE

from scoop.lexicon import CARDINALS_TO_TEN_RE, ORDINALS_TO_TEN_RE  # noqa: E402
from scoop.extract.trade import PLATFORMS  # noqa: E402  (one home for the trade vocabulary)
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
    # ("the crew assembled", "the writers' strike")
    needs_person: bool = False
    # the cue asserts nothing unless its sentence also matches this
    # ("viewers" alone is not an audience figure; "2 million viewers" is)
    needs: re.Pattern[str] | None = None
    # speed: the pattern runs only on sentences whose lower-cased text contains
    # one of these substrings; every possible match must contain one of them
    # (tests/test_claims_rules.py checks this on the sample corpus)
    triggers: tuple[str, ...] | None = None
    # the same test in one scan: any trigger in the lower-cased sentence (a search finds every alternative)
    trigger_re: re.Pattern[str] | None = None


def _rules(claim_type: str, *patterns: str, flags: int = I, needs_person: bool = False,
           needs: str | None = None, triggers: str | None = None) -> list[TypeRule]:
    """One rule per type: the patterns are joined into one alternation (one scan per sentence)."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    words = tuple(triggers.split("|")) if triggers else None
    return [TypeRule(claim_type, re.compile(joined, flags), needs_person,
                     re.compile(needs, I) if needs else None, words,
                     re.compile("|".join(map(re.escape, words))) if words else None)]


# Modal or infinitive right before a bare verb: "will premiere", "to release",
# "may arrive" — a bare "release"/"premiere" without one is a noun.
MODAL_BEFORE = re.compile(r"\b(?:will|to|may|might|could|would|should|can|cannot|must|won['’]t|"
                          r"will not|set to|expected to|going to)\s+(?:\w+\s+)?$", I)
# A release verb in a subordinate time clause states no release: "once released",
# "when it arrives", "before its premiere".
SUBORDINATE_BEFORE = re.compile(r"\b(?:once|when|whenever|until|till|after|before|upon|ahead of|"
                                r"in time for|since)\b(?:\s+\S+){0,5}\s*$", I)
# "released" that is no work's release: "she was later released", "released from prison".
NOT_A_RELEASE = re.compile(r"\breleased? (?:from|on bail|without charge)\b|\b(?:he|she|they|him|her|them)\s+"
                           r"(?:was|were|is|are|has been|have been|had been|will be|would be|should be|could be|"
                           r"be)\s+(?:\w+\s+)?released\b|\brelease of (?:the )?(?:hostages?|prisoners?|suspects?|"
                           r"detainees?)\b", I)
# A release noun that names one release asserts it too: "its debut weekend", "the world premiere of X".
RELEASE_NOUN = re.compile(r"^(?:(?:world|uk|us|european|british) )?(?:premiere|debut|opening|screening|release)", I)
RELEASE_NOUN_BEFORE = re.compile(r"\b(?:its|their|his|her|world|uk|us|british|theatrical|festival|first|big|solid|strong|"
                                 r"high-profile)\s+(?:[\w-]+\s+)?$", I)
RELEASE_NOUN_OF = re.compile(r"\s+of\s+(?:the\s+)?(?-i:[A-Z0-9\"“‘'])", I)
# Finite or participle forms that assert a release on their own ("Season 2
# premiered", "the show is now streaming"), as opposed to the nouns.
RELEASE_VERB_FORM = re.compile(r"^(?:released|premiered|premieres|arrives|arrived|debuted|debuts|"
                               r"aired|airs|launched|launches|lands on|landed on|drops on|dropped on|"
                               r"hits?|first hit|comes out|came out|is out|are out|be out|coming|"
                               r"(?:announced|confirm(?:ed)?|set) (?:a|the|its|any))\b", I)
# Something numeric or a ranking: what an audience-figure cue needs beside it.
NUMBERISH = (r"(?<![Ss]eason )(?<![Ee]pisode )(?<![Pp]art )(?<![Cc]lass )\b\d|\b(?:million|billion|thousand|top (?:10|ten|five)|most[- ]watched|number one|No\. ?1|"
             r"record|biggest|highest|lowest|#1)\b")

# ------------------------------------------------------------- claim types
# A match anywhere in a sentence says it asserts that type; the match's place
# decides which clause (certainty, negation) and which dates/people it takes.
_PROD = r"(?:principal photography|filming|production|shooting|cameras?|shoot)"
TYPE_RULES: list[TypeRule] = [
    *_rules("production_start",
            rf"\b{_PROD}\s+"
            r"(?:[\w'’]+\s+){0,6}(?:began|begins|begun|started|starts|start|begin|kicked off|kicks off|"
            r"kicking off|commenced|commences|is underway|are underway|got underway|rolling|"
            r"to (?:begin|start|kick off|commence))",
            # a plan for the start ("shooting was first pencilled in for 2031",
            # "production is slated for spring")
            r"\b(?:filming|production|shooting|principal photography)\s+(?:[\w'’]+\s+){0,8}?"
            r"(?:is|was|were|are|had been|has been)\s+(?:\w+\s+)?(?:eyed|slated|scheduled|planned|set|"
            r"penciled|pencilled|expected)\s+(?:for|to (?:begin|start|kick off|commence|roll))",
            r"\b(?:began|begun|begins|begin|started|starts|start|kicked off|kicks off|kick off|"
            r"commenced|hits|hit|entered|enters|went into|goes into|going into)\s+(?:\w+\s+){0,2}"
            r"(?:production|filming|principal photography|shooting)",
            r"\bproduction (?:begins|began|has begun|is underway|kicking off|kicked off)",
            r"\b(?:is|are|was|were|been|be|now|currently|officially|already|went|go|goes|going|gone|"
            r"headed|heads|moved|moves|moving) (?:\w+ )?(?:in|into) production\b",
            r"\bcameras (?:are |were |started |began )?rolling|"
            r"\bgone on floors|\bwent on floors|\bgoes on floors|\b(?:started|starting) producing",
            triggers="photograph|film|production|shoot|camera|floors|producing"),
    *_rules("production_wrap",
            r"\bwrap(?:s|ped|ping)? (?:up )?(?:filming|production|shooting|photography)\b",
            r"\b(?:filming|production|shooting|photography)\b(?:\s+[\w'’]+){0,14}?\s+"
            r"(?:wrap(?:s|ped|ping)?(?: up)?|(?:has |have )?(?:ended|finished|concluded|completed))\b",
            r"\b(?:end|final stages?|last leg|tail end) of (?:filming|production|shooting)",
            r"\b(?:finished|completed|completing|wrapping up|wrapped up) (?:\w+ ){0,3}"
            r"(?:filming|shoot|scenes|sequences|portion)",
            r"\bwork on\b.{0,60}\bis (?:complete|done|finished)\b",
            r"\bin post-production\b|\bfilming (?:is )?(?:complete|done)\b",
            triggers="wrap|film|production|shoot|photograph|work on|scenes|sequences|portion"),
    *_rules("production_event",
            r"\b(?:table read|table-read|script reading|read-through|script read)\b",
            r"\bauditions?\b|\bcasting call\b|\badditional filming\b|\breshoots?\b|\bre-shoots?\b",
            r"\b(?:filming|shooting|spotted filming|on location) (?:in|at) [A-Z]\w+",
            r"\b(?:set photos|behind-the-scenes|first[- ]look|teaser|trailer)\b",
            # the making under way: "in production on", "was shot in", "has been developing", a tender
            r"\bin production on\b|\b(?:was|were|is|are|being|been) (?:shot|filmed) (?:in|on|at)\b|"
            r"\b(?:has been|have been|is|are|was|were) (?:\w+ )?(?:developing|writing)\b|\bin pre-production\b|"
            r"\bcompetitive tender\b|\bput (?:\w+ ){1,4}out to tender\b",
            triggers="read|audition|casting call|film|reshoot|re-shoot|shooting|on location|set photos|behind-the-scenes|"
                     "first look|first-look|teaser|trailer|in production|shot|developing|writing|pre-production|tender"),
    *_rules("renewal",
            r"\brenew(?:ed|al|s|ing)?\b|\bgreen[- ]?lit\b|\bgreen[- ]?light(?:ed|s)?\b",
            r"\bpicked up for (?:a )?(?:second|third|fourth|another|new) season\b",
            r"\b(?:second|third|fourth|fifth|new|another) season (?:was|has been|had been|is) "
            r"(?:officially )?(?:announced|confirmed|ordered)\b",
            r"\b(?:ordered|confirmed|announced) (?:a )?(?:second|third|fourth|fifth) season\b",
            # the general vocabulary of orders and cancellations
            r"\b(?:series|season) order\b|\bordered to series\b|\bpicked up (?:to|for) (?:a )?series\b|"
            r"\b(?:re)?commissioned\b|\bcancel(?:led|ed|s|ling|lation)\b|\baxed\b|\bfinal season\b|"
            r"\b(?:came|come|comes|coming) to an end\b",
            # development and shelving, a pilot that does not go forward, more seasons ordered or ruled out
            r"\b(?:in development|being developed|in the works|shelv(?:e|ed|es|ing)|scrapped)\b|"
            r"\b(?:not|never|n['’]t) (?:to )?go(?:es|ing)? (?:forward|ahead)\b|"
            r"\breturn for (?:a|an) (?:second|third|fourth|fifth|new|another|\d+\w*) (?:season|series)\b|"
            r"\b(?:new|more|further) (?:episodes|seasons|series) (?:of|for)\b|\bcommitted to (?:new|more) (?:episodes|seasons)\b",
            triggers="renew|green|picked up|season|order|commission|cancel|axed|to an end|develop|in the works|"
                     "shelv|scrapped|go forward|goes forward|going forward|go ahead|goes ahead|going ahead|"
                     "return for|episodes|series|committed"),
    *_rules("delay",
            r"\bdelay(?:s|ed)?\b|\bpostpone(?:d|ment|s)?\b|\bpushed (?:\w+ )?(?:back|from|to|into)\b|"
            r"\bpush(?:ed)? back\b|\bsetbacks?\b|\bhurdles?\b|\bhit pause\b|\bpaused\b|\bon hold\b|"
            r"\bslip(?:ped|s)?\b|\bdown the road\b|\bheld up\b|\bbehind schedule\b|"
            r"\bno substantial progress\b|\bnot led to (?:any )?(?:substantial )?progress\b|"
            r"\bhave(?:n't| not) led to (?:\w+ ){0,2}progress\b|\bnone of (?:\w+ ){1,3}(?:have|has) led to\b",
            triggers="delay|postpone|push|setback|hurdle|pause|on hold|slip|down the road|held up|behind schedule|progress|led to"),
    *_rules("release",
            r"\b(?:releas(?:e|ed|es|ing)|premier(?:e|ed|es|ing)|debut(?:ed|s|ing)?(?! season)|arriv(?:e|es|ed|ing)|"
            r"(?-i:air(?:ed|s|ing)?)|launch(?:ed|es)?|land(?:s|ed)? on|drop(?:s|ped)? on|hits? (?:screens|"
            r"theaters|theatres|cinemas))\b",
            r"\b(?:release|premiere|drop|air) (?:date|window|lineup|slate)\b",
            rf"\bhits? (?:{PLATFORMS})\b",
            r"\b(?:be|is|are) out (?:by|in|on|this|next)\b|\bcomes? out\b|\bcoming (?:in|this|next)\b",
            r"\b(?:announced|confirm(?:ed)?|set) (?:a|the|its|any) (?:\w+ )?date\b",
            # openings, screenings and broadcasts: "opens in cinemas", "will screen at", "was televised"
            r"\b(?:open(?:s|ed|ing)? (?:in|on|at|with|next|this)|(?:will )?screen(?:s|ed|ing)? (?:in|at|on)|"
            r"broadcast (?:on|in|live)|televised|shown (?:on|at|in)|goes? on (?:general )?release|in cinemas|"
            r"on sale|(?:world|uk|us) premiere)\b",
            triggers="releas|premier|debut|arriv|air|launch|land|drop|hit|out|coming|date|open|screen|broadcast|"
                     "televised|shown|cinemas|on sale"),
    # a screening or premiere of a named work, an opening it had: "the screening of X", "had high-profile openings"
    *_rules("release", r"\b(?:screenings?|premieres?|openings?) (?:of|at|in)\b|\b(?:had|has|have|got) (?:its|their|a|an) "
            r"(?:[\w-]+ )?(?:premieres?|openings?|debut|screenings?)\b"),
    # a year worn by a work is when it came out: "1999's Title", "the 1974 horror classic", "Title (2017)"
    *_rules("release",
            r"\b(?:19|20)\d\d['’]s\s+(?-i:[A-Z])",
            r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}(?:film|movie|feature|hit|classic|comedy|drama|thriller|horror|"
            r"series|documentary|musical|blockbuster|sitcom|show|animation|biopic|original|remake|sequel)s?\b",
            r"(?-i:[A-Z])[\w'’:!.]*\s*\((?:19|20)\d\d\)"),
    # ("stars" is a verb here, not the noun of "Hollywood stars, including X, were there")
    *_rules("cast",
            r"\b(?:cast|casting|stars?(?!\s+(?:including|like|such as|who|from|of|were|are|have|had)\b)|"
            r"starring|starred|co-stars?|plays?|played|playing|portray(?:s|ed|ing)?|"
            r"reprise[sd]?|reprising|returns? as|return(?:s|ing)? (?:to|for) (?:the|her|his|their) role|"
            r"role of|(?:her|his|their) role|joins?|joined|joining|lineup|line-up|"
            r"ensemble|signed on|signed up (?:for|to)|alum|slides? back|steps? up again|will return|"
            r"is back as|features?|featuring|(?:set|confirmed|expected|due|slated|tipped|poised|going) to return|"
            r"(?:is|are) returning|returns? for|returning for|appear(?:s|ed|ing)? (?:in|as|on)|roles? in)\b",
            # "Actors A, B and C were seen at the table read": the actors opening the sentence
            # (not "actors" as a profession mid-sentence: "ambassadors include actors X")
            r"^(?:the )?(?:actors|actresses|cast members)\b(?!['’])",
            # who is on a programme without acting in it: "guests", "contributions from", "an interview with"
            r"\b(?:guests?|contributions from|interviews? with|appearances? (?:by|from))\b", needs_person=True,
            triggers="cast|star|play|portray|repris|return|role|join|lineup|line-up|ensemble|signed|alum|"
                     "slide|step|back as|featur|actor|actress|appear|guest|contributions|interview"),
    *_rules("cast",
            r"\b(?:newcomers? (?:include|are|join)|new faces|fresh blood|fresh additions|returning cast|"
            r"cast (?:details|members) (?:are |have been |were )?(?:confirmed|revealed|announced)|"
            r"(?:core|original|main) (?:cast|crew|trio|gang|survivors)\b.{0,40}\b(?:are back|return|intact))\b",
            triggers="newcomer|new faces|fresh|returning cast|cast|core|original|main"),
    *_rules("cast_exit",
            r"\b(?:exit(?:ed|s|ing)? (?:the|from)|left the (?:show|series|project|cast|film|franchise)|"
            r"bow(?:ed|s)? out|dropped out|step(?:ped|s)? (?:down|away)|will not return|won't return|"
            r"not returning|departed|departure|quit|dipped|written out|(?:has|have) exited|exit of|exits|"
            r"exiting|(?:will|to) leave|is leaving|are leaving|replaced|recast|pulled out|parted ways|"
            # "X's exit", "quitting the show", "stepping in for X", "a replacement for X", "farewell to"
            r"exit|quitting|left the (?:production|house|band|group|role|programme|program)|"
            r"(?:stepp(?:ed|ing)|steps?) in for|replacement for|replacing|farewell to)\b",
            needs_person=True,
            triggers="exit|left the|bow|dropped out|step|return|departed|departure|quit|dipped|written out|"
                     "leav|replac|recast|pulled out|parted ways|farewell"),
    *_rules("crew",
            # (a festival's or a company's director runs it: no credit)
            r"(?<!festival )(?<!artistic )(?<!managing )(?<!general )(?<!executive )(?<!creative )(?<!casting )"
            r"(?<!programme )(?<!program )(?<!marketing )(?<!finance )(?<!sales )(?<!musical )"
            r"\b(?:direct(?:ed|s|or|ors|ing)|written by|writer|writers|screenwriter|scriptwriter|"
            r"penned|created by|creator|creators|showrunner|helm(?:s|ed|ing)?|executive producer|"
            r"produced by|composer|cinematographer|script(?:ed)? by|"
            # more credits: "designed by", "co-wrote the screenplay", "produces", "filmmaker", "choreographed by"
            r"(?:designed|choreographed|composed|edited|developed|adapted|produced) by|music by|co-wr(?:ote|itten)|"
            r"wrote|screenplay|produc(?:es|ed|ing|er|ers)|film-?makers?|made the (?:film|movie|documentary))\b",
            # showrunners, who developed the series, "X-produced", "has made 25 films", "was made with X"
            r"\bshow-?runners?\b|\bdeveloped (?:the|a|an) (?:series|show|film|project|drama|comedy)\b|"
            r"-(?:produced|directed|written|created)\b|\bmade with\b|\b(?:has|have|had) made (?:more than |over |some )?"
            r"(?:\d+|two|three|four|five|six|several|many) (?:films|movies|features|documentaries)\b",
            needs_person=True,
            triggers="direct|writ|wrote|penned|creat|showrunner|helm|producer|produc|composer|cinematographer|"
                     "script|screenplay|designed|choreograph|composed|edited|developed|adapted|music by|maker|"
                     "made|runner"),
    # "viewers" or "views" alone is no audience figure ("an impact on viewers' minds")
    *_rules("viewership",
            r"\b(?:viewing hours|hours of viewing|hours viewed|views|viewers|watched by)\b", needs=NUMBERISH,
            triggers="view|hours|watched"),
    *_rules("viewership",
            r"\b(?:viewership|ratings?|most[- ]watched|top 10|top ten|audience share|viewing figures)\b",
            # audiences counted: "an audience of 20 million", "a peak of 15.3m", "12 million tuned in"
            r"\b(?:audience of|peak(?:ed)? (?:of|at)|tuned in|viewing public|of the (?:tv )?audience|"
            r"most-streamed|streaming chart|movie chart|series chart)\b",
            triggers="view|rating|watched|top 10|top ten|audience|peak|tuned in|streamed|chart"),
    *_rules("box_office",
            r"\b(?:box office|box-office|gross(?:ed|es|ing)?|takings|opening weekend|ticket sales|"
            r"admissions|chart(?:s|ed)?|number one|No\. ?1)\b",
            # chart places and sales: "fell two places to fourth", "a new entry at six", "best-seller"
            rf"\b(?:(?:{ORDINALS_TO_TEN_RE}|top) (?:place|position|spot)|"
            r"new entry|new entries|best-?sell(?:er|ing)|sold (?:more than |over |nearly |almost )?[\w.,]+ "
            r"(?:million |m )?copies|(?:rose|fell|climbed|dropped|slipped) (?:\w+ )?places?|took in|earned)\b",
            triggers="box|gross|takings|opening weekend|ticket|admission|chart|number one|no.|place|position|spot|"
                     "entry|entries|sell|copies|took in|earned"),
    *_rules("award",
            r"\b(?:award(?:s|ed)?|nominat(?:ed|ion|ions)|won (?:best|the)|wins? (?:best|the)|Emmys?|"
            r"Oscars?|Golden Globes?|BAFTAs?|Baeksang|SAG Awards?|Critics' Choice)\b",
            # the general vocabulary of prizes: categories, nominees, shortlists, festival competition
            r"\b(?:prizes?|trophy|trophies|honou?red|nominees?|shortlisted|shortlist|runner-up|winners? of|"
            r"(?:named|voted|crowned|won|wins|took|scooped|picked up|collected) (?:the )?best|up for (?:the )?best|"
            r"best (?:film|picture|actor|actress|director|drama|comedy|series|documentary|screenplay|"
            r"supporting|newcomer|new|foreign|animated|british|original)|in competition|compete for|Palme d'Or|"
            r"Golden (?:Bear|Lion)|Grammys?|Brit Awards?|C[ée]sars?)\b",
            # winners and honours; a line of a winners list opens with its category ("Best lighting design - X")
            r"\b(?:winners?|crowned|inducted|hall of fame|gongs?|accolades?|honou?rs)\b",
            r"^\W*(?-i:Best|Outstanding)\s+(?-i:[a-z])",
            triggers="award|nominat|nominee|won |win|emmy|oscar|globe|bafta|baeksang|sag |critics|prize|troph|honou|"
                     "shortlist|runner-up|best|compet|palme|golden|grammy|brit|cesar|césar|winner|crowned|inducted|"
                     "hall of fame|gong|accolade|outstanding"),
    *_rules("episodes",
            rf"\b(?:\d+|{CARDINALS_TO_TEN_RE}|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|twenty)(?:-ish)? episodes?\b|\bepisode count\b|"
            r"\brun ?time\b|\b(?:an? )?hour each\b|\bminutes each\b|\b\d+-episode\b|\bepisode order\b",
            # a running time worn by a programme ("a 30-minute show", "an hour-long special"), a count of parts
            r"\b(?:\d+|one|two|three|four|five|six|half an?|an?)[- ](?:minute|hour)s?(?:[- ]long)?\s+(?:[\w-]+\s+){0,2}"
            r"(?:show|film|episode|special|programme|program|telethon|documentary|movie|drama|series|finale|feature|"
            r"broadcast|instal+ments?|premiere)s?\b|\b(?:series|run) of (?:\d+|two|three|four|five|six|seven|eight|"
            r"nine|ten|twelve)\b|\bin (?:\d+|two|three|four|five|six) parts\b",
            triggers="episode|run time|runtime|hour each|minutes each|minute|hour|series of|run of|parts"),
    *_rules("platform",
            rf"\b(?:stream(?:s|ing|ed)?|available|watch(?:able)?|accessible|exclusively|released|"
            rf"premieres?|only) (?:\w+ ){{0,3}}on (?:{PLATFORMS})\b",
            rf"\b(?:first )?hit (?:{PLATFORMS})\b|\b(?:{PLATFORMS}) original\b",
            # "broadcast on ITV1", "shown on Channel 4", "BBC One's drama", "distributed by X"
            rf"\b(?:broadcast|shown|screened|airs?|aired|airing|streams?|streaming|distributed|picked up)\s+"
            rf"(?:\w+\s+){{0,3}}(?:on|by)\s+(?:{PLATFORMS})\b",
            rf"\b(?:{PLATFORMS})['’]s?\s+(?:\w+\s+)?(?:series|show|drama|comedy|sitcom|soap|film|movie|"
            rf"documentary|programme|program|thriller|adaptation)\b",
            r"\b(?-i:[Dd]istributor)\s+(?-i:[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3})",
            # where it is: "returned to ABC", "a series at FX", "now on Hulu"
            rf"\b(?:on|at|to)\s+(?:{PLATFORMS})(?!\w)",
            flags=0),
    *_rules("adaptation",
            r"\b(?:adapt(?:ed|ation|s)? (?:from|of)|based on (?:the|a|an) (?:\w+ ){0,3}"
            r"(?:webtoon|novel|book|comic|manga|manhwa|game|memoir|play|series|story|podcast|film)|"
            r"webtoon|web novel|source material|remake of|reboot of|sequel to|prequel to|spin-?off of|"
            r"inspired by|(?:stage|screen|film|movie|tv|television) version of|reimagining of|based on)\b",
            # the nouns alone: "her Wuthering Heights adaptation", "a spinoff", "a remake", "the film rights"
            r"\badaptations?\b|\bre-?imagining\b|\bbased upon\b|\bdraws? inspiration from\b|"
            r"\b(?:film|screen|tv|television) rights\b|\bspin-?offs?\b|\bre-?makes?\b|\bre-?boots?\b",
            triggers="adapt|based on|based upon|webtoon|web novel|source material|remake|re-make|reboot|re-boot|"
                     "sequel|prequel|spin|inspired|inspiration|version of|reimagining|re-imagining|rights"),
    *_rules("plot",
            r"\b(?:follow(?:s|ed)? (?:the|a|an|\w+'s)|will follow|center(?:s|ed)? (?:around|on)|"
            r"centre(?:s|d)? (?:around|on)|revolv(?:es|ed) around|focus(?:es|ed)? on|picks? up|"
            r"set (?:in|years|after|before|during)|synopsis|storyline|the story|plot|logline|"
            r"explor(?:es|ed|ing)|takes? the|"
            r"trapped|grapples?|struggl(?:es|ing)|must (?:\w+ ){0,2}survive|"
            r"turned into|wrapped on|cliffhanger|teas(?:es|ed) [“\"]|now a\b|"
            r"characters? (?:will|must))\b",
            # what a work is about: "a drama about a woman who ...", "tells the story of", "chronicles"
            r"\b(?:film|movie|drama|series|show|comedy|thriller|documentary|biopic|tale|story|novel|musical|play|"
            r"sitcom|cartoon|feature|sequel),? about (?:a|an|the|how|his|her|their|two|three|life)\b|"
            r"\btells? the (?:true )?story of\b|\bchronicl(?:es|ed|ing)\b|\binspired by the (?:life|story) of\b|"
            r"\bin which\b|\bmixes\b|\bdepict(?:s|ed|ing)?\b",
            # "Title, about a woman who ...", "takes a candid look at", "follows three children"
            r",\s*about (?:a|an|the|how|two|three|four|his|her|their)\b|\btakes? an? (?:[\w-]+ )?look at\b|"
            r"\blooks? at the\b|\bfollows? (?:two|three|four|five|several|young|[\w-]+ly)\b",
            # who a character is, when the actor "plays a divorced drunkard" (not "plays a role")
            r"\b(?:plays?|played|playing|portray(?:s|ed|ing)?|stars? as|starr(?:ing|ed) as|cast as|role as)\s+"
            r"(?:a|an)\s+(?!(?:role|part|cameo|lead|character|supporting|key|major|small|starring|guest|pivotal|"
            r"recurring|leading|version)\b)",
            triggers="follow|center|centre|revolv|focus|pick|set |synopsis|storyline|story|plot|logline|explor|"
                     "take|trapped|grappl|struggl|must|turned into|wrapped on|cliffhanger|teas|now a|character|"
                     "about|tell|chronicl|inspired|in which|mixes|depict|play|portray|star|cast as|role as|look"),
]
# A sentence opening like this continues the cast list of the sentence before
# ("Netflix confirmed the main cast will return. These include A, B and C.").
CAST_CONTINUATION = re.compile(r"^(?:These|Those|They|Others|Among them|The (?:others|rest))\s*"
                               r"(?:include|included|are|were|:)", I)
# A delay cue and its target date: "slipped to 2027", "postponed until 3 February",
# "a 2027 slip" — what makes a delay also say when the release now is.
DELAY_TARGET_BEFORE = re.compile(r"\s+(?:back\s+)?(?:to|until|till|into)\s+(?:(?:early|mid|late|the)\s+)?", I)
DELAY_TARGET_AFTER = re.compile(r"\s*(?:-|–)?\s*", I)
# Words of filming: a delay in a sentence without them is a delay of the release.
PRODUCTION_WORDS = re.compile(r"\b(?:filming|production|shooting|photography|cameras|shoot|"
                              r"auditions?|casting|table read|script reading)\b", I)

# Types whose value is a date (take the dates rows in their sentence), and the
# quantity units that value each quantity-valued type.
DATED_TYPES = frozenset({"release", "production_start", "production_wrap", "production_event",
                         "renewal", "delay"})
QUANTITY_UNITS = {
    "viewership": frozenset({"viewing_hours", "viewing_minutes", "views", "minutes"}),
    "box_office": frozenset({"usd", "gbp", "eur", "krw", "jpy", "inr", "copies"}),
    "episodes": frozenset({"episodes", "minutes", None}),
    "delay": frozenset({"years", "months"}),
}
# Minutes are a running time below this many and viewing time from it ("467 million minutes").
VIEWING_MINUTES_FROM = 100_000
# A quantity in one of these units asserts its type even with no other cue.
UNIT_TYPES = {"viewing_hours": "viewership", "viewing_minutes": "viewership", "episodes": "episodes"}
# Types that are about people: one claim per person named near the cue.
PERSON_TYPES = frozenset({"cast", "cast_exit", "crew"})

# ------------------------------------------------------------- not claims
# Sentences that are reactions, tweets or the writer's chatter, never claims.
NON_CLAIM_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"@\w{2,}"),
    re.compile(r"\b(?:an?|another|one|some|many|other)\s+(?:\w+\s+)?(?:user|fan|netizen|viewer|person|"
               r"commenter|follower|redditor)s?\s+(?:\w+\s+)?(?:commented|wrote|said|remarked|noted|"
               r"added|shared|mentioned|tweeted|posted|replied|joked|asked)\b", I),
    re.compile(r"\b(?:fans|viewers|netizens|people)\s+(?:\w+\s+)?(?:are|were|have been|took to|"
               r"flocked|expressed|expressing|reacted|joked|joking|complained|can't wait|cannot wait)\b", I),
    re.compile(r"\b(?:many|some|most|several|all) of whom (?:\w+ )?(?:expressed|took|reacted|complained|"
               r"voiced|shared|vented)\b|\b(?:gone|go|went) (?:unnoticed|overlooked) by (?:fans|viewers)\b",
               I),
    re.compile(r"\b(?:took to|taking to) (?:social media|X|Twitter|Reddit|TikTok|Instagram)\b", I),
    # an open question is not an assertion: "it's unclear whether ..."
    re.compile(r"\b(?:it['’]s|it is|it remains|remains) (?:still )?(?:unclear|not clear|unknown|to be seen) "
               r"(?:whether|if|when|who|what|how)\b", I),
    # opinions in the first person: "I think", "in my opinion", "I have watched"
    re.compile(r"\b(?:I think|I feel|I believe|in my opinion|IMO|I have (?:ever )?(?:watched|seen)|"
               r"I['’]ve (?:ever )?(?:watched|seen)|I love|I loved|I can['’]t wait)\b", I),
]
# Whole sentences that are the site's or the writer's chatter.
NON_CLAIM_SENTENCES: list[re.Pattern[str]] = [
    re.compile(r"\b(?:stay tuned|subscribe|follow us|click here|read more|sign up|newsletter)\b", I),
    re.compile(r"^(?:Related|Also read|Read also|Watch|Photo|Image|Credit)\s*:", I),
    # "Let's dig into ...", "Here's what we know"
    re.compile(r"^(?:So,?\s+)?(?:let['’]s|let us|here['’]s (?:what|everything|all))\b", I),
]
# A heading (no final punctuation) that only names a topic asserts nothing:
# "Premiere Date: Everything We Know", "Season 3 Cast Details".
TOPIC_HEADING = re.compile(r"[\w)”\"’']\s*$")
TOPIC_NOUNS = re.compile(r"^(?:release|premiere|drop|air) date|^cast|^plot|^stars?$|^lineup", I)
# A question asserts nothing unless it carries a calendar date ("With a 2026 release, what...?").
QUESTION = re.compile(r"\?[\"”’)]*\s*$")
# A date right before one of these is when something was said, not the claim's value
# ("a late-November rumor floated 2027").
REPORT_NOUN_AFTER = re.compile(r"[\s-]*(?:rumou?rs?|reports?|interview|announcement|statement|post|"
                               r"press release|update|tweet|article|episode of|edition|issue|panel)\b", I)
# A date right after one of these is when something was said ("announced the
# premiere date on Monday", "confirmed last week that ...").
REPORT_VERB_BEFORE = re.compile(r"\b(?:said|told|reported|wrote|tweeted|posted)\s+(?:on|last|this|earlier)\s*$"
                                r"|\b(?:announced|confirmed|revealed|unveiled|teased)\s+(?:it|this|that|"
                                r"(?:the|its|a)\s+(?:\w+\s+){0,2}date)\s+(?:on|last|this|earlier)?\s*$", I)
# The article is about a season still to come.
UPCOMING_ARTICLE = re.compile(r"\b(?:upcoming|in production|(?:begins|began|started|starts|kicked off|"
                              r"kicks off) (?:filming|production)|(?:filming|production) (?:begins|began|"
                              r"started|has begun|kicked off|is underway)|release date|renewed|greenlit|"
                              r"green-lit|will return|is returning|what we know|expected to (?:premiere|"
                              r"release|arrive|return))\b", I)
