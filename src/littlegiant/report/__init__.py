"""Words: every sentence a user reads, and the text, Markdown, HTML and JSON renderers."""
