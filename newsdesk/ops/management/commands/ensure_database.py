"""Create the PostgreSQL database DATABASE_URL names when it does not exist yet."""

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from psycopg import sql


class Command(BaseCommand):
    help = (
        "Create the database DATABASE_URL names if it is missing (PostgreSQL; SQLite makes "
        "its file itself). The server must answer and the user may create databases."
    )

    def handle(self, *args, **options):
        settings_dict = connections["default"].settings_dict
        if settings_dict["ENGINE"] != "django.db.backends.postgresql":
            self.stdout.write("SQLite: the database file is made by migrate.")
            return
        name = settings_dict["NAME"]
        params = {
            "dbname": "postgres",
            "host": settings_dict["HOST"] or None,
            "port": settings_dict["PORT"] or None,
            "user": settings_dict["USER"] or None,
            "password": settings_dict["PASSWORD"] or None,
            "connect_timeout": 5,
        }
        try:
            with psycopg.connect(autocommit=True, **params) as connection:
                found = connection.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if found:
                    self.stdout.write(f"The database {name} exists.")
                    return
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.Error as error:
            where = f"{params['host'] or 'localhost'}:{params['port'] or 5432}"
            raise CommandError(
                f"Could not create the database {name} on {where}: {error}"
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Created the database {name}."))
