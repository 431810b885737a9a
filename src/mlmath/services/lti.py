"""LTI 1.3: the course as a tool inside a school's LMS (Moodle, Canvas, Blackboard, Brightspace).

The flow (IMS LTI 1.3 core and the IMS Security Framework):

1. The platform starts an OIDC log-in at ``/lti/login`` (:func:`begin_login`). The tool
   makes a random ``state`` (kept in the browser's cookie and, hashed, in ``lti_login``)
   and a random ``nonce``, and sends the browser to the platform's authorization URL.
2. The platform posts a signed ``id_token`` and the ``state`` back to ``/lti/launch``
   (:func:`check_launch`). The token's RS256 signature is checked against the platform's
   published keys (JWKS), then its issuer, audience (our client id), deployment, expiry,
   nonce (the one made for this state) and LTI version. A log-in is used once: a
   replayed launch is refused.
3. The LMS user is mapped to an account (:func:`account_for`), learner or instructor by
   their LTI roles, and signed in.

JSON Web Tokens and keys are handled by ``joserfc``; the tool's own RSA key pair is made
by ``mlmath lti keys`` and kept owner-only in the data folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from joserfc import jws, jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mlmath.config import Config
from mlmath.services.accounts import User
from mlmath.store.models import (
    Learner,
    LtiAccount,
    LtiContext,
    LtiDeployment,
    LtiGradeLink,
    LtiLogin,
    LtiPlatform,
)
from mlmath.store.schema import utcnow

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
MESSAGE_TYPE = CLAIM + "message_type"
VERSION = CLAIM + "version"
DEPLOYMENT_ID = CLAIM + "deployment_id"
TARGET_LINK_URI = CLAIM + "target_link_uri"
ROLES = CLAIM + "roles"
RESOURCE_LINK = "LtiResourceLinkRequest"
DEEP_LINKING = "LtiDeepLinkingRequest"
MESSAGE_TYPES = (RESOURCE_LINK, DEEP_LINKING)

LOGIN_LIFETIME = timedelta(minutes=10)
"""How long a platform has to answer an OIDC log-in with its id_token."""
CLOCK_LEEWAY = 60
"""Seconds of clock difference with the platform that are tolerated."""
KEYS_CACHE_SECONDS = 300.0
MAX_JWKS_BYTES = 1 << 20
MAX_TOKEN_CHARS = 64_000
STATE_COOKIE = "mlmath_lti_state"

MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
INSTRUCTOR_ROLES = frozenset(
    {
        MEMBERSHIP + "Instructor",
        MEMBERSHIP + "Administrator",
        MEMBERSHIP + "ContentDeveloper",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty",
        "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
        "Instructor",
        "Administrator",
        "ContentDeveloper",
    }
)
"""LTI roles that make an instructor here; every other role is a learner."""


class LtiRefused(Exception):
    """A log-in or launch refused: ``title`` and ``detail`` are shown on the error page."""

    def __init__(self, title: str, detail: str, status: int = 400) -> None:
        super().__init__(f"{title}: {detail}")
        self.title = title
        self.detail = detail
        self.status = status


# --- the tool's key pair -------------------------------------------------------------


def key_path(config: Config) -> Path:
    return config.data_dir / "lti" / "tool-key.pem"


def make_keys(config: Config, *, replace: bool = False) -> tuple[Path, str, bool]:
    """Make the tool's RSA key pair (kept owner-only), unless there is one already.

    Returns the file, the key's id, and whether it was made now."""
    path = key_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    if path.exists() and not replace:
        key = load_tool_key(config)
        assert key is not None
        return path, key.kid or "", False
    key = RSAKey.generate_key(2048, private=True, auto_kid=True)
    pem = key.as_pem(private=True)
    temporary = path.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    return path, key.kid or "", True


def load_tool_key(config: Config) -> RSAKey | None:
    path = key_path(config)
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        return None
    key = RSAKey.import_key(pem)
    key.ensure_kid()
    return key


def tool_jwks(config: Config) -> dict[str, Any]:
    """The tool's public keys, as the platform fetches them from ``/lti/jwks``."""
    key = load_tool_key(config)
    if key is None:
        return {"keys": []}
    public = key.as_dict(private=False)
    public.update({"use": "sig", "alg": "RS256"})
    return {"keys": [public]}


