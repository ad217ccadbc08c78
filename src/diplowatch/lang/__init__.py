"""Code that uses the per-language packs (the data itself lives in diplowatch/lexicons)."""
