"""RFC 9457 problem details: one exception type, its JSON form and the app's handlers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

PROBLEM_TYPE_BASE = "https://workstation.invalid/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(Exception):
    """An error answered as application/problem+json, with optional extension members."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind or HTTPStatus(status).phrase.lower().replace(" ", "-")
        self.headers = headers or {}
        self.extensions = extensions

    def body(self, instance: str = "") -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": PROBLEM_TYPE_BASE + self.kind,
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            data["instance"] = instance
        data.update(self.extensions)
        return data

    def response(self, instance: str = "") -> JSONResponse:
        return JSONResponse(
            self.body(instance),
            status_code=self.status,
            headers=self.headers,
            media_type=PROBLEM_MEDIA_TYPE,
        )


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return exc.response(request.url.path)


def _leaf_routes(routes: Iterable[Any]) -> Iterator[Any]:
    """The app's routes, with included routers opened (FastAPI keeps them nested)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _leaf_routes(inner.routes)
        else:
            yield route


def allowed_methods(request: Request) -> str:
    """Every method some route answers at this path. Starlette's 405 names only the first
    route whose path matched, and two routes may share a path (GET and PATCH of one media)."""
    methods: set[str] = set()
    for route in _leaf_routes(request.app.router.routes):
        match, _scope = route.matches({**request.scope, "method": "\x00"})
        if match is Match.PARTIAL and getattr(route, "methods", None):
            methods |= set(route.methods)
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = allowed_methods(request)
    return Problem(exc.status_code, str(exc.detail), headers=headers).response(request.url.path)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))}
        for error in exc.errors()
    ]
    problem = Problem(422, "the request is not valid", kind="validation", errors=errors)
    return problem.response(request.url.path)


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error the app raises (ours, HTTP and validation) a problem+json answer."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(RequestValidationError, _on_validation)
