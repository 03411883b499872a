# Rule: art-2-8-pre-market
# Label: Out of scope under Art 2(8): research, testing or development before placing on the market or putting into service, unless tested in real-world conditions
# Provisions: aiap:art_2.par_8 aiap:art_60 aiap:art_3.pnt_63 aiap:art_60.par_7 aiap:art_52.par_1
# Art 2(8) excludes research, testing and development activities regarding AI systems or models
# before they are placed on the market or put into service (aia:notYetPlacedOnMarket true).
# Carve-back: testing in real-world conditions (aia:testedInRealWorldConditions true) of an AI
# system is not covered by the exclusion; an outcome then records why the system stays in scope
# (the term is defined for AI systems, Art 3(57), Art 60: a model said to be tested so is not
# read as placed, an outside check found its Art 53 duties listed). Nor is the
# notification of Art 52(1) for a general-purpose AI model that meets the compute threshold or
# whose provider knows it will (training or planned compute above the threshold in force, or
# aia:thresholdKnownOn): the duty runs from knowing, typically before training ends (Recital
# 112), so the model stays in scope, as one in training does without the statement; it then
# satisfies aiac:trigger-model-not-yet-placed, the exemption of the other Chapter V duties (all
# but Art 52(1) and the Art 54(1) appointment, which precedes placing). A subject
# that also states a date of placing on the market or putting into service on or before the
# as-of date, or (an AI system) names a deployer, which it is then supplied to for first use
# (putting into service, Art 3(11)), or (a model) is built into a system placed on the market or
# put into service on or before that date, its provider's own (Recital 97) or another's (Art
# 3(10)), contradicts itself and is kept in scope (the conservative reading), with every duty.
# The carve-back runs first and its trigger marks the models it keeps, so that the exclusion
# tests the threshold facts once, through it. It reads the facts procedure events give and the
# compute estimates (rules gpai-procedure-facts and compute-estimate run before this one).
# A general-purpose AI model whose every stated date of placing on the market is after the as-of
# date is, on that date, still before placing (research, development or prototyping, which the
# definition of Art 3(63) leaves out): it is read as not yet placed (aia:notYetPlacedOnMarket
# true, as if stated), with an outcome that says why, so that the operations below decide its
# scope (the Art 52(1) notification stays). A model that states aia:notYetPlacedOnMarket itself
# keeps its statement.
INSERT {
  ?s aia:notYetPlacedOnMarket true .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-placing-after-as-of-date ;
    aia:byRule aiar:art-2-8-pre-market ;
    aia:legalBasis aiap:art_2.par_8 , aiap:art_3.pnt_63 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:placedOnMarketOn ; aia:premiseValue ?first ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?s (MIN(?on) AS ?first) WHERE {
      ?s a aia:GeneralPurposeAIModel ; aia:placedOnMarketOn ?on .
      FILTER(isIRI(?s))
    } GROUP BY ?s
  }
  aiaa:run aia:asOf ?asOf .
  FILTER(?first > ?asOf)
  FILTER NOT EXISTS { ?s aia:notYetPlacedOnMarket ?stated }
  BIND(CONCAT("The model is to be placed on the market on ", STR(?first), ", after the as-of date ", STR(?asOf),
              ": on that date it is not yet placed on the market, and the definition of Art 3(63) leaves out a model used for research, development or prototyping before it is placed on the market; the research and development exclusion of Art 2(8) is read as for a model stated not yet to be placed (only the duties that come before placing remain, where it meets the compute threshold: the notification of Art 52(1) and the appointment of an authorised representative of Art 54(1)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-8-pre-market|placing-after-as-of-date")))) AS ?d)
} ;
INSERT {
  ?s aia:satisfiesTrigger aiac:trigger-model-not-yet-placed .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-systemic-risk-notification-in-scope ;
    aia:byRule aiar:art-2-8-pre-market ;
    aia:legalBasis aiap:art_2.par_8 , aiap:art_52.par_1 ;
    aia:appliesFromDate ?notifyFrom ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:notYetPlacedOnMarket ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?property ; aia:premiseValue ?value ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?s (MIN(?fact) AS ?first) WHERE {
      ?s a aia:GeneralPurposeAIModel ; aia:notYetPlacedOnMarket true .
      FILTER(isIRI(?s))
      # a day of knowing after the as-of date is not known yet on it, and neither is the planned
      # compute it dates (rule 007 writes which, as it reads threshold events only up to that date)
      {
        ?s aia:thresholdKnownByAsOf ?known .
        BIND(CONCAT("1|", STR(?known)) AS ?fact)
      } UNION {
        ?s aia:trainingComputeFLOP ?compute .
        aiaa:run aia:usesThreshold ?threshold . ?threshold aia:thresholdValue ?limit .
        FILTER(?compute > ?limit)
        BIND(CONCAT("2|", STR(?compute)) AS ?fact)
      } UNION {
        ?s aia:plannedTrainingComputeFLOP ?compute .
        aiaa:run aia:usesThreshold ?threshold . ?threshold aia:thresholdValue ?limit .
        FILTER(?compute > ?limit)
        FILTER NOT EXISTS { ?s aia:thresholdKnownAfterAsOf ?later }
        BIND(CONCAT("2|", STR(?compute)) AS ?fact)
      } UNION {
        # compute estimated from parameters and tokens, from hardware or from petaFLOP/s-days
        ?s aia:hasComputeEstimate ?estimate . ?estimate aia:computeFLOP ?estimated .
        aiaa:run aia:usesThreshold ?threshold . ?threshold aia:thresholdValue ?limit .
        FILTER(?estimated > ?limit)
        BIND(CONCAT("3|", STR(?estimate)) AS ?fact)
      }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      # a date of placing on or before the as-of date contradicts the statement: kept in scope
      # with every duty (the exclusion below does not apply either)
      aiaa:run aia:asOf ?asOf .
      FILTER NOT EXISTS { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?on . FILTER(?on <= ?asOf) }
      # a model built into a system on the market is placed: its provider's own system (Recital
      # 97), or another provider's, to which it was supplied (Art 3(9), 3(10))
      FILTER NOT EXISTS {
        ?builtOn aia:basedOnModel ?s ; aia:placedOnMarketOn|aia:putIntoServiceOn ?builtOnOn .
        FILTER(?builtOnOn <= ?asOf)
      }
    } GROUP BY ?s
  }
  # the premise: the date the provider knew, else the compute stated above the threshold, else
  # the estimate
  OPTIONAL { FILTER(STRSTARTS(?first, "1|")) ?s aia:thresholdKnownByAsOf ?knownOn . BIND(aia:thresholdKnownOn AS ?knownProperty) }
  OPTIONAL {
    FILTER(STRSTARTS(?first, "2|"))
    ?s ?computeProperty ?computeValue .
    VALUES ?computeProperty { aia:trainingComputeFLOP aia:plannedTrainingComputeFLOP }
    FILTER(STR(?computeValue) = STRAFTER(?first, "|"))
  }
  OPTIONAL {
    FILTER(STRSTARTS(?first, "3|"))
    ?s aia:hasComputeEstimate ?estimateValue . ?estimateValue rdfs:label ?estimateLabel .
    FILTER(STR(?estimateValue) = STRAFTER(?first, "|"))
    BIND(aia:hasComputeEstimate AS ?estimateProperty)
  }
  BIND(COALESCE(?knownProperty, ?computeProperty, ?estimateProperty) AS ?property)
  BIND(COALESCE(?knownOn, ?computeValue, ?estimateValue) AS ?value)
  FILTER(BOUND(?property))
  BIND(CONCAT("The general-purpose AI model has not yet been placed on the market, but ",
              IF(BOUND(?knownOn), CONCAT("its provider knew on ", STR(?knownOn), " that it meets or will meet the compute threshold"),
                 IF(BOUND(?estimateLabel), CONCAT("its training compute, estimated at ", STR(?estimateLabel), ", exceeds the threshold"),
                    "its training compute, used or planned, exceeds the threshold")),
              " of Art 51(2); the research and development exclusion of Art 2(8) does not take away the duty to notify the Commission within two weeks of knowing (Art 52(1), Recital 112), so the model stays in scope for it; the other duties of Chapter V follow once the model is placed on the market (a provider in a third country appoints its authorised representative before that, Art 54(1)).") AS ?explanation)
  # the outcome keeps the model in scope for Art 52(1): from the day that article applies
  # (Chapter V, Art 113(b)), not from the earlier date of Art 2(8)
  aiap:art_52.par_1 eli:date_applicability ?notifyFrom .
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-8-pre-market|systemic-risk-notification")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-2-8-pre-market ;
    aia:legalBasis aiap:art_2.par_8 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:notYetPlacedOnMarket ; aia:premiseValue true ] ;
    aia:explanation "The system or model has not yet been placed on the market or put into service and is not tested in real-world conditions; research, testing and development before that point is outside the Regulation (Art 2(8))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AIArtefact ; aia:notYetPlacedOnMarket true .
  FILTER(isIRI(?s))
  # testing in real-world conditions is testing of an AI system (Art 3(57), Art 60): for a model
  # the statement is not read (the shape ModelTestedInRealWorld says so)
  FILTER NOT EXISTS { ?s a aia:AISystem ; aia:testedInRealWorldConditions true }
  # the carve-back above decided the threshold facts
  FILTER NOT EXISTS { ?s aia:satisfiesTrigger aiac:trigger-model-not-yet-placed }
  aiaa:run aia:asOf ?asOf .
  FILTER NOT EXISTS { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?on . FILTER(?on <= ?asOf) }
  # a system with a deployer is supplied to it for first use, which is putting it into service
  # (Art 3(11)): the statement is contradicted, and the system is kept in scope (the shape
  # NotYetPlacedButDeployed says so)
  FILTER NOT EXISTS { ?s a aia:AISystem ; aia:hasDeployer ?user }
  # "When the provider of a general-purpose AI model integrates an own model into its own AI
  # system that is made available on the market or put into service, that model should be
  # considered to be placed on the market" (Recital 97): no exclusion once that system is; nor
  # once another provider's system built on the model is, as the model was supplied to it for
  # distribution or use on the Union market (Art 3(9), 3(10); an outside check found the model
  # out of scope while the system on it named it as its model, and the shape
  # NotYetPlacedButIntegrated says the statement is contradicted)
  FILTER NOT EXISTS {
    ?builtOn aia:basedOnModel ?s ; aia:placedOnMarketOn|aia:putIntoServiceOn ?builtOnOn .
    FILTER(?builtOnOn <= ?asOf)
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-8-pre-market|")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-real-world-testing-in-scope ;
    aia:byRule aiar:art-2-8-pre-market ;
    aia:legalBasis aiap:art_2.par_8 , aiap:art_60 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:notYetPlacedOnMarket ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:testedInRealWorldConditions ; aia:premiseValue true ] ;
    aia:explanation "The system or model has not yet been placed on the market or put into service, but it is tested in real-world conditions, which the research and development exclusion of Art 2(8) does not cover; the Regulation applies (for high-risk systems of Annex III, Art 60 governs the testing; for a product of the Union harmonisation legislation of Annex I, the Union or national law on such testing, Art 60(1) third subparagraph). Until it is placed on the market or put into service, the duties that concern a system on the market (keeping its documentation for ten years after placing, corrective action, post-market monitoring, reporting serious incidents under Art 73) do not arise; a serious incident in the testing is reported under Art 60(7)." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:notYetPlacedOnMarket true ; aia:testedInRealWorldConditions true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-8-pre-market|real-world-testing")))) AS ?d)
} ;
# A system kept in scope only by its testing in real-world conditions, with no date of placing
# on the market or putting into service on or before the as-of date, satisfies the exemption
# aiac:trigger-system-not-yet-placed: the duties that concern a system placed on the market or
# put into service (Art 18(1), 20, 72(1), 73) are not yet its provider's (an outside check found
# them listed in force for a system under test)
INSERT { ?s aia:satisfiesTrigger aiac:trigger-system-not-yet-placed }
WHERE {
  ?s a aia:AISystem ; aia:notYetPlacedOnMarket true ; aia:testedInRealWorldConditions true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS {
    ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?placedOn .
    aiaa:run aia:asOf ?placingAsOf .
    FILTER(?placedOn <= ?placingAsOf)
  }
}
