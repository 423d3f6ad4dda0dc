"""A Europass CV, read into a Draft: ``Candidate`` XML, or schema 3's.

It reads the 2020+ ``Candidate`` XML and the ``SkillsPassport`` of schema
3.x, as XML or JSON. Both are read as one tree of values (:func:`tree`: an
element's children by name, repeated ones and ``...List`` ones as lists),
each value's line kept for the report. Europass 3 gives work experience,
education, languages (mother tongues, and foreign ones with their CEFR
levels), skills in prose (communication, organisational, job-related,
digital, other), driving licences and achievements (publications, projects,
honours, each its own prose); the ``Candidate`` document gives employers
with their positions, education, languages, conferences, and sections of the
author's own (``Others``). Rich text, HTML in the XML, becomes Markdown. An
embedded photo is saved beside the pages and given to ``cv:person`` (which
the PDF shows only with ``cv_photo``). Birth date, gender, nationality and
the document's own settings are named and not carried.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from xml.parsers import expat

from sphinx_cv import entries, model
from sphinx_cv.formats.draft import (
    Draft,
    DraftEntry,
    InputError,
    Reader,
    Where,
    by_keys,
    html_to_markdown,
    is_empty,
    json_of,
    one_line,
)

#: The pseudo-attribute an element's line is held in while it is read.
_LINE = "{sphinx-cv}line"

#: Personal data Europass asks for that a CV here does not show.
PRIVATE = {
    "Demographics": "birth date, gender and nationality",
    "NationalityCode": "nationality",
    "BirthDate": "a birth date",
    "GenderCode": "gender",
    "PrimaryLanguageCode": "the language of the person",
    "InstantMessaging": "messenger accounts",
}

#: Europass 3's skills in prose, by the title each section takes.
SKILLS = {
    "Communication": "Communication skills",
    "Organisational": "Organisational skills",
    "JobRelated": "Job-related skills",
    "Computer": "Digital skills",
    "Other": "Other skills",
}

#: The CEFR's five dimensions, as Europass 3 and ``Candidate`` name them.
CEFR = {
    "Listening": "Listening",
    "Reading": "Reading",
    "SpokenInteraction": "Spoken interaction",
    "SpokenProduction": "Spoken production",
    "Writing": "Writing",
    "CEF-Understanding-Listening": "Listening",
    "CEF-Understanding-Reading": "Reading",
    "CEF-Speaking-Interaction": "Spoken interaction",
    "CEF-Speaking-Production": "Spoken production",
    "CEF-Writing-Production": "Writing",
}

_PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif"}


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def many(value: Any) -> list[Any]:
    """*value* as a list: one value is a list of one, none is empty."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def tree(element: ET.Element, lines: dict[Where, int], where: Where) -> Any:
    """The value of *element*: its text, or its children (and attributes,
    capitalised as Europass 3's JSON names them) by name; a child repeated,
    or a ``...List``, a list. Each value's line goes into *lines*."""
    lines[where] = int(element.get(_LINE, "0"))
    children = list(element)
    text = (element.text or "").strip()
    attributes = {
        name[:1].upper() + name[1:]: value
        for name, value in element.attrib.items()
        if name != _LINE and "}" not in name
    }
    if text and not children:
        return text
    if local(element.tag).endswith("List") and children:
        return [tree(c, lines, (*where, n)) for n, c in enumerate(children)]
    found: dict[str, Any] = dict(attributes)
    counts: dict[str, int] = {}
    for child in children:
        counts[local(child.tag)] = counts.get(local(child.tag), 0) + 1
    for child in children:
        name = local(child.tag)
        key = name[:-4] if name.endswith("List") and len(name) > 4 else name
        if counts[name] > 1:
            lines.setdefault((*where, key), int(child.get(_LINE, "0")))
            items = found.setdefault(key, [])
            items.append(tree(child, lines, (*where, key, len(items))))
        else:
            found[key] = tree(child, lines, (*where, key))
    return found


