# Rule: art-25-value-chain
# Label: A distributor, importer, deployer or other third party becomes the provider of a high-risk AI system (Art 25(1)-(2))
# Provisions: aiap:art_25.par_1 aiap:art_25.par_1.pnt_a aiap:art_25.par_1.pnt_b aiap:art_25.par_1.pnt_c aiap:art_25.par_2 aiap:art_6.par_2 aiap:art_6.par_3.sub_3 aiap:anx_III aiap:art_3.pnt_3 aiap:art_3.pnt_36 aiap:art_80.par_2
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot.
# A value-chain event (aia:hasValueChainEvent) by an operator (aia:byOperator) that took place
# on or before the as-of date (aia:eventDate) makes the operator the provider where:
#   (a) aia:Rebranding of a system already high-risk (Art 25(1)(a));
#   (b) aia:SubstantialModification of a system already high-risk, which stays high-risk
#       (Art 25(1)(b));
# by an operator that is not already its provider (a provider's own rebranding or modification
# transfers nothing; its own substantial modification still calls for a new conformity
# assessment, Art 43(4));
#   (c) aia:IntendedPurposeChange of a system not high-risk (including a general-purpose AI
#       system) to a new intended purpose (aia:newIntendedPurpose) that is an Annex III use case,
#       which makes it high-risk under Art 6(2) (Art 25(1)(c)); the high-risk determination is
#       drawn here from the new purpose, unless the operator relied on an Art 6(3) condition for
#       the new purpose without profiling (rule 311); by a provider of the system
#       itself, the system is high-risk under Art 6(2) and nothing is transferred. A new purpose
#       of Annex III point 1(a) is not read for a system whose biometric practice has the sole
#       purpose of confirming a claimed identity (aia:solePurposeIdentityConfirmation true),
#       unless another of its practices of the point lacks it: that is biometric verification,
#       which point 1(a) leaves out (Art 3(36); the fact aia:useCaseLeftOut of rule
#       annex-iii-1a-verification, read by rule 310 too), in both operations and in the
#       citations of the outcome. Only changes in effect on the as-of date are read
#       (aia:purposeChangeInEffect, rule purpose-changes-in-effect).
#       Where the operator relied on an Art 6(3) condition for the new purpose but a market
#       surveillance authority has found the system high-risk (aia:foundHighRiskByAuthority true),
#       rule 311 keeps no derogation: the high-risk determination cites Art 80(2) and has the
#       finding as a premise, as rule 310's does.
# The operator is added as provider (aia:hasProvider); the providers named before are no longer
# providers of that system (aia:hasFormerProvider, Art 25(2)). The subject satisfies the trigger
# of the event (aiac:trigger-rebranding, -substantial-modification, -intended-purpose-change),
# and the operator that acted is named (aia:hasRebrandingOperator, aia:hasModifyingOperator,
# aia:hasRepurposingOperator): it alone bears the duty of Art 25(1) (the catalogue's bearer
# property), in the role it holds.
# The contractual allocation that Art 25(1)(a) allows is not modelled.

