"""Renderers of every result type in one place: text, JSON, Turtle and tables.

- :mod:`aiact_kg.render.validation`: ``validate`` reports (text, JSON, SHACL Turtle)
- :mod:`aiact_kg.render.assessment`: ``assess`` and ``explain`` (text)
- :mod:`aiact_kg.render.registry`: ``submit``, ``reassess`` and ``registry`` (text, JSON, table)
- :mod:`aiact_kg.render.provision`: ``provision`` (text, JSON)
- :mod:`aiact_kg.render.query`: query results for the command line (table, W3C formats)
- :mod:`aiact_kg.render.query_documents`: query results as whole documents for the service

The command line, the service and the tests all use these modules.
"""
