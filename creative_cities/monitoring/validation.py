"""What a report lacks before it can be submitted, section by section, in the reader's language."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import cycles
from .choices import CommitmentOutcome, InitiativeLevel, Section
from .models import Report

# The shortest text each section must have (characters), as the network's template asks.
MINIMUM_LENGTHS = {
    Section.GENERAL: 400,
    Section.NETWORK: 200,
    Section.LOCAL: 200,
    Section.INTERNATIONAL: 200,
    Section.PLAN: 100,
}
MAX_EVIDENCE_LINKS = 10
_url = URLValidator(schemes=["http", "https"])


def evidence_links_clean(text_or_list) -> list[str]:
    """Evidence links, one a line: each an http(s) address; a ValidationError names the first bad one."""
    lines = text_or_list.splitlines() if isinstance(text_or_list, str) else list(text_or_list)
    links = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
    for link in links:
        try:
            _url(link)
        except ValidationError:
            raise ValidationError(
                _("“%(link)s” is not a web address (it starts with https:// or http://).") % {"link": link[:200]}
            ) from None
    if len(links) > MAX_EVIDENCE_LINKS:
        raise ValidationError(_("At most %(count)d links.") % {"count": MAX_EVIDENCE_LINKS})
    return links


def _text_problems(key: str, text: str) -> list[str]:
    minimum = MINIMUM_LENGTHS.get(key)
    length = len(text.strip())
    if minimum is None or length >= minimum:
        return []
    return [
        ngettext(
            "The text has %(length)d character; write at least %(minimum)d.",
            "The text has %(length)d characters; write at least %(minimum)d.",
            length,
        )
        % {"length": length, "minimum": minimum}
    ]


def commitment_problems(commitment, *, years: tuple[int, int]) -> list[str]:
    """What a commitment of the plan lacks (``years``: the first and last year of the next cycle)."""
    found = []
    name = commitment.objective or _("(no objective)")

    def lack(message: str) -> None:
        found.append(_("Commitment “%(name)s”: %(problem)s") % {"name": name, "problem": message})

    if not commitment.objective.strip():
        lack(_("write its objective."))
    if commitment.area_id is None:
        lack(_("choose its area of action."))
    if not commitment.sdg_targets.all():
        lack(_("choose at least one SDG target."))
    if commitment.budget is None or not commitment.currency:
        lack(_("give its budget with its currency."))
    if not commitment.partners.strip() and not commitment.partner_cities.all():
        lack(_("name its partners or partner cities."))
    indicators = list(commitment.indicators.all())
    if not indicators:
        lack(_("add at least one indicator."))
    for indicator in indicators:
        if None in (indicator.baseline, indicator.baseline_year, indicator.target, indicator.target_year):
            lack(
                _("the indicator “%(indicator)s” needs its baseline, baseline year, target and target year.")
                % {"indicator": indicator.name}
            )
        elif not years[0] <= indicator.target_year <= years[1]:
            lack(
                _("the target year of “%(indicator)s” must be between %(first)s and %(last)s.")
                % {"indicator": indicator.name, "first": years[0], "last": years[1]}
            )
    return found


def review_problems(review) -> list[str]:
    """What the verdict on a commitment of the previous plan lacks."""
    name = review.commitment.objective
    if not review.outcome:
        return [_("“%(name)s”: say what became of it.") % {"name": name}]
    found = []
    if review.outcome != CommitmentOutcome.DONE and not review.reason.strip():
        found.append(_("“%(name)s”: explain why it is not done.") % {"name": name})
    if review.outcome == CommitmentOutcome.DONE and not (
        review.evidence_links or review.practices.all() or review.projects.all()
    ):
        found.append(_("“%(name)s”: give a link, a practice or a project that shows it is done.") % {"name": name})
    return found


def next_cycle_years(report: Report) -> tuple[int, int]:
    following = cycles.cycle_get(report.city, report.cycle + 1)
    return following.period_start, following.period_end


def report_problems(report: Report) -> dict[str, list[str]]:
    """The problems of each section (only sections with some), in the active language."""
    report = (
        Report.objects.select_related("city")
        .prefetch_related(
            "sections",
            "initiatives",
            "commitments__sdg_targets",
            "commitments__partner_cities",
            "commitments__indicators",
            "commitment_reviews__commitment",
            "commitment_reviews__practices",
            "commitment_reviews__projects",
        )
        .get(pk=report.pk)
    )
    problems: dict[str, list[str]] = {key: [] for key in Section.values}
    for section in report.sections.all():
        problems[section.key].extend(_text_problems(section.key, section.text))
    levels = {initiative.level for initiative in report.initiatives.all()}
    if InitiativeLevel.LOCAL not in levels:
        problems[Section.LOCAL].append(_("Add at least one initiative."))
    if InitiativeLevel.INTERNATIONAL not in levels:
        problems[Section.INTERNATIONAL].append(_("Add at least one initiative."))
    commitments = list(report.commitments.all())
    if not commitments:
        problems[Section.PLAN].append(_("Add at least one commitment."))
    years = next_cycle_years(report)
    for commitment in commitments:
        problems[Section.PLAN].extend(commitment_problems(commitment, years=years))
    for review in report.commitment_reviews.all():
        problems[Section.PROMISES].extend(review_problems(review))
    return {key: found for key, found in problems.items() if found}
