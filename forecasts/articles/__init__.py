"""Articles: text files, HTML files and pages, feed entries -> ``LoadedArticle``.

    sources (path, directory, URL)
      -> load.load_source      read bytes safely (size cap, binary/encoding checks, SSRF guard)
      -> html.extract_html     main text + title/outlet/date from meta (trafilatura)
      -> sidecar.read_sidecar  NAME.meta.toml next to a file (title, source, url, published)
      -> refdate.infer         the reference date and the reason it was chosen
      -> normalize             canonical text and its sha256 (re-ingesting adds nothing)

Nothing here touches the database; ``forecasts.store.articles`` saves what this produces.
"""

from __future__ import annotations
