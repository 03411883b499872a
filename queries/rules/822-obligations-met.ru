# Rule: obligations-met
# Label: A once-only obligation met by an event the description gives on or before the as-of date, with the day it was met (the Art 52(1) notification)
# Provisions: aiap:art_52.par_1
# The catalogue names the kinds of event that perform a once-only duty (aia:metByEvent, in
# data/law/obligation-semantics.ttl): the provider's notification to the Commission, or arguments,
# which come with one, perform the duty to notify of Art 52(1). The assessed obligation stays (the
# duty arose, with its due date), and aia:metOn gives the day of the earliest such event on or
# before the as-of date, so it reads as met, not as outstanding or overdue; whether it was met in
# time is the due date against that day (and the explanation of the state notified, rule 560).
INSERT { ?assessed aia:metOn ?metOn }
WHERE {
  {
    SELECT ?assessed (MIN(?date) AS ?metOn) WHERE {
      # from the catalogue's few obligations met by an event to their assessed obligations (the
      # type as a filter: as a pattern the embedded engine starts from it)
      ?obligation aia:metByEvent ?kind .
      ?assessed aia:obligation ?obligation ; aia:obligationFor ?s .
      FILTER EXISTS { ?assessed a aia:AssessedObligation }
      ?s aia:hasProcedureEvent ?event .
      ?event a ?kind ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?assessed
  }
}