# (c) first, while "not high-risk" still means not high-risk before the change.
INSERT {
  ?hr a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-high-risk ;
    aia:route aiac:route-art-6-2 ;
    aia:byRule aiar:art-25-value-chain ;
    aia:legalBasis aiap:art_6.par_2 , ?useCaseProvision , <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_c> , ?authorityBasis ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue ?useCase ] ;
    aia:appliesFromDate ?fromChange ;
    aia:explanation ?hrExplanation ;
    prov:wasGeneratedBy aiaa:run .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-new-provider-art-25 ;
    aia:byRule aiar:art-25-value-chain ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_c> , aiap:art_25.par_2 ;
    aia:appliesFromDate ?switchFrom ;
    aia:premise ?hr ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:byOperator ; aia:premiseValue ?x ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:eventDate ; aia:premiseValue ?date ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:trigger-intended-purpose-change ;
    aia:hasRepurposingOperator ?x .
}
WHERE {
  {
    SELECT DISTINCT ?s ?e ?x ?date ?useCase ?authorityFinding ?conditionDefeated ?profilingNotGiven WHERE {
      ?s a aia:AISystem ; aia:purposeChangeInEffect ?e .
      ?e aia:byOperator ?x ; aia:eventDate ?date ; aia:newIntendedPurpose ?useCase .
      ?useCase a aia:HighRiskUseCase .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
      FILTER NOT EXISTS { ?already aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk }
      # the operator relied on Art 6(3) for the new purpose (rule 311): not high-risk
      FILTER NOT EXISTS { ?derogation aia:determinationOf ?s ; aia:byRule aiar:art-6-3-derogation ; aia:premise ?onEvent . ?onEvent aia:premiseSubject ?e }
      # Annex III point 1(a) leaves out biometric verification whose sole purpose is to confirm
      # a claimed identity: a new purpose of point 1(a) is not a use case of such a system
      # (rule annex-iii-1a-verification; Art 3(36))
      FILTER NOT EXISTS { ?s aia:useCaseLeftOut ?useCase }
      # Art 25(1) concerns a distributor, importer, deployer or other third party: a provider
      # that changes the purpose of its own system stays its provider (next operation)
      FILTER NOT EXISTS { ?s aia:hasProvider ?x }
      # an Art 6(3) condition relied on in the change that an authority's finding under Art 80(2)
      # defeated (rule 311): the determination cites Art 80(2) (a flag from OPTIONAL, as in rule 310)
      OPTIONAL { ?e aia:reliesOnCondition ?relied . ?s aia:foundHighRiskByAuthority true . BIND(true AS ?authorityFlag) }
      BIND(BOUND(?authorityFlag) AS ?authorityFinding)
      # an Art 6(3) condition relied on in the change that rule 311 did not apply, because the
      # system profiles natural persons or whether it does is not given (Art 6(3) third
      # subparagraph): the determination says so, as rule 310 does for a condition stated on the
      # system (an outside check found the claim dropped without a word)
      OPTIONAL { ?e aia:reliesOnCondition ?reliedOn . BIND(true AS ?reliedFlag) }
      OPTIONAL { ?e aia:performsProfiling true . BIND(true AS ?changeProfiles) }
      OPTIONAL { ?s aia:performsProfiling true . BIND(true AS ?systemProfiles) }
      OPTIONAL { ?s aia:engagesIn ?profilingPractice . ?profilingPractice aia:basedSolelyOnProfiling true . BIND(true AS ?practiceProfiles) }
      OPTIONAL { ?e aia:newIntendedPurpose ?profilingUseCase . ?profilingUseCase aia:useCaseIsProfiling true . BIND(true AS ?purposeProfiles) }
      OPTIONAL { ?e aia:performsProfiling false . BIND(true AS ?saysNoProfiling) }
      BIND(BOUND(?changeProfiles) || BOUND(?systemProfiles) || BOUND(?practiceProfiles) || BOUND(?purposeProfiles) AS ?profiles)
      BIND(BOUND(?reliedFlag) && !?authorityFinding && ?profiles AS ?conditionDefeated)
      BIND(BOUND(?reliedFlag) && !?authorityFinding && !?profiles && !BOUND(?saysNoProfiling) AS ?profilingNotGiven)
    }
  }
  # every Annex III use case of the new purpose, in order, for the one outcome per event (an
  # ordered subquery: one explanation, whatever the number of purposes or their order)
  {
    SELECT ?s ?e (GROUP_CONCAT(?citation; separator=" and ") AS ?useCaseCitations) WHERE {
      {
        SELECT DISTINCT ?s ?e ?citation WHERE {
          ?s aia:purposeChangeInEffect ?e . ?e aia:newIntendedPurpose ?anyUseCase .
          ?anyUseCase a aia:HighRiskUseCase ; aia:citation ?citation .
          # not point 1(a) where it leaves out the system's biometric verification (as above)
          FILTER NOT EXISTS { ?s aia:useCaseLeftOut ?anyUseCase }
        } ORDER BY ?s ?e ?citation
      }
    } GROUP BY ?s ?e
  }
  ?useCase aia:citation ?useCaseCitation ; aia:sourceProvision ?useCaseProvision .
  FILTER(STRSTARTS(STR(?useCaseProvision), CONCAT(STR(aiap:), "anx_III")))
  aiap:art_6.par_2 eli:date_applicability ?applies .
  # high-risk, and its operator the provider, from the change (never before Art 6(2) applies)
  BIND(IF(?date > ?applies, ?date, ?applies) AS ?fromChange)
  # the change of provider takes effect no earlier than Art 6(2) applies under the run's law
  # version: rule 702 moves the high-risk determination to an amendment's date later, with its
  # explanation and dependence; the switch reads that date now (as in the operation of points
  # (a) and (b) below), so that the initial provider keeps its duties until then
  {
    SELECT (MAX(?art62Candidate) AS ?art62From) WHERE {
      {
        aiap:art_6.par_2 eli:date_applicability ?art62Candidate .
      } UNION {
        aiaa:run aia:lawVersion ?art62Law .
        ?art62Law aia:includesAmendment ?art62MovedBy .
        ?art62Change a aia:ProvisionChange ; aia:amendedBy ?art62MovedBy ; aia:appliedInAssessment true ;
                     aia:affectsProvision ?art62Affected ; aia:newDate ?art62Candidate .
        VALUES ?art62Affected { aiap:art_6.par_2 <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_c> }
        FILTER NOT EXISTS { ?art62Change aia:onlyPlacedBefore ?art62Cutoff }
      }
    }
  }
  BIND(IF(?date > ?art62From, ?date, ?art62From) AS ?switchFrom)
  BIND(IF(?authorityFinding, aiap:art_80.par_2,
          IF(?conditionDefeated || ?profilingNotGiven, <https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_3.sub_3>, ?unbound)) AS ?authorityBasis)
  BIND(CONCAT("On ", STR(?date), " the intended purpose was changed to ", STR(?useCaseCitation),
              "; the system has become high-risk under Art 6(2) (Art 25(1)(c)), applicable from ", STR(?fromChange),
              IF(?authorityFinding, ", and the market surveillance authority has found under Art 80 that it is high-risk, although the operator relies on an Art 6(3) condition for the new purpose",
              IF(?conditionDefeated, ", and, since the system profiles natural persons, the Art 6(3) condition the operator relies on for the new purpose does not apply (Art 6(3) third subparagraph)",
              IF(?profilingNotGiven, ", and, since whether the system profiles natural persons is not given for the change (a statement on the system is not read for a new purpose), profiling is not ruled out and the Art 6(3) condition the operator relies on for the new purpose is not applied (Art 6(3) third subparagraph: a system that profiles is always high-risk)", ""))),
              ".") AS ?hrExplanation)
  # the initial provider that clearly specified that its system is not to be changed into a
  # high-risk one owes no cooperation (Art 25(2), second sentence; rule 800 exempts it from the
  # duty): the outcome says so rather than "must cooperate" (an outside check found the two
  # side by side)
  OPTIONAL { ?s aia:initialProviderExcludedHighRiskUse true . BIND(true AS ?excludedFlag) }
  BIND(CONCAT("On ", STR(?date), " an operator changed the intended purpose of a system that was not high-risk to ", STR(?useCaseCitations),
              ", making it high-risk; from ", STR(?switchFrom), " that operator is considered its provider (Art 25(1)(c)) and the initial provider is no longer its provider",
              IF(BOUND(?excludedFlag),
                 "; as it clearly specified that the system is not to be changed into a high-risk AI system, its duty to cooperate and hand over documentation does not apply (Art 25(2), second sentence).",
                 " but must cooperate (Art 25(2)).")) AS ?explanation)
  # keyed by the system (an IRI), the event's date and concepts, never by the event node, which
  # may be a blank node (its IRI depends on how the description is written)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-25-value-chain|high-risk|", STR(?date), "|", STR(?useCase))))) AS ?hr)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-25-value-chain|purpose-change|", STR(?date))))) AS ?d)
} ;

