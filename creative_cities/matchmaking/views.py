"""Pages of recommendations: partners to consider for a project, a call or a city."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch

from creative_cities.board.models import Call
from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City
from creative_cities.core.policies import public
from creative_cities.projects.models import Project

from . import policies, selectors
from .forms import RecommendationOptionsForm

PAGE_LIMIT = 10


def _page(request, subject, *, kind_label: str):
    if not policies.can_see_recommendations(request.user, subject):
        raise Http404
    form = RecommendationOptionsForm(request.GET or None)
    prefer = form.prefer_regions()
    if not form.is_bound:
        form = RecommendationOptionsForm(initial={"regions": "on" if prefer else "off"})
    found = selectors.recommend(subject=subject, limit=PAGE_LIMIT, prefer_regions=prefer)
    sections = [(kind, found.by_kind.get(kind, [])) for kind in found.kinds]
    return render(
        request,
        "matchmaking/recommendations.html",
        {
            "subject": subject,
            "subject_kind": kind_label,
            "subject_url": _subject_url(subject),
            "recommendations": found,
            "sections": sections,
            "form": form,
        },
    )


def _subject_url(subject) -> str:
    try:
        return subject.get_absolute_url()
    except NoReverseMatch:  # the pages of projects or calls are not installed
        return ""


@public
def project_recommendations(request, slug: str):
    return _page(request, get_object_or_404(Project, slug=slug), kind_label="project")


@public
def call_recommendations(request, slug: str):
    return _page(request, get_object_or_404(Call, slug=slug), kind_label="call")


@public
def city_recommendations(request, slug: str):
    city = get_object_or_404(City, slug=slug, status=CityStatus.MEMBER)
    return _page(request, city, kind_label="city")
