"""Cue tables of the people extractor: name shapes, words that are never names, role, character,
status and cast-list cues, and the words around a name that vote for a person or a thing."""
from __future__ import annotations

import re

from scoop.extract.prefilter import required_words
from scoop.extract.trade import PLATFORMS

# ======================================================================= tables
# NER only: in en_core_web_sm the ner component has its own embedding layer; the shared
# tok2vec feeds only tagger and parser, so dropping it gives the same entities 1.6x faster
SPACY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})

# One capitalised name token: "Kim", "Ha-neul", "O'Leary", "McCain", "W."
# letters with accents count ("Renée", "Villaseñor", "Dónal", "Blücher")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LETTER = r"[^\W\d_]"
_TOKEN = rf"(?:[{_UPPER}]{_LETTER}*(?:['’][{_UPPER}]{_LETTER}+)?(?:-{_LETTER}+)*|[A-Z]\.)"
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
    (r"\b(?:co-)?directors? and (?:co-)?stars?", "director"),
    # "writer-director X", "director-writer X": each half of the compound is a credit
    (r"\b(?:screen|script)?writer[-/](?:director|producer|showrunner|creator)s?", "writer"),
    (r"\bdirector[-/](?:writer|screenwriter|producer)s?", "director"),
    # "written and directed by X", "directed and co-written by X": both credits go to X
    (r"\b(?:co-)?directed(?:,? and|,| &) (?:co-)?(?:written|penned|scripted|produced|edited)(?: and [a-z-]+)? by", "director"),
    (r"\b(?:co-)?(?:written|penned|scripted)(?:,? and|,| &) (?:co-)?(?:directed|produced|edited)(?: and [a-z-]+)? by", "writer"),
    (r"\bhelmed by", "director"),
    (r"\b(?:films?|movies?|documentar(?:y|ies)|features?)\b[^.;:!?]{0,60}?\bmade by", "director"),
    (r"\b(?:co-)?(?:written|penned|scripted) by", "writer"),
    (r"\b(?:co-)?created by", "creator"),
    (r"\bdeveloped for television by", "creator"),
    (r"\b(?:adapted|based) (?:on|from) (?:the |a |an )?[^.;]{0,60}?\b(?:webtoon|novel|book|comic|manga|manhwa|memoir|story|play|series)\b[^.;]{0,40}? (?:by|from)", "author_original"),
    (r"\b(?:executive )?produced by", "executive"),
    # "X executive produces alongside A and B": the names after share the credit
    (r"\b(?:executive )?produc(?:e|es|ed|ing) (?:[a-z]+ )?(?:alongside|with)", "executive"),
    # an artistic or managing director runs a company: an executive, not a film's director
    (r"\b(?:artistic|managing|creative|executive|festival) directors?", "executive"),
    (r"(?<!artistic )(?<!managing )(?<!creative )(?<!executive )(?<!festival )(?<!Festival )(?<!casting )(?<!musical )(?<!music )\b(?:co-)?directors?",
     "director"),
    (r"\bfilmmakers?", "director"),
    (r"\b(?:screen|script)?writers?", "writer"),
    (r"\bshowrunners?\]?", "creator"),
    (r"\bcreators?", "creator"),
    (r"\b(?:novelist|author|cartoonist|webtoon artist)", "author_original"),
    (r"\b(?:executive producer|producer|producing partner|chief executive|CEO|chairman|chairwoman|studio head|"
     r"controller|commissioner|commissioning editor|head of [a-z]+|chair|co-chair|chairperson|president|boss|"
     r"chief (?:content|creative|operating) officer)s?", "executive"),
    (r"\b(?:actor|actress|actors|actresses|co-star|star)", "actor"),
    # "starred in X alongside A and B", "her role opposite A": who acts with an actor acts too
    (r"\b(?:(?:co-)?starr(?:ed|ing)|stars|appear(?:s|ed|ing)|roles?|played|plays|debut)\b[^.;:!?]{0,70}?"
     r"\b(?:opposite|alongside|with)(?: fellow)?(?: (?:stars?|actors?|actress(?:es)?|regulars|comics?))?", "actor"),
    (r"\b(?:photographer|photo by|photo:|image:|credit:|composer|cinematographer)", "other"),
    # who presents, hosts, judges or competes in a show
    (r"\b(?:presenters?|hosts?|co-hosts?|hosted by|presented by|judges?|contestants?|housemates?|narrat(?:or|ed by)|"
     r"choreographer|(?:set|costume|lighting|sound) designer)", "other"),
    # who designs, choreographs, scores or supervises a production; who takes part in a programme
    (r"\bbest (?:[a-z]+ )?(?:presenters?|hosts?) for", "other"),
    # who announces or hands out awards presents them
    (r"\b(?:announced|handed out|read out) by(?: (?:actors?|actress(?:es)?|stars?|singers?|comedians?))?", "other"),
    (r"\b(?:designed by|choreography by|choreographed by|music(?:al)? directors?|[a-z]+ supervisors?|"
     r"(?:contributors|guests|participants)(?: (?:include|included|including|such as|were|are))?)", "other"),
    (r"\b(?:singers?|dancers?|DJs?|comics?|comedians?|cricketers?|footballers?|musicians?|rappers?|"
     r"pop stars?|TV chefs?|chefs?|models?)", "other"),
)
ROLE_BEFORE_NAMES_RE = [(re.compile(p + r"\s+(?=(?-i:[A-Z]))", re.IGNORECASE), r) for p, r in ROLE_BEFORE_NAMES]
# with the words one of which each pattern's match contains: an article without them skips it (prefilter)
ROLE_BEFORE_NAMES_WORDS = [required_words(p) for p, _ in ROLE_BEFORE_NAMES_RE]
# "X directed ...", "X, who wrote and directed it", "X is set to star in": the person is the verb's subject
SUBJECT_VERBS: tuple[tuple[str, str], ...] = (
    (r"(?:co-)?direct(?:s|ed)?|helm(?:s|ed)?", "director"),
    (r"(?:co-)?wr(?:ote|ites)|pen(?:s|ned)|scripted", "writer"),
    (r"(?:co-)?star(?:s|red)? (?:in|as|alongside)|star (?:in|as)|plays|played|voices|voiced|"
     r"appear(?:s|ed)? in|reprises?", "actor"),
    (r"(?:executive )?(?:co-)?produc(?:es|ed)", "executive"),
    (r"(?:co-)?created|developed (?:the|this) (?:series|show|drama|format)", "creator"),
)
SUBJECT_GAP_RE = re.compile(r"(?:[’']s?)?(?:\s*,\s*\d{1,3}\s*,)?(?:\s*,\s*who|\s)\s*(?:(?:has|have|had|will|would|also|is|was|are|were|"
                            r"set|to|lined|up|due|going|previously|already|both|then|once|first|now)\s+){0,4}")
