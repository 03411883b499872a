# Rule: art-111-2-legacy-high-risk
# Label: Transition for high-risk AI systems placed on the market before 2 August 2026 (Art 111(2))
# Provisions: aiap:art_111.par_2
# A high-risk system placed on the market or put into service before the date of Art 111(2)
# (read from the transitional rule), with no substantial modification or change of intended
# purpose (a significant change, Art 3(23)) dated on or after that date and up to the as-of date, falls under the Regulation only
# after such a change; where a deployer is a public authority or Union body, its providers and
# deployers must comply by the rule's compliance deadline. The obligation rules read the trigger
# aiac:transition-art-111-2 (and aiac:trigger-public-deployer) to apply this; Art 5 duties are
# not affected.
INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:outcome-transition-art-111-2 ;
     aia:byRule aiar:art-111-2-legacy-high-risk ; aia:legalBasis aiap:art_111.par_2 ;
     aia:premise ?hr ;
     aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?dateProperty ; aia:premiseValue ?placed ] ;
     aia:explanation ?text ; prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:transition-art-111-2 .
}
WHERE {
  aiac:transition-art-111-2 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  aiaa:run aia:asOf ?asOf .
  {
    SELECT ?s (MIN(?date) AS ?placed) WHERE {
      ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?date .
      ?s ?property ?date .
      FILTER(?property IN (aia:placedOnMarketOn, aia:putIntoServiceOn))
    } GROUP BY ?s
  }
  # the premise names the property that holds the earliest date (both, if they agree)
  ?s ?dateProperty ?placed .
  FILTER(?dateProperty IN (aia:placedOnMarketOn, aia:putIntoServiceOn))
  FILTER(?placed < ?cutoff)
  ?hr aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
  # Art 111(2) covers systems "other than" those of Art 111(1) (rule 345)
  FILTER NOT EXISTS { ?s aia:satisfiesTrigger aiac:transition-art-111-1 }
  FILTER NOT EXISTS {
    ?s aia:hasValueChainEvent ?event .
    ?event aia:eventDate ?changed .
    FILTER EXISTS { ?event a ?kind . FILTER(?kind IN (aia:SubstantialModification, aia:IntendedPurposeChange)) }
    FILTER(?changed >= ?cutoff && ?changed <= ?asOf)
  }
  OPTIONAL { ?s aia:hasDeployer ?public . ?public a aia:PublicAuthority . }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-111-2")))) AS ?d)
  BIND(CONCAT("The system was placed on the market or put into service on ", STR(?placed),
              ", before ", STR(?cutoff), ", and its design has not changed significantly since: ",
              IF(BOUND(?public),
                 CONCAT("as it is used by a public authority, its provider and deployers must comply with the high-risk requirements by ", STR(?deadline), " (Art 111(2))."),
                 "its high-risk obligations apply only once its design changes significantly (Art 111(2)); Art 5 applies regardless.")) AS ?text)
}
