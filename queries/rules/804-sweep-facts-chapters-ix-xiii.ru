# Rule: sweep-facts-chapters-ix-xiii
# Label: Fact triggers of the enforcement and remedy duties of Chapter IX: findings, requests and explanations
# Provisions: aiap:art_82.par_1 aiap:art_82.par_2 aiap:art_86.par_1 aiap:art_86.par_2 aiap:art_86.par_3 aiap:art_91.par_1 aiap:art_91.par_5 aiap:art_92.par_3 aiap:art_92.par_5 aiap:art_93.par_1
# Stated facts that make a duty of Articles 82 to 93 arise (docs/submission-guide.md, 3.11):
#   - aiac:trigger-art-82-risk-despite-compliance: a market surveillance authority found that the
#     compliant high-risk system presents a risk and required measures
#     (aia:riskFoundDespiteCompliance true, Art 82(1)); the duty of Art 82(2) is limited to
#     high-risk systems by its category;
#   - aiac:trigger-explanation-request: an affected person asked the deployer for an explanation
#     (aia:explanationRequested true) and the system is high-risk as listed in Annex III, by the
#     route of Art 6(2), for a use case other than one of point 2 (Art 86(1)). A system high-risk
#     only under Art 6(1), or only for point 2, never satisfies it, whatever is stated;
#   - aiac:trigger-explanation-duty-excluded: Union or national law excludes or restricts the
#     explanation duty, or Union law already gives the right (aia:explanationDutyExcluded true,
#     Art 86(2)-(3)): the exemption of the Art 86(1) duty;
#   - aiac:trigger-commission-information-request, aiac:trigger-commission-access-request,
#     aiac:trigger-commission-measures-request: the Commission requested information
#     (Art 91(1), (3)), access to the model for an evaluation (Art 92(3)) or measures (Art 93(1))
#     from the provider of the general-purpose AI model (aia:commissionRequestedInformation,
#     aia:commissionRequestedModelAccess, aia:commissionRequestedMeasures true).
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-82-risk-despite-compliance }
WHERE { ?s aia:riskFoundDespiteCompliance true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-explanation-request }
WHERE {
  ?s aia:explanationRequested true .
  ?d aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
  ?p aia:premiseValue ?useCase .
  ?useCase a aia:HighRiskUseCase .
  FILTER(?useCase != aiac:annex-iii-2)
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-explanation-duty-excluded }
WHERE { ?s aia:explanationDutyExcluded true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-commission-information-request }
WHERE { ?s aia:commissionRequestedInformation true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-commission-access-request }
WHERE { ?s aia:commissionRequestedModelAccess true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-commission-measures-request }
WHERE { ?s aia:commissionRequestedMeasures true }
