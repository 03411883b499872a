# Rule: annex-iii-exclusion
# Label: The intended purpose is a kind of system an Annex III point excludes from its wording
# Provisions: aiap:anx_III.pnt_1.pnt_a aiap:anx_III.pnt_5.pnt_b aiap:anx_III.pnt_7.pnt_d aiap:anx_III.pnt_8.pnt_b aiap:art_3.pnt_36
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot.
# Purposes of the scheme aiac:submission-values that an Annex III point leaves out (biometric
# verification, detection of financial fraud, verification of travel documents, campaign
# logistics) are not use cases, so Art 6(2) does not apply to them. This rule records the
# exclusion as an outcome (conclusion the aia:UseCaseExclusion concept of the point); it adds no
# category. A purpose and an exclusion match when they rest on the same Annex III point. A system
# stated as Annex III point 1(a) whose biometric practice has the sole purpose of confirming a
# claimed identity (aia:solePurposeIdentityConfirmation true) is biometric verification, which
# point 1(a) leaves out (rule 310 then draws no high-risk determination from point 1(a)), unless
# another of its practices is remote biometric identification without that sole purpose.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?exclusion ;
    aia:byRule aiar:annex-iii-exclusion ;
    aia:legalBasis ?point ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue ?purpose ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?purpose ?exclusion ?point WHERE {
      ?s a aia:AISystem ; aia:intendedPurpose ?purpose .
      ?purpose skos:broader aiac:purposes ; aia:sourceProvision ?point .
      FILTER(STRSTARTS(STR(?point), CONCAT(STR(aiap:), "anx_III")))
      ?exclusion a aia:UseCaseExclusion ; aia:sourceProvision ?point .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
    }
  }
  ?exclusion rdfs:label ?exclusionLabel ; aia:citation ?citation .
  FILTER(LANG(?exclusionLabel) = "en")
  BIND(CONCAT("The intended purpose (", STR(?exclusionLabel), ") is excluded by the wording of ", STR(?citation),
              ": this purpose does not make the system high-risk under Art 6(2) (another intended purpose of the system still may).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|annex-iii-exclusion|", STR(?exclusion))))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:annex-iii-1a-exclusion-verification ;
    aia:byRule aiar:annex-iii-exclusion ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/anx_III.pnt_1.pnt_a> , aiap:art_3.pnt_36 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue aiac:annex-iii-1a ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?practice ] ,
                [ a aia:Premise ; aia:premiseSubject ?practice ; aia:premiseProperty aia:solePurposeIdentityConfirmation ; aia:premiseValue true ] ;
    aia:explanation "The system is described as remote biometric identification (Annex III point 1(a)), but its biometric practice has the sole purpose of confirming that a specific natural person is the person he or she claims to be: that is biometric verification (Art 3(36)), which point 1(a) leaves out; that point does not make the system high-risk under Art 6(2)." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  # (not where another practice of the system is remote biometric identification without that
  # sole purpose: point 1(a) then applies to it; rule annex-iii-1a-verification)
  ?s a aia:AISystem ; aia:intendedPurpose aiac:annex-iii-1a ; aia:useCaseLeftOut aiac:annex-iii-1a ;
     aia:engagesIn ?practice .
  ?practice aia:solePurposeIdentityConfirmation true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|annex-iii-exclusion|verification-practice")))) AS ?d)
}
