"""Articles written for the timeline tests: US tariffs on Japanese goods over 2025 in several
outlets' styles (announced, paused, raised, cut by a deal, removed by a court), plus two
reports of one day that disagree. Invented wording; the dates are each article's own."""

from __future__ import annotations

ARTICLES: list[tuple[str, str, str]] = [
    (
        "wire-0403",
        "2025-04-03",
        "WASHINGTON (Wire) - President Donald Trump on Wednesday announced a 24% tariff on "
        "Japanese goods, one of the steepest of his new levies. Tokyo called the move "
        "deeply regrettable.",
    ),
    (
        "daily-0410",
        "2025-04-10",
        "Trump paused the 24% tariff on Japanese goods for 90 days on Wednesday. "
        "Japanese exporters still pay a 10% tariff that took effect on April 5, "
        "officials in Tokyo said.",
    ),
    (
        "herald-0708",
        "2025-07-08",
        "Trump said the United States will raise its tariff on Japanese goods to 25% "
        "from August 1, in a letter to Prime Minister Shigeru Ishiba.",
    ),
    (
        "times-0723",
        "2025-07-23",
        "Under the deal struck on Tuesday, the United States will cut its tariff on Japanese "
        "goods to 15% from August 7, Japan's chief negotiator Ryosei Akazawa said.",
    ),
    (
        "post-0807",
        "2025-08-07",
        "A 15% tariff on Japanese goods took effect on Thursday, the White House said.",
    ),
    (
        "journal-0807",
        "2025-08-07",
        "Japanese exporters said the United States is charging a 25% tariff on Japanese goods "
        "as of Thursday, despite the deal.",
    ),
    (
        "courier-1105",
        "2025-11-05",
        "A federal court on Tuesday struck down the 15% US tariff on Japanese goods, and the "
        "tariff was removed, the court's ruling said.",
    ),
]
