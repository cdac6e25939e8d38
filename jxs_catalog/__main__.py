"""`python -m jxs_catalog` runs the jxs command."""

from jxs_catalog.cli import main

if __name__ == "__main__":
    main()
