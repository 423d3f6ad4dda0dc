"""The CV in other formats: JSON Resume, RenderCV input, schema.org JSON-LD.

Everything here reads the ``cv`` domain; nothing is written by hand. Every
HTML build writes ``resume.json`` and ``rendercv.yaml`` beside the site.
``resume.json`` follows the JSON Resume schema 1.3: the teaching entry goes
to ``work``, since the CV lists it as a position held, with duties, and
``volunteer`` is for unpaid service, which the CV does not say it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from sphinx_cv import editions, model
from sphinx_cv.domain import CVDomain
from sphinx_cv.site import is_website

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _dates(entry: model.Entry) -> dict[str, str]:
    dates = {}
    if entry.start is not None:
        dates["startDate"] = entry.start.iso()
    if entry.end is not None:
        dates["endDate"] = entry.end.iso()
    return dates


def _work(entry: model.Entry) -> dict[str, Any]:
    if entry.kind == "teaching":
        description = entry.course
        if entry.instructor:
            description += f", Instructor: {entry.instructor}"
        name = entry.organisation
    else:
        description, name = entry.team, entry.organisation
    item = {
        "name": name,
        "position": entry.role,
        "location": entry.location,
        "description": description,
        "url": entry.url,
        **_dates(entry),
        "summary": entry.summary,
        "highlights": list(entry.highlights),
    }
    return {key: value for key, value in item.items() if value}


def _education(entry: model.Entry) -> dict[str, Any]:
    study, _, area = entry.degree.partition(" in ")
    item: dict[str, Any] = {
        "institution": entry.organisation,
        "url": entry.url,
        "area": area,
        "studyType": study,
        **_dates(entry),
        # Beyond the schema (which allows more): what the CV says besides.
        "location": entry.location,
        "advisor": entry.advisor,
        "expectedDate": entry.expected.iso() if entry.expected else "",
    }
    return {key: value for key, value in item.items() if value}


def _project(entry: model.Entry) -> dict[str, Any]:
    item = {
        "name": entry.name,
        "description": entry.summary,
        "highlights": list(entry.highlights),
        "keywords": list(entry.skills),
        **_dates(entry),
        "url": entry.url,
        "roles": [entry.role] if entry.role else [],
        "type": entry.kind_of,
    }
    return {key: value for key, value in item.items() if value}


def _award(entry: model.Entry) -> dict[str, Any]:
    given = entry.last_date
    return {
        "title": entry.title,
        "date": given.iso() if given else "",
        "awarder": entry.organisation,
        "summary": f"{entry.title}, {entry.organisation}, {', '.join(entry.years)}",
    }


def resume(env: BuildEnvironment) -> dict[str, Any]:
    """The CV as JSON Resume: https://jsonresume.org/schema."""
    domain = CVDomain.of(env)
    entries = domain.ordered()
    person = domain.person
    basics: dict[str, Any] = {}
    if person is not None:
        basics = {"name": person.name, "email": person.email}
        websites = [link.url for link in person.links if link.is_website]
        if websites:
            basics["url"] = websites[0]
        basics["profiles"] = [
            {"network": link.network, "username": link.username, "url": link.url}
            for link in person.links
            if not link.is_website
        ]
    return {
        "basics": {key: value for key, value in basics.items() if value},
        "work": [_work(e) for e in entries if e.kind in ("work", "teaching")],
        "education": [_education(e) for e in entries if e.kind == "education"],
        "awards": [_award(e) for e in entries if e.kind == "award"],
        "skills": [
            {"name": name, "keywords": [s for s in used if s != name] or [name]}
            for name, used in domain.spellings().items()
        ],
        "projects": [_project(e) for e in entries if e.kind == "project"],
    }


def _rendercv_date(date: model.PartialDate | None) -> str:
    return "present" if date is None else date.iso()


