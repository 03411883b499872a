# Rule: role-nodes
# Label: A role described as a node of its own (aia:playedBy, aia:roleFor) is read as the shortcut property of its role
# Provisions: aiap:art_3.pnt_8
# Closure: yes
# The ontology models a role as a node held by one party for one system or model (docs/model.md):
# [ a aia:DeployerRole ; aia:playedBy ex:bank ; aia:roleFor ex:score ]. The rules read the
# shortcut properties (aia:hasDeployer and the others), so each role node is written as the
# property of its role type: the knowledge base gives the class's role type (aia:roleType) and the
# role type's property (aia:roleProperty). Runs first, before the hierarchy is materialised, so
# that aia:hasOperator follows from the written property as from a stated one.
INSERT { ?s ?roleProperty ?party }
WHERE {
  ?role aia:playedBy ?party ; aia:roleFor ?s ; a ?roleClass .
  ?roleClass aia:roleType ?roleType .
  ?roleType aia:roleProperty ?roleProperty .
}
