"""People, characters and roles in one article.

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
Roles come from cue tables (``cues``, one table per concern).

Modules, in the order the data flows: ``document`` (the article and its sentences),
``names`` (name candidates), ``mentions`` (which are people), ``characters`` (who plays
whom), ``roles``, ``extractor`` (rows and the plug-in).

Cross-article identity (one person_id per person) is ``resolve``'s job.
"""
from scoop.extract.people.person_cues import SPACY_DISABLE
from scoop.extract.people.document import split_sentences
from scoop.extract.people.people_extractor import (MENTIONS_SCHEMA, ROLES_SCHEMA, PeopleExtractor, extract_people,
                                                   extract_people_from_entities, extract_people_parsed)

__all__ = ["MENTIONS_SCHEMA", "ROLES_SCHEMA", "SPACY_DISABLE", "PeopleExtractor", "extract_people",
           "extract_people_from_entities", "extract_people_parsed", "split_sentences"]
