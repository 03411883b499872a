# Rule: high-risk-obligation-facts
# Label: Fact triggers of the obligations catalogue for high-risk AI systems: Annex III uses, public deployers, medical devices
# Provisions: aiap:anx_III aiap:art_3.pnt_7 aiap:art_24 aiap:art_26.par_7 aiap:art_26.par_8 aiap:art_26.par_10 aiap:art_26.par_11 aiap:art_27.par_1 aiap:art_27.par_2 aiap:art_27.par_3 aiap:art_43.par_1 aiap:art_46.par_2 aiap:art_49.par_1 aiap:art_49.par_3 aiap:art_49.par_4 aiap:art_49.par_5 aiap:art_60.par_4.pnt_i aiap:art_73.par_10 aiap:art_73.par_9
# For each Annex III use case a system is high-risk for (Art 6(2), including after a change of
# intended purpose, Art 25(1)(c)), the subject satisfies the use case and its area as triggers
# (the catalogue uses both, e.g. aiac:annex-iii-1a and aiac:annex-iii-1). Further triggers:
#   - aiac:trigger-decisions-about-natural-persons: every Annex III point except point 2
#     (Art 26(11));
#   - aiac:trigger-public-deployer: a deployer typed aia:PublicAuthority (aia:UnionBody is a
#     subclass), or acting on behalf of one (aia:actsOnBehalfOfPublicAuthority true, "persons
#     acting on their behalf" of Art 49(3)), or a law enforcement authority or one acting on its
#     behalf (aia:isLawEnforcementAuthority true: Art 3(45), an authority or a body entrusted
#     with public authority) or a migration, asylum or border control authority
#     (aia:isMigrationAuthority true, a public authority), whatever its type, for Annex III
#     points except 2, which Art 49(3) and so Art 26(8) are limited to;
#   - aiac:trigger-public-law-body-or-public-service: a deployer that is a public authority (a
#     migration authority included) or a private entity providing public services, for Annex III
#     points except 2 (Art 27(1)): a body entrusted with public powers for law enforcement
#     (aia:isLawEnforcementAuthority true, Art 3(45)(b)) and a person acting on behalf of a public
#     authority (aia:actsOnBehalfOfPublicAuthority true) provide a public service whatever their
#     type (typed legal persons they were left without the impact assessment), unless the
#     latter is stated not to (aia:isPrivateEntityProvidingPublicServices false); each
#     such deployer is named (aia:hasPublicServiceDeployer), and with every deployer of a system
#     of Annex III point 5(b) or 5(c) it is bound to the impact assessment (aia:hasFriaDeployer):
#     only they bear the duties of Art 27, not a private co-deployer;
#   - aiac:trigger-harmonised-standards-not-applied: Annex III point 1 and neither harmonised
#     standards nor common specifications applied in full (absent counts as not applied; a
#     standard applied only in part or with a restriction, aia:standardsAppliedOnlyInPart, does
#     not count) (Art 43(1) second subparagraph);
#   - aiac:trigger-harmonised-standards-applied: the opposite, Annex III point 1 with harmonised
#     standards or common specifications applied in full: only then does the provider choose
#     its procedure (Art 43(1) first subparagraph);
#   - aiac:trigger-workplace-use: a deployer uses the system at the workplace, stated
#     (aia:usedAtWorkplace true: e.g. machinery on a factory floor, whatever its route) or read
#     from an Annex III point 4 use case or a practice at aiac:area-workplace (Art 26(7));
#   - aiac:trigger-eu-database-registration: high-risk for an Annex III use case other than
#     point 2, which Art 49(1) and 49(3) register in the EU database (point 2 registers at
#     national level, Art 49(5); Art 6(1) systems are not registered under Art 49);
#   - aia:hasPublicAuthorityDeployer: each deployer typed aia:PublicAuthority (aia:UnionBody is a
#     subclass) or acting on behalf of one, or a law enforcement or migration authority, as for
#     the trigger above: the only deployers that register a use under Art 49(3);
#   - aiac:trigger-medical-device-incident-reporting: a high-risk system (by any route) that is a
#     medical or in vitro diagnostic device or a safety component of one (Annex I points 11 and
#     12), whose serious incidents are notified under Art 73(10) instead of Art 73(1);
#   - aiac:trigger-equivalent-incident-reporting: a system high-risk under Annex III (Art 6(2))
#     whose provider is subject to Union instruments with equivalent reporting obligations
#     (aia:subjectToEquivalentIncidentReporting): it notifies only incidents of Art 3(49)(c)
#     (Art 73(9));
#   - aia:hasThirdPartyDistributor: each distributor that is neither a provider nor an importer
#     of the system (Art 3(7): "other than the provider or the importer"), the bearers of Art 24;
#   - aia:hasThirdPartyImporter: each importer that is not a current provider of the system
#     (Art 3(6): the system it places bears a third-country person's name; one that put its own
#     name on it is its provider, Art 25(1)(a), rule 320), the bearers of Art 23;
#   - aia:hasPublicBodyDeployer: each deployer typed aia:PublicAuthority itself or stated to be a
#     migration authority (not a law-enforcement one: that fact also covers those acting on
#     its behalf), the deployers
#     that may not use an unregistered system (Art 26(8) second subparagraph), register their
#     use under Art 49(3) as a duty of Art 26(8) (Art 99(4));
#   - aia:hasUrgentUseDeployer: each deployer of a system used in urgency without authorisation
#     that is a law-enforcement or civil-protection authority, the only ones Art 46(2) allows so
#     to use it, which request the authorisation and stop the use if it is refused;
#   - aia:hasDeployerOnBehalfOfPublicAuthority: the other deployers of aia:hasPublicAuthorityDeployer,
#     which register their use under Art 49(3) alone (Art 99(1));
#   - aiac:trigger-secure-section-registration: registration under Art 49(1) or (3) of a system
#     high-risk for Annex III point 6 or 7, or point 1 used in law enforcement or migration (a
#     practice with aia:forLawEnforcement true, a migration-authority deployer, or a
#     law-enforcement-authority deployer with no practice of that use case stated not to be for
#     law enforcement: a side practice of another kind, e.g. a categorisation by a non-sensitive
#     trait, says nothing of the identification's use),
#     or (aiac:trigger-secure-section-registration-art-49-2) registration under Art 49(2) of such
#     a system concluded not to be high-risk under Art 6(3): the secure non-public section of
#     Art 49(4);
#   - aiac:trigger-law-enforcement-use: high-risk for Annex III point 6, or for point 1 used in
#     law enforcement (a practice with aia:forLawEnforcement true, or a law-enforcement-authority
#     deployer with no practice of that use case stated not to be for law enforcement, as above; a migration
#     authority is not one): the case of law enforcement of Art 60(4)(i).
INSERT {
  ?s aia:satisfiesTrigger ?useCase , ?area .
}
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase .
  OPTIONAL { ?useCase skos:broader ?broader . ?broader a aia:HighRiskArea }
  BIND(COALESCE(?broader, ?useCase) AS ?area)
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-decisions-about-natural-persons }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase .
  FILTER(?useCase != aiac:annex-iii-2)
} ;
# the public deployers first: the trigger below reads them
INSERT { ?s aia:hasPublicAuthorityDeployer ?deployer }
WHERE {
  ?s a aia:AISystem ; aia:hasDeployer ?deployer .
  { ?deployer a aia:PublicAuthority } UNION { ?deployer aia:actsOnBehalfOfPublicAuthority|aia:isLawEnforcementAuthority|aia:isMigrationAuthority true }
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-public-deployer }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase .
  FILTER(?useCase != aiac:annex-iii-2)
  ?s aia:hasPublicAuthorityDeployer ?deployer .
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-public-law-body-or-public-service ; aia:hasPublicServiceDeployer ?deployer }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase .
  FILTER(?useCase != aiac:annex-iii-2)
  ?s aia:hasDeployer ?deployer .
  { ?deployer a aia:PublicAuthority }
  UNION { ?deployer aia:isPrivateEntityProvidingPublicServices|aia:isMigrationAuthority|aia:isLawEnforcementAuthority true }
  # a person acting on behalf of a public authority is read as providing a public service unless
  # stated not to: Art 27(1), unlike Art 49(3), does not name persons acting on their behalf, so
  # a stated aia:isPrivateEntityProvidingPublicServices false is read (an outside check found it
  # overridden)
  UNION {
    ?deployer aia:actsOnBehalfOfPublicAuthority true .
    FILTER NOT EXISTS { ?deployer aia:isPrivateEntityProvidingPublicServices false }
  }
} ;
# the deployers bound to the impact assessment (Art 27(1)): those above, and every deployer of a
# system of Annex III point 5(b) or 5(c) (its use-case triggers, first operation)
INSERT { ?s aia:hasFriaDeployer ?deployer }
WHERE {
  { ?s aia:hasPublicServiceDeployer ?deployer }
  UNION
  {
    ?s aia:satisfiesTrigger ?creditOrInsurance ; aia:hasDeployer ?deployer .
    FILTER(?creditOrInsurance IN (aiac:annex-iii-5b, aiac:annex-iii-5c))
  }
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-harmonised-standards-not-applied }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase ; skos:broader aiac:annex-iii-1 .
  FILTER(EXISTS { ?s aia:standardsAppliedOnlyInPart true }
         || (NOT EXISTS { ?s aia:appliedHarmonisedStandards true } && NOT EXISTS { ?s aia:appliedCommonSpecifications true }))
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-harmonised-standards-applied }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase ; skos:broader aiac:annex-iii-1 .
  FILTER NOT EXISTS { ?s aia:standardsAppliedOnlyInPart true }
  FILTER(EXISTS { ?s aia:appliedHarmonisedStandards true } || EXISTS { ?s aia:appliedCommonSpecifications true })
} ;
# (workplace use: one update per source, each starting from it; a UNION joined with the
# deployer pattern made the embedded engine compare every pair of subjects)
INSERT { ?s aia:satisfiesTrigger aiac:trigger-workplace-use }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase ; skos:broader aiac:annex-iii-4 .
  ?s a aia:AISystem ; aia:hasDeployer ?deployer .
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-workplace-use }
WHERE {
  ?s aia:usedAtWorkplace true ; a aia:AISystem ; aia:hasDeployer ?deployer .
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-workplace-use }
WHERE {
  ?s aia:engagesIn ?practice .
  ?practice aia:practiceArea aiac:area-workplace .
  ?s a aia:AISystem ; aia:hasDeployer ?deployer .
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-eu-database-registration }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase .
  FILTER(?useCase != aiac:annex-iii-2)
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-medical-device-incident-reporting }
WHERE {
  ?s aia:productUnder|aia:safetyComponentUnder ?act .
  VALUES ?act { aiac:annex-i-11 aiac:annex-i-12 }
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
} ;
# Art 73(9): "high-risk AI systems referred to in Annex III" placed on the market or put into
# service by a provider under equivalent Union reporting obligations (a former provider, Art
# 25(2), no longer provides the system)
INSERT { ?s aia:satisfiesTrigger aiac:trigger-equivalent-incident-reporting }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 .
  # (where a change of provider is pending, rule 320, the provider from then)
  ?s aia:hasProvider|aia:hasIncomingProvider ?provider .
  FILTER NOT EXISTS { ?s aia:hasFormerProvider|aia:hasOutgoingProvider ?provider }
  ?provider aia:subjectToEquivalentIncidentReporting true .
} ;
# the distributors that are neither a provider (also one Art 25(1) made the provider, rule 320)
# nor an importer of the system: the bearers of Art 24 (Art 3(7))
INSERT { ?s aia:hasThirdPartyDistributor ?distributor }
WHERE {
  ?s a aia:AISystem ; aia:hasDistributor ?distributor .
  FILTER NOT EXISTS { ?s aia:hasProvider|aia:hasImporter ?distributor }
} ;
# the importers that are not the current provider (one that put its own name or trademark on the
# system became its provider, Art 25(1)(a), rule 320): the bearers of Art 23 (Art 3(6))
INSERT { ?s aia:hasThirdPartyImporter ?importer }
WHERE {
  ?s a aia:AISystem ; aia:hasImporter ?importer .
  FILTER NOT EXISTS { ?s aia:hasProvider ?importer . FILTER NOT EXISTS { ?s aia:hasFormerProvider ?importer } }
} ;
INSERT { ?s aia:hasPublicBodyDeployer ?deployer }
WHERE {
  ?s a aia:AISystem ; aia:hasDeployer ?deployer .
  { ?deployer a aia:PublicAuthority } UNION { ?deployer aia:isMigrationAuthority true }
} ;
# Art 46(2): the deployers that may put the system into service in urgency without authorisation,
# law-enforcement and civil-protection authorities, bear the duties that follow such a use
INSERT { ?s aia:hasUrgentUseDeployer ?deployer }
WHERE {
  ?s aia:urgentUseWithoutAuthorisation true ; aia:hasDeployer ?deployer .
  { ?deployer aia:isLawEnforcementAuthority true } UNION { ?deployer aia:isCivilProtectionAuthority true }
  # the authority itself: aia:isLawEnforcementAuthority also covers one acting on an authority's
  # behalf, which Art 46(2) does not name (an outside check found a private contractor given the
  # duties)
  FILTER NOT EXISTS { ?deployer aia:actsOnBehalfOfPublicAuthority true }
} ;
# Art 26(10) binds the deployer that uses a post-remote biometric identification system for law
# enforcement (rule 280's trigger): a law enforcement authority (Art 3(45)) among its deployers,
# not a private co-deployer beside it (an outside check found a shopping mall given the police's
# duties, none when alone); with no deployer described as one, each deployer, the use for law
# enforcement being stated of the practice
INSERT { ?s aia:hasLawEnforcementDeployer ?deployer }
WHERE {
  ?s aia:satisfiesTrigger aiac:trigger-post-remote-rbi-investigation ; aia:hasDeployer ?deployer .
  { ?deployer aia:isLawEnforcementAuthority true }
  UNION
  {
    # (the branch binds the system itself: a FILTER in a branch sees that branch's variables only,
    # and an unbound one matched every system of the batch)
    ?s aia:hasDeployer ?deployer .
    FILTER NOT EXISTS { ?s aia:hasDeployer ?authority . ?authority aia:isLawEnforcementAuthority true }
  }
} ;
# the other deployers that register a use under Art 49(3), as persons acting on behalf of a
# public authority: Art 26(8) does not bind them (the Art 99(4) tier), so they bear the
# registration under Art 49 alone
INSERT { ?s aia:hasDeployerOnBehalfOfPublicAuthority ?deployer }
WHERE {
  ?s aia:hasPublicAuthorityDeployer ?deployer .
  FILTER NOT EXISTS { ?s aia:hasPublicBodyDeployer ?deployer }
} ;
INSERT { ?s aia:satisfiesTrigger ?secureSection }
WHERE {
  {
    ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
    ?p aia:premiseValue ?useCase .
    ?useCase a aia:HighRiskUseCase .
    BIND(aiac:trigger-secure-section-registration AS ?secureSection)
  } UNION {
    # registered under Art 49(2), not as a high-risk system (a duty Art 99(4) does not name)
    ?s aia:satisfiesTrigger aiac:trigger-non-high-risk-conclusion ; aia:intendedPurpose ?useCase .
    ?useCase a aia:HighRiskUseCase .
    BIND(aiac:trigger-secure-section-registration-art-49-2 AS ?secureSection)
  } UNION {
    # the same for the use case of a change of intended purpose whose operator relied on Art 6(3)
    # (Art 25(1)(c); rule 311 names it as its derogation's premise)
    ?s aia:satisfiesTrigger aiac:trigger-non-high-risk-conclusion .
    ?derogation aia:determinationOf ?s ; aia:byRule aiar:art-6-3-derogation ; aia:premise ?changePremise .
    ?changePremise aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue ?useCase .
    ?useCase a aia:HighRiskUseCase .
    BIND(aiac:trigger-secure-section-registration-art-49-2 AS ?secureSection)
  }
  ?useCase skos:broader ?area .
  FILTER(?area IN (aiac:annex-iii-1, aiac:annex-iii-6, aiac:annex-iii-7))
  # point 1 only in the areas of law enforcement, migration, asylum and border control: a practice
  # stated to be for law enforcement, a deployer that is a migration authority, or a deployer that
  # is a law-enforcement authority where no practice is stated not to be for law enforcement
  FILTER(?area != aiac:annex-iii-1 || EXISTS {
    { ?s aia:engagesIn ?practice . ?practice aia:forLawEnforcement true }
    UNION { ?s aia:hasDeployer ?authority . ?authority aia:isMigrationAuthority true }
    UNION {
      ?s aia:hasDeployer ?authority . ?authority aia:isLawEnforcementAuthority true .
      FILTER NOT EXISTS {
        ?s aia:engagesIn ?other . ?other aia:forLawEnforcement false ; aia:practice ?otherPractice .
        ?otherPractice aia:practiceUseCase ?useCase .
      }
    }
  })
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-law-enforcement-use }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase ; skos:broader ?area .
  FILTER(?area IN (aiac:annex-iii-1, aiac:annex-iii-6))
  FILTER(?area = aiac:annex-iii-6 || EXISTS {
    { ?s aia:engagesIn ?practice . ?practice aia:forLawEnforcement true }
    UNION {
      ?s aia:hasDeployer ?authority . ?authority aia:isLawEnforcementAuthority true .
      FILTER NOT EXISTS {
        ?s aia:engagesIn ?other . ?other aia:forLawEnforcement false ; aia:practice ?otherPractice .
        ?otherPractice aia:practiceUseCase ?useCase .
      }
    }
  })
}
