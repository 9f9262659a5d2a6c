"""The mail guide's pages: answers, address blocks, dated rules and bad input."""

import re
from datetime import date, datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine

from mail.models import MailDestination, MailItem, MailItemRule, SendTo

CHICAGO = ZoneInfo("America/Chicago")
TODAY = datetime(2025, 10, 1, 12, tzinfo=CHICAGO)
ALL_ITEMS = [value for value, _label in MailItem.choices]
ALLOWED_PERSONAL = {MailItem.LETTER, MailItem.CARD, MailItem.PHOTO}
TO_FACILITY = {
    MailItem.LEGAL,
    MailItem.GOVERNMENT,
    MailItem.CERTIFIED,
    MailItem.VISITOR_APPLICATION,
}
REFUSED = {MailItem.PUBLICATION, MailItem.STAMPS_PAPER, MailItem.OTHER_ITEMS}
DMC_TAIL = ["C/O Digital Mail Center-Missouri DOC", "PO Box 25678", "Tampa, FL 33622-5678"]


def address_blocks(response) -> list[list[str]]:
    """Every address block on the page, as its lines."""
    html = response.content.decode()
    blocks = re.findall(r'<address class="address-block mail-address">(.*?)</address>', html, re.S)
    return [
        [unescape(line) for line in re.findall(r'<span class="mail-address__line">(.*?)</span>', b)]
        for b in blocks
    ]


def section(response, item) -> str:
    html = response.content.decode()
    match = re.search(rf'<section[^>]*aria-labelledby="item-{item}".*?</section>', html, re.S)
    assert match, item
    return unescape(match.group(0))


def ask(client, **params):
    query = {"go": "1", **params}
    with time_machine.travel(TODAY, tick=False):
        return client.get("/mail/answer/", query)


@pytest.mark.parametrize(
    ("code", "name", "street", "city_line"),
    [
        (
            "ACC",
            "Algoa Correctional Center",
            "8501 No More Victims Road",
            "Jefferson City, MO 65101",
        ),
        (
            "FRDC",
            "Fulton Reception and Diagnostic Center",
            "1393 State Route O",
            "Fulton, MO 65251",
        ),
        ("BCC", "Boonville Correctional Center", "1216 East Morgan Street", "Boonville, MO 65233"),
    ],
)
def test_every_kind_of_mail_for_a_person_at_three_facilities(
    make_person, client, code, name, street, city_line
):
    person = make_person("Ana", "García", facility_code=code)
    response = ask(client, doc_id=person.doc_id, items=ALL_ITEMS)
    assert response.status_code == 200
    first = f"Ana García, {person.doc_id}"
    for item in ALL_ITEMS:
        text = section(response, item)
        if item in ALLOWED_PERSONAL or item in TO_FACILITY:
            assert "yes, you can send this" in text
        else:
            assert "no, this will be refused" in text
            assert "What to do instead:" in text
    blocks = address_blocks(response)
    assert blocks.count([first, *DMC_TAIL]) == len(ALLOWED_PERSONAL)
    assert blocks.count([first, name, street, city_line]) == len(TO_FACILITY)
    assert len(blocks) == len(ALLOWED_PERSONAL) + len(TO_FACILITY)


def test_refused_items_say_what_to_do_instead(sample_person, client):
    response = ask(client, doc_id=sample_person.doc_id, items=list(REFUSED))
    assert "No, this will be refused." in response.content.decode()
    assert "buys books and magazines directly" in section(response, MailItem.PUBLICATION)
    assert "commissary" in section(response, MailItem.STAMPS_PAPER)
    assert "commissary" in section(response, MailItem.OTHER_ITEMS)


def test_name_and_facility_without_doc_id_leaves_the_doc_id_to_fill_in(missouri, client):
    response = ask(
        client,
        name="  Ana   García ",
        facility="algoa-correctional-center",
        items=["letter", "legal"],
    )
    assert response.status_code == 200
    blocks = address_blocks(response)
    assert blocks[0] == ["Ana García, __________", *DMC_TAIL]
    assert blocks[1][1:] == [
        "Algoa Correctional Center",
        "8501 No More Victims Road",
        "Jefferson City, MO 65101",
    ]
    assert "Find their DOC ID" in response.content.decode()


def test_person_with_no_facility_is_told_to_find_it_for_legal_mail(make_person, client):
    person = make_person("Sam", "Lee", facility_code=None)
    response = ask(client, doc_id=person.doc_id, items=["legal", "letter"])
    assert response.status_code == 200
    assert "check first" in section(response, "legal")
    assert address_blocks(response) == [[f"Sam Lee, {person.doc_id}", *DMC_TAIL]]


