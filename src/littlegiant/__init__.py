"""littlegiant: check a Chinese SME against MIIT's 专精特新 ladder of titles."""

# Static on purpose: importlib.metadata costs 45-90 ms at every start.
__version__ = "0.1.0"
