# Rule: art-25-3-annex-iii-route
# Label: A product manufacturer is the provider from the day the system is high-risk under Annex III, where it is also high-risk as a safety component of its product
# Provisions: aiap:art_25.par_3 aiap:art_25.par_3.pnt_a aiap:art_25.par_3.pnt_b aiap:art_6.par_2 aiap:art_113.pnt_c
# Art 25(3) makes the product manufacturer the provider of a "high-risk AI system" that is a
# safety component of its Annex I Section A product; it does not ask for the Art 6(1) route. Rule
# 305 reads the Art 6(1) classification related to the product (it runs before the Annex III
# rules, so that the value chain and the derogation rules see the manufacturer as a provider).
# A system that is also high-risk under Art 6(2) (an Annex III use) is a high-risk AI system from
# the day Annex III applies, not only from the day Art 6(1) does (Art 113(c) defers "Article
# 6(1) and the corresponding obligations"), and its product manufacturer bears the provider's
# obligations from then (rule 820 dates them by the Annex III route). So the Art 25(3)
# determination of such a system rests on the Annex III classification and on the fact that the
# system is a safety component of the product, instead of the Art 6(1) classification, and takes
# its date (rule 705). (An outside check found a manufacturer's provider duties dated 2 August
# 2026 while the Art 25(3) determination and duty that make it the provider were dated 2 August
# 2027.) The catalogue dates the Art 25(3) duty from the Art 6(1) date only for a system high-risk
# by that route alone (aia:appliesFromForAnnexIProducts, rule 820).
DELETE { ?d aia:premise ?annexIRoute }
INSERT {
  ?d aia:premise ?annexIII , ?componentPremise .
  ?componentPremise a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:safetyComponentUnder ; aia:premiseValue ?act .
}
WHERE {
  ?d aia:byRule aiar:art-25-3-product-manufacturer ; aia:determinationOf ?s ; aia:premise ?annexIRoute .
  ?annexIRoute aia:byRule aiar:art-6-1-annex-i ; aia:premise ?actPremise .
  ?actPremise aia:premiseProperty aia:safetyComponentUnder ; aia:premiseValue ?act .
  ?act aia:inAnnexISection aiac:annex-i-section-a .
  ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 .
  BIND(IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?s), "|safetyComponentUnder|", STR(?act))))) AS ?componentPremise)
}
;
# A system high-risk under Annex III only (Art 6(2)) that is a safety component of an Annex I
# Section A product whose act requires no third-party conformity assessment of it (so Art 6(1)
# does not classify it, and rule 305 did not read its manufacturer) is still a "high-risk AI
# system" that is a safety component of such a product: Art 25(3) makes the product manufacturer
# its provider, from the day the Annex III classification applies (rule 705). (An outside check
# found a machine maker placing an Annex III point 4(b) safety component under its own name left
# with no provider duty, and a warning stating a condition Art 25(3) does not have.) Not for a
# system the Art 6(1) route classifies: rule 305 and the operation above.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-product-manufacturer-provider-art-25-3 ;
    aia:byRule aiar:art-25-3-annex-iii-route ;
    aia:legalBasis aiap:art_25.par_3 , <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_3.pnt_a> , <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_3.pnt_b> ;
    aia:premise ?annexIII , ?componentPremise , ?makerPremise .
  ?componentPremise a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:safetyComponentUnder ; aia:premiseValue ?act .
  ?makerPremise a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasProductManufacturer ; aia:premiseValue ?m .
  ?d aia:explanation "The system is high-risk under Annex III and a safety component of a product covered by Annex I Section A, supplied under the product manufacturer's name; the product manufacturer is considered its provider (Art 25(3)), although the product's act requires no third-party conformity assessment (so Art 6(1) does not classify the system)." ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:hasProvider ?m ; aia:satisfiesTrigger aiac:trigger-product-manufacturer-art-25-3 .
}
WHERE {
  ?s aia:hasProductManufacturer ?m ; aia:safetyComponentUnder ?act .
  ?act aia:inAnnexISection aiac:annex-i-section-a .
  ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 .
  FILTER NOT EXISTS { ?annexIRoute aia:determinationOf ?s ; aia:byRule aiar:art-6-1-annex-i ; aia:conclusion aiac:category-high-risk }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-25-3-annex-iii-route|", STR(?m))))) AS ?d)
  BIND(IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?s), "|safetyComponentUnder|", STR(?act))))) AS ?componentPremise)
  BIND(IRI(CONCAT(STR(?d), "-premise-maker")) AS ?makerPremise)
}
