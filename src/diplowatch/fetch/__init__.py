"""Reading news where it is published: sources (feeds, sitemaps, pages) polled over HTTP (issue #16)."""
