"""quotes.quoted_ranges: the stretches of text that are someone's words (pairing itself is
tested with the statements stage, which reads it through ``pair_quotes``)."""

from __future__ import annotations

from tradefacts.pipeline.quotes import quoted_ranges


def quoted(text: str, min_words: int = 4) -> list[str]:
    return [text[a:b] for a, b in quoted_ranges(text, min_words)]


def test_range_runs_from_opening_to_closing_mark() -> None:
    text = "“We will meet them next week,” he said."
    assert quoted(text) == ["“We will meet them next week,”"]


def test_short_quotes_are_names_or_scare_quotes() -> None:
    text = "The “Liberation Day” tariffs, he said, were “a fair and reciprocal deal”."
    assert quoted(text) == ["“a fair and reciprocal deal”"]
    assert quoted(text, min_words=1) == ["“Liberation Day”", "“a fair and reciprocal deal”"]


def test_single_quotes_count_but_apostrophes_do_not() -> None:
    text = "Japan’s envoy said: 'We met the minister on Friday.' Trade didn’t stall."
    assert quoted(text) == ["'We met the minister on Friday.'"]


def test_quote_over_paragraphs_gives_one_range_per_paragraph() -> None:
    text = "“We met on Monday.\n\n“We talk again in May,” she said.\nThey met."
    assert quoted(text) == ["“We met on Monday.", "We talk again in May,”"]


def test_unclosed_mark_quotes_nothing() -> None:
    assert quoted('He said "we will sue them over this.\nThey met in Geneva.') == []


def test_misused_and_doubled_marks_close_the_quote() -> None:
    text = "“Nigeria will keep talking with its partners,“ the president stated. Talks end."
    assert quoted(text) == ["“Nigeria will keep talking with its partners,“"]
    text = "‘‘The new rate reflects our close ties,’’ stated Mr Vo. He left."
    assert quoted(text) == ["‘‘The new rate reflects our close ties,’’"]
    text = "''We will not bend on this,'' she said."
    assert quoted(text) == ["''We will not bend on this,''"]
