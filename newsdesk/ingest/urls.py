"""Ingest endpoints under ``/api/ingest/``."""

from django.urls import path

from . import api

urlpatterns = [
    path("ninjs/", api.ninjs_push, name="ingest_ninjs_push"),
]