def test_personal_mail_before_july_2022_went_to_the_facility(sample_person, client):
    with time_machine.travel(datetime(2022, 6, 30, 12, tzinfo=CHICAGO), tick=False):
        response = client.get(
            "/mail/answer/", {"go": "1", "doc_id": sample_person.doc_id, "items": "letter"}
        )
    assert address_blocks(response) == [
        [
            "Ana García, 7000001",
            "Algoa Correctional Center",
            "8501 No More Victims Road",
            "Jefferson City, MO 65101",
        ]
    ]


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        (datetime(2023, 9, 24, 23, 30, tzinfo=CHICAGO), True),
        (datetime(2023, 9, 25, 0, 30, tzinfo=CHICAGO), False),
    ],
)
def test_publications_switch_on_september_25_2023(sample_person, client, moment, allowed):
    with time_machine.travel(moment, tick=False):
        response = client.get(
            "/mail/answer/", {"go": "1", "doc_id": sample_person.doc_id, "items": "publication"}
        )
    text = section(response, "publication")
    assert ("yes, you can send this" in text) is allowed
    assert ("no, this will be refused" in text) is not allowed


def test_a_rule_with_a_future_start_shows_from_that_day_only(missouri, client):
    """Staff can enter a change ahead of time: it appears on its first day, without a deploy."""
    MailDestination.objects.filter(key="personal-digital-mail-center").update(
        effective_until=date(2026, 12, 31)
    )
    MailDestination.objects.create(
        agency=missouri,
        key="personal-new-center",
        purpose=SendTo.PERSONAL,
        name="New Mail Center",
        care_of_line="C/O New Mail Center",
        po_box="PO Box 1",
        city="Jefferson City",
        state="MO",
        zip_code="65101-0001",
        effective_from=date(2027, 1, 1),
    )
    MailItemRule.objects.create(
        agency=missouri,
        key="cards-refused-2027",
        item=MailItem.CARD,
        allowed=False,
        reason="Cards are refused.",
        instead="Send a letter.",
        effective_from=date(2027, 1, 1),
    )
    MailItemRule.objects.filter(key="card").update(effective_until=date(2026, 12, 31))

    def page(moment):
        with time_machine.travel(moment, tick=False):
            return client.get("/mail/").content.decode()

    before = page(datetime(2026, 12, 31, 23, 59, tzinfo=CHICAGO))
    assert "PO Box 25678" in before and "New Mail Center" not in before
    assert "Cards are refused." not in before
    after = page(datetime(2027, 1, 1, 0, 1, tzinfo=CHICAGO))
    assert "C/O New Mail Center" in after and "PO Box 25678" not in after
    assert "Cards are refused." in after


def test_guide_page_states_each_rule_and_when_it_started(missouri, client):
    with time_machine.travel(TODAY, tick=False):
        html = unescape(client.get("/mail/").content.decode())
    for text in [
        "Their full name, DOC ID number",
        "C/O Digital Mail Center-Missouri DOC",
        "PO Box 25678",
        "Tampa, FL 33622-5678",
        "This rule started on July 1, 2022.",
        "Since September 25, 2023.",
        "4 x 6 inches",
        "No nudity.",
        "Scanned to their tablet",
        "Printed on paper",
        "Legal mail",
        "Certified mail",
        "A visitor application",
        "Mail from a government agency",
    ]:
        assert text in html, text


@pytest.mark.parametrize("param", ["doc_id", "facility"])
def test_guide_form_is_prefilled_from_a_link(sample_person, client, param):
    value = "7000001" if param == "doc_id" else "algoa-correctional-center"
    response = client.get("/mail/", {param: value})
    assert response.status_code == 200
    html = response.content.decode()
    if param == "doc_id":
        assert 'value="7000001"' in html
    else:
        assert 'value="algoa-correctional-center" selected' in html


def test_answer_link_without_go_shows_the_prefilled_form(sample_person, client):
    response = client.get("/mail/answer/", {"doc_id": "7000001"})
    assert response.status_code == 200
    assert 'value="7000001"' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"doc_id": "99999999", "items": "letter"}, "We cannot find DOC ID 99999999"),
        (
            {"name": "     ", "facility": "algoa-correctional-center", "items": "letter"},
            "Enter their DOC ID, or their full name.",
        ),
        (
            {"name": "A" * 5000, "facility": "algoa-correctional-center", "items": "letter"},
            "Ensure this value has at most 200 characters",
        ),
        (
            {"name": "Ana\x00", "facility": "algoa-correctional-center", "items": "letter"},
            "Null characters are not allowed.",
        ),
        ({"doc_id": "12\x0034", "items": "letter"}, "Null characters are not allowed."),
        ({"doc_id": "7000001"}, "Choose at least one thing you are sending."),
        ({"doc_id": "7000001", "items": "piano"}, "Choose from the list."),
        ({"name": "Ana", "items": "letter"}, "Choose the facility they are in."),
        ({"name": "Ana", "facility": "no-such-place", "items": "letter"}, "Select a valid"),
        ({"doc_id": "abc", "items": "letter"}, "A DOC ID has digits only"),
    ],
)
def test_bad_input_on_the_mail_form_gets_a_message_and_400(sample_person, client, params, message):
    response = client.get("/mail/answer/", {"go": "1", **params})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "There is a problem" in html
    assert message in html


