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
        orcid = [link for link in person.links if _key(link.network) == "orcid"]
        if orcid:
            about["identifier"] = [
                {
                    "@type": "PropertyValue",
                    "propertyID": "ORCID",
                    "value": link.url.rstrip("/").rsplit("/", 1)[-1],
                    "url": link.url,
                }
                for link in orcid
            ]
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
    if cv.publications:
        # What the person wrote: works whose author they are.
        about["@reverse"] = {"author": [work(p) for p in cv.publications]}
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": page_url,
        "mainEntity": about,
    }


def _key(network: str) -> str:
    return "".join(c for c in network.casefold() if c.isalnum())


#: The schema.org type of each BibTeX type that has one of its own; the
#: rest are ScholarlyArticles.
WORKS = {
    "phdthesis": "Thesis",
    "mastersthesis": "Thesis",
    "thesis": "Thesis",
    "book": "Book",
    "inbook": "Chapter",
    "incollection": "Chapter",
    "software": "SoftwareSourceCode",
    "dataset": "Dataset",
    "techreport": "Report",
    "report": "Report",
}


def work(publication: model.Publication) -> dict[str, Any]:
    """A publication as schema.org says one: its type, title, authors,
    date, where it appeared, and its DOI as its identifier."""
    found: dict[str, Any] = {
        "@type": WORKS.get(publication.kind, "ScholarlyArticle"),
        "name": publication.title,
        "author": [{"@type": "Person", "name": name} for name in publication.authors],
    }
    if publication.date is not None:
        found["datePublished"] = publication.date.iso()
    if publication.venue:
        kind = "Periodical" if publication.kind == "article" else "CreativeWork"
        found["isPartOf"] = {"@type": kind, "name": publication.venue}
    if publication.doi:
        found["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": publication.doi,
        }
        found["sameAs"] = f"https://doi.org/{publication.doi}"
    if publication.address:
        found["url"] = publication.url or publication.address
    return found
