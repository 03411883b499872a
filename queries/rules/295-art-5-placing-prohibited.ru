# Rule: art-5-placing-prohibited
# Label: Systems Art 5(1) bars from the market altogether: no other classification is made for them
# Provisions: aiap:art_5.par_1 aiap:art_5.par_1.pnt_f aiap:art_25.par_1.pnt_c aiap:art_3.pnt_12
# Points (a) to (g) of Art 5(1) (and the prohibition the amendment adds, rule 290) prohibit
# "the placing on the market, the putting into service or the use" of a system; point (h)
# prohibits only a use (rule 280 marks its determination aia:prohibitsUseOnly). A system with
# a prohibited determination of the first kind is marked aia:placingProhibited once here, and
# the classification rules that follow (Art 6, Art 25, Art 50) skip it by that one fact instead
# of each repeating the test.
# A prohibition that rests on a change of intended purpose by an operator that is not a provider
# of the system (rule 260, its fifth operation: the determination names the operator with a
# premise aia:byOperator on each of its changes) concerns that operator's putting into service
# and use for the new purpose, not the system as its provider placed it on the market (Art
# 5(1)(f): "for this specific purpose"; Art 25(1)(c)): it marks nothing here, and the system keeps
# the classifications of the purposes it was placed on the market for. The operator's change
# itself is withdrawn from those classifications (the second operation removes its link
# aia:purposeChangeInEffect of rule 009, which rules 311, 320, 350 and 420 read): a purpose the
# operator may neither put into service nor use makes it no provider under Art 25(1)(c), and the
# system no high-risk or Art 50(3) system for it.
# A system placed on the market (aia:placedNoLaterThan, rule 011) before every prohibition that
# bars its placing applies (the prohibition the amendment adds, rule 290, applies from a day later
# than Art 50) gets that day as aia:placedBeforeProhibitionDate (fourth operation): until then
# it fell under whatever the rules of Art 50 find (they run for it, and rule 440 turns their
# category into an outcome without duties), which brings an open-source system within the
# Regulation from that earlier day (Art 2(12); an outside check found it dated from the
# prohibition when assessed after it, from Art 50's date when assessed before).
# A system whose intended purpose is general only (aiac:purpose-general-purpose, its provider's
# purpose, Art 3(12)) is not placed on the market or put into service "for" a prohibited practice
# of Art 5(1)(c) to (g), which prohibit the placing on the market, the putting into service (points
# (d) to (g): "for this specific purpose") or the use of systems "for" the practice: the practice it
# engages in is a use of it, by its deployers. (Points (a) and (b) prohibit a system that deploys a
# technique or exploits a vulnerability "with the objective, or the effect" of distorting
# behaviour, whatever its purpose; the added practice of the amendment is known from secondary
# sources only: both stay prohibitions of the placing.) The first operation marks such a
# prohibition aia:prohibitsUseOnly, as rule 280 marks point (h), so that the second does not bar
# its placing: the system keeps its other classifications (its provider's Art 50 duties) and only
# its deployers are exposed to the fine
# of Art 99(3) (rule 840); the determination cites Art 3(12) and its explanation says so (an
# outside check found a general-purpose chat assistant prohibited as a whole, its provider fined
# and its Art 50(2) duty dropped, for one deployer's social scoring with it).
DELETE { ?prohibited aia:explanation ?stated }
INSERT {
  ?prohibited aia:prohibitsUseOnly true ; aia:explanation ?explanation ;
    aia:legalBasis aiap:art_3.pnt_12 ; aia:amendedByRule aiar:art-5-placing-prohibited .
}
WHERE {
  ?s aia:intendedPurpose aiac:purpose-general-purpose .
  FILTER NOT EXISTS { ?s aia:intendedPurpose ?specific . FILTER(?specific != aiac:purpose-general-purpose) }
  ?prohibited aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited ; aia:explanation ?stated ;
              aia:legalBasis ?point .
  VALUES ?point {
    <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_c> <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_d>
    <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_e> <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_f>
    <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_g>
  }
  FILTER NOT EXISTS { ?prohibited aia:prohibitsUseOnly true }
  FILTER NOT EXISTS { ?prohibited aia:premise ?byOperator . ?byOperator aia:premiseProperty aia:byOperator }
  BIND(CONCAT(?stated, " But the system's intended purpose is general (Art 3(12)): its provider does not place it on the market or put it into service for this practice, so of those acts only its use for the practice, by its deployers, is prohibited.") AS ?explanation)
} ;
INSERT { ?s aia:placingProhibited true }
WHERE {
  ?prohibited aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited .
  FILTER NOT EXISTS { ?prohibited aia:prohibitsUseOnly true }
  FILTER NOT EXISTS { ?prohibited aia:premise ?byOperator . ?byOperator aia:premiseProperty aia:byOperator }
} ;
DELETE { ?s aia:purposeChangeInEffect ?change }
WHERE {
  ?prohibited aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited ; aia:premise ?byOperator .
  ?byOperator aia:premiseProperty aia:byOperator ; aia:premiseSubject ?change .
  ?s aia:purposeChangeInEffect ?change .
} ;
INSERT { ?s aia:placedBeforeProhibitionDate ?from }
WHERE {
  {
    # every determination barring the placing (as the second operation reads them) has a day, the
    # earliest of which is after the placing
    SELECT ?s (MIN(?on) AS ?from) (SUM(IF(BOUND(?on), 0, 1)) AS ?undated) WHERE {
      ?prohibited aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited .
      FILTER NOT EXISTS { ?prohibited aia:prohibitsUseOnly true }
      FILTER NOT EXISTS { ?prohibited aia:premise ?byOperator . ?byOperator aia:premiseProperty aia:byOperator }
      OPTIONAL { ?prohibited aia:appliesFromDate ?on }
    } GROUP BY ?s
  }
  FILTER(?undated = 0)
  ?s aia:placedNoLaterThan ?placed .
  FILTER(?placed < ?from)
}
