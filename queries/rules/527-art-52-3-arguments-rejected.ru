# Rule: art-52-3-arguments-rejected
# Label: A model whose provider's arguments the Commission rejected is considered a general-purpose AI model with systemic risk (Art 52(3)), also while it is still in training
# Provisions: aiap:art_52.par_3 aiap:art_52.par_1 aiap:art_52.par_2
# Art 52(3): where the Commission rejects the arguments presented with the notification, "the
# general-purpose AI model shall be considered to be a general-purpose AI model with systemic
# risk". Rules 520 and 525 already classify a model whose compute used exceeds the threshold, or
# that is described by its notification alone; this rule covers the rest, notably a model
# notified on planned compute (still in training, not yet presumed under Art 51(2)): when the
# latest decision on the latest arguments, on or before the as-of date, is a rejection, the model
# is classified as having systemic risk from the day of the rejection.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:category-gpai-systemic-risk ;
    aia:byRule aiar:art-52-3-arguments-rejected ;
    aia:legalBasis aiap:art_52.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?rejection ] ;
    aia:appliesFromDate ?decisionDate ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (MAX(?date) AS ?argsDate) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
      ?event a aia:ProviderArguments ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  {
    SELECT ?m (MAX(?date) AS ?decisionDate) WHERE {
      ?m aia:hasProcedureEvent ?event . ?event aia:eventDate ?date .
      FILTER EXISTS { ?event a ?kind . FILTER(?kind IN (aia:ArgumentsAccepted, aia:ArgumentsRejected)) }
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  FILTER(?decisionDate >= ?argsDate)
  ?m aia:hasProcedureEvent ?rejection . ?rejection a aia:ArgumentsRejected ; aia:eventDate ?decisionDate .
  FILTER NOT EXISTS { ?accepted0 a aia:ArgumentsAccepted ; aia:eventDate ?decisionDate . ?m aia:hasProcedureEvent ?accepted0 }
  FILTER NOT EXISTS { ?sr aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("On ", STR(?decisionDate), " the Commission rejected the arguments the provider presented on ", STR(?argsDate),
              " that the model exceptionally does not present systemic risks: the model shall be considered a general-purpose AI model with systemic risk (Art 52(3)), although its training compute used is not given above the threshold.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-52-3-arguments-rejected")))) AS ?d)
}