# (c) by a provider of the system itself: nothing is transferred (no new provider, no duty of
# Art 25(1)(c)); the system, whose intended purpose is now an Annex III use case, is high-risk
# under Art 6(2) in the hands of the provider it already has.
INSERT {
  ?hr a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-high-risk ;
    aia:route aiac:route-art-6-2 ;
    aia:byRule aiar:art-25-value-chain ;
    aia:legalBasis aiap:art_6.par_2 , ?useCaseProvision , ?authorityBasis ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue ?useCase ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:byOperator ; aia:premiseValue ?x ] ;
    aia:appliesFromDate ?fromChange ;
    aia:explanation ?hrExplanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?e ?x ?date ?useCase ?authorityFinding ?conditionDefeated ?profilingNotGiven WHERE {
      ?s a aia:AISystem ; aia:purposeChangeInEffect ?e .
      ?e aia:byOperator ?x ; aia:eventDate ?date ; aia:newIntendedPurpose ?useCase .
      ?useCase a aia:HighRiskUseCase .
      ?s aia:hasProvider ?x .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
      FILTER NOT EXISTS { ?already aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk }
      FILTER NOT EXISTS { ?derogation aia:determinationOf ?s ; aia:byRule aiar:art-6-3-derogation ; aia:premise ?onEvent . ?onEvent aia:premiseSubject ?e }
      # Annex III point 1(a) leaves out biometric verification whose sole purpose is to confirm
      # a claimed identity: a new purpose of point 1(a) is not a use case of such a system
      # (rule annex-iii-1a-verification; Art 3(36))
      FILTER NOT EXISTS { ?s aia:useCaseLeftOut ?useCase }
      # an Art 6(3) condition relied on in the change that an authority's finding under Art 80(2)
      # defeated (rule 311): the determination cites Art 80(2) (a flag from OPTIONAL, as in rule 310)
      OPTIONAL { ?e aia:reliesOnCondition ?relied . ?s aia:foundHighRiskByAuthority true . BIND(true AS ?authorityFlag) }
      BIND(BOUND(?authorityFlag) AS ?authorityFinding)
      # an Art 6(3) condition relied on in the change that rule 311 did not apply, because the
      # system profiles natural persons or whether it does is not given (Art 6(3) third
      # subparagraph): the determination says so, as rule 310 does for a condition stated on the
      # system (an outside check found the claim dropped without a word)
      OPTIONAL { ?e aia:reliesOnCondition ?reliedOn . BIND(true AS ?reliedFlag) }
      OPTIONAL { ?e aia:performsProfiling true . BIND(true AS ?changeProfiles) }
      OPTIONAL { ?s aia:performsProfiling true . BIND(true AS ?systemProfiles) }
      OPTIONAL { ?s aia:engagesIn ?profilingPractice . ?profilingPractice aia:basedSolelyOnProfiling true . BIND(true AS ?practiceProfiles) }
      OPTIONAL { ?e aia:newIntendedPurpose ?profilingUseCase . ?profilingUseCase aia:useCaseIsProfiling true . BIND(true AS ?purposeProfiles) }
      OPTIONAL { ?e aia:performsProfiling false . BIND(true AS ?saysNoProfiling) }
      BIND(BOUND(?changeProfiles) || BOUND(?systemProfiles) || BOUND(?practiceProfiles) || BOUND(?purposeProfiles) AS ?profiles)
      BIND(BOUND(?reliedFlag) && !?authorityFinding && ?profiles AS ?conditionDefeated)
      BIND(BOUND(?reliedFlag) && !?authorityFinding && !?profiles && !BOUND(?saysNoProfiling) AS ?profilingNotGiven)
    }
  }
  ?useCase aia:citation ?useCaseCitation ; aia:sourceProvision ?useCaseProvision .
  FILTER(STRSTARTS(STR(?useCaseProvision), CONCAT(STR(aiap:), "anx_III")))
  aiap:art_6.par_2 eli:date_applicability ?applies .
  BIND(IF(?date > ?applies, ?date, ?applies) AS ?fromChange)
  BIND(IF(?authorityFinding, aiap:art_80.par_2,
          IF(?conditionDefeated || ?profilingNotGiven, <https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_3.sub_3>, ?unbound)) AS ?authorityBasis)
  BIND(CONCAT("On ", STR(?date), " its provider changed the intended purpose to ", STR(?useCaseCitation),
              "; the system has become high-risk under Art 6(2)",
              IF(?authorityFinding, ", and the market surveillance authority has found under Art 80 that it is high-risk, although the provider relies on an Art 6(3) condition for the new purpose",
              IF(?conditionDefeated, ", and, since the system profiles natural persons, the Art 6(3) condition the provider relies on for the new purpose does not apply (Art 6(3) third subparagraph)",
              IF(?profilingNotGiven, ", and, since whether the system profiles natural persons is not given for the change (a statement on the system is not read for a new purpose), profiling is not ruled out and the Art 6(3) condition the provider relies on for the new purpose is not applied (Art 6(3) third subparagraph: a system that profiles is always high-risk)", ""))),
              ". The provider stays its provider: Art 25(1)(c) concerns other operators.") AS ?hrExplanation)
  # the key of the operation above: one high-risk determination per system, date and use case
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-25-value-chain|high-risk|", STR(?date), "|", STR(?useCase))))) AS ?hr)
} ;