SUBJECT_VERB_RE = re.compile(r"(?:" + "|".join(f"(?P<r{i}>{v})" for i, (v, _) in enumerate(SUBJECT_VERBS)) + r")\b")
# "X's latest film", "X's new documentary": a possessive credit of a film is its director's
POSSESSIVE_FILM_RE = re.compile(r"[’']s?\s+(?:(?:new|latest|upcoming|debut|last|acclaimed|forthcoming|next|"
                                r"first|second|third|own|award-winning|controversial)\s+){0,2}"
                                r"(?:film|movie|feature|documentary|directorial)\b")
# an award category names the role of its nominees: "best supporting actress", "best director"
AWARD_CATEGORY_ROLES = {"actor": "actor", "actress": "actor", "director": "director", "screenplay": "writer",
                        "writer": "writer", "script": "writer"}
AWARD_CATEGORY_RE = re.compile(r"\b[Bb]est (?:[a-zA-Z-]+ ){0,2}?(" + "|".join(AWARD_CATEGORY_ROLES) + r")\b")
# "X for Title" in a sentence with a category; "X won best director"
NOMINEE_FOR_WORK_RE = re.compile(r"\s+for (?:[‘'\"“]|the |her |his )?[A-Z0-9]")
WON_CATEGORY_RE = re.compile(r"\s+(?:won|wins|took home|picked up|scooped|claimed|collected|received) (?:the )?"
                             r"(?:(?:award|prize) for )?(?=[Bb]est )")
