"""Newsdesk: a newsroom content-management system for multilingual newspapers."""
