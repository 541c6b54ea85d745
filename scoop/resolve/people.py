"""One person_id per person across spellings and articles.

Pure: the ``mentions`` and ``roles`` frames of the people extractor in,
``(people, name_map)`` out.

Merge rule (every merge records its reason in ``merge_reasons``):

1. ``same-name``: names equal ignoring case, spaces and hyphens
   ("Kang Tae-gyu" = "kang taegyu") are one person.
2. ``same-article-alias``: a surface form the article itself tied to a name
   (a stage name's legal name in "Stage (Legal Name)") joins it. A bare
   surname or given name the article used for a full name ("Brown" for "Dan
   Brown") becomes an alias of that person but is never a key across articles:
   another article's "Brown" may be Gordon Brown. It is not chosen as the
   canonical name either.
3. ``short-form``: a one-word name that is the given name / surname of
   exactly one longer name of the same kind ("Ha-neul" -> "Kim Ha-neul"). Two
   or more candidates: no merge (a bare "Lee" stays apart).
4. ``romanization``: same family name (first token), rapidfuzz similarity of
   the given names >= ``ROMANIZATION_MIN_SIMILARITY``, and shared role
   evidence: the same (role, work) for crew, or the same character for actors.
   Two actors in one show ("Lee Dong-ha" / "Lee Dong-hwa") share a work but not a
   character, so they stay apart.
5. ``initials``: "Surname AB" joins a name with the same surname whose given
   name starts with A, with shared role evidence as in 4, when exactly one
   candidate fits.

The canonical name is the form seen in most articles (ties: most mentions,
then the longest); ``person_id`` is its slug, with ``-2``, ``-3`` on collision.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import polars as pl
from rapidfuzz import fuzz

from scoop.contract import polars_schema
from scoop.ids import slugify

# given names only (the family name is already equal); "taegyu"/"taekyoo" scores about 62
ROMANIZATION_MIN_SIMILARITY = 60.0
PEOPLE_SCHEMA: dict[str, pl.DataType] = polars_schema("people")
# (source_id, name as written) -> person_id: the columns of mentions it fills
NAME_MAP_SCHEMA: dict[str, pl.DataType] = polars_schema("mentions", ("source_id", "name", "person_id"))


_NORM_DROP_RE = re.compile(r"[\s\-‐]+")


@lru_cache(maxsize=1 << 16)
def norm_name(name: str) -> str:
    """Case, spaces and hyphens ignored: the equality used for names (cached: a run asks for each name often)."""
    return _NORM_DROP_RE.sub("", name).casefold()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _given(name: str) -> str:
    return " ".join(name.split()[1:])


@dataclass
class _Names:
    """Every name seen, keyed by its normalized form, and the merges made so far."""
    rows: list[tuple[str, str, str, str, int]]                  # (source, name, surface, kind, times seen)
    evidence: dict[str, set[tuple]] = field(default_factory=lambda: defaultdict(set))
    kinds: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # key -> display forms
    form_sources: dict[str, dict[str, set]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    sources: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    uf: _UnionFind = field(default_factory=_UnionFind)
    reasons: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    short_forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # article-scoped
    scoped: dict[tuple[str, str], str] = field(default_factory=dict)        # (source, short form) -> key

    def kind_of(self, k: str) -> str:
        c = self.kinds[k]
        return "fictional" if c["fictional"] > c["real"] else "real"


def resolve_people(mentions: pl.DataFrame, roles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(people, name_map); see the module docstring for the merge rule."""
    names = _Names(rows=[])
    _collect(names, mentions, roles)
    if not names.rows:
        return pl.DataFrame(schema=PEOPLE_SCHEMA), pl.DataFrame(schema=NAME_MAP_SCHEMA)
    _join_aliases(names)
    keys = sorted(names.forms)
    display = {k: names.forms[k].most_common(1)[0][0] for k in keys}
    _join_short_forms(names, keys, display)
    _join_family_variants(names, [k for k in keys if len(display[k].split()) >= 2], display)
    people, id_of_key = _build_people(names, keys)
    name_map = sorted({(sid, name, id_of_key[norm_name(name)]) for sid, name, _t, _k, _n in names.rows}
                      | {(sid, text, id_of_key[names.scoped.get((sid, text), norm_name(text))])
                         for sid, _n, text, _k, _c in names.rows})
    return (pl.DataFrame(people, schema=PEOPLE_SCHEMA),
            pl.DataFrame(name_map, schema=NAME_MAP_SCHEMA, orient="row"))


