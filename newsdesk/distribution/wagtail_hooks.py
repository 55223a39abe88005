"""Partner webhooks in the admin: the webhooks (URL, editions, events, signing secret) and
the delivery log, one row per attempt, read-only."""

import json

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Webhook, WebhookDelivery


class WebhookViewSet(ModelViewSet):
    """Who receives our stories: a partner's URL, the editions and events it wants."""

    model = Webhook
    icon = "link-external"
    menu_label = _("Webhooks")
    menu_order = 100
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    search_backend_name = None
    inspect_view_fields = [
        "name", "url", "active", "locales", "on_publish", "on_update", "on_unpublish",
        "secret", "created_at",
    ]  # fmt: skip


class DeliveryLogIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("webhook")


class DeliveryInspectView(InspectView):
    def get_payload_display_value(self):
        payload = json.dumps(self.object.payload, indent=2, ensure_ascii=False)
        return format_html("<pre>{}</pre>", payload)


class DeliveryLogViewSet(ModelViewSet):
    """Every attempt at sending a story to a webhook, with the answer it got. Written by the
    deliveries only: people may look, not change."""

    model = WebhookDelivery
    name = "webhook_deliveries"
    url_prefix = "webhook-deliveries"
    icon = "list-ul"
    menu_label = _("Delivery log")
    menu_order = 200
    index_view_class = DeliveryLogIndexView
    inspect_view_class = DeliveryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "page_title", "webhook", "event", "attempt", "status", "response_status", "error",
        "attempted_at", "next_attempt_at",
    ]  # fmt: skip
    list_filter = ["webhook", "status", "event"]
    search_fields = ["page_title"]
    search_backend_name = None
    inspect_view_fields = [
        "webhook", "event", "page_id", "page_title", "event_id", "attempt", "status",
        "response_status", "error", "created_at", "attempted_at", "finished_at",
        "next_attempt_at", "payload",
    ]  # fmt: skip

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="distribution", codename="view_webhookdelivery"
        )


class WebhooksGroup(ModelViewSetGroup):
    items = (WebhookViewSet, DeliveryLogViewSet)
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    menu_order = 320


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhooksGroup()
