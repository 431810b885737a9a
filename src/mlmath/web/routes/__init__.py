"""One module per area of the site; each route parses, calls a service, renders."""
