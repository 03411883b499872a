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
# paragraph covers only systems "other than" those of Art 111(1). The day of placing is the one
# rule 011 bounds (aia:placedNoLaterThan): the earliest stated date of placing on the market or
# putting into service or, without one, the earliest value-chain event; with neither the
# transition is not applied.
INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:outcome-transition-art-111-1 ;
     aia:byRule aiar:art-111-1-large-scale-it-systems ; aia:legalBasis aiap:art_111.par_1 , ?pointProvision ;
     aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:componentOfLargeScaleITSystem ; aia:premiseValue ?it ] ,
                 [ a aia:Premise ; aia:premiseSubject ?placedSource ; aia:premiseProperty ?dateProperty ; aia:premiseValue ?placed ] ;
     aia:explanation ?text ; prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:transition-art-111-1 .
}
WHERE {
  aiac:transition-art-111-1 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  ?s a aia:AISystem ; aia:placedNoLaterThan ?placed .
  FILTER(isIRI(?s))
  FILTER(?placed < ?cutoff)
  # the premise names the property that holds the day (both, if they agree) or, without a stated
  # date, the value-chain event that bounds it
  {
    ?s ?dateProperty ?placed .
    FILTER(?dateProperty IN (aia:placedOnMarketOn, aia:putIntoServiceOn))
    BIND(?s AS ?placedSource)
    BIND(false AS ?placedByEvent)
  } UNION {
    ?s aia:hasValueChainEvent ?placedSource . ?placedSource aia:eventDate ?placed .
    FILTER NOT EXISTS { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?statedPlacing }
    BIND(aia:eventDate AS ?dateProperty)
    BIND(true AS ?placedByEvent)
  }
  ?s aia:componentOfLargeScaleITSystem ?it .
  ?it a aia:LargeScaleITSystem ; aia:sourceProvision ?pointProvision ; rdfs:label ?itLabel .
  FILTER(LANG(?itLabel) = "en")
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-111-1-large-scale-it-systems|", STR(?it))))) AS ?d)
  BIND(CONCAT("The system is a component of a large-scale IT system of Annex X (", STR(?itLabel), ") and was placed on the market or put into service ",
              IF(?placedByEvent,
                 CONCAT("on or before ", STR(?placed), " (no date of placing is given, but a value-chain event of that day concerns a system already placed on the market or put into service, Art 25(1), Art 3(23))"),
                 CONCAT("on ", STR(?placed))),
              ", before ", STR(?cutoff), ": it must be brought into compliance with the Regulation by ", STR(?deadline),
              " (Art 111(1)); the prohibitions of Art 5 apply to it regardless.") AS ?text)
}