# "X's The Long Night", "X's edgy Title": a possessive before a title, in a sentence about films (see FILM_SENTENCE_RE)
POSSESSIVE_TITLE_RE = re.compile(r"[’']s?\s+(?:(?!former|late|ex-|fellow)[a-z][a-z-]+\s+)?(?=[“\"‘]?[A-Z0-9])")
# "X's Title co-star Y", "X's Band partner": the capitalised words qualify a person, not a work
TITLE_THEN_PERSON_RE = re.compile(rf"[“\"‘]?(?:[A-Z0-9]\S*\s+){{1,4}}(?:{PERSON_NOUNS})s?\b")
FILM_SENTENCE_RE = re.compile(r"\b(?:films?|movies?|biopics?|best[- ]picture|box office|cinemas?|starr(?:ed|ing)|"
                              r"co-stars?|thrillers?)\b", re.IGNORECASE)
# an acting cue right before an occupation noun and its names ("also stars Scottish comedian X")
STARRING_BEFORE_RE = re.compile(r"\b(?:starring|stars|starred|co-starring|co-stars|opposite|alongside)\s+"
                                r"(?:[A-Za-z-]+\s+){0,2}$")
# a work adapted from another: its author holds `author_original`
ADAPTATION_RE = re.compile(r"\b(?:adapt\w*|based on|based upon|film version|screen version|film rights|"
                           r"inspired by|remake|retelling|source material)\b", re.IGNORECASE)
# "X, creator of Title", "X, producer of Title": a credit noun in apposition after the name
APPOSITIVE_ROLES = {"creator": "creator", "co-creator": "creator", "showrunner": "creator", "director": "director",
                    "writer": "writer", "screenwriter": "writer", "producer": "executive",
                    "executive producer": "executive"}   # not "president of": any body has one
APPOSITIVE_ROLE_RE = re.compile(r",\s+(?:the\s+|a\s+)?(?:(?:co-|original\s+|former\s+)?)("
                                + "|".join(sorted(map(re.escape, APPOSITIVE_ROLES), key=len, reverse=True))
                                + r")\s+(?:of|at)\s")
# what joins the names of a list: "A, B and C", "A & B"
LIST_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
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
# "actor X pledged aid": the title word alone; a part, a stage or a screen makes it acting
ACTOR_NOUN_RE = re.compile(r"\b(?:actors?|actress(?:es)?|co-stars?|stars?)\b", re.IGNORECASE)
ACTING_WORD_RE = re.compile(r"\b(?:roles?|parts?|plays?|played|playing|portray\w*|starr\w*|appear\w*|stage|"
                            r"screen|television|tv|comedy|cameo|lead|opposite|alongside|voice\w*|production|"
                            r"broadway|west end)\b", re.IGNORECASE)
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
# a list of stars at an event or in an award race is no cast ("stars including A and B attended the
# ceremony", "A faces competition from B and C in the best actor category") unless a work follows a name
EVENT_LIST_RE = re.compile(
    r"\b(?:ceremony|ceremonies|attend(?:s|ed|ing)?|gala|red carpet|glamour|category|categories|"
    r"competition from|(?:was|were|are|is|been) nominated|shortlisted|guests?|beat|beating|up against|lost out)\b",
    re.IGNORECASE)
MEMBER_WORK_AFTER_RE = re.compile(r"\s*,?\s+(?:for|in) (?:[‘'\"“]|the )?[A-Z0-9]")
# reality TV: who joins or leaves is a contestant; casting words say a drama is in the news too
REALITY_RE = re.compile(r"\breality (?:tv|television|show|series|competition)\b|\b(?:housemates?|contestants?)\b",
                        re.IGNORECASE)
ACTING_NEWS_RE = re.compile(r"\b(?:starr(?:ing|ed)|plays|played|playing|portray\w*|characters?|casting|cast as)\b",
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
