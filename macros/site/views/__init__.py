"""View models: what one generated page shows, built from the knowledge layer by a pure function.

A template written as HTML (`templates/*.html.j2`) receives one of these and the renderer's
helpers (links, prose, marks), not the whole index: what a page reads is visible in its type.
"""
