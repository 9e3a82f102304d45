"""The figures' shared look: colours, markers, print and font sizes, and the wording of
the slicing.

Colours come from the Okabe--Ito palette (the colour maps, viridis and PuOr, are chosen
in `dipgraph.analysis.plot.heatmap`), all readable with the common colour-vision
deficiencies.
"""

from __future__ import annotations

__all__ = [
    "ANNOTATION_SIZE",
    "CAPTION_GID",
    "CAPTION_SIZE",
    "DATES_TEXT",
    "DOUBLE_COLUMN",
    "GREY",
    "LABEL_SIZE",
    "LEGEND_SIZE",
    "LEVEL_TEXT",
    "MARKERS",
    "MARK_COLOUR",
    "MEASURE_NAMES",
    "MEDIATION_TEXT",
    "OKABE_ITO",
    "PAGE_HEIGHT",
    "SINGLE_COLUMN",
    "SPREAD_PT",
    "TICK_SIZE",
    "TITLE_SIZE",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# colour-vision deficiencies. Yellow comes last: it is faint on white.
OKABE_ITO = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
GREY = "#9E9E9E"
MARK_COLOUR = "#D55E00"  # vermillion: mediation marks

# Print sizes, in inches: a journal's double column and single column, and the height
# of a page's text block. A figure is drawn at the size it is printed at, so its text
# prints at the sizes below, none under 7 pt.
DOUBLE_COLUMN, SINGLE_COLUMN, PAGE_HEIGHT = 7.2, 3.5, 9.5
# Points. ANNOTATION_SIZE: the smallest text, for node labels and the values in cells.
TITLE_SIZE, LABEL_SIZE, TICK_SIZE, LEGEND_SIZE, CAPTION_SIZE = 9, 8, 7, 7, 7
ANNOTATION_SIZE = 7
CAPTION_GID = "caption"
SPREAD_PT = 1.6  # points between tied lines

MEASURE_NAMES = {
    "degree": "Degree (partners)",
    "strength": "Strength (shared events and documents)",
    "betweenness": "Betweenness",
    "harmonic": "Harmonic centrality",
    "pagerank": "PageRank",
    "eigenvector": "Eigenvector centrality",
    "constraint": "Burt's constraint",
    "effective_size": "Effective size",
    "mediation_betweenness": "Mediation betweenness",
    "mediation_share": "Share of mediated items",
    "group_betweenness": "Group betweenness",
}
DATES_TEXT = {
    "lenient": "lenient (a fact counts in every window it may fall in; an undated one, in "
    "every window of the time of what it concerns, within its actors' lifespans)",
    "strict": "strict (a fact counts only in the windows it certainly falls in; undated facts "
    "never count)",
}
MEDIATION_TEXT = {
    "acts": "Mediation: acts dated in the window (meetings, documents, dated statements); "
    "sustained roles and undated statements are not counted",
    "all": "Mediation: acts, and sustained roles (spells, undated statements) in every window "
    "they may cover",
}
LEVEL_TEXT = {
    "state": "state (acts attributed to the state or body they were done for)",
    "person": "person (every actor acts for itself)",
}
