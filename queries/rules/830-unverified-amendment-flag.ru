# Rule: unverified-amendment-flag
# Label: Flag subjects whose results depend on an amendment not verified against the Official Journal
# Provisions: aiap:art_113
# Runs after the obligation rules: a determination or assessed obligation that depends on an
# amendment whose status is unverified makes the subject carry the flag, with the amendment's
# status note as explanation. An amendment that also has aiac:status-verified is verified: no flag.
# Two updates: first the flag is written once per subject and amendment, then each dependent
# determination or obligation becomes a premise of its subject's flag (one row each, one triple),
# found among the few flags of this run (its IRI is not minted again for every dependent). The
# flag depends on the amendment too, but it is not its own premise.
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
} ;
INSERT { ?d aia:premise ?dependent }
WHERE {
  {
    SELECT ?dependent ?s ?amendment WHERE {
      ?dependent aia:dependsOnAmendment ?amendment .
      { ?dependent aia:determinationOf ?s } UNION { ?dependent aia:obligationFor ?s }
    }
  }
  # the flag written above for the subject and amendment (prov:wasGeneratedBy: by this run); two
  # sub-selects, so that the embedded engine joins them on both the subject and the amendment
  {
    SELECT ?d ?s ?amendment WHERE {
      ?d aia:byRule aiar:unverified-amendment-flag ; prov:wasGeneratedBy aiaa:run ;
         aia:determinationOf ?s ; aia:dependsOnAmendment ?amendment .
    }
  }
  FILTER(?dependent != ?d)
}
