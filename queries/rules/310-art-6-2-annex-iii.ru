# Rule: art-6-2-annex-iii
# Label: High-risk under Art 6(2): the intended purpose is an Annex III use case and the Art 6(3) derogation does not apply
# Provisions: aiap:art_6.par_2 aiap:anx_III aiap:art_6.par_3.sub_3 aiap:art_80.par_2 aiap:art_3.pnt_52
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot.
# An AI system whose intended purpose is an Annex III use case (aia:HighRiskUseCase; point 2 is
# itself a use case) is high-risk (Art 6(2)), unless its provider relies on a condition of
# Art 6(3) (aia:reliesOnCondition) and the system does not profile natural persons
# (aia:performsProfiling false): that derogation is rule art-6-3-derogation. With profiling the
# system is always high-risk (Art 6(3), third subparagraph), as is a system whose purpose is
# itself profiling (Annex III point 6(e), aia:useCaseIsProfiling) and one engaging in a practice
# based solely on profiling (aia:basedSolelyOnProfiling true: a crime-risk prediction that Art
# 5(1)(d) excepts as support of a human assessment, which still profiles; an outside check found
# the derogation applied to one said not to profile); the determination then also cites it, and
# an outcome records that the profiling override defeats the conditions relied on.
# Where a condition is relied on but aia:performsProfiling is not given, profiling is not ruled
# out: the derogation is not applied, and the explanation says that the fact was not given.
# Exclusions written into Annex III points are purposes that are not use cases (rule
# annex-iii-exclusion), as is a system stated as Annex III point 1(a) whose practice is biometric
# verification with the sole purpose of confirming a claimed identity
# (aia:solePurposeIdentityConfirmation true), unless another of its practices is remote biometric
# identification without that sole purpose. The provider's own description of the purpose
# (aia:intendedPurposeDescription) is quoted in the explanation. One determination per use case;
# it applies from the date of Art 6(2). A market surveillance authority's finding under Art 80(2)
# that the system is high-risk (aia:foundHighRiskByAuthority true) defeats the condition relied
# on: the determination then cites Art 80(2) and has the finding as a premise.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-high-risk ;
    aia:route aiac:route-art-6-2 ;
    aia:byRule aiar:art-6-2-annex-iii ;
    aia:legalBasis aiap:art_6.par_2 , ?useCaseProvision , ?profilingBasis ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue ?useCase ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?useCase ?profilingOverride ?profilingNotGiven ?authorityFinding WHERE {
      ?s a aia:AISystem ; aia:intendedPurpose ?useCase .
      ?useCase a aia:HighRiskUseCase .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
      # a market surveillance authority's finding under Art 80 that the system is high-risk
      # defeats the Art 6(3) condition its provider relies on
      FILTER NOT EXISTS {
        ?s aia:reliesOnCondition ?condition ; aia:performsProfiling false .
        FILTER NOT EXISTS { ?s aia:foundHighRiskByAuthority true }
        # nor for a purpose that is itself profiling (Annex III point 6(e)), or a practice based
        # solely on profiling, whatever is said
        FILTER NOT EXISTS { ?s aia:intendedPurpose ?profilingUseCase . ?profilingUseCase aia:useCaseIsProfiling true }
        FILTER NOT EXISTS { ?s aia:engagesIn ?profilingPractice . ?profilingPractice aia:basedSolelyOnProfiling true }
      }
      # Annex III point 1(a) leaves out biometric verification whose sole purpose is to confirm
      # a claimed identity (rule annex-iii-1a-verification; the outcome: rule annex-iii-exclusion)
      FILTER NOT EXISTS { ?s aia:useCaseLeftOut ?useCase }
      # flags from OPTIONAL rather than BIND(EXISTS ...): Virtuoso 7 cannot compile, or runs
      # without end, the EXISTS forms here
      OPTIONAL { ?s aia:reliesOnCondition ?c0 ; aia:foundHighRiskByAuthority true . BIND(true AS ?authorityFlag) }
      OPTIONAL { ?s aia:reliesOnCondition ?c ; aia:performsProfiling true . BIND(true AS ?overrideFlag) }
      OPTIONAL { ?s aia:reliesOnCondition ?c3 ; aia:intendedPurpose ?pu . ?pu aia:useCaseIsProfiling true . BIND(true AS ?purposeFlag) }
      OPTIONAL { ?s aia:reliesOnCondition ?c4 ; aia:engagesIn ?pp . ?pp aia:basedSolelyOnProfiling true . BIND(true AS ?practiceFlag) }
      OPTIONAL { ?s aia:reliesOnCondition ?c2 . FILTER NOT EXISTS { ?s aia:performsProfiling ?anyProfiling } BIND(true AS ?notGivenFlag) }
      BIND(BOUND(?authorityFlag) AS ?authorityFinding)
      BIND(BOUND(?overrideFlag) || BOUND(?purposeFlag) || BOUND(?practiceFlag) AS ?profilingOverride)
      BIND(BOUND(?notGivenFlag) AS ?profilingNotGiven)
    }
  }
  # one description, the same whatever the order of the statements: an English or untagged one
  # first, then the first in code-point order
  OPTIONAL {
    SELECT ?s (STRAFTER(MIN(CONCAT(IF(LANG(?text) = "" || LANGMATCHES(LANG(?text), "en"), "0|", "1|"), STR(?text))), "|") AS ?description)
    WHERE { ?s aia:intendedPurposeDescription ?text } GROUP BY ?s
  }
  ?useCase aia:citation ?useCaseCitation ; rdfs:label ?useCaseLabel .
  FILTER(LANG(?useCaseLabel) = "en")
  ?useCase aia:sourceProvision ?useCaseProvision .
  FILTER(STRSTARTS(STR(?useCaseProvision), CONCAT(STR(aiap:), "anx_III")))
  aiap:art_6.par_2 eli:date_applicability ?applies .
  BIND(IF(?authorityFinding, aiap:art_80.par_2,
       IF(?profilingOverride || ?profilingNotGiven, <https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_3.sub_3>, ?unbound)) AS ?profilingBasis)
  BIND(CONCAT("The intended purpose is ", STR(?useCaseCitation), " (", STR(?useCaseLabel), ")",
              IF(BOUND(?description), CONCAT(", described by the provider as: \"", STR(?description), "\""), ""),
              "; the system is high-risk under Art 6(2)",
              IF(?authorityFinding, ", and the market surveillance authority has found under Art 80 that it is high-risk, although its provider relies on an Art 6(3) condition",
              IF(?profilingOverride, ", and, since it profiles natural persons, the Art 6(3) conditions relied on do not apply (Art 6(3) third subparagraph)",
              IF(?profilingNotGiven, ", and, since whether it profiles natural persons is not given, profiling is not ruled out and the Art 6(3) conditions relied on are not applied (Art 6(3) third subparagraph: a system that profiles is always high-risk)", ""))),
              "; applicable from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-6-2-annex-iii|", STR(?useCase))))) AS ?d)
} ;
INSERT {
  ?d aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:foundHighRiskByAuthority ; aia:premiseValue true ] .
}
WHERE {
  # the authority's finding is a premise of the high-risk determination it decided
  {
    SELECT DISTINCT ?d ?s WHERE {
      ?d aia:byRule aiar:art-6-2-annex-iii ; aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk .
      ?s aia:foundHighRiskByAuthority true ; aia:reliesOnCondition ?condition .
    }
  }
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-6-3-profiling-override ;
    aia:byRule aiar:art-6-2-annex-iii ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_3.sub_3> , aiap:art_3.pnt_52 ;
    aia:premise ?premise ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?premise a aia:Premise ; aia:premiseSubject ?premiseSubject ; aia:premiseProperty ?premiseProperty ; aia:premiseValue true .
}
WHERE {
  # the profiling stated of the system, or of a practice it engages in (based solely on
  # profiling: Art 5(1)(d)'s words, profiling within Art 3(52)), each fact a premise
  {
    SELECT DISTINCT ?s ?premiseSubject ?premiseProperty WHERE {
      ?s a aia:AISystem ; aia:intendedPurpose ?useCase ; aia:reliesOnCondition ?condition .
      ?useCase a aia:HighRiskUseCase .
      {
        ?s aia:performsProfiling true .
        BIND(?s AS ?premiseSubject) BIND(aia:performsProfiling AS ?premiseProperty)
      } UNION {
        ?s aia:engagesIn ?practice . ?practice aia:basedSolelyOnProfiling true .
        BIND(?practice AS ?premiseSubject) BIND(aia:basedSolelyOnProfiling AS ?premiseProperty)
      }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
    }
  }
  OPTIONAL { ?s aia:engagesIn ?practiceFlagged . ?practiceFlagged aia:basedSolelyOnProfiling true . BIND(true AS ?byPractice) }
  BIND(IF(BOUND(?byPractice),
          "The provider relies on an Art 6(3) condition, but the system performs profiling of natural persons (a practice of it is based solely on profiling); an Annex III system that profiles is always high-risk (Art 6(3) third subparagraph).",
          "The provider relies on an Art 6(3) condition, but the system performs profiling of natural persons; an Annex III system that profiles is always high-risk (Art 6(3) third subparagraph).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-6-2-annex-iii|profiling-override")))) AS ?d)
  BIND(IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?premiseSubject), "|", STR(?premiseProperty), "|true")))) AS ?premise)
}
