# Rule: art-2-6-scientific-research
# Label: Out of scope under Art 2(6): an AI system or model specifically developed and put into service for the sole purpose of scientific research and development
# Provisions: aiap:art_2.par_6 aiap:rct_25 aiap:art_3.pnt_9 aiap:art_3.pnt_10
# Art 2(6) excludes AI systems and AI models, including their output, specifically developed and
# put into service for the sole purpose of scientific research and development. The submission
# states it with aia:solelyScientificResearch true; a system that also serves any other purpose
# must not state the fact. One placed on the market on or before the as-of date is no longer
# only a research subject: the Regulation applies to what is placed on the market "as a result
# of such research and development activity" (Recital 25), so the exclusion is not applied and an
# outcome says why (it was applied as stated, with only a warning of the validation). So is a
# model that a system on the market is built on (the second operation).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-research-exclusion-not-applied ;
    aia:byRule aiar:art-2-6-scientific-research ;
    aia:legalBasis aiap:art_2.par_6 , aiap:rct_25 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:solelyScientificResearch ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:placedOnMarketOn ; aia:premiseValue ?placed ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AIArtefact ; aia:solelyScientificResearch true ; aia:placedOnMarketOn ?placed .
  FILTER(isIRI(?s))
  aiaa:run aia:asOf ?asOf .
  FILTER(?placed <= ?asOf)
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("The system or model is said to be developed and put into service for the sole purpose of scientific research and development, but it was placed on the market on ", STR(?placed), "; the Regulation applies to what is placed on the market as a result of research and development (Recital 25), so the exclusion of Art 2(6) is not applied.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-6-scientific-research|not-applied")))) AS ?d)
}
;
# A model that is not itself placed, but that a system placed on the market, or put into service
# other than for research only, is built on (aia:basedOnModel): the model was supplied for that
# system, which makes it available on the Union market (Art 3(9), 3(10); its provider's own
# system, Recital 97), so it is no longer a research subject either (an outside check found such
# a model out of scope with none of its Art 53 and 55 duties). The earliest such system is named.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-research-exclusion-not-applied ;
    aia:byRule aiar:art-2-6-scientific-research ;
    aia:legalBasis aiap:art_2.par_6 , aiap:rct_25 , aiap:art_3.pnt_9 , aiap:art_3.pnt_10 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:solelyScientificResearch ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?system ; aia:premiseProperty aia:basedOnModel ; aia:premiseValue ?s ] ,
                [ a aia:Premise ; aia:premiseSubject ?system ; aia:premiseProperty ?placingProperty ; aia:premiseValue ?placed ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # the earliest day, a placing on the market before a putting into service of the same day
    SELECT ?s (MIN(CONCAT(STR(?on), "|", ?rank, "|", STR(?builtOn))) AS ?first) WHERE {
      ?s a aia:AIArtefact ; aia:solelyScientificResearch true .
      FILTER(isIRI(?s))
      ?builtOn aia:basedOnModel ?s ; ?placingProperty0 ?on .
      # (the rank from VALUES: an IF in the aggregate is an internal error of Virtuoso 7)
      VALUES (?placingProperty0 ?rank) { (aia:placedOnMarketOn "0") (aia:putIntoServiceOn "1") }
      # a system put into service for research only keeps the model a research subject
      FILTER(?placingProperty0 = aia:placedOnMarketOn || NOT EXISTS { ?builtOn aia:solelyScientificResearch true })
      aiaa:run aia:asOf ?asOf .
      FILTER(?on <= ?asOf)
    } GROUP BY ?s
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  # the model's own placing (the first operation) is named instead
  FILTER NOT EXISTS { ?notApplied aia:determinationOf ?s ; aia:conclusion aiac:outcome-research-exclusion-not-applied }
  BIND(STRBEFORE(?first, "|") AS ?placedText)
  BIND(STRAFTER(?first, "|") AS ?rest)
  BIND(IRI(STRAFTER(?rest, "|")) AS ?system)
  BIND(STRBEFORE(?rest, "|") AS ?rankText)
  VALUES (?placingProperty ?placingRank) { (aia:placedOnMarketOn "0") (aia:putIntoServiceOn "1") }
  FILTER(?placingRank = ?rankText)
  ?system ?placingProperty ?placed .
  FILTER(STR(?placed) = ?placedText)
  BIND(CONCAT("The model is said to be developed and put into service for the sole purpose of scientific research and development, but the AI system ", STR(?system),
              " built on it was ", IF(?placingProperty = aia:placedOnMarketOn, "placed on the market", "put into service"), " on ", ?placedText,
              ": a model supplied for a system on the Union market is made available there (Art 3(9), 3(10)), and the Regulation applies to what is placed on the market as a result of research and development (Recital 25), so the exclusion of Art 2(6) is not applied.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-6-scientific-research|not-applied-built-on")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-2-6-scientific-research ;
    aia:legalBasis aiap:art_2.par_6 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:solelyScientificResearch ; aia:premiseValue true ] ;
    aia:explanation "The system or model, including its output, is specifically developed and put into service for the sole purpose of scientific research and development; the Regulation does not apply to it (Art 2(6))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AIArtefact ; aia:solelyScientificResearch true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  # the placing on the market the operation above found keeps the subject in scope
  FILTER NOT EXISTS { ?notApplied aia:determinationOf ?s ; aia:conclusion aiac:outcome-research-exclusion-not-applied }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-6-scientific-research|")))) AS ?d)
}
