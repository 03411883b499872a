# Rule: art-111-2-legacy-high-risk
# Label: Transition for high-risk AI systems placed on the market before 2 August 2026 (Art 111(2))
# Provisions: aiap:art_111.par_2 aiap:anx_III
# A high-risk system placed on the market or put into service before the date of Art 111(2)
# (read from the transitional rule), with no substantial modification or change of intended
# purpose (a significant change, Art 3(23)) dated on or after that date and up to the as-of date, falls under the Regulation only
# after such a change. Where the system is intended to be used by public authorities, its
# providers and deployers must comply by the rule's compliance deadline (Art 111(2), second
# sentence). The system is intended for that use where a deployer is a public authority (a Union
# body is one), acts on its behalf (aia:actsOnBehalfOfPublicAuthority true) or is a law
# enforcement or migration authority (aia:isLawEnforcementAuthority / aia:isMigrationAuthority
# true), or where its intended purpose is an Annex III use case written for use by or on behalf
# of public authorities only (aia:isPublicAuthorityUseCase true: points 5(a), 6 and 7), whether
# or not a deployer is named; the subject then gets aia:intendedForPublicAuthorities true. The
# obligation rules read the trigger aiac:transition-art-111-2 and that fact to apply this; Art 5
# duties are not affected.
INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:outcome-transition-art-111-2 ;
     aia:byRule aiar:art-111-2-legacy-high-risk ; aia:legalBasis aiap:art_111.par_2 ;
     aia:premise ?hr ;
     aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?dateProperty ; aia:premiseValue ?placed ] ;
     aia:explanation ?text ; prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:transition-art-111-2 .
  ?s aia:intendedForPublicAuthorities ?publicFlag .
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
  # intended to be used by public authorities: by its deployers or by its Annex III use case
  # (flags from OPTIONAL rather than BIND(EXISTS ...), which Virtuoso 7 may fail to compile)
  OPTIONAL {
    SELECT DISTINCT ?s (true AS ?byDeployer) WHERE {
      ?s aia:hasDeployer ?deployer .
      { ?deployer a aia:PublicAuthority } UNION { ?deployer aia:actsOnBehalfOfPublicAuthority true }
      UNION { ?deployer aia:isLawEnforcementAuthority true } UNION { ?deployer aia:isMigrationAuthority true }
    }
  }
  OPTIONAL {
    SELECT DISTINCT ?s (true AS ?byUseCase) WHERE {
      ?s aia:intendedPurpose ?useCase .
      ?useCase aia:isPublicAuthorityUseCase true .
    }
  }
  BIND(BOUND(?byDeployer) || BOUND(?byUseCase) AS ?public)
  BIND(IF(?public, true, ?unbound) AS ?publicFlag)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-111-2")))) AS ?d)
  BIND(CONCAT("The system was placed on the market or put into service on ", STR(?placed),
              ", before ", STR(?cutoff), ", and its design has not changed significantly since: ",
              IF(?public,
                 CONCAT("as it is intended to be used by public authorities (",
                        IF(BOUND(?byDeployer), "a deployer is a public authority, acts on behalf of one or is a law enforcement or migration authority", "its Annex III use case is one of use by or on behalf of public authorities"),
                        "), its provider and deployers must comply with the high-risk requirements by ", STR(?deadline), " (Art 111(2))."),
                 "its high-risk obligations apply only once its design changes significantly (Art 111(2)); Art 5 applies regardless.")) AS ?text)
}
