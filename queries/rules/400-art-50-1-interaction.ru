# Rule: art-50-1-interaction
# Label: Transparency under Art 50(1): an AI system intended to interact directly with natural persons
# Provisions: aiap:art_50.par_1
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot.
# A system intended to interact directly with natural persons (aia:interactsWithNaturalPersons
# true) must be designed so that they are informed (provider, Art 50(1)), unless that is obvious
# to a reasonably well-informed, observant and circumspect person (aia:interactionObvious true)
# or the system is authorised by law to detect, prevent, investigate or prosecute criminal
# offences (aia:authorisedByLawForCriminalOffences true), "unless those systems are available for
# the public to report a criminal offence" (aia:availableToPublicToReportCrime true: then the duty
# holds). The case concept aiac:art-50-1 is both an outcome and the catalogue's trigger; an
# exception gives its exception concept and the catalogue's exemption trigger instead, and no
# category. The law-enforcement exception has a trigger of its own,
# aiac:trigger-law-enforcement-authorised-interaction: the exception triggers of Art 50(2)-(4)
# (aiac:trigger-law-enforcement-authorised-use) know nothing of that carve-back.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-transparency ;
    aia:byRule aiar:art-50-1-interaction ;
    aia:legalBasis aiap:art_50.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:interactsWithNaturalPersons ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?case a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-50-1 ;
    aia:byRule aiar:art-50-1-interaction ;
    aia:legalBasis aiap:art_50.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:interactsWithNaturalPersons ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:art-50-1 .
}
WHERE {
  ?s a aia:AISystem ; aia:interactsWithNaturalPersons true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  FILTER NOT EXISTS { ?s aia:interactionObvious true }
  FILTER NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true . FILTER NOT EXISTS { ?s aia:availableToPublicToReportCrime true } }
  aiap:art_50 eli:date_applicability ?applies .
  BIND(IF(EXISTS { ?s aia:authorisedByLawForCriminalOffences true },
          " The system is authorised by law to detect, prevent, investigate or prosecute criminal offences, but it is available for the public to report a criminal offence, so the law-enforcement exception does not apply.",
          "") AS ?carveBack)
  BIND(CONCAT("The system is intended to interact directly with natural persons; its provider must design it so that they are informed they are interacting with an AI system (Art 50(1)), from ", STR(?applies), ".", ?carveBack) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-1-interaction|category")))) AS ?d)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-1-interaction|case")))) AS ?case)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?exception ;
    aia:byRule aiar:art-50-1-interaction ;
    aia:legalBasis aiap:art_50.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?fact ; aia:premiseValue true ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger ?exemption .
}
WHERE {
  VALUES (?fact ?exception ?exemption ?why) {
    (aia:interactionObvious aiac:art-50-1-exception-obvious aiac:trigger-obvious-ai-interaction
     "it is obvious to a reasonably well-informed, observant and circumspect person that they interact with an AI system")
    (aia:authorisedByLawForCriminalOffences aiac:art-50-1-exception-law-enforcement aiac:trigger-law-enforcement-authorised-interaction
     "the system is authorised by law to detect, prevent, investigate or prosecute criminal offences and is not available for the public to report a criminal offence")
  }
  ?s a aia:AISystem ; aia:interactsWithNaturalPersons true ; ?fact true .
  FILTER(isIRI(?s))
  FILTER(?fact != aia:authorisedByLawForCriminalOffences || NOT EXISTS { ?s aia:availableToPublicToReportCrime true })
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  BIND(CONCAT("The system interacts directly with natural persons, but ", ?why, "; the information duty of Art 50(1) does not apply.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-1-interaction|", STR(?exception))))) AS ?d)
}
