# Rule: art-2-8-pre-market
# Label: Out of scope under Art 2(8): research, testing or development before placing on the market or putting into service, unless tested in real-world conditions
# Provisions: aiap:art_2.par_8 aiap:art_60
# Art 2(8) excludes research, testing and development activities regarding AI systems or models
# before they are placed on the market or put into service (aia:notYetPlacedOnMarket true).
# Carve-back: testing in real-world conditions (aia:testedInRealWorldConditions true) is not
# covered by the exclusion; an outcome then records why the subject stays in scope. A subject
# that also states a date of placing on the market or putting into service on or before the
# as-of date contradicts itself and is kept in scope (the conservative reading).
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
  FILTER NOT EXISTS { ?s aia:testedInRealWorldConditions true }
  aiaa:run aia:asOf ?asOf .
  FILTER NOT EXISTS { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?on . FILTER(?on <= ?asOf) }
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
    aia:explanation "The system or model has not yet been placed on the market or put into service, but it is tested in real-world conditions, which the research and development exclusion of Art 2(8) does not cover; the Regulation applies (for high-risk systems, Art 60 governs the testing)." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AIArtefact ; aia:notYetPlacedOnMarket true ; aia:testedInRealWorldConditions true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-8-pre-market|real-world-testing")))) AS ?d)
}
