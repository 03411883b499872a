# Rule: art-50-2-synthetic-content
# Label: Transparency under Art 50(2): an AI system generating synthetic audio, image, video or text content
# Provisions: aiap:art_50.par_2
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot
# (but for one placed on the market before a prohibition that applies later than Art 50: its
# category, the first operation's, becomes the outcome of rule 440, without duties).
# A system (including a general-purpose AI system) that generates synthetic content
# (aia:generatesContent, any kind) must mark its outputs in a machine-readable format (provider,
# Art 50(2)), unless it only performs an assistive function for standard editing or does not
# substantially alter the input (aia:assistiveEditingOnly true) or its use is authorised by law
# for criminal offences (aia:authorisedByLawForCriminalOffences true). The case concept
# aiac:art-50-2 is both an outcome and the catalogue's trigger; an exception gives its exception
# concept and the catalogue's exemption trigger instead, and no category.
# A system that generates content only through a change of its intended purpose (an
# aia:IntendedPurposeChange to aiac:purpose-content-generation, its own intended purposes being
# neither that nor general purpose, not a general-purpose AI system, and no deep fakes published
# with it by its deployer, aia:deployerPublishesDeepFakes, which it generates by its own
# description) generates synthetic content only from the change: the fact aia:generatesContent,
# which the validation asks for whatever the change's date, is read as the new purpose's. Its
# determinations (third operation) apply from the change if it is later than the date of Art 50,
# as rule 420 does for Art 50(3), with the change as a premise (rule 820 dates the duties from
# it); a change after the as-of date (not in effect, rule 009) gives neither the duty nor its
# exceptions.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-transparency ;
    aia:byRule aiar:art-50-2-synthetic-content ;
    aia:legalBasis aiap:art_50.par_2 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:generatesContent ; aia:premiseValue ?content ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?case a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-50-2 ;
    aia:byRule aiar:art-50-2-synthetic-content ;
    aia:legalBasis aiap:art_50.par_2 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:generatesContent ; aia:premiseValue ?content ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:art-50-2 .
}
WHERE {
  ?s a aia:AISystem ; aia:generatesContent ?content .
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
  FILTER NOT EXISTS { ?s aia:assistiveEditingOnly true }
  FILTER NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true }
  # a content generator only through a change of its intended purpose: the third operation
  FILTER NOT EXISTS {
    ?s aia:hasValueChainEvent ?toGeneration .
    ?toGeneration a aia:IntendedPurposeChange ; aia:newIntendedPurpose aiac:purpose-content-generation .
    FILTER NOT EXISTS { ?s aia:intendedPurpose ?own . FILTER(?own IN (aiac:purpose-content-generation, aiac:purpose-general-purpose)) }
    FILTER NOT EXISTS { ?s a aia:GeneralPurposeAISystem }
    FILTER NOT EXISTS { ?s aia:deployerPublishesDeepFakes true }
  }
  aiap:art_50 eli:date_applicability ?applies .
  BIND(CONCAT("The system generates synthetic content; its provider must mark the outputs in a machine-readable format and make them detectable as artificially generated or manipulated (Art 50(2)), from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-2-synthetic-content|category")))) AS ?d)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-2-synthetic-content|case")))) AS ?case)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?exception ;
    aia:byRule aiar:art-50-2-synthetic-content ;
    aia:legalBasis aiap:art_50.par_2 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?fact ; aia:premiseValue true ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger ?exemption .
}
WHERE {
  VALUES (?fact ?exception ?exemption ?why) {
    (aia:assistiveEditingOnly aiac:art-50-2-exception-assistive-editing aiac:trigger-assistive-editing-function
     "it only performs an assistive function for standard editing or does not substantially alter the input data or its semantics")
    (aia:authorisedByLawForCriminalOffences aiac:art-50-2-exception-law-enforcement aiac:trigger-law-enforcement-authorised-use
     "its use is authorised by law to detect, prevent, investigate or prosecute criminal offences")
  }
  { SELECT DISTINCT ?s WHERE { ?s a aia:AISystem ; aia:generatesContent ?content } }
  ?s ?fact true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  # not for a content generator only through a change of its intended purpose not yet in effect
  FILTER NOT EXISTS {
    ?s aia:hasValueChainEvent ?toGeneration .
    ?toGeneration a aia:IntendedPurposeChange ; aia:newIntendedPurpose aiac:purpose-content-generation .
    FILTER NOT EXISTS { ?s aia:intendedPurpose ?own . FILTER(?own IN (aiac:purpose-content-generation, aiac:purpose-general-purpose)) }
    FILTER NOT EXISTS { ?s a aia:GeneralPurposeAISystem }
    FILTER NOT EXISTS { ?s aia:deployerPublishesDeepFakes true }
    FILTER NOT EXISTS { ?s aia:purposeChangeInEffect ?inEffect . ?inEffect aia:newIntendedPurpose aiac:purpose-content-generation }
  }
  BIND(CONCAT("The system generates synthetic content, but ", ?why, "; the marking duty of Art 50(2) does not apply.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-2-synthetic-content|", STR(?exception))))) AS ?d)
} ;
# A content generator only through a change of its intended purpose (see the head): the duty
# from the earliest such change in effect on the as-of date, or from the date of Art 50 if the
# change is earlier; the change is a premise (rule 820 finds the determinations by it)
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-transparency ;
    aia:byRule aiar:art-50-2-synthetic-content ;
    aia:legalBasis aiap:art_50.par_2 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:generatesContent ; aia:premiseValue ?content ] , ?changePremise ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?case a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-50-2 ;
    aia:byRule aiar:art-50-2-synthetic-content ;
    aia:legalBasis aiap:art_50.par_2 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:generatesContent ; aia:premiseValue ?content ] , ?caseChangePremise ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:art-50-2 .
  ?changePremise a aia:Premise ; aia:premiseSubject ?change ; aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue aiac:purpose-content-generation .
  ?caseChangePremise a aia:Premise ; aia:premiseSubject ?change ; aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue aiac:purpose-content-generation .
}
WHERE {
  {
    SELECT ?s (MIN(?changedOn) AS ?changeDate) WHERE {
      ?s aia:purposeChangeInEffect ?inEffect .
      ?inEffect aia:newIntendedPurpose aiac:purpose-content-generation ; aia:eventDate ?changedOn .
    } GROUP BY ?s
  }
  ?s a aia:AISystem ; aia:generatesContent ?content .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?s aia:intendedPurpose ?own . FILTER(?own IN (aiac:purpose-content-generation, aiac:purpose-general-purpose)) }
  FILTER NOT EXISTS { ?s a aia:GeneralPurposeAISystem }
  FILTER NOT EXISTS { ?s aia:deployerPublishesDeepFakes true }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  FILTER NOT EXISTS { ?s aia:assistiveEditingOnly true }
  FILTER NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true }
  # the change of that day (the premise)
  ?s aia:purposeChangeInEffect ?change .
  ?change aia:newIntendedPurpose aiac:purpose-content-generation ; aia:eventDate ?changeDate .
  aiap:art_50 eli:date_applicability ?art50 .
  BIND(IF(?changeDate > ?art50, ?changeDate, ?art50) AS ?applies)
  BIND(CONCAT("On ", STR(?changeDate), " the intended purpose of the system was changed to content generation: from then it generates synthetic content; its provider must mark the outputs in a machine-readable format and make them detectable as artificially generated or manipulated (Art 50(2)), from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-2-synthetic-content|category")))) AS ?d)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-2-synthetic-content|case")))) AS ?case)
  # the change's premise, one per determination (minted: one row per content kind)
  BIND(IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?change), "|newIntendedPurpose|", STR(aiac:purpose-content-generation))))) AS ?changePremise)
  BIND(IRI(CONCAT(STR(?case), "-premise-", MD5(CONCAT(STR(?change), "|newIntendedPurpose|", STR(aiac:purpose-content-generation))))) AS ?caseChangePremise)
}
