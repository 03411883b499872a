# Rule: alternative-compliance
# Label: Ways of meeting a duty in a particular case: an SME's simplified technical documentation (Art 11(1)), a financial institution within Union financial services law (Art 17(4), 18(3), 19(2), 26(5), 26(6), 72(4)), the post-market monitoring of an Annex I Section A product within its legislation (Art 72(4)), the registration channel and the law-enforcement case of real-world testing (Art 60(4)(c), (i)), the possible exemption of Art 27(3), the law-enforcement readings of Art 26(5) and 26(11), the limited disclosure of a deep fake in an evidently artistic work (Art 50(4))
# Provisions: aiap:art_11.par_1.sub_2 aiap:art_17.par_4 aiap:art_18.par_3 aiap:art_19.par_2 aiap:art_26.par_5.sub_2 aiap:art_26.par_6.sub_2 aiap:art_72.par_4.sub_1 aiap:art_72.par_4.sub_2 aiap:art_60.par_4.pnt_c aiap:art_60.par_4.pnt_i aiap:art_27.par_3 aiap:art_49.par_4.pnt_d aiap:art_49.par_5 aiap:art_46.par_1 aiap:art_26.par_5 aiap:art_26.par_11 aiap:art_50.par_4.sub_1
# The catalogue's ways of meeting a duty (aia:AlternativeCompliance, in
# data/obligations/alternative-compliance.ttl) name the obligation, the boolean fact of the bearer
# that opens them (aia:bearerCondition: aia:isFinancialInstitution, aia:isLawEnforcementAuthority,
# aia:isSME, which a start-up, aia:isStartUp, meets too)
# and the triggers of which the
# subject must satisfy one (aia:useCaseCondition: an Annex III area recorded by rule 330, e.g.
# point 5 for Art 72(4), the Annex I Section A route of rule 300 for its first subparagraph, or
# point 2 for the national registration of real-world testing, or
# another trigger: the secure-section registration and law-enforcement use of rule 330, the
# Art 46(1) authorisation of rule 802). A way may have either condition or both. The assessed
# obligation stays as it is (the duty arises, with its date and fine tier); aia:metThrough says
# how this bearer meets it.
# Four operations: the bearer condition alone, both, the use case alone (one with a nested
# FILTER NOT EXISTS is what Virtuoso 7 compiles badly), and an SME's (last: "SMEs, including
# start-ups", and never a public authority or body, which is no undertaking and whose SME facts
# are not read, the shape PublicAuthorityNotSME warns). The bearer facts read are listed
# (VALUES): a condition the catalogue names is read once it is added there, so the guide's facts
# are each read by name.
INSERT { ?assessed aia:metThrough ?alternative }
WHERE {
  ?alternative a aia:AlternativeCompliance ; aia:alternativeFor ?obligation ;
               aia:bearerCondition ?condition .
  FILTER NOT EXISTS { ?alternative aia:useCaseCondition ?anyArea }
  ?assessed aia:obligation ?obligation ; aia:bearer ?party .
  FILTER EXISTS { ?assessed a aia:AssessedObligation }
  VALUES ?condition { aia:isFinancialInstitution aia:isLawEnforcementAuthority }
  ?party ?condition true .
} ;
INSERT { ?assessed aia:metThrough ?alternative }
WHERE {
  ?alternative a aia:AlternativeCompliance ; aia:alternativeFor ?obligation ;
               aia:bearerCondition ?condition ; aia:useCaseCondition ?area .
  ?assessed aia:obligation ?obligation ; aia:bearer ?party ; aia:obligationFor ?s .
  FILTER EXISTS { ?assessed a aia:AssessedObligation }
  VALUES ?condition { aia:isFinancialInstitution aia:isLawEnforcementAuthority }
  ?party ?condition true .
  ?s aia:satisfiesTrigger ?area .
} ;
INSERT { ?assessed aia:metThrough ?alternative }
WHERE {
  ?alternative a aia:AlternativeCompliance ; aia:alternativeFor ?obligation ;
               aia:useCaseCondition ?area .
  FILTER NOT EXISTS { ?alternative aia:bearerCondition ?anyCondition }
  ?assessed aia:obligation ?obligation ; aia:obligationFor ?s .
  FILTER EXISTS { ?assessed a aia:AssessedObligation }
  ?s aia:satisfiesTrigger ?area .
} ;
INSERT { ?assessed aia:metThrough ?alternative }
WHERE {
  ?alternative a aia:AlternativeCompliance ; aia:alternativeFor ?obligation ;
               aia:bearerCondition aia:isSME .
  FILTER NOT EXISTS { ?alternative aia:useCaseCondition ?anyArea }
  ?assessed aia:obligation ?obligation ; aia:bearer ?party .
  FILTER EXISTS { ?assessed a aia:AssessedObligation }
  ?party aia:isSME|aia:isStartUp true .
  FILTER NOT EXISTS { ?party a aia:PublicAuthority }
  FILTER NOT EXISTS { ?party aia:isMigrationAuthority true }
}
