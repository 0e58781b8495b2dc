"""The command line: parses options, runs the pipeline, prints. Nothing below imports it."""
