"""People, characters and roles in one article (issue 4).

Pure: a cleaned article in, mention and role rows out. spaCy's NER proposes
person names; the rules below repair and check them (hyphenated East-Asian
given names that spaCy cuts short, possessives, glued sentences, headings,
organisations it mistakes for people) and find what NER misses (stage names in
cast lists, names in role slots such as "directed by X").

Whether a capitalised run is a person at all is settled per article by votes
over all its occurrences (``_context_votes``): "Mr X", "singer X", "X said",
"X, 45," speak for a person; "the X is", "oil giant X", "X singer <Name>",
"in X", "X-winning", "'X'", "X said it would ... its" speak for a band, a
firm, a party or a title. Thing-votes outnumbering person-votes drop the name.

Whether a name is a real person or a fictional character is read from how the
text uses it ("X as Y", "X plays Y", "Y (X)", "X's Y"), never from a list of
names; "plays" and parentheses count as casting only in an article about film,
TV or stage (in sport "X plays Y" names an opponent, "A (B 82)" a substitute).
Roles come from cue tables (one table per concern, below).

Cross-article identity (one person_id per person) is ``people_resolve``'s job.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import polars as pl

from scoop.extract.base import Document
from scoop.extract.trade import PLATFORMS
from scoop.extract.works import find_works, work_at
from scoop.ids import stable_id

# ======================================================================= tables
# NER only: in en_core_web_sm the ner component has its own embedding layer; the shared
# tok2vec feeds only tagger and parser, so dropping it gives the same entities 1.6x faster
SPACY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})

# One capitalised name token: "Kim", "Ha-neul", "O'Leary", "McCain", "W."
_TOKEN = r"(?:[A-Z][a-zA-Z]*(?:['’][A-Z][a-zA-Z]+)?(?:-[A-Za-z]+)*|[A-Z]\.)"
# later tokens may also be initials ("Lee JQ") or a suffix ("Jr.")
_NEXT = rf"(?:{_TOKEN}|[A-Z]{{2,3}}\b|(?:Jr|Sr)\.)"
NAME = rf"(?<![\w'’-]){_TOKEN}(?:[ \u00a0]{_NEXT}){{0,3}}"
NAME_RE = re.compile(NAME)
# Romanised East-Asian name: family name + hyphenated given name ("Kim Ha-neul")
EAST_ASIAN_NAME_RE = re.compile(r"\b([A-Z][a-z]{0,5}) ([A-Z][a-z]+-[a-z]+)\b(?![-\w])")
# the given name alone ("Ha-neul"): a short form, accepted only with evidence
GIVEN_NAME_RE = re.compile(r"(?<![\w-])([A-Z][a-z]+-[a-z]+)(?![-\w])")

# "City-based", "Paris-born": an English compound, not a given name
COMPOUND_SUFFIXES = frozenset(
    "based born led owned run made style like era wide free old year time friendly backed founded "
    "bound area level class produced directed written penned helmed fronted starring created".split())
# "Oscar-winning", "London-based": the last part of a hyphenated modifier
MODIFIER_SUFFIXES = frozenset(
    "winning nominated winner based born led owned backed funded listed sponsored style era wide "
    "friendly founded".split())
# participles glued to a name that credit it ("Steven Spielberg-produced", "a Kat Dennings-led series")
CREDIT_SUFFIXES = frozenset("produced directed written penned helmed fronted starring created".split())
# Capitalised function words that start a sentence, not a name ("Will Ha-neul's fate ...")
LEADING_NON_NAME = frozenset(
    "a an and as at but by for from if in is it its like meanwhile now of on or so the then "
    "this these those to was were what when where which who why will with yes no not "
    "about across after against along amid among around before behind beyond despite during "
    "inside into outside over since through throughout under until upon within without yet "
    "director directors actor actors actress actresses star stars cast writer writers creator creators "
    "producer producers ceo president mr mrs ms dr judge judges comic comedian singer rapper "
    "presenter host chef artist novelist model guitarist drummer bassist frontman frontwoman "
    "broadcaster journalist reporter author poet playwright composer designer dancer "
    "striker midfielder defender goalkeeper keeper coach manager chairman chairwoman "
    "spokesman spokeswoman spokesperson minister chancellor lawyer tycoon businessman "
    "businesswoman economist analyst".split()
)
# the function words of LEADING_NON_NAME (the rest are role nouns)
FUNCTION_WORDS = frozenset(
    "a an and as at but by for from if in is it its like meanwhile now of on or so the then "
    "this these those to was were what when where which who why will with yes no not "
    "about across after against along amid among around before behind beyond despite during "
    "inside into outside over since through throughout under until upon within without yet".split())
# "Will" opens a question ("Will Ha-neul's fate ...?") but is also a given name ("Will Young won")
MODAL_OPENERS = frozenset("will can could should would did does do is are was were".split())
# lower-case nouns that describe a person: "singer X", "X, the actor", "Band singer X"
PERSON_NOUNS = (
    "actor|actress|star|co-star|singer|rapper|songwriter|musician|guitarist|drummer|bassist|keyboardist|"
    "frontman|frontwoman|vocalist|comedian|comic|presenter|host|dj|broadcaster|journalist|reporter|"
    "correspondent|editor|critic|columnist|director|film-?maker|producer|writer|screenwriter|author|"
    "novelist|poet|playwright|artist|painter|sculptor|photographer|designer|composer|conductor|dancer|"
    "choreographer|model|chef|player|striker|midfielder|defender|goalkeeper|keeper|winger|captain|coach|"
    "manager|boss|chairman|chairwoman|chief|founder|co-founder|spokesman|spokeswoman|spokesperson|"
    "minister|secretary|leader|mp|mep|senator|governor|mayor|president|chancellor|lawyer|attorney|"
    "judge|prosecutor|detective|officer|analyst|economist|professor|scientist|researcher|expert|"
    "tycoon|billionaire|businessman|businesswoman|entrepreneur|investor|banker|campaigner|activist|"
    "wife|husband|son|daughter|brother|sister|mother|father|girlfriend|boyfriend|fianc[ée]e?|widow|"
    "nominee|winner|champion|team-?mate|veteran|newcomer|legend|icon|colleague|partner|deputy|aide|"
    "adviser|advisor|organiser|organizer|promoter|agent|publicist|heir|member"
)
# a token like these makes a span an institution, a team or a title, not a person
NON_PERSON_WORDS = frozenset(
    "high school university college academy institute hospital building street road avenue "
    "team desk staff newsroom news bureau entertainment studios studio pictures records "
    "group inc corp ltd llc company airlines airways motors force army navy service ministry "
    "council committee festival awards season episode channel tv network magazine times post "
    "police court government church club party office department agency union store stores "
    "corporation aircraft motor bank fund trust foundation association museum theatre theater "
    # titles: "Chief Executive Officer" is not a name
    "officer chairman chairwoman chief executive president vice ceo cfo coo spokesman "
    "spokeswoman spokesperson minister secretary senator governor award awards prize trophy "
    # groups, teams and parties: no person's name holds these words
    "guild sisters brothers crew films productions orchestra quartet choir society league cup "
    "championship olympics united rovers athletic wanderers county commission parliament assembly "
    "senate congress dem dems democrats republicans tories tory labour hotel hotels arena stadium centre "
    "center central cinema gallery airport lectures".split()
)
# a common noun right before a capitalised run says it is an organisation or a product
ORG_DESCRIPTOR_BEFORE_RE = re.compile(
    r"\b(?:the|retailer|magazine|newspaper|daily|company|firm|carrier|airline|brand|band|label|platform|bank|"
    r"streamer|network|broadcaster|outlet|studio|system|software|app|service|agency|maker|"
    r"manufacturer|rival|giant|chain|site|website|channel|publisher|program|programme|album|act|"
    r"single|song|device|version|newspaper|tabloid|group|outfit|club|team|"
    # a work, not its maker: "the fairy tale X", "comedy X" ("model X" may be a fashion model)
    r"film|movie|comedy|drama|thriller|musical|sitcom|series|documentary|novel|book|opera|tale|"
    r"biopic|blockbuster|sequel|cartoon|franchise|classics?|anthem|ballad|track|magazine|journal)\s+$")
# A byline naming one of these is a desk, not a journalist
TEAM_BYLINE_WORDS = NON_PERSON_WORDS | frozenset("editor editors reporters web digital".split())

# --- role cues -----------------------------------------------------------------
# "<cue> A, B and C": the names after the cue hold the role
ROLE_BEFORE_NAMES: tuple[tuple[str, str], ...] = (
    (r"\b(?:co-)?directed by", "director"),
    (r"\bhelmed by", "director"),
    (r"\b(?:co-)?(?:written|penned|scripted) by", "writer"),
    (r"\b(?:co-)?created by", "creator"),
    (r"\bdeveloped for television by", "creator"),
    (r"\b(?:adapted|based) (?:on|from) (?:the |a |an )?[^.;]{0,60}?\b(?:webtoon|novel|book|comic|manga|manhwa|memoir|story|play|series)\b[^.;]{0,40}? (?:by|from)", "author_original"),
    (r"\b(?:executive )?produced by", "executive"),
    # an artistic or managing director runs a company: an executive, not a film's director
    (r"\b(?:artistic|managing|creative|executive) directors?", "executive"),
    (r"(?<!artistic )(?<!managing )(?<!creative )(?<!executive )(?<!casting )(?<!musical )\b(?:co-)?directors?",
     "director"),
    (r"\bfilmmakers?", "director"),
    (r"\b(?:screen|script)?writers?", "writer"),
    (r"\bshowrunners?", "creator"),
    (r"\bcreators?", "creator"),
    (r"\b(?:novelist|author|cartoonist|webtoon artist)", "author_original"),
    (r"\b(?:executive producer|producer|producing partner|chief executive|CEO|chairman|chairwoman|studio head|"
     r"controller|commissioner|commissioning editor|head of [a-z]+)s?", "executive"),
    (r"\b(?:actor|actress|actors|actresses|co-star|star)", "actor"),
    (r"\b(?:photographer|photo by|photo:|image:|credit:|composer|cinematographer|spokes(?:wo)?man|spokesperson|analyst)", "other"),
    # who presents, hosts, judges or competes in a show
    (r"\b(?:presenters?|hosts?|co-hosts?|hosted by|presented by|judges?|contestants?|housemates?|narrat(?:or|ed by)|"
     r"choreographer|(?:set|costume|lighting|sound) designer)", "other"),
)
ROLE_BEFORE_NAMES_RE = [(re.compile(p + r"\s+(?=(?-i:[A-Z]))", re.IGNORECASE), r) for p, r in ROLE_BEFORE_NAMES]
# "X directed ...", "X, who wrote and directed it", "X is set to star in": the person is the verb's subject
SUBJECT_VERBS: tuple[tuple[str, str], ...] = (
    (r"(?:co-)?direct(?:s|ed)?|helm(?:s|ed)?", "director"),
    (r"(?:co-)?wr(?:ote|ites)|pen(?:s|ned)|scripted", "writer"),
    (r"(?:co-)?star(?:s|red)? (?:in|as|alongside)|star (?:in|as)|plays|played|voices|voiced|"
     r"appear(?:s|ed)? in|reprises?", "actor"),
    (r"(?:executive )?produc(?:es|ed)", "executive"),
    (r"(?:co-)?created", "creator"),
)
SUBJECT_GAP_RE = re.compile(r"(?:[’']s?)?(?:\s*,\s*who|\s)\s*(?:(?:has|have|had|will|would|also|is|was|are|were|"
                            r"set|to|lined|up|due|going|previously|already|both|then|once|first|now)\s+){0,4}")
SUBJECT_VERB_RE = re.compile(r"(?:" + "|".join(f"(?P<r{i}>{v})" for i, (v, _) in enumerate(SUBJECT_VERBS)) + r")\b")
# "X's latest film", "X's new documentary": a possessive credit of a film is its director's
POSSESSIVE_FILM_RE = re.compile(r"[’']s?\s+(?:(?:new|latest|upcoming|debut|last|acclaimed|forthcoming|next|"
                                r"first|second|third|own|award-winning|controversial)\s+){0,2}"
                                r"(?:film|movie|feature|documentary|directorial)\b")
SUBJECT_VERB_JOIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
# "X (returning) as writer": a role noun after "as"
ROLE_AFTER_AS: dict[str, str] = {
    "writer": "writer", "screenwriter": "writer", "scriptwriter": "writer", "director": "director",
    "co-director": "director", "creator": "creator", "showrunner": "creator",
    "producer": "executive", "executive producer": "executive",
}
ROLE_AFTER_AS_RE = re.compile(
    r"\b(?:returning |returns |serving |serve |serves |signed on |on board )?as (?:the )?(?:series |show's |film's |lead )?("
    + "|".join(sorted(map(re.escape, ROLE_AFTER_AS), key=len, reverse=True)) + r")\b"
)
# "| Name/Publisher" photo credits under images
PHOTO_CREDIT_RE = re.compile(r"\|\s*(" + NAME + r")\s*/\s*[A-Z]")

# --- character cues ------------------------------------------------------------
# "<actor> <cue> <character>": the cue sits between actor and character
ACTOR_THEN_CHARACTER = (
    r"(?:reprises?|reprising|reprised) (?:(?:his|her|their|the) (?:role|part) (?:of|as) )?",
    r"(?:will |to |who )?(?:plays?|played|playing|portrays?|portrayed|portraying) (?:the role of )?",
    r"(?:returns?|returning|stars?|starring|steps? (?:up|back|in)(?: again)?|is back|comes back|cast|appears?|appearing)(?: again)? as ",
    r"(?:slides?|steps?|slipped|slips?) back into ",
    r"as ",
)
# lower-case descriptors allowed between the cue and the character ("as the possibly-not-dead X")
# and role nouns ("as detective X", "played the villain X", "returns as her partner X"); never a
# preposition or verb, so "stars opposite X" / "as the lead alongside X" bind nobody
_DESCRIPTORS = (r"(?:(?!(?:as|well|opposite|alongside|with|and|or|in|on|at|for|to|from|by|of|who|which|that|is|are|was|"
                r"were|will|would|has|have|had|than|but|said|says)\b)[a-z][a-z’'-]*\s+){0,4}")
ACTOR_CHARACTER_RE = re.compile(
    r"\b(?P<cue>" + "|".join(ACTOR_THEN_CHARACTER) + r")" + _DESCRIPTORS + r"(?P<char>" + NAME + r")"
    r"(?![\w'’-])(?!['’]s\b)"  # "plays X's wife": X is not the role
)
# what may follow a character's name: punctuation, a verb or a preposition ("as Oscar presenters",
# "play the Live Aid concert": the capitalised words only modify a noun)
CHAR_END_AFTER_RE = re.compile(
    r"\s*(?:$|[.,;:!?()”\"’'–—-])"
    r"|\s+(?:is|are|was|were|has|have|had|will|would|can|could|and|or|to|in|on|at|for|with|by|from|of|"
    r"as|while|but|who|whose|which|that|after|before|when|alongside|opposite|again|once|this|next|too|"
    r"also|since|until|into|through)\b")   # no other verb: "as Hewitt raced to victory" is a clause
# cues that are casting only in screen news (see SCREEN_CONTEXT_RE)
WEAK_CASTING_CUE_RE = re.compile(r"(?:will |to |who )?(?:plays?|played|playing) ")
# the words that make casting news: without any of them "plays X" is sport ("plays X in the final")
SCREEN_CONTEXT_RE = re.compile(
    r"\b(?:films?|movies?|series|sitcoms?|soaps?|dramas?|k-dramas?|musicals?|characters?|cast|casting|"
    r"actors?|actress(?:es)?|starring|theatre|theater|episodes?|webtoon|manhwa|anime|sequel|biopic|shows?|"
    r"streaming|premiere[sd]?|directed|director|filming|filmed|script|screenplay)\b",
    re.IGNORECASE)
# a name right before one of these cues is an actor ("Stage steps up again as ...")
ACTOR_CUE_AFTER_RE = re.compile(r"\s+(?:" + "|".join(ACTOR_THEN_CHARACTER[:-1]) + r")")
# "<character>, played by <actor>"
CHARACTER_THEN_ACTOR_RE = re.compile(r",? (?:played|portrayed|voiced) by (?P<actor>" + NAME + r")")
# "into <character>'s shoes / role"
SHOES_RE = re.compile(r"\binto (?P<char>" + NAME + r")['’]s (?:shoes|role|boots)")
# "as" that is not a casting "as"
NOT_CASTING_AS_RE = re.compile(r"\b(?:such|as well|same|known|so|just|as soon|as long|much|far|well)\s+as\s*$")

# --- status cues (checked in this order: the first hit wins) -----------------------
STATUS_CUES: tuple[tuple[str, str], ...] = (
    ("unconfirmed", r"\b(?:may|might|could|would|is expected to|are expected to|likely to|rumou?red to|tipped to) (?:also )?(?:return|come back|reprise|join|be back)"
                    r"|\b(?:return|comeback)s? (?:might|may|could|remains? unclear|is unclear|is uncertain)"
                    r"|\bin (?:early |final )?talks\b|\btipped\b|\brumou?red\b|\bunconfirmed\b|\bnot yet confirmed\b"),
    ("departed", r"\b(?:exit(?:s|ed|ing)?|bow(?:s|ed)? out|depart(?:s|ed|ing)?|left the (?:show|series|project|cast)|"
                 r"(?:won['’]t|will not|wo n't|not) (?:be )?(?:return(?:ing)?|back)|dropp(?:ed|ing) out|quit|stepp(?:ed|ing) down|"
                 r"replaced|recast|pulled out|dipped|axed|written off)\b"),
    ("new", r"\b(?:join(?:s|ed|ing)?|newcomers?|new (?:faces?|cast(?: members?)?|additions?)|"
            r"fresh (?:faces?|blood|additions?)|new to the cast|newly cast|new addition)\b"),
    ("returning", r"\b(?:return(?:s|ing)?|reprise[sd]?|reprising|is back|are back|back as|slides? back|steps? up again|"
                  r"comes? back|will be back|again as|back into)\b"),
)
STATUS_RES = [(s, re.compile(p, re.IGNORECASE)) for s, p in STATUS_CUES]
# a document-level hint that the familiar cast comes back (used when no sentence says so)
DOC_RETURNING_RE = re.compile(
    r"\breturning (?:cast|stars|actors|faces|heroes|members)\b|\breprise", re.IGNORECASE)

# --- cast-list cues ------------------------------------------------------------
CAST_CUE_RE = re.compile(
    r"\b(?:cast|casts|actors?|actresses?|starring|stars|featuring|newcomers?|ensemble|line-?up|"
    r"new faces|fresh (?:faces|blood)|will return|(?:set|confirmed|expected|due|slated|tipped) to return|"
    r"join(?:s|ing|ed)? (?:the )?(?:cast|fray|show|series|film))\b",
    re.IGNORECASE)
# "These include A, B": the cue is in the sentence before
LIST_LEAD_RE = re.compile(r"^\s*(?:These|They|Those|The list) (?:include|includes|are|were)\b")
# "These newcomers will ...": the sentence after names the status of a list
ANAPHOR_RE = re.compile(r"^\s*(?:These|They|Those|All|Both)\b")
# a role in another work: "(from Title)", "(Title alum)", "signed on for ..., Title"
OTHER_WORK_RES = (
    re.compile(r"\(\s*(?:from|of|known for|star of) (?P<work>[A-Z][^()]{1,60}?)\s*\)"),
    re.compile(r"\(\s*(?P<work>[A-Z][^()]{1,60}?) (?:alum|alumna|alumnus|star|fame)\s*\)"),
    re.compile(r"\bsigned on (?:for|to) (?:another |a new |the )?[^,.]{0,40}?(?:project|drama|film|series|movie|show)?,? (?P<work>[A-Z][\w’'-]*(?: (?:[A-Z0-9][\w’'-]*|of|in|the|a|an|and|on|at|to|for))*)"),
)
# "<X> singer <Name>", "<X> home affairs spokesman <Name>": X names a band, a party, a firm or a work
# (membership nouns only: "Johnny Cash manager X" or "X lawyer Y" is said of people too)
MEMBER_NOUNS = (
    "singer|guitarist|drummer|bassist|keyboardist|frontman|frontwoman|vocalist|rapper|boss|leader|chairman|"
    "chairwoman|chief|executive|founder|co-founder|striker|midfielder|defender|goalkeeper|keeper|winger|"
    "captain|player|star|co-star|nominee|winner|member|spokesman|spokeswoman|spokesperson|minister|mp|mep|"
    "secretary|correspondent|editor|presenter|host|dj|analyst|economist|director|producer|actor|actress")
PREMODIFIER_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:(?!(?:said|says|told|and|or|nor|plus|with|without|to|by|as|of|in|on|at|for|from|into|"
    r"including|like|such|while|but|than|then|also|before|after|is|are|was|were|has|have|had|will|would|"
    r"the|a|an|his|her|their|its|who|which|that|fellow)\b)[a-z][\w-]*[ \u00a0]+){0,2}"
    rf"(?:{MEMBER_NOUNS})s?[ \u00a0]+(?=[A-Z][a-z])")
# --- evidence that a capitalised run is a person, or a thing (votes; see _context_votes) -------
HONORIFIC_BEFORE_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord|Prof|Professor|Rev|Reverend|Judge|Justice|Senator|"
    r"Governor|Mayor|Coach|Captain|Inspector|Detective|Sgt|Lt|Col|Gen|President|Chancellor|Secretary|"
    r"Minister|Pope|Prince|Princess)\.?[ \u00a0]+$")
# "singer X", "US actor X" (lower case: "Screen Actors Guild" is a title)
PERSON_NOUN_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:{PERSON_NOUNS})s?[ \u00a0]+$"
    # capitalised only where a sentence opens: "Director X said"
    rf"|(?:^|[.!?:\n\"“]\s*)(?i:{PERSON_NOUNS})s?[ \u00a0]+$")
# '..." said X' (after a quotation: "said X did" is a clause about anything)
SAID_BEFORE_RE = re.compile(r"[,\"”]\s*(?:said|says|added|asked)[ \u00a0]+$")
# "X said it would": an organisation speaks of itself as "it"
SAID_IT_AFTER_RE = re.compile(
    r"[’']?s?,?\s*(?:[a-z]+ )?(?:said|says|told|added|claimed|argued|announced|confirmed|expects?|hopes?)"
    r"\s+(?:that\s+)?(?:its\b|it\s+(?:\w+\s+){0,3}its\b)")   # not "said it was": people say that too
# "X, 45,", "X (45)", "X, who", "X, the actor", "X's wife"
PERSON_AFTER_RE = re.compile(
    r"(?:,\s*\d{1,3}\s*,|\s*\(\d{1,3}\))|,?\s+who\b"
    rf"|,\s*(?:the|a|an|his|her)\s+(?:[\w-]+\s+){{0,3}}?(?:{PERSON_NOUNS})s?\b"
    r"|['’]s?\s+(?:wife|husband|son|daughter|mother|father|brother|sister|girlfriend|boyfriend|"
    r"widow|parents|children|lawyer|agent|publicist)\b")
# ("A" and "An" only in lower case: "A Lo Cicero" is an initial, "An Jae-hong" a family name)
DETERMINER_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:[Tt]he|a|an|[Tt]his|[Tt]hese|[Tt]hose|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our|[Mm]y)[ \u00a0]+$")
# what may follow a phrase's head: punctuation, the end, a verb or preposition, a possessive
HEAD_END_AFTER_RE = re.compile(
    r"\s*(?:$|[.,;:!?)”]|[\"’](?!\w)|['’]s?\b|-)"
    r"|\s+(?:is|are|was|were|has|have|had|will|would|can|could|and|or|to|in|on|at|for|with|by|from|of|as)\b")
# "X shares", "X officials", "Oscar winners", "X-winning": a body or an award
THING_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:shares|stock|shareholders|board|club|party|awards?|ceremony|ceremonies|nominees?|"
    r"nominations?|winners?|statuettes?|trophy|stance|officials|website|franchise|sequel|brand|products|"
    r"stores|chain|squad)\b"
    r"|-(?:winning|nominated|winner|led|based|owned|backed|run|funded|listed|sponsored)\b")
# a work named in passing, not a person: "1989's X", "shows X and Y", "blockbusters such as A, X"
WORK_BEFORE_RE = re.compile(
    r"\b(?:19|20)\d\d['’]s[ \u00a0]+$"
    r"|\b(?:films|movies|shows|series|dramas|comedies|blockbusters|hits|titles|programmes|programs|sitcoms|"
    r"soaps|musicals|plays|novels|books)(?:[ \u00a0]+(?:such as|including|like))?[ \u00a0]+"
    r"(?:[A-Z][^.;:!?()]{0,60},[ \u00a0]+)?$")
# "X (BBC One)", "X and the Prisoner of ...": a programme on a channel, a long title
WORK_AFTER_RE = re.compile(rf"[ \u00a0]*\((?:{PLATFORMS})\)|[ \u00a0]+and the [A-Z]")
# "in X", "across X": a place or a body, not a person
PLACE_BEFORE_RE = re.compile(r"(?<![\w-])(?:in|across|throughout|within|inside|outside)[ \u00a0]+$")
SAY_AFTER_RE = re.compile(r"^[’']?s?,?\s*(?:[a-z]+ ){0,1}(?:said|says|told|added|explained|noted|wrote|announced)\b")
HEADING_END = (".", "!", "?", ":", "”", '"', ";", ",")

# ================================================================= data classes


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str            # 'ner' | 'shape' | 'slot' | 'list' | 'repeat'
    name: str = ""         # fullest form in the article
    kind: str = "real"


@dataclass
class _Doc:
    """Working state for one article."""

    doc: Document
    body: str
    sentences: list[tuple[int, int]]
    label_votes: dict[str, dict[str, int]]
    screen: bool = True    # the article is about film, TV or stage (casting cues apply)
    mentions: list[Mention] = field(default_factory=list)
    fictional: set[str] = field(default_factory=set)
    real: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # surface -> canonical (stage/real name)
    list_runs: dict[tuple[int, int], list] = field(default_factory=dict)   # _list_items per sentence
    slots: list | None = None   # role-cue matches (see _role_slots)


# ================================================================== sentences
_SENT_END_RE = re.compile(r"(?<=[.!?])[”\"’)]?(?=\s+[A-Z“\"‘(]|[A-Z](?:[a-z]|\s))|\n+")


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans; also splits sentences glued without a space ("pages.A new").

    A regex and not spaCy's parser: the parser costs more than all of NER.
    """
    spans, start = [], 0
    for m in _SENT_END_RE.finditer(body):
        end = m.end() if body[m.start():m.end()].strip() else m.start()
        if m.group().startswith("\n"):
            end = m.start()
        _add_span(body, spans, start, end)
        start = m.end()
    _add_span(body, spans, start, len(body))
    return spans