def _collect(names: _Names, mentions: pl.DataFrame, roles: pl.DataFrame) -> None:
    """Every (source, name, surface, kind) seen, from mentions and from roles, with how often, and role evidence.

    A mention repeated in an article is one row with its count (as many as a quarter of them
    on trade articles), so the merge walks each distinct name of an article once.
    """
    if mentions is not None and mentions.height:
        seen = (mentions.select("source_id", pl.coalesce("name", "text").alias("name"), "text", "kind")
                .group_by("source_id", "name", "text", "kind", maintain_order=True).len())
        names.rows.extend(seen.iter_rows())
    if roles is not None and roles.height:
        for sid, person, role, char, work in roles.select(
                "source_id", "person_name", "role", "character_name", "work").iter_rows():
            names.rows.append((sid, person, person, "real", 1))
            if char:
                names.rows.append((sid, char, char, "fictional", 1))
                names.evidence[norm_name(person)].add(("plays", norm_name(char)))
            elif role != "actor":
                # crew: the same role on the same work; two actors of one show share nothing
                names.evidence[norm_name(person)].add((role, (work or "").casefold()))


def _join_aliases(names: _Names) -> None:
    """Rules 1 and 2: the same name, and a surface form the article tied to a name."""
    for sid, name, text, kind, seen in names.rows:
        key = norm_name(name)
        names.uf.find(key)
        names.kinds[key][kind] += seen
        names.forms[key][name] += seen
        names.form_sources[key][name].add(sid)
        names.sources[key].add(sid)
        tkey = norm_name(text)
        if tkey != key and _is_short_form(text, name):
            # a bare surname or given name stands for the full name in this article only:
            # "Brown" is Dan Brown here and Gordon Brown elsewhere, so it is never a join key
            names.forms[key][text] += seen
            names.form_sources[key][text].add(sid)
            names.short_forms[key].add(text)
            names.scoped[(sid, text)] = key
        elif tkey != key:
            # the article tied this surface form to the name
            names.uf.find(tkey)
            names.forms[tkey][text] += seen
            names.form_sources[tkey][text].add(sid)
            names.sources[tkey].add(sid)
            names.kinds[tkey][kind] += seen
            if names.uf.find(tkey) != names.uf.find(key):
                names.uf.union(key, tkey)
                names.reasons[key].append(f"same-article-alias: '{text}' is '{name}' in {sid}")


def _join_short_forms(names: _Names, keys: list[str], display: dict[str, str]) -> None:
    """Rule 3: a one-word name that shortens exactly one longer name of the same kind."""
    uf = names.uf
    by_part: dict[str, set[str]] = defaultdict(set)
    for m in (k for k in keys if len(display[k].split()) >= 2):
        parts = display[m].split()
        for p in {parts[0], parts[-1], _given(display[m])}:
            by_part[norm_name(p)].add(m)
    for k in keys:
        if len(display[k].split()) != 1:
            continue
        cands = {uf.find(m) for m in by_part.get(k, ()) if names.kind_of(m) == names.kind_of(k)}
        if len(cands) == 1:
            target = cands.pop()
            if uf.find(k) != target:
                uf.union(target, k)
                names.reasons[target].append(f"short-form: '{display[k]}' is the only longer name it shortens")


