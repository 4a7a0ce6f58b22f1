"""scaledeal's terminal views and command line: presentation only."""
