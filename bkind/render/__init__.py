"""Presentation: `views/` turn results into the one table model (`model.View`),
`formats/` turn a view into text, one module per format (see `formats.Format`)."""

from bkind.render.formats import Format, render

__all__ = ["Format", "render"]
