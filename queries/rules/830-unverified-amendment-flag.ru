# Rule: unverified-amendment-flag
# Label: Flag subjects whose results depend on an amendment not verified against the Official Journal
# Provisions: aiap:art_113
# Runs after the obligation rules: a determination or assessed obligation that depends on an
# amendment whose status is unverified makes the subject carry the flag, with the amendment's
# status note as explanation. An amendment that also has aiac:status-verified is verified: no flag.
# Two updates: first each dependent determination or obligation becomes a premise of its
# subject's flag (one row each, one triple), then the flag itself is written once per subject and
# amendment. In this order the flag, which depends on the amendment too, is not its own premise.
INSERT { ?d aia:premise ?dependent }
WHERE {
  ?amendment aia:verificationStatus aiac:status-unverified ; rdfs:label ?title ; aia:statusNote ?note .
  # a verified status (written with its record by scripts/verify_amendment.py) wins over the base one
  FILTER NOT EXISTS { ?amendment aia:verificationStatus aiac:status-verified }
  ?dependent aia:dependsOnAmendment ?amendment .
  { ?dependent aia:determinationOf ?s } UNION { ?dependent aia:obligationFor ?s }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|unverified-amendment-flag|", STR(?amendment))))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:flag-unverified-amendment ;
     aia:byRule aiar:unverified-amendment-flag ; aia:legalBasis aiap:art_113 ;
     aia:dependsOnAmendment ?amendment ;
     aia:explanation ?text ; prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?amendment WHERE {
      ?dependent aia:dependsOnAmendment ?amendment .
      { ?dependent aia:determinationOf ?s } UNION { ?dependent aia:obligationFor ?s }
    }
  }
  ?amendment aia:verificationStatus aiac:status-unverified ; rdfs:label ?title ; aia:statusNote ?note .
  FILTER NOT EXISTS { ?amendment aia:verificationStatus aiac:status-verified }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|unverified-amendment-flag|", STR(?amendment))))) AS ?d)
  BIND(CONCAT("Some results for this subject depend on the ", STR(?title), ". ", STR(?note)) AS ?text)
}
