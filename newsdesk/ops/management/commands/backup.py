"""``manage.py backup FOLDER``: the database, every media file and a manifest, in one folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.ops.backup import BackupError, create_backup, sigterm_as_interrupt


class Command(BaseCommand):
    help = (
        "Back up the site into a new folder: a consistent database dump (pg_dump for "
        "PostgreSQL, SQLite's online backup for SQLite), every media file of the default "
        "storage and manifest.json with the size and sha256 of each. The folder must not "
        "exist or be empty; a backup that fails or is interrupted leaves nothing behind."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="the new (or empty) folder to write")

    def handle(self, *args, folder, **options):
        try:
            with sigterm_as_interrupt():
                summary = create_backup(target=folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except KeyboardInterrupt:
            raise CommandError("Interrupted: no backup was written.", returncode=130) from None
        self.stdout.write(str(summary))
        if summary.vanished:
            self.stderr.write(
                "Deleted while the backup ran (not in it): " + ", ".join(summary.vanished)
            )
