# Rule: omnibus-ncii-csam
# Label: Prohibition added to Art 5(1) by the Digital Omnibus on AI (reported): AI systems generating non-consensual intimate imagery or child sexual abuse material
# Provisions: aiap:art_5.par_1 aiap:art_113
# Only under a law version that includes the amendment aiac:amendment-digital-omnibus-2026 (the
# run's aia:lawVersion aiac:law-as-amended). The new prohibition
# (aiac:omnibus-prohibition-ncii-csam, aia:newDate 2026-12-02) covers a system that engages in
# aiac:practice-ncii-csam-generation. From its date the system is prohibited; before it an outcome
# says the prohibition is not yet applicable, and the system keeps the Art 50 and Art 6 duties it
# has until then (rule 295 marks the placing of a prohibited system, which those rules skip; points
# (a)-(h) are categorised before 2 February 2025 too, but no Art 6 or Art 50 duty applies before
# that day, while from 2 August 2026 to the amendment's date this system's Art 50(2) and 50(4)
# duties do: an outside check found them dropped when the category was written before its date).
# Both depend on the amendment (aia:dependsOnAmendment), whose content is known only from secondary
# sources. The point letter is not confirmed, so the legal basis is Art 5(1). Under the text as
# published the practice is not prohibited by this rule (Art 5(1)(a)-(h) may still apply on their
# own facts).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:omnibus-ncii-csam ;
    aia:legalBasis aiap:art_5.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-ncii-csam-generation ] ;
    aia:dependsOnAmendment ?amendment ;
    aia:appliesFromDate ?from ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice description is a premise (no arbitrary pick)
    SELECT DISTINCT ?s (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-ncii-csam-generation .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  aiaa:run aia:lawVersion ?law ; aia:asOf ?asOf .
  ?law aia:includesAmendment ?amendment .
  aiac:omnibus-prohibition-ncii-csam aia:amendedBy ?amendment ; aia:newDate ?from .
  FILTER(?asOf >= ?from)
  OPTIONAL { ?amendment aia:statusNote ?note FILTER NOT EXISTS { ?amendment aia:verificationStatus aiac:status-verified } }
  BIND(CONCAT("The system generates or manipulates non-consensual intimate images, video or audio or child sexual abuse material; the Digital Omnibus on AI adds this practice to the prohibitions of Art 5(1) from ",
              STR(?from), ", so placing it on the market, putting it into service and using it are prohibited. ", COALESCE(STR(?note), "")) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|omnibus-ncii-csam|")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-omnibus-prohibition-not-yet-applicable ;
    aia:byRule aiar:omnibus-ncii-csam ;
    aia:legalBasis aiap:art_5.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-ncii-csam-generation ] ;
    aia:dependsOnAmendment ?amendment ;
    aia:appliesFromDate ?from ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice description is a premise (no arbitrary pick)
    SELECT DISTINCT ?s (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-ncii-csam-generation .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  aiaa:run aia:lawVersion ?law ; aia:asOf ?asOf .
  ?law aia:includesAmendment ?amendment .
  aiac:omnibus-prohibition-ncii-csam aia:amendedBy ?amendment ; aia:newDate ?from .
  FILTER(?asOf < ?from)
  OPTIONAL { ?amendment aia:statusNote ?note FILTER NOT EXISTS { ?amendment aia:verificationStatus aiac:status-verified } }
  BIND(CONCAT("The system generates or manipulates non-consensual intimate images, video or audio or child sexual abuse material; the Digital Omnibus on AI prohibits this practice under Art 5(1) only from ",
              STR(?from), ", after the as-of date ", STR(?asOf), ", so on the as-of date this prohibition does not yet apply. ", COALESCE(STR(?note), "")) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|omnibus-ncii-csam|not-yet")))) AS ?d)
}
