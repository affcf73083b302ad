"""tf_clutter: page clutter is marked, article sentences are not, and the text is never changed."""

from __future__ import annotations

import time

import pytest

from tradefacts.pipeline.clutter import clutter_ranges, is_byline, is_heading
from tradefacts.pipeline.document import in_clutter

CLUTTER_LINES = [
    # bylines
    "By Nathan Layne and John Geddie",
    "By Jane Doe, Reuters",
    "By JANE DOE and RAJ PATEL | Updated 3 hours ago",
    "By Mariko Oi, Business reporter, BBC News",
    "Reporting by David Lawder; Editing by Andrea Ricci",
    "Additional reporting by Kantaro Komiya in Tokyo",
    "(With inputs from agencies)",
    "— With assistance from Isabel Reynolds",
    "Business reporter, BBC News",
    "TOI Business Desk",
    "To contact the reporter on this story: Ana Monteiro in London",
    # photo credits and captions' credits
    "Photograph: Kim Kyung-Hoon/Reuters",
    "Image source, Getty Images",
    "Image: Getty",
    "Photo: AFP",
    "Kevin Lamarque/Reuters",
    "AFP via Getty Images",
    "Andrew Harnik | Getty Images",
    "Photo credit: PTI",
    # prompts, links, ads, cookies
    "READ MORE: Canada's Carney vows to fight US steel tariffs",
    "Read more",
    "Also read | India, UK seal free trade agreement after three years of talks",
    "Sign up for our newsletter",
    "Sign up to Business Today, our free daily newsletter",
    "Unlock the White House Watch newsletter for free",
    "Unlock the Editor's Digest for free",
    "Subscribe",
    "Subscribe now",
    "We use cookies to improve your experience on our site.",
    "Accept all",
    "Advertisement",
    "ADVERTISEMENT",
    "Advertisement · Scroll to continue",
    "Story continues below advertisement",
    "Share this article",
    "Share",
    "Copy link",
    "Listen to this article",
    "Follow us on Google News",
    "Catch all the Business News, Market News and Latest News Updates on Live Mint.",
    "Get the latest insights and analysis from our Global Impact newsletter.",
    # copyright and metadata
    "© Thomson Reuters 2025",
    "Copyright The Financial Times Limited 2025. All rights reserved.",
    "All rights reserved.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Published: 10:00am, 17 Apr 2025",
    "Updated 16 April 2025",
    "5 min read",
    "Wednesday, April 16, 2025",
    "(Updates with minister's comments in paragraph 5)",
    # social embeds
    "— johnny maga (@_johnnymaga) April 16, 2025",
    "pic.twitter.com/AbC123xyz",
    "The markets are about to take off 📈 pic.twitter.com/zinry9gvQv",
    "https://t.co/Xy12Ab",
    # headings
    "FIRST MOVER ADVANTAGE",
    "Strategic Intervention Amid Economic Ripples",
    "Trade Stakes for Japan and the U.S.",
    "What's Next?",
]

ARTICLE_SENTENCES = [
    "Japanese Prime Minister Shigeru Ishiba speaks to reporters in Tokyo on Thursday after "
    "U.S.-Japan tariff talks at the White House.",
    "By Wednesday, the two sides had agreed to a second round of talks in Ottawa.",
    "Share prices in Seoul fell 2.1% after the announcement.",
    "Advertising revenue at Mexican broadcasters dropped sharply last year.",
    "Email exchanges seen by Reuters show the commission pushed for a quick deal.",
    "Canada will impose a 25% retaliatory tariff on US steel, Finance Minister Dominic "
    "LeBlanc said.",
    "Britain's Business Secretary Jonathan Reynolds met his Indian counterpart Piyush Goyal "
    "in New Delhi on Monday.",
    "“We will not be bullied,” Chinese commerce ministry spokesperson He Yadong told reporters.",
    "Vietnam offered to cut its tariffs on US cars to 32% from 45%.",
    "The EU said it would suspend its countermeasures for 90 days.",
    "Photographers waited outside the Elysee Palace as Macron hosted the talks.",
    "Updated forecasts from the Bank of Korea show growth slowing to 1.5%.",
    "Trump weighs in on Japan trade talks but Tokyo team leaves without deal",
    "Mexico's President Claudia Sheinbaum said talks would continue next week",
    "Subscribers to the scheme will pay 10% less, the ministry said.",
    "Related negotiations with Indonesia are expected to start in May.",
    "Read the full statement from the Ministry of Commerce here, officials told reporters.",
]


