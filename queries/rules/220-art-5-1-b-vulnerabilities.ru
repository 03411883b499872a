# Rule: art-5-1-b-vulnerabilities
# Label: Prohibited under Art 5(1)(b): exploitation of vulnerabilities due to age, disability or a specific social or economic situation causing significant harm
# Provisions: aiap:art_5.par_1.pnt_b
# A practice description with aia:practice aiac:practice-exploitation-of-vulnerabilities falls
# under point (b) when it names a vulnerability of the point (aia:exploitedVulnerability: age,
# disability, specific social or economic situation) and causes, or is reasonably likely to cause,
# significant harm (aia:causesSignificantHarm true), "with the objective, or the effect, of
# materially distorting the behaviour" of the persons exploited (aia:materiallyDistortsBehaviour
# true, required by the shape VulnerabilityExploitation as for point (a): it was presumed when not
# stated, so a prohibition rested on an element no one had asserted). One determination per
# system and point.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-b-vulnerabilities ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_b> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-exploitation-of-vulnerabilities ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:exploitedVulnerability ; aia:premiseValue ?vulnerability ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:materiallyDistortsBehaviour ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:causesSignificantHarm ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  # one row per practice description and vulnerability (each a premise of the one determination)
  {
    SELECT DISTINCT ?s ?p ?vulnerability WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p .
      ?p aia:practice aiac:practice-exploitation-of-vulnerabilities ;
         aia:exploitedVulnerability ?vulnerability ; aia:causesSignificantHarm true ;
         aia:materiallyDistortsBehaviour true .
      VALUES ?vulnerability { aiac:vulnerability-age aiac:vulnerability-disability aiac:vulnerability-social-economic-situation }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  # the vulnerabilities named in alphabetical order (an ordered subquery), whatever the order of
  # the statements
  {
    SELECT ?s (GROUP_CONCAT(?label; separator=" and ") AS ?vulnerabilityLabel) WHERE {
      {
        SELECT DISTINCT ?s ?label WHERE {
          ?s aia:engagesIn ?p1 .
          ?p1 aia:practice aiac:practice-exploitation-of-vulnerabilities ;
              aia:exploitedVulnerability ?v1 ; aia:causesSignificantHarm true ;
              aia:materiallyDistortsBehaviour true .
          VALUES ?v1 { aiac:vulnerability-age aiac:vulnerability-disability aiac:vulnerability-social-economic-situation }
          ?v1 rdfs:label ?l . FILTER(LANG(?l) = "en")
          BIND(STR(?l) AS ?label)
        } ORDER BY ?s ?label
      }
    } GROUP BY ?s
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system exploits a vulnerability of persons due to their ", STR(?vulnerabilityLabel),
              " to materially distort their behaviour in a way that causes or is reasonably likely to cause significant harm; placing it on the market, putting it into service and using it are prohibited by Art 5(1)(b) from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-b-vulnerabilities|")))) AS ?d)
}
