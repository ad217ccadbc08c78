"""The knowledge base of actors and roles (facts as data files in kb/data)."""
