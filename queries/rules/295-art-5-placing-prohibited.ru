# Rule: art-5-placing-prohibited
# Label: Systems Art 5(1) bars from the market altogether: no other classification is made for them
# Provisions: aiap:art_5.par_1
# Points (a) to (g) of Art 5(1) (and the prohibition the amendment adds, rule 290) prohibit
# "the placing on the market, the putting into service or the use" of a system; point (h)
# prohibits only a use (rule 280 marks its determination aia:prohibitsUseOnly). A system with
# a prohibited determination of the first kind is marked aia:placingProhibited once here, and
# the classification rules that follow (Art 6, Art 25, Art 50) skip it by that one fact instead
# of each repeating the test.
INSERT { ?s aia:placingProhibited true }
WHERE {
  ?prohibited aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited .
  FILTER NOT EXISTS { ?prohibited aia:prohibitsUseOnly true }
}
