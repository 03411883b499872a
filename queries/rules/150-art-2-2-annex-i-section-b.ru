# Rule: art-2-2-annex-i-section-b
# Label: Limited application under Art 2(2): a high-risk AI system related to a product under Annex I Section B legislation
# Provisions: aiap:art_2.par_2 aiap:anx_I.sct_B aiap:art_6.par_1 aiap:art_6.par_1.pnt_b aiap:anx_I
# For AI systems classified high-risk under Art 6(1) that relate to products covered by the
# legislation of Annex I Section B, only Art 6(1), Arts 102 to 109 and Art 112 apply (Art 2(2)).
# This rule runs before the Art 6(1) rule (300), so it reads the facts of Art 6(1) directly: the
# system is a safety component of, or itself, a product under a Section B act
# (aia:safetyComponentUnder / aia:productUnder with aia:inAnnexISection aiac:annex-i-section-b)
# and that act requires third-party conformity assessment, and it is not also related in the same
# way to a product under a Section A act (then high-risk under Art 6(1) for that product, with the
# whole Regulation). The high-risk category itself comes
# from rule art-6-1-annex-i; this rule adds only the outcome, which the obligation rules read to
# leave out the catalogue's obligations. The limitation applies from the day Art 6(1) applies
# (Art 113(c): 2 August 2027; rule 702 moves it with an amendment that moves Art 6(1)): before,
# no system is "classified as high-risk ... in accordance with Article 6(1)", and the rest of the
# Regulation (Art 4, Art 5, Art 50, Annex III) applies to it as to any other system (rule 810
# reads the date against the as-of date).
# Which linked acts require a third-party assessment of the product (Art 6(1)(b)) is read once here,
# before any rule needs it: the acts the description names with aia:thirdPartyAssessmentUnder,
# else, where it states aia:requiresThirdPartyConformityAssessment true, every act it is linked
# to (a system under a Section A act without such an assessment and a Section B act with one was
# classified under both, the flag being one value for all).
INSERT { ?s aia:thirdPartyAssessmentUnder ?act }
WHERE {
  ?s a aia:AISystem ; aia:requiresThirdPartyConformityAssessment true ; ?link ?act .
  VALUES ?link { aia:safetyComponentUnder aia:productUnder }
  FILTER NOT EXISTS { ?s aia:thirdPartyAssessmentUnder ?named }
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-limited-application-art-2-2 ;
    aia:byRule aiar:art-2-2-annex-i-section-b ;
    aia:legalBasis aiap:art_2.par_2 , aiap:anx_I.sct_B , aiap:art_6.par_1 , ?actProvision ;
    aia:appliesFromDate ?applies ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?link ; aia:premiseValue ?act ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:requiresThirdPartyConformityAssessment ; aia:premiseValue true ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?link ?act WHERE {
      ?s a aia:AISystem ; ?link ?act ; aia:requiresThirdPartyConformityAssessment true ;
         aia:thirdPartyAssessmentUnder ?act .
      VALUES ?link { aia:safetyComponentUnder aia:productUnder }
      ?act aia:inAnnexISection aiac:annex-i-section-b .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      # a system that is also a safety component of, or itself, a product under a Section A act
      # that requires third-party conformity assessment is high-risk under Art 6(1) for that
      # product too, and for it the whole Regulation applies: Art 2(2) limits only the
      # classification related to Section B products, and does not take away the other
      FILTER NOT EXISTS {
        ?s ?linkA ?actA ; aia:thirdPartyAssessmentUnder ?actA .
        VALUES ?linkA { aia:safetyComponentUnder aia:productUnder }
        ?actA aia:inAnnexISection aiac:annex-i-section-a .
      }
    }
  }
  ?act aia:sourceProvision ?actProvision ; aia:citation ?actCitation ; rdfs:label ?actLabel .
  FILTER(LANG(?actLabel) = "en")
  aiap:art_6.par_1 eli:date_applicability ?applies .
  BIND(CONCAT("The system relates to a product covered by the ", STR(?actLabel), " (", STR(?actCitation),
              "), legislation listed in Section B of Annex I: as a high-risk AI system under Art 6(1) only Art 6(1), Arts 102 to 109 and Art 112 apply to it (Art 2(2)), from ", STR(?applies),
              ", when Art 6(1) applies (Art 113(c)); the requirements reach it through that sectoral legislation. Until then the rest of the Regulation applies to it as to any other system.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-2-annex-i-section-b|", STR(?link), "|", STR(?act))))) AS ?d)
}
