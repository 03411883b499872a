# Rule: art-5-1-g-biometric-categorisation
# Label: Prohibited under Art 5(1)(g): biometric categorisation inferring race, political opinions, trade union membership, beliefs, sex life or sexual orientation
# Provisions: aiap:art_5.par_1.pnt_g
# A practice description with aia:practice aiac:practice-biometric-categorisation that infers an
# attribute of point (g) (aia:inferredAttribute: race, political opinions, trade union
# membership, religious or philosophical beliefs, sex life or sexual orientation) falls under the
# point. The point does not cover labelling or filtering of lawfully acquired biometric datasets
# or categorising biometric data in the area of law enforcement: where the description states
# aia:lawfullyAcquiredDatasetFiltering true, the outcome is the exception concept (the law
# enforcement one where the practice is also aia:forLawEnforcement true), and no category. Other
# sensitive attributes (aiac:attribute-other-protected) are not prohibited; they may make the
# system high-risk under Annex III point 1(b) (rules 300-399).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-g-biometric-categorisation ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_g> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-biometric-categorisation ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:inferredAttribute ; aia:premiseValue ?attribute ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?p ?attribute WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p .
      ?p aia:practice aiac:practice-biometric-categorisation ; aia:inferredAttribute ?attribute .
      VALUES ?attribute { aiac:attribute-race aiac:attribute-political-opinions aiac:attribute-trade-union-membership
                          aiac:attribute-religious-or-philosophical-beliefs aiac:attribute-sex-life-or-sexual-orientation }
      FILTER NOT EXISTS { ?p aia:lawfullyAcquiredDatasetFiltering true }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  {
    # the attributes in alphabetical order (an ordered subquery: the text must not depend on
    # the order of the statements)
    SELECT ?s (GROUP_CONCAT(?attribute; separator=", ") AS ?attributes) WHERE {
      {
        SELECT DISTINCT ?s ?attribute WHERE {
          ?s aia:engagesIn ?p1 .
          ?p1 aia:practice aiac:practice-biometric-categorisation ; aia:inferredAttribute ?a1 .
          VALUES ?a1 { aiac:attribute-race aiac:attribute-political-opinions aiac:attribute-trade-union-membership
                       aiac:attribute-religious-or-philosophical-beliefs aiac:attribute-sex-life-or-sexual-orientation }
          FILTER NOT EXISTS { ?p1 aia:lawfullyAcquiredDatasetFiltering true }
          ?a1 rdfs:label ?label . FILTER(LANG(?label) = "en")
          BIND(STR(?label) AS ?attribute)
        } ORDER BY ?s ?attribute
      }
    } GROUP BY ?s
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system categorises natural persons individually on the basis of their biometric data to deduce or infer their ", ?attributes,
              "; placing it on the market, putting it into service for this purpose and using it are prohibited by Art 5(1)(g) from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-g-biometric-categorisation|")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?exception ;
    aia:byRule aiar:art-5-1-g-biometric-categorisation ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_g> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-biometric-categorisation ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:lawfullyAcquiredDatasetFiltering ; aia:premiseValue true ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?s ?p WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p .
      ?p aia:practice aiac:practice-biometric-categorisation ; aia:lawfullyAcquiredDatasetFiltering true ; aia:inferredAttribute ?attribute .
      VALUES ?attribute { aiac:attribute-race aiac:attribute-political-opinions aiac:attribute-trade-union-membership
                          aiac:attribute-religious-or-philosophical-beliefs aiac:attribute-sex-life-or-sexual-orientation }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  BIND(EXISTS { ?p aia:forLawEnforcement true } AS ?lawEnforcement)
  BIND(IF(?lawEnforcement, aiac:art-5-1-g-exception-law-enforcement-categorisation, aiac:art-5-1-g-exception-lawful-datasets) AS ?exception)
  BIND(IF(?lawEnforcement,
          "The system categorises biometric data in the area of law enforcement, on lawfully acquired biometric datasets; Art 5(1)(g) does not cover such categorising, so it is not prohibited (it may be high-risk under Annex III point 1(b)).",
          "The system only labels or filters lawfully acquired biometric datasets on the basis of biometric data; Art 5(1)(g) does not cover such labelling or filtering, so it is not prohibited (it may be high-risk under Annex III point 1(b)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-g-biometric-categorisation|exception|", STR(?exception))))) AS ?d)
}