def _join_family_variants(names: _Names, multi: list[str], display: dict[str, str]) -> None:
    """Rules 4 and 5: same family name, similar or initial given name, shared role evidence."""
    uf, evidence = names.uf, names.evidence
    by_family: dict[str, list[str]] = defaultdict(list)
    for k in multi:
        by_family[display[k].split()[0].casefold()].append(k)
    for group in by_family.values():
        # a pair needs shared evidence: only names with some are paired (a family of thousands has few)
        known = [k for k in group if evidence.get(k)]
        pairs = [(a, b) for i, a in enumerate(known) for b in known[i + 1:]
                 if evidence[a] & evidence[b] and names.kind_of(a) == names.kind_of(b)]
        # romanization first, so that initials then see one cluster per person
        for a, b in pairs:
            ga, gb = _given(display[a]), _given(display[b])
            if _is_initials(ga) or _is_initials(gb) or uf.find(a) == uf.find(b):
                continue
            score = fuzz.ratio(norm_name(ga), norm_name(gb))
            if score >= ROMANIZATION_MIN_SIMILARITY:
                uf.union(a, b)
                names.reasons[uf.find(a)].append(
                    f"romanization: '{display[a]}' ~ '{display[b]}' (similarity {score:.0f}, "
                    f"shared {sorted(evidence[a] & evidence[b])[0]})")
        for a, b in pairs:
            ga, gb = _given(display[a]), _given(display[b])
            if _is_initials(ga) == _is_initials(gb) or uf.find(a) == uf.find(b):
                continue
            ini, full_key = (ga, b) if _is_initials(ga) else (gb, a)
            ini_key = a if full_key == b else b
            fits = {uf.find(c) for c in group if not _is_initials(_given(display[c]))
                    and _given(display[c])[:1].casefold() == ini[:1].casefold()
                    and evidence[c] & evidence[ini_key]}
            if len(fits) == 1:
                uf.union(full_key, ini_key)
                names.reasons[uf.find(a)].append(
                    f"initials: '{display[ini_key]}' ~ '{display[full_key]}' "
                    f"(shared {sorted(evidence[a] & evidence[b])[0]})")


def _build_people(names: _Names, keys: list[str]) -> tuple[list[dict], dict[str, str]]:
    """One row per cluster: canonical name, kind, aliases, sources, reasons; and key -> person_id."""
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        clusters[names.uf.find(k)].append(k)
    people, id_of_key, used = [], {}, Counter()
    for _root, members in sorted(clusters.items(), key=lambda kv: min(kv[1])):
        all_forms: Counter = Counter()
        form_src: dict[str, set] = defaultdict(set)
        for k in members:
            all_forms.update(names.forms[k])
            for f, s in names.form_sources[k].items():
                form_src[f] |= s
        shorts = set().union(*(names.short_forms[k] for k in members))
        candidates = [f for f in all_forms if f not in shorts] or list(all_forms)
        canonical = max(candidates, key=lambda f: (len(form_src[f]), all_forms[f], len(f), f))
        kind_count: Counter = sum((names.kinds[k] for k in members), Counter())
        slug = slugify(canonical)
        used[slug] += 1
        pid = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        for k in members:
            id_of_key[k] = pid
        merge_reasons = [r for k in members for r in names.reasons.get(k, [])]
        merge_reasons += [f"same-name: '{f}'" for f in sorted(all_forms) if f != canonical
                          and norm_name(f) == norm_name(canonical)]
        people.append({
            "person_id": pid, "name": canonical,
            "kind": "fictional" if kind_count["fictional"] > kind_count["real"] else "real",
            "aliases": sorted(all_forms),
            "source_count": len(set().union(*(names.sources[k] for k in members))),
            "merge_reasons": merge_reasons,
        })
    return people, id_of_key


def _is_short_form(text: str, name: str) -> bool:
    """``text`` is one word of the longer ``name``: its surname or given name as the article shortened it."""
    parts = name.split()
    return len(parts) >= 2 and len(text.split()) == 1 and norm_name(text) in {norm_name(p) for p in parts}


def _is_initials(given: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,3}|(?:[A-Z]\.\s?){1,3}", given))
