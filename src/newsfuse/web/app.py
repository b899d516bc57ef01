"""The web app object: one FastAPI app over one store file, pages and JSON API.

Everything that is not a route lives here: the store connections (one per worker
thread, see :class:`ThreadStores`), the allowed Host names, security headers on every
response, the one error shape (500s included), templates and the few static files,
which are read from the package once at start-up so that no request path ever reaches
the filesystem.
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
from collections.abc import Iterable
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store import Store, open_store
from ..store.sqlite import StoreError
from ..store.search import QueryTimeout
from ..wording import number_text
from .queries import BadRequest, date_text

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")
log = logging.getLogger("newsfuse.web")


class ThreadStores:
    """Stands in for a :class:`Store`: every call is answered by the calling thread's own
    read-only connection, opened on the thread's first request and reused by the next.

    SQLite connections may only be used by the thread that opened them, and FastAPI runs a
    sync endpoint on one worker thread but its sync dependencies (and their clean-up) on
    others, so a store opened per request in a dependency was used and closed across
    threads. Here no connection ever leaves its thread, so no lock is needed: reads run in
    parallel under WAL, and a reader never takes the write lock (the file is opened
    ``mode=ro``, migrations are run once by :func:`create_app`). A sync endpoint runs start
    to end on one thread, and a thread runs one endpoint at a time, so each connection
    serves one request at a time. Connections are in autocommit mode: each query sees
    every write committed before it, so nothing is cached across a ``newsfuse run``. The
    worker threads are few (AnyIO keeps at most 40, ending those idle for 10 s, which
    closes their connection); a file replaced under the same name (a new inode) is
    reopened, and a read that fails because the server ended the connection (a restart) is
    asked again once on a new one. Writes do not go through here (``POST /api/articles``
    opens its own store).
    """

    def __init__(self, db: str):
        self.db = db
        self._local = threading.local()

    def here(self) -> Store:
        """The calling thread's store, opened now if this thread has none (or the file was replaced)."""
        local = self._local
        identity = _file_identity(self.db)
        store = getattr(local, "store", None)
        if store is None or local.identity != identity or not store.usable():
            if store is not None:
                local.store = None
                store.close()
            local.store, local.identity = open_store(self.db, readonly=True), identity
        return local.store

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.here(), name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return attribute(*args, **kwargs)
            except Exception:
                if self._local.store.usable():
                    raise  # the query failed, not the connection
            return getattr(self.here(), name)(*args, **kwargs)  # reads: safe to ask again

        return call


