# Rule: art-43-conformity-route
# Label: The conformity assessment procedure a high-risk AI system must follow (Art 43(1)-(3))
# Provisions: aiap:art_43.par_1 aiap:art_43.par_2 aiap:art_43.par_3 aiap:anx_VI aiap:anx_VII aiap:art_74.par_8 aiap:art_74.par_9 aiap:anx_III aiap:anx_I
# Annex III point 1 with harmonised standards or common specifications applied in full: Annex VI
# or Annex VII at the provider's choice (Art 43(1) first subparagraph); point 1 without, or with
# a standard applied only in part or published with a restriction (aia:standardsAppliedOnlyInPart
# true): Annex VII with a notified body (Art 43(1) second subparagraph, points (b) and (d)).
# Where a point 1 system assessed under Annex VII is intended to be put into service by a law
# enforcement, immigration or asylum authority (a deployer with aia:isLawEnforcementAuthority or
# aia:isMigrationAuthority true) or a Union institution, body, office or agency (aia:UnionBody),
# the market surveillance authority acts as notified body (Art 43(1) third subparagraph);
# points 2 to 8: internal control of
# Annex VI (Art 43(2)), unless the system is also listed in point 1 (its procedure, which may
# require a notified body, governs: internal control without one would contradict it) or is also
# high-risk under Art 6(1) for an act of Annex I Section A (the procedure of that act governs,
# Art 43(3), and Art 6(1)(b) makes it involve a third party; an outside check found a medical
# device also in Annex III given both routes, one of them "without a notified body");
# Annex I Section A: the procedure of the sectoral act (Art 43(3)).
# Section B systems get no route: Art 43 does not apply to them (Art 2(2)).
# The day from which a system also high-risk under Art 6(1) for an act of Annex I Section A (rule
# 300) follows that act's procedure (Art 43(3)): the day Art 6(1) and its corresponding obligations
# apply to it (Art 113(c)), as its determination is dated under the run's law version (read as
# rule 320 reads it: rule 702 moves the determination later). Before that day Art 43(1) or (2)
# governs its Annex III use (the next operation; an outside check found no procedure named for the year
# between); from it, the subject satisfies aiac:trigger-sectoral-procedure-applies, the exemption
# of the catalogue's Art 43(2) duty. Written first, as an aggregate of its own (Virtuoso 7
# answered aggregates in OPTIONAL with rows of empty values).
INSERT { ?s aia:sectoralProcedureFrom ?sectoralFrom }
WHERE {
  SELECT ?s (MIN(?sectoralCandidateFrom) AS ?sectoralFrom) WHERE {
    {
      SELECT ?sectoral ?s (MAX(?sectoralCandidate) AS ?sectoralCandidateFrom) WHERE {
        ?sectoral aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ;
                  aia:route aiac:route-art-6-1 ; aia:premise ?sectoralPremise .
        ?sectoralPremise aia:premiseValue ?sectoralAct .
        ?sectoralAct aia:inAnnexISection aiac:annex-i-section-a .
        {
          ?sectoral aia:appliesFromDate ?sectoralCandidate .
        } UNION {
          aiaa:run aia:lawVersion ?sectoralLaw .
          ?sectoralLaw aia:includesAmendment ?sectoralMovedBy .
          ?sectoralChange a aia:ProvisionChange ; aia:amendedBy ?sectoralMovedBy ; aia:appliedInAssessment true ;
                          aia:affectsProvision ?sectoralAffected ; aia:newDate ?sectoralCandidate .
          FILTER NOT EXISTS { ?sectoralChange aia:onlyPlacedBefore ?sectoralCutoff }
          ?sectoral aia:legalBasis ?sectoralAffected .
        }
      } GROUP BY ?sectoral ?s
    }
  } GROUP BY ?s
} ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-sectoral-procedure-applies }
WHERE {
  ?s aia:sectoralProcedureFrom ?sectoralFrom .
  aiaa:run aia:asOf ?asOf .
  FILTER(?asOf >= ?sectoralFrom)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?route ;
    aia:byRule aiar:art-43-conformity-route ;
    aia:legalBasis ?basis1 , ?basis2 , ?basis3 , ?basis4 , ?useCaseProvision ;
    aia:premise ?hr ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?hr ?useCase WHERE {
      ?hr aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 ; aia:premise ?p .
      ?p aia:premiseValue ?useCase .
      ?useCase a aia:HighRiskUseCase .
    }
  }
  ?useCase aia:citation ?useCaseCitation ; aia:sourceProvision ?useCaseProvision .
  FILTER(STRSTARTS(STR(?useCaseProvision), CONCAT(STR(aiap:), "anx_III")))
  # flags from OPTIONAL rather than BIND(EXISTS ...): Virtuoso 7 cannot combine EXISTS flags (&&, ||)
  OPTIONAL { ?useCase skos:broader aiac:annex-iii-1 . BIND(true AS ?biometricFlag) }
  OPTIONAL { ?s aia:standardsAppliedOnlyInPart true . BIND(true AS ?inPartFlag) }
  OPTIONAL { ?s aia:appliedHarmonisedStandards|aia:appliedCommonSpecifications true . BIND(true AS ?appliedFlag) }
  # a system also high-risk for a use case of point 1 follows point 1's procedure only
  OPTIONAL {
    ?pointOneHr aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ;
      aia:route aiac:route-art-6-2 ; aia:premise ?pointOnePremise .
    ?pointOnePremise aia:premiseValue ?pointOneUse .
    ?pointOneUse skos:broader aiac:annex-iii-1 .
    BIND(true AS ?pointOneFlag)
  }
  BIND(BOUND(?biometricFlag) AS ?biometric)
  FILTER(?biometric || !BOUND(?pointOneFlag))
  # a system also high-risk under Art 6(1) for a Section A act follows that act's procedure from
  # the day written by the first operation; before it, Art 43(2) governs its Annex III use.
  # Flags bound in each branch (Virtuoso 7 and BOUND over OPTIONAL).
  {
    ?s aia:sectoralProcedureFrom ?sectoralFrom .
    BIND(true AS ?sectionA)
  } UNION {
    {
      SELECT DISTINCT ?s WHERE {
        ?annexIiiHr aia:determinationOf ?s ; aia:route aiac:route-art-6-2 .
        FILTER NOT EXISTS { ?s aia:sectoralProcedureFrom ?anySectoralFrom }
      }
    }
    BIND(false AS ?sectionA)
  }
  aiaa:run aia:asOf ?asOf .
  # (a point 1 system too: Art 43(3) governs every system covered by a Section A act; an outside
  # check found Art 43(1) given beside it once Art 6(1) applied)
  FILTER(!?sectionA || ?asOf < ?sectoralFrom)
  BIND(BOUND(?inPartFlag) AS ?inPart)
  BIND(BOUND(?appliedFlag) && !?inPart AS ?standards)
  BIND(IF(!?biometric, aiac:outcome-conformity-route-annex-vi,
          IF(?standards, aiac:outcome-conformity-route-annex-vi-or-vii, aiac:outcome-conformity-route-annex-vii)) AS ?route)
  BIND(IF(!?biometric, aiap:art_43.par_2, IF(?standards, <https://w3id.org/aiact-kg/reg/2024/1689/art_43.par_1.sub_1>, <https://w3id.org/aiact-kg/reg/2024/1689/art_43.par_1.sub_2>)) AS ?basis1)
  BIND(IF(!?biometric || ?standards, aiap:anx_VI, aiap:anx_VII) AS ?basis2)
  BIND(IF(?biometric && ?standards, aiap:anx_VII,
          IF(?biometric && ?inPart, <https://w3id.org/aiact-kg/reg/2024/1689/art_43.par_1.sub_2.pnt_b>, ?unbound)) AS ?basis3)
  BIND(IF(?biometric && ?inPart, <https://w3id.org/aiact-kg/reg/2024/1689/art_43.par_1.sub_2.pnt_d>, ?unbound) AS ?basis4)
  BIND(IF(!?biometric,
          CONCAT(STR(?useCaseCitation), " is one of Annex III points 2 to 8: the provider follows the internal-control procedure of Annex VI, without a notified body (Art 43(2))."),
          IF(?standards,
             CONCAT(STR(?useCaseCitation), " is a biometric system for which the provider applied harmonised standards or common specifications: it may choose internal control (Annex VI) or a notified body (Annex VII) (Art 43(1) first subparagraph)."),
             IF(?inPart,
                CONCAT(STR(?useCaseCitation), " is a biometric system whose provider applied a harmonised standard only in part, or one published with a restriction: the choice of Art 43(1) first subparagraph is not open, and the provider follows Annex VII with a notified body (Art 43(1) second subparagraph, points (b) and (d))."),
                CONCAT(STR(?useCaseCitation), " is a biometric system for which harmonised standards or common specifications were not applied in full: the provider follows Annex VII with a notified body (Art 43(1) second subparagraph).")))) AS ?routeText)
  BIND(CONCAT(?routeText,
              IF(?sectionA,
                 CONCAT(" The system is also covered by an act of Annex I Section A: from ", STR(?sectoralFrom),
                        ", when Art 6(1) and its corresponding obligations apply to it (Art 113(c)), its conformity is assessed within the procedure of that act instead (Art 43(3))."),
                 "")) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-43-conformity-route|", STR(?useCase))))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-conformity-route-sectoral ;
    aia:byRule aiar:art-43-conformity-route ;
    aia:legalBasis aiap:art_43.par_3 , ?actProvision ;
    aia:premise ?hr ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?hr ?act WHERE {
      ?hr aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-1 ; aia:premise ?p .
      ?p aia:premiseValue ?act .
      ?act aia:inAnnexISection aiac:annex-i-section-a .
    }
  }
  ?act aia:sourceProvision ?actProvision ; aia:citation ?actCitation .
  BIND(CONCAT("The system is covered by ", STR(?actCitation), " (Annex I Section A): its conformity is assessed within the procedure of that act, which integrates the requirements of Chapter III Section 2 (Art 43(3)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-43-conformity-route|", STR(?act))))) AS ?d)
} ;
# Art 43(1) third subparagraph: the market surveillance authority as notified body.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-market-surveillance-as-notified-body ;
    aia:byRule aiar:art-43-conformity-route ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_43.par_1.sub_3> , aiap:art_74.par_8 , aiap:art_74.par_9 ;
    aia:premise ?route ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasDeployer ; aia:premiseValue ?deployer ] ,
                [ a aia:Premise ; aia:premiseSubject ?deployer ; aia:premiseProperty ?kindProperty ; aia:premiseValue ?kindValue ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?route aia:determinationOf ?s ; aia:byRule aiar:art-43-conformity-route ; aia:conclusion ?routeKind .
  VALUES ?routeKind { aiac:outcome-conformity-route-annex-vii aiac:outcome-conformity-route-annex-vi-or-vii }
  FILTER(isIRI(?s))
  ?s aia:hasDeployer ?deployer .
  {
    ?deployer aia:isLawEnforcementAuthority true . BIND(aia:isLawEnforcementAuthority AS ?kindProperty) BIND(true AS ?kindValue)
  } UNION {
    ?deployer aia:isMigrationAuthority true . BIND(aia:isMigrationAuthority AS ?kindProperty) BIND(true AS ?kindValue)
  } UNION {
    ?deployer a aia:UnionBody . BIND(rdf:type AS ?kindProperty) BIND(aia:UnionBody AS ?kindValue)
  }
  BIND(IF(?routeKind = aiac:outcome-conformity-route-annex-vii,
          "The system follows Annex VII and is intended to be put into service by a law enforcement, immigration or asylum authority or a Union institution, body, office or agency: the market surveillance authority of Art 74(8) or (9) acts as the notified body, so the provider cannot choose one (Art 43(1) third subparagraph).",
          "The system is intended to be put into service by a law enforcement, immigration or asylum authority or a Union institution, body, office or agency: should the provider opt for Annex VII, the market surveillance authority of Art 74(8) or (9) acts as the notified body (Art 43(1) third subparagraph).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-43-conformity-route|market-surveillance")))) AS ?d)
}