def tool_configuration(base_url: str) -> dict[str, Any]:
    """What a platform needs to register the tool (the IMS tool-configuration shape)."""
    base = base_url.rstrip("/")
    host = urlsplit(base).hostname or ""
    return {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": f"{base}/lti/login",
        "redirect_uris": [f"{base}/lti/launch"],
        "client_name": "mlmath — Mathematics for Machine Learning",
        "jwks_uri": f"{base}/lti/jwks",
        "token_endpoint_auth_method": "private_key_jwt",
        "scope": " ".join(
            [SCOPE_LINEITEM, AGS_SCOPE + "lineitem.readonly", SCOPE_SCORE, SCOPE_MEMBERSHIPS]
        ),
        "https://purl.imsglobal.org/spec/lti-tool-configuration": {
            "domain": host,
            "target_link_uri": f"{base}/",
            "description": "Lessons, unlimited practice, quizzes and programming assignments.",
            "claims": ["iss", "sub", "name", "given_name", "family_name", "email"],
            "messages": [
                {"type": RESOURCE_LINK, "target_link_uri": f"{base}/"},
                {"type": DEEP_LINKING, "target_link_uri": f"{base}/lti/launch"},
            ],
        },
    }


# --- platforms -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Platform:
    id: int
    issuer: str
    client_id: str
    auth_login_url: str
    auth_token_url: str
    jwks_url: str
    deployments: tuple[str, ...]


def _platform(session: Session, row: LtiPlatform) -> Platform:
    deployments = session.scalars(
        select(LtiDeployment.deployment_id)
        .where(LtiDeployment.platform_id == row.id)
        .order_by(LtiDeployment.deployment_id)
    )
    return Platform(
        row.id,
        row.issuer,
        row.client_id,
        row.auth_login_url,
        row.auth_token_url,
        row.jwks_url,
        tuple(deployments),
    )


