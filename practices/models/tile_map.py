"""The map of Ukraine's regions as a tile grid, shared by the statistics and the library pages.

One square per region, placed roughly where the region lies: it needs no geographic data, stays
legible for the smallest regions, and each tile links to the library filtered by its region. Each
tile shows a short label of its own (unique in each language: a cut of the region's name, or the
name of its centre) and the region's full name as its accessible name; the table beside the map
(``practices/includes/tile_map.html``) gives the same figures as text.
"""

from django.utils.translation import get_language

from .reference import Region

# (column, row) of each region's tile, west to east and north to south.
TILE_POSITIONS = {
    "UA-07": (0, 0), "UA-56": (1, 0), "UA-18": (2, 0), "UA-32": (3, 0), "UA-74": (4, 0), "UA-59": (5, 0),
    "UA-46": (0, 1), "UA-61": (1, 1), "UA-68": (2, 1), "UA-30": (3, 1), "UA-53": (4, 1), "UA-63": (5, 1),
    "UA-09": (6, 1), "UA-21": (0, 2), "UA-26": (1, 2), "UA-05": (2, 2), "UA-71": (3, 2), "UA-35": (4, 2),
    "UA-12": (5, 2), "UA-14": (6, 2), "UA-77": (1, 3), "UA-51": (2, 3), "UA-48": (3, 3), "UA-65": (4, 3),
    "UA-23": (5, 3), "UA-43": (4, 4), "UA-40": (5, 4),
}  # fmt: skip
# The label on each region's tile, per language: at most six letters, so that it fits its square
# at a readable size on a phone, and never the same for two regions.
TILE_LABELS = {
    "uk": {
        "UA-05": "Він", "UA-07": "Вол", "UA-09": "Луг", "UA-12": "Дніп", "UA-14": "Дон", "UA-18": "Жит",
        "UA-21": "Зак", "UA-23": "Зап", "UA-26": "І-Фр", "UA-30": "Київ", "UA-32": "Київщ", "UA-35": "Кір",
        "UA-40": "Сев", "UA-43": "Крим", "UA-46": "Львів", "UA-48": "Мик", "UA-51": "Одеса", "UA-53": "Полт",
        "UA-56": "Рівне", "UA-59": "Суми", "UA-61": "Терн", "UA-63": "Харк", "UA-65": "Херс", "UA-68": "Хмел",
        "UA-71": "Черк", "UA-74": "Чернг", "UA-77": "Чернв",
    },
    "en": {
        "UA-05": "Vin", "UA-07": "Vol", "UA-09": "Luh", "UA-12": "Dnip", "UA-14": "Don", "UA-18": "Zhyt",
        "UA-21": "Zak", "UA-23": "Zap", "UA-26": "I-Fr", "UA-30": "Kyiv", "UA-32": "Kyiv O", "UA-35": "Kir",
        "UA-40": "Sev", "UA-43": "Crim", "UA-46": "Lviv", "UA-48": "Myk", "UA-51": "Odesa", "UA-53": "Polt",
        "UA-56": "Rivne", "UA-59": "Sumy", "UA-61": "Tern", "UA-63": "Khark", "UA-65": "Khers", "UA-68": "Khm",
        "UA-71": "Cherk", "UA-74": "Chrnh", "UA-77": "Chrnv",
    },
}  # fmt: skip
TILE_SIZE = 64
# (fill, text colour) of each step, from no case to the most cases: every pair at least 4.5:1.
SHADES = [
    ("#e8eef4", "#1b1f24"),
    ("#bcd3ea", "#1b1f24"),
    ("#8ab4dc", "#1b1f24"),
    ("#4f8dc7", "#1b1f24"),
    ("#0b5cad", "#ffffff"),
    ("#073f78", "#ffffff"),
]


def tile_labels():
    """``{region code: label}`` in the active language."""
    return TILE_LABELS["en" if get_language() == "en" else "uk"]


def region_tiles(counts):
    """One tile of the map per region, from ``{region code: count}``; most cases first."""
    largest = max(counts.values(), default=0) or 1
    labels = tile_labels()
    tiles = []
    for region in Region.objects.all():
        column, row = TILE_POSITIONS[region.code]
        count = counts.get(region.code, 0)
        fill, ink = SHADES[0 if count == 0 else 1 + (len(SHADES) - 2) * count // largest]
        tiles.append(
            {
                "code": region.code,
                "name": region.name,
                "label": labels[region.code],
                "count": count,
                "x": column * TILE_SIZE,
                "y": row * TILE_SIZE,
                "fill": fill,
                "ink": ink,
            }
        )
    return sorted(tiles, key=lambda tile: (-tile["count"], tile["name"]))
