"""scoop's temporal tagger: lexicon, grammar, anchoring and calendar intervals."""
