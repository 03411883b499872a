# Rule: art-111-1-large-scale-it-systems
# Label: Transition for AI systems that are components of the large-scale IT systems of Annex X (Art 111(1))
# Provisions: aiap:art_111.par_1 aiap:anx_X
# An AI system that is a component of a large-scale IT system established by a legal act of
# Annex X (aia:componentOfLargeScaleITSystem) and was placed on the market or put into service
# before the cut-off of aiac:transition-art-111-1 (2 August 2027, read from the transitional
# rule) must be brought into compliance with the Regulation by the rule's compliance deadline
# (31 December 2030). Art 5 applies to it regardless (Art 111(1), "without prejudice to the
# application of Article 5"). The subject satisfies the trigger aiac:transition-art-111-1,
# which the date rule (820) reads to move the obligations of the high-risk and transparency
# categories to that deadline, and which keeps Art 111(2) (rule 350) from applying, as that
# paragraph covers only systems "other than" those of Art 111(1). Without a date of placing on
# the market or putting into service the transition is not applied.
INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:outcome-transition-art-111-1 ;
     aia:byRule aiar:art-111-1-large-scale-it-systems ; aia:legalBasis aiap:art_111.par_1 , ?pointProvision ;
     aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:componentOfLargeScaleITSystem ; aia:premiseValue ?it ] ,
                 [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?dateProperty ; aia:premiseValue ?placed ] ;
     aia:explanation ?text ; prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:transition-art-111-1 .
}
WHERE {
  aiac:transition-art-111-1 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  {
    SELECT ?s (MIN(?date) AS ?placed) WHERE {
      ?s a aia:AISystem ; aia:placedOnMarketOn|aia:putIntoServiceOn ?date .
      ?s ?property ?date .
      FILTER(?property IN (aia:placedOnMarketOn, aia:putIntoServiceOn))
    } GROUP BY ?s
  }
  # the premise names the property that holds the earliest date (both, if they agree)
  ?s ?dateProperty ?placed .
  FILTER(?dateProperty IN (aia:placedOnMarketOn, aia:putIntoServiceOn))
  FILTER(isIRI(?s))
  FILTER(?placed < ?cutoff)
  ?s aia:componentOfLargeScaleITSystem ?it .
  ?it a aia:LargeScaleITSystem ; aia:sourceProvision ?pointProvision ; rdfs:label ?itLabel .
  FILTER(LANG(?itLabel) = "en")
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-111-1-large-scale-it-systems|", STR(?it))))) AS ?d)
  BIND(CONCAT("The system is a component of a large-scale IT system of Annex X (", STR(?itLabel), ") and was placed on the market or put into service on ",
              STR(?placed), ", before ", STR(?cutoff), ": it must be brought into compliance with the Regulation by ", STR(?deadline),
              " (Art 111(1)); the prohibitions of Art 5 apply to it regardless.") AS ?text)
}
