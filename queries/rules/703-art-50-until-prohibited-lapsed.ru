# Rule: art-50-until-prohibited-lapsed
# Label: A system did not fall under an Art 50 duty before a later prohibition when that duty applies only from the prohibition's day or after
# Provisions: aiap:art_50 aiap:art_5.par_1 aiap:art_113
# Rule 440 keeps what a system placed on the market before a later prohibition of Art 5 fell under
# Art 50 until then (aiac:outcome-art-50-until-prohibited). An amendment can move the date of the
# Art 50 provision itself (rule 702: the Art 50(2) grace period for systems already on the market
# moves it to 2 December 2026, the day the prohibition of the same amendment applies): from that
# date on the system may not be placed on the market, so it never fell under that provision, and
# the outcome is withdrawn with its premises and the links of the determinations resting on it
# (the Art 2(12) carve-back, which rule 705 dates next from what remains).
DELETE {
  ?d ?property ?value .
  ?premise ?premiseProperty ?premiseValue .
  ?resting aia:premise ?d .
}
WHERE {
  ?d aia:conclusion aiac:outcome-art-50-until-prohibited ; aia:determinationOf ?s ; aia:appliesFromDate ?from .
  ?s aia:placedBeforeProhibitionDate ?prohibitedFrom .
  FILTER(?from >= ?prohibitedFrom)
  ?d ?property ?value .
  OPTIONAL { ?d aia:premise ?premise . ?premise a aia:Premise ; ?premiseProperty ?premiseValue }
  OPTIONAL { ?resting aia:premise ?d }
}
;
# the carve-back's explanation names the outcome (rule 610, ranked after the prohibition): without
# one left, the words go
DELETE { ?carveBack aia:explanation ?stated }
INSERT { ?carveBack aia:explanation ?amended }
WHERE {
  ?s aia:placedBeforeProhibitionDate ?prohibitedFrom .
  ?carveBack aia:determinationOf ?s ; aia:conclusion aiac:outcome-foss-carve-back ; aia:explanation ?stated .
  FILTER NOT EXISTS { ?carveBack aia:premise ?kept . ?kept aia:conclusion aiac:outcome-art-50-until-prohibited }
  BIND(" and a system that fell under Art 50 (transparency) until the prohibition applied, having been placed on the market before it" AS ?words)
  FILTER(CONTAINS(?stated, ?words))
  BIND(CONCAT(STRBEFORE(?stated, ?words), STRAFTER(?stated, ?words)) AS ?amended)
}
