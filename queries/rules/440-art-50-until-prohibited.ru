# Rule: art-50-until-prohibited
# Label: A system placed on the market before a later prohibition of Art 5 fell under Art 50 until that prohibition applied
# Provisions: aiap:art_50 aiap:art_5.par_1 aiap:art_2.par_12 aiap:art_113
# A prohibition of Art 5(1) that applies later than Art 50 (the practice the amendment adds,
# rule 290, from 2 December 2026) finds systems already on the market that fell under Art 50 until
# then: rule 295 gives such a system the prohibition's day (aia:placedBeforeProhibitionDate) and
# rules 400 to 430 classify it as any other. From the prohibition's day on it may be neither
# placed on the market nor used, so here its Art 50 category becomes the outcome
# aiac:outcome-art-50-until-prohibited (its date kept: the day it came to fall under Art 50), and
# the transparency cases with the triggers of their duties are withdrawn: it bears no Art 50 duty.
# The outcome says what the system fell under before: an open-source system is within the
# Regulation from that day (Art 2(12), rule 610 reads the outcome as a carve-back, rule 705 dates
# the carve-back from the earliest of its premises), not from the prohibition's day.
DELETE { ?d aia:conclusion aiac:category-transparency ; aia:explanation ?stated }
INSERT {
  ?d aia:conclusion aiac:outcome-art-50-until-prohibited ;
    aia:explanation ?explanation .
}
WHERE {
  ?s aia:placingProhibited true ; aia:placedBeforeProhibitionDate ?prohibitedFrom .
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-transparency ; aia:explanation ?stated .
  BIND(CONCAT(?stated, " This held until ", STR(?prohibitedFrom),
              " only: the system was placed on the market before the prohibition of Art 5 that applies to it from that day, from which it may be neither placed on the market nor used, so the duty no longer arises.") AS ?explanation)
} ;
DELETE {
  ?case ?property ?value .
  ?premise ?premiseProperty ?premiseValue .
  ?s aia:satisfiesTrigger ?transparencyCase .
}
WHERE {
  ?s aia:placingProhibited true ; aia:placedBeforeProhibitionDate ?prohibitedFrom .
  ?case aia:determinationOf ?s ; aia:conclusion ?transparencyCase .
  ?transparencyCase a aia:TransparencyCase .
  ?case ?property ?value .
  OPTIONAL { ?case aia:premise ?premise . ?premise ?premiseProperty ?premiseValue }
}
