# Rule: compute-estimate
# Label: One training-compute estimate per general-purpose AI model: stated, converted from petaFLOP/s-days, 6 x parameters x tokens, or from hardware
# Provisions: aiap:art_51.par_2 aiap:anx_XIII.pnt_a aiap:anx_XIII.pnt_b aiap:anx_XIII.pnt_c
# Precedence: stated FLOP > petaFLOP/s-days > 6ND > hardware; each update fires only for models
# without an estimate yet. The methods and their ranges are documented in
# ontology/schemes/outcomes-gpai.ttl (aiac:method-*). Figures are cast to xsd:double before
# multiplying (integer products of parameters and tokens overflow).
# An estimate is a fact about the model, not a conclusion: it is made for every model, before the
# scope rules, because Art 2(8) reads it (a model not yet placed whose estimated compute exceeds
# the threshold stays in scope for the Art 52(1) notification). The flag that the compute was
# estimated, a conclusion, comes with the models in scope (rule compute-estimated-flag).
INSERT {
  ?m aia:hasComputeEstimate ?e .
  ?e a aia:ComputeEstimate ; aia:estimateOf ?m ; aia:estimationMethod aiac:method-stated ;
     aia:computeFLOP ?c ; aia:computeLowFLOP ?c ; aia:computeHighFLOP ?c ;
     aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:trainingComputeFLOP ; aia:premiseValue ?v ] ;
     prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:trainingComputeFLOP ?v .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?m aia:hasComputeEstimate ?any }
  BIND(xsd:double(?v) AS ?c)
  FILTER(BOUND(?c) && ?c > 0)
  BIND(IRI(CONCAT(STR(aiaa:), "est-", MD5(STR(?m)))) AS ?e)
} ;
INSERT {
  ?m aia:hasComputeEstimate ?e .
  ?e a aia:ComputeEstimate ; aia:estimateOf ?m ; aia:estimationMethod aiac:method-petaflops-days ;
     aia:computeFLOP ?c ; aia:computeLowFLOP ?c ; aia:computeHighFLOP ?c ;
     aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:trainingComputePetaflopsDays ; aia:premiseValue ?v ] ;
     prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:trainingComputePetaflopsDays ?v .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?m aia:hasComputeEstimate ?any }
  BIND(xsd:double(?v) * 8.64e19 AS ?c)
  FILTER(BOUND(?c) && ?c > 0)
  BIND(IRI(CONCAT(STR(aiaa:), "est-", MD5(STR(?m)))) AS ?e)
} ;
INSERT {
  ?m aia:hasComputeEstimate ?e .
  ?e a aia:ComputeEstimate ; aia:estimateOf ?m ; aia:estimationMethod aiac:method-6nd ;
     aia:computeFLOP ?c ; aia:computeLowFLOP ?low ; aia:computeHighFLOP ?high ;
     aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty ?paramProperty ; aia:premiseValue ?n ] ,
                 [ aia:premiseSubject ?m ; aia:premiseProperty aia:trainingTokens ; aia:premiseValue ?tokens ] ;
     prov:wasGeneratedBy aiaa:run .
  ?e aia:premise ?moePremise .
  ?moePremise aia:premiseSubject ?m ; aia:premiseProperty aia:mixtureOfExperts ; aia:premiseValue true .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:trainingTokens ?tokens .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?m aia:hasComputeEstimate ?any }
  OPTIONAL { ?m aia:activeParameters ?active }
  OPTIONAL { ?m aia:totalParameters ?total }
  OPTIONAL { ?m aia:mixtureOfExperts ?moeStated }
  BIND(COALESCE(?active, ?total) AS ?n)
  FILTER(BOUND(?n))
  BIND(IF(BOUND(?active), aia:activeParameters, aia:totalParameters) AS ?paramProperty)
  # a mixture-of-experts model described only by its total parameters: a wide range
  BIND(!BOUND(?active) && COALESCE(?moeStated, false) AS ?moeTotalOnly)
  BIND(6.0e0 * xsd:double(?n) * xsd:double(?tokens) AS ?c)
  FILTER(BOUND(?c) && ?c > 0)
  BIND(IF(?moeTotalOnly, ?c / 8.0e0, ?c * 0.5e0) AS ?low)
  BIND(?c * 2.0e0 AS ?high)
  BIND(IRI(CONCAT(STR(aiaa:), "est-", MD5(STR(?m)))) AS ?e)
  # the premise that holds only for such a model gets an IRI of its own, minted from the estimate
  BIND(IF(?moeTotalOnly, IRI(CONCAT(STR(?e), "-premise-", MD5(CONCAT(STR(?m), "|mixtureOfExperts|true")))), ?unbound) AS ?moePremise)
} ;
INSERT {
  ?m aia:hasComputeEstimate ?e .
  ?e a aia:ComputeEstimate ; aia:estimateOf ?m ; aia:estimationMethod aiac:method-hardware ;
     aia:computeFLOP ?c ; aia:computeLowFLOP ?low ; aia:computeHighFLOP ?high ;
     aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:acceleratorCount ; aia:premiseValue ?count ] ,
                 [ aia:premiseSubject ?m ; aia:premiseProperty aia:acceleratorPeakFLOPS ; aia:premiseValue ?peak ] ,
                 [ aia:premiseSubject ?m ; aia:premiseProperty aia:hardwareUtilisation ; aia:premiseValue ?util ] ,
                 [ aia:premiseSubject ?m ; aia:premiseProperty aia:trainingDurationHours ; aia:premiseValue ?hours ] ;
     prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:acceleratorCount ?count ; aia:acceleratorPeakFLOPS ?peak ;
     aia:hardwareUtilisation ?util ; aia:trainingDurationHours ?hours .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?m aia:hasComputeEstimate ?any }
  BIND(xsd:double(?count) * xsd:double(?peak) * xsd:double(?util) * xsd:double(?hours) * 3600.0e0 AS ?c)
  FILTER(BOUND(?c) && ?c > 0)
  BIND(?c * 0.5e0 AS ?low)
  BIND(?c * 1.5e0 AS ?high)
  BIND(IRI(CONCAT(STR(aiaa:), "est-", MD5(STR(?m)))) AS ?e)
} ;
# A readable label for each estimate: "3.8e25 FLOP (stated)" or "1.9e25 FLOP (range 9.5e24 to 3.8e25, 6nd)".
INSERT { ?e rdfs:label ?label }
WHERE {
  ?e a aia:ComputeEstimate ; aia:estimationMethod ?method ; aia:computeLowFLOP ?low ; aia:computeHighFLOP ?high .
  ?method skos:notation ?methodCode .
  FILTER NOT EXISTS { ?e rdfs:label ?existing }
  {
    SELECT ?e ?cs WHERE {
      ?e a aia:ComputeEstimate ; aia:computeFLOP ?x .
      VALUES ?k { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 }
      BIND(xsd:double(CONCAT("1e", STR(?k))) AS ?p)
      # the power of ten of the figure rounded to three digits (9.996e29 is 1e30, not "10e29":
      # an outside check), each bound computed as the next power's, so one ?k matches
      FILTER(?x >= ?p * 0.9995e0 && ?x < xsd:double(CONCAT("1e", STR(?k + 1))) * 0.9995e0)
      # the mantissa to two decimals, written from whole hundredths: an engine may print the
      # double ROUND(?x / ?p * 100) / 100 as 8.720000000000001 where another prints 8.72
      BIND(xsd:integer(ROUND(?x / ?p * 100)) AS ?hundredths)
      BIND(xsd:integer(FLOOR(?hundredths / 100)) AS ?units)
      BIND(?hundredths - 100 * ?units AS ?cents)
      BIND(xsd:integer(FLOOR(?cents / 10)) AS ?tenths)
      BIND(CONCAT(STR(?units), IF(?cents = 0, "", IF(?cents = 10 * ?tenths, CONCAT(".", STR(?tenths)),
                  CONCAT(IF(?cents < 10, ".0", "."), STR(?cents))))) AS ?mantissa)
      BIND(CONCAT(?mantissa, "e", STR(?k)) AS ?cs)
    }
  }
  {
    SELECT ?e ?ls WHERE {
      ?e a aia:ComputeEstimate ; aia:computeLowFLOP ?x .
      VALUES ?k { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 }
      BIND(xsd:double(CONCAT("1e", STR(?k))) AS ?p)
      # the power of ten of the figure rounded to three digits (9.996e29 is 1e30, not "10e29":
      # an outside check), each bound computed as the next power's, so one ?k matches
      FILTER(?x >= ?p * 0.9995e0 && ?x < xsd:double(CONCAT("1e", STR(?k + 1))) * 0.9995e0)
      # the mantissa to two decimals, written from whole hundredths: an engine may print the
      # double ROUND(?x / ?p * 100) / 100 as 8.720000000000001 where another prints 8.72
      BIND(xsd:integer(ROUND(?x / ?p * 100)) AS ?hundredths)
      BIND(xsd:integer(FLOOR(?hundredths / 100)) AS ?units)
      BIND(?hundredths - 100 * ?units AS ?cents)
      BIND(xsd:integer(FLOOR(?cents / 10)) AS ?tenths)
      BIND(CONCAT(STR(?units), IF(?cents = 0, "", IF(?cents = 10 * ?tenths, CONCAT(".", STR(?tenths)),
                  CONCAT(IF(?cents < 10, ".0", "."), STR(?cents))))) AS ?mantissa)
      BIND(CONCAT(?mantissa, "e", STR(?k)) AS ?ls)
    }
  }
  {
    SELECT ?e ?hs WHERE {
      ?e a aia:ComputeEstimate ; aia:computeHighFLOP ?x .
      VALUES ?k { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 }
      BIND(xsd:double(CONCAT("1e", STR(?k))) AS ?p)
      # the power of ten of the figure rounded to three digits (9.996e29 is 1e30, not "10e29":
      # an outside check), each bound computed as the next power's, so one ?k matches
      FILTER(?x >= ?p * 0.9995e0 && ?x < xsd:double(CONCAT("1e", STR(?k + 1))) * 0.9995e0)
      # the mantissa to two decimals, written from whole hundredths: an engine may print the
      # double ROUND(?x / ?p * 100) / 100 as 8.720000000000001 where another prints 8.72
      BIND(xsd:integer(ROUND(?x / ?p * 100)) AS ?hundredths)
      BIND(xsd:integer(FLOOR(?hundredths / 100)) AS ?units)
      BIND(?hundredths - 100 * ?units AS ?cents)
      BIND(xsd:integer(FLOOR(?cents / 10)) AS ?tenths)
      BIND(CONCAT(STR(?units), IF(?cents = 0, "", IF(?cents = 10 * ?tenths, CONCAT(".", STR(?tenths)),
                  CONCAT(IF(?cents < 10, ".0", "."), STR(?cents))))) AS ?mantissa)
      BIND(CONCAT(?mantissa, "e", STR(?k)) AS ?hs)
    }
  }
  BIND(IF(?low = ?high, CONCAT(?cs, " FLOP (", ?methodCode, ")"),
          CONCAT(?cs, " FLOP (range ", ?ls, " to ", ?hs, ", ", ?methodCode, ")")) AS ?label)
} ;
# An estimate the table above cannot write (below 1 or from 1e100 FLOP) is labelled with the
# number as the engine writes it: the rules that explain the estimate read its label, and an
# estimate without one would draw no presumption at all.
INSERT { ?e rdfs:label ?label }
WHERE {
  ?e a aia:ComputeEstimate ; aia:estimationMethod ?method ; aia:computeFLOP ?c .
  ?method skos:notation ?methodCode .
  FILTER NOT EXISTS { ?e rdfs:label ?existing }
  BIND(CONCAT(STR(?c), " FLOP (", ?methodCode, ")") AS ?label)
}
