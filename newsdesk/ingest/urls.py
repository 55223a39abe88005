"""Ingest endpoints under ``/api/ingest/``."""

urlpatterns = []
