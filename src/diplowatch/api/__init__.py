"""The read-only REST API (FastAPI): ``create_app(db)`` in ``app.py``, one router per resource."""
