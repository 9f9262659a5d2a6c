"""Every admin page of every registered model opens for a superuser, and for a viewer."""

import pytest
from django.contrib import admin
from django.urls import reverse

from portal.admin_base import RuleAdmin

CONTENT_APPS = {"portal", "mail", "funds", "phones", "visits"}


def registered():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in CONTENT_APPS
    ]


def pages_of(model, model_admin):
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    urls = [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
    obj = model._default_manager.order_by("pk").first()
    if obj is not None:
        urls += [
            reverse(f"{name}_change", args=[obj.pk]),
            reverse(f"{name}_history", args=[obj.pk]),
        ]
    if isinstance(model_admin, RuleAdmin):
        urls += [reverse(f"{name}_import"), reverse(f"{name}_export")]
    return urls


@pytest.mark.parametrize("model_name", [m._meta.label for m, _ in registered()])
def test_every_admin_page_opens(admin_client, sample_person, model_name):
    for model, model_admin in registered():
        if model._meta.label != model_name:
            continue
        for url in pages_of(model, model_admin):
            assert admin_client.get(url).status_code == 200, url


def test_the_review_page_opens(admin_client, missouri):
    assert admin_client.get("/admin/freshness/").status_code == 200


def test_a_viewer_reads_every_list(client, viewer, sample_person):
    client.force_login(viewer)
    for model, _model_admin in registered():
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert client.get(url).status_code == 200, url
