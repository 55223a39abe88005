from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The newsroom's accounts. Our own model from the first migration, so it can grow
    (desks, preferred edition) without a painful swap later."""
