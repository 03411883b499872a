# Rule: art-6-1-annex-i
# Label: High-risk under Art 6(1): product or safety component under Annex I legislation requiring third-party conformity assessment
# Provisions: aiap:art_6.par_1 aiap:art_6.par_1.pnt_a aiap:art_6.par_1.pnt_b aiap:anx_I
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot.
# Except for a product of Annex I Section B: from the day Art 6(1) applies, Art 2(2) leaves it
# "only Article 6(1), Articles 102 to 109 and Article 112", so rule 706 withdraws its Art 5
# prohibition and this classification is what remains (skipped, the system was left with no
# category at all); before that day both are shown, the classification dated from that day.
# Both conditions of Art 6(1) must hold: (a) the system is a safety component of a product, or
# is itself a product, covered by an Annex I act (aia:safetyComponentUnder / aia:productUnder);
# (b) that act requires a third-party conformity assessment of the product
# (aia:requiresThirdPartyConformityAssessment true, for each act unless aia:thirdPartyAssessmentUnder
# names which: rule 150 reads that once). The determination applies from the date
# of Art 6(1) in the legal text (Art 113(c)). Without third-party assessment an outcome says
# that Art 6(1) does not make the system high-risk. For Section A acts the subject satisfies
# the catalogue trigger aiac:annex-i-section-a. Section B acts are high-risk too: Art 2(2)
# limits which provisions apply to them (rules 100-199).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-high-risk ;
    aia:route aiac:route-art-6-1 ;
    aia:byRule aiar:art-6-1-annex-i ;
    aia:legalBasis aiap:art_6.par_1 , <https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_1.pnt_a> , <https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_1.pnt_b> , ?actProvision ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?link ; aia:premiseValue ?act ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:requiresThirdPartyConformityAssessment ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?link ?act WHERE {
      ?s a aia:AISystem ; ?link ?act .
      VALUES ?link { aia:safetyComponentUnder aia:productUnder }
      # the acts that require the assessment (rule 150 reads them from the description)
      ?s aia:requiresThirdPartyConformityAssessment true ; aia:thirdPartyAssessmentUnder ?act .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true . FILTER NOT EXISTS { ?act aia:inAnnexISection aiac:annex-i-section-b } }
    }
  }
  ?act a aia:UnionHarmonisationAct ; aia:sourceProvision ?actProvision ; aia:citation ?actCitation ; rdfs:label ?actLabel .
  FILTER(LANG(?actLabel) = "en")
  aiap:art_6.par_1 eli:date_applicability ?applies .
  BIND(IF(?link = aia:safetyComponentUnder, "a safety component of a product", "itself a product") AS ?how)
  BIND(CONCAT("The system is ", ?how, " covered by the ", STR(?actLabel), " (", STR(?actCitation),
              "), which requires a third-party conformity assessment; it is high-risk under Art 6(1)(a) and (b), applicable from ",
              STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-6-1-annex-i|", STR(?link), "|", STR(?act))))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-art-6-1-no-third-party-assessment ;
    aia:byRule aiar:art-6-1-annex-i ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_1.pnt_b> , ?actProvision ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?link ; aia:premiseValue ?act ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:requiresThirdPartyConformityAssessment ; aia:premiseValue ?flag ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?link ?act ?flag WHERE {
      ?s a aia:AISystem ; ?link ?act .
      VALUES ?link { aia:safetyComponentUnder aia:productUnder }
      # not an act that requires the assessment: the flag false, or other acts named by
      # aia:thirdPartyAssessmentUnder
      ?s aia:requiresThirdPartyConformityAssessment ?flag .
      FILTER NOT EXISTS { ?s aia:thirdPartyAssessmentUnder ?act }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
    }
  }
  ?act a aia:UnionHarmonisationAct ; aia:sourceProvision ?actProvision ; aia:citation ?actCitation .
  # an outcome of Art 6(1) applies when Art 6(1) does (Art 113(c)), not from the date of the
  # Annex I point it also cites (the earliest of its bases gave 2 August 2026, an outside check)
  aiap:art_6.par_1 eli:date_applicability ?applies .
  BIND(CONCAT("The system relates to a product covered by ", STR(?actCitation),
              ", but that act does not require a third-party conformity assessment; the condition of Art 6(1)(b) is not met, so Art 6(1) does not make it high-risk.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-6-1-annex-i|no-third-party|", STR(?link), "|", STR(?act))))) AS ?d)
} ;
INSERT { ?s aia:satisfiesTrigger aiac:annex-i-section-a }
WHERE {
  ?d aia:determinationOf ?s ; aia:byRule aiar:art-6-1-annex-i ; aia:conclusion aiac:category-high-risk ;
     aia:premise ?p .
  ?p aia:premiseValue ?act .
  ?act aia:inAnnexISection aiac:annex-i-section-a .
}
