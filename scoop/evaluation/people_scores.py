"""Scoring people and roles against gold (see ../shared/gold/README.md).

A person matches when any alias is equal ignoring case, spacing and hyphens.
Roles are scored as (person, role, character) triples per source; a gold
person or character also matches through the aliases the article's gold
``people`` list gives it (an article's spelling variant counts as its gold name).
"""
from __future__ import annotations

import re

from scoop.evaluation.gold import Prf


def _key(name: str | None) -> str | None:
    return re.sub(r"[\s\-‐]+", "", name).casefold() if name else None


def _aliases(person: dict) -> set[str]:
    names = [person.get("name")] + list(person.get("aliases") or [])
    return {k for n in names if (k := _key(n))}


def score_people(gold_people: list[dict], system_people: list[dict]) -> dict:
    """People P/R/F1, kind accuracy on matched, gold people split across >1 system id.

    ``system_people`` rows need name, kind, aliases (person_id optional).
    """
    sys_aliases = [_aliases(p) for p in system_people]
    matched_system: set[int] = set()
    tp = fn = kind_right = split = 0
    splits = []
    for g in gold_people:
        ga = _aliases(g)
        hits = [i for i, a in enumerate(sys_aliases) if a & ga]
        if not hits:
            fn += 1
            continue
        tp += 1
        matched_system.update(hits)
        # the system person sharing the most aliases speaks for the kind
        best = max(hits, key=lambda i: (len(sys_aliases[i] & ga),
                                        _key(system_people[i].get("name")) == _key(g["name"])))
        kind_right += system_people[best].get("kind") == g.get("kind")
        ids = {system_people[i].get("person_id", i) for i in hits}
        if len(ids) > 1:
            split += 1
            splits.append(g["name"])
    fp = sum(1 for i in range(len(system_people)) if i not in matched_system)
    merged = sum(1 for a in sys_aliases if sum(1 for g in gold_people if a & _aliases(g)) > 1)
    prf = Prf(tp, fp, fn)
    return {**prf.as_dict(), "kind_accuracy": round(kind_right / tp, 4) if tp else 0.0,
            "split_gold_people": split, "split_names": splits, "overmerged_system_people": merged,
            "false_positives": [p.get("name") for i, p in enumerate(system_people) if i not in matched_system],
            "missed": [g["name"] for g in gold_people if not any(a & _aliases(g) for a in sys_aliases)]}


def score_roles(items: list[tuple[dict, list[dict]]]) -> dict:
    """(person, role, character) triple P/R/F1 per source; status accuracy on matched triples.

    Each item is (gold article json, system role rows with person_name,
    character_name, role, status).
    """
    total = Prf(0, 0, 0)
    status_right = status_n = 0
    misses, extras, wrong_status = [], [], []
    for gold, system in items:
        canon: dict[str, str] = {}
        for p in gold.get("people", []):
            for a in _aliases(p):
                canon[a] = _key(p["name"])

        def c(name: str | None) -> str | None:
            k = _key(name)
            return canon.get(k, k) if k else None

        gold_status: dict[tuple, str | None] = {}
        for r in gold.get("roles", []):
            t = (c(r["person"]), r["role"], c(r.get("character")))
            if gold_status.get(t) is None:
                gold_status[t] = r.get("status")
        sys_status: dict[tuple, str | None] = {}
        for r in system:
            t = (c(r["person_name"]), r["role"], c(r.get("character_name")))
            if sys_status.get(t) is None:
                sys_status[t] = r.get("status")
        tp = set(gold_status) & set(sys_status)
        total = total + Prf(len(tp), len(set(sys_status) - tp), len(set(gold_status) - tp))
        src = gold.get("file")
        misses += [(src, *t) for t in set(gold_status) - tp]
        extras += [(src, *t) for t in set(sys_status) - tp]
        for t in tp:
            status_n += 1
            if gold_status[t] == sys_status[t]:
                status_right += 1
            else:
                wrong_status.append((src, *t, gold_status[t], sys_status[t]))
    return {**total.as_dict(), "status_accuracy": round(status_right / status_n, 4) if status_n else 0.0,
            "missed": sorted(misses, key=str), "extra": sorted(extras, key=str),
            "wrong_status": sorted(wrong_status, key=str)}
