"""Create or refresh the staff groups "Content editor" and "Viewer".

Permissions are worked out each time from the models the content apps have now,
so a new rule model is covered by running the command again (it is idempotent).
Neither group gets any permission on users, groups or permissions.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand

CONTENT_APPS = ("portal", "mail", "funds", "phones", "visits")
EDITOR = "Content editor"
VIEWER = "Viewer"
# Bookkeeping of the data loader: staff may look, never change it.
READ_ONLY_MODELS = {("portal", "seedrecord")}


def content_models():
    for label in CONTENT_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        yield from config.get_models()


def role_permissions():
    """{group name: set of Permission} for the models installed now."""
    editor, viewer = set(), set()
    for model in content_models():
        opts = model._meta
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        perms = {p.codename: p for p in Permission.objects.filter(content_type=content_type)}
        view = perms.get(f"view_{opts.model_name}")
        if view:
            editor.add(view)
            viewer.add(view)
        # History rows are a record: read only, even for editors (revert goes
        # through the model's own change permission).
        is_history = opts.model_name.startswith("historical")
        if is_history or (opts.app_label, opts.model_name) in READ_ONLY_MODELS:
            continue
        for action in ("add", "change", "delete"):
            perm = perms.get(f"{action}_{opts.model_name}")
            if perm:
                editor.add(perm)
    return {EDITOR: editor, VIEWER: viewer}


class Command(BaseCommand):
    help = "Create or refresh the Content editor and Viewer groups for staff."

    def handle(self, *args, **options):
        for name, perms in role_permissions().items():
            group, created = Group.objects.get_or_create(name=name)
            group.permissions.set(perms)
            self.stdout.write(
                f"{'Created' if created else 'Updated'} “{name}” with {len(perms)} permissions."
            )
