# Rule: art-51-1-b-designation
# Label: Systemic risk by Commission designation (Art 51(1)(b), Art 52(4)), its revocation and premature reassessment requests (Art 52(5)); designation candidates (Annex XIII point (f))
# Provisions: aiap:art_51.par_1.pnt_b aiap:art_52.par_4 aiap:art_52.par_5 aiap:anx_XIII.pnt_f aiap:anx_XIII.pnt_g aiap:anx_XIII
# A designation dated on or before the as-of date classifies the model unless a revocation dated
# on or after it (and on or before the as-of date) ends it. A reassessment request earlier than
# six months after the latest designation decision before it, or after the latest decision
# maintaining the designation following a reassessment (aia:DesignationMaintained), is
# premature. The Annex XIII point (f) threshold is read from aiac:threshold-annex-xiii-f; the
# candidate flag's explanation adds the other Annex XIII facts given (end users, modalities).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:category-gpai-systemic-risk ;
    aia:byRule aiar:art-51-1-b-designation ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_b> , aiap:art_52.par_4 , aiap:anx_XIII ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?des ] ;
    aia:appliesFromDate ?since ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?des .
  FILTER(isIRI(?m))
  ?des a aia:CommissionDesignation ; aia:eventDate ?desDate .
  aiaa:run aia:asOf ?asOf .
  FILTER(?desDate <= ?asOf)
  # the model has systemic risk from the decision (Art 51(1)(b): "based on a decision of the
  # Commission"), and not before Chapter V applies
  <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_b> eli:date_applicability ?chapterV .
  BIND(IF(?desDate > ?chapterV, ?desDate, ?chapterV) AS ?since)
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?rev . ?rev a aia:DesignationRevoked ; aia:eventDate ?revDate .
    FILTER(?revDate >= ?desDate && ?revDate <= ?asOf)
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("On ", STR(?desDate), " the Commission designated the model as a general-purpose AI model with systemic risk, having regard to the criteria of Annex XIII (Art 51(1)(b), Art 52(4)); the designation has not been revoked.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-b-designation|", STR(?des))))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-designation-revoked ;
    aia:byRule aiar:art-51-1-b-designation ;
    aia:legalBasis aiap:art_52.par_5 ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?des ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?rev ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?des , ?rev .
  FILTER(isIRI(?m))
  ?des a aia:CommissionDesignation ; aia:eventDate ?desDate .
  ?rev a aia:DesignationRevoked ; aia:eventDate ?revDate .
  aiaa:run aia:asOf ?asOf .
  FILTER(?desDate <= ?revDate && ?revDate <= ?asOf)
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("The designation of ", STR(?desDate), " was revoked on ", STR(?revDate), " after a reassessment: the model is no longer classified as a general-purpose AI model with systemic risk by designation (Art 52(5)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-b-designation|revoked|", STR(?rev))))) AS ?d)
} ;
# a revocation followed by a new designation by the as-of date (Art 52(4): on new facts): the
# revocation's outcome says the model is designated again, from the first such decision (a
# separate operation: Virtuoso 7 leaves the later decision unbound in an OPTIONAL)
DELETE { ?d aia:explanation ?old }
INSERT { ?d aia:explanation ?new }
WHERE {
  {
    SELECT ?rev (MIN(?againDate) AS ?again) WHERE {
      ?m aia:hasProcedureEvent ?rev , ?later .
      ?rev a aia:DesignationRevoked ; aia:eventDate ?revDate .
      ?later a aia:CommissionDesignation ; aia:eventDate ?againDate .
      aiaa:run aia:asOf ?asOf .
      FILTER(?againDate > ?revDate && ?againDate <= ?asOf)
    } GROUP BY ?rev
  }
  ?d aia:conclusion aiac:outcome-designation-revoked ; aia:byRule aiar:art-51-1-b-designation ;
     aia:premise ?revokedPremise , ?designatedPremise ; aia:explanation ?old .
  ?revokedPremise aia:premiseValue ?rev .
  ?rev aia:eventDate ?revDate .
  ?designatedPremise aia:premiseValue ?des .
  ?des a aia:CommissionDesignation ; aia:eventDate ?desDate .
  FILTER(?desDate <= ?revDate)
  BIND(CONCAT("The designation of ", STR(?desDate), " was revoked on ", STR(?revDate), " after a reassessment (Art 52(5)); on ", STR(?again), " the Commission designated the model again, so it is again classified as a general-purpose AI model with systemic risk (Art 52(4)).") AS ?new)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-reassessment-premature ;
    aia:byRule aiar:art-51-1-b-designation ;
    aia:legalBasis aiap:art_52.par_5 ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?des ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?req ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?des , ?req .
  FILTER(isIRI(?m))
  ?des a ?decisionKind ; aia:eventDate ?desDate .
  VALUES ?decisionKind { aia:CommissionDesignation aia:DesignationMaintained }
  ?req a aia:ReassessmentRequest ; aia:eventDate ?reqDate .
  aiaa:run aia:asOf ?asOf .
  FILTER(?desDate <= ?reqDate && ?reqDate <= ?asOf)
  # the latest decision (designation, or decision maintaining it) before the request
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?later . ?later aia:eventDate ?laterDate .
    FILTER EXISTS { ?later a ?laterKind . FILTER(?laterKind IN (aia:CommissionDesignation, aia:DesignationMaintained)) }
    FILTER(?laterDate > ?desDate && ?laterDate <= ?reqDate)
  }
  # ?earliest = ?desDate + 6 months (the day capped at the month's last), by calendar
  # arithmetic: not every engine adds durations to dates
  BIND(MONTH(?desDate) + 6 - 1 AS ?eMonths)
  BIND(xsd:integer(YEAR(?desDate) + FLOOR(?eMonths / 12)) AS ?eYear)
  BIND(xsd:integer(?eMonths - 12 * FLOOR(?eMonths / 12) + 1) AS ?eMonth)
  BIND(IF(?eMonth = 2, IF(?eYear - 4 * FLOOR(?eYear / 4) = 0 && (?eYear - 100 * FLOOR(?eYear / 100) != 0 || ?eYear - 400 * FLOOR(?eYear / 400) = 0), 29, 28), IF(?eMonth IN (4, 6, 9, 11), 30, 31)) AS ?eMonthDays)
  BIND(xsd:integer(IF(DAY(?desDate) > ?eMonthDays, ?eMonthDays, DAY(?desDate))) AS ?eDay)
  BIND(xsd:date(CONCAT(STR(?eYear), IF(?eMonth < 10, "-0", "-"), STR(?eMonth), IF(?eDay < 10, "-0", "-"), STR(?eDay))) AS ?earliest)
  FILTER(?reqDate < ?earliest)
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(IF(?decisionKind = aia:DesignationMaintained, "the decision of ", "the designation decision of ") AS ?decisionWords)
  BIND(IF(?decisionKind = aia:DesignationMaintained, " to maintain the designation after an earlier reassessment", "") AS ?decisionTail)
  # a revocation the Commission decided after the request is its decision, and counts (rule
  # 560 ends the designation with it): the outcome says so rather than that the designation stands
  OPTIONAL {
    SELECT ?m ?reqDate (MIN(?revokedDate) AS ?revokedOn) WHERE {
      ?m aia:hasProcedureEvent ?laterRequest , ?revocation .
      ?laterRequest a aia:ReassessmentRequest ; aia:eventDate ?reqDate .
      ?revocation a aia:DesignationRevoked ; aia:eventDate ?revokedDate .
      aiaa:run aia:asOf ?revocationAsOf .
      FILTER(?revokedDate >= ?reqDate && ?revokedDate <= ?revocationAsOf)
    } GROUP BY ?m ?reqDate
  }
  BIND(CONCAT("The reassessment request of ", STR(?reqDate), " came less than six months after ", ?decisionWords, STR(?desDate), ?decisionTail,
              "; requests are possible at the earliest from ", STR(?earliest), " (Art 52(5)), so the Commission need not take it into account",
              IF(BOUND(?revokedOn),
                 CONCAT(". The Commission nevertheless revoked the designation on ", STR(?revokedOn), ": its decision counts, and the designation ends then."),
                 " and the designation stands.")) AS ?explanation)
  # keyed by the request's date, not its node, which may be a blank node
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-b-designation|premature|", STR(?reqDate))))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:flag-designation-candidate ;
    aia:byRule aiar:art-51-1-b-designation ;
    aia:legalBasis aiap:anx_XIII.pnt_f , <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_b> ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:registeredBusinessUsersEU ; aia:premiseValue ?users ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:registeredBusinessUsersEU ?users .
  FILTER(isIRI(?m))
  aiac:threshold-annex-xiii-f aia:thresholdValue ?min .
  FILTER(?users >= ?min)
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  # the other Annex XIII facts the Commission weighs, where given: end users (point (g)) and
  # modalities (points (d), (e))
  OPTIONAL { SELECT ?m (SAMPLE(?endUsers0) AS ?endUsers) WHERE { ?m aia:registeredEndUsersEU ?endUsers0 } GROUP BY ?m }
  OPTIONAL {
    # in alphabetical order (an ordered subquery), whatever the order of the statements
    SELECT ?m (GROUP_CONCAT(?modalityName ; separator=", ") AS ?modalities) WHERE {
      {
        SELECT DISTINCT ?m ?modalityName WHERE {
          ?m aia:modality ?modality . ?modality rdfs:label ?modalityLabel . FILTER(LANG(?modalityLabel) = "en")
          BIND(STR(?modalityLabel) AS ?modalityName)
        } ORDER BY ?m ?modalityName
      }
    } GROUP BY ?m
  }
  BIND(CONCAT(IF(BOUND(?endUsers), CONCAT(" It also has ", STR(?endUsers), " registered end users in the Union (Annex XIII point (g))."), ""),
              IF(BOUND(?modalities) && ?modalities != "", CONCAT(" Its modalities (Annex XIII points (d) and (e)): ", ?modalities, "."), "")) AS ?otherCriteria)
  BIND(CONCAT("The model is made available to ", STR(?users), " registered business users established in the Union, at least the ",
              STR(xsd:integer(?min)), " from which Annex XIII point (f) presumes a high impact on the internal market; the Commission may designate it under Art 51(1)(b).",
              ?otherCriteria) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|art-51-1-b-designation|candidate")))) AS ?d)
}
