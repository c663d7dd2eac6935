"""The importer's one kind of failure: its own module so the readers and the limits they check share it."""


class ImportRefused(Exception):
    """A file or plan the importer cannot take, with the Vietnamese sentence to show the maintainer."""
