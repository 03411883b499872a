# Rule: art-5-1-a-manipulation
# Label: Prohibited under Art 5(1)(a): subliminal, purposefully manipulative or deceptive techniques that materially distort behaviour and cause significant harm
# Provisions: aiap:art_5.par_1.pnt_a
# A practice description with aia:practice aiac:practice-subliminal-manipulative-techniques
# falls under point (a) when both elements of the point are stated true: it materially
# distorts behaviour by appreciably impairing informed decisions (aia:materiallyDistortsBehaviour)
# and it causes, or is reasonably likely to cause, significant harm (aia:causesSignificantHarm).
# One determination per system and point; it applies from the date of Art 5 (Art 113(a)).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-a-manipulation ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_a> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-subliminal-manipulative-techniques ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:materiallyDistortsBehaviour ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:causesSignificantHarm ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice description is a premise (no arbitrary pick)
    SELECT DISTINCT ?s (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-subliminal-manipulative-techniques ;
          aia:materiallyDistortsBehaviour true ; aia:causesSignificantHarm true .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system deploys subliminal, purposefully manipulative or deceptive techniques that materially distort behaviour by appreciably impairing the ability to make an informed decision, and cause or are reasonably likely to cause significant harm; placing it on the market, putting it into service and using it are prohibited by Art 5(1)(a) from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-a-manipulation|")))) AS ?d)
}
