"""People, characters and roles in one article (issue 4).

Pure: a cleaned article in, mention and role rows out. spaCy's NER proposes
person names; the rules below repair and check them (hyphenated East-Asian
given names that spaCy cuts short, possessives, glued sentences, headings,
organisations it mistakes for people) and find what NER misses (stage names in
cast lists, names in role slots such as "directed by X").

Whether a name is a real person or a fictional character is read from how the
text uses it ("X as Y", "X plays Y", "Y (X)", "X's Y"), never from a list of
names. Roles come from cue tables (one table per concern, below).

Cross-article identity (one person_id per person) is ``people_resolve``'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import polars as pl

from scoop.extract.base import Document
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
    "bound area level class".split())
# Capitalised function words that start a sentence, not a name ("Will Ha-neul's fate ...")
LEADING_NON_NAME = frozenset(
    "a an and as at but by for from if in is it its like meanwhile now of on or so the then "
    "this these those to was were what when where which who why will with yes no not "
    "director directors actor actors actress actresses star stars cast writer writers creator creators "
    "producer producers ceo president mr mrs ms dr judge judges comic comedian singer rapper "
    "presenter host chef artist novelist".split()
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
    "spokeswoman spokesperson minister secretary senator governor award awards prize trophy".split()
)
# a common noun right before a capitalised run says it is an organisation or a product
ORG_DESCRIPTOR_BEFORE_RE = re.compile(
    r"\b(?:the|retailer|magazine|newspaper|daily|company|firm|carrier|airline|brand|band|label|platform|"
    r"streamer|network|broadcaster|outlet|studio|system|software|app|service|agency|maker|"
    r"manufacturer|rival|giant|chain|site|website|channel|publisher|program|programme|album|"
    r"single|song|device|model|version|newspaper|tabloid|group)\s+$")
# A byline naming one of these is a desk, not a journalist
TEAM_BYLINE_WORDS = NON_PERSON_WORDS | frozenset("editor editors reporters bharat web digital".split())

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
    (r"\b(?:co-)?directors?", "director"),
    (r"\bfilmmakers?", "director"),
    (r"\b(?:screen|script)?writers?", "writer"),
    (r"\bshowrunners?", "creator"),
    (r"\bcreators?", "creator"),
    (r"\b(?:novelist|author|cartoonist|webtoon artist)", "author_original"),
    (r"\b(?:executive producer|producer|chief executive|CEO|chairman|chairwoman|studio head)s?", "executive"),
    (r"\b(?:actor|actress|actors|actresses|co-star|star)", "actor"),
    (r"\b(?:photographer|photo by|photo:|image:|credit:|composer|cinematographer|spokes(?:wo)?man|spokesperson|analyst)", "other"),
)
ROLE_BEFORE_NAMES_RE = [(re.compile(p + r"\s+(?=(?-i:[A-Z]))", re.IGNORECASE), r) for p, r in ROLE_BEFORE_NAMES]
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
_DESCRIPTORS = r"(?:(?:the|a|an|fan-favou?rite|beloved|[a-z]+(?:-[a-z]+)+|[a-z]+ly|young|older|new)\s+){0,4}"
ACTOR_CHARACTER_RE = re.compile(
    r"\b(?P<cue>" + "|".join(ACTOR_THEN_CHARACTER) + r")" + _DESCRIPTORS + r"(?P<char>" + NAME + r")(?!['’]s\b)"  # "plays X's wife": X is not the role
)
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
            r"fresh (?:faces?|blood|additions?)|new to the cast|cast as (?:original|new)|newly cast|new addition)\b"),
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
    r"new faces|fresh (?:faces|blood)|will return|join(?:s|ing|ed)? (?:the )?(?:cast|fray|show|series|film))\b",
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
    mentions: list[Mention] = field(default_factory=list)
    fictional: set[str] = field(default_factory=set)
    real: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # surface -> canonical (stage/real name)


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
    for i, (s, e) in enumerate(sentences):
        if s <= offset < e:
            return i
    return max(0, len(sentences) - 1)


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
    cut = re.search(r"\.\s|\n|,|;|\(|\)|[’']s\b|\s[-–—]\s", text)
    if cut:
        end = start + cut.start()
    text = body[start:end].rstrip(" ’'")
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]|\bJr|\bSr)\.$", text):
        text = text[:-1]
    end = start + len(text)
    # drop capitalised function words at the front ("Will Ha-neul")
    while True:
        first = re.match(r"(\S+)\s+", body[start:end])
        if not first or first.group(1).casefold() not in LEADING_NON_NAME:
            break
        start += first.end()
    m = NAME_RE.fullmatch(body[start:end])
    if not m:
        return None
    words = body[start:end].split()
    if any(w.strip(".").casefold() in NON_PERSON_WORDS for w in words):
        return None
    return start, end


def _ner_candidates(st: _Doc, spacy_doc) -> list[Mention]:
    out = []
    for ent in spacy_doc.ents:
        if ent.label_ != "PERSON":
            continue
        span = _trim_name(st.body, ent.start_char, ent.end_char)
        if span:
            out.append(Mention(span[0], span[1], st.body[span[0]:span[1]], "ner"))
    return out


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


def _label_votes(spacy_doc) -> dict[str, dict[str, int]]:
    votes: dict[str, dict[str, int]] = {}
    for ent in spacy_doc.ents:
        key = _norm(_strip_possessive(ent.text.strip()))
        lab = "PERSON" if ent.label_ == "PERSON" else ("OTHER" if ent.label_ in NON_PERSON_LABELS else None)
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
        # trailing function words are not part of the name ("Kim Nam-su Teases")
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


def _collect_mentions(st: _Doc, spacy_doc) -> None:
    body = st.body
    cands = _ner_candidates(st, spacy_doc) + _shape_candidates(st)
    strong = {_norm(c.text) for c in cands if c.source == "shape"}

    # names in role slots ("directors A and B", "created by A, B") and character slots
    for pattern, _role in ROLE_BEFORE_NAMES_RE:
        for m in pattern.finditer(body):
            sent_end = st.sentences[_sentence_of(st.sentences, m.start())][1]
            for s, e in _names_after(body, m.end(), sent_end):
                span = _clean_slot_name(body, s, e)
                if span:
                    cands.append(Mention(span[0], span[1], body[span[0]:span[1]], "slot"))
                    strong.add(_norm(body[span[0]:span[1]]))

    # list propagation: in "A, B, C and D" with two known names, the rest are names too
    known = {_norm(c.text) for c in cands}
    for s0, e0 in st.sentences:
        items = _list_items(body, s0, e0)
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
        span = _clean_slot_name(body, m.start("char"), m.end("char"))
        if m.group("cue") == "as " and not any(0 < m.start() - e <= 2 for e in named_ends):
            continue  # a bare "as X" counts only right after a name ("A as B")
        if span and not NOT_CASTING_AS_RE.search(body[max(0, m.start() - 12):m.start() + len(m.group("cue"))]):
            cands.append(Mention(span[0], span[1], body[span[0]:span[1]], "character-slot"))

    # a given name alone next to a parenthesised name: "Ha-neul (Kim Ha-neul's actor)" / "X (Ha-neul)"
    for m in GIVEN_NAME_RE.finditer(body):
        after, before = body[m.end():m.end() + 40], body[max(0, m.start() - 2):m.start()]
        if re.match(r"\s*\(" + NAME + r"\)", after) or (before.endswith("(") and after.startswith(")")):
            cands.append(Mention(m.start(), m.end(), m.group(), "slot"))

    accepted = [c for c in cands if _keep(st, c, strong)]
    st.mentions = _dedupe_spans(accepted)


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
        for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", body):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if form not in names:
                # a bare surname at a sentence start may just be a word; require capitalised use
                if form.casefold() in LEADING_NON_NAME:
                    continue
            extra.append(Mention(m.start(), m.end(), form, "repeat"))
            taken.append((m.start(), m.end()))
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
            if NOT_CASTING_AS_RE.search(body[max(s0, m.start() - 12):m.start() + len(m.group("cue"))]):
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


def _in_parens(body: str, m: Mention) -> bool:
    return body[:m.start].rstrip().endswith("(")


def _paren_pairs(st: _Doc) -> list[tuple[Mention, Mention, int, int, str]]:
    """"A (B)" and "A (the ... B)" pairs, in text order, with the paren's inside text."""
    body = st.body
    out = []
    for outer in st.mentions:
        m = re.match(r"\s*\(([^()]{1,80})\)", body[outer.end:])
        if not m:
            continue
        inner_start = outer.end + m.start(1)
        inner = [x for x in st.mentions if inner_start <= x.start and x.end <= outer.end + m.end(1)]
        if len(inner) == 1:
            i0, i1 = st.sentences[_sentence_of(st.sentences, outer.start)]
            out.append((outer, inner[0], i0, i1, m.group(1)))
    return out


