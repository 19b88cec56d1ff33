"""Schemas of the projects API, and the functions that fill the output ones from the models."""

from datetime import date

from ninja import Field, Schema
from pydantic import ConfigDict

from creative_cities.cities.models import City
from creative_cities.projects import selectors
from creative_cities.projects.models import Milestone, Project, ProjectPartner
from creative_cities.projects.parties import party_key

from ..pagination import PageQuery
from ..schemas import Integer


class PartyOut(Schema):
    key: str  # "city:lyon" or "organisation:atelier-des-canuts"
    kind: str
    slug: str
    name: str
    country: str  # ISO 3166-1 alpha-2
    url: str


class ProjectPartnerOut(Schema):
    id: int
    party: PartyOut
    role: str
    contribution: str
    joined_on: date


class MilestoneOut(Schema):
    id: int
    title: str
    description: str
    due_on: date
    status: str
    done_on: date | None
    overdue: bool


class ResultOut(Schema):
    label: str
    value: float
    target: float | None
    unit: str
    note: str
    percent_of_target: int | None


class DocumentOut(Schema):
    title: str
    url: str
    is_image: bool
    size: int


class UpdateOut(Schema):
    id: int
    title: str
    body: str  # Markdown
    created_at: str
    author: str


class ProjectSummaryOut(Schema):
    slug: str
    title: str
    summary: str
    status: str
    is_pilot: bool
    lead: PartyOut
    start_on: date | None
    end_on: date | None
    url: str


class ProjectOut(ProjectSummaryOut):
    description: str  # Markdown
    language: str
    fields: list[str]  # creative field codes
    objectives: list[str]  # objective codes
    areas: list[str]  # area of action codes
    sdg_goals: list[int]  # SDG numbers
    budget: str | None  # a decimal number, as text
    currency: str
    funding_sources: str
    partners: list[ProjectPartnerOut]
    milestones: list[MilestoneOut]
    results: list[ResultOut]
    documents: list[DocumentOut]
    updates: list[UpdateOut]  # newest first
    follower_count: int
    created_at: str
    updated_at: str


class ProjectPage(Schema):
    count: int
    results: list[ProjectSummaryOut]


class ProjectQuery(PageQuery):
    q: str = Field("", max_length=100)
    status: str = Field("", max_length=20)
    field: str = Field("", max_length=40)
    region: str = Field("", max_length=40)
    pilot: bool = False
    city: str = Field("", max_length=200)
    organisation: str = Field("", max_length=200)


class ProjectIn(Schema):
    model_config = ConfigDict(extra="forbid")

    lead: str | None = None  # a party key, on creation only: "city:lyon"
    title: str | None = None
    summary: str | None = None
    description: str | None = None
    language: str | None = None
    status: str | None = None
    is_pilot: bool | None = None
    fields: list[str] | None = None
    objectives: list[str] | None = None
    areas: list[str] | None = None
    sdg_goals: list[Integer] | None = None
    start_on: date | None = None
    end_on: date | None = None
    budget: str | None = None
    currency: str | None = None
    funding_sources: str | None = None


class ProjectPartnerIn(Schema):
    model_config = ConfigDict(extra="forbid")

    party: str  # a party key: "city:dakar"
    role: str = "partner"
    contribution: str = ""
    joined_on: date | None = None


class MilestoneIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    description: str | None = None
    due_on: date | None = None
    status: str | None = None
    done_on: date | None = None


class UpdateIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str
    body: str


class FollowOut(Schema):
    following: bool
    follower_count: int


def party_out(party) -> dict:
    return {
        "key": party_key(party),
        "kind": "city" if isinstance(party, City) else "organisation",
        "slug": party.slug,
        "name": party.name,
        "country": party.country.iso2,
        "url": party.get_absolute_url(),
    }


def project_summary_out(project: Project) -> dict:
    return {
        "slug": project.slug,
        "title": project.title,
        "summary": project.summary,
        "status": project.status,
        "is_pilot": project.is_pilot,
        "lead": party_out(project.lead),
        "start_on": project.start_on,
        "end_on": project.end_on,
        "url": project.get_absolute_url(),
    }


def partner_out(partner: ProjectPartner) -> dict:
    return {
        "id": partner.pk,
        "party": party_out(partner.party),
        "role": partner.role,
        "contribution": partner.contribution,
        "joined_on": partner.joined_on,
    }


def milestone_out(milestone: Milestone, overdue: bool) -> dict:
    fields = ("id", "title", "description", "due_on", "status", "done_on")
    return {**{name: getattr(milestone, name) for name in fields}, "overdue": overdue}


def project_out(project: Project) -> dict:
    return {
        **project_summary_out(project),
        "description": project.description,
        "language": project.language,
        "fields": [f.code for f in project.fields.all()],
        "objectives": [o.code for o in project.objectives.all()],
        "areas": [a.code for a in project.areas.all()],
        "sdg_goals": [g.number for g in project.sdg_goals.all()],
        "budget": str(project.budget) if project.budget is not None else None,
        "currency": project.currency,
        "funding_sources": project.funding_sources,
        "partners": [partner_out(p) for p in project.partners.all()],
        "milestones": [milestone_out(m, overdue) for m, overdue in selectors.project_timeline(project=project)],
        "results": [
            {
                "label": row["result"].label,
                "value": float(row["result"].value),
                "target": float(row["result"].target) if row["result"].target is not None else None,
                "unit": row["result"].unit,
                "note": row["result"].note,
                "percent_of_target": row["percent"],
            }
            for row in selectors.project_result_rows(project=project)
        ],
        "documents": [
            {"title": d.title, "url": d.file.url, "is_image": d.is_image, "size": d.size}
            for d in project.documents.all()
        ],
        "updates": [
            {
                "id": u.pk,
                "title": u.title,
                "body": u.body,
                "created_at": u.created_at.isoformat(),
                "author": (u.created_by.get_full_name() if u.created_by else "") or "",
            }
            for u in project.updates.all()
        ],
        "follower_count": project.follower_count,
        "created_at": project.created_at.isoformat(),
        "updated_at": project.updated_at.isoformat(),
    }
