"""Sample breaches for `--demo`: a few realistic cases at different points of the clock."""

from __future__ import annotations

from datetime import timedelta

from model.domain.decision import DecisionDraft
from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    Exposure,
    Identifiability,
    ProtectionMethod,
    Regime,
    Sector,
    ServiceImpact,
    SubjectCategory,
    YesNoUnknown,
)
from model.domain.facts import Availability, BreachFacts, Confidentiality, Protection
from model.domain.records import OrganisationProfile
from model.services.context import AppContext
from model.services.ico import Render


def _samples(ctx: AppContext) -> list[tuple[BreachFacts, bool]]:
    now = ctx.clock().replace(second=0, microsecond=0)
    h = timedelta(hours=1)
    published = BreachFacts(
        title="ASB case list published on public website",
        regime=Regime.DPA2018_PART3,
        summary="A supplier's upload error put names and addresses from 61 anti-social "
                "behaviour cases on the force's public local-priorities pages. An officer "
                "found them on the fifth day and the pages were taken down at once.",
        occurred_at=now - 130 * h, discovered_at=now - 10 * h, aware_at=now - 9 * h,
        how_found="An officer reviewing the website", found_by="PC J. Walker",
        breach_types=(BreachType.CONFIDENTIALITY,), cyber_incident=YesNoUnknown.NO,
        malicious=False,
        data_categories=(DataCategory.BASIC_IDENTIFIERS, DataCategory.CRIMINAL_OFFENCE),
        data_subject_categories=(SubjectCategory.OTHER, SubjectCategory.VULNERABLE_ADULTS),
        subjects_count=61, records_count=61, identifiability=Identifiability.MAXIMUM,
        confidentiality=Confidentiality(Exposure.PUBLIC, Access.UNKNOWN, False, 120),
        protection=Protection(ProtectionMethod.NONE, False, False),
        controller_sector=Sector.LAW_ENFORCEMENT,
        consequences=(Consequence.HARASSMENT_OR_RETALIATION, Consequence.DISTRESS),
        processor_name="Case-management supplier", processor_notified_at=now - 8 * h,
        ended_at=now - 9 * h, ongoing=False)
    email = BreachFacts(
        title="Payroll spreadsheet emailed to wrong recipient",
        summary="A payroll officer sent a spreadsheet of 14 salaries to a supplier contact "
                "with a similar name.",
        occurred_at=now - 64 * h, discovered_at=now - 62 * h, aware_at=now - 61 * h,
        how_found="The recipient replied to say it was not for them",
        breach_types=(BreachType.CONFIDENTIALITY,), cyber_incident=YesNoUnknown.NO,
        malicious=False,
        data_categories=(DataCategory.BASIC_IDENTIFIERS, DataCategory.ECONOMIC_FINANCIAL),
        data_subject_categories=(SubjectCategory.EMPLOYEES,), subjects_count=14,
        records_count=14,
        confidentiality=Confidentiality(Exposure.TRUSTED_RECIPIENT, Access.CONFIRMED, True, 2),
        controller_sector=Sector.LAW_ENFORCEMENT)
    ransomware = BreachFacts(
        title="Ransomware on victim-referral server",
        summary="The server holding referrals to victim-support services was encrypted by "
                "ransomware; referrals could not be made for two days.",
        occurred_at=now - 90 * h, discovered_at=now - 80 * h, aware_at=now - 78 * h,
        breach_types=(BreachType.AVAILABILITY, BreachType.CONFIDENTIALITY),
        cyber_incident=YesNoUnknown.YES, malicious=True,
        data_categories=(DataCategory.BASIC_IDENTIFIERS, DataCategory.HEALTH),
        data_subject_categories=(SubjectCategory.VULNERABLE_ADULTS, SubjectCategory.OTHER),
        subjects_count=4200,
        availability=Availability(AvailabilityLoss.TEMPORARY, True, 48, ServiceImpact.CRITICAL),
        controller_sector=Sector.LAW_ENFORCEMENT)
    laptop = BreachFacts(
        title="Encrypted laptop stolen from car",
        summary="An HR officer's laptop holding staff contact lists was stolen from a car. "
                "It had full-disk encryption and the key was not with it; the files are also "
                "on the server.",
        occurred_at=now - 400 * h, discovered_at=now - 399 * h, aware_at=now - 398 * h,
        breach_types=(BreachType.CONFIDENTIALITY,),
        cyber_incident=YesNoUnknown.NO, malicious=True,
        data_categories=(DataCategory.BASIC_IDENTIFIERS,),
        data_subject_categories=(SubjectCategory.EMPLOYEES,), subjects_count=300,
        records_count=300, identifiability=Identifiability.NEGLIGIBLE,
        consequences=(Consequence.NONE_IDENTIFIED,), mitigated=False,
        confidentiality=Confidentiality(Exposure.UNKNOWN_RECIPIENTS, Access.NONE, False),
        protection=Protection(ProtectionMethod.ENCRYPTION, True, False),
        controller_sector=Sector.LAW_ENFORCEMENT)
    return [(published, False), (email, False), (ransomware, True), (laptop, True)]


def fill_demo(ctx: AppContext, render: Render) -> None:
    """Fill an empty vault with an organisation and sample breaches."""
    ctx.organisation.save(OrganisationProfile(
        name="Northshire Police (demo)", address="1 Station Road, Northtown NT1 1AA",
        sector=Sector.LAW_ENFORCEMENT, ico_registration="Z1234567",
        dpo_name="Alex Morgan", dpo_email="dpo@northshire.example",
        dpo_phone="01632 960000", default_regime=Regime.DPA2018_PART3))
    dpo = "Alex Morgan"
    from model.services.demo_register import fill_year

    fill_year(ctx, dpo, render)  # a year of past breaches and near misses for the register
    for facts, assessed in _samples(ctx):
        breach = ctx.breaches.create(facts, actor=dpo)
        if facts.aware_at is not None:
            ctx.breaches.add_event(breach.id, facts.aware_at + timedelta(minutes=30),
                                   CONTAINMENT.get(facts.title, "Access contained."), dpo)
        if assessed:
            _assess_and_decide(ctx, breach.id, dpo)


CONTAINMENT = {
    "ASB case list published on public website": "Pages taken down; supplier told to stop "
                                                 "uploads; search-engine caches checked.",
    "Payroll spreadsheet emailed to wrong recipient": "Recipient asked to delete; deletion "
                                                      "confirmed in writing.",
    "Ransomware on victim-referral server": "Server isolated; restore from backup started.",
    "Encrypted laptop stolen from car": "Device remotely locked; crime reported to police.",
}


def _assess_and_decide(ctx: AppContext, breach_id: int, dpo: str) -> None:
    """Record an assessment, and for a breach the engine calls record-only, the decision."""
    assessment = ctx.assessments.assess(breach_id, actor=dpo)
    if assessment.result.notify_ico:
        return
    ctx.assessments.record_decision(breach_id, assessment.id, DecisionDraft(
        notify_ico=False, notify_subjects=False, decided_by=dpo, decided_at=ctx.clock()))
