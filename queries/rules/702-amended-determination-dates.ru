# Rule: amended-determination-dates
# Label: Under a law version with an amendment, a determination resting on a provision whose application the amendment moves takes the new date
# Provisions: aiap:art_113
# A provision change of an amendment the run's law version includes, applied in assessments
# (aia:appliedInAssessment true), or a consequence the assessments draw from one (an
# aia:AmendedApplicability that is no aia:ProvisionChange), that moves the application of a
# provision (aia:affectsProvision, e.g. Art 6(2) for Annex III systems) to aia:newDate, moves
# every determination whose legal basis is that provision, or a part of it, to the new date, when
# it is later; a change limited to subjects placed
# on the market or put into service before a date (aia:onlyPlacedBefore, the Art 50(2) grace
# period) only for those subjects. The determination then depends on the amendment (and is
# flagged when the amendment is unverified), and the date in its explanation is replaced. The
# obligations of the subject get the same dates from rule obligation-dates, which reads the same
# provision changes.
DELETE { ?d aia:appliesFromDate ?old ; aia:explanation ?explanation }
INSERT {
  ?d aia:appliesFromDate ?new ; aia:dependsOnAmendment ?amendment ;
     aia:explanation ?amendedExplanation .
}
WHERE {
  {
    SELECT ?d (MAX(?candidate) AS ?new) (SAMPLE(?by) AS ?amendment) WHERE {
      aiaa:run aia:lawVersion ?law .
      ?law aia:includesAmendment ?by .
      ?change aia:amendedBy ?by ; aia:newDate ?candidate .
      # a change of the amending act applied in assessments, or a consequence the assessments
      # draw from one (an aia:AmendedApplicability that is no aia:ProvisionChange, applied with
      # it: the Art 6(3) derogation follows the Annex III date, whose determinations kept the
      # published date while their duties moved, an outside check found)
      OPTIONAL { ?change aia:appliedInAssessment ?applied }
      FILTER(?applied = true || (!BOUND(?applied) && NOT EXISTS { ?change a aia:ProvisionChange }))
      # resting on the provision it moves or on a part of it (a point, a subparagraph); the two
      # as branches: Virtuoso 7 gives no zero-length match of eli:is_part_of*
      { ?change aia:affectsProvision ?basis }
      UNION
      { ?change aia:affectsProvision ?affected . ?basis eli:is_part_of+ ?affected }
      ?d a aia:Determination ; aia:determinationOf ?s ; aia:legalBasis ?basis ; aia:appliesFromDate ?current .
      OPTIONAL { ?change aia:onlyPlacedBefore ?cutoff }
      FILTER(!BOUND(?cutoff) || EXISTS {
        ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?placed . FILTER(?placed < ?cutoff)
      })
      FILTER(?candidate > ?current)
    }
    GROUP BY ?d
  }
  ?d aia:appliesFromDate ?old ; aia:explanation ?explanation .
  # the amendments' labels as a set of their own: joined directly, the label pattern was matched
  # against every label of the knowledge base for each determination
  { SELECT DISTINCT ?amendment ?amendmentLabel WHERE { ?anyLaw aia:includesAmendment ?amendment . ?amendment rdfs:label ?amendmentLabel } }
  # the date as the explanations write it: "applicable from <date>" or "..., from <date>"
  BIND(REPLACE(?explanation, CONCAT("from ", STR(?old)),
               CONCAT("from ", STR(?new), " as amended by the ", STR(?amendmentLabel))) AS ?amendedExplanation)
}
