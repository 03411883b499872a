# Rule: art-52-procedure-events
# Label: Systemic risk from the provider's notification, and the Commission's decision on the provider's arguments, for a model described by its procedure events (Art 51(1)(a), Art 52(1)-(3))
# Provisions: aiap:art_51.par_1.pnt_a aiap:art_52.par_1 aiap:art_52.par_2 aiap:art_52.par_3
# A model may be described by the steps of its procedure instead of its training compute (see
# docs/submission-guide.md, 3.10). Rule 520 decides from compute; this rule covers models whose
# compute does not decide it: no compute figure, or training compute above neither the threshold
# of the run nor that of Art 51(2) (a model may have high-impact capabilities shown by
# benchmarks, Art 51(1)(a), without the compute that presumes them, Art 51(2): its provider's
# notification then states the condition; compute above 10^25 means the notification may rest
# on the presumption, which a what-if threshold may remove), and no planned compute (a model
# still in training, rules 520 and 527):
#   1. A notification to the Commission (aia:ProviderNotification) or arguments presented with it
#      (aia:ProviderArguments), dated on or before the as-of date, state that the model meets the
#      condition of Art 51(1)(a): the trigger of the Art 52(1) notification holds, and the model
#      is a general-purpose AI model with systemic risk (Art 51(1)(a)), unless the Commission
#      accepted the arguments (2).
#   2. The Commission accepted the provider's arguments (aia:ArgumentsAccepted on or after the
#      arguments and on or before the as-of date): the model is not classified as having
#      systemic risk, and an outcome records it (Art 52(2)-(3)).
#   3. The Commission rejected the arguments (aia:ArgumentsRejected): an outcome records that
#      the model is considered to have systemic risk (Art 52(3)).
# The classification in (1) rests on Art 51(1)(a) as the provider notified it under Art 52(1)
# (whose notification "shall include the information necessary to demonstrate that the relevant
# requirement has been met"), not on the presumption of Art 51(2): that presumption arises from
# training compute above the threshold, and no compute figure is given. So the determination cites
# Art 51(1)(a) and Art 52(1), never Art 51(2); its procedure state (rule 560) cites Art 52(1), and
# the public list (cq-027) gives its basis as "notification", not "presumption".
# A designation (Art 51(1)(b)) is decided separately by rule 530.
INSERT {
  ?m aia:satisfiesTrigger aiac:trigger-systemic-risk-threshold-met .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?n .
  ?n aia:eventDate ?nDate .
  FILTER EXISTS { ?n a ?kind . FILTER(?kind IN (aia:ProviderNotification, aia:ProviderArguments)) }
  aiaa:run aia:asOf ?asOf .
  FILTER(?nDate <= ?asOf)
  # compute above the threshold: rule 520 decides
  FILTER NOT EXISTS {
    ?m aia:hasComputeEstimate ?e . ?e aia:computeFLOP ?c .
    { aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv } UNION { aiac:threshold-art-51-2 aia:thresholdValue ?tv }
    FILTER(?c > ?tv)
  }
  # planned compute known by the as-of date: rule 520 decides
  FILTER NOT EXISTS {
    ?m aia:plannedTrainingComputeFLOP ?planned .
    FILTER NOT EXISTS { ?m aia:thresholdKnownAfterAsOf ?later }
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:category-gpai-systemic-risk ;
    aia:byRule aiar:art-52-procedure-events ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> , aiap:art_52.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?n ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (MIN(?date) AS ?nDate) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event ;
         aia:satisfiesTrigger aiac:trigger-systemic-risk-threshold-met .
      ?event aia:eventDate ?date .
      FILTER EXISTS { ?event a ?kind . FILTER(?kind IN (aia:ProviderNotification, aia:ProviderArguments)) }
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
      FILTER NOT EXISTS {
        ?m aia:hasComputeEstimate ?e . ?e aia:computeFLOP ?c .
        { aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv } UNION { aiac:threshold-art-51-2 aia:thresholdValue ?tv }
        FILTER(?c > ?tv)
      }
      FILTER NOT EXISTS {
        ?m aia:plannedTrainingComputeFLOP ?planned .
        FILTER NOT EXISTS { ?m aia:thresholdKnownAfterAsOf ?later }
      }
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  # every notification or set of arguments up to the as-of date is a premise (one row each)
  ?m aia:hasProcedureEvent ?n . ?n aia:eventDate ?nEventDate .
  FILTER EXISTS { ?n a ?nKind . FILTER(?nKind IN (aia:ProviderNotification, aia:ProviderArguments)) }
  aiaa:run aia:asOf ?nAsOf .
  FILTER(?nEventDate <= ?nAsOf)
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?acc . ?acc a aia:ArgumentsAccepted ; aia:eventDate ?accDate .
    ?m aia:hasProcedureEvent ?args . ?args a aia:ProviderArguments ; aia:eventDate ?argsDate .
    aiaa:run aia:asOf ?asOf0 .
    FILTER(?argsDate <= ?accDate && ?accDate <= ?asOf0)
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  OPTIONAL { ?m aia:hasComputeEstimate ?belowEstimate . ?belowEstimate rdfs:label ?belowLabel }
  BIND(IF(BOUND(?belowLabel),
          CONCAT("its training compute, ", ?belowLabel, ", does not exceed the threshold that presumes high-impact capabilities (Art 51(2)), but the notification states that the model has them (Art 51(1)(a))"),
          "no training compute is given") AS ?computeText)
  BIND(CONCAT("On ", STR(?nDate), " the provider notified the Commission that the model meets the condition of Art 51(1)(a) (Art 52(1)); ", ?computeText, ", and the Commission has not accepted arguments that the model exceptionally does not present systemic risks: it is a general-purpose AI model with systemic risk (Art 51(1)(a)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-52-procedure-events|notified")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-arguments-accepted ;
    aia:byRule aiar:art-52-procedure-events ;
    aia:legalBasis aiap:art_52.par_2 , aiap:art_52.par_3 , <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?args ] ,
                [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?acc ] ;
    aia:explanation ?explanation ;
    aia:appliesFromDate ?acceptedFrom ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (MAX(?accDate0) AS ?accDate) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?acc0 , ?args0 .
      ?acc0 a aia:ArgumentsAccepted ; aia:eventDate ?accDate0 .
      ?args0 a aia:ProviderArguments ; aia:eventDate ?argsDate0 .
      aiaa:run aia:asOf ?asOf .
      FILTER(?argsDate0 <= ?accDate0 && ?accDate0 <= ?asOf)
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  ?m aia:hasProcedureEvent ?acc , ?args .
  ?acc a aia:ArgumentsAccepted ; aia:eventDate ?accDate .
  {
    SELECT ?m (MAX(?argsDate1) AS ?argsDate) WHERE {
      ?m aia:hasProcedureEvent ?acc1 , ?args1 .
      ?acc1 a aia:ArgumentsAccepted ; aia:eventDate ?accDate1 .
      ?args1 a aia:ProviderArguments ; aia:eventDate ?argsDate1 .
      FILTER(?argsDate1 <= ?accDate1)
    } GROUP BY ?m
  }
  ?args a aia:ProviderArguments ; aia:eventDate ?argsDate .
  FILTER NOT EXISTS {
    ?m aia:hasComputeEstimate ?e . ?e aia:computeFLOP ?c .
    { aiaa:run aia:usesThreshold ?t . ?t aia:thresholdValue ?tv } UNION { aiac:threshold-art-51-2 aia:thresholdValue ?tv }
    FILTER(?c > ?tv)
  }
  FILTER NOT EXISTS { ?already aia:determinationOf ?m ; aia:conclusion aiac:outcome-arguments-accepted }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  # the classification falls away with the decision, not before
  aiap:art_52.par_3 eli:date_applicability ?decisionsFrom .
  BIND(IF(?accDate > ?decisionsFrom, ?accDate, ?decisionsFrom) AS ?acceptedFrom)
  BIND(CONCAT("On ", STR(?accDate), " the Commission accepted the arguments the provider presented with its notification on ", STR(?argsDate),
              " that the model, although it meets the condition of Art 51(1)(a), exceptionally does not present systemic risks: it is not classified as a general-purpose AI model with systemic risk (Art 52(2)-(3)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-52-procedure-events|accepted")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-arguments-rejected ;
    aia:byRule aiar:art-52-procedure-events ;
    aia:legalBasis aiap:art_52.par_3 ;
    aia:premise ?sr ,
      [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?rej ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?sr a aia:Determination ; aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk ;
      aia:byRule aiar:art-52-procedure-events .
  {
    SELECT ?m (MAX(?date) AS ?rejDate) WHERE {
      ?m aia:hasProcedureEvent ?r . ?r a aia:ArgumentsRejected ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  ?m aia:hasProcedureEvent ?rej . ?rej a aia:ArgumentsRejected ; aia:eventDate ?rejDate .
  BIND(CONCAT("On ", STR(?rejDate), " the Commission rejected the provider's arguments that the model exceptionally does not present systemic risks: it is considered a general-purpose AI model with systemic risk (Art 52(3)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-52-procedure-events|rejected")))) AS ?d)
}
