"""Create the first administrator account if there is none, and print its login."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the administrator account (once) and print its login."

    def handle(self, *args, **options):
        username = os.environ.get("NEWSDESK_ADMIN_USER", "admin")
        # NEWSDESK_VAR: the production stack's own folder (scripts/prod), else var/.
        var = os.environ.get("NEWSDESK_VAR") or Path(settings.BASE_DIR) / "var"
        password_file = Path(var) / "admin-password.txt"
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            known = password_file.read_text().strip() if password_file.exists() else None
            self.stdout.write(
                f"Admin login: {username} / {known}"
                if known
                else f"Admin account {username!r} exists; its password was not created here."
            )
            return
        password = os.environ.get("NEWSDESK_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Admin login: {username} / {password}"))
