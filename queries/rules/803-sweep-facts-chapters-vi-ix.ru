# Rule: sweep-facts-chapters-vi-ix
# Label: Fact triggers of market surveillance findings (Arts 79, 80) and of security authorities that are providers (Art 78(3))
# Provisions: aiap:art_79.par_2 aiap:art_79.par_4 aiap:art_80.par_2 aiap:art_78.par_3
# Submitted findings of a market surveillance authority are facts on the system:
#   - aia:evaluatedByMarketSurveillanceAuthority true: the authority evaluates the system under
#     Art 79(2), so the relevant operators cooperate (aiac:trigger-art-79-evaluation);
#   - aia:correctiveActionRequiredByAuthority true: the authority found the system non-compliant
#     in that evaluation and required corrective action, withdrawal or recall
#     (aiac:trigger-art-79-corrective-action-required, Art 79(4)); such a finding presupposes
#     the evaluation, so it also satisfies aiac:trigger-art-79-evaluation;
#   - aia:foundHighRiskByAuthority true: the authority found under Art 80(2) that a system its
#     provider classified as not high-risk is high-risk (aiac:trigger-art-80-high-risk-finding).
# Art 78(3) second subparagraph: a provider that is a law-enforcement authority
# (aia:isLawEnforcementAuthority true) or an immigration or asylum authority
# (aia:isMigrationAuthority true, which also covers border-control authorities: read broadly) of
# a system high-risk under Annex III point 1, 6 or 7 (Art 6(2)) satisfies
# aiac:trigger-security-authority-provider. Runs after the Annex III rules (330).
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-79-evaluation }
WHERE {
  ?s a aia:AISystem .
  { ?s aia:evaluatedByMarketSurveillanceAuthority true }
  UNION { ?s aia:correctiveActionRequiredByAuthority true }
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-79-corrective-action-required }
WHERE { ?s a aia:AISystem ; aia:correctiveActionRequiredByAuthority true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-80-high-risk-finding }
WHERE { ?s a aia:AISystem ; aia:foundHighRiskByAuthority true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-security-authority-provider }
WHERE {
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase ; skos:broader ?area .
  FILTER(?area IN (aiac:annex-iii-1, aiac:annex-iii-6, aiac:annex-iii-7))
  # the provider, or, where a change of provider is pending (rule 320), the provider from then:
  # the duties this trigger brings apply from that day
  ?s aia:hasProvider|aia:hasIncomingProvider ?provider .
  FILTER NOT EXISTS { ?s aia:hasFormerProvider|aia:hasOutgoingProvider ?provider }
  { ?provider aia:isLawEnforcementAuthority true } UNION { ?provider aia:isMigrationAuthority true }
}
