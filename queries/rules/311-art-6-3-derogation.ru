# Rule: art-6-3-derogation
# Label: Not high-risk under Art 6(3): the provider relies on a derogation condition and the system does not profile
# Provisions: aiap:art_6.par_3 aiap:art_6.par_3.sub_2 aiap:art_6.par_4 aiap:art_49.par_2 aiap:art_25.par_1.pnt_c aiap:anx_III aiap:art_3.pnt_3
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot.
# An Annex III system is not considered high-risk where its provider relies on one of the
# conditions of Art 6(3) second subparagraph (aia:reliesOnCondition aiac:art-6-3-a ... -d) and
# the system does not profile natural persons (aia:performsProfiling false; never for a use case
# that is itself profiling, Annex III point 6(e): aia:useCaseIsProfiling, nor for a system engaging
# in a practice based solely on profiling, aia:basedSolelyOnProfiling), unless a market
# surveillance authority has found it high-risk under Art 80(2) (rule art-6-2-annex-iii). One outcome per
# condition relied on, with the condition as conclusion. The subject satisfies the trigger
# aiac:trigger-non-high-risk-conclusion, so that the duties to document the assessment
# (Art 6(4)) and to register (Art 49(2)) follow, unless it was placed on the market or put into
# service before they applied (Art 113): they are duties to act before placing; nor for a system
# high-risk under Art 6(1) (rule 300) on the as-of date, from which Art 6(3) does not derogate:
# the outcome then says that the system stays high-risk (before Art 6(1) applies to it, the
# duties arise and the outcome says until when the derogation holds). The explanation gives the date the assessment was
# documented (aia:derogationAssessmentDocumentedOn) or says that none was given and that the
# assessment is taken as not yet documented.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?condition ;
    aia:byRule aiar:art-6-3-derogation ;
    aia:legalBasis aiap:art_6.par_3 , ?conditionProvision , ?useCaseProvision ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue ?useCase ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:reliesOnCondition ; aia:premiseValue ?condition ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:performsProfiling ; aia:premiseValue false ] ;
    aia:explanation ?explanation ; aia:dependsOnAmendment ?amendment , ?dutiesAmendment ;
    prov:wasGeneratedBy aiaa:run .
  ?concluding aia:satisfiesTrigger aiac:trigger-non-high-risk-conclusion .
}
WHERE {
  {
    SELECT DISTINCT ?s ?useCase ?condition WHERE {
      ?s a aia:AISystem ; aia:intendedPurpose ?useCase ; aia:reliesOnCondition ?condition ; aia:performsProfiling false .
      ?useCase a aia:HighRiskUseCase .
      ?condition a aia:HighRiskDerogationCondition .
      FILTER(isIRI(?s))
      # an authority's finding under Art 80(2) that the system is high-risk defeats the condition
      FILTER NOT EXISTS { ?s aia:foundHighRiskByAuthority true }
      # a use case that is itself profiling (Annex III point 6(e)) is always high-risk, whatever
      # aia:performsProfiling says (Art 6(3), third subparagraph; the shapes warn)
      FILTER NOT EXISTS { ?s aia:intendedPurpose ?profilingUseCase . ?profilingUseCase aia:useCaseIsProfiling true }
      # nor does a system one of whose practices is based solely on profiling (a crime-risk
      # prediction Art 5(1)(d) excepts as support of a human assessment): it profiles, whatever
      # aia:performsProfiling says (an outside check found the derogation applied; the shapes warn)
      FILTER NOT EXISTS { ?s aia:engagesIn ?profilingPractice . ?profilingPractice aia:basedSolelyOnProfiling true }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
    }
  }
  ?condition aia:sourceProvision ?conditionProvision ; aia:citation ?conditionCitation ; rdfs:label ?conditionLabel .
  FILTER(LANG(?conditionLabel) = "en")
  ?useCase aia:citation ?useCaseCitation ; aia:sourceProvision ?useCaseProvision .
  FILTER(STRSTARTS(STR(?useCaseProvision), CONCAT(STR(aiap:), "anx_III")))
  # the date of the documented assessment against the as-of date and the earliest placing or
  # putting into service (Art 6(4): "before that system is placed on the market or put into
  # service")
  OPTIONAL { ?s aia:derogationAssessmentDocumentedOn ?documented }
  # (rule 011: without a stated date, the earliest value-chain event bounds the placing)
  OPTIONAL { ?s aia:placedNoLaterThan ?placed }
  OPTIONAL {
    SELECT DISTINCT ?s (true AS ?placedByEvent) WHERE {
      ?s aia:placedNoLaterThan ?bound .
      FILTER NOT EXISTS { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?statedPlacing }
    }
  }
  BIND(IF(BOUND(?placedByEvent), "on or before ", "on ") AS ?placedOnText)
  BIND(IF(BOUND(?placedByEvent), " (no date of placing is given, but a value-chain event of that day concerns a system already placed on the market or put into service, Art 25(1), Art 3(23))", "") AS ?placedWhyText)
  aiaa:run aia:asOf ?asOf .
  # the duties to document and register arise "before" placing on the market or putting into
  # service, from the day Art 6(4) applies (Art 113): a system placed before then never had them,
  # as a high-risk one placed before then falls under Art 111(2) (rule 350). An amendment of the
  # run's law version that moves the duties (data/law/law-versions.ttl) moves neither that day
  # nor Art 111(2): a system placed between the published day and the amended one has the duties
  # from the amended day (rule 820), as a high-risk one placed then has its own, so they are met
  # by that day, the placing being past (an outside check found a system placed in 2026 told to
  # document its assessment "before placing" by a duty dated 2 December 2027)
  aiap:art_6.par_4 eli:date_applicability ?dutiesFrom .
  BIND(BOUND(?placed) && ?placed < ?dutiesFrom AS ?placedBeforeDuties)
  OPTIONAL {
    SELECT (MAX(?movedTo) AS ?amendedDutiesFrom) (SAMPLE(?movingAmendment) AS ?dutiesMovedBy) WHERE {
      aiaa:run aia:lawVersion ?dutiesLaw .
      ?dutiesLaw aia:includesAmendment ?movingAmendment .
      ?move a aia:AmendedApplicability ; aia:amendedBy ?movingAmendment ;
            aia:affectsProvision aiap:art_6.par_4 ; aia:newDate ?movedTo .
      FILTER NOT EXISTS { ?move aia:onlyPlacedBefore ?moveCutoff }
    }
  }
  BIND(!?placedBeforeDuties && BOUND(?placed) && BOUND(?amendedDutiesFrom) && ?placed < ?amendedDutiesFrom AS ?placedBeforeMovedDuties)
  BIND(IF(?placedBeforeMovedDuties, ?dutiesMovedBy, ?unbound) AS ?dutiesAmendment)
  # Art 6(3) derogates from Art 6(2) only: a system high-risk under Art 6(1) (rule 300) stays
  # high-risk, so its provider cannot conclude that it is not (no Art 6(4) or 49(2) duty), from
  # the day Art 6(1) applies to it (Art 113(c), or the date an amendment of the run's law version
  # sets, as rule 702 will date the determination): until then the system is an Annex III system
  # only, and the duties to document and register arise
  OPTIONAL {
    SELECT ?s (MIN(?annexIDate) AS ?annexIFrom) (SAMPLE(?movedBy) AS ?annexIAmendment) WHERE {
      ?annexI aia:determinationOf ?s ; aia:byRule aiar:art-6-1-annex-i ; aia:conclusion aiac:category-high-risk ;
              aia:appliesFromDate ?annexIOwnDate .
      OPTIONAL {
        aiaa:run aia:lawVersion ?law .
        ?law aia:includesAmendment ?movedBy .
        ?change a aia:ProvisionChange ; aia:amendedBy ?movedBy ; aia:appliedInAssessment true ;
                aia:affectsProvision ?affected ; aia:newDate ?annexINewDate .
        ?annexI aia:legalBasis ?affected .
        FILTER(?annexINewDate > ?annexIOwnDate)
        FILTER NOT EXISTS { ?change aia:onlyPlacedBefore ?cutoff }
      }
      BIND(COALESCE(?annexINewDate, ?annexIOwnDate) AS ?annexIDate)
    } GROUP BY ?s
  }
  BIND(BOUND(?annexIFrom) && ?annexIFrom <= ?asOf AS ?annexIHighRisk)
  BIND(BOUND(?annexIFrom) && ?annexIFrom > ?asOf AS ?annexILater)
  BIND(IF(?annexILater, ?annexIAmendment, ?unbound) AS ?amendment)
  BIND(IF(?placedBeforeDuties || ?annexIHighRisk, ?unbound, ?s) AS ?concluding)
  BIND(BOUND(?documented) && ?documented <= ?asOf AS ?documentedByAsOf)
  BIND(IF(?placedBeforeMovedDuties && !(?documentedByAsOf && ?documented <= ?placed),
          CONCAT(IF(?documentedByAsOf, CONCAT("The provider documented this assessment on ", STR(?documented)),
                    IF(BOUND(?documented), CONCAT("The assessment is dated ", STR(?documented), ", after the as-of date, so it is taken as not yet documented"),
                       "No date of a documented assessment is given, so it is taken as not yet documented")),
                 "; the system was placed on the market or put into service ", ?placedOnText, STR(?placed), ?placedWhyText,
                 ", before the duties to document that assessment and to register the system apply to it under the amended law (", STR(?amendedDutiesFrom),
                 ", Art 113 as amended): ",
                 IF(?documentedByAsOf && ?documented <= ?amendedDutiesFrom, "it is documented in time (Art 6(4))",
                    IF(?documentedByAsOf || ?amendedDutiesFrom < ?asOf, "the provider had to document it by then (Art 6(4))", "the provider must document it by then (Art 6(4))"))),
  IF(!BOUND(?documented) || ?documented > ?asOf,
          CONCAT(IF(BOUND(?documented), CONCAT("The assessment is dated ", STR(?documented), ", after the as-of date, so it is taken as not yet documented"),
                    "No date of a documented assessment is given, so it is taken as not yet documented"),
                 # (a system placed on or before the as-of date: the day has passed)
                 IF(BOUND(?placed) && ?placed <= ?asOf,
                    CONCAT(": the system was placed on the market or put into service ", ?placedOnText, STR(?placed), ?placedWhyText, ", and the provider had to document it before (Art 6(4))"),
                    ": the provider must document it before placing the system on the market (Art 6(4))")),
          IF(BOUND(?placed) && ?documented > ?placed,
             CONCAT("The provider documented this assessment on ", STR(?documented), ", after the system was placed on the market or put into service ", ?placedOnText, STR(?placed), ?placedWhyText,
                    ", but had to document it before (Art 6(4))"),
             CONCAT("The provider documented this assessment on ", STR(?documented), "; it must be documented before the system is placed on the market (Art 6(4))")))) AS ?documentedText)
  BIND(CONCAT("The intended purpose is ", STR(?useCaseCitation), ", but the provider relies on ", STR(?conditionCitation),
              " (", LCASE(SUBSTR(STR(?conditionLabel), 1, 1)), SUBSTR(STR(?conditionLabel), 2), ") and the system does not profile natural persons; ",
              IF(?annexIHighRisk,
                 "the purpose does not make it high-risk under Art 6(2) (Art 6(3)), but Art 6(3) derogates from Art 6(2) only: the system is high-risk under Art 6(1), so its provider cannot conclude that it is not high-risk, and the duties to document that conclusion and to register the system as not high-risk (Art 6(4), Art 49(2)) do not arise.",
              CONCAT(IF(?annexILater,
                        CONCAT("it is not considered high-risk under Art 6(2) (Art 6(3)) until Art 6(1) applies to it on ", STR(?annexIFrom),
                               ": Art 6(3) derogates from Art 6(2) only, and from then the system is high-risk under Art 6(1). "),
                        "it is not considered high-risk (Art 6(3)). "),
              IF(?placedBeforeDuties,
                 CONCAT("The system was placed on the market or put into service ", ?placedOnText, STR(?placed), ?placedWhyText, ", before Art 6(4) and Art 49(2) applied (", STR(?dutiesFrom),
                        ", Art 113): their duties to document the assessment and to register the system before placing did not arise for it."),
                 CONCAT(?documentedText, ". The system must also be registered (Art 49(2))."))))) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-6-3-derogation|", STR(?useCase), "|", STR(?condition))))) AS ?d)
}
;
# After a change of intended purpose (Art 25(1)(c)) the new purpose is what is assessed, and the
# operator that changed it makes the assessment: where the new purpose is an Annex III use case
# and the event states an Art 6(3) condition (aia:reliesOnCondition) with no profiling
# (aia:performsProfiling false on the event), the system is not considered high-risk (so Art
# 25(1)(c) does not make the operator the provider of a high-risk system, rule 320). The
# operator, which puts the system into service for the new purpose, is the provider for it
# (Art 3(3)) and bears the duties to document the assessment (Art 6(4)) and to register
# (Art 49(2)); the earlier providers are no longer providers of the system so repurposed. Not
# where a market surveillance authority has found the system high-risk (aia:foundHighRiskByAuthority
# true, Art 80(2)): as for a condition stated on the system, the finding defeats the condition
# relied on in the change (an outside check found the derogation kept and the system minimal),
# and rule 320 draws the high-risk determination from the new purpose, citing Art 80(2).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?condition ;
    aia:byRule aiar:art-6-3-derogation ;
    aia:legalBasis aiap:art_6.par_3 , ?conditionProvision , ?useCaseProvision , <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_c> , aiap:art_6.par_4 , aiap:art_3.pnt_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:newIntendedPurpose ; aia:premiseValue ?useCase ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:reliesOnCondition ; aia:premiseValue ?condition ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:performsProfiling ; aia:premiseValue false ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:byOperator ; aia:premiseValue ?x ] ,
                [ a aia:Premise ; aia:premiseSubject ?e ; aia:premiseProperty aia:eventDate ; aia:premiseValue ?date ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:trigger-non-high-risk-conclusion .
  ?s aia:hasProvider ?x .
}
WHERE {
  {
    SELECT DISTINCT ?s ?e ?x ?date ?useCase ?condition WHERE {
      ?s a aia:AISystem ; aia:purposeChangeInEffect ?e .
      ?e aia:byOperator ?x ; aia:eventDate ?date ; aia:newIntendedPurpose ?useCase ;
         aia:reliesOnCondition ?condition ; aia:performsProfiling false .
      FILTER NOT EXISTS { ?e aia:performsProfiling true }
      # a system stated to profile natural persons is always high-risk for an Annex III use
      # (Art 6(3), last subparagraph), whatever the change says (an outside check found the
      # derogation kept for one)
      FILTER NOT EXISTS { ?s aia:performsProfiling true }
      FILTER NOT EXISTS { ?s aia:engagesIn ?profilingPractice . ?profilingPractice aia:basedSolelyOnProfiling true }
      ?useCase a aia:HighRiskUseCase .
      FILTER NOT EXISTS { ?e aia:newIntendedPurpose ?profilingUseCase . ?profilingUseCase aia:useCaseIsProfiling true }
      ?condition a aia:HighRiskDerogationCondition .
      FILTER(isIRI(?s))
      # an authority's finding under Art 80(2) that the system is high-risk defeats the condition
      # relied on for the new purpose too (as in the operation above): rule 320 then makes the
      # system high-risk under Art 25(1)(c)
      FILTER NOT EXISTS { ?s aia:foundHighRiskByAuthority true }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
      FILTER NOT EXISTS { ?already aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk }
    }
  }
  ?condition aia:sourceProvision ?conditionProvision ; aia:citation ?conditionCitation ; rdfs:label ?conditionLabel .
  FILTER(LANG(?conditionLabel) = "en")
  ?useCase aia:citation ?useCaseCitation ; aia:sourceProvision ?useCaseProvision .
  FILTER(STRSTARTS(STR(?useCaseProvision), CONCAT(STR(aiap:), "anx_III")))
  # the date of the documented assessment against the as-of date and the change, the day the
  # operator puts the system into service for the new purpose (Art 6(4): "before"), as the first
  # operation compares it with the placing (an outside check found a late date reported as timely)
  OPTIONAL { ?e aia:derogationAssessmentDocumentedOn ?documented }
  aiaa:run aia:asOf ?asOf .
  BIND(IF(!BOUND(?documented) || ?documented > ?asOf,
          IF(BOUND(?documented),
             CONCAT("; the assessment is dated ", STR(?documented), ", after the as-of date, so it is taken as not yet documented"),
             "; no date of a documented assessment is given, so it is taken as not yet documented"),
          IF(?documented > ?date,
             CONCAT("; it documented it on ", STR(?documented), ", after the change of intended purpose on ", STR(?date), ", but had to document it before"),
             CONCAT(", which it did on ", STR(?documented)))) AS ?documentedText)
  BIND(CONCAT("On ", STR(?date), " an operator changed the intended purpose to ", STR(?useCaseCitation), ". It relies for the new purpose on ",
              STR(?conditionCitation), " (", LCASE(SUBSTR(STR(?conditionLabel), 1, 1)), SUBSTR(STR(?conditionLabel), 2), ") and the system does not profile natural persons: the system is not considered high-risk (Art 6(3)), so Art 25(1)(c) does not apply. ",
              "The operator puts the system into service for the new purpose and is its provider for it: it must document the assessment before putting it into service (Art 6(4))",
              ?documentedText, "; and it must register the system (Art 49(2)). ",
              "For the system as repurposed it takes the place of the initial provider, which remains the provider of the system as it placed it on the market for its original purpose.") AS ?explanation)
  # keyed by the system (an IRI) and the event's concepts and date, never by the event node,
  # which may be a blank node
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-6-3-derogation|purpose-change|", STR(?useCase), "|",
                                               STR(?condition), "|", STR(?date))))) AS ?d)
} ;
# The subject is the system as repurposed: its provider is the operator, and the initial provider,
# which remains the provider of the system as placed for its original purpose, is not listed as
# this one's (the explanation above says so; an outside check read "Art 25(1)(c) does not apply"
# beside the initial provider's duties moved to the operator as a contradiction).
INSERT { ?s aia:hasFormerProvider ?old }
WHERE {
  ?d aia:determinationOf ?s ; aia:byRule aiar:art-6-3-derogation ; aia:premise ?p .
  ?p aia:premiseProperty aia:byOperator ; aia:premiseValue ?x .
  ?s aia:hasProvider ?old .
  FILTER(?old != ?x)
}