# The authority's finding is a premise of the high-risk determinations it decided (those citing
# Art 80(2) above; as rule 310 does for a condition stated on the system).
INSERT {
  ?hr aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:foundHighRiskByAuthority ; aia:premiseValue true ] .
}
WHERE {
  {
    SELECT DISTINCT ?hr ?s WHERE {
      ?hr aia:byRule aiar:art-25-value-chain ; aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ;
          aia:legalBasis aiap:art_80.par_2 .
    }
  }
} ;

# (a) rebranding and (b) substantial modification of a high-risk system.
# A system placed on the market or put into service before the date of Art 111(2) (rule 011's
# day) with no substantial modification or change of intended purpose dated from that date up to
# the as-of date, and no component of an Annex X system (Art 111(1)), is a legacy system the
# Regulation does not apply to yet (aia:legacyUnchanged): Art 25 does not apply to its
# operators, so a rebranding (no significant change) makes no operator its provider (the next
# operation; an outside check found a distributor made the provider of such a system, and the
# initial provider's Art 4 duty gone).
INSERT { ?s aia:legacyUnchanged true }
WHERE {
  ?s aia:hasValueChainEvent ?event . ?event a ?eventKind .
  VALUES ?eventKind { aia:Rebranding aia:SubstantialModification }
  aiac:transition-art-111-2 aia:placedBefore ?cutoff .
  aiaa:run aia:asOf ?asOf .
  ?s aia:placedNoLaterThan ?placed .
  FILTER(?placed < ?cutoff)
  FILTER NOT EXISTS { ?s aia:componentOfLargeScaleITSystem ?largeScaleSystem }
  FILTER NOT EXISTS {
    ?s aia:hasValueChainEvent ?change .
    ?change a ?changeKind ; aia:eventDate ?changedOn .
    FILTER(?changeKind IN (aia:SubstantialModification, aia:IntendedPurposeChange))
    FILTER(?changedOn >= ?cutoff && ?changedOn <= ?asOf)
  }
} ;

INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-new-provider-art-25 ;
    aia:byRule aiar:art-25-value-chain ;
    aia:legalBasis ?point , aiap:art_25.par_2 ;
    aia:appliesFromDate ?fromEvent ;
    aia:premise ?hr ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasValueChainEvent ; aia:premiseValue ?e ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:byOperator ; aia:premiseValue ?x ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:eventDate ; aia:premiseValue ?date ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger ?trigger ; ?actorProperty ?x .
}
WHERE {
  {
    # every high-risk determination of the system is a premise (one row each, no arbitrary pick)
    SELECT DISTINCT ?s ?e ?kind ?x ?date (?hr0 AS ?hr) WHERE {
      ?s a aia:AISystem ; aia:hasValueChainEvent ?e .
      ?e a ?kind ; aia:byOperator ?x ; aia:eventDate ?date .
      VALUES ?kind { aia:Rebranding aia:SubstantialModification }
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
      ?hr0 aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
      # high-risk when the operator acted: points (a) and (b) concern "a high-risk AI system
      # already placed on the market or put into service", not one that a change of its
      # intended purpose dated after the event made high-risk (the first operation; an outside
      # check found a distributor's earlier rebranding read as that of a high-risk system once
      # a deployer later changed the purpose, and the initial provider's exclusion defeated)
      FILTER NOT EXISTS {
        ?hr0 aia:byRule aiar:art-25-value-chain ; aia:premise ?madeHighRiskBy .
        ?madeHighRiskBy aia:premiseProperty aia:newIntendedPurpose ; aia:premiseSubject ?laterChange .
        ?laterChange aia:eventDate ?laterChangeOn .
        FILTER(?laterChangeOn > ?date)
      }
      # Art 25(1) concerns a distributor, importer, deployer or other third party: a provider
      # that rebrands or modifies its own system stays its provider (next operation). A provider
      # described is no longer the provider once another operator, none of the system's providers,
      # has rebranded, modified or repurposed it before (Art 25(2)): acting after that, it is a
      # third party and becomes the provider again (an outside check found an initial provider's
      # substantial modification after a distributor's rebranding read as the provider's own,
      # and the new conformity assessment of Art 43(4) put on the distributor). An earlier event
      # by another operator that transferred nothing (of a system not yet high-risk) is read as
      # one that did: the provider is then said to become the provider again from its own event.
      FILTER(!EXISTS { ?s aia:hasProvider ?x }
             || EXISTS {
                  ?s aia:hasValueChainEvent ?before .
                  ?before a ?beforeKind ; aia:byOperator ?beforeBy ; aia:eventDate ?beforeOn .
                  FILTER(?beforeKind IN (aia:Rebranding, aia:SubstantialModification, aia:IntendedPurposeChange))
                  FILTER(?beforeOn < ?date && ?beforeBy != ?x)
                  FILTER NOT EXISTS { ?s aia:hasProvider ?beforeBy }
                })
      # not a legacy system the Regulation does not apply to yet (the previous operation)
      FILTER NOT EXISTS { ?s aia:legacyUnchanged true }
    }
  }
  # the operator is the provider from the event, never before Art 25 applies nor before the
  # system is high-risk in law (the earliest date of its high-risk determinations, e.g. 2 August
  # 2027 for a product of Art 6(1)): points (a) and (b) concern a high-risk AI system. Each
  # determination's date is the one the run's law version gives it: an amendment that moves the
  # provision it rests on (rule 702 moves the determination later; read here as rule 311 reads
  # it), so that the initial provider stays the provider until then (an outside check found, as
  # amended, the initial provider's Art 4 duty gone from the rebranding of October 2026 while the
  # operator's applied only from December 2027)
  {
    SELECT ?s (MIN(?classifiedFrom) AS ?highRiskFrom) WHERE {
      {
        SELECT ?classified ?s (MAX(?classifiedCandidate) AS ?classifiedFrom) WHERE {
          ?classified aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
          {
            ?classified aia:appliesFromDate ?classifiedCandidate .
          } UNION {
            aiaa:run aia:lawVersion ?classifiedLaw .
            ?classifiedLaw aia:includesAmendment ?classifiedMovedBy .
            ?classifiedChange a aia:ProvisionChange ; aia:amendedBy ?classifiedMovedBy ; aia:appliedInAssessment true ;
                              aia:affectsProvision ?classifiedAffected ; aia:newDate ?classifiedCandidate .
            FILTER NOT EXISTS { ?classifiedChange aia:onlyPlacedBefore ?classifiedCutoff }
            ?classified aia:legalBasis ?classifiedAffected .
          }
        } GROUP BY ?classified ?s
      }
    } GROUP BY ?s
  }
  aiap:art_25.par_2 eli:date_applicability ?art25From .
  BIND(IF(?date > ?art25From, ?date, ?art25From) AS ?fromEventOrArt25)
  BIND(IF(?highRiskFrom > ?fromEventOrArt25, ?highRiskFrom, ?fromEventOrArt25) AS ?fromEvent)
  BIND(IF(?kind = aia:Rebranding, <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_a>, <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_b>) AS ?point)
  BIND(IF(?kind = aia:Rebranding, aiac:trigger-rebranding, aiac:trigger-substantial-modification) AS ?trigger)
  BIND(IF(?kind = aia:Rebranding, aia:hasRebrandingOperator, aia:hasModifyingOperator) AS ?actorProperty)
  BIND(IF(?kind = aia:Rebranding,
          "put its name or trademark on the high-risk system (Art 25(1)(a))",
          "made a substantial modification to the high-risk system, which remains high-risk (Art 25(1)(b))") AS ?what)
  BIND(CONCAT("On ", STR(?date), " an operator ", ?what,
              "; from ", STR(?fromEvent), " that operator is considered its provider and the initial provider is no longer its provider but must cooperate (Art 25(2)).") AS ?explanation)
  # keyed by the system, the kind of event and its date, never by the (possibly blank) event node
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-25-value-chain|", STR(?kind), "|", STR(?date))))) AS ?d)
} ;

