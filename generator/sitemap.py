"""The site map: where each generated page lives (its Markdown path) and the anchor of each item on it.

Pages and exports both find their way here, so this module imports nothing of either.
"""

from __future__ import annotations

from generator.dataset import Statement
from generator.dates import PartialDate
from generator.model import Event

CONTRAST = "contrast.md"
TIMELINE = "timeline.md"  # the list of days; each day has a page of its own (day_path)
SOURCES = "sources.md"  # the list of sources; their quotes are on a page per day of publication
PEOPLE = "people/index.md"
TOPICS = "topics/index.md"
CORRECTIONS = "corrections.md"
DATA_PAGE = "data.md"
STYLESHEET = "assets/explainer.css"
SCRIPT = "assets/explainer.js"
SITE_SHARE_IMAGE = "assets/share/site.png"  # what a link to any page without a picture of its own previews
SHARE_IMAGE_SIZE = (1200, 630)  # width and height of every share image, in pixels: what link previews expect
HUB = "index.md"  # with several explainers: the site's front page, listing them
# With several explainers, what they share sits at the site's root; everything else of one explainer is in
# its own folder (site_path).
SHARED_FOLDERS = ("people/", "sources/", "assets/")
SHARED_PAGES = (SOURCES,)


def site_path(explainer: str, path: str) -> str:
    """Where one explainer's page or file ``path`` goes on the site: in a project of one explainer
    (``explainer`` is ""), ``path`` itself; with several, under the explainer's folder, except what they
    share (people, sources, assets), which stays at the site's root."""
    if not explainer or path in SHARED_PAGES or path.startswith(SHARED_FOLDERS):
        return path
    return f"{explainer}/{path}"


def day_path(date: PartialDate) -> str:
    """The page of one day's events (or a month's or year's, for events dated only that precisely).

    A page per day keeps pages small however long the timeline grows, and an event's page, and so every
    quote's permalink, changes only if its date does.
    """
    return f"timeline/{date.iso()}.md"


def sources_day_path(published: PartialDate) -> str:
    """The page of the sources published on one day (or in a month or year, for sources dated only that
    precisely), with every quote each one is cited for.

    A page per day, as the timeline's, keeps pages small however many sources a month brings (a month's page
    passed 2 MB at 30,000 quotes), and a source's address changes only if its date does.
    """
    return f"sources/{published.iso()}.md"


def person_path(person_id: str) -> str:
    return f"people/{person_id}.md"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


QUOTE_PAGES = "quotes"


def quote_path(quote_id: str) -> str:
    """A quote's own page: the link to share, which previews as that quote and leads to it in context."""
    return f"{QUOTE_PAGES}/{quote_id}.md"


def quote_share_image(quote_id: str) -> str:
    return f"assets/share/quotes/{quote_id}.png"


def quote_anchor(quote_id: str) -> str:
    return f"quote-{quote_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def day_anchor(date: PartialDate) -> str:
    return f"day-{date.iso()}"


def month_anchor(date: PartialDate) -> str:
    return f"month-{date.iso()}"


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def topic_anchor(topic_id: str) -> str:
    return f"topic-{topic_id}"


def correction_anchor(correction_id: str) -> str:
    return f"correction-{correction_id}"


def event_location(event: Event) -> tuple[str, str]:
    """Where an event is published: its day's page and its anchor there."""
    return day_path(event.date), event_anchor(event.id)


def quote_location(statement: Statement) -> tuple[str, str]:
    """Where a quote is published in context: its event's day page and its anchor there."""
    return day_path(statement.date), quote_anchor(statement.quote.id)
