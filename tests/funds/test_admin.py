"""Staff change the ways to add money in the admin."""

from funds.models import DepositMethod


def test_staff_can_list_and_open_every_way_to_add_money(missouri, admin_client):
    response = admin_client.get("/admin/funds/depositmethod/")
    assert response.status_code == 200
    for method in DepositMethod.objects.all():
        page = admin_client.get(f"/admin/funds/depositmethod/{method.pk}/change/")
        assert page.status_code == 200
        assert "Electronic provider" in page.content.decode()


def test_staff_change_the_provider_in_the_admin(missouri, admin_client, sample_person, client):
    method = DepositMethod.objects.get(key="phone")
    response = admin_client.get(f"/admin/funds/depositmethod/{method.pk}/change/")
    data = {k: v for k, v in response.context["adminform"].form.initial.items() if v is not None}
    data.update(
        agency=method.agency_id,
        provider_name="JPay",
        provider_phone="800-555-0100",
        effective_from="",
        effective_until="",
        last_reviewed="2026-01-05",
    )
    for flag in ("needs_name", "needs_doc_id", "needs_facility"):
        data[flag] = "on"
    for flag in ("needs_deposit_slip", "memo_name", "memo_doc_id", "mail_nothing_else"):
        data.pop(flag, None)
    saved = admin_client.post(f"/admin/funds/depositmethod/{method.pk}/change/", data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    body = client.get("/money/checklist/?go=1&doc_id=7000001&method=phone").content.decode()
    assert "Call JPay:" in body
    assert "800-555-0100" in body
