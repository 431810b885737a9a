"""The web course: FastAPI + Jinja2 + htmx, math by KaTeX, every asset served by the app."""