def _add_span(body: str, spans: list, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        # an initial ("George W. Bush") or honorific is not a sentence end
        if spans and re.search(r"(?:\b[A-Z]|\bMr|\bMs|\bMrs|\bDr|\bSt|\bJr)\.$", body[spans[-1][0]:spans[-1][1]]) \
                and body[spans[-1][1]:start].strip() == "":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the last one when it falls between sentences)."""
    i = bisect_right(sentences, (offset, _INF)) - 1
    if i >= 0 and offset < sentences[i][1]:
        return i
    return max(0, len(sentences) - 1)


_INF = float("inf")


def _is_heading(line: str) -> bool:
    """A short Title Case line without sentence punctuation: a section heading."""
    words = line.split()
    if not words or len(words) > 12 or line.rstrip().endswith(HEADING_END):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps >= max(2, int(0.7 * len(words)))


# ============================================================ name candidates


def _norm(name: str) -> str:
    return re.sub(r"[\s\-‐]+", "", name).casefold()


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text)


def _trim_name(body: str, start: int, end: int) -> tuple[int, int] | None:
    """Repair an NER span into a clean name span, or None when it is not one."""
    # finish a token that spaCy cut ("Kim Ha-" -> "Kim Ha-neul")
    while end < len(body) and (body[end - 1] == "-" or body[end] == "-" or body[end].isalpha()) \
            and (body[end].isalpha() or body[end] == "-"):
        end += 1
    text = body[start:end]
    # cut at a glued sentence, a line break or a comma ("Kim Ha-i. Photos")
    # (an initial's full stop is not a cut: "John C. Reilly", "L.M. Carson")
    cut = re.search(r"(?<!\b[A-Z])\.\s|\n|,|;|\(|\)|[’']s\b|\s[-–—]\s", text)
    if cut:
        end = start + cut.start()
    text = body[start:end].rstrip(" ’'")
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]|\bJr|\bSr)\.$", text):
        text = text[:-1]
    end = start + len(text)
    # drop capitalised function words at the front ("Will Ha-neul's fate ...?", "Actors Kim ...")
    while True:
        first = re.match(r"(\S+)\s+", body[start:end])
        if not first:
            break
        word = first.group(1).casefold()
        if word in MODAL_OPENERS:
            # a modal opens a question; mid-sentence or in a statement it is a given name ("Will Young")
            if not (_at_sentence_start(body, start) and _is_question(body, start)):
                break
        elif word not in LEADING_NON_NAME:
            break
        elif _continues_capitalised_run(body, start):
            return None   # "Screen Actors Guild": the run started earlier, a title not a name
        elif word in ("star", "stars") and len(body[start + first.end():end].split()) < 2:
            return None   # "Star Trek", "Star Wars": a title, not the star of one
        start += first.end()
    m = NAME_RE.fullmatch(body[start:end])
    if not m:
        return None
    words = body[start:end].split()
    if any(w.strip(".").casefold() in NON_PERSON_WORDS for w in words):
        return None
    last = words[-1]
    if len(words) >= 2 and "-" in last and last.rsplit("-", 1)[-1].casefold() in MODIFIER_SUFFIXES | CREDIT_SUFFIXES:
        # "Kat Dennings-led series", "a Steven Spielberg-produced film": the name before the suffix
        end = start + len(body[start:end].rstrip()) - len(last.rsplit("-", 1)[-1]) - 1
        words = body[start:end].split()
    if any(w.rsplit("-", 1)[-1].casefold() in MODIFIER_SUFFIXES for w in words if "-" in w):
        return None   # "Oscar-winning", "World Cup-winning": a modifier, not a name
    return start, end


def _at_sentence_start(body: str, pos: int) -> bool:
    i = pos
    while i > 0 and body[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or body[i - 1] in ".!?:\n\"“‘("


_SENTENCE_STOP_RE = re.compile(r"[.!?\n]")


def _is_question(body: str, pos: int) -> bool:
    """The sentence that runs from ``pos`` ends with a question mark."""
    m = _SENTENCE_STOP_RE.search(body, pos)
    return bool(m) and m.group() == "?"


def _continues_capitalised_run(body: str, pos: int) -> bool:
    """A capitalised word right before ``pos`` on the same line: the name is inside a longer title."""
    return bool(re.search(r"[A-Z][\w'’-]* $", body[max(0, pos - 25):pos])) and not _at_sentence_start(body, pos)


def _entities(spacy_doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of spaCy's entities (read once: each ``.ents`` builds new Spans)."""
    return [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents]


