"""Feeds inside an edition (``/<lang>/feed/`` …), mounted in the i18n patterns."""

urlpatterns = []
