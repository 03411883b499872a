# Rule: downstream-provider
# Label: The provider of an AI system that integrates a general-purpose AI model is a downstream provider (Art 3(68)), owed the information of Art 53(1)(b)
# Provisions: aiap:art_3.pnt_68 aiap:art_53.par_1.pnt_b aiap:art_53.par_2 aiap:art_111.par_3
# An AI system (a general-purpose AI system or any other) based on a general-purpose AI model
# (aia:basedOnModel) has a provider that integrates the model: a downstream provider, whether
# the model is its own and vertically integrated or provided by another entity (Art 3(68)).
# The model's provider must make available to it the information and documentation of
# Art 53(1)(b) and Annex XII. The outcome names whether the model's provider, where described,
# is the same party. Out-of-scope systems are skipped.
# It runs after the open-source exemption (rule gpai-open-source-and-transition): a model exempt
# under Art 53(2) owes no information under Art 53(1)(b), and the outcome says so instead, with
# the exemption as a premise and Art 53(2) as a basis.
# The outcome applies from the day Art 53(1)(b) applies (Chapter V, Art 113(b)); for a model
# placed on the market before 2 August 2025, from the compliance date of Art 111(3) (rule 540),
# which it then cites, with the transition as a premise.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-downstream-provider ;
    aia:byRule aiar:downstream-provider ;
    aia:legalBasis aiap:art_3.pnt_68 , <https://w3id.org/aiact-kg/reg/2024/1689/art_53.par_1.pnt_b> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:basedOnModel ; aia:premiseValue ?m ] ;
    aia:appliesFromDate ?from ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?d aia:legalBasis ?exemptionBasis , ?transitionBasis ; aia:premise ?exemption , ?transition .
}
WHERE {
  {
    SELECT ?s ?m (MIN(STR(?modelName)) AS ?name) WHERE {
      ?s a aia:AISystem ; aia:basedOnModel ?m .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      # a model stated to be an AI model that is not general-purpose: Art 53(1)(b) binds only
      # the providers of general-purpose AI models (an outside check found it applied to one)
      FILTER NOT EXISTS { ?m a aia:AIModel . FILTER NOT EXISTS { ?m a aia:GeneralPurposeAIModel } }
      OPTIONAL { ?m aia:modelName ?modelName }
    } GROUP BY ?s ?m
  }
  BIND(EXISTS { ?s aia:hasProvider ?p . ?m aia:hasProvider ?p .
                FILTER NOT EXISTS { ?s aia:hasFormerProvider ?p } } AS ?same)
  BIND(EXISTS { ?m aia:hasProvider ?anyModelProvider } AS ?modelProviderKnown)
  OPTIONAL {
    ?exemption aia:determinationOf ?m ; aia:conclusion aiac:outcome-open-source-exempt .
    BIND(aiap:art_53.par_2 AS ?exemptionBasis)
  }
  <https://w3id.org/aiact-kg/reg/2024/1689/art_53.par_1.pnt_b> eli:date_applicability ?chapterVFrom .
  OPTIONAL {
    ?transition aia:determinationOf ?m ; aia:conclusion aiac:outcome-transition-art-111-3 .
    aiac:transition-art-111-3 aia:complianceDeadline ?legacyDeadline ; aia:placedBefore ?legacyCutoff .
    BIND(aiap:art_111.par_3 AS ?transitionBasis)
  }
  BIND(IF(BOUND(?legacyDeadline) && ?legacyDeadline > ?chapterVFrom, ?legacyDeadline, ?chapterVFrom) AS ?from)
  BIND(IF(BOUND(?legacyDeadline),
          CONCAT(" The model was placed on the market before ", STR(?legacyCutoff), ": its provider must do so by ", STR(?legacyDeadline), " (Art 111(3))."),
          "") AS ?transitionNote)
  BIND(IF(BOUND(?name), CONCAT("the general-purpose AI model '", STR(?name), "'"), "a general-purpose AI model") AS ?what)
  BIND(CONCAT("The system integrates ", ?what, ": its provider is a downstream provider (Art 3(68))",
              IF(?same, ", integrating its own model vertically",
                 IF(?modelProviderKnown, ", integrating a model provided by another entity", "")),
              IF(BOUND(?exemption),
                 "; the model is released under a free and open-source licence with its parameters public and has no systemic risk, so its provider owes no information or documentation under Art 53(1)(b) and Annex XII (Art 53(2)): the downstream provider must rely on what the release makes public.",
                 "; the model's provider must make available to it the information and documentation of Art 53(1)(b) and Annex XII."),
              ?transitionNote) AS ?explanation)
  # one outcome per model: keyed by the model's IRI, or its name where it is a blank node
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|downstream-provider|",
                                               IF(isIRI(?m), STR(?m), COALESCE(STR(?name), "")))))) AS ?d)
}