@pytest.mark.parametrize("line", CLUTTER_LINES)
def test_clutter_line_is_marked_whole_between_article_paragraphs(line: str) -> None:
    before = "China said on Friday it would raise tariffs on US goods to 125%.\n\n"
    after = "\n\nThe move came hours after Washington raised its own levies."
    text = before + line + after
    start = len(before)
    assert clutter_ranges(text) == [(start, start + len(line))]


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_sentence_is_not_marked(sentence: str) -> None:
    text = "India and the UK signed a trade deal.\n\n" + sentence + "\n\nTalks resume in June."
    assert clutter_ranges(text) == []


def test_caption_sentence_keeps_its_facts_but_not_its_credit() -> None:
    text = (
        "South Korean President Lee Jae-myung speaks in Seoul on Tuesday. "
        "Photograph: Kim Hong-Ji/Reuters\n"
        "Talks with Washington resumed on Wednesday."
    )
    (start, end), *rest = clutter_ranges(text)
    assert not rest
    assert text[start:end] == "Photograph: Kim Hong-Ji/Reuters"


def test_parenthesised_credits_inside_a_line() -> None:
    text = (
        "Mexican Economy Minister Marcelo Ebrard arrives in Washington (Reuters/Kim Hong-Ji) "
        "for talks on steel quotas (AP Photo/Evan Vucci)."
    )
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert marked == ["(Reuters/Kim Hong-Ji)", "(AP Photo/Evan Vucci)"]


def test_file_photo_caption_glued_into_a_line_is_marked() -> None:
    caption = (
        "FILE - Kenyan President William Ruto addresses reporters at State House in Nairobi, "
        "March 3, 2025. (AP Photo/Brian Inganga, File)"
    )
    text = "Ruto spoke on Friday. " + caption + "NAIROBI: Kenya said on Friday it would retaliate."
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert marked == [caption]


def test_share_bar_glued_into_a_line_is_marked() -> None:
    text = "01 Aug 2025 Bookmark Bookmark WhatsApp Telegram Facebook Twitter Email LinkedInRead on."
    marked = [text[a:b].strip() for a, b in clutter_ranges(text)]
    assert "Bookmark Bookmark WhatsApp Telegram Facebook Twitter Email" in marked[0]
    assert not any("Read on" in m for m in marked)


def test_readers_comments_after_the_article_are_marked_to_the_end() -> None:
    body = (
        "Kenya's trade minister met his Ghanaian counterpart in Accra on Monday to discuss "
        "tariffs on tea and cocoa, officials said. The two sides agreed to meet again in May. "
    ) * 4
    comments = "Login to comment\n\nGhana still charges 40% on Kenyan tea and should pay for it."
    text = "Kenya and Ghana hold talks\n12 Comments\n" + body + "\n12 Comments\n" + comments
    ranges = clutter_ranges(text)
    tail = text.rindex("12 Comments")
    assert [text[a:b] for a, b in ranges if a >= tail] == [
        "12 Comments",
        "Login to comment",
        "Ghana still charges 40% on Kenyan tea and should pay for it.",
    ]
    assert not any("met his Ghanaian counterpart" in text[a:b] for a, b in ranges)


def test_bbc_caption_label_is_marked_but_caption_kept() -> None:
    text = 'Image caption, Sir Keir Starmer called the India deal "landmark"'
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert marked == ["Image caption, "]


def test_bloomberg_getty_credit_inside_caption() -> None:
    text = "Shipping containers at the port of Hai Phong. Bloomberg via Getty Images"
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert marked == ["Bloomberg via Getty Images"]


def test_tweet_text_before_signature_is_embed() -> None:
    text = (
        "Trump turned to social media after the meeting.\n"
        "🚨 BREAKING: Vietnam agrees to zero tariffs on US goods\n"
        "— Trade Watcher (@tradewatch) July 2, 2025\n"
        "Hanoi confirmed the agreement on Thursday."
    )
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert marked == [
        "🚨 BREAKING: Vietnam agrees to zero tariffs on US goods",
        "— Trade Watcher (@tradewatch) July 2, 2025",
    ]


def test_related_headline_list_is_marked_until_the_article_resumes() -> None:
    lines = [
        "Canada's dairy sector braces for a new round of talks.",
        "Related:",
        "Carney and Trump to meet at G7 summit in Kananaskis",
        "Ontario premier Ford threatens electricity surcharge",
        "What does the 35% tariff mean for Canadian aluminium?",
        "Ottawa said talks would continue through the weekend.",
    ]
    text = "\n".join(lines)
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert marked == lines[1:5]


