# Rule: art-2-3-military
# Label: Out of scope under Art 2(3): an AI system placed on the market, put into service or used exclusively for military, defence or national security purposes
# Provisions: aiap:art_2.par_3
# Art 2(3) second sentence excludes AI systems "where and in so far" as they are placed on the
# market, put into service or used, with or without modification, exclusively for military,
# defence or national security purposes, whatever the type of entity. The submission states it
# with aia:exclusivelyMilitaryDefenceOrNationalSecurity true. A dual-use system (false or absent)
# stays in scope. The paragraph speaks of AI systems only; general-purpose AI models are not
# excluded by it.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-2-3-military ;
    aia:legalBasis aiap:art_2.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:exclusivelyMilitaryDefenceOrNationalSecurity ; aia:premiseValue true ] ;
    aia:explanation "The system is placed on the market, put into service or used exclusively for military, defence or national security purposes; the Regulation does not apply to it, whatever the type of entity carrying out those activities (Art 2(3))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:exclusivelyMilitaryDefenceOrNationalSecurity true .
  FILTER(isIRI(?s))
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-3-military|")))) AS ?d)
}
