# Rule: determination-dates
# Label: The date from which the provision a category determination rests on applies
# Provisions: aiap:art_113
# Rules may set aia:appliesFromDate themselves; otherwise the earliest application date of the
# provisions in the determination's legal basis is used, the definitions of Art 3 aside: they
# apply from 2 February 2025 with Chapter I (Art 113(a)), but a conclusion that also rests on an
# operative provision (Art 6(3) third subparagraph with the definition of profiling, Art 3(52))
# applies only from that provision's date. A determination resting on definitions alone takes
# their date. (One aggregate: each date is keyed "0" for an operative provision and "1" for a
# definition, so the least key is the earliest operative date, if there is one.)
INSERT { ?d aia:appliesFromDate ?date }
WHERE {
  {
    SELECT ?d (MIN(?keyed) AS ?least) WHERE {
      ?d a aia:Determination ; aia:legalBasis ?provision .
      ?provision eli:date_applicability ?provisionDate .
      BIND(CONCAT(IF(STRSTARTS(STR(?provision), CONCAT(STR(aiap:), "art_3.")), "1", "0"),
                  STR(?provisionDate)) AS ?keyed)
    }
    GROUP BY ?d
  }
  FILTER NOT EXISTS { ?d aia:appliesFromDate ?set }
  BIND(xsd:date(SUBSTR(?least, 2)) AS ?date)
}
