"""``/api/ninjs/<id>/``: a published article as an IPTC ninjs document."""

urlpatterns = []
