"""Scored evaluation against gold annotations (rules: ``tests/gold/seeds/FORMAT.md``).

``evaluate(gold_dir)`` runs ``extract`` on the text of every ``*.gold.json`` in a folder with
that file's ``published`` date, scores persons, countries, tariffs, statements, money and
events (precision, recall, F1, micro-F1), and, when the folder has a ``record.gold.json``,
checks ``merge`` of the same articles against it, once with and once without the dates.
``score_article`` / ``score_record`` score predictions you already have; ``format_report``
and ``report_to_dict`` render a result; ``main`` is the ``tradefacts evaluate`` command.

Modules: ``gold`` (gold files and texts), ``normalise``, ``names`` and ``institutions`` (what
is compared), ``matching`` (when a prediction matches a gold item; one-to-one matching),
``scoring`` (per-type scores and record checks), ``results`` (what is returned), ``runner``
(``evaluate``), ``report`` (rendering), ``command`` (``main``).
"""

from .command import main
from .gold import (
    GOLD_SUFFIX,
    RECORD_GOLD_NAME,
    REPO_SEEDS,
    GoldError,
    check_gold,
    find_text,
    gold_files,
    load_json,
)
from .institutions import institutions_match
from .matching import (
    EntityNames,
    event_matches,
    match_one_to_one,
    money_matches,
    speaker_matches,
    statement_matches,
    tariff_matches,
)
from .names import name_tokens, names_match
from .normalise import PRODUCT_SYNONYMS, normalize_product, normalize_text, products_overlap
from .report import format_report, report_to_dict
from .results import (
    FACT_TYPES,
    ArticleScore,
    EvaluationReport,
    RecordCheck,
    RecordResult,
    TypeScore,
)
from .runner import Extractor, Merger, default_extractor, default_merger, evaluate
from .scoring import predicted_persons, score_article, score_record

__all__ = [
    "ArticleScore",
    "EntityNames",
    "EvaluationReport",
    "Extractor",
    "FACT_TYPES",
    "GOLD_SUFFIX",
    "GoldError",
    "Merger",
    "PRODUCT_SYNONYMS",
    "RECORD_GOLD_NAME",
    "REPO_SEEDS",
    "RecordCheck",
    "RecordResult",
    "TypeScore",
    "check_gold",
    "default_extractor",
    "default_merger",
    "evaluate",
    "event_matches",
    "find_text",
    "format_report",
    "gold_files",
    "institutions_match",
    "load_json",
    "main",
    "match_one_to_one",
    "money_matches",
    "name_tokens",
    "names_match",
    "normalize_product",
    "normalize_text",
    "predicted_persons",
    "products_overlap",
    "report_to_dict",
    "score_article",
    "score_record",
    "speaker_matches",
    "statement_matches",
    "tariff_matches",
]
