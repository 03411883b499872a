# Rule: art-2-3-military
# Label: Out of scope under Art 2(3): an AI system placed on the market, put into service or used exclusively for military, defence or national security purposes
# Provisions: aiap:art_2.par_3 aiap:rct_24
# Art 2(3) second sentence excludes AI systems "where and in so far" as they are placed on the
# market, put into service or used, with or without modification, exclusively for military,
# defence or national security purposes, whatever the type of entity. The submission states it
# with aia:exclusivelyMilitaryDefenceOrNationalSecurity true. A dual-use system (false or absent)
# stays in scope. The paragraph speaks of AI systems only; general-purpose AI models are not
# excluded by it. A system whose description points to a use outside them is not used
# "exclusively" for those purposes: an intended purpose that is itself a civilian,
# law-enforcement or public-security use (aia:useOutsideMilitaryPurposes in the knowledge base:
# Annex III points 3 to 8, a customer-service chatbot, fraud detection and the like; an outside
# check found a system stated for credit scoring by a bank, or for migration risk assessment,
# left out of scope), a deployer that is a law enforcement or migration authority, a practice for
# law enforcement, or a change of intended purpose by an operator (aia:IntendedPurposeChange, in
# effect on the as-of date) to an Annex III use case or to another such use; and "if an AI system developed ... for military ...
# purposes is used outside those ... for other purposes, for example, civilian or humanitarian
# purposes, law enforcement or public security purposes, such a system would fall within the
# scope" (Recital 24): the exclusion is not applied, and an outcome says why (it was applied as
# stated, with only a warning of the validation; a change to a credit-scoring use, say, kept the
# system out of scope).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-military-exclusion-not-applied ;
    aia:byRule aiar:art-2-3-military ;
    aia:legalBasis aiap:art_2.par_3 , aiap:rct_24 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:exclusivelyMilitaryDefenceOrNationalSecurity ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?about ; aia:premiseProperty ?fact ; aia:premiseValue ?value ] ;
    aia:explanation "The system is said to be used exclusively for military, defence or national security purposes, but its description points to a use outside them: an intended purpose that is a civilian, law-enforcement or public-security use, a deployer that is a law enforcement or migration authority, a practice for law enforcement, or a use an operator changed its intended purpose to. Art 2(3) excludes a system only where and in so far as it is used exclusively for those purposes, and one used for others (civilian, humanitarian, law enforcement or public security) falls within the Regulation (Recital 24): the exclusion is not applied." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:exclusivelyMilitaryDefenceOrNationalSecurity true .
  FILTER(isIRI(?s))
  {
    ?s aia:intendedPurpose ?value . ?value aia:useOutsideMilitaryPurposes true .
    BIND(?s AS ?about) BIND(aia:intendedPurpose AS ?fact)
  } UNION {
    ?s aia:hasDeployer ?about . ?about ?fact true .
    VALUES ?fact { aia:isLawEnforcementAuthority aia:isMigrationAuthority }
    BIND(true AS ?value)
  } UNION {
    ?s aia:engagesIn ?about . ?about aia:forLawEnforcement true .
    BIND(aia:forLawEnforcement AS ?fact) BIND(true AS ?value)
  } UNION {
    # an operator changed its intended purpose to an Annex III use case (Art 25(1)(c)), on or
    # before the as-of date (until then it was used exclusively for those purposes)
    ?s aia:purposeChangeInEffect ?about . ?about aia:newIntendedPurpose ?value .
    { ?value a aia:HighRiskUseCase } UNION { ?value aia:useOutsideMilitaryPurposes true }
    BIND(aia:newIntendedPurpose AS ?fact)
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-3-military|not-applied")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-2-3-military ;
    aia:legalBasis aiap:art_2.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:exclusivelyMilitaryDefenceOrNationalSecurity ; aia:premiseValue true ] ;
    aia:explanation "The system is placed on the market, put into service or used exclusively for military, defence or national security purposes; the Regulation does not apply to it, whatever the type of entity carrying out those activities (Art 2(3))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:exclusivelyMilitaryDefenceOrNationalSecurity true .
  FILTER(isIRI(?s))
  # the use outside those purposes the operation above found keeps the system in scope
  FILTER NOT EXISTS { ?notApplied aia:determinationOf ?s ; aia:conclusion aiac:outcome-military-exclusion-not-applied }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-3-military|")))) AS ?d)
}