def _file_identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def allowed_host_names(listen_host: str | None = None, extra: Iterable[str] = (),
                       env: str | None = None) -> list[str]:
    """The Host names the server answers to: the loopback names, the address it listens on
    (unless a wildcard such as 0.0.0.0), ``extra`` (``--allowed-host``) and the
    comma-separated names in ``env`` (NEWSFUSE_ALLOWED_HOSTS). ``*`` allows any host."""
    names = list(LOOPBACK_HOSTS)
    if listen_host and listen_host not in WILDCARD_ADDRESSES:
        names.append(f"[{listen_host}]" if ":" in listen_host and not listen_host.startswith("[") else listen_host)
    names += list(extra) + [n for n in (env or "").split(",")]
    out: list[str] = []
    for name in (n.strip().lower() for n in names):
        if name and name not in out:
            out.append(name)
    return out


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response (an ASGI middleware: no per-request task
    or stream, unlike ``@app.middleware``)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AllowedHosts:
    """Starlette's TrustedHostMiddleware decides which Host headers pass; a refused one
    gets the app's own error (JSON under /api, the HTML page elsewhere) instead of its
    plain-text 400."""

    def __init__(self, app: ASGIApp, allowed_hosts: list[str]):
        self.app = app
        self.check = TrustedHostMiddleware(self._passed, allowed_hosts=allowed_hosts, www_redirect=False)

    async def _passed(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope["newsfuse.host_ok"] = True
        await self.app(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.check(scope, receive, send)  # lifespan passes; a websocket is refused as Starlette does
            return

        async def forward_if_passed(message: Message) -> None:
            if scope.get("newsfuse.host_ok"):
                await send(message)  # the app's own response; Starlette's refusal is dropped

        await self.check(scope, receive, forward_if_passed)
        if not scope.get("newsfuse.host_ok"):
            request = Request(scope, receive)
            host = request.headers.get("host", "")[:100]
            response = error_response(request, 400, f"this server does not answer for the host {host!r} "
                                                     "(start it with --allowed-host NAME)")
            await response(scope, receive, send)


def load_static() -> dict[str, tuple[bytes, str]]:
    """The package's static files by name, read once: requests look names up here."""
    out = {}
    for item in resources.files("newsfuse.web").joinpath("static").iterdir():
        suffix = "." + item.name.rsplit(".", 1)[-1]
        if item.is_file() and suffix in STATIC_TYPES:
            out[item.name] = (item.read_bytes(), STATIC_TYPES[suffix])
    return out


def templates() -> Environment:
    env = Environment(loader=PackageLoader("newsfuse.web", "templates"),
                      autoescape=select_autoescape(["html", "svg"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = number_text
    env.filters["when"] = date_text
    env.globals["version"] = __version__
    return env


def create_app(db: str, token: str | None = None, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The app over the store at ``db``. ``token`` enables ``POST /api/articles``;
    without one the app is read-only. ``allowed_hosts``: the Host names it answers
    (default the loopback names, see :func:`allowed_host_names`; ``"*"`` for any);
    other hosts get a 400, so a page on another site cannot read the API by pointing
    its own name at this machine (DNS rebinding)."""
    try:
        open_store(db).close()  # run migrations now, and fail before serving if the file is unusable
    except StoreError:
        if token:
            raise
        open_store(db, readonly=True).close()  # read-only file or folder: enough for a read-only app
    app = FastAPI(title="newsfuse", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Read-only JSON API over a newsfuse store: events, articles, search and exports. "
                              "`POST /api/articles` needs the server's token (NEWSFUSE_TOKEN).")
    app.state.db = db
    app.state.token = token or None
    app.state.templates = templates()
    app.state.static = load_static()
    app.state.stores = ThreadStores(db)
    app.state.allowed_hosts = list(allowed_hosts) if allowed_hosts is not None else list(LOOPBACK_HOSTS)
    # the last added runs first: headers go on everything, the host refusal included
    app.add_middleware(AllowedHosts, allowed_hosts=app.state.allowed_hosts)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Starlette's outermost middleware calls this for any exception nothing else handled,
        # outside the other middleware (so error_response adds the security headers itself),
        # then re-raises it for uvicorn to log: the traceback goes to the log, not the client.
        return error_response(request, 500, "internal error: the server log has the details")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', [])[1:]) or 'request'}: {e.get('msg')}"
                             for e in exc.errors())
        return error_response(request, 422, problems or "invalid request")

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest):
        return error_response(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, 503, "the store is not available right now; the server log says why")

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout):
        return error_response(request, 503, f"{exc}; narrow the search or filters")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in app.state.static:
            raise StarletteHTTPException(404, "no such static file")
        body, media_type = app.state.static[name]
        return Response(body, media_type=media_type, headers={"Cache-Control": "max-age=3600"})

    from .api import router as api_router
    from .api_edits import router as edits_router
    from .pages import router as page_router

    app.include_router(api_router)
    app.include_router(edits_router)
    app.include_router(page_router)
    return app


def error_response(request: Request, status: int, message: str) -> Response:
    """One JSON error shape under /api, a plain HTML page elsewhere; with the security
    headers, since a 500 is sent from outside the middleware that adds them."""
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status,
                            headers=SECURITY_HEADERS)
    html = request.app.state.templates.get_template("error.html").render(status=status, message=message)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


async def get_store(request: Request) -> ThreadStores:
    """The store for this request (a FastAPI dependency): a :class:`ThreadStores`, so the
    endpoint's calls go to its own thread's connection. ``async`` so that handing it out
    costs no trip through the thread pool."""
    return request.app.state.stores


def check_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer TOKEN``; with no token configured they are disabled."""
    expected = request.app.state.token
    if not expected:
        raise StarletteHTTPException(403, "writes are disabled: start the server with NEWSFUSE_TOKEN set")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), expected.encode()):
        raise StarletteHTTPException(401, "missing or wrong token (send Authorization: Bearer TOKEN)")


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html)
