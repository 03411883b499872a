# Rule: art-2-10-personal-use
# Label: Art 2(10): deployer obligations do not apply to natural persons in a purely personal non-professional activity
# Provisions: aiap:art_2.par_10 aiap:art_3.pnt_4
# A deployer (aia:hasDeployer) that acts in a purely personal non-professional capacity
# (aia:actsInPersonalCapacity true) bears no deployer obligations (Art 2(10); such a person is
# not even a deployer under Art 3(4)). The system stays in scope: the rule records the party as
# aia:personalUseDeployer, which the obligation rules read, and adds an outcome per party; it
# concludes no category. Only "deployers who are natural persons" (Art 2(10)) can: a party typed
# a legal person, a public authority, an authority or an international organisation (or any
# class below them) cannot, so the fact is ignored for it (the shape
# PersonalCapacityOfNaturalPersons warns about it; an international organisation used to keep
# the exemption). The fact is stated of the person, but Art 2(10) is about the activity: a use at
# the workplace (aia:usedAtWorkplace true, a practice at aiac:area-workplace) or for employment
# (an Annex III point 4 use case) is professional, so for that system the exemption does not hold
# (the shape PersonalCapacityAtWork says so; the person's other, personal uses keep it). So too
# where an operator changed the system's intended purpose to an Annex III point 4 use case
# (aia:IntendedPurposeChange, aia:newIntendedPurpose) on or before the as-of date, matched as
# rules 311 and 320 match a change: from then the system is intended for employment, and its use
# is not a purely personal non-professional activity (Art 2(10)); before the change it is (an
# outside check found the exemption kept after such a change).
INSERT {
  ?s aia:personalUseDeployer ?party .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-personal-use-deployer ;
    aia:byRule aiar:art-2-10-personal-use ;
    aia:legalBasis aiap:art_2.par_10 , aiap:art_3.pnt_4 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:hasDeployer ; aia:premiseValue ?party ] ,
                [ a aia:Premise ; aia:premiseSubject ?party ; aia:premiseProperty aia:actsInPersonalCapacity ; aia:premiseValue true ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:hasDeployer ?party .
  ?party aia:actsInPersonalCapacity true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS {
    ?party a ?organisation .
    VALUES ?organisation { aia:LegalPerson aia:PublicAuthority aia:Authority aia:InternationalOrganisation }
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:usedAtWorkplace true }
  FILTER NOT EXISTS { ?s aia:intendedPurpose ?employment . ?employment skos:broader aiac:annex-iii-4 }
  FILTER NOT EXISTS {
    ?s aia:purposeChangeInEffect ?change . ?change aia:newIntendedPurpose ?newEmployment .
    ?newEmployment skos:broader aiac:annex-iii-4 .
  }
  FILTER NOT EXISTS { ?s aia:engagesIn ?atWork . ?atWork aia:practiceArea aiac:area-workplace }
  # one name per party, whatever the number of labels: an English one first, then the first in
  # code-point order (two labels must not give two explanations to one determination)
  OPTIONAL {
    SELECT ?party (MIN(CONCAT(IF(LANGMATCHES(LANG(?l), "en"), "0", "1"), STR(?l))) AS ?rankedLabel)
    WHERE { ?party rdfs:label ?l } GROUP BY ?party
  }
  BIND(SUBSTR(?rankedLabel, 2) AS ?partyLabel)
  BIND(IF(BOUND(?partyLabel), CONCAT("'", STR(?partyLabel), "'"), "A deployer of the system") AS ?who)
  BIND(CONCAT(?who, " is a natural person using the system in the course of a purely personal non-professional activity; the obligations of deployers do not apply to that person (Art 2(10)). The obligations of the system's other operators are unaffected.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-10-personal-use|", STR(?party))))) AS ?d)
}