def parse_xml(path: Path, text: str) -> tuple[str, Any, dict[Where, int]]:
    """The root element's name, its tree and the lines of its values. No
    entity outside the document is read."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def start(tag: str, attrs: dict[str, str]) -> None:
        builder.start(tag, {**attrs, _LINE: str(parser.CurrentLineNumber)})

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        raise InputError(
            f"{path}:{error.lineno}:{error.offset + 1}: not valid XML: "
            f"{expat.ErrorString(error.code)}"
        ) from None
    root = builder.close()
    lines: dict[Where, int] = {}
    name = local(root.tag)
    return name, {name: tree(root, lines, (name,))}, lines


class _Reader(Reader):
    """What both forms share: values by their path, each noted as it is
    read, so that what nothing read is named at the end (:meth:`unread`)."""

    def __init__(
        self, path: Path, text: str, data: Any, lines: dict[Where, int] | None
    ):
        super().__init__(path, text)
        self.data, self.lines = data, lines
        self.seen: set[Where] = set()

    def read(self) -> Draft:
        """The document, as a Draft."""
        raise NotImplementedError

    def place(self, where: Where) -> str:
        if self.lines is None:
            return super().place(where)
        at = (*self.root, *where)
        while at and at not in self.lines:
            at = at[:-1]
        line = self.lines.get(at, 0)
        head = f"{self.path}:{line}" if line else str(self.path)
        return f"{head}: {self.dotted(where) or 'the document'}"

    def get(self, where: Where, *path: str | int, read: bool = True) -> Any:
        """The value at *path* below *where* (None if there is none), noted
        as read unless *read* is false."""
        value: Any = self.data
        for part in (*self.root, *where, *path):
            if isinstance(value, dict) and isinstance(part, str):
                value = value.get(part)
            elif (
                isinstance(value, list) and isinstance(part, int) and part < len(value)
            ):
                value = value[part]
            else:
                return None
        if read:
            self.seen.add((*where, *path))
        return value

    def items(self, where: Where, *path: str) -> list[Where]:
        """Where each item at *path* below *where* is: one value given
        alone is a list of one."""
        value = self.get(where, *path, read=False)
        if isinstance(value, list):
            return [(*where, *path, n) for n in range(len(value))]
        return [] if is_empty(value) else [(*where, *path)]

    def field(self, where: Where, *path: str | int) -> str:
        """The text at *path* below *where* (a code's label), on one line."""
        value = self.get(where, *path)
        if isinstance(value, dict):
            value = value.get("Label") or value.get("Name")
        return one_line(value) if isinstance(value, str | int | float) else ""

    def markdown(self, where: Where, *path: str | int) -> str:
        """Rich text (HTML, escaped in the XML) as Markdown."""
        value = self.get(where, *path)
        return html_to_markdown(str(value)).strip() if isinstance(value, str) else ""

    def photo(self, where: Where, data: str, kind: str) -> None:
        """An embedded photo, saved as ``photo.EXT`` and given to the person."""
        data = "".join(data.split())
        try:
            raw = base64.b64decode(data, validate=True)
            if raw.startswith(b"data:"):
                # Europass's editor encodes a data: address once more.
                head, _, rest = raw.partition(b",")
                kind = head[5:].partition(b";")[0].decode()
                raw = base64.b64decode(rest, validate=True)
        except (binascii.Error, ValueError, UnicodeDecodeError):
            self.left_out(where, "a photo that is not base64")
            return
        suffix = _PHOTO_TYPES.get(kind.casefold())
        if suffix is None:
            self.left_out(where, f"a photo of type {kind or 'unknown'}")
            return
        name = f"photo.{suffix}"
        self.draft.files[name] = raw
        self.draft.contact["photo"] = name
        self.kept(where, f"saved as {name}; cv_photo = True in conf.py prints it")

    def add(
        self, where: Where, kind: str, options: dict[str, str], body: str = ""
    ) -> DraftEntry | None:
        """An entry of *kind* of the options found (empty ones dropped)."""
        item = {k: v for k, v in options.items() if v}
        if body:
            item["text"] = body

        read = by_keys({k: k for k in item if k != "text"})
        return self.entry(
            where, item, entries.TYPES[kind], read, body="text", markdown=True
        )

    def section(self, title: str, name: str, found: list[DraftEntry | None]) -> None:
        kept = [entry for entry in found if entry is not None]
        if kept:
            self.draft.section(title, name).entries = kept

    def prose_section(self, title: str, name: str, text: str) -> None:
        if text:
            self.draft.section(title, name).text = text

    def private(self, where: Where) -> None:
        """Name the personal data at *where* a CV here does not show."""
        for key, what in PRIVATE.items():
            if not is_empty(self.get(where, key)):
                self.left_out((*where, key), f"{what}: not shown on a CV here")

    def unread(self, where: Where = ()) -> None:
        """Name each value below *where* that nothing read, once for the
        largest part of the document nothing of which was read."""
        value = self.get(where, read=False)
        if is_empty(value) or any(
            where[: n + 1] in self.seen for n in range(len(where))
        ):
            return
        inside = any(seen[: len(where)] == where for seen in self.seen)
        if not inside:
            if where:
                self.left_out(where, "no place in the CV")
            return
        children = (
            range(len(value)) if isinstance(value, list)
            else value if isinstance(value, dict) else ()
        )  # fmt: skip
        for child in children:
            self.unread((*where, child))


def period(reader: _Reader, where: Where) -> dict[str, str]:
    """Europass 3's ``Period``: ``From``, ``To`` and ``Current``."""
    found = {}
    for key, option in (("From", "start"), ("To", "end")):
        value = reader.get(where, "Period", key)
        if isinstance(value, dict) and value.get("Year"):
            parts = [str(value["Year"])]
            for part in ("Month", "Day"):
                if value.get(part):
                    parts.append(f"{int(str(value[part]).strip('-')):02d}")
            found[option] = "-".join(parts)
    if str(reader.get(where, "Period", "Current")).casefold() == "true":
        found["end"] = model.PRESENT
    return found


def place_of(reader: _Reader, where: Where) -> str:
    """A town and country of an ``Address``'s ``Contact``."""
    contact = (*where, "ContactInfo", "Address", "Contact")
    parts = (reader.field(contact, "Municipality"), reader.field(contact, "Country"))
    return ", ".join(p for p in parts if p)


class _Passport(_Reader):
    """Europass 3: ``SkillsPassport/LearnerInfo``."""

    root = ("SkillsPassport", "LearnerInfo")

    def read(self) -> Draft:
        if not isinstance(self.get((), read=False), dict):
            raise self.fail((), "no LearnerInfo: no CV in this Europass document")
        passport = self.data.get("SkillsPassport") or {}
        if passport.get("Locale"):
            self.draft.settings["language"] = str(passport["Locale"])
        for key in ("DocumentInfo", "PrintingPreferences"):
            if passport.get(key):
                self.draft.ignored.append(
                    f"{self.path}: SkillsPassport.{key}: Europass's own"
                )
        self.person()
        self.section("Work experience", "experience", [
            self.add(at, "work", {
                "organisation": self.field(at, "Employer", "Name"),
                "role": self.field(at, "Position"),
                "location": place_of(self, (*at, "Employer")),
                "url": self.field(at, "Employer", "ContactInfo", "Website", "Contact"),
                **period(self, at),
            }, self.markdown(at, "Activities"))
            for at in self.items((), "WorkExperience")
        ])  # fmt: skip
        self.section("Education and training", "education", [
            self.add(at, "education", {
                "organisation": self.field(at, "Organisation", "Name"),
                "degree": self.field(at, "Title"),
                "location": place_of(self, (*at, "Organisation")),
                **period(self, at),
            }, self.markdown(at, "Activities"))
            for at in self.items((), "Education")
        ])  # fmt: skip
        self.languages(("Skills", "Linguistic"))
        for key, title in SKILLS.items():
            text = self.markdown(("Skills", key), "Description")
            self.prose_section(title, key.casefold(), text)
        licences = self.get(("Skills", "Driving"), "Description")
        if isinstance(licences, dict):
            licences = licences.get("Licence")
        if many(licences):
            text = ", ".join(map(str, many(licences)))
            self.prose_section("Driving licence", "driving", text)
        for at in self.items((), "Achievement"):
            title = self.field(at, "Title") or "Achievements"
            self.prose_section(title, title, self.markdown(at, "Description"))
        self.unread()
        return self.draft

    def person(self) -> None:
        where: Where = ("Identification",)
        name = " ".join(
            self.field(where, "PersonName", part) for part in ("FirstName", "Surname")
        ).strip()
        if not name:
            raise self.fail(where, "no PersonName: a CV needs the person's name")
        self.draft.name = name
        contact = (*where, "ContactInfo")
        email = self.field(contact, "Email", "Contact")
        if email:
            self.draft.email = self.checked_value((*contact, "Email"), "email", email)
        for n, at in enumerate(self.items(contact, "Telephone")):
            number = self.field(at, "Contact")
            if n == 0 and number:
                self.draft.contact["phone"] = self.checked_value(at, "phone", number)
            elif number:
                self.left_out(at, "another phone: cv:person shows one")
        address = (*contact, "Address", "Contact")
        for option, key in (
            ("address", "AddressLine"), ("postcode", "PostalCode"),
            ("city", "Municipality"), ("country", "Country"),
        ):  # fmt: skip
            value = self.field(address, key)
            if value:
                self.draft.contact[option] = self.checked_value(
                    (*address, key), option, value
                )
        for at in self.items(contact, "Website"):
            url = self.url(at, self.field(at, "Contact"))
            if url:
                self.draft.links.append(f"Website {model.short_address(url)} {url}")
        headline = self.field(("Headline",), "Description")
        if headline:
            self.draft.contact = {"label": headline, **self.draft.contact}
            self.get(("Headline",))
        self.private(where)
        self.private(contact)
        photo = self.get(where, "Photo")
        if isinstance(photo, dict) and photo.get("Data"):
            kind = str(photo.get("MimeType", ""))
            self.photo((*where, "Photo"), str(photo["Data"]), kind)

    def languages(self, where: Where) -> None:
        found = []
        for at in self.items(where, "MotherTongue"):
            name = self.field(at, "Description")
            found.append(self.add(at, "language", {
                "name": name, "fluency": "Mother tongue",
            }))  # fmt: skip
        for at in self.items(where, "ForeignLanguage"):
            levels = self.get(at, "ProficiencyLevel") or {}
            fluency = ", ".join(
                f"{CEFR[key]} {value}"
                for key, value in levels.items()
                if key in CEFR and value
            )
            found.append(self.add(at, "language", {
                "name": self.field(at, "Description"), "fluency": fluency,
            }))  # fmt: skip
        self.section("Languages", "languages", found)


class _Candidate(_Reader):
    """The Europass of 2020 on: HR-XML's ``Candidate``."""

    root = ("Candidate",)

    def read(self) -> Draft:
        self.person()
        profile: Where = ("CandidateProfile",)
        language = self.field(profile, "LanguageCode")
        if language:
            self.draft.settings["language"] = language
        self.get(profile, "ID")
        self.draft.intro = self.markdown(profile, "ExecutiveSummary")
        work = []
        for employer in self.items(profile, "EmploymentHistory", "EmployerHistory"):
            for at in self.items(employer, "PositionHistory"):
                work.append(self.add(at, "work", {
                    "organisation": self.field(employer, "OrganizationName"),
                    "role": self.field(at, "PositionTitle"),
                    "location": self.town(at, "City", "Country"),
                    "url": self.field(employer, "Link"),
                    **self.span(at, "EmploymentPeriod"),
                }, self.markdown(at, "Description")))  # fmt: skip
            # Said again in a position's own place.
            self.get(employer, "OrganizationContact")
            self.get(employer, "Department")
        self.section("Work experience", "experience", work)
        education = []
        attended = ("EducationHistory", "EducationOrganizationAttendance")
        for at in self.items(profile, *attended):
            address = (*at, "OrganizationContact", "Communication", "Address")
            degree = (*at, "EducationDegree")
            thesis = self.field(degree, "Thesis")
            body = [
                f"Thesis: {thesis}" if thesis else "",
                self.markdown(degree, "OccupationalSkillsCovered"),
            ]
            education.append(self.add(at, "education", {
                "organisation": self.field(at, "OrganizationName"),
                "degree": self.field(degree, "DegreeName"),
                "location": self.town(address, "CityName", "CountryCode"),
                "score": self.field(degree, "FinalGrade", "ScoreText"),
                **self.span(at, "AttendancePeriod"),
            }, "\n\n".join(part for part in body if part)))  # fmt: skip
        self.section("Education and training", "education", education)
        self.languages(profile)
        talks = []
        for at in self.items(profile, "ConferencesAndSeminars", "ConferenceAndSeminar"):
            talks.append(self.add(at, "talk", {
                "title": self.field(at, "Title"),
                "event": self.field(at, "Location"),
                "url": self.field(at, "Link"),
                **self.span(at, "Date"),
            }, self.markdown(at, "Description")))  # fmt: skip
        self.section("Conferences and seminars", "talks", talks)
        for at in self.items(profile, "Others"):
            title = self.field(at, "Title") or "Other"
            self.section(title, title, [
                self.add(one, "entry", {
                    "title": self.field(one, "Title"), **self.span(one, "Date"),
                }, self.markdown(one, "Description"))
                for one in self.items(at, "Other")
            ])  # fmt: skip
        for at in self.items(profile, "Attachment"):
            if self.field(at, "FileType").casefold() == "photo":
                data = self.field(at, "EmbeddedData")
                self.get(at)
                self.photo((*at, "EmbeddedData"), data, "")
        if self.get(("RenderingInformation",)):
            self.ignored(("RenderingInformation",), "the Europass editor's design")
        # The person again, as the party that supplies the document.
        self.get(("CandidateSupplier",))
        self.get(("DocumentID",))
        self.as_prose(profile)
        self.unread()
        return self.draft

    def as_prose(self, profile: Where) -> None:
        """Each other part of the profile that holds something (its
        certifications, publications, projects...: the sample files leave
        them empty, so no type reads them yet) as a page of its own, one
        item a bullet of its texts, rather than left out."""
        value = self.get(profile, read=False)
        for key in value if isinstance(value, dict) else ():
            at = (*profile, key)
            if any(at[: n + 1] in self.seen for n in range(len(at))):
                continue
            part = self.get(at, read=False)
            if is_empty(part) or not isinstance(part, dict | list):
                continue
            items = [texts(item) for item in many(part)]
            if isinstance(part, dict) and len(part) == 1:
                # A list of one kind (<Certifications><Certification>...).
                items = [texts(item) for item in many(next(iter(part.values())))]
            lines = [f"- {item}" for item in items if item]
            if lines:
                title = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key).capitalize()
                self.get(at)
                self.prose_section(title, title, "\n".join(lines))
                self.kept(at, f"kept as the page {title!r}, a bullet an item")

    def town(self, where: Where, city: str, country: str) -> str:
        """A town, and its country's code in capitals."""
        parts = (self.field(where, city), self.field(where, country).upper())
        return ", ".join(part for part in parts if part)

    def span(self, where: Where, key: str) -> dict[str, str]:
        """A period's ``StartDate``, ``EndDate`` and whether it goes on; a
        ``Date`` that does not go on, its one date."""
        found = {}
        for part, option in (("StartDate", "start"), ("EndDate", "end")):
            value = self.field((*where, key, part), "FormattedDateTime")
            if value:
                found[option] = value[:10]
        going = self.field((*where, key), "CurrentIndicator") or self.field(
            (*where, key), "Ongoing"
        )
        if going.casefold() == "true":
            found["end"] = model.PRESENT
        if key == "Date" and "start" in found and "end" not in found:
            found["date"] = found.pop("start")
        return found

    def person(self) -> None:
        where: Where = ("CandidatePerson",)
        name = " ".join(
            self.field(where, "PersonName", part)
            for part in ("GivenName", "FamilyName")
        ).strip()
        if not name:
            raise self.fail(where, "no PersonName: a CV needs the person's name")
        self.draft.name = name
        for at in self.items(where, "Communication"):
            self.channel(at)
        self.private(where)

    def channel(self, at: Where) -> None:
        """One ``Communication``: an address, a link, a phone, a place."""
        code = self.field(at, "ChannelCode").casefold()
        uri = self.field(at, "URI")
        if code == "email" and uri:
            if self.draft.email:
                self.left_out((*at, "URI"), "another address: cv:person shows one")
            else:
                self.draft.email = self.checked_value((*at, "URI"), "email", uri)
        elif code in ("web", "social media") and uri:
            url = self.url((*at, "URI"), uri)
            label = self.field(at, "OtherTitle") or self.field(at, "UseCode")
            if url:
                name = label if label.casefold() not in ("", "other") else "Website"
                name = "".join(name.title().split())
                self.draft.links.append(f"{name} {model.short_address(url)} {url}")
        elif code in ("telephone", "mobiletelephone"):
            dialling = self.field(at, "CountryDialing")
            number = " ".join(
                part
                for part in (
                    f"+{dialling}" if dialling else "",
                    self.field(at, "DialNumber"),
                )
                if part
            )
            self.get(at, "UseCode")
            self.get(at, "CountryCode")
            if "phone" in self.draft.contact:
                self.left_out(at, "another phone: cv:person shows one")
            elif number:
                self.draft.contact["phone"] = self.checked_value(at, "phone", number)
        elif code == "instantmessage":
            self.get(at)
            self.left_out(at, "a messenger account: not shown on a CV here")
        elif not is_empty(self.get(at, "Address", read=False)):
            address = (*at, "Address")
            self.get(at, "UseCode")
            self.get(at, "OtherTitle")
            city, country = (
                self.field(address, "CityName"),
                self.field(address, "CountryCode"),
            )
            if city:
                self.draft.contact["city"] = city
            if country:
                self.draft.contact["country"] = country.upper()

    def languages(self, profile: Where) -> None:
        found, skills = [], []
        for at in self.items(profile, "PersonQualifications", "PersonCompetency"):
            name = self.field(at, "CompetencyID")
            if self.field(at, "TaxonomyID").casefold() == "language":
                levels = []
                for dimension in self.items(at, "CompetencyDimension"):
                    code = self.field(dimension, "CompetencyDimensionTypeCode")
                    score = self.field(dimension, "Score", "ScoreText")
                    if code in CEFR and score:
                        levels.append(f"{CEFR[code]} {score}")
                found.append(self.add(at, "language", {
                    "name": language_name(name), "fluency": ", ".join(levels),
                }))  # fmt: skip
            elif name:
                skills.append(self.add(at, "skill", {"name": name}))
        self.section("Languages", "languages", found)
        self.section("Skills", "skills", skills)


