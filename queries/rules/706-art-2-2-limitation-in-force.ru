# Rule: art-2-2-limitation-in-force
# Label: Once Art 2(2) limits a Section B product's system, the conclusions of the provisions it leaves out are withdrawn
# Provisions: aiap:art_2.par_2 aiap:art_6.par_1 aiap:art_113.pnt_c
# For a high-risk AI system under Art 6(1) related to a product under Annex I Section B, "only
# Article 6(1), Articles 102 to 109 and Article 112 apply" (Art 2(2)). Rule 150 dates that
# limitation from the day Art 6(1) applies (rule 702 moves it with an amendment, so this rule
# runs after the dates are final); before that day the rest of the Regulation applies to the
# system as to any other. On and after it, on the as-of date, the determinations that rest on the
# provisions left out are withdrawn with their premises: the transparency categories of Art 50,
# a classification under Art 6(2) and Annex III, the conformity route of Art 43, a prohibition of
# Art 5, the value-chain outcomes of Art 25. What stays: the Art 6(1) classification, the
# limitation itself and any out-of-scope determination. (Rule 810 lists no obligation for the
# subject from the same day, reading the same limitation.)
DELETE { ?d ?p ?o . ?premise ?premiseProperty ?premiseValue }
WHERE {
  {
    SELECT DISTINCT ?s WHERE {
      ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
               aia:appliesFromDate ?limitedFrom .
      aiaa:run aia:asOf ?asOf .
      FILTER(?limitedFrom <= ?asOf)
    }
  }
  ?d a aia:Determination ; aia:determinationOf ?s .
  FILTER NOT EXISTS { ?d aia:byRule aiar:art-2-2-annex-i-section-b }
  FILTER NOT EXISTS { ?d aia:byRule aiar:art-6-1-annex-i }
  FILTER NOT EXISTS { ?d aia:conclusion aiac:category-out-of-scope }
  ?d ?p ?o .
  OPTIONAL {
    ?d aia:premise ?premise .
    ?premise a aia:Premise ; ?premiseProperty ?premiseValue .
  }
}
