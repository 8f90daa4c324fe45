"""How the files of one run are read: `--columns` (an export's headers to the names the
policy and the readers use), `--separator`, `--encoding` and `--absence-codes`, one `Reading`
for every file of the run, so a mapping given once holds for each of them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..core.messages import Text
from .cells import column_key


class ReadingProblem(ValueError):
    """A reading option that cannot be used; `.text` says why, in English or Bahasa
    Indonesia (`str` is English)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.render("en"))
        self.text = text


#: headers the readers know in Bahasa Indonesia, as attendance apps export them
BUILT_IN: Mapping[str, str] = {
    "tanggal": "date",
    "jam masuk": "start time",
    "jam pulang": "end time",
}
#: `--separator` words
_SEPARATORS = {
    ",": ",",
    ";": ";",
    "\t": "\t",
    "\\t": "\t",
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
}


def _pairs(text: str, what: str) -> dict[str, str]:
    """`"A=b,C=d"` as {"a": "b", "c": "d"} (keys folded as columns are); a ValueError names a
    part without `=`."""
    pairs: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        key, mark, value = part.partition("=")
        if not mark or not key.strip():
            raise ReadingProblem(Text("usage.reading.pair", what=what, part=part.strip()))
        pairs[column_key(key)] = value.strip()
    return pairs


def mapping(value: str | Mapping[str, str] | None, what: str) -> dict[str, str]:
    """A mapping given as text (`"NIP=id,Nama=name"`) or as a dict, keys folded."""
    if value is None:
        return {}
    if isinstance(value, str):
        return _pairs(value, what)
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ReadingProblem(Text("usage.reading.mapping", what=what))
    return {column_key(k): v.strip() for k, v in value.items()}


def separator_of(value: str | None) -> str | None:
    """`,`, `;` or a tab from what `--separator` may say (`tab`, `\\t`, `;`...)."""
    if value is None:
        return None
    found = _SEPARATORS.get(value) or _SEPARATORS.get(value.strip().casefold())
    if found is None:
        raise ReadingProblem(Text("usage.reading.separator", value=value))
    return found


@attrs.frozen
class Reading:
    """How the files of a run are read (see the module)."""

    #: folded header -> the name it stands for, folded (empty: the column is ignored)
    columns: Mapping[str, str] = attrs.field(factory=dict)
    separator: str | None = None
    encoding: str | None = None
    #: folded code -> the absence kind it stands for
    absence_codes: Mapping[str, str] = attrs.field(factory=dict)
    #: the headers of `columns` met in a file read so far (`unused` names the others)
    met: set[str] = attrs.field(factory=set, eq=False, repr=False)

    @classmethod
    def of(
        cls,
        columns: str | Mapping[str, str] | None = None,
        separator: str | None = None,
        encoding: str | None = None,
        absence_codes: str | Mapping[str, str] | None = None,
    ) -> Reading:
        """A reading from what a caller gives; a ValueError says what is wrong with it."""
        mapped = {k: column_key(v) for k, v in mapping(columns, "columns").items()}
        codes = {k: v for k, v in mapping(absence_codes, "absence codes").items()}
        return cls(mapped, separator_of(separator), encoding, codes)

    def key(self, header: str) -> str:
        """The name a written header stands for: mapped by `columns`, then the built-in
        Indonesian headers (`tanggal` is `date`)."""
        folded = column_key(header)
        named = self.columns.get(folded)
        if named is None:
            named = folded
        else:
            self.met.add(folded)
        return BUILT_IN.get(named, named)

    def unused(self) -> list[str]:
        """The headers `columns` maps that no file read so far has (a likely typo)."""
        return [header for header in self.columns if header not in self.met]

    def declared(self, key: str) -> bool:
        """Whether the user named this column in `columns` (so it is never warned about)."""
        return key in self.columns.values()


def reading_of(reading: Reading | None = None, **given: Any) -> Reading:
    """The `Reading` a reader uses: the one given, or one made of its keyword arguments."""
    if reading is not None:
        return reading
    return Reading.of(**given)
