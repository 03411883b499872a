# Rule: unverified-amendment-flag
# Label: Flag subjects whose results depend on an amendment not verified against the Official Journal
# Provisions: aiap:art_113
# Runs after the obligation rules: a determination or assessed obligation that depends on an
# amendment whose status is unverified makes the subject carry the flag, with the amendment's
# status note as explanation. An amendment that also has aiac:status-verified is verified: no flag.
INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:flag-unverified-amendment ;
     aia:byRule aiar:unverified-amendment-flag ; aia:legalBasis aiap:art_113 ;
     aia:premise ?dependent ; aia:dependsOnAmendment ?amendment ;
     aia:explanation ?text ; prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every dependent determination or obligation is a premise (one row each, no arbitrary pick)
    SELECT DISTINCT ?s ?amendment (?node AS ?dependent) WHERE {
      ?node aia:dependsOnAmendment ?amendment .
      { ?node aia:determinationOf ?s } UNION { ?node aia:obligationFor ?s }
    }
  }
  ?amendment aia:verificationStatus aiac:status-unverified ; rdfs:label ?title ; aia:statusNote ?note .
  # a verified status (written with its record by scripts/verify_amendment.py) wins over the base one
  FILTER NOT EXISTS { ?amendment aia:verificationStatus aiac:status-verified }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|unverified-amendment-flag|", STR(?amendment))))) AS ?d)
  BIND(CONCAT("Some results for this subject depend on the ", STR(?title), ". ", STR(?note)) AS ?text)
}