@pytest.mark.parametrize(
    ("width", "height", "verdict"),
    [
        ("4", "6", "Yes, you can send this photo."),
        ("6", "4", "Yes, you can send this photo."),
        ("5", "7", "No, this photo will be refused."),
        ("4", "6.5", "No, this photo will be refused."),
    ],
)
def test_photo_size_check(missouri, client, width, height, verdict):
    response = client.get("/mail/photo-size/", {"go": "1", "width": width, "height": height})
    assert response.status_code == 200
    assert verdict in unescape(response.content.decode())


@pytest.mark.parametrize(
    ("width", "message"),
    [
        ("-4", "Enter a size larger than 0 inches."),
        ("0", "Enter a size larger than 0 inches."),
        ("500", "That is far too large for a photo."),
        ("99999999999999", "far too large"),
        ("four", "Enter a number of inches"),
        ("NaN", "Enter a number of inches"),
        ("Infinity", "Enter a number of inches"),
        ("4\x00", "Enter a number of inches"),
        ("4" * 5000, "Enter a number of inches"),
        ("", "Enter the size in inches"),
        ("4.125", "no more than 2 digits after the point"),
    ],
)
def test_bad_photo_size_gets_a_message_and_400(missouri, client, width, message):
    response = client.get("/mail/photo-size/", {"go": "1", "width": width, "height": "6"})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "There is a problem" in html
    assert message in html


def test_envelope_has_return_block_stamp_box_and_exact_address(sample_person, client):
    with time_machine.travel(TODAY, tick=False):
        response = client.get("/mail/envelope/", {"go": "1", "doc_id": "7000001", "item": "letter"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="mail-envelope-page"' in html
    assert "mail-envelope__return" in html and "mail-envelope__stamp" in html
    assert "<figcaption" in html
    assert address_blocks(response) == [["Ana García, 7000001", *DMC_TAIL]]


def test_envelope_for_legal_mail_uses_the_facility_address(sample_person, client):
    response = client.get("/mail/envelope/", {"go": "1", "doc_id": "7000001", "item": "legal"})
    assert address_blocks(response) == [
        [
            "Ana García, 7000001",
            "Algoa Correctional Center",
            "8501 No More Victims Road",
            "Jefferson City, MO 65101",
        ]
    ]


def test_envelope_for_refused_item_says_no_and_what_to_do(sample_person, client):
    response = client.get(
        "/mail/envelope/", {"go": "1", "doc_id": "7000001", "item": "stamps_paper"}
    )
    html = unescape(response.content.decode())
    assert "No, this will be refused." in html and "commissary" in html
    assert address_blocks(response) == []


def test_envelope_bad_input_gets_400(sample_person, client):
    response = client.get("/mail/envelope/", {"go": "1", "doc_id": "1\x00", "item": "letter"})
    assert response.status_code == 400
    response = client.get("/mail/envelope/", {"go": "1", "doc_id": "7000001", "item": "x" * 5000})
    assert response.status_code == 400


def test_answer_link_to_envelope_carries_the_person(sample_person, client):
    html = ask(client, doc_id="7000001", items="legal").content.decode()
    assert "/mail/envelope/?go=1&amp;item=legal&amp;doc_id=7000001" in html


@pytest.mark.parametrize(
    "url",
    [
        "/mail/",
        "/mail/?doc_id=7000001",
        "/mail/answer/?go=1&doc_id=7000001&" + "&".join(f"items={i}" for i in ALL_ITEMS),
        "/mail/answer/?go=1&name=Ana&facility=algoa-correctional-center&items=letter&items=legal",
        "/mail/photo-size/?go=1&width=4&height=6",
        "/mail/envelope/?go=1&doc_id=7000001&item=legal",
        "/mail/envelope/",
    ],
)
def test_pages_stay_within_six_queries(sample_person, client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/mail/answer/?go=1&doc_id=7000001", "id_items_1"),
        ("/mail/envelope/?go=1&doc_id=7000001&item=zz", "id_item_1"),
    ],
)
def test_error_summary_links_to_the_first_option(sample_person, client, url, target):
    html = client.get(url).content.decode()
    assert f'href="#{target}"' in html
    assert f'id="{target}"' in html


def test_guide_from_a_person_page_shows_their_addresses(make_person, client):
    person = make_person("Ana", "García", facility_code="FRDC")
    with time_machine.travel(TODAY, tick=False):
        response = client.get("/mail/", {"doc_id": person.doc_id})
    first = f"Ana García, {person.doc_id}"
    blocks = address_blocks(response)
    assert [first, *DMC_TAIL] in blocks
    assert [
        first,
        "Fulton Reception and Diagnostic Center",
        "1393 State Route O",
        "Fulton, MO 65251",
    ] in blocks


@pytest.mark.parametrize("doc_id", ["99999999", "abc", "1\x002", "9" * 5000])
def test_guide_with_an_unknown_or_odd_doc_id_still_answers(missouri, client, doc_id):
    response = client.get("/mail/", {"doc_id": doc_id})
    assert response.status_code == 200
    assert "Addresses for" not in response.content.decode()
