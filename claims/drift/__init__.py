"""Drift: how a claim's wording, names, hedges and attribution changed as it travelled.

Pure comparison lives here (``compare``, ``pairs``, ``lexicon``, ``names``);
storing and refreshing findings is ``claims.services.drift``. Nothing here
imports SQLAlchemy, so the migration and tests can use it on plain values.
"""
