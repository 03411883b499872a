# Rule: role-nodes
# Label: A role described as a node of its own (aia:playedBy, aia:roleFor) is read as the shortcut property of its role
# Provisions: aiap:art_3.pnt_8
# Closure: yes
# The ontology models a role as a node held by one party for one system or model (docs/model.md):
# [ a aia:DeployerRole ; aia:playedBy ex:bank ; aia:roleFor ex:score ]. The rules read the
# shortcut properties (aia:hasDeployer and the others), so each role node is written as the
# property of its role type: the knowledge base gives the class's role type (aia:roleType) and the
# role type's property (aia:roleProperty). Runs after the hierarchy is materialised (rule
# materialise-types), so that a role node typed with the submitter's subclass of a role class,
# or linked by a subproperty or an inverse of aia:playedBy or aia:roleFor, is read as well; the
# second operation then gives the written property its super-properties (aia:hasOperator), as
# the hierarchy does for a stated one.
INSERT { ?s ?roleProperty ?party }
WHERE {
  ?role aia:playedBy ?party ; aia:roleFor ?s ; a ?roleClass .
  ?roleClass aia:roleType ?roleType .
  ?roleType aia:roleProperty ?roleProperty .
} ;
INSERT { ?s ?superProperty ?party }
WHERE {
  ?role aia:playedBy ?party ; aia:roleFor ?s ; a ?roleClass .
  ?roleClass aia:roleType ?roleType .
  ?roleType aia:roleProperty ?roleProperty .
  ?roleProperty rdfs:subPropertyOf+ ?superProperty .
  FILTER(STRSTARTS(STR(?superProperty), STR(aia:)))
}
