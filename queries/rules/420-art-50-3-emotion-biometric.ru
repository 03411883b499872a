# Rule: art-50-3-emotion-biometric
# Label: Transparency under Art 50(3): an emotion recognition or biometric categorisation system
# Provisions: aiap:art_50.par_3 aiap:art_3.pnt_39 aiap:art_3.pnt_40
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot
# (but for one placed on the market before a prohibition that applies later than Art 50: its
# category, the first operation's, becomes the outcome of rule 440, without duties).
# The deployer of an emotion recognition system or a biometric categorisation system must
# inform the natural persons exposed to it (Art 50(3)). The system is one of these where it
# engages in the practice (aia:engagesIn / aia:practice aiac:practice-emotion-recognition or
# aiac:practice-biometric-categorisation) or its intended purpose is Annex III point 1(c) or
# 1(b), or an operator changed its intended purpose to one of those (aia:IntendedPurposeChange,
# Art 25(1)(c)) on or before the as-of date. The determination applies from the date of Art 50,
# or from the change if the system became one only then (a change after that date: the second
# operation takes the earliest of its premises' days; rule 820 dates the deployer's duty from
# it). Exception: systems permitted by law to detect, prevent or investigate criminal offences
# (aia:authorisedByLawForCriminalOffences true). The case concept is both an outcome and the
# catalogue's trigger; the exception gives its exception concept and exemption trigger instead.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-transparency ;
    aia:byRule aiar:art-50-3-emotion-biometric ;
    aia:legalBasis aiap:art_50.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?on ; aia:premiseProperty ?property ; aia:premiseValue ?value ] ;
    prov:wasGeneratedBy aiaa:run .
  ?case a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?transparencyCase ;
    aia:byRule aiar:art-50-3-emotion-biometric ;
    aia:legalBasis aiap:art_50.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?on ; aia:premiseProperty ?property ; aia:premiseValue ?value ] ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger ?transparencyCase .
}
WHERE {
  {
    SELECT DISTINCT ?s ?transparencyCase ?on ?property ?value WHERE {
      VALUES (?practiceValue ?useCase ?transparencyCase) {
        (aiac:practice-emotion-recognition aiac:annex-iii-1c aiac:art-50-3-emotion-recognition)
        (aiac:practice-biometric-categorisation aiac:annex-iii-1b aiac:art-50-3-biometric-categorisation)
      }
      ?s a aia:AISystem .
      {
        ?s aia:engagesIn ?on . ?on aia:practice ?practiceValue .
        BIND(aia:practice AS ?property) BIND(?practiceValue AS ?value)
      } UNION {
        ?s aia:intendedPurpose ?useCase .
        BIND(?s AS ?on) BIND(aia:intendedPurpose AS ?property) BIND(?useCase AS ?value)
      } UNION {
        # an operator changed the intended purpose to it (Art 25(1)(c)), on or before the as-of date
        ?s aia:purposeChangeInEffect ?on . ?on aia:newIntendedPurpose ?useCase .
        BIND(aia:newIntendedPurpose AS ?property) BIND(?useCase AS ?value)
      }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      # not a system whose placing Art 5 prohibits (see the head), unless it was placed on the
      # market before the prohibition applied, later than Art 50: rule 440 keeps that it fell under
      # Art 50 until then, as an outcome without duties (Art 2(12) and the date of Art 4 read it)
      FILTER NOT EXISTS {
        ?s aia:placingProhibited true .
        FILTER NOT EXISTS {
          ?s aia:placedBeforeProhibitionDate ?prohibitedFrom . aiap:art_50 eli:date_applicability ?art50Date .
          FILTER(?prohibitedFrom > ?art50Date)
        }
      }
      FILTER NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true }
      # nor a practice that rule 295 reads as a deployer's prohibited use of a system of general
      # purpose (Art 5(1)(f), (g)): the use itself is prohibited, so no duty to inform of it arises
      FILTER NOT EXISTS {
        ?useOnly aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited ;
                 aia:amendedByRule aiar:art-5-placing-prohibited ; aia:premise ?prohibitedPractice .
        ?prohibitedPractice aia:premiseProperty aia:engagesIn ; aia:premiseValue ?on .
      }
    }
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-3-emotion-biometric|category|", STR(?transparencyCase))))) AS ?d)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-3-emotion-biometric|", STR(?transparencyCase))))) AS ?case)
} ;
# the day each determination above applies from: the earliest of its premises' days, each the date
# of Art 50 or, for a change of intended purpose made after it, the change's date
INSERT { ?d aia:appliesFromDate ?applies ; aia:explanation ?explanation }
WHERE {
  {
    SELECT ?d (MIN(?start) AS ?applies) (SAMPLE(?kindText) AS ?kind) WHERE {
      VALUES (?value ?kindText) {
        (aiac:practice-emotion-recognition "an emotion recognition system")
        (aiac:annex-iii-1c "an emotion recognition system")
        (aiac:practice-biometric-categorisation "a biometric categorisation system")
        (aiac:annex-iii-1b "a biometric categorisation system")
      }
      ?d aia:byRule aiar:art-50-3-emotion-biometric ; prov:wasGeneratedBy aiaa:run ; aia:premise ?p .
      ?p aia:premiseSubject ?on ; aia:premiseValue ?value .
      aiap:art_50 eli:date_applicability ?art50 .
      OPTIONAL { ?on a aia:IntendedPurposeChange ; aia:eventDate ?changedOn }
      BIND(IF(BOUND(?changedOn) && ?changedOn > ?art50, ?changedOn, ?art50) AS ?start)
    } GROUP BY ?d
  }
  # every deployer described outside the Regulation (personal use, Art 2(10); Art 2(1)(b)-(c);
  # Art 2(4)): the duty has no bearer here, and the explanation says so (an outside check found
  # "its deployer must inform" beside a parent's personal use, with no duty listed)
  ?d aia:determinationOf ?s .
  OPTIONAL {
    ?s aia:hasDeployer ?someDeployer .
    FILTER NOT EXISTS {
      ?s aia:hasDeployer ?inScope .
      FILTER NOT EXISTS { ?s aia:personalUseDeployer|aia:deployerOutsideScope ?inScope }
    }
    BIND(true AS ?noDeployerInScope)
  }
  BIND(CONCAT("The system is ", ?kind,
              IF(BOUND(?noDeployerInScope),
                 "; Art 50(3) requires its deployer to inform the natural persons exposed to it of its operation, from ",
                 "; its deployer must inform the natural persons exposed to it of its operation (Art 50(3)), from "),
              STR(?applies),
              IF(BOUND(?noDeployerInScope), ", but every deployer described is outside the Regulation (the exclusions stated for this subject), so none of them bears that duty", ""),
              ".") AS ?explanation)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-50-3-exception-law-enforcement ;
    aia:byRule aiar:art-50-3-emotion-biometric ;
    aia:legalBasis aiap:art_50.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:authorisedByLawForCriminalOffences ; aia:premiseValue true ] ;
    aia:explanation "The system is an emotion recognition or biometric categorisation system permitted by law to detect, prevent or investigate criminal offences; the information duty of Art 50(3) does not apply." ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger aiac:trigger-law-enforcement-authorised-use .
}
WHERE {
  {
    SELECT DISTINCT ?s WHERE {
      ?s a aia:AISystem ; aia:authorisedByLawForCriminalOffences true .
      { ?s aia:engagesIn ?on . ?on aia:practice ?practice .
        FILTER(?practice IN (aiac:practice-emotion-recognition, aiac:practice-biometric-categorisation)) }
      UNION
      { ?s aia:intendedPurpose ?useCase . FILTER(?useCase IN (aiac:annex-iii-1c, aiac:annex-iii-1b)) }
      UNION
      { ?s aia:purposeChangeInEffect ?change . ?change aia:newIntendedPurpose ?newUseCase .
        FILTER(?newUseCase IN (aiac:annex-iii-1c, aiac:annex-iii-1b)) }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      FILTER NOT EXISTS { ?s aia:placingProhibited true }
    }
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-3-emotion-biometric|exception")))) AS ?d)
}
