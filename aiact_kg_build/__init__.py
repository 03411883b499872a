"""Build-time tools of aiact-kg, kept out of the runtime package and its wheel.

- ``legaltext``: the EUR-Lex OJ HTML of Regulation (EU) 2024/1689 to RDF, with the cross-reference
  parser (``scripts/build_legal_text.py``, ``scripts/verify_amendment.py``);
- ``epoch``: Epoch AI's large-scale models table to model descriptions
  (``scripts/build_epoch_models.py``);
- ``owl_consistency``: the HermiT check of the ontology through owlready2 (the ``build`` extra;
  ``tests/ontology/test_hermit.py``).

These modules may import ``aiact_kg``; ``aiact_kg`` never imports them (tests/packaging checks it).
"""
