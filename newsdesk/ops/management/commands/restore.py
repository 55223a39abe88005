"""``manage.py restore FOLDER``: a backup back into an empty database and the media storage."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.ops.backup import BackupError, restore_backup, sigterm_as_interrupt


class Command(BaseCommand):
    help = (
        "Restore a backup (made by `manage.py backup`) into an empty database of the same "
        "kind and the default media storage. Every checksum is verified before anything is "
        "written; media files already in the storage with the same content are kept; the "
        "cache is cleared at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="the folder the backup wrote")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace media files that are in the storage with other content than the "
            "backup's (without it the restore stops before writing anything)",
        )

    def handle(self, *args, folder, force, **options):
        try:
            with sigterm_as_interrupt():
                summary = restore_backup(source=folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except KeyboardInterrupt:
            raise CommandError(
                "Interrupted. The database is restored in one step: if it was not reached it "
                "is still empty, and running restore again finishes the job (media files "
                "already copied are kept).",
                returncode=130,
            ) from None
        self.stdout.write(str(summary))
        for note in summary.notes:
            self.stderr.write(note)
