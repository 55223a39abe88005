"""Every Newsdesk migration keeps the previous release's code working, so that an upgrade
migrates first and switches code afterwards, with no downtime (README: "Upgrading without
downtime").

django-migration-linter reads the SQL each operation of each of our migrations runs on the
database the tests use, and reports what the code of the release before would trip on:
dropping or renaming a column or a table, changing a column's type, a NOT NULL column
without a default, a new unique constraint on an existing table, a data migration that
cannot be undone. Third-party apps' migrations are theirs, and not read.

Not reported: initial migrations (they create their app's tables, which no earlier code
used), and operations on a table created earlier in the same migration.

PostgreSQL, which production runs, gets every check. On SQLite one is left out: NOT NULL,
because SQLite rebuilds a table (a new table with every column, NOT NULL ones included)
for most changes to it, so the check would see a NOT NULL column in each; dropping and
renaming columns and tables are still caught. CI runs the suite on both databases.
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connection, connections, migrations, models
from django.db.migrations import Migration
from django_migration_linter import MigrationLinter
from django_migration_linter.sql_analyser import analyse_sql_statements

# Migrations allowed to break the previous release's code, each with its reason. A
# *contract* migration (one that drops or renames what the code of the release before
# still used) goes here once that code is gone from the release it ships in.
ALLOWED = {
    # Written before this check existed, and before any release:
    ("articles", "0004_news_tags"): (
        "story tags moved from taggit's Tag to NewsTag: the through table's tag_id became a "
        "bigint; no release ever ran with the old tags"
    ),
    ("core", "0003_remove_publisher_settings"): (
        "drops PublisherSettings, replaced by the edition settings before any release"
    ),
    ("ingest", "0002_inbox"): (
        "the feed-polling fields of Source came with defaults Django keeps in Python only "
        "(the column has no default in the database), before any release created a source; "
        "today such a field takes a db_default"
    ),
}

# The linter only warns about these; an upgrade that may need rolling back needs them undone.
FAILING_WARNINGS = {"RUNPYTHON_REVERSIBLE", "RUNSQL_REVERSIBLE"}
# SQLite rebuilds tables with every NOT NULL column in them: see the module's docstring.
LEFT_OUT_ON_SQLITE = ["NOT_NULL"]


@dataclass(frozen=True)
class Problem:
    migration: str
    operation: str
    code: str
    message: str
    table: str | None = None
    column: str | None = None

    def __str__(self):
        where = ", ".join(filter(None, [self.table, self.column]))
        return f"{self.migration}: {self.operation}: {self.message} [{self.code}]" + (
            f" ({where})" if where else ""
        )


@pytest.fixture
def linter(db):
    return MigrationLinter(
        no_cache=True,
        no_output=True,
        exclude_migration_tests=LEFT_OUT_ON_SQLITE if connection.vendor == "sqlite" else [],
    )


@pytest.fixture
def own_connection(db):
    """A second connection to the test database, outside the test's transaction: SQLite's
    schema editor switches foreign key checks off first, which it cannot do inside one.
    Nothing is written: the SQL is only collected."""
    own = connections.create_connection(DEFAULT_DB_ALIAS)
    yield own
    own.close()


def lint(linter, database, migration, state):
    """The problems of each operation of ``migration``, applied on top of ``state`` (the
    project's state before it) with ``database``'s schema editor, and the state after it."""
    name = f"{migration.app_label}.{migration.name}"
    problems = []
    created = set()  # models this migration creates: what it does to them breaks nothing
    for operation in migration.operations:
        one = Migration(migration.name, migration.app_label)
        one.operations, one.atomic = [operation], migration.atomic
        with database.schema_editor(collect_sql=True, atomic=migration.atomic) as editor:
            state = one.apply(state, editor, collect_sql=True)
        if isinstance(operation, migrations.CreateModel):
            created.add(operation.name_lower)
            continue
        model = getattr(operation, "model_name_lower", None) or getattr(
            operation, "name_lower", None
        )
        if model in created:
            continue
        sql = [
            line
            for statement in editor.collected_sql
            for line in statement.splitlines()
            if line.strip() and not line.lstrip().startswith("--")
        ]
        errors, _, warnings = analyse_sql_statements(
            linter.sql_analyser_class, sql, linter.exclude_migration_tests
        )
        if isinstance(operation, migrations.RunPython):
            errors, _, warnings = linter.lint_runpython(operation)
        elif isinstance(operation, migrations.RunSQL):
            more_errors, _, more_warnings = linter.lint_runsql(operation)
            errors, warnings = errors + more_errors, warnings + more_warnings
        for issue in errors + [w for w in warnings if w.code in FAILING_WARNINGS]:
            problems.append(
                Problem(
                    name,
                    operation.describe(),
                    issue.code,
                    issue.message,
                    issue.table,
                    issue.column,
                )
            )
    return problems, state


def our_migrations(loader):
    """Newsdesk's own migrations, in order; third-party apps' are theirs."""
    for key in sorted(loader.disk_migrations):
        if apps.get_app_config(key[0]).name.startswith("newsdesk."):
            yield loader.disk_migrations[key]


def test_no_migration_breaks_the_previous_releases_code(linter, own_connection):
    loader = linter.migration_loader
    problems = []
    linted = 0
    for migration in our_migrations(loader):
        key = (migration.app_label, migration.name)
        if migration.initial or key in ALLOWED:
            continue
        state = loader.project_state(key, at_end=False)
        problems += lint(linter, own_connection, migration, state)[0]
        linted += 1
    assert linted > 0
    if problems:
        pytest.fail(
            "These migrations would break the code of the release before them, which keeps "
            "running until the new code is deployed:\n"
            + "\n".join(f"  {problem}" for problem in problems)
            + "\nAdd what the new code needs now (nullable, or with a database default), and "
            "remove what it no longer uses one release later (README: Upgrading without "
            "downtime). A deliberate contract migration goes in ALLOWED in "
            "tests/test_migrations_compatible.py, with its reason.",
            pytrace=False,
        )


def test_every_allowed_migration_exists_and_says_why(linter):
    known = set(linter.migration_loader.disk_migrations)
    for key, reason in ALLOWED.items():
        assert key in known, f"ALLOWED names {key}, which is not a migration"
        assert len(reason) > 20, f"ALLOWED[{key}] needs its reason"


# A synthetic release pair: one migration adds a table, the next one breaks the code that
# used it. They are linted in memory, never written to the project's migration folders.


def fill_summaries(apps, schema_editor):
    """A data migration without a way back."""


def probe_migrations():
    add = Migration("0901_probe", "articles")
    add.operations = [
        migrations.CreateModel(
            "Probe",
            [
                ("id", models.BigAutoField(primary_key=True)),
                ("headline", models.CharField(max_length=200)),
                ("kicker", models.CharField(max_length=80, blank=True)),
            ],
        ),
        # On the table just created: no earlier code can trip on it.
        migrations.AddField(
            "probe",
            "section",
            models.CharField(max_length=80, default="monde"),
            preserve_default=False,
        ),
    ]
    contract = Migration("0902_contract", "articles")
    contract.operations = [
        migrations.RemoveField("probe", "kicker"),
        migrations.RenameField("probe", "headline", "title"),
        migrations.AddField(
            "probe",
            "deck",
            models.CharField(max_length=80, default="—"),
            preserve_default=False,
        ),
        # The two ways to add a column that the previous code can live with.
        migrations.AddField("probe", "byline", models.CharField(max_length=80, null=True)),
        migrations.AddField(
            "probe", "summary", models.TextField(default="", db_default="", blank=True)
        ),
        migrations.RunPython(fill_summaries),
        migrations.RunPython(fill_summaries, migrations.RunPython.noop),
        migrations.DeleteModel("Probe"),
    ]
    return add, contract


def test_the_check_reports_each_breaking_operation_by_migration_and_name(linter, own_connection):
    add, contract = probe_migrations()
    added, state = lint(linter, own_connection, add, linter.migration_loader.project_state())
    assert added == []

    problems, _ = lint(linter, own_connection, contract, state)
    reported = {(problem.migration, problem.operation, problem.code) for problem in problems}
    expected = {
        ("articles.0902_contract", "Remove field kicker from probe", "DROP_COLUMN"),
        ("articles.0902_contract", "Rename field headline on probe to title", "RENAME_COLUMN"),
        ("articles.0902_contract", "Raw Python operation", "RUNPYTHON_REVERSIBLE"),
        ("articles.0902_contract", "Delete model Probe", "DROP_TABLE"),
    }
    if connection.vendor != "sqlite":
        expected.add(("articles.0902_contract", "Add field deck to probe", "NOT_NULL"))
    assert reported == expected
    assert (
        "articles.0902_contract: Remove field kicker from probe: DROPPING columns "
        "[DROP_COLUMN] (articles_probe, kicker)"
    ) in {str(problem) for problem in problems}
