"""Built-in plugins: factors and tax regimes, registered like third-party ones."""