def _possessive_pairs(st: _Doc) -> list[tuple[Mention, Mention, int, int]]:
    """"A's B" with two names: the actor's character."""
    out = []
    for a in st.mentions:
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
        for run in _list_items(body, s0, e0) or []:
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
    for pattern, role in ROLE_BEFORE_NAMES_RE:
        for m in pattern.finditer(body):
            s0, e0 = st.sentences[_sentence_of(st.sentences, m.start())]
            for s, e in _names_after(body, m.end(), e0):
                person = _mention_at(st, s, e)
                if person and person.kind == "real" and (person.start, role) not in used_role_spans:
                    used_role_spans.add((person.start, role))
                    roles.append(_Role(person.name, role, None, s0, e0, person.start))
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
    st = _Doc(doc, body, split_sentences(body), _label_votes(spacy_doc))
    _collect_mentions(st, spacy_doc)
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
    for r in roles:
        if r.work is None and r.role != "journalist":
            # the sentence's context, not a title named inside it ("A (from Other Show)")
            r.work, season = work_at(doc, r.start, works)
            r.season = season
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
            "season": getattr(r, "season", None) if not r.other_work else None,
            "status": r.status if r.role in ("actor", "writer", "director", "creator") else None,
            "char_start": r.start, "char_end": r.end,
        })
    return rows


