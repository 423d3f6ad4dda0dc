"""schema.org JSON-LD: the CV's index page as a ProfilePage about a Person."""

from __future__ import annotations

from typing import Any

from sphinx_cv import entries, model


def write(
    cv: model.CV,
    page_url: str,
    files: list[tuple[str, str, str]] | None = None,
    *,
    whole: bool = False,
) -> dict[str, Any]:
    """The index page as a schema.org ProfilePage about its Person: their
    headline and contacts, then what each entry and item says of them
    (its type's own declaration: schools, positions, awards, credentials,
    languages), the skills the entries name, and the CV's *files* (name,
    address, media type) as documents about them.

    A telephone number and an address only where the CV gives them: it is
    published with them, so the page says them too. The page of the
    *whole* CV says every position, degree and award in full, as a Role
    with its dates and place.
    """
    person = cv.person
    about: dict[str, Any] = {"@type": "Person"}
    if person is not None:
        about["name"] = person.name
        about["sameAs"] = [link.url for link in person.links]
        if model.dialable(person.phone):
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
    for record in [*cv.entries, *cv.items]:
        said = entries.TYPES[record.type].jsonld(record, whole)
        for name, values in said.items():
            found = about.setdefault(name, [])
            found += [value for value in values if value not in found]
    about["knowsAbout"] = list(
        dict.fromkeys([*about.get("knowsAbout", []), *cv.skills])
    )
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
