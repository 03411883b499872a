# Rule: art-111-2-legacy-high-risk
# Label: Transition for high-risk AI systems placed on the market before 2 August 2026 (Art 111(2))
# Provisions: aiap:art_111.par_2 aiap:anx_III
# A high-risk system placed on the market or put into service before the date of Art 111(2)
# (read from the transitional rule; high-risk as placed, not only through a change of its
# intended purpose on or after that date), with no substantial modification or change of intended
# purpose (a significant change, Art 3(23)) dated on or after that date and up to the as-of date, falls under the Regulation only
# after such a change. Where the system is intended to be used by public authorities, its
# providers and deployers must comply by the rule's compliance deadline (Art 111(2), second
# sentence). The system is intended for that use where a deployer is a public authority (a Union
# body is one), acts on its behalf (aia:actsOnBehalfOfPublicAuthority true) or is a law
# enforcement or migration authority (aia:isLawEnforcementAuthority / aia:isMigrationAuthority
# true), or where its intended purpose (or the one an operator changed it to, Art 25(1)(c), on or
# before the as-of date) is an Annex III use case written for use by or on behalf
# of public authorities only (aia:isPublicAuthorityUseCase true: points 5(a), 6 and 7), whether
# or not a deployer is named, or where its provider is a public authority (or a law enforcement
# or migration authority) that put it into service without placing it on the market and names
# no other deployer (own use, Art 3(11)); the subject then
# gets aia:intendedForPublicAuthorities true. The
# obligation rules read the trigger aiac:transition-art-111-2 and that fact to apply this; Art 5
# duties are not affected. A legacy system whose design did change significantly on or after the
# date (up to the as-of date) falls under the Regulation "as from" that change: the outcome
# aiac:outcome-legacy-changed-art-111-2, dated the first such change (the compliance deadline,
# if earlier, for a system intended to be used by public authorities), from which rule 820 dates
# its obligations outside Chapters I-II, with the change's event as premise; no trigger then.
# Without a stated placing date, the earliest value-chain event bounds it (rule 011): an event
# concerns a system already placed on the market or put into service (Art 25(1), Art 3(23)).
# The first operation writes, for each system, the day of its first significant change in
# design on or after the date of Art 111(2) and up to the as-of date (aia:legacyDesignChangedOn),
# which the second reads (Virtuoso 7 answered an OPTIONAL minimum differently from run to run,
# at times as a change with an empty date).
INSERT { ?s aia:legacyDesignChangedOn ?firstChange }
WHERE {
  SELECT ?s (MIN(?changed) AS ?firstChange) WHERE {
    aiac:transition-art-111-2 aia:placedBefore ?cutoff .
    aiaa:run aia:asOf ?asOf .
    ?s aia:hasValueChainEvent ?event .
    ?event a ?kind ; aia:eventDate ?changed .
    FILTER(?kind IN (aia:SubstantialModification, aia:IntendedPurposeChange))
    FILTER(?changed >= ?cutoff && ?changed <= ?asOf)
  } GROUP BY ?s
} ;

# The first rebranding, by an operator other than its provider and on or before the as-of date, of
# a system whose design has not changed significantly (rule 320, aia:legacyUnchanged): it makes
# that operator no provider, and the next operation's explanation says so rather than leave the
# event unread (an outside check found it dropped without a word). Written first, as the day of
# the first change above: Virtuoso 7 answered the minimum as an OPTIONAL sub-select with a row of
# an empty date for systems with no rebranding.
INSERT { ?s aia:legacyRebrandedOn ?firstRebranding }
WHERE {
  SELECT ?s (MIN(?rebrandedOn) AS ?firstRebranding) WHERE {
    ?s aia:legacyUnchanged true ; aia:hasValueChainEvent ?rebranding .
    ?rebranding a aia:Rebranding ; aia:eventDate ?rebrandedOn ; aia:byOperator ?rebrander .
    aiaa:run aia:asOf ?asOf .
    FILTER(?rebrandedOn <= ?asOf)
    FILTER NOT EXISTS { ?s aia:hasProvider ?rebrander }
  } GROUP BY ?s
} ;

INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion ?conclusion ;
     aia:byRule aiar:art-111-2-legacy-high-risk ; aia:legalBasis aiap:art_111.par_2 ;
     aia:premise ?hr ;
     aia:premise [ a aia:Premise ; aia:premiseSubject ?placedSource ; aia:premiseProperty ?dateProperty ; aia:premiseValue ?placed ] ;
     aia:premise ?changePremise ;
     aia:appliesFromDate ?changedFrom ;
     aia:explanation ?text ; prov:wasGeneratedBy aiaa:run .
  ?changePremise a aia:Premise ; aia:premiseSubject ?changeEvent ; aia:premiseProperty aia:eventDate ;
                 aia:premiseValue ?firstChange .
  ?s aia:satisfiesTrigger ?transition .
  ?s aia:intendedForPublicAuthorities ?publicFlag .
}
WHERE {
  aiac:transition-art-111-2 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  aiaa:run aia:asOf ?asOf .
  # the day of placing as rule 011 bounds it: the earliest stated date of placing on the market or
  # putting into service or, without one, the earliest value-chain event (an event concerns a
  # system "already placed on the market or put into service", Art 25(1)(a)-(c), and a substantial
  # modification is a change "after its placing", Art 3(23); an outside check found the event's
  # date read for Art 25 and the system taken as placed after 2 August 2026 for Art 111(2))
  ?s aia:placedNoLaterThan ?placed .
  # the premise names the property that holds the day (both, if they agree) or, without a stated
  # date, the value-chain event that bounds it
  {
    ?s ?dateProperty ?placed .
    FILTER(?dateProperty IN (aia:placedOnMarketOn, aia:putIntoServiceOn))
    BIND(?s AS ?placedSource)
    BIND(false AS ?placedByEvent)
  } UNION {
    ?s aia:hasValueChainEvent ?placedSource . ?placedSource aia:eventDate ?placed .
    FILTER NOT EXISTS { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?statedPlacing }
    BIND(aia:eventDate AS ?dateProperty)
    BIND(true AS ?placedByEvent)
  }
  FILTER(?placed < ?cutoff)
  ?hr aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
  # a high-risk system as placed on the market or put into service before the date: not one that
  # only a change of its intended purpose on or after the date made high-risk (Art 25(1)(c), rule
  # 320, the change's event as premise), which was no high-risk system before it; from the
  # change the Regulation applies to it in full (rule 820 dates its high-risk obligations from
  # the change), and its duties as a system that was not high-risk (Art 50) keep their own
  # dates (an outside check found a general-purpose AI system's Art 50(2) duty moved to the
  # change, and under the amended law to the Annex III date)
  FILTER NOT EXISTS {
    ?hr aia:byRule aiar:art-25-value-chain ; aia:premise ?madeBy .
    ?madeBy aia:premiseProperty aia:newIntendedPurpose ; aia:premiseSubject ?madeByChange .
    ?madeByChange aia:eventDate ?madeOn .
    FILTER(?madeOn >= ?cutoff)
  }
  # Art 111(2) covers systems "other than" those of Art 111(1) (rule 345)
  FILTER NOT EXISTS { ?s aia:satisfiesTrigger aiac:transition-art-111-1 }
  # the first significant change on or after the date, up to the as-of date (the first
  # operation), and its event (each one, if two share the date); or none (a flag bound in each
  # branch rather than BOUND() over an OPTIONAL, which Virtuoso 7 answered true for a system with
  # no change after other runs, with an empty date)
  {
    ?s aia:legacyDesignChangedOn ?firstChange ; aia:hasValueChainEvent ?changeEvent .
    ?changeEvent a ?changeKind ; aia:eventDate ?firstChange .
    FILTER(?changeKind IN (aia:SubstantialModification, aia:IntendedPurposeChange))
    BIND(true AS ?changed)
  } UNION {
    ?s aia:placedNoLaterThan ?unchangedSince .
    FILTER NOT EXISTS { ?s aia:legacyDesignChangedOn ?anyChange }
    BIND(false AS ?changed)
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
  # or by its provider: a public authority (or a law enforcement or migration authority) that
  # put it into service, did not place it on the market, and names no other deployer put it into
  # service for its own use (Art 3(11): "supply ... for own use"; placing on the market is supply
  # to others, Art 3(9)); an outside check found such an in-house legacy system left without
  # the deadline
  OPTIONAL {
    SELECT DISTINCT ?s (true AS ?byProvider) WHERE {
      ?s aia:hasProvider ?provider ; aia:putIntoServiceOn ?inService .
      FILTER NOT EXISTS { ?s aia:placedOnMarketOn ?onMarket }
      { ?provider a aia:PublicAuthority } UNION { ?provider aia:isLawEnforcementAuthority true }
      UNION { ?provider aia:isMigrationAuthority true }
      FILTER NOT EXISTS { ?s aia:hasDeployer ?otherDeployer . FILTER(?otherDeployer != ?provider) }
    }
  }
  OPTIONAL {
    SELECT DISTINCT ?s (true AS ?byUseCase) WHERE {
      {
        ?s aia:intendedPurpose ?useCase .
      } UNION {
        # the purpose an operator gave it (Art 25(1)(c)), on or before the as-of date
        ?s aia:purposeChangeInEffect ?purposeChange . ?purposeChange aia:newIntendedPurpose ?useCase .
      }
      ?useCase aia:isPublicAuthorityUseCase true .
    }
  }
  # a rebranding the explanation names as not read (the operation before); a flag bound in each
  # branch, as above, not BOUND() over an OPTIONAL (Virtuoso 7 answered it true, with an empty day)
  {
    ?s aia:legacyRebrandedOn ?firstRebranding .
    BIND(true AS ?rebranded)
  } UNION {
    ?s aia:placedNoLaterThan ?notRebrandedSince .
    FILTER NOT EXISTS { ?s aia:legacyRebrandedOn ?anyRebranding }
    BIND(false AS ?rebranded)
  }
  BIND(IF(?rebranded,
          CONCAT(" The rebranding of ", STR(?firstRebranding),
                 " does not make the operator that put its name or trademark on it its provider (Art 25(1)(a)): it is no significant change in its design",
                 IF(BOUND(?byDeployer) || BOUND(?byProvider) || BOUND(?byUseCase),
                    ", so the provider described is the provider that must comply by that deadline.",
                    ", so Art 25 does not apply to this system's operators yet, and the provider described stays its provider.")),
          "") AS ?rebrandingText)
  BIND(BOUND(?byDeployer) || BOUND(?byProvider) || BOUND(?byUseCase) AS ?public)
  BIND(IF(?public, true, ?unbound) AS ?publicFlag)
  BIND(IF(?changed, aiac:outcome-legacy-changed-art-111-2, aiac:outcome-transition-art-111-2) AS ?conclusion)
  BIND(IF(?changed, ?unbound, aiac:transition-art-111-2) AS ?transition)
  # "in any case" by the deadline for a system intended for public authorities
  BIND(IF(?changed, IF(?public && ?firstChange > ?deadline, ?deadline, ?firstChange), ?unbound) AS ?changedFrom)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), IF(?changed, "|art-111-2-changed", "|art-111-2"))))) AS ?d)
  BIND(IF(?changed, IRI(CONCAT(STR(?d), "-premise-", MD5(STR(?changeEvent)))), ?unbound) AS ?changePremise)
  BIND(IF(?placedByEvent,
          CONCAT("No date of placing on the market or putting into service is given, but a value-chain event of ", STR(?placed),
                 " concerns a system already placed on the market or put into service (Art 25(1), Art 3(23)), so it was placed on or before that day"),
          CONCAT("The system was placed on the market or put into service on ", STR(?placed))) AS ?placedText)
  BIND(IF(?changed,
          CONCAT(?placedText,
                 ", before ", STR(?cutoff), ", and its design changed significantly on ", STR(?firstChange),
                 " (a substantial modification or a change of its intended purpose): the Regulation applies to it as from that change (Art 111(2)), each obligation no earlier than the day it applies under Art 113 or an amendment of it in the law version applied",
                 IF(?public && ?firstChange > ?deadline,
                    CONCAT(", and already from ", STR(?deadline), ", by which it had to comply as a system intended to be used by public authorities"),
                    ""),
                 "; the obligations of Chapters I and II keep their own dates."),
          ?unbound) AS ?changedText)
  BIND(COALESCE(?changedText, CONCAT(?placedText,
              ", before ", STR(?cutoff), ", and its design has not changed significantly since: ",
              IF(?public,
                 CONCAT("as it is intended to be used by public authorities (",
                        IF(BOUND(?byDeployer), "a deployer is a public authority, acts on behalf of one or is a law enforcement or migration authority",
                           IF(BOUND(?byProvider), "its provider is a public authority that names no other deployer, so it puts the system into service for its own use, Art 3(11)",
                              "its Annex III use case is one of use by or on behalf of public authorities")),
                        "), its provider and deployers must comply with this Regulation, the transparency duties of Art 50 included where they apply, by ", STR(?deadline), " (Art 111(2)); its other operators (importers, distributors, authorised representatives) bear no obligation outside Chapters I and II until its design changes significantly."),
                 "this Regulation applies to its operators only once its design changes significantly (Art 111(2)): until then no obligation is listed for it but those of Chapters I and II (Art 4, Art 5), not the transparency duties of Art 50 either."),
              ?rebrandingText)) AS ?text)
}
