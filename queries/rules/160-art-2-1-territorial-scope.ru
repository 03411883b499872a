# Rule: art-2-1-territorial-scope
# Label: Territorial scope under Art 2(1): placing on the Union market, deployers in the Union, output used in the Union
# Provisions: aiap:art_2.par_1.pnt_a aiap:art_2.par_1.pnt_b aiap:art_2.par_1.pnt_c
# Art 2(1)(a) covers providers placing AI systems or general-purpose AI models on the market, or
# putting AI systems into service, in the Union; (b) deployers established or located in the
# Union; (c) providers and deployers of AI systems established or located in a third country
# where the output of the system is used in the Union. A subject is taken to be placed on the
# Union market unless it states aia:placedOnUnionMarket false.
#   1. Not placed on the Union market, no importer or distributor named (they place the subject
#      on the Union market or make it available there, Art 3(6)-(7)), for a model no AI system
#      on the Union market built on it (Art 3(10), Recital 97), every deployer known to be
#      established outside the Union and (for an AI system) the output stated not to be used in
#      the Union (aia:outputUsedInUnion false): out of scope. Point (c) covers AI systems only, so for a
#      model the output is irrelevant. Where a fact is missing, the subject stays in scope.
#   2. The output is used in the Union (aia:outputUsedInUnion true) and a provider or deployer
#      is established in a third country: an outcome records that point (c) covers them.
#   3. The output is not used in the Union (aia:outputUsedInUnion false): each deployer
#      established in a third country is outside points (b) and (c); it is recorded as
#      aia:deployerOutsideScope, which the obligation rules read, so that it bears no deployer
#      obligations. The system and its other operators stay in scope.
# Member States are matched on their ISO 3166-1 codes (Greece also as "EL"), with the parts of the
# Union that have codes of their own (outermost regions, Åland), as in rule 335.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-2-1-territorial-scope ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_2.par_1.pnt_a> , ?basisB , ?basisC ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:placedOnUnionMarket ; aia:premiseValue false ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?d aia:premise ?outputPremise .
  ?outputPremise a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:outputUsedInUnion ; aia:premiseValue false .
}
WHERE {
  ?s a aia:AIArtefact ; aia:placedOnUnionMarket false .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?s aia:placedOnUnionMarket true }
  # a flag from OPTIONAL rather than BIND(EXISTS ...): Virtuoso 7 cannot compile the latter here
  OPTIONAL { ?s a aia:AISystem . BIND(true AS ?isSystem) }
  BIND(BOUND(?isSystem) AS ?system)
  FILTER(!?system || (EXISTS { ?s aia:outputUsedInUnion false } && NOT EXISTS { ?s aia:outputUsedInUnion true }))
  # every deployer is known to be established outside the Union
  FILTER NOT EXISTS {
    ?s aia:hasDeployer ?deployer .
    FILTER NOT EXISTS {
      ?deployer aia:establishedIn ?country .
      FILTER NOT EXISTS {
        ?territory skos:inScheme aiac:union-territories ; skos:notation ?code .
        FILTER(UCASE(STR(?country)) = ?code)
      }
    }
  }
  # an importer places the subject on the Union market (Art 3(6)) and a distributor makes it
  # available there (Art 3(7)): with either named, the statement is contradicted, and the subject
  # stays in scope (the shape UnionMarketContradicted says so)
  FILTER NOT EXISTS { ?s aia:hasImporter|aia:hasDistributor ?trader }
  # a model built into an AI system on the Union market is made available there (Art 3(10)); by
  # its own provider, it is placed on the market (Recital 97)
  FILTER NOT EXISTS {
    ?downstream aia:basedOnModel ?s .
    FILTER NOT EXISTS { ?downstream aia:placedOnUnionMarket false }
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  # points (b) and (c) concern deployers and the output of AI systems: for a model, point (a)
  # alone (an outside check found a model's exclusion citing the deployers of point (b))
  BIND(IF(?system, <https://w3id.org/aiact-kg/reg/2024/1689/art_2.par_1.pnt_b>, ?unbound) AS ?basisB)
  BIND(IF(?system, <https://w3id.org/aiact-kg/reg/2024/1689/art_2.par_1.pnt_c>, ?unbound) AS ?basisC)
  BIND(IF(?system,
          "The system is neither placed on the market nor put into service in the Union (Art 2(1)(a)), no deployer is established in the Union (Art 2(1)(b)) and its output is not used in the Union (Art 2(1)(c)): the Regulation does not apply to it or its operators.",
          "The model is not placed on the market in the Union, nor made available there in an AI system built on it (Art 2(1)(a), Art 3(10)): the Regulation does not apply to it.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-1-territorial-scope|not-on-union-market")))) AS ?d)
  # a premise that holds only on a condition gets an IRI of its own, minted from its determination and fact
  BIND(IF(?system, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?s), "|outputUsedInUnion|", "false")))), ?unbound) AS ?outputPremise)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-output-used-in-union ;
    aia:byRule aiar:art-2-1-territorial-scope ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_2.par_1.pnt_c> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:outputUsedInUnion ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?roleProperty ; aia:premiseValue ?party ] ,
                [ a aia:Premise ; aia:premiseSubject ?party ; aia:premiseProperty aia:establishedIn ; aia:premiseValue ?country ] ;
    aia:explanation "A provider or deployer of the system is established in a third country, and the output the system produces is used in the Union: the Regulation applies to that operator (Art 2(1)(c))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:outputUsedInUnion true ; ?roleProperty ?party .
  FILTER(isIRI(?s))
  VALUES ?roleProperty { aia:hasProvider aia:hasDeployer }
  ?party aia:establishedIn ?country .
  FILTER NOT EXISTS {
    ?territory skos:inScheme aiac:union-territories ; skos:notation ?memberState .
    FILTER(UCASE(STR(?country)) = ?memberState)
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-1-territorial-scope|output-used-in-union")))) AS ?d)
} ;
INSERT {
  ?s aia:deployerOutsideScope ?party .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-deployer-outside-territorial-scope ;
    aia:byRule aiar:art-2-1-territorial-scope ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_2.par_1.pnt_b> , <https://w3id.org/aiact-kg/reg/2024/1689/art_2.par_1.pnt_c> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:outputUsedInUnion ; aia:premiseValue false ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasDeployer ; aia:premiseValue ?party ] ,
                [ a aia:Premise ; aia:premiseSubject ?party ; aia:premiseProperty aia:establishedIn ; aia:premiseValue ?country ] ;
    aia:explanation "A deployer of the system is established in a third country and the system's output is not used in the Union: neither Art 2(1)(b) nor Art 2(1)(c) covers it, so the obligations of deployers do not apply to it. The system and its other operators remain in scope." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:outputUsedInUnion false ; aia:hasDeployer ?party .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?s aia:outputUsedInUnion true }
  ?party aia:establishedIn ?country .
  FILTER NOT EXISTS {
    ?territory skos:inScheme aiac:union-territories ; skos:notation ?memberState .
    FILTER(UCASE(STR(?country)) = ?memberState)
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-1-territorial-scope|deployer-outside-scope")))) AS ?d)
}
