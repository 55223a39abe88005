"""Pure helpers with no models: environment, dates, text."""
