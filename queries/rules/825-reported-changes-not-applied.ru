# Rule: reported-changes-not-applied
# Label: Obligations and determinations whose provision an included amendment is reported to change, without the change being applied, carry a note
# Provisions: aiap:art_113
# Some changes of an amendment are recorded but not applied (aia:appliedInAssessment false): the
# secondary sources disagree on them or their words are not known (e.g. Art 4 AI literacy, the
# replaced Art 25(2)). Under a law version that includes the amendment, an assessed obligation
# whose imposing provision, or a provision it is part of or that is part of it, is changed that
# way keeps the duty as published, depends on the amendment, and carries the change's label as a
# note, so the reader knows the duty may read differently. A determination whose legal basis is
# such a provision (or part of one, or contains one: e.g. an Art 6(1) classification and the
# reported new Art 6(1a)-(1c)) carries the note too: it is drawn from the text as published.
INSERT { ?assessed aia:dependsOnAmendment ?amendment ; aia:amendmentNote ?note }
WHERE {
  aiaa:run aia:lawVersion ?law .
  ?law aia:includesAmendment ?amendment .
  {
    # the catalogue obligations each change touches (knowledge base only: computed once)
    SELECT DISTINCT ?amendment ?obligation ?label WHERE {
      ?change a aia:ProvisionChange ; aia:amendedBy ?amendment ; aia:appliedInAssessment false ;
              aia:changesProvision ?changed ; rdfs:label ?label .
      ?obligation a aia:Obligation ; aia:imposedBy ?provision .
      FILTER(?provision = ?changed || EXISTS { ?provision eli:is_part_of+ ?changed }
             || EXISTS { ?changed eli:is_part_of+ ?provision })
    }
  }
  ?assessed aia:obligation ?obligation ; a aia:AssessedObligation .
  BIND(CONCAT("Reported change not applied: ", STR(?label), "; the duty is given as published.") AS ?note)
} ;
# the determinations resting on a provision changed that way (the flag of rule 830, which cites
# Art 113 and is drawn later, is not one of them)
INSERT { ?d aia:dependsOnAmendment ?amendment ; aia:amendmentNote ?note }
WHERE {
  aiaa:run aia:lawVersion ?law .
  ?law aia:includesAmendment ?amendment .
  {
    # the provisions each change touches, those it is part of and those part of it (knowledge
    # base only: computed once, so that each determination is looked up by its legal basis
    # instead of every determination being tested against every change)
    SELECT DISTINCT ?amendment ?basis ?label WHERE {
      {
        ?change a aia:ProvisionChange ; aia:amendedBy ?amendment ; aia:appliedInAssessment false ;
                aia:changesProvision ?basis ; rdfs:label ?label .
      } UNION {
        ?change a aia:ProvisionChange ; aia:amendedBy ?amendment ; aia:appliedInAssessment false ;
                aia:changesProvision ?changed ; rdfs:label ?label .
        ?basis eli:is_part_of+ ?changed .
      } UNION {
        ?change a aia:ProvisionChange ; aia:amendedBy ?amendment ; aia:appliedInAssessment false ;
                aia:changesProvision ?changed ; rdfs:label ?label .
        ?changed eli:is_part_of+ ?basis .
      }
    }
  }
  ?d aia:legalBasis ?basis ; a aia:Determination .
  BIND(CONCAT("Reported change not applied: ", STR(?label), "; the conclusion is drawn from the text as published.") AS ?note)
}
