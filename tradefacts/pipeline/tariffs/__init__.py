"""Tariff relations: rate, imposer, target, products, measure, status and qualifier.

The pipeline component ``tf_tariffs`` (``component``) turns percents into ``TariffRate`` facts.
Modules, in import order (each imports only from those above it):

- ``vocabulary``: the word tables of ``data/tariffs.json`` and ``data/products.json``
- ``tokens``: lemmas, cached lower-case texts, tree walks, phrase lookup
- ``tariff_words``: which tokens are tariff words (tariff, levy, duty, tariff rate ...)
- ``context``: per-doc country mentions, percents, sentences and clauses
- ``linking``: which tariff word a percent is the rate of
- ``scope``: what a tariff is put on ("on Japanese cars", "added to US corn")
- ``frame``: the tariff word's verb, subject, speaker, "exemption from"
- ``parties``: imposer and target the clause states
- ``implicit``: imposer and target the clause leaves out (sentence, article, default)
- ``pairing``: one side per rate ("20% and 19%, respectively", "Cambodia (49%)")
- ``products``: product categories in the tariff's scope
- ``cues``: status, qualifier and measure from cue words
- ``facts``: evidence and consolidation into ``TariffRate`` facts
- ``component``: the spaCy component and the per-percent assembly
"""

from .component import find_tariffs, tariffs
from .implicit import imposer_ranking
from .tariff_words import is_tariff_word
from .vocabulary import tables

__all__ = ["find_tariffs", "imposer_ranking", "is_tariff_word", "tables", "tariffs"]
