"""Driver file for ``spark-submit``: the arguments are those of ``diplowatch spark run``.

    DRIVER="$(python -c 'import diplowatch.spark.submit as m; print(m.__file__)')"
    spark-submit --master spark://host:7077 "$DRIVER" s3a://bucket/news/ \
        --out s3a://bucket/diplowatch/run-1 --partitions 400
"""

from __future__ import annotations

import sys

from diplowatch.cli import main

if __name__ == "__main__":
    main(["spark", "run", *sys.argv[1:]])