def test_run_of_three_short_headlines_without_header_is_marked() -> None:
    lines = [
        "EU trade ministers met in Luxembourg on Monday.",
        "Japan's exports fall 5% as US tariffs bite",
        "Korea and US agree framework for currency talks",
        "India's Goyal heads to Washington",
        "The ministers agreed to keep talking.",
    ]
    text = "\n\n".join(lines)
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert marked == lines[1:4]


def test_two_short_unpunctuated_lines_are_not_a_headline_list() -> None:
    text = (
        "Trump weighs in on Japan trade talks\n\n"
        "Tokyo team leaves without deal\n\n"
        "Japan's negotiator left Washington on Thursday without an agreement."
    )
    assert clutter_ranges(text) == []


def test_bullet_points_with_facts_are_kept() -> None:
    text = (
        "Key points:\n"
        "• A 25% tariff on Canadian steel takes effect on Friday\n"
        "• Mexico secured a 90-day pause\n"
        "• China faces levies of up to 145%\n"
        "Officials in Ottawa said the measures were unjustified."
    )
    marked = [text[a:b] for a, b in clutter_ranges(text)]
    assert all("•" not in m for m in marked)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Nathan Layne and John Geddie", True),
        ("By Sarah Zheng and Jane Lanhee Lee, Bloomberg", True),
        ("By Wednesday the deal had collapsed.", False),
        ("By contrast, Seoul offered concessions on rice.", False),
        ("By raising tariffs to 50%, Washington hopes to win concessions.", False),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Xi Jinping Capitalizes on U.S. Trade Turmoil", True),
        ("WHAT HAPPENS NEXT", True),
        ("Trump weighs in on Japan trade talks", False),
        ("Canada Responds.", False),
        ("“Big Progress!”", False),
    ],
)
def test_is_heading(line: str, expected: bool) -> None:
    assert is_heading(line) is expected


def test_ranges_are_sorted_disjoint_and_inside_the_text() -> None:
    text = "Share\nAdvertisement\nBy Jane Doe\nThe talks ended.\n© AFP 2025\n"
    ranges = clutter_ranges(text)
    assert ranges == sorted(ranges)
    assert all(0 <= a < b <= len(text) for a, b in ranges)
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(ranges, ranges[1:], strict=False))
    assert [text[a:b] for a, b in ranges] == ["Share", "Advertisement", "By Jane Doe", "© AFP 2025"]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "   ", "🇯🇵🇺🇸", "\u200b\u200b", "مرحبا بالعالم", "“unbalanced quote"],
)
def test_odd_text_does_not_crash(text: str) -> None:
    ranges = clutter_ranges(text)
    assert all(0 <= a < b <= len(text) for a, b in ranges)


@pytest.mark.parametrize(
    "text",
    [
        "“" * 200_000,
        "1" * 100_000 + "%",
        "tariff " * 30_000,
        "Photo: " * 30_000,
        "(Reuters/" * 25_000,
        "— name (@h) " * 20_000,
        "By " + "Jane " * 40_000,
        "A " * 100_000,
        ("Short Title Line\n" * 20_000),
    ],
)
def test_hostile_input_is_fast(text: str) -> None:
    started = time.perf_counter()
    clutter_ranges(text)
    assert time.perf_counter() - started < 10.0  # generous: catastrophic backtracking takes minutes


def test_component_in_pipeline_marks_clutter_and_keeps_text(nlp) -> None:
    text = "By Jane Doe, Reuters\n\nBrazil and the US agreed to hold talks on Monday.\n"
    doc = nlp(text)
    assert doc.text == text
    assert doc._.clutter == [(0, len("By Jane Doe, Reuters"))]
    assert in_clutter(doc, 3, 11)
    assert not in_clutter(doc, text.index("Brazil"), text.index("Brazil") + 6)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("rising to 40 per cent.(File Photo)", ["cent", ".", "(", "File"]),
        ("prices rose 5%.[2] Then", ["5%", ".", "[", "2"]),
        ("talks ended.(Reuters)", ["ended", ".", "(", "Reuters"]),
        ('reached on July 22."Rival exporter', ["22", ".", '"', "Rival"]),
        ("“who will pay?”The answer", ["pay", "?", "”", "The"]),
    ],
)
def test_full_stop_glued_to_a_caption_bracket_is_split(nlp, text: str, words: list[str]) -> None:
    tokens = [t.text for t in nlp.make_doc(text)]
    assert any(tokens[i : i + len(words)] == words for i in range(len(tokens)))
