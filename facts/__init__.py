"""scaledeal's domain: articles in, a fact base out. Never imports textual."""

__version__ = "0.1.0"