def _ner_candidates(st: _Doc, ents: list[tuple[int, int, str]]) -> list[Mention]:
    out = []
    for start, end, label in ents:
        if label != "PERSON":
            continue
        span = _trim_name(st.body, _extend_left(st.body, start, end), end)
        if span:
            out.append(Mention(span[0], span[1], st.body[span[0]:span[1]], "ner"))
    return out


# a capitalised given name right before a one-word NER name, after a lower-case word
# ("while Anders Lie returns as": the model tagged only "Lie")
_GIVEN_BEFORE_RE = re.compile(r"(?<![\w.’'-])[a-z]+[ \u00a0]+(?P<given>[A-Z][a-z]+)[ \u00a0]+$")
_HONORIFICS = frozenset("sir lord lady dame mr mrs ms miss dr prof president king queen prince princess "
                        "pope saint st".split())


_NOT_A_GIVEN_NAME = NON_PERSON_WORDS | LEADING_NON_NAME | _HONORIFICS


def _extend_left(body: str, start: int, end: int) -> int:
    """Take in the given name only where the words after say "person" (a casting cue, "said", a bracket)."""
    if " " in body[start:end].strip():
        return start
    m = _GIVEN_BEFORE_RE.search(body, max(0, start - 40), start)
    if not m or m.group("given").casefold() in _NOT_A_GIVEN_NAME:
        return start
    after = body[end:end + 40]
    if ACTOR_CUE_AFTER_RE.match(after) or SAY_AFTER_RE.match(after) or re.match(r"\s*\(", after):
        return m.start("given")
    return start