def texts(value: Any) -> str:
    """The texts of *value* and all it holds, in order, parted by commas;
    rich text as Markdown on one line."""
    if isinstance(value, dict):
        return ", ".join(t for t in (texts(v) for v in value.values()) if t)
    if isinstance(value, list):
        return ", ".join(t for t in (texts(v) for v in value) if t)
    text = html_to_markdown(str(value)) if value is not None else ""
    return " ".join(text.split())


def language_name(code: str) -> str:
    """A language's English name from its ISO 639 code (``eng``, ``fre``),
    or the code as given."""
    from babel import Locale
    from babel.core import get_global

    aliases = get_global("language_aliases")
    short = aliases.get(code.casefold(), code.casefold())
    name = Locale("en").languages.get(short.partition("_")[0])
    return str(name) if name else code


def is_europass(path: Path) -> bool:
    """Whether the JSON file at *path* is a Europass document."""
    try:
        head = path.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return False
    return '"SkillsPassport"' in head


def read(path: Path) -> Draft:
    """The Europass CV at *path* (XML of 2020 on, or of schema 3.x; or
    JSON of 3.x) as a Draft."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from None
    if path.suffix.casefold() == ".json":
        reader: _Reader = _Passport(path, text, json_of(text, path), None)
    else:
        name, data, lines = parse_xml(path, text)
        if name == "Candidate":
            reader = _Candidate(path, text, data, lines)
        elif name == "SkillsPassport":
            reader = _Passport(path, text, data, lines)
        else:
            raise InputError(
                f"{path}:1: <{name}> is not a Europass CV (Candidate or SkillsPassport)"
            )
    draft = reader.read()
    if not draft.sections and not draft.intro:
        raise InputError(f"{path}: a Europass document with nothing of a CV in it")
    return draft
