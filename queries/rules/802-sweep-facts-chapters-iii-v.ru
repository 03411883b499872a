# Rule: sweep-facts-chapters-iii-v
# Label: Fact triggers of the duties the sweep found in Chapter III Sections 4-5 (notified-body certificates, common specifications, derogations from conformity assessment)
# Provisions: aiap:art_36.par_8.pnt_b aiap:art_41.par_5 aiap:art_46.par_1 aiap:art_46.par_2
# Stated facts on the system or model, each satisfying one trigger of the catalogue:
#   - aia:notifiedBodyUnableToSupportCertificates true: the certifying notified body's
#     designation is suspended or restricted and it cannot support its certificates (Art 36(8)(b));
#   - aia:deviatesFromCommonSpecifications true: adopted common specifications apply and the
#     provider does not comply with them (Art 41(5));
#   - aia:conformityAssessmentDerogationAuthorised true: a market surveillance authority
#     authorised the system under Art 46(1) pending its conformity assessment;
#   - aia:urgentUseWithoutAuthorisation true: a law-enforcement or civil-protection authority
#     put the system into service in urgency without that authorisation (Art 46(2)).
INSERT { ?s aia:satisfiesTrigger aiac:trigger-notified-body-unable-to-support-certificates }
WHERE { ?s aia:notifiedBodyUnableToSupportCertificates true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-common-specifications-not-followed }
WHERE { ?s aia:deviatesFromCommonSpecifications true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-46-derogation-authorised }
WHERE { ?s aia:conformityAssessmentDerogationAuthorised true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-46-urgent-use }
WHERE { ?s aia:urgentUseWithoutAuthorisation true }