# A rebranding or substantial modification, by an operator that is not a provider of the
# system, of a system that is not high-risk: points (a) and (b) concern high-risk systems only, so
# nobody becomes the provider under Art 25 and the initial provider keeps its duties. Said in an
# outcome so that the stated event is not silently ignored (an outside check found a distributor's
# rebranding of a chatbot accepted with no word); whether the operator is a provider by Art 3(3)
# (placing under its own name) is for the description to state with aia:hasProvider.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-value-chain-event-not-high-risk ;
    aia:byRule aiar:art-25-value-chain ;
    aia:legalBasis ?point , aiap:art_3.pnt_3 ;
    aia:appliesFromDate ?from ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasValueChainEvent ; aia:premiseValue ?e ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:byOperator ; aia:premiseValue ?x ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:eventDate ; aia:premiseValue ?date ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:hasValueChainEvent ?e .
  ?e a ?kind ; aia:byOperator ?x ; aia:eventDate ?date .
  VALUES ?kind { aia:Rebranding aia:SubstantialModification }
  aiaa:run aia:asOf ?asOf .
  FILTER(?date <= ?asOf)
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?s aia:hasProvider ?x }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  # not high-risk when the operator acted: a high-risk determination that only a change of
  # intended purpose dated after the event made does not count (as in the operation of points
  # (a) and (b) above; an outside check found the notice gone once a later change made the
  # system high-risk)
  FILTER NOT EXISTS {
    ?hr aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
    FILTER NOT EXISTS {
      ?hr aia:byRule aiar:art-25-value-chain ; aia:premise ?madeHighRiskBy .
      ?madeHighRiskBy aia:premiseProperty aia:newIntendedPurpose ; aia:premiseSubject ?laterChange .
      ?laterChange aia:eventDate ?laterChangeOn .
      FILTER(?laterChangeOn > ?date)
    }
  }
  aiap:art_25.par_2 eli:date_applicability ?art25From .
  BIND(IF(?date > ?art25From, ?date, ?art25From) AS ?from)
  BIND(IF(?kind = aia:Rebranding, <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_a>, <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_b>) AS ?point)
  BIND(CONCAT("On ", STR(?date), " an operator that is not its provider ",
              IF(?kind = aia:Rebranding, "put its name or trademark on the system", "substantially modified the system"),
              ", but the system was not high-risk then: Art 25(1)(a) and (b) concern high-risk AI systems only, so the operator does not become its provider under Art 25 by this event. ",
              "An operator that places the system on the market or puts it into service under its own name or trademark may still be a provider by the definition of Art 3(3); state it with aia:hasProvider if so.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-25-value-chain|not-high-risk|", STR(?kind), "|", STR(?date), "|", STR(?x))))) AS ?d)
} ;

