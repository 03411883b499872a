# Rule: obligation-dates
# Label: When each assessed obligation applies: application dates, Annex I products, amendments, Art 111(3)
# Provisions: aiap:art_113 aiap:art_113.pnt_c aiap:art_111.par_1 aiap:art_111.par_2 aiap:art_111.par_3
# Base date: the catalogue's aia:appliesFrom, or aia:appliesFromForAnnexIProducts for systems
# that are high-risk by the Art 6(1) route. Under the amended law an aia:AmendedApplicability
# of the run's law version replaces it (by category and route, or by obligation for subjects
# placed before a date). Art 111(3) moves GPAI obligations of models placed before
# 2 August 2025 to 2 August 2027; Art 111(2) moves the high-risk obligations of legacy systems
# used by public authorities to 2 August 2030; Art 111(1) moves the high-risk and transparency
# obligations of Annex X components placed before 2 August 2027 to 31 December 2030. The latest
# applicable date wins.
INSERT { ?assessed aia:effectiveFrom ?effective }
WHERE {
  {
    SELECT ?assessed (MAX(?candidate) AS ?effective) WHERE {
      ?assessed a aia:AssessedObligation ; aia:obligation ?obligation ; aia:obligationFor ?s .
      ?obligation aia:appliesFrom ?published .
      OPTIONAL {
        ?obligation aia:appliesFromForAnnexIProducts ?annexI .
        ?route6 aia:determinationOf ?s ; aia:route aiac:route-art-6-1 .
      }
      OPTIONAL {
        aiaa:run aia:lawVersion ?law .
        ?law aia:includesAmendment ?amendment .
        ?change a aia:AmendedApplicability ; aia:amendedBy ?amendment ; aia:newDate ?amendedDate .
        {
          ?change aia:affectsCategory ?category ; aia:affectsRoute ?route .
          ?obligation aia:appliesToCategory ?category .
          ?hr aia:determinationOf ?s ; aia:conclusion ?category ; aia:route ?route .
        } UNION {
          ?change aia:affectsObligation ?obligation ; aia:onlyPlacedBefore ?cutoff .
          ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?placed .
          FILTER(?placed < ?cutoff)
        }
      }
      OPTIONAL {
        ?s aia:satisfiesTrigger aiac:transition-art-111-3 .
        ?obligation aia:appliesToCategory ?gpaiCategory .
        FILTER(?gpaiCategory IN (aiac:category-gpai, aiac:category-gpai-systemic-risk))
        aiac:transition-art-111-3 aia:complianceDeadline ?legacyDate .
      }
      OPTIONAL {
        # Art 111(2) legacy high-risk systems; Art 111(1) Annex X components (also Art 50)
        ?s aia:satisfiesTrigger ?legacyRule .
        VALUES ?legacyRule { aiac:transition-art-111-2 aiac:transition-art-111-1 }
        ?obligation aia:appliesToCategory ?legacyCategory .
        FILTER(?legacyCategory = aiac:category-high-risk
               || (?legacyRule = aiac:transition-art-111-1 && ?legacyCategory = aiac:category-transparency))
        FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
        ?legacyRule aia:complianceDeadline ?legacyHighRiskDate .
      }
      VALUES ?which { 1 2 3 4 5 }
      BIND(IF(?which = 1, ?published, IF(?which = 2, ?annexI, IF(?which = 3, ?amendedDate,
           IF(?which = 4, ?legacyDate, ?legacyHighRiskDate)))) AS ?candidate)
      FILTER(BOUND(?candidate))
    }
    GROUP BY ?assessed
  }
} ;
INSERT { ?assessed aia:dependsOnAmendment ?amendment }
WHERE {
  ?assessed a aia:AssessedObligation ; aia:obligation ?obligation ; aia:obligationFor ?s .
  aiaa:run aia:lawVersion ?law .
  ?law aia:includesAmendment ?amendment .
  ?change a aia:AmendedApplicability ; aia:amendedBy ?amendment .
  {
    ?change aia:affectsCategory ?category ; aia:affectsRoute ?route .
    ?obligation aia:appliesToCategory ?category .
    ?hr aia:determinationOf ?s ; aia:conclusion ?category ; aia:route ?route .
  } UNION {
    ?change aia:affectsObligation ?obligation ; aia:onlyPlacedBefore ?cutoff .
    ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?placed .
    FILTER(?placed < ?cutoff)
  }
} ;
INSERT { ?assessed aia:inForce ?inForce }
WHERE {
  ?assessed a aia:AssessedObligation ; aia:effectiveFrom ?effective .
  aiaa:run aia:asOf ?asOf .
  BIND(?effective <= ?asOf AS ?inForce)
} ;
INSERT { ?assessed aia:dueDate ?due }
WHERE {
  ?assessed a aia:AssessedObligation ; aia:obligation ?obligation ; aia:obligationFor ?s .
  ?obligation aia:deadline ?deadline ; aia:deadlineAnchorProperty ?anchor .
  ?s ?anchor ?start .
  BIND(?start + xsd:dayTimeDuration(?deadline) AS ?due)
  FILTER(BOUND(?due))
}
