"""Every setting under ``extra:``, declared once: the project's defaults are in
``mkdocs.yml`` (and each ``mkdocs.<lang>.yml``), a clinic's own values in ``clinic.yml``.

Each field says its kind (``text``, ``web_link``, ``phone``...), its rules and, for a
setting a clinic may write, where it goes in ``clinic.yml`` (``clinic=``, ``kinds.REACH``);
the checks live in ``kinds.py`` and the reader in ``decode.py``. A property of a group
(``tel``, ``sms``, ``mailto``) is a value the build makes from the fields: the theme gets
it with them (``macros.support.plain``), so a link is made by one rule.
``docs/clinics/customise.md`` describes the same settings for clinics.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.settings import kinds as k
from macros.settings.colors import LINK_DARK_ON, LINK_ON, PRIMARY_ON
from macros.settings.kinds import Problem


def _digits(number: str) -> str:
    """``+44 20 7946 0000`` -> ``+442079460000``: what a ``tel:`` or ``sms:`` link needs."""
    return ("+" if number.startswith("+") else "") + "".join(c for c in number if c.isdigit())


@dataclass(frozen=True, kw_only=True)
class Organisation:
    """The organisation that runs this copy of the site (footer and support page)."""

    name: str = k.text("")
    website: str = k.web_link("")
    phone: str = k.phone()
    email: str = k.email()
    hours: str = k.text("")

    @property
    def tel(self) -> str:
        """The ``tel:`` link for ``phone`` ("" when there is none)."""
        return f"tel:{_digits(self.phone)}" if self.phone else ""

    @property
    def mailto(self) -> str:
        """The ``mailto:`` link for ``email`` ("" when there is none)."""
        return f"mailto:{self.email}" if self.email else ""


@dataclass(frozen=True, kw_only=True)
class Colors:
    """The clinic's colours, each checked against every surface it sits on."""

    primary: str = k.color("#1d5c57", *PRIMARY_ON)
    link: str = k.color("#1d5c57", *LINK_ON)
    link_dark: str = k.color("#8fd6cc", *LINK_DARK_ON)


@dataclass(frozen=True, kw_only=True)
class CrisisLine:
    """One crisis line: shown on the support page and in every quiz's support panel."""

    name: str = k.text(fix="say what the line is called")
    how: str = k.text(fix='say how to reach it, like "Call or text 988"')
    phone: str = k.phone()
    text: str = k.phone()
    hours: str = k.text("")
    region: str = k.text("")
    url: str = k.web_link("")
    # `for:` in the YAML (a Python keyword): suicide, abuse, emergency, talk.
    for_: tuple[str, ...] = k.needs(key="for")

    @property
    def tel(self) -> str:
        """The ``tel:`` link for ``phone``."""
        return f"tel:{_digits(self.phone)}" if self.phone else ""

    @property
    def sms(self) -> str:
        """The ``sms:`` link for ``text`` (the number to send a text message to)."""
        return f"sms:{_digits(self.text)}" if self.text else ""


@dataclass(frozen=True, kw_only=True)
class Referral:
    """A place to find ongoing help."""

    name: str = k.text(fix="say what the link is called")
    url: str = k.web_link()
    description: str = k.text("")


@dataclass(frozen=True, kw_only=True)
class QuickExit:
    """The "leave this site" button for readers who may be watched."""

    enabled: bool = k.flag(True)
    #: Left out or empty: "Leave this site" in the site's language (the string tables).
    label: str = k.text("")
    url: str = k.web_link("https://www.bbc.co.uk/weather")

    def __post_init__(self) -> None:
        if self.enabled and not self.url:
            raise Problem("empty; give the address to leave to, or set enabled: false", field="url")


@dataclass(frozen=True, kw_only=True)
class Social:
    """Material's footer links (``extra.social``)."""

    icon: str = k.icon(fix="name a Material icon, like fontawesome/brands/github")
    link: str = k.web_link()
    name: str = k.text("")


@dataclass(frozen=True, kw_only=True)
class Alternate:
    """Material's language selector (``extra.alternate``): a link to each translation."""

    name: str = k.text(fix="write the language's name")
    link: str = k.site_link()
    lang: str = k.text(fix="write the language code, like es")


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything under ``extra:``."""

    organisation: Organisation = k.group(Organisation, clinic="shared")
    colors: Colors = k.group(Colors, clinic="shared")
    crisis_lines: tuple[CrisisLine, ...] = k.items(
        at_least=1, fix="add at least one crisis line, each with name: and how:", clinic="worded"
    )
    crisis_lines_notice: str = k.text("", clinic="worded")
    referrals: tuple[Referral, ...] = k.items(clinic="worded")
    disclaimer: str = k.text(fix="write the text shown in every page footer", clinic="worded")
    not_a_diagnosis: str = k.text(
        fix="write the text shown with every self-reflection quiz", clinic="worded"
    )
    quick_exit: QuickExit = k.group(QuickExit, clinic="shared")
    clinical_review: str = k.text("", clinic="shared")
    translation_review: str = k.text("", clinic="translation")
    # A translated site (mkdocs.<lang>.yml, built into site/<lang>/) sets "../": the
    # theme's own scripts and styles are shared with the English site.
    shared_assets: str = k.text("")
    # Material's own settings that this site allows.
    generator: bool = k.flag(True)
    social: tuple[Social, ...] = k.items()
    alternate: tuple[Alternate, ...] = k.items()
    status: dict[str, str] = k.labels()


#: Material settings this site refuses, and why (in the clinic's words).
REFUSED = {
    "analytics": (
        "refused: it would send every visit to an analytics service, and this site "
        "promises readers that nothing leaves their device; remove it"
    ),
    "consent": (
        "refused: a cookie banner is only needed for analytics or cookies, and this site "
        "uses neither; remove it"
    ),
    "polyfills": (
        "refused: it loads scripts from elsewhere, which the site's security policy "
        "blocks; remove it"
    ),
    "scope": "refused: the site keeps its own storage scope; remove it",
    "version": "refused: versioned copies (mike) are not supported here; remove it",
}