def rendercv(env: BuildEnvironment) -> dict[str, Any]:
    """The CV as RenderCV input (its ``cv`` part, schema of RenderCV 2.x).

    Sections keep the CV's order and titles; RenderCV's entry types carry the
    same facts: teaching as an experience, awards and skills as one-liners.
    """
    domain = CVDomain.of(env)
    entries = domain.ordered()
    person = domain.person
    cv: dict[str, Any] = {}
    if person is not None:
        cv["name"] = person.name
        if person.email:
            cv["email"] = person.email
        for link in person.links:
            if link.is_website:
                cv.setdefault("website", link.url)
            else:
                network = {"network": link.network, "username": link.username}
                cv.setdefault("social_networks", []).append(network)

    def dated(entry: model.Entry) -> dict[str, str]:
        return {
            "start_date": _rendercv_date(entry.start),
            "end_date": _rendercv_date(entry.end),
        }

    def highlights(entry: model.Entry) -> list[str]:
        return [*(f"{entry.summary}",) * bool(entry.summary), *entry.highlights]

    sections: dict[str, list[Any]] = {}
    for entry in entries:
        if entry.kind == "education":
            study, _, area = entry.degree.partition(" in ")
            notes = [f"Advisor: {entry.advisor}"] if entry.advisor else []
            if entry.expected:
                notes.append(
                    f"Expected {entry.expected.format(env.config.cv_date_format)}"
                )
            sections.setdefault("Education", []).append(
                {
                    "institution": entry.organisation,
                    "area": area or study,
                    "degree": study if area else None,
                    "location": entry.location,
                    **dated(entry),
                    "highlights": notes + highlights(entry),
                }
            )
        elif entry.kind in ("work", "teaching"):
            title = "Experience" if entry.kind == "work" else "Teaching Experience"
            position = (
                entry.role if entry.kind == "work" else f"{entry.role}, {entry.course}"
            )
            sections.setdefault(title, []).append(
                {
                    "company": entry.organisation,
                    "position": f"{position} at {entry.team}"
                    if entry.team
                    else position,
                    "location": entry.location or None,
                    **dated(entry),
                    "highlights": highlights(entry),
                }
            )
        elif entry.kind == "project":
            sections.setdefault("Projects", []).append(
                {
                    "name": entry.name,
                    **dated(entry),
                    "summary": ", ".join(p for p in (entry.role, entry.kind_of) if p)
                    or None,
                    "highlights": highlights(entry),
                }
            )
        else:
            years = ", ".join(entry.years)
            award = {"bullet": f"{entry.organisation}, {entry.title}, {years}"}
            sections.setdefault("Honors and Awards", []).append(award)
    sections["Skills"] = [
        {"label": skill, "details": ", ".join(short_names)}
        for skill, short_names in _skill_uses(domain).items()
    ]
    cv["sections"] = {
        title: [{k: v for k, v in item.items() if v is not None} for item in items]
        for title, items in sections.items()
    }
    return {"cv": cv}


def _skill_uses(domain: CVDomain) -> dict[str, list[str]]:
    labels = model.short_labels(domain.entries.values())
    return {
        skill: [labels[entry.id] for entry in used]
        for skill, used in domain.skills().items()
    }


def json_ld(env: BuildEnvironment, page_url: str) -> dict[str, Any]:
    """The index page as a schema.org ProfilePage about its Person.

    No phone number or postal address: the CV gives none, and would not
    want them published.
    """
    domain = CVDomain.of(env)
    entries = domain.ordered()
    person = domain.person
    about: dict[str, Any] = {"@type": "Person"}
    if person is not None:
        about["name"] = person.name
        about["sameAs"] = [link.url for link in person.links]
    schools = dict.fromkeys(e.organisation for e in entries if e.kind == "education")
    about["alumniOf"] = [{"@type": "CollegeOrUniversity", "name": s} for s in schools]
    about["knowsAbout"] = list(domain.skills())
    about["hasOccupation"] = [
        {
            "@type": "Occupation",
            "name": entry.role,
            "description": entry.label,
            **(
                {"occupationLocation": {"@type": "City", "name": entry.location}}
                if entry.location
                else {}
            ),
        }
        for entry in entries
        if entry.kind in ("work", "teaching")
    ]
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": page_url,
        "mainEntity": about,
    }


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """Every HTML build writes ``resume.json`` (JSON Resume) and
    ``rendercv.yaml`` (RenderCV input) beside its pages."""
    if exception is not None or not is_website(app.builder):
        return
    if not editions.is_source(app.config):
        return  # one canonical record: the source edition's
    outdir = Path(app.outdir)
    data = json.dumps(resume(app.env), ensure_ascii=False, indent=2)
    (outdir / "resume.json").write_text(data + "\n", "utf-8")
    cv = yaml.safe_dump(rendercv(app.env), allow_unicode=True, sort_keys=False)
    (outdir / "rendercv.yaml").write_text(cv, "utf-8")


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_exports)
