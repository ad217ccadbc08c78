"""The analyst's web page: server-rendered views over the same read functions as the API.

``pages`` holds the router (mounted by ``api.app``), ``state`` turns a URL's query into
filters and back (every view's state lives in its URL), ``marks`` splits text around the
spans to highlight, and ``charts`` computes the SVG geometry of the timeline and bar charts.
"""