# A substantial modification by a provider of the system itself makes no one else its provider,
# but the system, already assessed, must undergo a new conformity assessment (Art 43(4)): the
# subject satisfies the modification's trigger. (Before the next operation adds the operators
# that Art 25 makes providers, so only the providers described or derived before are read.)
INSERT { ?s aia:satisfiesTrigger aiac:trigger-substantial-modification }
WHERE {
  ?s a aia:AISystem ; aia:hasValueChainEvent ?e .
  ?e a aia:SubstantialModification ; aia:byOperator ?x ; aia:eventDate ?date .
  ?s aia:hasProvider ?x .
  aiaa:run aia:asOf ?asOf .
  FILTER(?date <= ?asOf)
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  # high-risk when modified (as above): not only through a later change of its purpose
  FILTER EXISTS {
    ?hr aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
    FILTER NOT EXISTS {
      ?hr aia:byRule aiar:art-25-value-chain ; aia:premise ?madeHighRiskBy .
      ?madeHighRiskBy aia:premiseProperty aia:newIntendedPurpose ; aia:premiseSubject ?laterChange .
      ?laterChange aia:eventDate ?laterChangeOn .
      FILTER(?laterChangeOn > ?date)
    }
  }
} ;

# Every such operator is added as provider; then every provider except the operator of the
# latest event is a former provider (Art 25(2)).
# The change of provider takes effect when Art 25 applies to the event (the outcome's date: the
# event, or 2 August 2026 if later), not before: until then the initial provider is still the
# provider (Art 3(3)) and keeps its duties (an outside check found the initial provider's Art 4
# duty gone, and the operator's dated from the event, for a rebranding of May 2026 whose outcome
# said it applied from August 2026).
INSERT { ?s aia:hasProvider ?x }
WHERE {
  ?d aia:determinationOf ?s ; aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:outcome-new-provider-art-25 ;
     aia:premise ?p ; aia:appliesFromDate ?switchedOn .
  ?p aia:premiseProperty aia:byOperator ; aia:premiseValue ?x .
  aiaa:run aia:asOf ?asOf .
  FILTER(?switchedOn <= ?asOf)
} ;
INSERT { ?s aia:hasFormerProvider ?old }
WHERE {
  # the latest event's date (a sub-select, not FILTER NOT EXISTS over a later event: the embedded
  # engine evaluates an EXISTS pattern from its constants, every event of the batch, once per row)
  {
    SELECT ?s (MAX(?eventDate) AS ?date) WHERE {
      ?event aia:determinationOf ?s ; aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:outcome-new-provider-art-25 ;
             aia:premise ?eventDatePremise ; aia:appliesFromDate ?eventSwitchedOn .
      ?eventDatePremise aia:premiseProperty aia:eventDate ; aia:premiseValue ?eventDate .
      aiaa:run aia:asOf ?eventAsOf .
      FILTER(?eventSwitchedOn <= ?eventAsOf)
    } GROUP BY ?s
  }
  ?s aia:hasProvider ?old .
  # every provider but the operators of that day's events: two operators that put their names on
  # the system on the same day are both its providers from then (an outside check found each
  # made the other a former provider, leaving the system with none); MINUS over the events of
  # the run, compatible on the system, the operator and the day
  MINUS {
    ?current aia:determinationOf ?s ; aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:outcome-new-provider-art-25 ;
             aia:premise ?currentBy , ?currentOn ; aia:appliesFromDate ?currentSwitchedOn .
    ?currentBy aia:premiseProperty aia:byOperator ; aia:premiseValue ?old .
    ?currentOn aia:premiseProperty aia:eventDate ; aia:premiseValue ?date .
    aiaa:run aia:asOf ?currentAsOf .
    FILTER(?currentSwitchedOn <= ?currentAsOf)
  }
}

 ;

