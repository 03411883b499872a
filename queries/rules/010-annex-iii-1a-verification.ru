# Rule: annex-iii-1a-verification
# Label: Annex III point 1(a) leaves out biometric verification whose sole purpose is to confirm a claimed identity
# Provisions: aiap:anx_III.pnt_1.pnt_a aiap:art_3.pnt_36
# Point 1(a) of Annex III lists remote biometric identification systems and "shall not include AI
# systems intended to be used for biometric verification the sole purpose of which is to confirm
# that a specific natural person is the person he or she claims to be" (the exclusion
# aiac:annex-iii-1a-exclusion-verification of the use case). A system one of whose practices is
# stated to have that sole purpose (aia:solePurposeIdentityConfirmation true) is left out of the
# use case (aia:useCaseLeftOut), unless another of its practices of that use case lacks that
# sole purpose: that practice is identification, which the point keeps (as rule 280 reads each
# practice on its own). The classification rules read the fact for a stated purpose (rule 310),
# the exclusion outcome (rule 312) and a new purpose given by a change (rule 320).
INSERT { ?s aia:useCaseLeftOut ?useCase }
WHERE {
  ?useCase aia:hasExclusion aiac:annex-iii-1a-exclusion-verification .
  ?s aia:engagesIn ?verification . ?verification aia:solePurposeIdentityConfirmation true .
  FILTER NOT EXISTS {
    ?s aia:engagesIn ?identification . ?identification aia:practice ?identificationPractice .
    ?identificationPractice aia:practiceUseCase ?useCase .
    FILTER NOT EXISTS { ?identification aia:solePurposeIdentityConfirmation true }
  }
}