def _shape_candidates(st: _Doc) -> list[Mention]:
    """Family name + hyphenated given name: a name by its shape alone."""
    out = []
    for m in EAST_ASIAN_NAME_RE.finditer(st.body):
        start = m.start()
        family = m.group(1)
        sent_start = st.sentences[_sentence_of(st.sentences, start)][0]
        at_sentence_start = st.body[sent_start:start].strip() == ""
        if family.casefold() in LEADING_NON_NAME and (at_sentence_start or family in ("The", "A", "An")):
            continue  # "Will Ha-neul's fate": a sentence word, not a family name
        if family.casefold() in NON_PERSON_WORDS or m.group(2).split("-")[-1] in COMPOUND_SUFFIXES:
            continue
        if re.search(r"[A-Z][\w.]*\s$", st.body[max(0, start - 20):start]):
            continue  # "New York City-based": the run started earlier, it is a place
        out.append(Mention(start, m.end(), m.group(), "shape"))
    return out


def _label_votes(body: str, ents: list[tuple[int, int, str]]) -> dict[str, dict[str, int]]:
    votes: dict[str, dict[str, int]] = {}
    for start, end, label in ents:
        key = _norm(_strip_possessive(body[start:end].strip()))
        lab = "PERSON" if label == "PERSON" else ("OTHER" if label in NON_PERSON_LABELS else None)
        if lab:
            votes.setdefault(key, {}).setdefault(lab, 0)
            votes[key][lab] += 1
    return votes


