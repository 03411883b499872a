# Rule: compute-estimated-flag
# Label: Flag a general-purpose AI model in scope whose training compute was estimated from other facts (Annex XIII points (b) and (c))
# Provisions: aiap:art_51.par_2 aiap:anx_XIII.pnt_b aiap:anx_XIII.pnt_c
# The estimates themselves are made before the scope rules (rule compute-estimate); the flag is
# written only for models the scope rules keep in scope.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:flag-compute-estimated ;
    aia:byRule aiar:compute-estimated-flag ;
    aia:legalBasis aiap:art_51.par_2 , ?annexPoint ;
    aia:premise ?e , [ aia:premiseSubject ?m ; aia:premiseProperty aia:hasComputeEstimate ; aia:premiseValue ?e ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:hasComputeEstimate ?e .
  ?e aia:estimationMethod ?method ; rdfs:label ?elabel .
  # (a test and a conditional, not a two-column VALUES: with the statistics some earlier runs
  # leave, Virtuoso 7 fails to compile that table, "unknown table for a column dfe")
  FILTER(?method IN (aiac:method-6nd, aiac:method-hardware))
  BIND(IF(?method = aiac:method-6nd, aiap:anx_XIII.pnt_b, aiap:anx_XIII.pnt_c) AS ?annexPoint)
  ?method skos:definition ?definition .
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("The training compute was not stated; it is estimated at ", ?elabel, ". ", STR(?definition)) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|compute-estimate|estimated")))) AS ?d)
}
