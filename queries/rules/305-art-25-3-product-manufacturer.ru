# Rule: art-25-3-product-manufacturer
# Label: The manufacturer of an Annex I Section A product is the provider of the high-risk AI system that is its safety component
# Provisions: aiap:art_25.par_3 aiap:art_25.par_3.pnt_a aiap:art_25.par_3.pnt_b
# Art 25(3): where a high-risk AI system is a safety component of a product covered by an
# Annex I Section A act and is placed on the market with the product, or put into service
# after it, under the product manufacturer's name or trademark, the product manufacturer is
# considered the provider. A submission that names a product manufacturer
# (aia:hasProductManufacturer) for such a system states that it does so under its name; the
# manufacturer is added as a provider (aia:hasProvider), so it bears the provider's obligations,
# and the subject satisfies the trigger of the Art 25(3) obligation. An AI system that is itself
# an Annex I product (aia:productUnder) is no safety component of one: Art 25(3) does not apply.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-product-manufacturer-provider-art-25-3 ;
    aia:byRule aiar:art-25-3-product-manufacturer ;
    aia:legalBasis aiap:art_25.par_3 , <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_3.pnt_a> , <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_3.pnt_b> ;
    aia:premise ?hr ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasProductManufacturer ; aia:premiseValue ?m ] ;
    aia:explanation "The system is a high-risk safety component of a product covered by Annex I Section A and is supplied under the product manufacturer's name; the product manufacturer is considered its provider (Art 25(3))." ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:hasProvider ?m ; aia:satisfiesTrigger aiac:trigger-product-manufacturer-art-25-3 .
}
WHERE {
  {
    # every such high-risk determination is a premise (one row each, no arbitrary pick)
    SELECT DISTINCT ?s ?m (?hr0 AS ?hr) WHERE {
      ?s aia:hasProductManufacturer ?m ; aia:safetyComponentUnder ?act .
      ?act aia:inAnnexISection aiac:annex-i-section-a .
      ?hr0 aia:determinationOf ?s ; aia:byRule aiar:art-6-1-annex-i ; aia:conclusion aiac:category-high-risk ;
           aia:premise ?p .
      ?p aia:premiseValue ?act .
    }
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-25-3-product-manufacturer|", STR(?m))))) AS ?d)
}