def _names_after(body: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """The names of a list that starts at ``pos``: "A, B, and C" / "A and B"."""
    spans = []
    last = False
    while pos < limit:
        m = NAME_RE.match(body, pos)
        if not m:
            break
        s, e = m.start(), m.end()
        # "A, B and Oscar nominee C": the capitalised word before a person noun only modifies C
        if (pre := PREMODIFIER_AFTER_RE.match(body, e, limit)) and (head := NAME_RE.match(body, pre.end())):
            s, e = head.start(), head.end()
        spans.append((s, e))
        if last:
            break
        # an aside may follow an item: "A (from Other Show), B"
        sep = re.match(r"(?:\s*\([^()]{0,80}\))?\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)", body[e:limit])
        if not sep or not sep.group().strip():
            break
        last = bool(re.search(r"\band\b|&", sep.group()))
        pos = e + sep.end()
    return spans


# ================================================================== the extractor


def _clean_slot_name(body: str, s: int, e: int) -> tuple[int, int] | None:
    span = _trim_name(body, s, e)
    if not span:
        return None
    text = body[span[0]:span[1]]
    if text.casefold() in LEADING_NON_NAME:
        return None
    return span


_PAREN_NAME_RE = re.compile(r"\s*\((?P<name>" + NAME + r")\)")


def _collect_mentions(st: _Doc, ents: list[tuple[int, int, str]]) -> None:
    body = st.body
    cands = _ner_candidates(st, ents) + _shape_candidates(st)
    strong = {_norm(c.text) for c in cands if c.source == "shape"}

    # names in role slots ("directors A and B", "created by A, B") and character slots
    for _role, _s0, _e0, names in _role_slots(st):
        for s, e in names:
            span = _clean_slot_name(body, s, e)
            if span:
                cands.append(Mention(span[0], span[1], body[span[0]:span[1]], "slot"))
                strong.add(_norm(body[span[0]:span[1]]))

    # list propagation: in "A, B, C and D" with two known names, the rest are names too
    known = {_norm(c.text) for c in cands}
    for s0, e0 in st.sentences:
        if _is_heading(body[s0:e0].strip()):
            continue   # "Release Date, Cast and Everything We Know": a headline lists topics
        items = _sentence_list_items(st, s0, e0)
        for run in items:
            hits = sum(1 for s, e in run if _norm(body[s:e]) in known)
            if hits >= 2 or (hits >= 1 and len(run) >= 3 and CAST_CUE_RE.search(body[s0:e0])):
                for s, e in run:
                    span = _clean_slot_name(body, s, e)
                    if span and len(body[span[0]:span[1]].split()) <= 3:
                        cands.append(Mention(span[0], span[1], body[span[0]:span[1]], "list"))
                        strong.add(_norm(body[span[0]:span[1]]))

    # character slots: the name after "as", "plays", "reprises ..."
    named_ends = {c.end for c in cands}
    for m in ACTOR_CHARACTER_RE.finditer(body):
        if not _char_slot_ok(st, m):
            continue
        span = _clean_slot_name(body, m.start("char"), m.end("char"))
        if m.group("cue") == "as " and not any(0 < m.start() - e <= 2 for e in named_ends):
            continue  # a bare "as X" counts only right after a name ("A as B")
        if span and not NOT_CASTING_AS_RE.search(body[max(0, m.start() - 12):m.start() + len(m.group("cue"))]):
            cands.append(Mention(span[0], span[1], body[span[0]:span[1]], "character-slot"))
            if m.group("cue") != "as ":
                # "reprises her role as X", "plays X": the cue outweighs NER calling X a place or firm
                strong.add(_norm(body[span[0]:span[1]]))

    # "Actor (Character Name)" in a casting sentence: the bracket holds a name even when the
    # model calls it a firm or place
    if st.screen:
        for c in [c for c in cands if c.source in ("ner", "shape")]:
            m = _PAREN_NAME_RE.match(body, c.end)
            s0, e0 = st.sentences[_sentence_of(st.sentences, c.start)]
            if m and len(m.group("name").split()) >= 2 and CAST_CUE_RE.search(body, s0, e0):
                span = _clean_slot_name(body, m.start("name"), m.end("name"))
                if span:
                    cands.append(Mention(span[0], span[1], body[span[0]:span[1]], "slot"))
                    strong.add(_norm(body[span[0]:span[1]]))

    # a given name alone next to a parenthesised name: "Ha-neul (Kim Ha-neul's actor)" / "X (Ha-neul)"
    for m in GIVEN_NAME_RE.finditer(body):
        after, before = body[m.end():m.end() + 40], body[max(0, m.start() - 2):m.start()]
        if re.match(r"\s*\(" + NAME + r"\)", after) or (before.endswith("(") and after.startswith(")")):
            cands.append(Mention(m.start(), m.end(), m.group(), "slot"))

    accepted = [c for c in cands if _keep(st, c, strong)]
    st.mentions = _dedupe_spans(_vote_out_non_persons(st, accepted))


# sources whose pattern already says "person" (a role slot, a character slot, a name's shape)
TRUSTED_SOURCES = frozenset({"shape", "slot", "character-slot"})


def _vote_out_non_persons(st: _Doc, accepted: list[Mention]) -> list[Mention]:
    """Drop the names that the article, over all their occurrences, uses more as a thing than a person.

    Each occurrence of a name votes (see ``_context_votes``); a name with more
    thing-votes than person-votes ("the X", "X singer <Name>", "oil giant X",
    "in X", "X of Y", "'X'") is a band, a firm, a party or a title. Names from a
    role or character slot are kept: the slot already says "person".
    """
    trusted = {_norm(c.text) for c in accepted if c.source in TRUSTED_SOURCES}
    forms = {c.text for c in accepted if _norm(c.text) not in trusted}
    if not forms:
        return accepted
    votes = _context_votes(st.body, forms, {c.text for c in accepted}, st.screen)
    out = []
    for c in accepted:
        pos, neg = votes.get(c.text, (0, 0))
        if _norm(c.text) in trusted or neg <= pos:
            out.append(c)
    return out


def _context_votes(body: str, forms: set[str], all_names: set[str],
                   screen: bool = True) -> dict[str, tuple[int, int]]:
    """(person votes, thing votes) per name form, from every occurrence in ``body``.

    A bare surname that shortens exactly one of ``all_names`` lends its person
    votes to that full name ("director Mike Leigh ... Leigh said").
    """
    by_surname: dict[str, set[str]] = {}
    for f in all_names:
        parts = f.split()
        if len(parts) >= 2:
            by_surname.setdefault(parts[-1], set()).add(f)
    surname_of = {next(iter(full)): short for short, full in by_surname.items()
                  if len(full) == 1 and next(iter(full)) in forms}
    wanted = forms | set(surname_of.values())
    pos: dict[str, int] = {}
    neg: dict[str, int] = {}
    full_of = {short: full for full, short in surname_of.items()}
    for form in wanted:
        for s0, e0 in _occurrences(body, form):
            p_vote, n_vote = _occurrence_votes(body, s0, e0, screen)
            if form in forms:
                pos[form] = pos.get(form, 0) + p_vote
                neg[form] = neg.get(form, 0) + n_vote
            if form in full_of:
                full = full_of[form]
                pos[full] = pos.get(full, 0) + p_vote
    return {f: (pos.get(f, 0), neg.get(f, 0)) for f in forms}


def _occurrences(body: str, form: str):
    """(start, end) of every occurrence of ``form`` bounded like a name (no letter, digit or hyphen
    either side). str.find, not a regex per name: compiling one costs more than the search."""
    n, size = len(form), len(body)
    i = body.find(form)
    while i >= 0:
        j = i + n
        if (i == 0 or not (body[i - 1].isalnum() or body[i - 1] in "_-")) \
                and (j >= size or not (body[j].isalnum() or body[j] in "_-")):
            yield i, j
        i = body.find(form, i + 1)


def _is_acronym_expansion(text: str, before: str, after: str) -> bool:
    words = text.split()
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    m = re.match(r"\s*\(([A-Z]{2,})\)", after) or re.search(r"\b([A-Z]{2,})\s*\($", before)
    return bool(m) and m.group(1) == initials


def _occurrence_votes(body: str, s: int, e: int, screen: bool = True) -> tuple[int, int]:
    """(person, thing) votes of one occurrence, from the words around it."""
    before = body[max(0, s - 40):s]
    after = body[e:e + 60]
    if SAID_IT_AFTER_RE.match(after):
        return 0, 1
    person = bool(HONORIFIC_BEFORE_RE.search(before) or PERSON_NOUN_BEFORE_RE.search(before)
                  or SAY_AFTER_RE.match(after) or SAID_BEFORE_RE.search(before)
                  or ACTOR_CUE_AFTER_RE.match(after) or PERSON_AFTER_RE.match(after))
    thing = bool(
        # "Jason White (X)" outside screen news: X is a team, a party or a firm, not a role
        (not screen and re.search(r"[A-Z][\w'’.-]*\s*\($", before) and not re.match(r"\s*\d", after))
        # "ADSL (Asymmetric Digital Subscriber Line)": a term spelled out
        or _is_acronym_expansion(body[s:e], before, after)
        # "the X is", "the X, ...": X heads the phrase ("the X Show", "a X own goal": X only modifies)
        or (DETERMINER_BEFORE_RE.search(before) and HEAD_END_AFTER_RE.match(after))
        or ORG_DESCRIPTOR_BEFORE_RE.search(before) and not before.endswith(("the ", "The "))
        or PREMODIFIER_AFTER_RE.match(after) or THING_AFTER_RE.match(after)
        or WORK_BEFORE_RE.search(before) or WORK_AFTER_RE.match(after)
        or (PLACE_BEFORE_RE.search(before) and not re.match(r"['’]", after))
        # a quoted title: 'X' / "X"
        or (re.search(r"[\"“‘']$", before) and re.match(r"[\"”’']", after) and not re.match(r"['’]s\b", after)))
    return int(person), int(thing)


def _sentence_list_items(st: _Doc, s0: int, e0: int) -> list[list[tuple[int, int]]]:
    key = (s0, e0)
    if key not in st.list_runs:
        st.list_runs[key] = _list_items(st.body, s0, e0)
    return st.list_runs[key]


def _role_slots(st: _Doc) -> list[tuple[str, int, int, list[tuple[int, int]]]]:
    """(role, sentence start, sentence end, name spans) for every role cue, once per article.

    A capitalised "Star" is a title ("the Star Wars DVD", "Star Trek fans"), not a cue,
    unless it opens a sentence before a full name ("Star Kim Ha-neul ...").
    """
    if st.slots is None:
        body, st.slots = st.body, []
        for pattern, role in ROLE_BEFORE_NAMES_RE:
            for m in pattern.finditer(body):
                s0, e0 = st.sentences[_sentence_of(st.sentences, m.start())]
                names = _names_after(body, m.end(), e0)
                if m.group().startswith("Star") and (not _at_sentence_start(body, m.start())
                                                     or any(len(body[s:e].split()) < 2 for s, e in names)):
                    continue
                st.slots.append((role, s0, e0, names))
    return st.slots


def _list_items(body: str, s0: int, e0: int) -> list[list[tuple[int, int]]]:
    """Runs of comma/and-separated capitalised names in a sentence."""
    runs = []
    pos = s0
    while pos < e0:
        m = NAME_RE.search(body, pos, e0)
        if not m:
            break
        run = _names_after(body, m.start(), e0)
        if len(run) >= 2:
            runs.append(run)
        pos = (run[-1][1] if run else m.end()) + 1
    return runs


def _keep(st: _Doc, c: Mention, strong: set[str]) -> bool:
    text = c.text
    key = _norm(text)
    if not text or not text[0].isupper() or any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    if any(w.casefold() in NON_PERSON_WORDS for w in words):
        return False
    if st.doc.publisher and key == _norm(st.doc.publisher):
        return False
    if key in strong or c.source in ("shape", "slot", "list"):
        return True
    votes = st.label_votes.get(key, {})
    if votes.get("OTHER", 0) > votes.get("PERSON", 0):
        return False
    if c.source == "character-slot":
        return True
    if ORG_DESCRIPTOR_BEFORE_RE.search(st.body[max(0, c.start - 20):c.start]):
        return False
    line_start = st.body.rfind("\n", 0, c.start) + 1
    line_end = st.body.find("\n", c.end)
    line = st.body[line_start: line_end if line_end >= 0 else len(st.body)]
    if _is_heading(line):
        return False
    if len(words) == 1:
        # a lone word needs support: repeated as a person, or followed by "said"
        after = st.body[c.end:c.end + 30]
        return bool(SAY_AFTER_RE.match(after)) or bool(ACTOR_CUE_AFTER_RE.match(after))
    return True


def _dedupe_spans(mentions: list[Mention]) -> list[Mention]:
    """Overlapping candidates: keep the longest span."""
    out: list[Mention] = []
    for c in sorted(mentions, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _add_repeats(st: _Doc) -> None:
    """Every other occurrence of an accepted name (and its short forms) is a mention too."""
    body = st.body
    names = {m.text for m in st.mentions}
    full_by_short: dict[str, set[str]] = {}
    for n in names:
        parts = n.split()
        if len(parts) >= 2:
            full_by_short.setdefault(parts[-1], set()).add(n)
            if "-" in parts[-1] and len(parts) == 2:  # given name of an East-Asian name
                full_by_short.setdefault(parts[1], set()).add(n)
    taken = [(m.start, m.end) for m in st.mentions]
    extra = []
    forms = sorted(names | {s for s, f in full_by_short.items() if len(f) == 1}, key=len, reverse=True)
    for form in forms:
        if form not in names and form.casefold() in LEADING_NON_NAME:
            continue   # a bare surname that is also a sentence word ("Will", "Star")
        for s0, e0 in _occurrences(body, form):
            if any(s0 < e and s < e0 for s, e in taken):
                continue
            extra.append(Mention(s0, e0, form, "repeat"))
            taken.append((s0, e0))
    st.mentions = sorted(st.mentions + extra, key=lambda m: m.start)
    # fullest form: a one-word mention that is the surname/given name of exactly one full name
    for m in st.mentions:
        # "Stage (Legal Name)": the one-word stage name is the name, not a surname
        full = None if re.match(r"\s*\(", body[m.end:m.end + 3]) else full_by_short.get(m.text)
        m.name = next(iter(full)) if (len(m.text.split()) == 1 and full and len(full) == 1) else m.text


def _mention_at(st: _Doc, start: int, end: int) -> Mention | None:
    for m in st.mentions:
        if m.start < end and start < m.end:
            return m
    return None


def _mentions_in(st: _Doc, start: int, end: int) -> list[Mention]:
    return [m for m in st.mentions if start <= m.start and m.end <= end]


# ============================================================ characters & roles


@dataclass
class _Role:
    person: str
    role: str
    character: str | None
    start: int
    end: int
    anchor: int            # where the person is mentioned (for status)
    work: str | None = None
    other_work: bool = False
    status: str | None = None


def _clauses(body: str, s0: int, e0: int) -> list[tuple[int, int]]:
    cuts = [s0] + [s0 + m.end() for m in re.finditer(r",\s+(?:and|while|but|with|whereas)\s+|;\s+", body[s0:e0])] + [e0]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _status_in(text: str) -> str | None:
    """The status a clause states; the table order settles a clause with two cues."""
    for status, rx in STATUS_RES:
        if rx.search(text):
            return status
    return None


def _nearest_status(text: str, base: int, anchor: int) -> str | None:
    """In a longer stretch, the cue closest to the person's mention wins."""
    best = None
    for rank, (status, rx) in enumerate(STATUS_RES):
        for m in rx.finditer(text):
            dist = min(abs(base + m.start() - anchor), abs(base + m.end() - anchor))
            if best is None or (dist, rank) < best[0]:
                best = ((dist, rank), status)
    return best[1] if best else None


def _find_character_bindings(st: _Doc) -> list[tuple[Mention, Mention, int, int]]:
    """(actor, character, sentence start, sentence end) pairs from the character cues."""
    body = st.body
    pairs = []
    for s0, e0 in st.sentences:
        sent_mentions = _mentions_in(st, s0, e0)
        # actor <cue> character
        for m in ACTOR_CHARACTER_RE.finditer(body, s0, e0):
            if NOT_CASTING_AS_RE.search(body[max(s0, m.start() - 12):m.start() + len(m.group("cue"))]) \
                    or not _char_slot_ok(st, m):
                continue
            char = _mention_at(st, m.start("char"), m.end("char"))
            if not char:
                continue
            left = [x for x in sent_mentions if x.end <= m.start() and not _in_parens(body, x)]
            if not left:
                continue
            actor = left[-1]
            between = body[actor.end:m.start()]
            # the actor is the nearest name before the cue, in the same clause-ish stretch
            if len(between) > 80 or re.search(r"[.;:!?]", between):
                continue
            if m.group("cue") == "as " and re.search(r"\b(?:said|says|told)\b", between):
                continue
            if _norm(actor.name) == _norm(char.name):
                continue
            pairs.append((actor, char, s0, e0))
        # character, played by actor
        for m in CHARACTER_THEN_ACTOR_RE.finditer(body, s0, e0):
            actor = _mention_at(st, m.start("actor"), m.end("actor"))
            left = [x for x in sent_mentions if x.end <= m.start()]
            if actor and left:
                pairs.append((actor, left[-1], s0, e0))
        # into character's shoes
        for m in SHOES_RE.finditer(body, s0, e0):
            char = _mention_at(st, m.start("char"), m.end("char"))
            left = [x for x in sent_mentions if char and x.end <= char.start]
            if char and left:
                pairs.append((left[-1], char, s0, e0))
    return pairs


def _char_slot_ok(st: _Doc, m: re.Match) -> bool:
    """A character slot holds a name ("as Seo Yu-na,"), not a noun's modifier or an acronym.

    "plays X" and a bare "as X" are casting only in an article about film, TV or
    stage: in sport "Davenport plays X in the next round" names an opponent.
    """
    body, char = st.body, m.group("char")
    if not st.screen and WEAK_CASTING_CUE_RE.match(m.group("cue")):
        return False
    return (any(ch.islower() for ch in char)
            and not re.search(r"\b(?:a|an)\s+$", body[m.end("cue"):m.start("char")])   # "as an Americanised"
            and bool(CHAR_END_AFTER_RE.match(body, m.end("char"))))


def _in_parens(body: str, m: Mention) -> bool:
    return body[:m.start].rstrip().endswith("(")


def _paren_pairs(st: _Doc) -> list[tuple[Mention, Mention, int, int, str]]:
    """"A (B)" and "A (the ... B)" pairs, in text order, with the paren's inside text."""
    body = st.body
    out = []
    for outer in st.mentions:
        m = re.match(r"\s*\(([^()]{1,80})\)", body[outer.end:])
        if not m or not st.screen or any(ch.isdigit() for ch in m.group(1)):
            continue   # "Smith (Jones 82)": a substitution, not a role
        inner_start = outer.end + m.start(1)
        inner = [x for x in st.mentions if inner_start <= x.start and x.end <= outer.end + m.end(1)]
        if len(inner) == 1:
            i0, i1 = st.sentences[_sentence_of(st.sentences, outer.start)]
            out.append((outer, inner[0], i0, i1, m.group(1)))
    return out


def _possessive_pairs(st: _Doc) -> list[tuple[Mention, Mention, int, int]]:
    """"A's B" with two names: the actor's character."""
    out = []
    for a in st.mentions if st.screen else ():
        after = st.body[a.end:a.end + 3]
        if not re.match(r"['’]s ", after):
            continue
        b = _mention_at(st, a.end + 3, a.end + 4)
        if b and b.start == a.end + 3:
            s0, e0 = st.sentences[_sentence_of(st.sentences, a.start)]
            out.append((a, b, s0, e0))
    return out


def _decide_kinds(st: _Doc, bindings, parens, possessives, cast_names: set[str]) -> list[tuple[Mention, Mention, int, int]]:
    """Mark fictional names; return every (actor, character) pair the evidence supports."""
    fictional = {_norm(c.name) for _, c, _, _ in bindings}
    real = {_norm(a.name) for a, _, _, _ in bindings} | cast_names
    pairs = list(bindings)
    # possessives first need a known actor on the left
    for a, b, s0, e0 in possessives:
        if _norm(a.name) in real and _norm(b.name) not in real:
            pairs.append((a, b, s0, e0))
            fictional.add(_norm(b.name))
    for outer, inner, s0, e0, inside in parens:
        o, i = _norm(outer.name), _norm(inner.name)
        descriptive = bool(re.match(r"\s*(?:the|a|an|[a-z])", inside))
        if o in fictional or i in real and o not in real:
            actor, char = inner, outer
        elif i in fictional or descriptive:
            actor, char = outer, inner
        elif o in real and (_plays_after(st, inner) or _role_noun_before(st, outer)) and len(inner.text.split()) >= 2:
            # "actor Stage (Legal Name), who plays X": the parenthesis is the same person
            st.aliases[inner.name] = outer.name
            inner.name = outer.name
            continue
        else:
            actor, char = outer, inner   # default: "actor (character)", the usual casting-news form
        pairs.append((actor, char, s0, e0))
        fictional.add(_norm(char.name))
        real.add(_norm(actor.name))
    # short forms of fictional names are fictional too ("Yu-na" for "Seo Yu-na")
    for m in st.mentions:
        if _norm(m.name) in fictional and _norm(m.name) not in real:
            m.kind = "fictional"
    st.fictional, st.real = fictional, real
    return pairs


def _plays_after(st: _Doc, m: Mention) -> bool:
    return bool(re.match(r"\s*\)?,?\s*(?:who|, who)\s+(?:plays|played|portrays|will play)", st.body[m.end:m.end + 30]))


def _role_noun_before(st: _Doc, m: Mention) -> bool:
    return bool(re.search(r"\b(?:actor|actress|star|singer|rapper|idol)\s+$", st.body[max(0, m.start - 12):m.start]))


def _cast_list_names(st: _Doc, with_status_subjects: bool = True) -> tuple[list[tuple[list[Mention], int, int, int]], set[str]]:
    """Cast lists: (members, sentence start, sentence end, sentence index) and their names."""
    body = st.body
    lists = []
    names: set[str] = set()
    # "A bowed out" counts as cast news only once the kinds are known
    cast_news = with_status_subjects and bool(CAST_CUE_RE.search(body))
    for idx, (s0, e0) in enumerate(st.sentences):
        text = body[s0:e0]
        lead = idx > 0 and LIST_LEAD_RE.match(text) and CAST_CUE_RE.search(body[slice(*st.sentences[idx - 1])])
        members = []
        if not (CAST_CUE_RE.search(text) or lead):
            if cast_news and (members := _status_subjects(st, s0, e0)):
                lists.append((members, s0, e0, idx))
                names |= {_norm(m.name) for m in members}
            continue
        for run in _sentence_list_items(st, s0, e0):
            found = [m for s, e in run if (m := _mention_at(st, s, e)) and m.kind == "real"]
            members += found if len(found) >= 2 else []
        if not members:
            members = [m for m in _mentions_in(st, s0, e0) if m.kind == "real"
                       and re.search(r"\b(?:actors?|actress(?:es)?|stars?|cast)\b\W*$", body[max(s0, m.start - 15):m.start])]
        if not members and cast_news:
            members = _status_subjects(st, s0, e0)
        if members:
            lists.append((members, s0, e0, idx))
            names |= {_norm(m.name) for m in members}
    return lists, names


def _status_subjects(st: _Doc, s0: int, e0: int) -> list[Mention]:
    """In cast news, "A and B bowed out" / "A joins": the people before a departed/new cue."""
    out = []
    for c0, c1 in _clauses(st.body, s0, e0):
        text = st.body[c0:c1]
        for status, rx in STATUS_RES:
            if status in ("departed", "new") and (m := rx.search(text)):
                out += [x for x in _mentions_in(st, c0, c0 + m.start()) if x.kind == "real"
                        and not _in_parens(st.body, x)]
                break
    return out


def _roles_for(st: _Doc, pairs, cast_lists) -> list[_Role]:
    body = st.body
    roles: list[_Role] = []
    used_role_spans: set[tuple[int, int]] = set()
    for actor, char, s0, e0 in pairs:
        roles.append(_Role(actor.name, "actor", char.name, s0, e0, actor.start))
    # crew in role slots
    for role, s0, e0, names in _role_slots(st):
        for s, e in names:
            person = _mention_at(st, s, e)
            if person and person.kind == "real" and (person.start, role) not in used_role_spans:
                used_role_spans.add((person.start, role))
                roles.append(_Role(person.name, role, None, s0, e0, person.start))
    roles += _subject_verb_roles(st)
    for m in ROLE_AFTER_AS_RE.finditer(body):
        s0, e0 = st.sentences[_sentence_of(st.sentences, m.start())]
        left = [x for x in _mentions_in(st, s0, m.start()) if x.kind == "real"]
        if left and m.start() - left[-1].end < 25:
            roles.append(_Role(left[-1].name, ROLE_AFTER_AS[m.group(1)], None, s0, e0, left[-1].start))
    for m in PHOTO_CREDIT_RE.finditer(body):
        person = _mention_at(st, m.start(1), m.end(1))
        if person:
            line_start = body.rfind("\n", 0, m.start()) + 1
            line_end = body.find("\n", m.end())
            roles.append(_Role(person.name, "other", None, line_start, line_end if line_end > 0 else len(body), person.start))
    # cast lists: actors without a character (not the crew named in the same sentence)
    crew = {(r.person, r.start) for r in roles if r.role != "actor"}
    for members, s0, e0, _ in cast_lists:
        for person in members:
            if (person.name, s0) in crew:
                continue
            roles.append(_Role(person.name, "actor", None, s0, e0, person.start))
    # roles in another work
    for s0, e0 in st.sentences:
        for rx in OTHER_WORK_RES:
            for m in rx.finditer(body, s0, e0):
                work = _clean_title(m.group("work"))
                before = [x for x in st.mentions if x.end <= m.start() and x.kind == "real"]
                if not work or not before:
                    continue
                person = before[-1]
                roles.append(_Role(person.name, "actor", None, s0, e0, person.start, work, True))
    return roles


def _subject_verb_roles(st: _Doc) -> list[_Role]:
    """Roles of a person who is the subject of a credit verb: "X directed", "X wrote, directed and
    starred in", "X, who produced it", "X is set to star in"."""
    body, roles = st.body, []
    for person in st.mentions:
        if person.kind != "real":
            continue
        gap = SUBJECT_GAP_RE.match(body, person.end)
        pos = gap.end() if gap else person.end
        s0, e0 = st.sentences[_sentence_of(st.sentences, person.start)]
        if POSSESSIVE_FILM_RE.match(body, person.end):
            roles.append(_Role(person.name, "director", None, s0, e0, person.start))
        while pos < e0:
            verb = SUBJECT_VERB_RE.match(body, pos)
            if not verb:
                break
            role = next(r for i, (_, r) in enumerate(SUBJECT_VERBS) if verb.group(f"r{i}"))
            roles.append(_Role(person.name, role, None, s0, e0, person.start))
            join = SUBJECT_VERB_JOIN_RE.match(body, verb.end())
            pos = join.end() if join else e0
    return roles


def _clean_title(text: str) -> str | None:
    words = text.strip().split()
    while words and not words[-1][:1].isupper() and not words[-1][:1].isdigit():
        words.pop()
    title = " ".join(words).strip(" ,.")
    return title or None


def _assign_status(st: _Doc, roles: list[_Role], cast_lists) -> None:
    # asides in parentheses ("(wait, no - that's the one who left)") state no status
    body = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), st.body)
    list_sentence = {idx for *_, idx in cast_lists}
    person_status: dict[str, str] = {}
    for r in sorted(roles, key=lambda r: r.anchor):
        if r.other_work:
            continue
        s0, e0 = r.start, r.end
        status = None
        for c0, c1 in _clauses(body, s0, e0):
            if c0 <= r.anchor < c1:
                status = _status_in(body[c0:c1])
        if status is None and r.role == "actor":
            status = _nearest_status(body[s0:e0], s0, r.anchor)
            idx = _sentence_of(st.sentences, r.anchor)
            if status is None and idx > 0 and idx in list_sentence:
                prev = st.sentences[idx - 1]
                if not _mentions_in(st, *prev):
                    status = _status_in(body[slice(*prev)])
            if status is None and idx + 1 < len(st.sentences):
                nxt = st.sentences[idx + 1]
                if ANAPHOR_RE.match(body[slice(*nxt)]) and not _mentions_in(st, *nxt):
                    status = _status_in(body[nxt[0]:nxt[1]])
        if status and r.role == "actor":
            person_status.setdefault(r.person, status)
        r.status = status if r.role != "actor" else None
        if r.role != "actor" and status not in ("returning", "departed"):
            r.status = None
    doc_returning = bool(DOC_RETURNING_RE.search(body))
    for r in roles:
        if r.role == "actor" and not r.other_work:
            r.status = person_status.get(r.person)
            if r.status is None and doc_returning and r.character:
                r.status = "returning"


