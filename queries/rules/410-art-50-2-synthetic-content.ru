# Rule: art-50-2-synthetic-content
# Label: Transparency under Art 50(2): an AI system generating synthetic audio, image, video or text content
# Provisions: aiap:art_50.par_2
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot.
# A system (including a general-purpose AI system) that generates synthetic content
# (aia:generatesContent, any kind) must mark its outputs in a machine-readable format (provider,
# Art 50(2)), unless it only performs an assistive function for standard editing or does not
# substantially alter the input (aia:assistiveEditingOnly true) or its use is authorised by law
# for criminal offences (aia:authorisedByLawForCriminalOffences true). The case concept
# aiac:art-50-2 is both an outcome and the catalogue's trigger; an exception gives its exception
# concept and the catalogue's exemption trigger instead, and no category.
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
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  FILTER NOT EXISTS { ?s aia:assistiveEditingOnly true }
  FILTER NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true }
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
  BIND(CONCAT("The system generates synthetic content, but ", ?why, "; the marking duty of Art 50(2) does not apply.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-2-synthetic-content|", STR(?exception))))) AS ?d)
}
