"""Recipients are checked once, at the boundary, the same for a CSV row and a typed entry."""

from __future__ import annotations

import pytest

from model.domain.enums import DataCategory
from model.domain.errors import ValidationError
from model.domain.people.recipients import (
    RecipientDraft,
    address_key,
    check_recipient,
    merge,
    merged_name,
    normal_postcode,
    parse_categories,
)


def draft(**kw: object) -> RecipientDraft:
    base = {"name": "Ann Lee", "lines": ("2 Park Road", "Northtown"), "postcode": "nt2 2aa"}
    base.update(kw)
    return RecipientDraft(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("postcode", ["NT2 2AA", "nt22aa", "SW1A 1AA", "M1 1AE", "B33 8TH",
                                      "CR2 6XH", "DN55 1PT", "GIR 0AA", "EC1A1BB"])
def test_uk_postcode_shapes_accepted(postcode: str) -> None:
    assert check_recipient(draft(postcode=postcode)).postcode == normal_postcode(postcode)


@pytest.mark.parametrize("postcode", ["", "12345", "NT2", "ABC 123", "NT2 2AAA", "NT2 2A",
                                      "Q1 1AA", "NT2 2CI"])
def test_other_postcodes_refused(postcode: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_recipient(draft(postcode=postcode))
    assert err.value.field == "postcode"


def test_cleaned_and_normalised() -> None:
    d = check_recipient(draft(name="  Ann\u200b  Lee\x07 ", lines=(" 2  Park Road ", "", "Town"),
                              email=" ann@example.org "))
    assert d.name == "Ann Lee" and d.lines == ("2 Park Road", "Town")
    assert d.postcode == "NT2 2AA" and d.email == "ann@example.org"


@pytest.mark.parametrize(("kw", "field"), [
    ({"name": " "}, "name"), ({"name": "x" * 101}, "name"),
    ({"lines": ()}, "address"), ({"lines": ("y" * 46,)}, "address line 1"),
    ({"lines": ("a", "b", "c", "d", "e")}, "address"), ({"email": "not an email"}, "email"),
])
def test_bad_entries_name_the_field(kw: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_recipient(draft(**kw))
    assert err.value.field == field


def test_same_address_written_differently_has_one_key() -> None:
    assert address_key(("Flat 2, 10 High St.",), "nt1 1aa") == \
        address_key(("flat 2 10 high st",), "NT11AA")
    assert address_key(("Flat 2, 10 High St",), "NT1 1AA") != \
        address_key(("Flat 3, 10 High St",), "NT1 1AA")


def test_merge_joins_names_and_data() -> None:
    a = draft(categories=(DataCategory.BASIC_IDENTIFIERS,))
    b = draft(name="Bob Lee", email="bob@example.org", categories=(DataCategory.HEALTH,))
    merged = merge(a, b)
    assert merged.name == "Ann Lee and Bob Lee" and merged.email == "bob@example.org"
    assert merged.categories == (DataCategory.BASIC_IDENTIFIERS, DataCategory.HEALTH)
    assert merged_name("Ann Lee and Bob Lee", "ann lee") == "Ann Lee and Bob Lee"
    assert merged_name("x" * 60, "y" * 60) == "x" * 60 + " and others"


def test_categories_from_values_labels_and_words() -> None:
    assert parse_categories("name; bank details|Health / criminal_offence") == (
        DataCategory.BASIC_IDENTIFIERS, DataCategory.ECONOMIC_FINANCIAL, DataCategory.HEALTH,
        DataCategory.CRIMINAL_OFFENCE)
    with pytest.raises(ValidationError, match="'shoe size' is not a kind of data"):
        parse_categories("name; shoe size")
