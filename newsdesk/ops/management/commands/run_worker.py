"""The background-task worker: django-tasks' database worker, which first puts back the
tasks a killed worker of this machine left running (see ``newsdesk.ops.tasks_recovery``)."""

from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from newsdesk.ops.tasks_recovery import requeue_lost_tasks, worker_id


class Command(DBWorkerCommand):
    help = (
        "Run background tasks (search indexing, feed polls, webhook deliveries…) until "
        "stopped; SIGTERM lets the running task finish. Tasks a killed worker left running "
        "run again."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=worker_id())

    def handle(self, *args, **options):
        for task_id in requeue_lost_tasks():
            self.stdout.write(f"Task {task_id} was left running by a stopped worker: queued again.")
        return super().handle(*args, **options)
