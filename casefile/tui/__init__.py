"""The curation desk: a Textual app over the same core operations as the CLI."""
