"""The read-only web interface: ``create_app(url)`` serves one store's story as HTML pages,
each with a JSON twin (the same URL with ``.json``, or ``Accept: application/json``).

Only GET routes exist, and the engine is opened read-only (``readonly.py``), so nothing the
browser sends can change the store. Pages are rendered on the server with Jinja2 (autoescape
on); the pictures are SVG drawn in Python; no script or style is loaded from anywhere else,
which is why FastAPI's interactive docs (scripts from a CDN) are off and only
``/openapi.json`` is served.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.web import data, highlight, pictures, search, svg
from newsgraph.web.article import (
    actor_href,
    article,
    article_href,
    event_href,
    evidence_anchor,
)
from newsgraph.web.freshness import Cached, StoreState
from newsgraph.web.models import (
    ActorPage,
    ArticlePage,
    ArticlesPage,
    ChartsPage,
    EventPage,
    RejectsPage,
    SearchPage,
    TimelinePage,
)
from newsgraph.web.params import DateFrom, DateTo, Name, Paginate
from newsgraph.web.readonly import open_readonly

Id = Annotated[str, PathParam(max_length=64)]
JSON_TAG = ["JSON"]


def _templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("newsgraph.web", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(actor_href=actor_href, event_href=event_href, article_href=article_href,
                       dates=_dates, page_url=page_url)
    return Jinja2Templates(env=env)


def _dates(date_from: str | None, date_to: str | None) -> str:
    if not date_from:
        return "undated"
    return date_from if not date_to or date_to == date_from else f"{date_from} – {date_to}"


def wants_json(request: Request) -> bool:
    """The JSON twin: a ``.json`` URL, or an Accept header asking for JSON and not HTML."""
    accept = request.headers.get("accept", "")
    return request.url.path.endswith(".json") or (
        "application/json" in accept and "text/html" not in accept)


def create_app(url: str | Path) -> FastAPI:
    """The web interface over the store at ``url`` (opened read-only; it must exist)."""
    engine = open_readonly(url)
    state = StoreState(engine)
    # The pictures aggregate the whole resolved layer: computed once per state of the store.
    charts = Cached(state, lambda: pictures.charts(engine))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()
        engine.dispose()

    app = FastAPI(
        title="newsgraph", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
        description="A news story's knowledge base, read-only: timeline, actors, events with "
                    "their sources, articles with every record at its span, search, pictures. "
                    "Each HTML page has this JSON twin.")
    app.state.engine = engine
    app.state.charts = charts
    templates = _templates()
    app.mount("/static", StaticFiles(packages=[("newsgraph.web", "static")]), name="static")

    def show(request: Request, template: str, model: Any, **extra: Any) -> Response:
        if wants_json(request):
            return JSONResponse(jsonable_encoder(model))
        return templates.TemplateResponse(request, template, {"page": model, **extra})

    @app.get("/", include_in_schema=False)
    @app.get("/timeline", include_in_schema=False)
    @app.get("/timeline.json", response_model=TimelinePage, tags=JSON_TAG,
             summary="Timeline: events by date with sources and outlets")
    def timeline_page(request: Request, paging: Paginate, actor: Name = None,
                      type: Name = None, place: Name = None, date_from: DateFrom = None,
                      date_to: DateTo = None) -> Response:
        f = data.EventFilter(actor=actor, type=type, place=place, date_from=date_from,
                             date_to=date_to)
        return show(request, "timeline.html",
                    data.timeline(engine, f, paging.page, paging.per_page))

    @app.get("/actors/{actor_id}", include_in_schema=False)
    @app.get("/actors/{actor_id}.json", response_model=ActorPage, tags=JSON_TAG,
             summary="Actor: forms, roles, quotes, events, stances, co-occurring actors")
    def actor_page(request: Request, actor_id: Id, paging: Paginate) -> Response:
        found = data.actor(engine, actor_id, paging.page, paging.per_page)
        if found is None:
            raise HTTPException(404, f"no actor with id {actor_id!r}")
        return show(request, "actor.html", found)

    @app.get("/events/{event_id}", include_in_schema=False)
    @app.get("/events/{event_id}.json", response_model=EventPage, tags=JSON_TAG,
             summary="Event: type, date, place, parties, one row per source article")
    def event_page(request: Request, event_id: Id, paging: Paginate) -> Response:
        found = data.event(engine, event_id, paging.page, paging.per_page)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return show(request, "event.html", found)

    @app.get("/articles", include_in_schema=False)
    @app.get("/articles.json", response_model=ArticlesPage, tags=JSON_TAG,
             summary="Articles: every stored version, newest first")
    def articles_page(request: Request, paging: Paginate) -> Response:
        return show(request, "articles.html",
                    data.article_list(engine, paging.page, paging.per_page))

    @app.get("/articles/{article_id}", include_in_schema=False)
    @app.get("/articles/{article_id}.json", response_model=ArticlePage, tags=JSON_TAG,
             summary="Article: clean text and every record at its span, with links")
    def article_page(request: Request, article_id: Id) -> Response:
        found = article(engine, article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        if wants_json(request):
            return show(request, "", found)
        marked = highlight.render(found.text, found.marks, _anchor)
        return show(request, "article.html", found, marked=marked)

    @app.get("/rejects", include_in_schema=False)
    @app.get("/rejects.json", response_model=RejectsPage, tags=JSON_TAG,
             summary="Rejected inputs, with the reason")
    def rejects_page(request: Request, paging: Paginate) -> Response:
        return show(request, "rejects.html",
                    data.reject_list(engine, paging.page, paging.per_page))

    @app.get("/search", include_in_schema=False)
    @app.get("/search.json", response_model=SearchPage, tags=JSON_TAG,
             summary="Search actors (any form), quotes and figures")
    def search_page(request: Request, paging: Paginate,
                    q: Annotated[str, Query(max_length=200, description="Words to find.")] = ""
                    ) -> Response:
        return show(request, "search.html",
                    search.search(engine, q, paging.page, paging.per_page), cap=search.CAP)

    @app.get("/charts", include_in_schema=False)
    @app.get("/charts.json", response_model=ChartsPage, tags=JSON_TAG,
             summary="The numbers behind the pictures")
    def charts_page(request: Request) -> Response:
        found = charts.get()
        if wants_json(request):
            return show(request, "", found)
        return show(request, "charts.html", found,
                    timeline_svg=Markup(svg.timeline_chart(found.days)),
                    network_svg=Markup(svg.network_chart(found.nodes, found.edges)))

    @app.get("/charts/timeline.svg", include_in_schema=False)
    def timeline_svg() -> Response:
        return Response(svg.timeline_chart(charts.get().days),
                        media_type="image/svg+xml")

    @app.get("/charts/network.svg", include_in_schema=False)
    def network_svg() -> Response:
        found = charts.get()
        return Response(svg.network_chart(found.nodes, found.edges),
                        media_type="image/svg+xml")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, templates, exc.status_code, str(exc.detail), [],
                      getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        problems = [_problem(e) for e in exc.errors()]
        return _error(request, templates, 422, "invalid request parameters", problems)

    return app


def page_url(request: Request, page: int) -> str:
    """This page's URL (path and query, no host) at another page number."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    return f"{request.url.path}?{urlencode([*kept, ('page', str(page))])}"


def _anchor(mark) -> str | None:
    return evidence_anchor(mark.record) if mark.kind == "evidence" else None


def _problem(error: dict[str, Any]) -> dict[str, Any]:
    where = [str(p) for p in error.get("loc", ()) if p not in ("query", "path")]
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return {"parameter": ".".join(where), "message": message, "input": error.get("input")}


def _error(request: Request, templates: Jinja2Templates, status: int, message: str,
           problems: list[dict[str, Any]], headers: dict[str, str] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse(jsonable_encoder(
                                {"error": message, "status": status, "problems": problems}),
                            status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "error.html",
        {"status": status, "message": message, "problems": problems},
        status_code=status, headers=headers)
