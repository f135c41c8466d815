"""The offer file: models, loading, roles."""
