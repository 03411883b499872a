# Rule: gpai-model
# Label: A general-purpose AI model is subject to the obligations of providers of general-purpose AI models
# Provisions: aiap:art_3.pnt_63 aiap:art_53
# Every submitted aia:GeneralPurposeAIModel (Art 3(63)) not out of scope gets the category
# aiac:category-gpai; its obligations (Art 53, Chapter V) apply from the date of Art 53 (the
# explanation says when a model placed before the cut-off of Art 111(3) must comply).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:category-gpai ;
    aia:byRule aiar:gpai-model ;
    aia:legalBasis aiap:art_3.pnt_63 , aiap:art_53 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty rdf:type ; aia:premiseValue aia:GeneralPurposeAIModel ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  aiap:art_53 eli:date_applicability ?applies .
  OPTIONAL { ?m aia:modelName ?name }
  BIND(IF(BOUND(?name), CONCAT("'", STR(?name), "'"), "The model") AS ?what)
  # a model placed on the market before the cut-off of Art 111(3) complies by its deadline (rule
  # 540 gives the transition outcome; rule 820 dates the duties): said here too, so that this
  # outcome's date is not read as the day its duties bind
  # (the day it was placed at the latest, rule 011: its own date or that of a system built on it)
  OPTIONAL { ?m aia:placedNoLaterThan ?placed }
  aiac:transition-art-111-3 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  BIND(IF(BOUND(?placed) && ?placed < ?cutoff,
          CONCAT("; placed on the market on ", STR(?placed), ", before ", STR(?cutoff), ", it must comply by ", STR(?deadline), " (Art 111(3))"),
          "") AS ?transitionText)
  # a model not yet placed on the market, kept in scope for the notification of Art 52(1) only
  # (rule 130): its other duties follow its placing (an outside check found this outcome saying
  # the Art 53 duties apply beside a list that rightly held Art 52(1) alone)
  OPTIONAL {
    ?m aia:satisfiesTrigger aiac:trigger-model-not-yet-placed .
    BIND(true AS ?notYetPlaced)
  }
  BIND(IF(BOUND(?notYetPlaced),
          CONCAT(?what, " is a general-purpose AI model (Art 3(63)) that is not yet placed on the market: until it is, its provider has only the duties that come before placing, to notify the Commission (Art 52(1), Recital 112) and, if established outside the Union, to appoint an authorised representative (Art 54(1)); the other obligations of Art 53 and 54, applicable from ", STR(?applies), ", follow its placing on the market (Art 2(8))."),
          CONCAT(?what, " is a general-purpose AI model (Art 3(63)); its provider has the obligations of Art 53 (and Art 54 if established outside the Union), applicable from ", STR(?applies), ?transitionText, ".")) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-model|")))) AS ?d)
}
