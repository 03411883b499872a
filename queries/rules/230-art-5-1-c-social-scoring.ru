# Rule: art-5-1-c-social-scoring
# Label: Prohibited under Art 5(1)(c): social scoring leading to detrimental treatment in unrelated contexts or unjustified or disproportionate treatment
# Provisions: aiap:art_5.par_1.pnt_c aiap:art_5.par_1.pnt_c.pnt_i aiap:art_5.par_1.pnt_c.pnt_ii
# A practice description with aia:practice aiac:practice-social-scoring falls under point (c)
# when the score leads to a treatment of point (c)(i) (aiac:treatment-unrelated-context) or
# (c)(ii) (aiac:treatment-unjustified-disproportionate). The point applies to public and
# private actors alike. One determination per system and point, citing the sub-points stated.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-c-social-scoring ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_c> , ?subPoint ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-social-scoring ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:detrimentalTreatment ; aia:premiseValue ?treatment ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?p ?treatment ?subPoint WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p .
      ?p aia:practice aiac:practice-social-scoring ; aia:detrimentalTreatment ?treatment .
      VALUES (?treatment ?subPoint) {
        (aiac:treatment-unrelated-context <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_c.pnt_i>)
        (aiac:treatment-unjustified-disproportionate <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_c.pnt_ii>)
      }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  {
    # point (c)(i) before (c)(ii) (an ordered subquery), whatever the order of the statements
    SELECT ?s (GROUP_CONCAT(?treatmentText; separator=" and ") AS ?treatments) WHERE {
      {
        SELECT DISTINCT ?s ?treatmentText WHERE {
          ?s aia:engagesIn ?p1 . ?p1 aia:practice aiac:practice-social-scoring ; aia:detrimentalTreatment ?t1 .
          VALUES (?t1 ?treatmentText) {
            (aiac:treatment-unrelated-context "detrimental or unfavourable treatment in social contexts unrelated to those in which the data were generated (point (c)(i))")
            (aiac:treatment-unjustified-disproportionate "treatment that is unjustified or disproportionate to the social behaviour or its gravity (point (c)(ii))")
          }
        } ORDER BY ?s ?treatmentText
      }
    } GROUP BY ?s
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system evaluates or classifies natural persons over a period of time on the basis of their social behaviour or personal characteristics, and the score leads to ", ?treatments,
              "; placing it on the market, putting it into service and using it are prohibited by Art 5(1)(c) from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-c-social-scoring|")))) AS ?d)
}
