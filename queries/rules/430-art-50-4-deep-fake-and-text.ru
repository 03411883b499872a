# Rule: art-50-4-deep-fake-and-text
# Label: Transparency under Art 50(4): deep fakes and AI-generated text published on matters of public interest
# Provisions: aiap:art_50.par_4.sub_1 aiap:art_50.par_4.sub_2 aiap:art_3.pnt_60 aiap:art_2.par_10
# Subjects with an out-of-scope (Art 2) or prohibited (Art 5) determination are skipped: a
# prohibited system may not be placed on the market or used, so its classification here is moot
# (but for one placed on the market before a prohibition that applies later than Art 50: its
# category, the first operation's, becomes the outcome of rule 440, without duties);
# so are subjects whose every deployer described is outside the Regulation (Art 2(10), 2(1)).
# First subparagraph: a deployer that generates or manipulates image, audio or video content
# constituting a deep fake (aia:deployerPublishesDeepFakes true; not for a system stated to
# generate only text, aia:generatesContent) discloses it, unless the use is
# authorised by law for criminal offences (aia:authorisedByLawForCriminalOffences true). For an
# evidently artistic, creative, satirical or fictional work (aia:evidentlyArtisticWork true) the
# duty remains but is limited: the case holds and the limitation is recorded as a further outcome,
# and the subject satisfies aiac:trigger-evidently-artistic-work, by which rule 826 says how the
# deployer meets the duty (the limited disclosure, aiac:alternative-art-50-4-artistic-work).
# Second subparagraph: a deployer that publishes AI-generated or manipulated text to inform the
# public on matters of public interest (aia:deployerPublishesPublicInterestText true) discloses
# it, unless the use is authorised by law or the text underwent human review or editorial control
# with editorial responsibility (aia:underHumanEditorialControl true; not given, it is taken as
# absent and the explanation says so). Each case concept is both
# an outcome and the catalogue's trigger; exceptions give their concept and exemption trigger.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-transparency ;
    aia:byRule aiar:art-50-4-deep-fake-and-text ;
    aia:legalBasis ?basis ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?fact ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?case a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?transparencyCase ;
    aia:byRule aiar:art-50-4-deep-fake-and-text ;
    aia:legalBasis ?basis ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?fact ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger ?transparencyCase .
}
WHERE {
  VALUES (?fact ?transparencyCase ?basis ?what) {
    (aia:deployerPublishesDeepFakes aiac:art-50-4-deep-fake <https://w3id.org/aiact-kg/reg/2024/1689/art_50.par_4.sub_1>
     "image, audio or video content constituting a deep fake; its deployer must disclose that the content has been artificially generated or manipulated (Art 50(4) first subparagraph)")
    (aia:deployerPublishesPublicInterestText aiac:art-50-4-public-interest-text <https://w3id.org/aiact-kg/reg/2024/1689/art_50.par_4.sub_2>
     "text published to inform the public on matters of public interest; its deployer must disclose that the text has been artificially generated or manipulated (Art 50(4) second subparagraph)")
  }
  ?s a aia:AISystem ; ?fact true .
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
  # both subparagraphs bind deployers: where every deployer described is outside the Regulation
  # (a natural person in purely personal use, Art 2(10); Art 2(1)), no one is bound by them
  FILTER NOT EXISTS {
    ?s aia:personalUseDeployer|aia:deployerOutsideScope ?excluded .
    FILTER NOT EXISTS {
      ?s aia:hasDeployer ?bound .
      FILTER NOT EXISTS { ?s aia:personalUseDeployer|aia:deployerOutsideScope ?bound }
    }
  }
  FILTER(?fact != aia:deployerPublishesPublicInterestText || NOT EXISTS { ?s aia:underHumanEditorialControl true })
  # a deep fake is image, audio or video content (Art 3(60)): a system stated to generate only
  # other content (text) has no deep fakes to disclose (the shapes warn of the contradiction)
  FILTER NOT EXISTS {
    ?s aia:generatesContent ?statedKind .
    FILTER(?fact = aia:deployerPublishesDeepFakes)
    FILTER NOT EXISTS { ?s aia:generatesContent ?media . FILTER(?media IN (aiac:content-audio, aiac:content-image, aiac:content-video)) }
  }
  # the second subparagraph covers a system "that generates or manipulates text": one stated to
  # generate only other content has no such text (the shapes warn of the contradiction)
  FILTER NOT EXISTS {
    ?s aia:generatesContent ?statedOther .
    FILTER(?fact = aia:deployerPublishesPublicInterestText)
    FILTER NOT EXISTS { ?s aia:generatesContent aiac:content-text }
  }
  aiap:art_50 eli:date_applicability ?applies .
  # the exception of human review or editorial control needs the fact; not given, it is taken as absent
  BIND(IF(?fact = aia:deployerPublishesPublicInterestText && NOT EXISTS { ?s aia:underHumanEditorialControl ?anyControl },
          " Whether the text underwent human review or editorial control with editorial responsibility is not given, so it is taken as not: that exception of Art 50(4) second subparagraph is not applied.",
          "") AS ?absent)
  BIND(CONCAT("The system is used to generate or manipulate ", ?what, ", from ", STR(?applies), ".", ?absent) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-4-deep-fake-and-text|category|", STR(?transparencyCase))))) AS ?d)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-4-deep-fake-and-text|", STR(?transparencyCase))))) AS ?case)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?exception ;
    aia:byRule aiar:art-50-4-deep-fake-and-text ;
    aia:legalBasis ?basis ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?fact ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty ?exceptionFact ; aia:premiseValue true ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?s aia:satisfiesTrigger ?exemption .
}
WHERE {
  VALUES (?fact ?exceptionFact ?exception ?exemption ?basis ?why) {
    (aia:deployerPublishesDeepFakes aia:authorisedByLawForCriminalOffences aiac:art-50-4-deep-fake-exception-law-enforcement
     aiac:trigger-law-enforcement-authorised-use <https://w3id.org/aiact-kg/reg/2024/1689/art_50.par_4.sub_1>
     "The deep fake is used as authorised by law to detect, prevent, investigate or prosecute a criminal offence; the disclosure duty of Art 50(4) first subparagraph does not apply.")
    (aia:deployerPublishesDeepFakes aia:evidentlyArtisticWork aiac:art-50-4-deep-fake-exception-artistic-work
     aiac:trigger-evidently-artistic-work <https://w3id.org/aiact-kg/reg/2024/1689/art_50.par_4.sub_1>
     "The deep fake forms part of an evidently artistic, creative, satirical, fictional or analogous work; the disclosure duty still applies but is limited to disclosing the existence of the generated or manipulated content in a way that does not hamper the display or enjoyment of the work (Art 50(4) first subparagraph).")
    (aia:deployerPublishesPublicInterestText aia:authorisedByLawForCriminalOffences aiac:art-50-4-public-interest-text-exception-law-enforcement
     aiac:trigger-law-enforcement-authorised-use <https://w3id.org/aiact-kg/reg/2024/1689/art_50.par_4.sub_2>
     "The text is published as authorised by law to detect, prevent, investigate or prosecute criminal offences; the disclosure duty of Art 50(4) second subparagraph does not apply.")
    (aia:deployerPublishesPublicInterestText aia:underHumanEditorialControl aiac:art-50-4-public-interest-text-exception-editorial-control
     aiac:trigger-editorial-control <https://w3id.org/aiact-kg/reg/2024/1689/art_50.par_4.sub_2>
     "The text underwent human review or editorial control and a natural or legal person holds editorial responsibility for its publication; the disclosure duty of Art 50(4) second subparagraph does not apply.")
  }
  ?s a aia:AISystem ; ?fact true ; ?exceptionFact true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  # The artistic limitation is only recorded where the deep-fake duty holds (no law-enforcement exception).
  FILTER(?exception != aiac:art-50-4-deep-fake-exception-artistic-work || NOT EXISTS { ?s aia:authorisedByLawForCriminalOffences true })
  # a deep fake is image, audio or video content (Art 3(60)): a system stated to generate only
  # other content (text) has no deep fakes to disclose (the shapes warn of the contradiction)
  FILTER NOT EXISTS {
    ?s aia:generatesContent ?statedKind .
    FILTER(?fact = aia:deployerPublishesDeepFakes)
    FILTER NOT EXISTS { ?s aia:generatesContent ?media . FILTER(?media IN (aiac:content-audio, aiac:content-image, aiac:content-video)) }
  }
  # the second subparagraph covers a system "that generates or manipulates text": one stated to
  # generate only other content has no such text (the shapes warn of the contradiction)
  FILTER NOT EXISTS {
    ?s aia:generatesContent ?statedOther .
    FILTER(?fact = aia:deployerPublishesPublicInterestText)
    FILTER NOT EXISTS { ?s aia:generatesContent aiac:content-text }
  }
  BIND(?why AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-50-4-deep-fake-and-text|", STR(?exception))))) AS ?d)
}
