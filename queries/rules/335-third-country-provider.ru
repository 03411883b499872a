# Rule: third-country-provider
# Label: The provider of an AI system or general-purpose AI model is established in a third country
# Provisions: aiap:art_22.par_1 aiap:art_54.par_1
# A provider (aia:hasProvider, not a former provider under Art 25(2)) whose aia:establishedIn is
# not the ISO 3166-1 code of one of the 27 Member States (Greece also as "EL", the EU's own
# code) or of a part of the Union with a code of its own (the outermost regions French Guiana,
# Guadeloupe, Martinique, Réunion, Mayotte and Saint-Martin, Art 355(1) TFEU, and the Åland
# Islands, Art 355(4) TFEU; the Faroe Islands, Greenland and the overseas countries and
# territories are not in the Union) is established in a third country: the subject satisfies
# aiac:trigger-third-country-provider (Art 22(1) for high-risk systems, Art 54(1) for
# general-purpose AI models), unless the subject is not placed on the Union market
# (aia:placedOnUnionMarket false, unless an importer, a distributor or a system on the Union
# market built on the model contradicts it, as in rule 160). Each such provider is also related
# to the subject by aia:hasThirdCountryProvider, through which the catalogue names the bearers of Art 22(1)-(2)
# and Art 54(1)-(2): a co-provider established in the Union appoints no representative. Runs
# after the Art 25 rules, so that the provider is the current one.
INSERT { ?s aia:satisfiesTrigger aiac:trigger-third-country-provider ; aia:hasThirdCountryProvider ?provider }
WHERE {
  # (where a change of provider is pending, rule 320, the provider from then: the high-risk
  # duties it brings apply from that day, and the outgoing provider bears none of them)
  ?s a aia:AIArtefact .
  ?s aia:hasProvider|aia:hasIncomingProvider ?provider .
  FILTER NOT EXISTS { ?s aia:hasFormerProvider|aia:hasOutgoingProvider ?provider }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  # Art 22(1) and Art 54(1) apply before making the system or model available on the Union
  # market: not where it is only used from a third country (Art 2(1)(c), rule 160)
  # (the statement gives way, as in rule 160, where an importer or distributor brings the subject
  # to the Union market, or an AI system on it is built on the model)
  FILTER(NOT EXISTS { ?s aia:placedOnUnionMarket false }
         || EXISTS { ?s aia:hasImporter|aia:hasDistributor ?trader }
         || EXISTS { ?downstream aia:basedOnModel ?s . FILTER NOT EXISTS { ?downstream aia:placedOnUnionMarket false } })
  ?provider aia:establishedIn ?country .
  # (MINUS: evaluated once for every row, where FILTER NOT EXISTS scanned the scheme's codes
  # again for each provider; on Virtuoso 7 a FILTER NOT EXISTS does not see a BIND's variable)
  MINUS {
    ?provider aia:establishedIn ?country .
    ?territory skos:inScheme aiac:union-territories ; skos:notation ?memberState .
    FILTER(UCASE(STR(?country)) = ?memberState)
  }
}
