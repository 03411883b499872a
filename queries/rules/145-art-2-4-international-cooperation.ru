# Rule: art-2-4-international-cooperation
# Label: Art 2(4): third-country public authorities and international organisations using AI in international law enforcement and judicial cooperation with adequate safeguards
# Provisions: aiap:art_2.par_4
# The Regulation applies neither to public authorities in a third country nor to international
# organisations that use AI systems in the framework of international cooperation or agreements
# for law enforcement and judicial cooperation with the Union or with Member States, provided
# the third country or organisation gives adequate safeguards for fundamental rights (Art 2(4)).
# Such a party is typed aia:InternationalOrganisation, or aia:PublicAuthority established in a
# third country (aia:establishedIn not a Member State), and states
# aia:usesInInternationalCooperation true and aia:providesAdequateSafeguards true.
#   1. Each deployer that is such a party is recorded as aia:deployerOutsideScope (the
#      obligation rules read it), with one outcome per system.
#   2. Where every provider and every deployer of the system is such a party (a system an
#      authority or organisation builds for its own use in that cooperation), the Regulation
#      does not apply to the system at all: out of scope.
INSERT {
  ?s aia:deployerOutsideScope ?party .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-international-cooperation-exclusion ;
    aia:byRule aiar:art-2-4-international-cooperation ;
    aia:legalBasis aiap:art_2.par_4 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasDeployer ; aia:premiseValue ?party ] ,
                [ a aia:Premise ; aia:premiseSubject ?party ; aia:premiseProperty aia:usesInInternationalCooperation ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?party ; aia:premiseProperty aia:providesAdequateSafeguards ; aia:premiseValue true ] ;
    aia:explanation "A deployer of the system is a public authority of a third country or an international organisation that uses it in the framework of international cooperation or agreements for law enforcement and judicial cooperation with the Union or Member States, with adequate safeguards for fundamental rights: the Regulation does not apply to that deployer (Art 2(4)). The system and its other operators remain in scope." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:hasDeployer ?party .
  FILTER(isIRI(?s))
  ?party aia:usesInInternationalCooperation true ; aia:providesAdequateSafeguards true .
  FILTER NOT EXISTS { ?party aia:usesInInternationalCooperation false }
  FILTER NOT EXISTS { ?party aia:providesAdequateSafeguards false }
  FILTER(EXISTS { ?party a aia:InternationalOrganisation }
         || (EXISTS { ?party a aia:PublicAuthority }
             && NOT EXISTS { ?party a aia:UnionBody }
             && EXISTS { ?party aia:establishedIn ?country }
             && NOT EXISTS {
                  ?party aia:establishedIn ?c .
                  ?territory skos:inScheme aiac:union-territories ; skos:notation ?memberState .
                  FILTER(UCASE(STR(?c)) = ?memberState)
                }))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-4-international-cooperation|deployer")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-2-4-international-cooperation ;
    aia:legalBasis aiap:art_2.par_4 ;
    aia:premise ?partial ;
    aia:explanation "Every provider and deployer of the system is a public authority of a third country or an international organisation using it in international cooperation for law enforcement and judicial cooperation with the Union or Member States, with adequate safeguards: the Regulation does not apply to them (Art 2(4)), so it does not reach the system." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?partial aia:determinationOf ?s ; aia:conclusion aiac:outcome-international-cooperation-exclusion .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS {
    ?s aia:hasDeployer|aia:hasProvider ?other .
    FILTER NOT EXISTS { ?s aia:deployerOutsideScope ?other . ?other aia:usesInInternationalCooperation true }
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-4-international-cooperation|out-of-scope")))) AS ?d)
}
