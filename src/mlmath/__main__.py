from mlmath.cli.main import app

app()
