# Rule: gpai-procedure-facts
# Label: Facts that procedure events state: when the threshold was met or known to be met, and the release under a free and open-source licence (Art 52(1), Art 53(2))
# Provisions: aiap:art_52.par_1 aiap:art_51.par_2 aiap:art_53.par_2
# A model may be described by the events of its procedure (docs/submission-guide.md, 3.10) rather
# than by the facts the later rules read. This rule turns events dated on or before the as-of
# date into those facts, where the description does not state them itself (a stated fact wins):
#   1. aia:ThresholdKnown: the earliest such event gives aia:thresholdKnownOn (the two weeks of
#      Art 52(1) run from it); with aia:computeFLOP it gives the compute used
#      (aia:trainingComputeFLOP, basis aiac:compute-basis-actual, the default) or planned
#      (aia:plannedTrainingComputeFLOP, basis aiac:compute-basis-planned).
#   2. aia:OpenSourceRelease: the model is released under a free and open-source licence
#      (aia:freeAndOpenSourceLicence true) from the event's date.
# It runs before the scope rules: Art 2(8) reads the threshold facts (a model not yet placed on
# the market whose provider knows it meets the threshold stays in scope), and the compute
# estimates (rule compute-estimate) start from the compute these events give.
INSERT { ?m aia:thresholdKnownOn ?known }
WHERE {
  {
    SELECT ?m (MIN(?date) AS ?known) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
      ?event a aia:ThresholdKnown ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  FILTER NOT EXISTS { ?m aia:thresholdKnownOn ?stated }
} ;
# a day of knowing counts from that day only: on the as-of date the threshold is known since it
# (aia:thresholdKnownByAsOf) or not yet (aia:thresholdKnownAfterAsOf), nor is the planned compute
# it dates; the later rules read these two facts instead of comparing the stated day themselves
INSERT { ?m aia:thresholdKnownByAsOf ?known }
WHERE {
  ?m aia:thresholdKnownOn ?known .
  aiaa:run aia:asOf ?asOf .
  FILTER(?known <= ?asOf)
} ;
INSERT { ?m aia:thresholdKnownAfterAsOf ?known }
WHERE {
  ?m aia:thresholdKnownOn ?known .
  aiaa:run aia:asOf ?asOf .
  FILTER(?known > ?asOf)
} ;
INSERT { ?m aia:trainingComputeFLOP ?flop }
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
  ?event a aia:ThresholdKnown ; aia:eventDate ?date ; aia:computeFLOP ?value .
  FILTER NOT EXISTS { ?event aia:computeBasis aiac:compute-basis-planned }
  aiaa:run aia:asOf ?asOf .
  FILTER(?date <= ?asOf)
  BIND(xsd:double(?value) AS ?flop)
  FILTER NOT EXISTS { ?m aia:trainingComputeFLOP ?stated }
  # the latest event up to the as-of date gives the figure
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?later .
    ?later a aia:ThresholdKnown ; aia:eventDate ?laterDate ; aia:computeFLOP ?laterValue .
    FILTER NOT EXISTS { ?later aia:computeBasis aiac:compute-basis-planned }
    FILTER(?laterDate > ?date && ?laterDate <= ?asOf)
  }
} ;
INSERT { ?m aia:plannedTrainingComputeFLOP ?flop }
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
  ?event a aia:ThresholdKnown ; aia:eventDate ?date ; aia:computeFLOP ?value ;
         aia:computeBasis aiac:compute-basis-planned .
  aiaa:run aia:asOf ?asOf .
  FILTER(?date <= ?asOf)
  BIND(xsd:double(?value) AS ?flop)
  FILTER NOT EXISTS { ?m aia:plannedTrainingComputeFLOP ?stated }
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?later .
    ?later a aia:ThresholdKnown ; aia:eventDate ?laterDate ; aia:computeFLOP ?laterValue ;
           aia:computeBasis aiac:compute-basis-planned .
    FILTER(?laterDate > ?date && ?laterDate <= ?asOf)
  }
} ;
INSERT { ?m aia:freeAndOpenSourceLicence true }
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
  ?event a aia:OpenSourceRelease ; aia:eventDate ?date .
  aiaa:run aia:asOf ?asOf .
  FILTER(?date <= ?asOf)
  FILTER NOT EXISTS { ?m aia:freeAndOpenSourceLicence ?stated }
}
