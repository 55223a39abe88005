#!/usr/bin/env python
from newsdesk.__main__ import main

if __name__ == "__main__":
    main()
