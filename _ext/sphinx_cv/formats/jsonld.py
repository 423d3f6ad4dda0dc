"""schema.org JSON-LD: the CV's index page as a ProfilePage about a Person."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model


def write(
    cv: model.CV,
    page_url: str,
    separator: str = ", ",
    files: list[tuple[str, str, str]] | None = None,
    *,
    whole: bool = False,
) -> dict[str, Any]:
    """The index page as a schema.org ProfilePage about its Person: their
    headline, schools, skills (listed, and those the entries name),
    languages, awards and positions; the CV's *files* (name, address, media
    type) as documents about them.

    A telephone number and an address only where the CV gives them: it is
    published with them, so the page says them too. Each occupation is
    described by its entry's label, its parts joined by *separator* (a
    translation's own). The page of the *whole* CV says every position,
    degree and award in full (:func:`roles`).
    """
    entries, person = cv.entries, cv.person
    about: dict[str, Any] = {"@type": "Person"}
    if person is not None:
        about["name"] = person.name
        about["sameAs"] = [link.url for link in person.links]
        if person.phone:
            about["telephone"] = person.phone
        address = {
            "streetAddress": person.address,
            "postalCode": person.postcode,
            "addressLocality": person.city or person.location,
            "addressRegion": person.region,
            "addressCountry": person.country,
        }
        if any(address.values()):
            about["address"] = {
                "@type": "PostalAddress",
                **{key: value for key, value in address.items() if value},
            }
        if person.label:
            about["description"] = person.label
    schools = dict.fromkeys(e.organisation for e in entries if e.kind == "education")
    about["alumniOf"] = [{"@type": "CollegeOrUniversity", "name": s} for s in schools]
    listed = [item.name for item in cv.items if item.kind == "skill"]
    about["knowsAbout"] = list(dict.fromkeys([*listed, *cv.skills]))
    languages = [item.name for item in cv.items if item.kind == "language"]
    if languages:
        about["knowsLanguage"] = languages
    awards = [f"{e.title}, {e.organisation}" for e in entries if e.kind == "award"]
    if awards:
        about["award"] = awards
    if whole:
        # Each position as a Role, with its dates and place.
        about.update(roles(cv))
    else:
        about["hasOccupation"] = [
            {
                "@type": "Occupation",
                "name": entry.role,
                "description": entry.label_with(separator),
                **(
                    {"occupationLocation": {"@type": "City", "name": entry.location}}
                    if entry.location
                    else {}
                ),
            }
            for entry in entries
            if entry.kind in ("work", "teaching")
        ]
    if files:
        about["subjectOf"] = [
            {
                "@type": "DigitalDocument",
                "name": name,
                "url": url,
                "encodingFormat": kind,
            }
            for name, url, kind in files
        ]
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": page_url,
        "mainEntity": about,
    }


def _span(entry: model.Entry) -> dict[str, str]:
    dates = {"startDate": entry.start.iso() if entry.start else ""}
    dates["endDate"] = entry.end.iso() if entry.end else ""
    return {key: value for key, value in dates.items() if value}


def _place(name: str) -> dict[str, Any]:
    return {"location": {"@type": "Place", "name": name}} if name else {}


def roles(cv: model.CV) -> dict[str, Any]:
    """Every position held and every degree as a schema.org Role (the
    organisation, the role, its dates and place), every award with who gave
    it and when."""
    entries = cv.entries
    works = [
        {
            "@type": "EmployeeRole",
            "roleName": (
                f"{entry.role}, {entry.course}"
                if entry.kind == "teaching"
                else entry.role
            ),
            "worksFor": {
                "@type": "Organization",
                "name": entry.organisation,
                **(
                    {"department": {"@type": "Organization", "name": entry.team}}
                    if entry.team
                    else {}
                ),
                **_place(entry.location),
            },
            **_span(entry),
        }
        for entry in entries
        if entry.kind in ("work", "teaching", "volunteer")
    ]
    schools = [
        {
            "@type": "OrganizationRole",
            "roleName": entry.degree,
            "alumniOf": {
                "@type": "CollegeOrUniversity",
                "name": entry.organisation,
                **_place(entry.location),
            },
            **_span(entry),
        }
        for entry in entries
        if entry.kind == "education"
    ]
    awards = [
        f"{entry.title}, {entry.organisation} ({', '.join(entry.years)})"
        for entry in entries
        if entry.kind == "award"
    ]
    found: dict[str, Any] = {"worksFor": works, "alumniOf": schools}
    if awards:
        found["award"] = awards
    return found
