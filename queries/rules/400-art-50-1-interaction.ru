# Rule: art-50-1-interaction
# Label: Transparency under Art 50(1): an AI system intended to interact directly with natural persons
# Provisions: aiap:art_50.par_1
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot
# (but for one placed on the market before a prohibition that applies later than Art 50: its
# category, the first operation's, becomes the outcome of rule 440, without duties).
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
# A system that is a chatbot only through a change of its intended purpose (an
# aia:IntendedPurposeChange to aiac:purpose-customer-service-chatbot, its own intended purposes
# being neither that nor general purpose, and not a general-purpose AI system, which may serve it
# anyway) is intended to interact with natural persons only from the change: the fact
# aia:interactsWithNaturalPersons, which the validation asks for whatever the change's date, is
# read as the new purpose's. Its determinations (third operation) apply from the change if it is
# later than the date of Art 50, as rule 420 does for Art 50(3), with the change as a premise
# (rule 820 dates the duties from it); a change after the as-of date (not in effect, rule 009)
# gives neither the duty nor its exceptions.
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
  # not a system whose placing Art 5 prohibits (see the head), unless it was placed on the
  # market before the prohibition applied, later than Art 50: rule 440 keeps that it fell under
  # Art 50 until then, as an outcome without duties (Art 2(12) and the date of Art 4 read it)
  FILTER NOT EXISTS {
    ?s aia:placingProhibited true .
    FILTER NOT EXISTS {
      ?s aia:placedBeforeProhibitionDate ?prohibitedFrom . aiap:art_50 eli:date_applicability ?art50Date .
      FILTER(?prohibitedFrom > ?art50Date)
    }
  }
  FILTER NOT EXISTS { ?s aia:interactionObvious true }
  FILTER NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true . FILTER NOT EXISTS { ?s aia:availableToPublicToReportCrime true } }
  # a chatbot only through a change of its intended purpose: the third operation
  FILTER NOT EXISTS {
    ?s aia:hasValueChainEvent ?toChatbot .
    ?toChatbot a aia:IntendedPurposeChange ; aia:newIntendedPurpose aiac:purpose-customer-service-chatbot .
    FILTER NOT EXISTS { ?s aia:intendedPurpose ?own . FILTER(?own IN (aiac:purpose-customer-service-chatbot, aiac:purpose-general-purpose)) }
    FILTER NOT EXISTS { ?s a aia:GeneralPurposeAISystem }
  }
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
  # not for a chatbot only through a change of its intended purpose not yet in effect
  FILTER NOT EXISTS {
    ?s aia:hasValueChainEvent ?toChatbot .
    ?toChatbot a aia:IntendedPurposeChange ; aia:newIntendedPurpose aiac:purpose-customer-service-chatbot .
    FILTER NOT EXISTS { ?s aia:intendedPurpose ?own . FILTER(?own IN (aiac:purpose-customer-service-chatbot, aiac:purpose-general-purpose)) }
    FILTER NOT EXISTS { ?s a aia:GeneralPurposeAISystem }
    FILTER NOT EXISTS { ?s aia:purposeChangeInEffect ?inEffect . ?inEffect aia:newIntendedPurpose aiac:purpose-customer-service-chatbot }
  }
  BIND(CONCAT("The system interacts directly with natural persons, but ", ?why, "; the information duty of Art 50(1) does not apply.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-1-interaction|", STR(?exception))))) AS ?d)
} ;
# A chatbot only through a change of its intended purpose (see the head): the duty from the
# earliest such change in effect on the as-of date, or from the date of Art 50 if the change is
# earlier; the change is a premise (rule 820 finds the determinations by it)
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-transparency ;
    aia:byRule aiar:art-50-1-interaction ;
    aia:legalBasis aiap:art_50.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:interactsWithNaturalPersons ; aia:premiseValue true ] , ?changePremise ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?case a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-50-1 ;
    aia:byRule aiar:art-50-1-interaction ;
    aia:legalBasis aiap:art_50.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:interactsWithNaturalPersons ; aia:premiseValue true ] , ?caseChangePremise ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:art-50-1 .
  ?changePremise a aia:Premise ; aia:premiseSubject ?change ; aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue aiac:purpose-customer-service-chatbot .
  ?caseChangePremise a aia:Premise ; aia:premiseSubject ?change ; aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue aiac:purpose-customer-service-chatbot .
}
WHERE {
  {
    SELECT ?s (MIN(?changedOn) AS ?changeDate) WHERE {
      ?s aia:purposeChangeInEffect ?inEffect .
      ?inEffect aia:newIntendedPurpose aiac:purpose-customer-service-chatbot ; aia:eventDate ?changedOn .
    } GROUP BY ?s
  }
  ?s a aia:AISystem ; aia:interactsWithNaturalPersons true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?s aia:intendedPurpose ?own . FILTER(?own IN (aiac:purpose-customer-service-chatbot, aiac:purpose-general-purpose)) }
  FILTER NOT EXISTS { ?s a aia:GeneralPurposeAISystem }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  FILTER NOT EXISTS { ?s aia:interactionObvious true }
  FILTER NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true . FILTER NOT EXISTS { ?s aia:availableToPublicToReportCrime true } }
  # the change of that day (the premise)
  ?s aia:purposeChangeInEffect ?change .
  ?change aia:newIntendedPurpose aiac:purpose-customer-service-chatbot ; aia:eventDate ?changeDate .
  aiap:art_50 eli:date_applicability ?art50 .
  BIND(IF(?changeDate > ?art50, ?changeDate, ?art50) AS ?applies)
  BIND(IF(EXISTS { ?s aia:authorisedByLawForCriminalOffences true },
          " The system is authorised by law to detect, prevent, investigate or prosecute criminal offences, but it is available for the public to report a criminal offence, so the law-enforcement exception does not apply.",
          "") AS ?carveBack)
  BIND(CONCAT("On ", STR(?changeDate), " the intended purpose of the system was changed to a customer-service chatbot: from then it is intended to interact directly with natural persons; its provider must design it so that they are informed they are interacting with an AI system (Art 50(1)), from ", STR(?applies), ".", ?carveBack) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-1-interaction|category")))) AS ?d)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-1-interaction|case")))) AS ?case)
  # the change's premise, one per determination (minted: one row per content kind)
  BIND(IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?change), "|newIntendedPurpose|", STR(aiac:purpose-customer-service-chatbot))))) AS ?changePremise)
  BIND(IRI(CONCAT(STR(?case), "-premise-", MD5(CONCAT(STR(?change), "|newIntendedPurpose|", STR(aiac:purpose-customer-service-chatbot))))) AS ?caseChangePremise)
}
