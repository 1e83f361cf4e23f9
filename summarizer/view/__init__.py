"""`summarizer view`: a local web page that shows a brief over its article, a story brief's reports by date,
and eval runs case by case, served on 127.0.0.1 with no network and no assets from elsewhere.

`sources` reads what to show, `payloads` shapes it into the JSON the page draws, `server` serves it;
the page's own HTML, CSS and JavaScript are in `static/`.
"""

from __future__ import annotations

from summarizer.view.server import make_app, serve, serving
from summarizer.view.sources import Target, ViewError, load_target

__all__ = ["Target", "ViewError", "load_target", "make_app", "serve", "serving"]
