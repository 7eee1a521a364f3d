"""Good-practice steps the facts call for beyond the legal duties to notify (breach-assessment/1
"advice"): each is a general rule, triggered by facts, never by a particular case.
"""

from __future__ import annotations

from model.domain.enums import (
    Access,
    DataCategory,
    ExemptionGround,
    ProtectionMethod,
    Regime,
    RiskLevel,
)
from model.domain.risk.resolved import RECIPIENTS, WIDE, Resolved


def advise(r: Resolved, level: RiskLevel, exemption: str | None) -> tuple[str, ...]:
    """The steps that apply to these facts, in the order a DPO would take them."""
    if not r.personal_data:
        return ("Record it as a security incident; if personal data turns out to be involved "
                "after all, assess it again at once.",)
    steps: list[str] = []
    credentials = DataCategory.IDENTIFICATION_DATA in r.categories and r.confidentiality_lost
    if credentials and r.credentials_hashed:
        steps.append("Prompt the users to change their passwords, and anywhere they reused "
                     "them: good practice even though the hashes are strong.")
    elif credentials and r.readable:
        steps.append("Reset the exposed passwords now and tell users to change them wherever "
                     "they reused them.")
    if r.exposure in RECIPIENTS and not r.recipient_deleted and not r.malicious:
        steps.append("Ask the recipients to delete or return the data and to confirm it in "
                     "writing; record the confirmation.")
    if r.exposure in WIDE and r.readable and r.access is Access.UNKNOWN:
        steps.append("Check logs covering the whole exposure for access; what they show (or "
                      "that there are none) changes the assessment.")
    if r.malicious and not r.confidentiality_lost and r.availability_lost:
        steps.append("Have forensics establish whether data was copied before it was "
                     "encrypted or deleted; if that cannot be ruled out, add confidentiality.")
    if exemption == ExemptionGround.UNINTELLIGIBLE.value and r.facts.regime is Regime.PECR:
        steps.append("Show the ICO that the data was unintelligible (PECR reg. 5A(6)); keep "
                     "the evidence of the encryption and of the key's safety.")
    elif r.method is ProtectionMethod.ENCRYPTION and r.unintelligible and r.confidentiality_lost:
        steps.append("Keep evidence of the encryption standard and that the key stayed safe: "
                     "it is the reason nobody needs telling.")
    return tuple(steps)
