"""``cv:education``: a degree, its institution, dates, advisor, score, courses."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model
from sphinx_cv.entries import (
    Context,
    EntryType,
    Heading,
    JsonResume,
    RenderCV,
    Source,
    given,
    place,
    read_span,
    rendercv_dates,
    role_dates,
    span,
)
from sphinx_cv.words import _, joined


def heading(entry: model.Entry, context: Context) -> Heading:
    expected = entry["expected"]
    when = expected.format(context.date_format, context.locale) if expected else ""
    second = joined(
        entry["degree"],
        entry["advisor"] and _("advisor: {name}").format(name=entry["advisor"]),
        when and _("expected {date}").format(date=when),
        entry["score"] and _("score: {score}").format(score=entry["score"]),
    )
    return Heading(entry["organisation"], subtitle=second, place=entry["location"])


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    study, area = model.split_degree(entry["degree"])
    expected = entry["expected"]
    return given(
        {
            "institution": entry["organisation"],
            "url": entry.url,
            "area": area,
            "studyType": study,
            **span(entry),
            # Beyond the schema (which allows more): what the CV says besides.
            "location": entry["location"],
            "advisor": entry["advisor"],
            "expectedDate": expected.iso() if expected else "",
            "score": entry["score"],
            "courses": list(entry["courses"]),
        }
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    courses = source.strings("courses")
    if any(";" in course for course in courses):
        source.note("courses", "a semicolon in a course, which parts them, is a comma")
    return {
        "organisation": source.text("institution"),
        "degree": model.join_degree(
            source.text("studyType"), source.text("area"), source.language
        ),
        **read_span(source),
        "location": source.text("location"),
        "advisor": source.text("advisor"),
        "expected": source.date("expectedDate"),
        "score": source.text("score"),
        "courses": "; ".join(course.replace(";", ",") for course in courses),
        "url": source.url("url"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    study, area = model.split_degree(entry["degree"])
    notes = [f"Advisor: {entry['advisor']}"] if entry["advisor"] else []
    if entry["score"]:
        notes.append(f"Score: {entry['score']}")
    if entry["courses"]:
        notes.append(f"Courses: {'; '.join(entry['courses'])}")
    if entry["expected"]:
        expected = entry["expected"].format(context.date_format, context.locale)
        notes.append(f"Expected {expected}")
    return given(
        {
            "institution": entry["organisation"],
            "area": area or study,
            "degree": study if area else None,
            "location": entry["location"],
            **rendercv_dates(entry),
            "summary": entry.summary,
            "highlights": notes + list(entry.highlights),
        }
    )


def from_rendercv(source: Source) -> dict[str, str]:
    return {
        "organisation": source.text("institution"),
        "degree": model.join_degree(
            source.text("degree"), source.text("area"), source.language
        ),
    }


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    school = {"@type": "CollegeOrUniversity", "name": entry["organisation"]}
    if not whole:
        return {"alumniOf": [school]}
    role = {
        "@type": "OrganizationRole",
        "roleName": entry["degree"],
        "alumniOf": school | place(entry["location"]),
    }
    return {"alumniOf": [role | role_dates(entry)]}


TYPE = EntryType(
    name="education",
    doc="a degree: institution, degree, dates, advisor, score, courses",
    required=("organisation",),
    optional=(
        "degree",
        "location",
        "start",
        "end",
        "expected",
        "advisor",
        "score",
        "courses",
        *model.COMMON,
    ),
    heading=heading,
    label=("degree", "organisation"),
    short="degree",
    position="degree",
    section=("education", "Education"),
    study=True,
    jsonresume=JsonResume("education", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("EducationEntry", to_rendercv, from_rendercv),
    jsonld=jsonld,
    rank=20,
    example={
        "organisation": "Example University",
        "degree": "B.S. in Computer Science",
        "start": "2018",
        "end": "2022",
    },
)
