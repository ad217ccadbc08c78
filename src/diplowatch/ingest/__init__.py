"""Reading and cleaning input documents."""
