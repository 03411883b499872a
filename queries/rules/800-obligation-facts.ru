# Rule: obligation-facts
# Label: Fact triggers of the obligations catalogue that follow directly from submitted facts
# Provisions: aiap:art_60 aiap:art_25.par_2 aiap:art_25.par_1.pnt_c aiap:art_25.par_4
# Testing in real-world conditions (Art 60) and the initial provider's exclusion of high-risk
# use (Art 25(2), second sentence) are stated facts; other topics' rules set their own triggers.
# Art 60(1) governs the testing of the high-risk AI systems "listed in Annex III" (high-risk by
# the Art 6(2) route, rules 310 and 320): a system high-risk only as an Annex I product is
# tested under its sectoral legislation, and a system not high-risk is not tested under Art 60.
INSERT { ?s aia:satisfiesTrigger aiac:trigger-real-world-testing }
WHERE {
  ?s aia:testedInRealWorldConditions true .
  FILTER EXISTS {
    ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 .
  }
} ;
# The exclusion concerns a system the initial provider "has clearly specified ... is not to be
# changed into a high-risk AI system" (Art 25(2), second sentence): one made high-risk by a
# change of its intended purpose (Art 25(1)(c)). A rebranded or substantially modified system
# (Art 25(1)(a), (b)) was high-risk already, so the statement exempts from nothing there (the
# shape ExclusionWithoutPurposeChange says so).
INSERT { ?s aia:satisfiesTrigger aiac:trigger-high-risk-change-excluded }
WHERE {
  ?s aia:initialProviderExcludedHighRiskUse true ;
     aia:satisfiesTrigger aiac:trigger-intended-purpose-change .
  FILTER NOT EXISTS {
    ?s aia:satisfiesTrigger ?alreadyHighRisk .
    FILTER(?alreadyHighRisk IN (aiac:trigger-rebranding, aiac:trigger-substantial-modification))
  }
} ;
# Art 25(4): the provider of a general-purpose AI model a system is based on, where it is not a
# provider of the system, is "the third party that supplies" a component integrated into it; the
# open-source carve-out never covers general-purpose AI models. The catalogue names it as the
# bearer of its side of the written agreement through aia:hasModelSupplier. The supplier of a
# model stated not to be general-purpose (an aia:AIModel only) is such a third party too, unless
# it makes the model available under a free and open-source licence (Art 25(4) second
# subparagraph: "other than general-purpose AI models"; an outside check found the duty given).
INSERT { ?s aia:hasModelSupplier ?supplier }
WHERE {
  ?s a aia:AISystem ; aia:basedOnModel ?m .
  ?m aia:hasProvider ?supplier .
  FILTER NOT EXISTS {
    ?m a aia:AIModel ; aia:freeAndOpenSourceLicence true .
    FILTER NOT EXISTS { ?m a aia:GeneralPurposeAIModel }
  }
  # (a provider that an Art 25 event replaces is a third party from then: a former provider, or an
  # outgoing one, rule 320, whose supplier duty is listed from the change)
  FILTER NOT EXISTS {
    ?s aia:hasProvider ?supplier .
    FILTER NOT EXISTS { ?s aia:hasFormerProvider|aia:hasOutgoingProvider ?supplier }
  }
}
;
# Art 25(4) binds the system's provider only where "the third party that supplies" a part of it
# exists: a model supplier named above is one, so the provider's side of the written agreement
# is no longer conditional (with no supplier named it stays conditional on one)
INSERT { ?s aia:satisfiesTrigger aiac:trigger-third-party-supplier }
WHERE {
  ?s aia:hasModelSupplier ?supplier .
}
