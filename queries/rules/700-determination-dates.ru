# Rule: determination-dates
# Label: The date from which the provision a category determination rests on applies
# Provisions: aiap:art_113
# Rules may set aia:appliesFromDate themselves; otherwise the earliest application date of the
# provisions in the determination's legal basis is used.
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
