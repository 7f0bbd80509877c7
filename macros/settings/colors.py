"""Colour contrast (WCAG 2.2) and the surfaces each clinic colour sits on.

The surfaces are Material's own colours for this site's palette (light ``default`` and
dark ``slate`` with Material's hue of 225 degrees); ``tests/test_settings.py`` checks them
against the built site's computed styles in a real browser.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass


@dataclass(frozen=True)
class Surface:
    """Something a colour must stand out from: its name in a message, its colour, the ratio."""

    name: str
    color: str
    needs: float = 4.5
    fix: str = "darker"


def hsl(hue: float, saturation: float, lightness: float) -> str:
    """``hsl(h, s%, l%)`` as ``#rrggbb`` (CSS rounding)."""
    r, g, b = colorsys.hls_to_rgb(hue / 360, lightness / 100, saturation / 100)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))


def _channels(color: str) -> tuple[float, float, float]:
    hexa = color.lstrip("#")
    if len(hexa) == 3:
        hexa = "".join(c * 2 for c in hexa)
    r, g, b = (int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def luminance(color: str) -> float:
    """The relative luminance of a ``#rgb`` or ``#rrggbb`` colour (WCAG definition)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def worst_surface(color: str, surfaces: tuple[Surface, ...]) -> Surface:
    """The surface ``color`` stands out from least (relative to what it needs)."""
    return min(surfaces, key=lambda s: contrast(color, s.color) / s.needs)


WHITE = "#ffffff"
#: Material's light code/box background (--md-code-bg-color), behind the support lines.
LIGHT_BOX = "#f5f5f5"
#: Material's slate page and box backgrounds: hsl(225deg, 15%, 14%) and 18%.
DARK_PAGE = hsl(225, 15, 14)
DARK_BOX = hsl(225, 15, 18)

#: extra.colors.primary: the header, the support banner and the main buttons, white text.
PRIMARY_ON = (Surface("the white header text", WHITE),)
#: extra.colors.link: links in light mode.
LINK_ON = (
    Surface("the white page", WHITE),
    Surface("the light grey boxes around crisis lines", LIGHT_BOX),
)
#: extra.colors.link_dark: links in dark mode.
LINK_DARK_ON = (
    Surface("the dark page", DARK_PAGE, fix="lighter"),
    Surface("the dark grey boxes around crisis lines", DARK_BOX, fix="lighter"),
)
