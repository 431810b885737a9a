"""For the people who run the course: ``/healthz`` for a reverse proxy or a load balancer,
``/metrics`` for a Prometheus server.

- ``/healthz`` reads the database: ``200 ok`` when it answers, ``503`` when it does not
  (the proxy then sends learners to another server).
- ``/metrics`` is for clients whose address is in ``MLMATH_METRICS_FROM`` (this machine
  by default) and for signed-in instructors; anyone else gets a 403. Behind a reverse
  proxy the client's address is the one the proxy reports (``X-Forwarded-For``).
"""

from __future__ import annotations

import ipaddress
import logging
from functools import cache

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from mlmath import metrics
from mlmath.services import grading_jobs
from mlmath.web.deps import OptionalUserDep, SiteDep, db_read

log = logging.getLogger("mlmath.web")

router = APIRouter()

_REACHABLE = text("SELECT version_num FROM alembic_version")
"""A read of a real table: the database is there, readable, and has its schema."""

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _networks(allowed: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(n, strict=False) for n in allowed)


def address_allowed(host: str | None, allowed: tuple[str, ...]) -> bool:
    """Whether a client at ``host`` is in one of the ``allowed`` networks."""
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in _networks(allowed))


def _ping(connection: Connection) -> None:
    connection.execute(_REACHABLE).scalar()


@router.get("/healthz", include_in_schema=False)
async def healthz(site: SiteDep) -> Response:
    try:
        await db_read(site, _ping)
    except (SQLAlchemyError, OSError) as error:
        log.warning("health check: the database does not answer: %s", error)
        return PlainTextResponse("database unreachable", status_code=503)
    return PlainTextResponse("ok")


@router.get("/metrics", include_in_schema=False)
async def metrics_page(request: Request, site: SiteDep, user: OptionalUserDep) -> Response:
    host = request.client.host if request.client else None
    by_address = address_allowed(host, site.config.metrics_from)
    if not by_address and not (site.multi_user and user is not None and user.is_instructor):
        return PlainTextResponse(
            "The metrics are for this machine and for instructors: sign in as an instructor, "
            "or add the scraper's address to MLMATH_METRICS_FROM.",
            status_code=403,
        )
    queue = metrics.QueueCollector(lambda: grading_jobs.jobs_by_state(site.db))
    body = await run_in_threadpool(metrics.exposition, queue)
    return Response(body, media_type=metrics.CONTENT_TYPE)
