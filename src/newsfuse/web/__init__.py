"""The local web app and JSON API over a newsfuse store (``newsfuse serve``)."""

from .app import create_app

__all__ = ["create_app"]
