# Rule: art-5-1-b-vulnerabilities
# Label: Prohibited under Art 5(1)(b): exploitation of vulnerabilities due to age, disability or a specific social or economic situation causing significant harm
# Provisions: aiap:art_5.par_1.pnt_b
# A practice description with aia:practice aiac:practice-exploitation-of-vulnerabilities falls
# under point (b) when it names a vulnerability of the point (aia:exploitedVulnerability: age,
# disability, specific social or economic situation) and causes, or is reasonably likely to cause,
# significant harm (aia:causesSignificantHarm true). Material distortion of behaviour is part of
# the point; it is presumed for an exploitation of vulnerabilities unless the submission states
# aia:materiallyDistortsBehaviour false. One determination per system and point.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-b-vulnerabilities ;
    aia:legalBasis aiap:art_5.par_1\.pnt_b ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-exploitation-of-vulnerabilities ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:exploitedVulnerability ; aia:premiseValue ?vulnerability ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:causesSignificantHarm ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?s (SAMPLE(?p0) AS ?p) (SAMPLE(?v0) AS ?vulnerability) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-exploitation-of-vulnerabilities ;
          aia:exploitedVulnerability ?v0 ; aia:causesSignificantHarm true .
      VALUES ?v0 { aiac:vulnerability-age aiac:vulnerability-disability aiac:vulnerability-social-economic-situation }
      FILTER NOT EXISTS { ?p0 aia:materiallyDistortsBehaviour false }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    } GROUP BY ?s
  }
  ?vulnerability rdfs:label ?vulnerabilityLabel .
  FILTER(LANG(?vulnerabilityLabel) = "en")
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system exploits a vulnerability of persons due to their ", STR(?vulnerabilityLabel),
              " to materially distort their behaviour in a way that causes or is reasonably likely to cause significant harm; placing it on the market, putting it into service and using it are prohibited by Art 5(1)(b) from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-b-vulnerabilities|")))) AS ?d)
}
