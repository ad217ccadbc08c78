"""The pipeline on Apache Spark: ``jobs`` runs it, ``rows`` is the table format (no Spark)."""
