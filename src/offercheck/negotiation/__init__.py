"""Negotiation: asks, talking points, the counter-offer."""