def extract_people(doc: Document) -> tuple[list[dict], list[dict]]:
    """(mentions, roles) for one article; see the module docstring."""
    from scoop.nlp import load_nlp

    nlp = load_nlp(disable=SPACY_DISABLE)
    return extract_people_parsed(doc, nlp(doc.body))


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
    version = "0.1.1"
    tables = ("mentions", "roles")

    def __init__(self, n_process: int = 1, batch_size: int = 32):
        self.n_process = n_process
        self.batch_size = batch_size

    def extract(self, docs: Sequence[Document], context: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
        from scoop.nlp import load_nlp

        nlp = load_nlp(disable=SPACY_DISABLE)
        mentions: list[dict] = []
        roles: list[dict] = []
        # worker processes pay off only when each gets a full spaCy batch
        n_process = self.n_process if len(docs) >= 2 * self.batch_size else 1
        parsed = nlp.pipe((d.body for d in docs), n_process=n_process, batch_size=self.batch_size)
        for doc, spacy_doc in zip(docs, parsed):
            m, r = extract_people_parsed(doc, spacy_doc)
            mentions += m
            roles += [{**row, "person_id": None, "character_id": None} for row in r]
        return {"mentions": pl.DataFrame(mentions, schema=MENTIONS_SCHEMA),
                # the same role stated twice in one article is one role: keep the first evidence
                "roles": pl.DataFrame(roles, schema=ROLES_SCHEMA).unique("role_id", keep="first",
                                                                         maintain_order=True)}
