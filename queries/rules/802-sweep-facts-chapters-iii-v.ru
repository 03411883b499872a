# Rule: sweep-facts-chapters-iii-v
# Label: Fact triggers of the duties the sweep found in Chapter III Sections 4-5 (notified-body certificates, common specifications, derogations from conformity assessment) and Chapter V (codes of practice)
# Provisions: aiap:art_36.par_8.pnt_b aiap:art_41.par_5 aiap:art_46.par_1 aiap:art_46.par_2 aiap:art_53.par_4 aiap:art_55.par_2 aiap:art_56
# Stated facts on the system or model, each satisfying one trigger of the catalogue:
#   - aia:notifiedBodyUnableToSupportCertificates true: the certifying notified body's
#     designation is suspended or restricted and it cannot support its certificates (Art 36(8)(b));
#   - aia:deviatesFromCommonSpecifications true: adopted common specifications apply and the
#     provider does not comply with them (Art 41(5));
#   - aia:conformityAssessmentDerogationAuthorised true: a market surveillance authority
#     authorised the system under Art 46(1) pending its conformity assessment;
#   - aia:urgentUseWithoutAuthorisation true: a law-enforcement or civil-protection authority
#     put the system into service in urgency without that authorisation (Art 46(2));
#   - aia:adheresToCodeOfPracticeArt53, aia:adheresToCodeOfPracticeArt55 on a general-purpose AI
#     model: true, its provider adheres to an approved code of practice (Art 56) or complies with
#     a harmonised standard covering the obligations of Art 53(1), or of Art 55(1), and need not
#     demonstrate alternative adequate means of compliance with them (the exemptions of the duties
#     of Art 53(4) and Art 55(2)); false, it relies on neither for those obligations, so the
#     event the duty waits on (aiac:trigger-no-code-of-practice, -art-55) has taken place and the
#     duty is no longer conditional. A provider may rely on a code for one set of obligations and
#     not the other (a code's chapters are signed separately), so each fact decides its own duty;
#     without it the duty is listed as conditional on its event.
INSERT { ?s aia:satisfiesTrigger aiac:trigger-notified-body-unable-to-support-certificates }
WHERE { ?s aia:notifiedBodyUnableToSupportCertificates true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-common-specifications-not-followed }
WHERE { ?s aia:deviatesFromCommonSpecifications true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-46-derogation-authorised }
WHERE { ?s aia:conformityAssessmentDerogationAuthorised true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-art-46-urgent-use }
WHERE { ?s aia:urgentUseWithoutAuthorisation true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-code-of-practice-art-53 }
WHERE { ?s aia:adheresToCodeOfPracticeArt53 true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-code-of-practice-art-55 }
WHERE { ?s aia:adheresToCodeOfPracticeArt55 true } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-no-code-of-practice }
WHERE { ?s aia:adheresToCodeOfPracticeArt53 false } ;
INSERT { ?s aia:satisfiesTrigger aiac:trigger-no-code-of-practice-art-55 }
WHERE { ?s aia:adheresToCodeOfPracticeArt55 false }
