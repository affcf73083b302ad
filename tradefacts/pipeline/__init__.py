"""The spaCy pipeline: ``nlp`` (built once), ``document`` (Doc extensions) and the components.

Components run in this order: clutter, entities, quantities, dates, statements, tariffs,
events; each stores its results on ``Doc`` extensions that ``tradefacts.extraction`` reads.
"""
