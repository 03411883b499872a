# Rule: alternative-compliance
# Label: Duties a financial institution meets within Union financial services law (Art 17(4), 18(3), 19(2), 26(5), 26(6), 72(4))
# Provisions: aiap:art_17.par_4 aiap:art_18.par_3 aiap:art_19.par_2 aiap:art_26.par_5.sub_2 aiap:art_26.par_6.sub_2 aiap:art_72.par_4.sub_2
# The catalogue's ways of meeting a duty (aia:AlternativeCompliance, in
# data/obligations/alternative-compliance.ttl) name the obligation, the boolean fact of the bearer
# that opens them (aia:bearerCondition: aia:isFinancialInstitution) and, for one, the Annex III
# area under which the system is high-risk (aia:useCaseCondition: Art 72(4), point 5; rule 330
# records the area as a trigger the subject satisfies). The assessed obligation stays as it is
# (the duty arises, with its date and fine tier); aia:metThrough says how this bearer meets it.
# Two operations, without and with the area condition (one with a nested FILTER NOT EXISTS is
# what Virtuoso 7 compiles badly). The bearer facts read are listed (VALUES): a condition the
# catalogue names is read once it is added there, so the guide's facts are each read by name.
INSERT { ?assessed aia:metThrough ?alternative }
WHERE {
  ?alternative a aia:AlternativeCompliance ; aia:alternativeFor ?obligation ;
               aia:bearerCondition ?condition .
  FILTER NOT EXISTS { ?alternative aia:useCaseCondition ?anyArea }
  ?assessed aia:obligation ?obligation ; aia:bearer ?party .
  FILTER EXISTS { ?assessed a aia:AssessedObligation }
  VALUES ?condition { aia:isFinancialInstitution }
  ?party ?condition true .
} ;
INSERT { ?assessed aia:metThrough ?alternative }
WHERE {
  ?alternative a aia:AlternativeCompliance ; aia:alternativeFor ?obligation ;
               aia:bearerCondition ?condition ; aia:useCaseCondition ?area .
  ?assessed aia:obligation ?obligation ; aia:bearer ?party ; aia:obligationFor ?s .
  FILTER EXISTS { ?assessed a aia:AssessedObligation }
  VALUES ?condition { aia:isFinancialInstitution }
  ?party ?condition true .
  ?s aia:satisfiesTrigger ?area .
}
