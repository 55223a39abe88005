"""Django's cache backends, counted for /metrics, and a Redis cache that a Redis outage
cannot take the site down with.

When Redis stops answering, ``ResilientRedisCache`` answers every lookup as a miss and
every write as not done, logs the outage once, and tries Redis again after
``RETRY_AFTER`` seconds: pages are rendered without the cache instead of failing. The
readiness probe (/readyz) reports the outage.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .metrics import record_cache_lookup

logger = logging.getLogger(__name__)

_MISSING = object()
_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class CountingLocMemCache(LocMemCache):
    """Each process's own memory (a laptop, the tests), with its lookups counted."""

    def __init__(self, name, params):
        super().__init__(name, params)
        self.alias = params.get("ALIAS", "default")

    def get(self, key, default=None, version=None):
        value = super().get(key, _MISSING, version)
        record_cache_lookup(self.alias, value is not _MISSING)
        return default if value is _MISSING else value


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, counted, that serves without a cache while Redis is away."""

    RETRY_AFTER = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self.alias = params.get("ALIAS", "default")
        self._down_until = 0.0

    @property
    def is_available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _attempt(self, operation, fallback, *args, **kwargs):
        if not self.is_available:
            return fallback
        try:
            return operation(*args, **kwargs)
        except _UNAVAILABLE as error:
            if self._down_until == 0.0 or time.monotonic() - self._down_until > self.RETRY_AFTER:
                logger.warning(
                    "The Redis cache does not answer (%s): serving without it, next try in %s s.",
                    error,
                    self.RETRY_AFTER,
                )
            self._down_until = time.monotonic() + self.RETRY_AFTER
            return fallback

    def get(self, key, default=None, version=None):
        value = self._attempt(super().get, _MISSING, key, _MISSING, version)
        record_cache_lookup(self.alias, value is not _MISSING)
        return default if value is _MISSING else value

    def get_many(self, keys, version=None):
        keys = list(keys)
        found = self._attempt(super().get_many, {}, keys, version)
        for key in keys:
            record_cache_lookup(self.alias, key in found)
        return found

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self._attempt(super().clear, False)
