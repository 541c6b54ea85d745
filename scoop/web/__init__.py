"""Web sources: feeds (RSS/Atom) and article pages listed in ``sources.toml``, fetched politely into ``raw/web/``.

    config.py     sources.toml: the sources and the politeness settings
    fetcher.py    httpx with timeouts, retries, per-host rate limit, robots.txt, size/type/redirect limits
    feeds.py      feedparser: a feed's items, duplicates dropped
    snapshots.py  raw/web/<host>/<sha256 of the URL>.html, the page as fetched plus its URL
    state.py      <warehouse>/sources_state.json: per-source status, ETags, items seen, failed pages
    refresh.py    one refresh: every feed and page, new items only
"""
