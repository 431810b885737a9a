"""``mlmath lti``: put the course inside a school's LMS (LTI 1.3).

``mlmath lti keys`` makes the tool's key pair (kept owner-only in the data folder; the
public half is served at ``/lti/jwks``); ``mlmath lti add-platform`` registers an LMS
with the values its administrator gives you; ``mlmath lti list`` shows what is registered.
"""

from __future__ import annotations

from typing import Annotated

import typer

from mlmath.cli.course_database import course_database
from mlmath.cli.errors import fail

app = typer.Typer(help="LTI 1.3: register an LMS (Moodle, Canvas, …) and make the tool's keys.")


@app.command("keys")
def keys_command(
    replace: Annotated[
        bool, typer.Option("--replace", help="Make a new key pair even if there is one.")
    ] = False,
) -> None:
    """Make the tool's RSA key pair in the data folder (owner-only); its public half is
    served at /lti/jwks."""
    from mlmath.config import Config
    from mlmath.services import lti

    path, kid, made = lti.make_keys(Config.from_environment(), replace=replace)
    typer.echo(f"{'made' if made else 'kept'} the tool's key {kid} in {path}")


@app.command("add-platform")
def add_platform_command(  # noqa: PLR0917 (one option each)
    issuer: Annotated[str, typer.Option("--issuer", help="The LMS's issuer (iss).")],
    client_id: Annotated[str, typer.Option("--client-id", help="The client id it gave the tool.")],
    deployment_id: Annotated[
        str, typer.Option("--deployment-id", help="The deployment id of the tool on it.")
    ],
    auth_login_url: Annotated[
        str, typer.Option("--auth-login-url", help="Its OIDC authorization (login) URL.")
    ],
    auth_token_url: Annotated[
        str, typer.Option("--auth-token-url", help="Its OAuth 2 access-token URL.")
    ],
    jwks_url: Annotated[str, typer.Option("--jwks-url", help="Its public keys (JWKS) URL.")],
) -> None:
    """Register an LMS (or one more deployment on it); run again to change its addresses."""
    from mlmath.services import lti

    with course_database() as db:
        try:
            with db.write() as session:
                platform, new = lti.add_platform(
                    session,
                    issuer=issuer,
                    client_id=client_id,
                    deployment_id=deployment_id,
                    auth_login_url=auth_login_url,
                    auth_token_url=auth_token_url,
                    jwks_url=jwks_url,
                )
        except ValueError as error:
            fail(str(error))
    added = "added deployment" if new else "already had deployment"
    typer.echo(f"{platform.issuer} (client {platform.client_id}): {added} {deployment_id}")


@app.command("list")
def list_command() -> None:
    """Every registered LMS with its client id and deployments."""
    from mlmath.services import lti

    with course_database() as db, db.read() as session:
        found = lti.platforms(session)
    if not found:
        typer.echo("no LMS is registered: `mlmath lti add-platform --help` says how")
    for p in found:
        typer.echo(f"{p.issuer}  client {p.client_id}  deployments {', '.join(p.deployments)}")


@app.command("send-grades")
def send_grades_command() -> None:
    """Send changed quiz and assignment scores to the LMS gradebooks now (the server also
    does it every MLMATH_LTI_SCORE_SECONDS)."""
    from mlmath.config import Config
    from mlmath.content.curriculum import curriculum
    from mlmath.services import lti

    config = Config.from_environment()
    course = curriculum()
    titles = {f"quiz:{q.id}": q.title for w in course.weeks() for q in w.quizzes}
    titles |= {f"assignment:{a.id}": a.title for w in course.weeks() for a in w.assignments}
    with course_database(config) as db:
        done = lti.send_scores(db.write, db.read, lti.Services(config), titles)
    typer.echo(f"sent {done.sent} score(s)")
    for failure in done.failures:
        typer.echo(f"not sent (tried again next time): {failure}", err=True)
    if done.failures:
        raise typer.Exit(1)


@app.command("roster")
def roster_command(
    cohort: Annotated[
        str,
        typer.Option(
            "--cohort", help="Cohort to put everyone in (default: the LMS course's title)."
        ),
    ] = "",
) -> None:
    """Read the roster of every LMS course the tool was launched from (Names and Role
    Provisioning): make the accounts of members who never launched it, and put each
    course's members (instructors too) in a cohort."""
    from mlmath.config import Config
    from mlmath.services import cohorts, lti

    config = Config.from_environment()
    services = lti.Services(config)
    failed = False
    with course_database(config) as db:
        with db.read() as session:
            courses = lti.contexts(session)
        if not courses:
            typer.echo("no LMS course with a roster has launched the course yet")
        for course in courses:
            name = cohort or course.title or course.context_id
            try:
                members = lti.roster(services, course.platform, course.memberships_url)
            except lti.ServiceError as error:
                typer.echo(f"{name}: the roster could not be read: {error}", err=True)
                failed = True
                continue
            active = [m for m in members if m.active]
            with db.write() as session:
                users = [lti.account_for_member(session, course.platform, m) for m in active]
                done = cohorts.add_members(session, name[:100], [u.username for u in users])
            teachers = sum(u.is_instructor for u in users)
            typer.echo(
                f"{name}: {len(active)} member(s), {teachers} instructor(s); "
                f"{len(done.added)} added to cohort {done.cohort.name!r}"
            )
    if failed:
        raise typer.Exit(1)