def _journalist(st: _Doc) -> list[_Role]:
    author = (st.doc.author or "").strip()
    if not author or not NAME_RE.fullmatch(author) or len(author.split()) > 4:
        return []
    if any(w.casefold() in TEAM_BYLINE_WORDS for w in author.split()):
        return []
    pos = st.body.find(author)
    if pos >= 0:
        line_start = st.body.rfind("\n", 0, pos) + 1
        line_end = st.body.find("\n", pos)
        span = (line_start, line_end if line_end >= 0 else len(st.body))
        if not _mention_at(st, pos, pos + len(author)):
            st.mentions.append(Mention(pos, pos + len(author), author, "byline", author))
            st.mentions.sort(key=lambda m: m.start)
    else:
        span = (0, 0)
    return [_Role(author, "journalist", None, span[0], span[1], max(pos, 0))]


def _dedupe_roles(roles: list[_Role]) -> list[_Role]:
    """One row per (person, role, character) in the main work, and per other work named.

    A cast-list row without a character is dropped when the same person has a
    character row in the main work.
    """
    with_char = {r.person for r in roles if r.role == "actor" and r.character and not r.other_work}
    seen, out = set(), []
    for r in roles:
        if r.role == "actor" and not r.character and not r.other_work and r.person in with_char:
            continue
        key = (r.person, r.role, r.character, r.work if r.other_work else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


# ================================================================== public API

def extract_people_parsed(doc: Document, spacy_doc) -> tuple[list[dict], list[dict]]:
    """``extract_people`` for an article spaCy has already parsed (NER is all it needs)."""
    body = doc.body
    ents = _entities(spacy_doc)
    st = _Doc(doc, body, split_sentences(body), _label_votes(body, ents), bool(SCREEN_CONTEXT_RE.search(body)))
    _collect_mentions(st, ents)
    _add_repeats(st)
    journalist = _journalist(st)
    bindings = _find_character_bindings(st)
    parens = _paren_pairs(st)
    possessives = _possessive_pairs(st)
    cast_lists, cast_names = _cast_list_names(st, with_status_subjects=False)
    pairs = _decide_kinds(st, bindings, parens, possessives, cast_names)
    cast_lists, _ = _cast_list_names(st)  # again, now that characters are known
    roles = _roles_for(st, pairs, cast_lists)
    roles = [r for r in roles if r.person and _norm(r.person) not in st.fictional or _norm(r.person) in st.real]
    _assign_status(st, roles, cast_lists)
    roles = _dedupe_roles(journalist + roles)
    works = find_works(doc) if roles else []   # once per article, not per role
    work_of: dict[int, tuple[str | None, int | None]] = {}   # roles of one sentence share an offset
    for r in roles:
        if r.work is None and r.role != "journalist":
            # the sentence's context, not a title named inside it ("A (from Other Show)")
            if r.start not in work_of:
                work_of[r.start] = work_at(doc, r.start, works)
            r.work, r.season = work_of[r.start]
    return _mention_rows(st), _role_rows(doc, roles)


def _mention_rows(st: _Doc) -> list[dict]:
    sid = st.doc.source_id
    return [
        {"source_id": sid, "mention_id": stable_id(sid, "mention", m.start, m.end),
         "name": m.name or m.text, "text": m.text, "char_start": m.start, "char_end": m.end,
         "kind": m.kind}
        for m in st.mentions
    ]


def _role_rows(doc: Document, roles: list[_Role]) -> list[dict]:
    sid = doc.source_id
    rows = []
    for r in roles:
        work = r.work if r.role != "journalist" else (doc.title or None)
        rows.append({
            "role_id": stable_id(sid, "role", r.person, r.role, r.character, work),
            "source_id": sid, "person_name": r.person, "role": r.role,
            "character_name": r.character, "work": work,
            # a creator or a source's author made the whole show, not one season of it
            "season": getattr(r, "season", None) if not r.other_work and r.role not in SERIES_ROLES else None,
            "status": r.status if r.role in ("actor", "writer", "director", "creator") else None,
            "char_start": r.start, "char_end": r.end,
        })
    return rows


def extract_people(doc: Document) -> tuple[list[dict], list[dict]]:
    """(mentions, roles) for one article; see the module docstring."""
    from scoop.nlp import load_nlp

    nlp = load_nlp(disable=SPACY_DISABLE)
    return extract_people_parsed(doc, nlp(doc.body))


SERIES_ROLES = frozenset({"creator", "author_original"})
MENTIONS_SCHEMA: dict[str, pl.DataType] = {
    "source_id": pl.Utf8, "mention_id": pl.Utf8, "name": pl.Utf8, "text": pl.Utf8,
    "char_start": pl.Int64, "char_end": pl.Int64, "kind": pl.Utf8,
}
ROLES_SCHEMA: dict[str, pl.DataType] = {
    "role_id": pl.Utf8, "source_id": pl.Utf8, "person_id": pl.Utf8, "role": pl.Utf8,
    "character_id": pl.Utf8, "work": pl.Utf8, "season": pl.Int64, "status": pl.Utf8,
    "char_start": pl.Int64, "char_end": pl.Int64, "person_name": pl.Utf8, "character_name": pl.Utf8,
}


class PeopleExtractor:
    """Extractor plug-in: people mentions and roles for a batch of articles."""

    name = "people"
    version = "0.2.2"
    tables = ("mentions", "roles")

    def __init__(self, n_process: int = 1, batch_size: int = 32):
        self.n_process = n_process
        self.batch_size = batch_size

    # a longer body is read in pieces of about this many characters, cut at paragraph or sentence ends:
    # spaCy's memory and the per-article voting and scanning above grow faster than the text
    # (400K characters in one piece: 14 s and 1.4 GB; 1.9 MB: minutes and gigabytes)
    CHUNK_CHARS = 20_000

    @classmethod
    def _chunks(cls, body: str) -> list[tuple[int, str]]:
        """``(offset, text)`` pieces of ``body``, each at most ``CHUNK_CHARS`` long unless one word is longer."""
        if len(body) <= cls.CHUNK_CHARS:
            return [(0, body)]
        pieces, start = [], 0
        while start < len(body):
            end = min(start + cls.CHUNK_CHARS, len(body))
            if end < len(body):
                window = body[start + cls.CHUNK_CHARS // 2:end]   # never a piece under half the size
                for sep in ("\n\n", "\n", ". ", " "):
                    cut = window.rfind(sep)
                    if cut >= 0:
                        end = start + cls.CHUNK_CHARS // 2 + cut + len(sep)
                        break
            pieces.append((start, body[start:end]))
            start = end
        return pieces

    def extract(self, docs: Sequence[Document], context: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
        """Mentions and roles of every article; a long one piece by piece (linear time and memory).

        A piece is read as an article of its own (its own votes and works), then its offsets are
        moved back into the whole body; ``mention_id`` is made from the whole-body offsets.
        """
        from dataclasses import replace

        from scoop.nlp import load_nlp

        nlp = load_nlp(disable=SPACY_DISABLE)
        mentions: list[dict] = []
        roles: list[dict] = []
        pieces = [(doc, offset, replace(doc, body=text) if offset or len(text) < len(doc.body) else doc)
                  for doc in docs for offset, text in self._chunks(doc.body)]
        # spaCy holds a whole batch at once: pieces go a few at a time (about 80K characters)
        batch_size = self.batch_size if len(pieces) == len(docs) else min(self.batch_size, 4)
        # worker processes pay off only when each gets a full spaCy batch
        n_process = self.n_process if len(pieces) >= 2 * batch_size else 1
        parsed = nlp.pipe((p.body for _, _, p in pieces), n_process=n_process, batch_size=batch_size)
        for (doc, offset, piece), spacy_doc in zip(pieces, parsed):
            m, r = extract_people_parsed(piece, spacy_doc)
            if offset:
                m = [{**row, "char_start": row["char_start"] + offset, "char_end": row["char_end"] + offset,
                      "mention_id": stable_id(doc.source_id, "mention", row["char_start"] + offset,
                                              row["char_end"] + offset)} for row in m]
                r = [{**row, "char_start": row["char_start"] + offset, "char_end": row["char_end"] + offset}
                     for row in r]
            mentions += m
            roles += [{**row, "person_id": None, "character_id": None} for row in r]
        return {"mentions": pl.DataFrame(mentions, schema=MENTIONS_SCHEMA),
                # the same role stated twice in one article is one role: keep the first evidence
                "roles": pl.DataFrame(roles, schema=ROLES_SCHEMA).unique("role_id", keep="first",
                                                                         maintain_order=True)}
