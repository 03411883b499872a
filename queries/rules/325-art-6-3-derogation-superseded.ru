# Rule: art-6-3-derogation-superseded
# Label: A change of intended purpose that makes the system high-risk (Art 25(1)(c)) ends its provider's Art 6(3) derogation and the duties of Art 6(4) and 49(2)
# Provisions: aiap:art_6.par_3 aiap:art_6.par_4 aiap:art_49.par_2 aiap:art_25.par_1.pnt_c aiap:art_25.par_2
# Rule 311 (first operation) finds that the provider of an Annex III system relying on a condition
# of Art 6(3) does not consider it high-risk, and gives the system the trigger of the duties to
# document that assessment (Art 6(4)) and to register the system as not high-risk (Art 49(2)).
# Rule 320 runs after it: where an operator's change of the intended purpose makes the system
# high-risk (Art 25(1)(c)), that operator is its provider and the initial provider is no longer
# considered one (Art 25(2)). No provider then considers the system not high-risk ("A provider
# who considers that an AI system referred to in Annex III is not high-risk shall document its
# assessment", Art 6(4)), so the trigger is withdrawn and the derogation's outcome says why, with
# Art 25(1)(c) and 25(2) added to its legal basis (an
# outside check found the new provider of the high-risk system told to document an assessment
# it never made and to register the system as not high-risk, beside its Art 49(1) registration).
# A derogation that the operator of a change itself relies on (rule 311, second operation, a
# premise aia:byOperator) is never beside such a high-risk determination: that operation skips a
# system already high-risk, and rule 320 reads its outcome.
# Only where the change makes another operator the provider (rule 320's outcome
# aiac:outcome-new-provider-art-25): a provider that changes the purpose of its own system keeps
# what it owes for the system as it placed it.
DELETE {
  ?s aia:satisfiesTrigger aiac:trigger-non-high-risk-conclusion .
  ?derogation aia:explanation ?stated .
}
INSERT {
  ?derogation aia:explanation ?amended ; aia:amendedByRule aiar:art-6-3-derogation-superseded ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_c> , aiap:art_25.par_2 .
}
WHERE {
  ?highRisk aia:determinationOf ?s ; aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:category-high-risk .
  ?newProvider aia:determinationOf ?s ; aia:conclusion aiac:outcome-new-provider-art-25 .
  ?derogation aia:determinationOf ?s ; aia:byRule aiar:art-6-3-derogation ; aia:explanation ?stated .
  FILTER NOT EXISTS { ?derogation aia:premise ?byOperator . ?byOperator aia:premiseProperty aia:byOperator }
  BIND(CONCAT(?stated, " But an operator's change of the intended purpose makes the system high-risk (Art 25(1)(c)): that operator is its provider and the initial provider is no longer considered one (Art 25(2)), so no provider considers the system not high-risk, and the duties to document that assessment and to register the system as not high-risk (Art 6(4), Art 49(2)) do not arise for it.") AS ?amended)
}
