"""A vault holding the motivating case ready for letters: the organisation, an assessment,
a decision to tell the people affected, and (optionally) recipients from a CSV."""

from __future__ import annotations

from typing import Any

from model.domain.decision import DecisionDraft
from model.domain.enums import Regime, Sector
from model.domain.records import OrganisationProfile

ORG = OrganisationProfile(name="Northshire Police", address="1 Station Road, Northtown NT1 1AA",
                          sector=Sector.LAW_ENFORCEMENT, dpo_name="Alex Morgan",
                          dpo_email="dpo@northshire.example", dpo_phone="01632 960000",
                          default_regime=Regime.DPA2018_PART3)


def recipients_csv(n: int, bad: int = 0) -> bytes:
    """`n` valid rows (distinct addresses) and `bad` rows without a postcode."""
    rows = ["Name,Address line 1,Town,Postcode,Data involved"]
    rows += [f"Resident {i},{i} Mill Lane,Northtown,NT{1 + i % 9} {i % 10}AB,name; criminal"
             for i in range(1, n + 1)]
    rows += [f"Nobody {i},{i} Nowhere,Northtown,," for i in range(bad)]
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")


def seed_breach(ctx: Any, seed_doc: dict[str, Any], recipients: int = 0,
                decide: bool = True) -> int:
    """The motivating case in `ctx`, decided 'tell them', with `recipients` imported."""
    ctx.organisation.save(ORG)
    breach = ctx.breaches.import_document(seed_doc, actor="Alex Morgan")
    if decide:
        assessment = ctx.assessments.assess(breach.id, actor="Alex Morgan")
        ctx.assessments.record_decision(breach.id, assessment.id, DecisionDraft(
            notify_ico=True, notify_subjects=True, decided_by="Alex Morgan",
            decided_at=ctx.clock()))
    if recipients:
        data = recipients_csv(recipients)
        preview = ctx.recipients.preview(breach.id, data)
        ctx.recipients.import_csv(breach.id, data, preview.mapping, "residents.csv",
                                  "Alex Morgan")
    return int(breach.id)
