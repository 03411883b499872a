# Rule: obligation-facts
# Label: Fact triggers of the obligations catalogue that follow directly from submitted facts
# Provisions: aiap:art_60 aiap:art_25.par_2
# Testing in real-world conditions (Art 60) and the initial provider's exclusion of high-risk
# use (Art 25(2), second sentence) are stated facts; other topics' rules set their own triggers.
INSERT { ?s aia:satisfiesTrigger aiac:trigger-real-world-testing }
WHERE { ?s aia:testedInRealWorldConditions true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-high-risk-change-excluded }
WHERE { ?s aia:initialProviderExcludedHighRiskUse true }