# An event that has taken place but changes the provider only from a later day (the outcome's
# date after the as-of date: the day Art 25 applies, or, as amended, the day the system's
# high-risk classification applies): the operators of the latest such event will be the
# providers from then (aia:hasIncomingProvider), and the providers they replace will then be
# former providers (aia:hasOutgoingProvider). Rule 810 lists the duties each will bear from
# that day (the provider's for the first, Art 25(2) for the second) and rule 820 dates them and
# removes the outgoing provider's duties that would apply only from it (an outside check found
# the initial provider listed with every high-risk duty of December 2027, none for the operator
# that will bear them).
INSERT { ?s aia:hasIncomingProvider ?x }
WHERE {
  {
    SELECT ?s (MAX(?pendingEventDate) AS ?date) WHERE {
      ?pending aia:determinationOf ?s ; aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:outcome-new-provider-art-25 ;
               aia:premise ?pendingDatePremise ; aia:appliesFromDate ?pendingSwitchOn .
      ?pendingDatePremise aia:premiseProperty aia:eventDate ; aia:premiseValue ?pendingEventDate .
      aiaa:run aia:asOf ?pendingAsOf .
      FILTER(?pendingSwitchOn > ?pendingAsOf)
    } GROUP BY ?s
  }
  ?d aia:determinationOf ?s ; aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:outcome-new-provider-art-25 ;
     aia:premise ?byPremise , ?datePremise ; aia:appliesFromDate ?switchOn .
  ?byPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?x .
  ?datePremise aia:premiseProperty aia:eventDate ; aia:premiseValue ?date .
  aiaa:run aia:asOf ?asOf .
  FILTER(?switchOn > ?asOf)
  # an operator that is the provider already stays it (its own rebranding transfers nothing)
  FILTER NOT EXISTS { ?s aia:hasProvider ?x . FILTER NOT EXISTS { ?s aia:hasFormerProvider ?x } }
} ;
# (the operator of an earlier pending event becomes the provider on the same day and is replaced
# by the latest one's: an outgoing provider too)
INSERT { ?s aia:hasOutgoingProvider ?old }
WHERE {
  ?s aia:hasIncomingProvider ?incoming .
  {
    ?s aia:hasProvider ?old .
    FILTER NOT EXISTS { ?s aia:hasFormerProvider ?old }
  } UNION {
    ?earlier aia:determinationOf ?s ; aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:outcome-new-provider-art-25 ;
             aia:premise ?earlierBy ; aia:appliesFromDate ?earlierSwitchOn .
    ?earlierBy aia:premiseProperty aia:byOperator ; aia:premiseValue ?old .
    aiaa:run aia:asOf ?earlierAsOf .
    FILTER(?earlierSwitchOn > ?earlierAsOf)
  }
  FILTER NOT EXISTS { ?s aia:hasIncomingProvider ?old }
}
