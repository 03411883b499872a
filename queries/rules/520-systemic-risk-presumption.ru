# Rule: art-51-1-a-presumption
# Label: Systemic risk presumed under Art 51(1)(a) and 51(2): training compute above the threshold; borderline compute; planned compute; the provider's arguments
# Provisions: aiap:art_51.par_1.pnt_a aiap:art_51.par_2 aiap:art_52.par_1 aiap:art_52.par_2 aiap:art_52.par_3 aiap:rct_97
# The threshold is always read through the run node (aiaa:run aia:usesThreshold ?t), which may be
# an override of aiac:threshold-art-51-2. Art 51(2) needs compute "greater than" the threshold.
# The trigger aiac:trigger-systemic-risk-threshold-met (Art 52(1) notification) holds whenever
# the condition of Art 51(1)(a) is met, and when planned compute will meet it. The category
# gpai-systemic-risk follows unless the Commission accepted the provider's arguments (Art 52(2)-(3)).
INSERT { ?m aia:satisfiesTrigger aiac:trigger-systemic-risk-threshold-met }
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasComputeEstimate ?e .
  ?e aia:computeFLOP ?c .
  aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv .
  FILTER(?c > ?tv)
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
} ;
# Without the day the provider knew (aia:thresholdKnownOn, on or before the as-of date), a model
# placed on the market with training compute above the threshold met the condition at the latest
# on its first placing (or when a later threshold came into force): the two weeks of Art 52(1)
# run at the latest from then. Compute only planned does not count: the model placed may not
# have used it. The day of placing is the one rule 011 bounds: the model's own date or that of an
# AI system built on it, its provider's own (Recital 97) or another provider's (Art 3(9), 3(10)).
INSERT { ?m aia:thresholdMetAtLatestOn ?metBy }
WHERE {
  {
    SELECT DISTINCT ?m ?placed WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasComputeEstimate ?e ; aia:placedNoLaterThan ?placed .
      ?e aia:computeFLOP ?c .
      aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv .
      FILTER(?c > ?tv)
      aiaa:run aia:asOf ?asOf .
      FILTER(DATATYPE(?placed) = xsd:date && ?placed <= ?asOf)
    }
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  aiaa:run aia:usesThreshold ?threshold .
  OPTIONAL { ?threshold aia:inForceFrom ?thresholdFrom }
  BIND(IF(BOUND(?thresholdFrom) && ?thresholdFrom > ?placed, ?thresholdFrom, ?placed) AS ?metBy)
  # a stated day of knowing governs (the compute may have been used after the placing, in
  # further training), unless it is after the as-of date: not known yet on it
  FILTER NOT EXISTS { ?m aia:thresholdKnownByAsOf ?known }
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:category-gpai-systemic-risk ;
    aia:byRule aiar:art-51-1-a-presumption ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> , aiap:art_51.par_2 ;
    aia:premise ?e ,
      [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasComputeEstimate ; aia:premiseValue ?e ] ,
      [ aia:premiseSubject ?e ; aia:premiseProperty aia:computeFLOP ; aia:premiseValue ?c ] ,
      [ aia:premiseSubject aiaa:run ; aia:premiseProperty aia:usesThreshold ; aia:premiseValue ?t ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?d aia:premise ?knownPremise .
  ?knownPremise aia:premiseSubject ?m ; aia:premiseProperty aia:thresholdKnownOn ; aia:premiseValue ?known .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasComputeEstimate ?e .
  ?e aia:computeFLOP ?c ; aia:estimationMethod ?method ; rdfs:label ?elabel .
  ?method skos:prefLabel ?methodLabel .
  aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv .
  FILTER(?c > ?tv)
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?acc . ?acc a aia:ArgumentsAccepted ; aia:eventDate ?accDate .
    ?m aia:hasProcedureEvent ?args . ?args a aia:ProviderArguments ; aia:eventDate ?argsDate .
    aiaa:run aia:asOf ?asOf0 .
    FILTER(?argsDate <= ?accDate && ?accDate <= ?asOf0)
  }
  {
    SELECT ?t ?ts ?tsource WHERE {
      aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?x .
      VALUES ?k { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 }
      BIND(xsd:double(CONCAT("1e", STR(?k))) AS ?p)
      # the power of ten of the figure rounded to three digits (9.996e29 is 1e30, not "10e29":
      # an outside check), each bound computed as the next power's, so one ?k matches
      FILTER(?x >= ?p * 0.9995e0 && ?x < xsd:double(CONCAT("1e", STR(?k + 1))) * 0.9995e0)
      # the mantissa to two decimals, written from whole hundredths: an engine may print the
      # double ROUND(?x / ?p * 100) / 100 as 8.720000000000001 where another prints 8.72
      BIND(xsd:integer(ROUND(?x / ?p * 100)) AS ?hundredths)
      BIND(xsd:integer(FLOOR(?hundredths / 100)) AS ?units)
      BIND(?hundredths - 100 * ?units AS ?cents)
      BIND(xsd:integer(FLOOR(?cents / 10)) AS ?tenths)
      BIND(CONCAT(STR(?units), IF(?cents = 0, "", IF(?cents = 10 * ?tenths, CONCAT(".", STR(?tenths)),
                  CONCAT(IF(?cents < 10, ".0", "."), STR(?cents))))) AS ?mantissa)
      BIND(CONCAT(?mantissa, "e", STR(?k), " FLOP") AS ?ts)
      OPTIONAL { ?t aia:replacesThreshold+ aiac:threshold-art-51-2 ; dct:source ?tact ; aia:inForceFrom ?tfrom }
      BIND(IF(?t = aiac:threshold-art-51-2, "set by Art 51(2)",
              IF(BOUND(?tact), CONCAT("set by ", STR(?tact), " under Art 51(3), in force from ", STR(?tfrom)),
                 "set for this assessment in place of the Art 51(2) value (a what-if override)")) AS ?tsource)
    }
  }
  OPTIONAL { ?m aia:thresholdKnownByAsOf ?known }
  BIND(CONCAT("Training compute: ", ?elabel, " [", STR(?methodLabel),
              "]; it exceeds the threshold of ", ?ts, " ", ?tsource,
              ": the model is presumed to have high-impact capabilities (Art 51(1)(a), Art 51(2)) and is a general-purpose AI model with systemic risk.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-a-presumption|")))) AS ?d)
  # a premise that holds only on a condition gets an IRI of its own, minted from its determination and fact
  BIND(IF(BOUND(?known), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|thresholdKnownOn|", STR(?known))))), ?unbound) AS ?knownPremise)
} ;
# The compute used dated by threshold events (aia:ThresholdKnown with aia:computeFLOP, basis
# actual: rule 007 gives the latest one's figure where the description states none): it
# exceeded the threshold only from the first such event above it (or, if later, the day the
# threshold came into force), so the model meets the condition of Art 51(1)(a), and is one "with
# systemic risk" (Art 51(1), Art 55(1)), only from then, and not before Chapter V applies. That
# event is a premise of the determination: rule 700 dates the determination from it (as rule 530
# dates a designation from the decision), rule 820 the duties only models with systemic risk bear
# (for a model placed before 2 August 2025, the later of that day and the date of Art 111(3)),
# and rule 560 the procedure state. A figure without events (compute stated, or estimated from
# size or hardware) is dated by the day stated as the one the threshold was met or became known
# (aia:thresholdKnownOn, the first operation's premise), which a threshold event stands for (rule
# 700; without that day, by Chapter V's).
DELETE { ?d aia:explanation ?old }
INSERT {
  ?d aia:explanation ?new ; aia:premise ?eventPremise .
  ?eventPremise a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?event .
}
WHERE {
  {
    SELECT ?m (MIN(?date) AS ?eventDate) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?aboveEvent .
      ?aboveEvent a aia:ThresholdKnown ; aia:eventDate ?date ; aia:computeFLOP ?value .
      FILTER NOT EXISTS { ?aboveEvent aia:computeBasis aiac:compute-basis-planned }
      aiaa:run aia:asOf ?asOf ; aia:usesThreshold ?t . ?t aia:thresholdValue ?tv .
      FILTER(?date <= ?asOf && xsd:double(?value) > ?tv)
    } GROUP BY ?m
  }
  ?d aia:determinationOf ?m ; aia:byRule aiar:art-51-1-a-presumption ;
     aia:conclusion aiac:category-gpai-systemic-risk ; aia:premise ?e ; aia:explanation ?old .
  ?e a aia:ComputeEstimate ; aia:computeFLOP ?c .
  # the figure the presumption rests on is an event's (the compute used up to the as-of date)
  FILTER EXISTS {
    ?m aia:hasProcedureEvent ?figureEvent .
    ?figureEvent a aia:ThresholdKnown ; aia:eventDate ?figureDate ; aia:computeFLOP ?figure .
    aiaa:run aia:asOf ?figureAsOf .
    FILTER(?figureDate <= ?figureAsOf && xsd:double(?figure) = ?c)
  }
  # the event of that day (the premise)
  aiaa:run aia:usesThreshold ?threshold . ?threshold aia:thresholdValue ?thresholdValue .
  ?m aia:hasProcedureEvent ?event .
  ?event a aia:ThresholdKnown ; aia:eventDate ?eventDate ; aia:computeFLOP ?eventFigure .
  FILTER NOT EXISTS { ?event aia:computeBasis aiac:compute-basis-planned }
  FILTER(xsd:double(?eventFigure) > ?thresholdValue)
  OPTIONAL { ?threshold aia:inForceFrom ?thresholdFrom }
  BIND(IF(BOUND(?thresholdFrom) && ?thresholdFrom > ?eventDate, ?thresholdFrom, ?eventDate) AS ?metOn)
  <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> eli:date_applicability ?chapterV .
  BIND(CONCAT(?old, " The compute used is dated by the threshold event of ", STR(?eventDate),
              ": the model meets the condition from ", STR(?metOn),
              IF(?chapterV > ?metOn, CONCAT(" and has systemic risk under Chapter V from ", STR(?chapterV), ", when it applies."),
                 ", and has systemic risk from that day.")) AS ?new)
  BIND(IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|hasProcedureEvent|", STR(?event))))) AS ?eventPremise)
} ;
# Borderline: a stated figure equal to the threshold, or an estimated range that straddles it.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:flag-borderline-compute ;
    aia:byRule aiar:art-51-1-a-presumption ;
    aia:legalBasis aiap:art_51.par_2 ;
    aia:premise ?e ,
      [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasComputeEstimate ; aia:premiseValue ?e ] ,
      [ aia:premiseSubject aiaa:run ; aia:premiseProperty aia:usesThreshold ; aia:premiseValue ?t ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasComputeEstimate ?e .
  ?e aia:computeFLOP ?c ; aia:computeLowFLOP ?low ; aia:computeHighFLOP ?high ; rdfs:label ?elabel .
  aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv .
  FILTER(?c = ?tv || (?low <= ?tv && ?tv < ?high))
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  {
    SELECT ?t ?ts ?tsource WHERE {
      aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?x .
      VALUES ?k { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 }
      BIND(xsd:double(CONCAT("1e", STR(?k))) AS ?p)
      # the power of ten of the figure rounded to three digits (9.996e29 is 1e30, not "10e29":
      # an outside check), each bound computed as the next power's, so one ?k matches
      FILTER(?x >= ?p * 0.9995e0 && ?x < xsd:double(CONCAT("1e", STR(?k + 1))) * 0.9995e0)
      # the mantissa to two decimals, written from whole hundredths: an engine may print the
      # double ROUND(?x / ?p * 100) / 100 as 8.720000000000001 where another prints 8.72
      BIND(xsd:integer(ROUND(?x / ?p * 100)) AS ?hundredths)
      BIND(xsd:integer(FLOOR(?hundredths / 100)) AS ?units)
      BIND(?hundredths - 100 * ?units AS ?cents)
      BIND(xsd:integer(FLOOR(?cents / 10)) AS ?tenths)
      BIND(CONCAT(STR(?units), IF(?cents = 0, "", IF(?cents = 10 * ?tenths, CONCAT(".", STR(?tenths)),
                  CONCAT(IF(?cents < 10, ".0", "."), STR(?cents))))) AS ?mantissa)
      BIND(CONCAT(?mantissa, "e", STR(?k), " FLOP") AS ?ts)
      OPTIONAL { ?t aia:replacesThreshold+ aiac:threshold-art-51-2 ; dct:source ?tact ; aia:inForceFrom ?tfrom }
      BIND(IF(?t = aiac:threshold-art-51-2, "set by Art 51(2)",
              IF(BOUND(?tact), CONCAT("set by ", STR(?tact), " under Art 51(3), in force from ", STR(?tfrom)),
                 "set for this assessment in place of the Art 51(2) value (a what-if override)")) AS ?tsource)
    }
  }
  BIND(IF(?c = ?tv,
          CONCAT("Training compute of ", ?elabel, " equals the threshold of ", ?ts, " ", ?tsource, "; Art 51(2) presumes high-impact capabilities only above it, so the model is not presumed to have them, but any further training crosses the threshold."),
          CONCAT("The plausible range of the training-compute estimate, ", ?elabel, ", includes the threshold of ", ?ts, " ", ?tsource, "; whether the presumption of Art 51(2) applies is uncertain and the compute should be measured.")) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-a-presumption|borderline")))) AS ?d)
} ;
# Planned compute above the threshold: it is known that the condition will be met (Art 52(1)).
# A model in training may give only the planned compute and the date it became known
# (aia:thresholdKnownOn), with no training compute yet. Art 51(2) presumes high-impact capabilities
# from the computation "used for its training", so before the compute used exceeds the threshold
# the model is not classified with systemic risk: it is a general-purpose AI model whose provider
# must notify within two weeks of knowing that the condition will be met (Art 52(1), Recital 112).
INSERT {
  ?m aia:satisfiesTrigger aiac:trigger-systemic-risk-threshold-met .
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-threshold-will-be-met ;
    aia:byRule aiar:art-51-1-a-presumption ;
    aia:legalBasis aiap:art_52.par_1 , aiap:art_51.par_2 , <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:plannedTrainingComputeFLOP ; aia:premiseValue ?planned ] ,
      [ aia:premiseSubject aiaa:run ; aia:premiseProperty aia:usesThreshold ; aia:premiseValue ?t ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?d aia:premise ?knownPremise .
  ?knownPremise aia:premiseSubject ?m ; aia:premiseProperty aia:thresholdKnownOn ; aia:premiseValue ?known .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:plannedTrainingComputeFLOP ?planned .
  FILTER(isIRI(?m))
  aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv .
  FILTER(xsd:double(?planned) > ?tv)
  # the day it became known: a day after the as-of date is not known yet on it, nor is the
  # planned compute it dates (as a threshold event after the as-of date is not read, rule 007)
  FILTER NOT EXISTS { ?m aia:thresholdKnownAfterAsOf ?later }
  OPTIONAL { ?m aia:thresholdKnownByAsOf ?known }
  FILTER NOT EXISTS { ?m aia:satisfiesTrigger aiac:trigger-systemic-risk-threshold-met }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  {
    SELECT ?t ?ts ?tsource WHERE {
      aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?x .
      VALUES ?k { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 }
      BIND(xsd:double(CONCAT("1e", STR(?k))) AS ?p)
      # the power of ten of the figure rounded to three digits (9.996e29 is 1e30, not "10e29":
      # an outside check), each bound computed as the next power's, so one ?k matches
      FILTER(?x >= ?p * 0.9995e0 && ?x < xsd:double(CONCAT("1e", STR(?k + 1))) * 0.9995e0)
      # the mantissa to two decimals, written from whole hundredths: an engine may print the
      # double ROUND(?x / ?p * 100) / 100 as 8.720000000000001 where another prints 8.72
      BIND(xsd:integer(ROUND(?x / ?p * 100)) AS ?hundredths)
      BIND(xsd:integer(FLOOR(?hundredths / 100)) AS ?units)
      BIND(?hundredths - 100 * ?units AS ?cents)
      BIND(xsd:integer(FLOOR(?cents / 10)) AS ?tenths)
      BIND(CONCAT(STR(?units), IF(?cents = 0, "", IF(?cents = 10 * ?tenths, CONCAT(".", STR(?tenths)),
                  CONCAT(IF(?cents < 10, ".0", "."), STR(?cents))))) AS ?mantissa)
      BIND(CONCAT(?mantissa, "e", STR(?k), " FLOP") AS ?ts)
      OPTIONAL { ?t aia:replacesThreshold+ aiac:threshold-art-51-2 ; dct:source ?tact ; aia:inForceFrom ?tfrom }
      BIND(IF(?t = aiac:threshold-art-51-2, "set by Art 51(2)",
              IF(BOUND(?tact), CONCAT("set by ", STR(?tact), " under Art 51(3), in force from ", STR(?tfrom)),
                 "set for this assessment in place of the Art 51(2) value (a what-if override)")) AS ?tsource)
    }
  }
  {
    SELECT ?m ?ps WHERE {
      ?m aia:plannedTrainingComputeFLOP ?y . BIND(xsd:double(?y) AS ?x)
      VALUES ?k { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 }
      BIND(xsd:double(CONCAT("1e", STR(?k))) AS ?p)
      # the power of ten of the figure rounded to three digits (9.996e29 is 1e30, not "10e29":
      # an outside check), each bound computed as the next power's, so one ?k matches
      FILTER(?x >= ?p * 0.9995e0 && ?x < xsd:double(CONCAT("1e", STR(?k + 1))) * 0.9995e0)
      # the mantissa to two decimals, written from whole hundredths: an engine may print the
      # double ROUND(?x / ?p * 100) / 100 as 8.720000000000001 where another prints 8.72
      BIND(xsd:integer(ROUND(?x / ?p * 100)) AS ?hundredths)
      BIND(xsd:integer(FLOOR(?hundredths / 100)) AS ?units)
      BIND(?hundredths - 100 * ?units AS ?cents)
      BIND(xsd:integer(FLOOR(?cents / 10)) AS ?tenths)
      BIND(CONCAT(STR(?units), IF(?cents = 0, "", IF(?cents = 10 * ?tenths, CONCAT(".", STR(?tenths)),
                  CONCAT(IF(?cents < 10, ".0", "."), STR(?cents))))) AS ?mantissa)
      BIND(CONCAT(?mantissa, "e", STR(?k)) AS ?ps)
    }
  }
  OPTIONAL { ?m aia:hasComputeEstimate ?usedEstimate . ?usedEstimate rdfs:label ?usedLabel }
  BIND(IF(BOUND(?usedLabel),
          CONCAT("The training compute used so far, ", ?usedLabel, ", does not exceed the threshold. "),
          "No training compute used so far is given: the model is taken to be still in training. ") AS ?usedText)
  BIND(CONCAT("The planned training compute of ", ?ps, " FLOP exceeds the threshold of ", ?ts, " ", ?tsource,
              ": it is known that the model will meet the condition of Art 51(1)(a), so the provider must notify the Commission within two weeks",
              IF(BOUND(?known), CONCAT(" of ", STR(?known), ", the date this became known"),
                       " of knowing it (the date it became known, aia:thresholdKnownOn, is not given, so no due date can be computed)"),
              " (Art 52(1)). ", ?usedText,
              "Art 51(2) presumes high-impact capabilities only when the computation used for training is greater than the threshold, so the model is not yet classified as a general-purpose AI model with systemic risk; ",
              "it will be once the compute used exceeds the threshold (Art 51(1)(a), Art 51(2)), unless the Commission accepts the provider's substantiated arguments that it exceptionally does not present systemic risks (Art 52(2)-(3)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-a-presumption|planned")))) AS ?d)
  BIND(IF(BOUND(?known), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|thresholdKnownOn|", STR(?known))))), ?unbound) AS ?knownPremise)
} ;
# The Commission accepted the provider's arguments: not classified as systemic risk (Art 52(2)-(3)).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-arguments-accepted ;
    aia:byRule aiar:art-51-1-a-presumption ;
    aia:legalBasis aiap:art_52.par_2 , aiap:art_52.par_3 , <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> ;
    aia:premise ?e ,
      [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?args ] ,
      [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?acc ] ;
    aia:explanation ?explanation ;
    aia:appliesFromDate ?acceptedFrom ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasComputeEstimate ?e .
  ?e aia:computeFLOP ?c ; rdfs:label ?elabel .
  aiaa:run aia:usesThreshold ?t ; aia:asOf ?asOf . ?t aia:thresholdValue ?tv .
  FILTER(?c > ?tv)
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  ?m aia:hasProcedureEvent ?acc . ?acc a aia:ArgumentsAccepted ; aia:eventDate ?accDate .
  ?m aia:hasProcedureEvent ?args . ?args a aia:ProviderArguments ; aia:eventDate ?argsDate .
  FILTER(?argsDate <= ?accDate && ?accDate <= ?asOf)
  # the classification falls away with the decision, not before (an outside check found the
  # outcome dated from the day Art 52 applies)
  aiap:art_52.par_3 eli:date_applicability ?decisionsFrom .
  BIND(IF(?accDate > ?decisionsFrom, ?accDate, ?decisionsFrom) AS ?acceptedFrom)
  BIND(CONCAT("The model meets the condition of Art 51(1)(a) (training compute ", ?elabel,
              "), but on ", STR(?accDate), " the Commission accepted the arguments the provider presented on ", STR(?argsDate),
              " that it exceptionally does not present systemic risks: it is not classified as a general-purpose AI model with systemic risk (Art 52(2)-(3)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-a-presumption|accepted|", STR(?acc))))) AS ?d)
} ;
# The Commission rejected the provider's arguments: the systemic-risk classification stands (Art 52(3)).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-arguments-rejected ;
    aia:byRule aiar:art-51-1-a-presumption ;
    aia:legalBasis aiap:art_52.par_3 ;
    aia:premise ?sr ,
      [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?rej ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?sr a aia:Determination ; aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk ;
      aia:byRule aiar:art-51-1-a-presumption .
  ?m aia:hasProcedureEvent ?rej . ?rej a aia:ArgumentsRejected ; aia:eventDate ?rejDate .
  aiaa:run aia:asOf ?asOf .
  FILTER(?rejDate <= ?asOf)
  BIND(CONCAT("On ", STR(?rejDate), " the Commission rejected the provider's arguments that the model exceptionally does not present systemic risks: it is considered a general-purpose AI model with systemic risk (Art 52(3)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-a-presumption|rejected|", STR(?rej))))) AS ?d)
}
