"""The map of Ukraine's regions as a tile grid, shared by the statistics and the library pages.

One square per region, placed roughly where the region lies: it needs no geographic data, stays
legible for the smallest regions, and each tile links to the library filtered by its region.
"""

from .reference import Region

# (column, row) of each region's tile, west to east and north to south.
TILE_POSITIONS = {
    "UA-07": (0, 0), "UA-56": (1, 0), "UA-18": (2, 0), "UA-32": (3, 0), "UA-74": (4, 0), "UA-59": (5, 0),
    "UA-46": (0, 1), "UA-61": (1, 1), "UA-68": (2, 1), "UA-30": (3, 1), "UA-53": (4, 1), "UA-63": (5, 1),
    "UA-09": (6, 1), "UA-21": (0, 2), "UA-26": (1, 2), "UA-05": (2, 2), "UA-71": (3, 2), "UA-35": (4, 2),
    "UA-12": (5, 2), "UA-14": (6, 2), "UA-77": (1, 3), "UA-51": (2, 3), "UA-48": (3, 3), "UA-65": (4, 3),
    "UA-23": (5, 3), "UA-43": (4, 4), "UA-40": (5, 4),
}  # fmt: skip
TILE_SIZE = 64
SHADES = 5


def region_tiles(counts):
    """One tile of the map per region, from ``{region code: count}``; most cases first."""
    largest = max(counts.values(), default=0) or 1
    tiles = []
    for region in Region.objects.all():
        column, row = TILE_POSITIONS[region.code]
        count = counts.get(region.code, 0)
        tiles.append(
            {
                "code": region.code,
                "name": region.name,
                "count": count,
                "x": column * TILE_SIZE,
                "y": row * TILE_SIZE,
                "shade": 0 if count == 0 else 1 + (SHADES - 1) * count // largest,
            }
        )
    return sorted(tiles, key=lambda tile: (-tile["count"], tile["name"]))
