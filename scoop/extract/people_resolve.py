"""One person_id per person across spellings and articles (issue 4).

Pure: the ``mentions`` and ``roles`` frames of ``scoop.extract.people`` in,
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

import polars as pl
from rapidfuzz import fuzz

from scoop.ids import slugify

# given names only (the family name is already equal); "taegyu"/"taekyoo" scores about 62
ROMANIZATION_MIN_SIMILARITY = 60.0
PEOPLE_SCHEMA = {
    "person_id": pl.Utf8, "name": pl.Utf8, "kind": pl.Utf8, "aliases": pl.List(pl.Utf8),
    "source_count": pl.Int64, "merge_reasons": pl.List(pl.Utf8),
}
NAME_MAP_SCHEMA = {"source_id": pl.Utf8, "name": pl.Utf8, "person_id": pl.Utf8}


def norm_name(name: str) -> str:
    """Case, spaces and hyphens ignored: the equality used for names."""
    return re.sub(r"[\s\-‐]+", "", name).casefold()


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


def resolve_people(mentions: pl.DataFrame, roles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(people, name_map); see the module docstring for the merge rule."""
    # every (source, name, surface, kind) seen, from mentions and from roles
    rows: list[tuple[str, str, str, str]] = []
    if mentions is not None and mentions.height:
        for r in mentions.select("source_id", "name", "text", "kind").iter_rows():
            rows.append((r[0], r[1] or r[2], r[2], r[3]))
    evidence: dict[str, set[tuple]] = defaultdict(set)   # normalized name -> role evidence
    if roles is not None and roles.height:
        for sid, person, role, char, work in roles.select(
                "source_id", "person_name", "role", "character_name", "work").iter_rows():
            rows.append((sid, person, person, "real"))
            if char:
                rows.append((sid, char, char, "fictional"))
                evidence[norm_name(person)].add(("plays", norm_name(char)))
            elif role != "actor":
                # crew: the same role on the same work; two actors of one show share nothing
                evidence[norm_name(person)].add((role, (work or "").casefold()))
    if not rows:
        return pl.DataFrame(schema=PEOPLE_SCHEMA), pl.DataFrame(schema=NAME_MAP_SCHEMA)

    kinds: dict[str, Counter] = defaultdict(Counter)
    forms: dict[str, Counter] = defaultdict(Counter)       # key -> display forms (mention counts)
    form_sources: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    sources: dict[str, set] = defaultdict(set)
    uf = _UnionFind()
    reasons: dict[str, list[str]] = defaultdict(list)
    short_forms: dict[str, set[str]] = defaultdict(set)    # key -> its article-scoped short forms
    scoped: dict[tuple[str, str], str] = {}                 # (source, short form) -> key of the full name
    for sid, name, text, kind in rows:
        key = norm_name(name)
        uf.find(key)
        kinds[key][kind] += 1
        forms[key][name] += 1
        form_sources[key][name].add(sid)
        sources[key].add(sid)
        tkey = norm_name(text)
        if tkey != key and _is_short_form(text, name):
            # a bare surname or given name stands for the full name in this article only:
            # "Brown" is Dan Brown here and Gordon Brown elsewhere, so it is never a join key
            forms[key][text] += 1
            form_sources[key][text].add(sid)
            short_forms[key].add(text)
            scoped[(sid, text)] = key
        elif tkey != key:
            # the article tied this surface form to the name
            uf.find(tkey)
            forms[tkey][text] += 1
            form_sources[tkey][text].add(sid)
            sources[tkey].add(sid)
            kinds[tkey][kind] += 1
            if uf.find(tkey) != uf.find(key):
                uf.union(key, tkey)
                reasons[key].append(f"same-article-alias: '{text}' is '{name}' in {sid}")

    def kind_of(k: str) -> str:
        c = kinds[k]
        return "fictional" if c["fictional"] > c["real"] else "real"

    keys = sorted(forms)
    shown = {k: forms[k].most_common(1)[0][0] for k in keys}
    display = shown.__getitem__
    multi = [k for k in keys if len(display(k).split()) >= 2]
    # rule 3: one-word short forms (index the longer names by their parts once)
    by_part: dict[str, set[str]] = defaultdict(set)
    for m in multi:
        parts = display(m).split()
        for p in {parts[0], parts[-1], _given(display(m))}:
            by_part[norm_name(p)].add(m)
    for k in keys:
        name = display(k)
        if len(name.split()) != 1:
            continue
        cands = {uf.find(m) for m in by_part.get(k, ()) if kind_of(m) == kind_of(k)}
        if len(cands) == 1:
            target = cands.pop()
            if uf.find(k) != target:
                uf.union(target, k)
                reasons[target].append(f"short-form: '{name}' is the only longer name it shortens")

    # rules 4 and 5: same family name, similar or initial given name, shared role evidence
    by_family: dict[str, list[str]] = defaultdict(list)
    for k in multi:
        by_family[display(k).split()[0].casefold()].append(k)
    for group in by_family.values():
        pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1:]
                 if kind_of(a) == kind_of(b) and evidence[a] & evidence[b]]
        # romanization first, so that initials then see one cluster per person
        for a, b in pairs:
            ga, gb = _given(display(a)), _given(display(b))
            if _is_initials(ga) or _is_initials(gb) or uf.find(a) == uf.find(b):
                continue
            score = fuzz.ratio(norm_name(ga), norm_name(gb))
            if score >= ROMANIZATION_MIN_SIMILARITY:
                uf.union(a, b)
                reasons[uf.find(a)].append(
                    f"romanization: '{display(a)}' ~ '{display(b)}' (similarity {score:.0f}, "
                    f"shared {sorted(evidence[a] & evidence[b])[0]})")
        for a, b in pairs:
            ga, gb = _given(display(a)), _given(display(b))
            if _is_initials(ga) == _is_initials(gb) or uf.find(a) == uf.find(b):
                continue
            ini, full_key = (ga, b) if _is_initials(ga) else (gb, a)
            ini_key = a if full_key == b else b
            fits = {uf.find(c) for c in group if not _is_initials(_given(display(c)))
                    and _given(display(c))[:1].casefold() == ini[:1].casefold()
                    and evidence[c] & evidence[ini_key]}
            if len(fits) == 1:
                uf.union(full_key, ini_key)
                reasons[uf.find(a)].append(
                    f"initials: '{display(ini_key)}' ~ '{display(full_key)}' "
                    f"(shared {sorted(evidence[a] & evidence[b])[0]})")

    # build the people
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        clusters[uf.find(k)].append(k)
    people, id_of_key, used = [], {}, Counter()
    for root, members in sorted(clusters.items(), key=lambda kv: min(kv[1])):
        all_forms: Counter = Counter()
        form_src: dict[str, set] = defaultdict(set)
        for k in members:
            all_forms.update(forms[k])
            for f, s in form_sources[k].items():
                form_src[f] |= s
        shorts = set().union(*(short_forms[k] for k in members))
        names = [f for f in all_forms if f not in shorts] or list(all_forms)
        canonical = max(names, key=lambda f: (len(form_src[f]), all_forms[f], len(f), f))
        kind_count: Counter = sum((kinds[k] for k in members), Counter())
        kind = "fictional" if kind_count["fictional"] > kind_count["real"] else "real"
        slug = slugify(canonical)
        used[slug] += 1
        pid = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        for k in members:
            id_of_key[k] = pid
        merge_reasons = [r for k in members for r in reasons.get(k, [])]
        merge_reasons += [f"same-name: '{f}'" for f in sorted(all_forms) if f != canonical
                          and norm_name(f) == norm_name(canonical)]
        people.append({
            "person_id": pid, "name": canonical, "kind": kind, "aliases": sorted(all_forms),
            "source_count": len(set().union(*(sources[k] for k in members))),
            "merge_reasons": merge_reasons,
        })
    name_map = sorted({(sid, name, id_of_key[norm_name(name)]) for sid, name, _t, _k in rows}
                      | {(sid, text, id_of_key[scoped.get((sid, text), norm_name(text))])
                         for sid, _n, text, _k in rows})
    return (pl.DataFrame(people, schema=PEOPLE_SCHEMA),
            pl.DataFrame(name_map, schema=NAME_MAP_SCHEMA, orient="row"))


def _is_short_form(text: str, name: str) -> bool:
    """``text`` is one word of the longer ``name``: its surname or given name as the article shortened it."""
    parts = name.split()
    return len(parts) >= 2 and len(text.split()) == 1 and norm_name(text) in {norm_name(p) for p in parts}


def _is_initials(given: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,3}|(?:[A-Z]\.\s?){1,3}", given))
