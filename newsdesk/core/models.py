"""The core app holds no models of its own: per-edition settings (masthead, logo, time zone)
live in ``editions.Edition``."""
