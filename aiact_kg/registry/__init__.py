"""The registry: submitted documents and their latest assessments, kept in the persistent store.

Each submission has a stable name; its statements live in a graph of their own, the derived
graph of its latest assessment in another, and a record in the registry graph says what was
submitted, when, and by which run it was assessed (see :mod:`.names`). Every write makes a new
version of the store (:func:`aiact_kg.kb.build.write_version`), so readers see a submission
entirely or not at all.
"""
