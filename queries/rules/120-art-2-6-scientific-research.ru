# Rule: art-2-6-scientific-research
# Label: Out of scope under Art 2(6): an AI system or model specifically developed and put into service for the sole purpose of scientific research and development
# Provisions: aiap:art_2.par_6
# Art 2(6) excludes AI systems and AI models, including their output, specifically developed and
# put into service for the sole purpose of scientific research and development. The submission
# states it with aia:solelyScientificResearch true. The exclusion has no carve-back; a system
# that also serves any other purpose must not state the fact.
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
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-6-scientific-research|")))) AS ?d)
}
