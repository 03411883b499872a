# Rule: art-25-3-annex-iii-route
# Label: A product manufacturer is the provider from the day the system is high-risk under Annex III, where it is also high-risk as a safety component of its product
# Provisions: aiap:art_25.par_3 aiap:art_6.par_2 aiap:art_113.pnt_c
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
