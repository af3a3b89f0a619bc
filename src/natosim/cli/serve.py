"""``natosim serve``: the HTTP API and the offline dashboard on one local port."""

from __future__ import annotations

import typer


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the dashboard at / and the API at /api (OpenAPI schema at /api/openapi.json). Works with no network."""
    import uvicorn

    from natosim.api import create_app

    app = create_app()
    url = f"http://{host}:{port}"
    typer.echo(f"natosim dashboard: {url}/   API schema: {url}/api/openapi.json", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
