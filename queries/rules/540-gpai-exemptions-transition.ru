# Rule: gpai-open-source-and-transition
# Label: Open-source exemption of Art 53(2) and Art 54(6), limited by systemic risk; Art 111(3) transition for models already on the market
# Provisions: aiap:art_53.par_2 aiap:art_54.par_6 aiap:art_111.par_3
# Runs after the systemic-risk rules (520, 530): the exemption is granted only to models with no
# gpai-systemic-risk determination. The Art 111(3) cut-off and compliance date are read from
# aiac:transition-art-111-3 (aia:placedBefore, aia:complianceDeadline).
INSERT {
  ?m aia:satisfiesTrigger aiac:trigger-open-source-exemption .
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-open-source-exempt ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_53.par_2 , aiap:art_54.par_6 ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:freeAndOpenSourceLicence ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:weightsPublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:architecturePublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:usageInformationPublic ; aia:premiseValue true ] ;
    aia:explanation "The model is released under a free and open-source licence and its weights, architecture and usage information are public, and it is not a model with systemic risk: Art 53(1)(a) and (b) and the appointment of an authorised representative (Art 54) do not apply (Art 53(2), Art 54(6)); Art 53(1)(c) and (d) still apply."@en ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:freeAndOpenSourceLicence true ; aia:weightsPublic true ;
     aia:architecturePublic true ; aia:usageInformationPublic true .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?sr aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|exempt")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-open-source-exemption-limited ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_53.par_2 , aiap:art_54.par_6 ;
    aia:premise ?sr ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:freeAndOpenSourceLicence ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:weightsPublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:architecturePublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:usageInformationPublic ; aia:premiseValue true ] ;
    aia:explanation "The model meets the open-source conditions of Art 53(2) and Art 54(6), but it is a general-purpose AI model with systemic risk, for which neither exemption applies: all obligations of Arts 53, 54 and 55 apply."@en ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:freeAndOpenSourceLicence true ; aia:weightsPublic true ;
     aia:architecturePublic true ; aia:usageInformationPublic true .
  FILTER(isIRI(?m))
  {
    SELECT ?m (SAMPLE(?anySr) AS ?sr) WHERE {
      ?anySr a aia:Determination ; aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk .
    } GROUP BY ?m
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|limited")))) AS ?d)
} ;
INSERT {
  ?m aia:satisfiesTrigger aiac:transition-art-111-3 .
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-transition-art-111-3 ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_111.par_3 ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:placedOnMarketOn ; aia:premiseValue ?placed ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:placedOnMarketOn ?placed .
  FILTER(isIRI(?m))
  aiac:transition-art-111-3 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  FILTER(?placed < ?cutoff)
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("The model was placed on the market on ", STR(?placed), ", before ", STR(?cutoff),
              ": under Art 111(3) its provider must take the necessary steps to comply with the obligations of the Regulation by ", STR(?deadline), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|art-111-3")))) AS ?d)
}
