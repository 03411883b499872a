# Rule: gpai-model
# Label: A general-purpose AI model is subject to the obligations of providers of general-purpose AI models
# Provisions: aiap:art_3.pnt_63 aiap:art_53
# Every submitted aia:GeneralPurposeAIModel (Art 3(63)) not out of scope gets the category
# aiac:category-gpai; its obligations (Art 53, Chapter V) apply from the date of Art 53.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:category-gpai ;
    aia:byRule aiar:gpai-model ;
    aia:legalBasis aiap:art_3.pnt_63 , aiap:art_53 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty rdf:type ; aia:premiseValue aia:GeneralPurposeAIModel ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  aiap:art_53 eli:date_applicability ?applies .
  OPTIONAL { ?m aia:modelName ?name }
  BIND(IF(BOUND(?name), CONCAT("'", STR(?name), "'"), "The model") AS ?what)
  BIND(CONCAT(?what, " is a general-purpose AI model (Art 3(63)); its provider has the obligations of Art 53 (and Art 54 if established outside the Union), applicable from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-model|")))) AS ?d)
}
