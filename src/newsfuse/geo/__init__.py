"""Offline geography: the gazetteer behind place resolution (see :mod:`newsfuse.analysis.places`)."""

from .gazetteer import Gazetteer, Place, get_gazetteer, haversine_km, normalize

__all__ = ["Gazetteer", "Place", "get_gazetteer", "haversine_km", "normalize"]
