# Rule: art-5-1-e-facial-scraping
# Label: Prohibited under Art 5(1)(e): creating or expanding facial recognition databases through untargeted scraping of facial images
# Provisions: aiap:art_5.par_1.pnt_e
# A practice description with aia:practice aiac:practice-untargeted-facial-scraping (untargeted
# scraping of facial images from the internet or CCTV footage to create or expand facial
# recognition databases) falls under point (e); the point has no exception.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-e-facial-scraping ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_e> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-untargeted-facial-scraping ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice description is a premise (no arbitrary pick)
    SELECT DISTINCT ?s (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-untargeted-facial-scraping .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system creates or expands facial recognition databases through the untargeted scraping of facial images from the internet or CCTV footage; placing it on the market, putting it into service for this purpose and using it are prohibited by Art 5(1)(e) from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-e-facial-scraping|")))) AS ?d)
}
