# Rule: determination-dates
# Label: The date from which the provision a category determination rests on applies
# Provisions: aiap:art_113
# Rules may set aia:appliesFromDate themselves; otherwise the earliest application date of the
# provisions in the determination's legal basis is used, the definitions of Art 3 aside: they
# apply from 2 February 2025 with Chapter I (Art 113(a)), but a conclusion that also rests on an
# operative provision (Art 6(3) third subparagraph with the definition of profiling, Art 3(52))
# applies only from that provision's date. A determination resting on definitions alone takes
# their date (the second operation).
INSERT { ?d aia:appliesFromDate ?date }
WHERE {
  {
    SELECT ?d (MIN(?provisionDate) AS ?date) WHERE {
      ?d a aia:Determination ; aia:legalBasis ?provision .
      ?provision eli:date_applicability ?provisionDate .
      FILTER(!STRSTARTS(STR(?provision), CONCAT(STR(aiap:), "art_3.")))
    }
    GROUP BY ?d
  }
  FILTER NOT EXISTS { ?d aia:appliesFromDate ?set }
} ;
INSERT { ?d aia:appliesFromDate ?date }
WHERE {
  {
    SELECT ?d (MIN(?provisionDate) AS ?date) WHERE {
      ?d a aia:Determination ; aia:legalBasis ?provision .
      ?provision eli:date_applicability ?provisionDate .
    }
    GROUP BY ?d
  }
  FILTER NOT EXISTS { ?d aia:appliesFromDate ?set }
}