def _check_url(name: str, url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ValueError(f"{name} must be an https:// address, not {url!r}")
    return url.strip()


def add_platform(
    session: Session,
    *,
    issuer: str,
    client_id: str,
    deployment_id: str,
    auth_login_url: str,
    auth_token_url: str,
    jwks_url: str,
) -> tuple[Platform, bool]:
    """Register a platform (or update its addresses) and one deployment of the tool on it.

    Returns the platform and whether the deployment is new."""
    issuer, client_id, deployment_id = issuer.strip(), client_id.strip(), deployment_id.strip()
    if not issuer or not client_id or not deployment_id:
        raise ValueError("--issuer, --client-id and --deployment-id must not be empty")
    urls = {
        "auth_login_url": _check_url("--auth-login-url", auth_login_url),
        "auth_token_url": _check_url("--auth-token-url", auth_token_url),
        "jwks_url": _check_url("--jwks-url", jwks_url),
    }
    row = session.scalars(
        select(LtiPlatform).where(LtiPlatform.issuer == issuer, LtiPlatform.client_id == client_id)
    ).first()
    if row is None:
        row = LtiPlatform(issuer=issuer, client_id=client_id, **urls)
        session.add(row)
        session.flush()
    else:
        for name, value in urls.items():
            setattr(row, name, value)
    new = session.get(LtiDeployment, (row.id, deployment_id)) is None
    if new:
        session.add(LtiDeployment(platform_id=row.id, deployment_id=deployment_id))
        session.flush()
    return _platform(session, row), new


def platforms(session: Session) -> list[Platform]:
    rows = session.scalars(select(LtiPlatform).order_by(LtiPlatform.issuer, LtiPlatform.client_id))
    return [_platform(session, row) for row in rows]


# --- the platform's keys ---------------------------------------------------------------


def fetch_json(url: str) -> Any:
    """GET a small JSON document (a platform's JWKS), with a timeout and a size cap."""
    request = urllib.request.Request(url, headers={"accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read(MAX_JWKS_BYTES + 1)
    if len(body) > MAX_JWKS_BYTES:
        raise ValueError("the key set is too large")
    return json.loads(body)


@dataclass
class PlatformKeys:
    """Platforms' key sets, fetched from their JWKS addresses and kept for a few minutes;
    fetched again at once when a token names a key that is not in the kept set (a
    platform rotating its keys)."""

    fetch: Callable[[str], Any] = fetch_json
    seconds: float = KEYS_CACHE_SECONDS
    _kept: dict[str, tuple[KeySet, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def key_set(self, url: str, kid: str | None) -> KeySet:
        now = time.monotonic()
        with self._lock:
            kept = self._kept.get(url)
        if kept is not None and kept[1] > now and (kid is None or _has_kid(kept[0], kid)):
            return kept[0]
        try:
            document = self.fetch(url)
            keys = KeySet.import_key_set(
                {"keys": [k for k in document.get("keys", []) if k.get("kty") == "RSA"]}
            )
        except (OSError, ValueError, AttributeError, JoseError) as error:
            raise LtiRefused(
                "The LMS's signing keys could not be read",
                f"Fetching {url} failed ({error}). Check the platform's --jwks-url.",
            ) from None
        with self._lock:
            self._kept[url] = (keys, now + self.seconds)
        return keys


def _has_kid(keys: KeySet, kid: str) -> bool:
    return any(k.kid == kid for k in keys.keys)


# --- log-in and launch ---------------------------------------------------------------


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class LoginStart:
    state: str
    redirect_url: str


def begin_login(
    session: Session, params: Mapping[str, str], launch_url: str, now: datetime | None = None
) -> LoginStart:
    """Answer a platform's OIDC log-in initiation: remember a new state and nonce, and say
    where to send the browser (the platform's authorization URL)."""
    now = now or utcnow()
    issuer = params.get("iss", "")
    login_hint = params.get("login_hint", "")
    if not issuer or not login_hint:
        raise LtiRefused(
            "This LMS log-in is incomplete",
            "The LMS did not send its issuer (iss) and login_hint. Start again from the LMS.",
        )
    query = select(LtiPlatform).where(LtiPlatform.issuer == issuer)
    client_id = params.get("client_id", "")
    if client_id:
        query = query.where(LtiPlatform.client_id == client_id)
    rows = list(session.scalars(query))
    if not rows:
        raise LtiRefused(
            "This LMS is not registered with the course",
            f"No platform with issuer {issuer!r}"
            + (f" and client id {client_id!r}" if client_id else "")
            + " is registered. An operator registers it with `mlmath lti add-platform`.",
        )
    if len(rows) > 1:
        raise LtiRefused(
            "This LMS log-in is ambiguous",
            "Several registrations share this issuer and the LMS sent no client_id.",
        )
    platform = rows[0]
    deployment = params.get("lti_deployment_id", "")
    if deployment and session.get(LtiDeployment, (platform.id, deployment)) is None:
        raise LtiRefused(
            "This LMS deployment is not registered with the course",
            f"Deployment {deployment!r} of {issuer!r} is unknown: register it with "
            "`mlmath lti add-platform … --deployment-id`.",
        )
    session.execute(  # log-ins never answered: kept a day, then forgotten
        delete(LtiLogin).where(LtiLogin.expires_at < now - timedelta(days=1))
    )
    state = secrets.token_urlsafe(32)
    nonce = secrets.token_urlsafe(32)
    session.add(
        LtiLogin(
            state_hash=_digest(state),
            nonce=nonce,
            platform_id=platform.id,
            created_at=now,
            expires_at=now + LOGIN_LIFETIME,
        )
    )
    answer = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": platform.client_id,
        "redirect_uri": launch_url,
        "login_hint": login_hint,
        "state": state,
        "nonce": nonce,
    }
    if "lti_message_hint" in params:
        answer["lti_message_hint"] = params["lti_message_hint"]
    separator = "&" if urlsplit(platform.auth_login_url).query else "?"
    return LoginStart(state, platform.auth_login_url + separator + urlencode(answer))


@dataclass(frozen=True, slots=True)
class Launch:
    """A checked launch: who, from where, what for."""

    platform: Platform
    subject: str
    message_type: str
    instructor: bool
    target_link_uri: str
    name: str
    claims: dict[str, Any]


def _refuse_token(detail: str) -> LtiRefused:
    return LtiRefused("This launch from the LMS was refused", detail)


def check_launch(
    session: Session,
    *,
    id_token: str,
    state: str,
    state_cookie: str,
    keys: PlatformKeys,
    now: datetime | None = None,
) -> Launch:
    """Check a launch completely and use up its log-in. Raises :class:`LtiRefused`."""
    now = now or utcnow()
    if not id_token or not state:
        raise _refuse_token("The LMS sent no id_token or no state. Start again from the LMS.")
    if len(id_token) > MAX_TOKEN_CHARS or len(state) > 100:
        raise _refuse_token("The launch was too large to read.")
    if not state_cookie or not secrets.compare_digest(state_cookie, state):
        raise _refuse_token(
            "This launch was not started in this browser (its state does not match). "
            "Start again from the LMS; if your browser blocks cookies inside the LMS, "
            "open the course in a new window."
        )
    try:
        unverified = jws.extract_compact(id_token.encode())
        header = unverified.headers()
        payload = json.loads(unverified.payload)
        if not isinstance(payload, dict):
            raise ValueError
    except (JoseError, ValueError, UnicodeDecodeError):
        raise _refuse_token("The id_token is not a signed JSON Web Token.") from None
    issuer = payload.get("iss")
    audience = payload.get("aud")
    audiences = [audience] if isinstance(audience, str) else audience
    if not isinstance(issuer, str) or not isinstance(audiences, list):
        raise _refuse_token("The id_token names no issuer or no audience.")
    rows = list(session.scalars(select(LtiPlatform).where(LtiPlatform.issuer == issuer)))
    if not rows:
        raise LtiRefused(
            "This LMS is not registered with the course",
            f"No platform with issuer {issuer!r} is registered.",
        )
    row = next((r for r in rows if r.client_id in audiences), None)
    if row is None:
        raise _refuse_token(
            "The id_token is meant for another tool: its audience is not this course's client id."
        )
    azp = payload.get("azp")
    if (len(audiences) > 1 or azp is not None) and azp != row.client_id:
        raise _refuse_token(
            "The id_token names another authorized party (azp) than this course's client id."
        )
    platform = _platform(session, row)
    if header.get("alg") != "RS256":
        raise _refuse_token("The id_token is not signed with RS256.")
    key_set = keys.key_set(platform.jwks_url, header.get("kid"))
    try:
        token = jwt.decode(id_token, key_set, algorithms=["RS256"])
    except BadSignatureError:
        raise _refuse_token(
            "The id_token's signature does not match the LMS's published keys."
        ) from None
    except JoseError as error:
        raise _refuse_token(f"The id_token could not be verified ({error.description}).") from None
    claims = token.claims
    registry = jwt.JWTClaimsRegistry(
        now=int(now.timestamp()),
        leeway=CLOCK_LEEWAY,
        exp={"essential": True},
        iat={"essential": True},
        sub={"essential": False},
        nonce={"essential": True},
    )
    try:
        registry.validate(claims)
    except ExpiredTokenError:
        raise _refuse_token("The id_token has expired. Start again from the LMS.") from None
    except MissingClaimError as error:
        raise _refuse_token(f"The id_token lacks a claim ({error.description}).") from None
    except JoseError as error:
        raise _refuse_token(f"The id_token's claims are not valid ({error.description}).") from None
    iat = claims.get("iat")
    if not isinstance(iat, int | float) or iat > now.timestamp() + CLOCK_LEEWAY:
        raise _refuse_token("The id_token was issued in the future: check the LMS's clock.")
    deployment = claims.get(DEPLOYMENT_ID)
    if deployment not in platform.deployments:
        raise LtiRefused(
            "This LMS deployment is not registered with the course",
            f"Deployment {deployment!r} of {issuer!r} is unknown: register it with "
            "`mlmath lti add-platform … --deployment-id`.",
        )
    if claims.get(VERSION) != "1.3.0":
        raise _refuse_token("The launch is not LTI version 1.3.0.")
    message_type = claims.get(MESSAGE_TYPE)
    if message_type not in MESSAGE_TYPES:
        raise _refuse_token(f"The course does not handle LTI messages of type {message_type!r}.")
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject or len(subject) > 255:
        raise _refuse_token("The launch names no user (sub): anonymous launches are not taken.")

    login = session.get(LtiLogin, _digest(state), with_for_update=True)
    if login is None or login.platform_id != platform.id:
        raise _refuse_token("The launch's state is unknown. Start again from the LMS.")
    if login.used_at is not None:
        raise _refuse_token(
            "This launch was already used (a replayed id_token). Start again from the LMS."
        )
    if login.expires_at <= now:
        raise _refuse_token("The log-in took too long. Start again from the LMS.")
    if not secrets.compare_digest(str(claims.get("nonce")), login.nonce):
        raise _refuse_token(
            "The id_token's nonce is not the one made for this log-in (a replayed id_token)."
        )
    login.used_at = now

    instructor = _is_instructor(claims.get(ROLES))
    target = claims.get(TARGET_LINK_URI)
    name = claims.get("name") or " ".join(
        str(claims.get(k, "")) for k in ("given_name", "family_name")
    )
    return Launch(
        platform=platform,
        subject=subject,
        message_type=str(message_type),
        instructor=instructor,
        target_link_uri=target if isinstance(target, str) else "",
        name=str(name).strip(),
        claims=dict(claims),
    )


def account_for(session: Session, launch: Launch) -> User:
    """The account of the launching LMS user, made on their first launch; its role follows
    their LTI roles on every launch. Such accounts have no password: they sign in from
    the LMS only."""
    role = "instructor" if launch.instructor else "learner"
    display = launch.name[:100] or "LMS user"
    link = session.get(LtiAccount, (launch.platform.id, launch.subject))
    if link is not None:
        row = session.get(Learner, link.learner_id)
        assert row is not None
        row.role = role
        if launch.name:
            row.display_name = display
        return User(row.id, row.username, row.display_name, row.role)
    username = f"lti{launch.platform.id}-{_digest(launch.subject)[:16]}"
    row = Learner(username=username, display_name=display, password_hash=None, role=role)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
            session.add(
                LtiAccount(
                    platform_id=launch.platform.id, subject=launch.subject, learner_id=row.id
                )
            )
            session.flush()
    except IntegrityError:  # the same user's two first launches at once: take the other
        link = session.get(LtiAccount, (launch.platform.id, launch.subject))
        if link is None:
            raise
        found = session.get(Learner, link.learner_id)
        assert found is not None
        row = found
    return User(row.id, row.username, row.display_name, row.role)


# --- what a launch leaves behind: the LMS course, the quiz or assignment to grade --------

AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
CONTEXT = CLAIM + "context"
RESOURCE_LINK_CLAIM = CLAIM + "resource_link"
AGS_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/"
SCOPE_LINEITEM = AGS_SCOPE + "lineitem"
SCOPE_SCORE = AGS_SCOPE + "score"
SCOPE_MEMBERSHIPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
GRADED_KINDS = {"quizzes": "quiz", "assignments": "assignment"}


def _text(value: Any, limit: int = 1000) -> str:
    return value[:limit] if isinstance(value, str) else ""


def remember_launch(session: Session, launch: Launch, user: User, landing: str) -> None:
    """Keep the LMS course's service addresses and, when a learner opened a quiz or an
    assignment, the link its score goes back through."""
    context = launch.claims.get(CONTEXT)
    if not isinstance(context, dict) or not _text(context.get("id"), 255):
        return
    context_id = _text(context.get("id"), 255)
    ags = launch.claims.get(AGS_CLAIM)
    ags = ags if isinstance(ags, dict) else {}
    nrps = launch.claims.get(NRPS_CLAIM)
    nrps = nrps if isinstance(nrps, dict) else {}
    scopes = ags.get("scope")
    row = session.get(LtiContext, (launch.platform.id, context_id), with_for_update=True)
    if row is None:
        row = LtiContext(platform_id=launch.platform.id, context_id=context_id)
        session.add(row)
    row.title = _text(context.get("title") or context.get("label"), 255) or row.title or ""
    row.lineitems_url = _text(ags.get("lineitems")) or row.lineitems_url or ""
    row.memberships_url = _text(nrps.get("context_memberships_url")) or row.memberships_url or ""
    if isinstance(scopes, list):
        row.scopes = " ".join(s for s in scopes if isinstance(s, str))
    row.scopes = row.scopes or ""
    session.flush()
    kind, _, item_id = landing.strip("/").partition("/")
    if user.is_instructor or kind not in GRADED_KINDS or not item_id:
        return
    if not ags.get("lineitem") and not row.lineitems_url:
        return  # the LMS offers no gradebook for this link
    key = (launch.platform.id, context_id, user.id, f"{GRADED_KINDS[kind]}:{item_id}")
    link = session.get(LtiGradeLink, key)
    if link is None:
        link = LtiGradeLink(
            platform_id=key[0], context_id=key[1], learner_id=key[2], item=key[3], subject=""
        )
        session.add(link)
    link.subject = launch.subject
    resource_link = launch.claims.get(RESOURCE_LINK_CLAIM)
    if isinstance(resource_link, dict):
        link.resource_link_id = _text(resource_link.get("id"), 255)
    link.resource_link_id = link.resource_link_id or ""
    if _text(ags.get("lineitem")):
        link.lineitem_url = _text(ags.get("lineitem"))
    link.lineitem_url = link.lineitem_url or ""


# --- calling the platform's services (LTI Advantage) ----------------------------------


class ServiceError(Exception):
    """A call to the LMS's services failed; the message says which and why."""


@dataclass(frozen=True, slots=True)
class HttpAnswer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


MAX_SERVICE_BYTES = 8 << 20


def http_request(
    method: str, url: str, body: bytes | None = None, headers: Mapping[str, str] | None = None
) -> HttpAnswer:
    """One HTTP request with a timeout and a size cap; HTTP errors are answers, not raised."""
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            data = response.read(MAX_SERVICE_BYTES)
            return HttpAnswer(response.status, dict(response.headers.items()), data)
    except urllib.error.HTTPError as error:
        data = error.read(64 << 10)
        return HttpAnswer(error.code, dict(error.headers.items()), data)
    except (OSError, ValueError) as error:
        raise ServiceError(f"{method} {url} failed: {error}") from None


@dataclass
class Services:
    """The LMS's services, called with OAuth 2 access tokens that the tool gets by signing
    a client assertion with its own key (the IMS Security Framework's client credentials)."""

    config: Config
    http: Callable[..., HttpAnswer] = http_request
    _tokens: dict[tuple[int, str], tuple[str, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def token(self, platform: Platform, scopes: tuple[str, ...]) -> str:
        scope = " ".join(sorted(scopes))
        now = time.time()
        with self._lock:
            kept = self._tokens.get((platform.id, scope))
        if kept is not None and kept[1] > now:
            return kept[0]
        key = load_tool_key(self.config)
        if key is None:
            raise ServiceError("the tool has no key pair yet: run `mlmath lti keys`")
        assertion = jwt.encode(
            {"alg": "RS256", "kid": key.kid},
            {
                "iss": platform.client_id,
                "sub": platform.client_id,
                "aud": platform.auth_token_url,
                "iat": int(now),
                "exp": int(now) + 300,
                "jti": secrets.token_urlsafe(16),
            },
            key,
        )
        form = urlencode(
            {
                "grant_type": "client_credentials",
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion": assertion,
                "scope": scope,
            }
        ).encode()
        answer = self.http(
            "POST",
            platform.auth_token_url,
            form,
            {"content-type": "application/x-www-form-urlencoded", "accept": "application/json"},
        )
        if answer.status != 200:
            raise ServiceError(
                f"the LMS refused an access token ({answer.status}): {answer.body[:300]!r}"
            )
        try:
            granted = answer.json()
            access = str(granted["access_token"])
            lifetime = float(granted.get("expires_in", 3600))
        except (ValueError, KeyError, TypeError):
            raise ServiceError("the LMS's access-token answer could not be read") from None
        with self._lock:
            self._tokens[(platform.id, scope)] = (access, now + max(lifetime - 60, 0))
        return access

    def call(
        self,
        platform: Platform,
        scopes: tuple[str, ...],
        method: str,
        url: str,
        *,
        body: Any = None,
        content_type: str = "",
        accept: str = "application/json",
    ) -> HttpAnswer:
        headers = {"authorization": f"Bearer {self.token(platform, scopes)}", "accept": accept}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["content-type"] = content_type
        answer = self.http(method, url, data, headers)
        if answer.status >= 300:
            raise ServiceError(f"{method} {url}: the LMS answered {answer.status}")
        return answer


def _platform_by_id(session: Session, platform_id: int) -> Platform:
    row = session.get(LtiPlatform, platform_id)
    assert row is not None
    return _platform(session, row)


# --- Assignment and Grade Services: scores back to the LMS ----------------------------


@dataclass(frozen=True, slots=True)
class PendingScore:
    platform: Platform
    context_id: str
    learner_id: int
    item: str
    subject: str
    resource_link_id: str
    lineitem_url: str
    lineitems_url: str
    score: float
    label: str


@dataclass(frozen=True, slots=True)
class ScoresSent:
    sent: int
    failures: tuple[str, ...]


def pending_scores(session: Session, titles: Mapping[str, str]) -> list[PendingScore]:
    """Scores that changed since they were last sent (``titles`` names each item)."""
    from mlmath.services import quizzes, submissions

    links = list(session.scalars(select(LtiGradeLink)))
    if not links:
        return []
    best = {
        **{(lid, f"quiz:{q}"): s for (lid, q), s in quizzes.best_scores(session).items()},
        **{(lid, f"assignment:{a}"): s for (lid, a), s in submissions.best_scores(session).items()},
    }
    pending = []
    for link in links:
        score = best.get((link.learner_id, link.item))
        if score is None or (link.sent_score is not None and abs(link.sent_score - score) < 1e-9):
            continue
        context = session.get(LtiContext, (link.platform_id, link.context_id))
        pending.append(
            PendingScore(
                platform=_platform_by_id(session, link.platform_id),
                context_id=link.context_id,
                learner_id=link.learner_id,
                item=link.item,
                subject=link.subject,
                resource_link_id=link.resource_link_id,
                lineitem_url=link.lineitem_url,
                lineitems_url=context.lineitems_url if context is not None else "",
                score=score,
                label=titles.get(link.item, link.item),
            )
        )
    return pending


def _with_path(url: str, suffix: str) -> str:
    parts = urlsplit(url)
    return parts._replace(path=parts.path.rstrip("/") + suffix).geturl()


def _line_item(services: Services, pending: PendingScore) -> str:
    """The line item for a score: the link's own, else the one for this item (found by its
    resource id, or made)."""
    if pending.lineitem_url:
        return pending.lineitem_url
    if not pending.lineitems_url:
        raise ServiceError(f"the LMS gave no gradebook address for {pending.item}")
    scopes = (SCOPE_LINEITEM,)
    container = "application/vnd.ims.lis.v2.lineitemcontainer+json"
    separator = "&" if urlsplit(pending.lineitems_url).query else "?"
    found = services.call(
        pending.platform,
        scopes,
        "GET",
        pending.lineitems_url + separator + urlencode({"resource_id": pending.item}),
        accept=container,
    ).json()
    for item in found if isinstance(found, list) else []:
        if isinstance(item, dict) and item.get("resourceId") == pending.item and item.get("id"):
            return str(item["id"])
    made = services.call(
        pending.platform,
        scopes,
        "POST",
        pending.lineitems_url,
        body={
            "scoreMaximum": 100,
            "label": pending.label,
            "resourceId": pending.item,
            "tag": "mlmath",
            **({"resourceLinkId": pending.resource_link_id} if pending.resource_link_id else {}),
        },
        content_type="application/vnd.ims.lis.v2.lineitem+json",
        accept="application/vnd.ims.lis.v2.lineitem+json",
    ).json()
    if not isinstance(made, dict) or not made.get("id"):
        raise ServiceError("the LMS made a line item without an id")
    return str(made["id"])


def send_scores(
    db_write: Callable[[], Any],
    db_read: Callable[[], Any],
    services: Services,
    titles: Mapping[str, str],
    now: datetime | None = None,
) -> ScoresSent:
    """Send every changed best score (quiz or assignment, as a percentage) to the LMS course
    it was launched from. The network calls happen outside any database transaction; a
    score that could not be sent is tried again next time."""
    with db_read() as session:
        pending = pending_scores(session, titles)
    sent, failures = 0, []
    for score in pending:
        key = (score.platform.id, score.context_id, score.learner_id, score.item)
        if not _claim(db_write, key, score.score, now or utcnow()):
            continue  # another server process is sending it
        line_item = ""
        try:
            line_item = _line_item(services, score)
            services.call(
                score.platform,
                (SCOPE_SCORE,),
                "POST",
                _with_path(line_item, "/scores"),
                body={
                    "userId": score.subject,
                    "scoreGiven": round(score.score * 100, 4),
                    "scoreMaximum": 100,
                    "activityProgress": "Completed",
                    "gradingProgress": "FullyGraded",
                    "timestamp": (now or utcnow()).isoformat(timespec="milliseconds"),
                },
                content_type="application/vnd.ims.lis.v1.score+json",
            )
        except (ServiceError, ValueError) as error:
            failures.append(f"{score.item} for {score.subject}: {error}")
            with db_write() as session:
                link = session.get(LtiGradeLink, key)
                if link is not None:
                    link.sending_until = None
            continue
        with db_write() as session:
            link = session.get(LtiGradeLink, key)
            if link is not None:
                link.lineitem_url = line_item
                link.sent_score = score.score
                link.sent_at = now or utcnow()
                link.sending_until = None
        sent += 1
    return ScoresSent(sent, tuple(failures))


SENDING_LEASE = timedelta(minutes=2)


def _claim(
    db_write: Callable[[], Any], key: tuple[int, str, int, str], score: float, now: datetime
) -> bool:
    """Take the score to send for :data:`SENDING_LEASE`, unless another server process is
    sending it or has sent it already."""
    with db_write() as session:
        done = session.execute(
            update(LtiGradeLink)
            .where(
                LtiGradeLink.platform_id == key[0],
                LtiGradeLink.context_id == key[1],
                LtiGradeLink.learner_id == key[2],
                LtiGradeLink.item == key[3],
                or_(LtiGradeLink.sending_until.is_(None), LtiGradeLink.sending_until < now),
                or_(LtiGradeLink.sent_score.is_(None), LtiGradeLink.sent_score != score),
            )
            .values(sending_until=now + SENDING_LEASE)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(done, "rowcount", 0) == 1)


# --- Names and Role Provisioning: the LMS course's roster -----------------------------


@dataclass(frozen=True, slots=True)
class Member:
    subject: str
    name: str
    email: str
    instructor: bool
    active: bool


def _is_instructor(roles: Any) -> bool:
    if not isinstance(roles, list):
        return False
    return any(
        isinstance(r, str)
        and (r in INSTRUCTOR_ROLES or r.startswith(MEMBERSHIP.removesuffix("#") + "/Instructor#"))
        for r in roles
    )


def roster(services: Services, platform: Platform, memberships_url: str) -> list[Member]:
    """Every member of an LMS course (following the platform's pages of results)."""
    members: list[Member] = []
    url: str | None = memberships_url
    pages = 0
    while url and pages < 100:
        answer = services.call(
            platform,
            (SCOPE_MEMBERSHIPS,),
            "GET",
            url,
            accept="application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
        )
        document = answer.json()
        for m in document.get("members", []) if isinstance(document, dict) else []:
            if not isinstance(m, dict) or not _text(m.get("user_id"), 255):
                continue
            name = m.get("name") or " ".join(_text(m.get(k)) for k in ("given_name", "family_name"))
            members.append(
                Member(
                    subject=_text(m.get("user_id"), 255),
                    name=str(name).strip(),
                    email=_text(m.get("email"), 255),
                    instructor=_is_instructor(m.get("roles")),
                    active=m.get("status", "Active") == "Active",
                )
            )
        url = _next_page(answer.headers)
        pages += 1
    return members


def _next_page(headers: Mapping[str, str]) -> str | None:
    link = next((v for k, v in headers.items() if k.lower() == "link"), "")
    for part in link.split(","):
        if 'rel="next"' in part and "<" in part and ">" in part:
            return part[part.index("<") + 1 : part.index(">")]
    return None


@dataclass(frozen=True, slots=True)
class Context:
    platform: Platform
    context_id: str
    title: str
    memberships_url: str


def contexts(session: Session) -> list[Context]:
    """The LMS courses the tool was launched from that offer their roster."""
    rows = session.scalars(
        select(LtiContext).where(LtiContext.memberships_url != "").order_by(LtiContext.title)
    )
    return [
        Context(_platform_by_id(session, r.platform_id), r.context_id, r.title, r.memberships_url)
        for r in rows
    ]


def account_for_member(session: Session, platform: Platform, member: Member) -> User:
    """The account of a roster member, made now if they never launched the course."""
    launch = Launch(
        platform=platform,
        subject=member.subject,
        message_type=RESOURCE_LINK,
        instructor=member.instructor,
        target_link_uri="",
        name=member.name,
        claims={},
    )
    return account_for(session, launch)


# --- Deep Linking: an instructor places a lesson, quiz or assignment in the LMS course ---

DL_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/"
DEEP_LINKING_SETTINGS = DL_CLAIM + "deep_linking_settings"
DEEP_LINK_LIFETIME = timedelta(hours=1)


def seal(secret: bytes, data: Mapping[str, Any]) -> str:
    """``data`` as text the browser carries and cannot change (HMAC-SHA256 with the secret)."""
    import base64
    import hmac

    body = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()
    mac = hmac.new(secret, f"lti-deep-link:{body}".encode(), hashlib.sha256).hexdigest()
    return f"{body}.{mac}"


def unseal(secret: bytes, text: str) -> dict[str, Any] | None:
    import base64
    import binascii
    import hmac

    body, _, mac = text.partition(".")
    expected = hmac.new(secret, f"lti-deep-link:{body}".encode(), hashlib.sha256).hexdigest()
    if not mac or not hmac.compare_digest(mac, expected):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(body.encode()))
    except (ValueError, binascii.Error):
        return None
    return data if isinstance(data, dict) else None


def deep_link_request(
    launch: Launch, learner_id: int, now: datetime | None = None
) -> dict[str, Any]:
    """What the deep-linking page needs from the launch (sealed into its address)."""
    settings = launch.claims.get(DEEP_LINKING_SETTINGS)
    if not isinstance(settings, dict) or not _text(settings.get("deep_link_return_url")):
        raise _refuse_token("The LMS asked to place an item but gave no return address.")
    accepted = settings.get("accept_types")
    if isinstance(accepted, list) and "ltiResourceLink" not in accepted:
        raise _refuse_token("The LMS does not accept links to course items here.")
    return {
        "platform": launch.platform.id,
        "deployment": str(launch.claims.get(DEPLOYMENT_ID)),
        "return_url": _text(settings.get("deep_link_return_url")),
        "data": settings.get("data") if isinstance(settings.get("data"), str) else None,
        "learner": learner_id,
        "expires": int(((now or utcnow()) + DEEP_LINK_LIFETIME).timestamp()),
    }


@dataclass(frozen=True, slots=True)
class Placeable:
    kind: str
    """``lessons``, ``quizzes`` or ``assignments``: the path of its page."""
    id: str
    title: str
    graded: bool


def deep_link_response(
    config: Config,
    session: Session,
    *,
    request: Mapping[str, Any],
    item: Placeable,
    base_url: str,
    now: datetime | None = None,
) -> tuple[str, str]:
    """The signed ``LtiDeepLinkingResponse`` placing ``item``, and where to post it."""
    key = load_tool_key(config)
    if key is None:
        raise LtiRefused(
            "The course has no LTI key pair yet",
            "An operator makes it with `mlmath lti keys`; then place the item again.",
            status=409,
        )
    platform = _platform_by_id(session, int(request["platform"]))
    moment = int((now or utcnow()).timestamp())
    content: dict[str, Any] = {
        "type": "ltiResourceLink",
        "title": item.title,
        "url": f"{base_url.rstrip('/')}/{item.kind}/{item.id}",
    }
    if item.graded:
        resource = f"{GRADED_KINDS[item.kind]}:{item.id}"
        content["lineItem"] = {"scoreMaximum": 100, "label": item.title, "resourceId": resource}
    claims: dict[str, Any] = {
        "iss": platform.client_id,
        "aud": platform.issuer,
        "iat": moment,
        "exp": moment + 600,
        "nonce": secrets.token_urlsafe(16),
        DEPLOYMENT_ID: request["deployment"],
        MESSAGE_TYPE: "LtiDeepLinkingResponse",
        VERSION: "1.3.0",
        DL_CLAIM + "content_items": [content],
        DL_CLAIM + "msg": f"Placed “{item.title}”.",
    }
    if request.get("data") is not None:
        claims[DL_CLAIM + "data"] = request["data"]
    token = jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)
    return token, str(request["return_url"])
