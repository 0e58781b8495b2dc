"""Which encoding a text file is in, without asking: Chinese Excel saves CSV as GBK, Windows
editors save "UTF-8" with a byte-order mark and "Unicode" as UTF-16, and users cannot tell.

Detection looks at byte-order marks first (UTF-8, UTF-32, UTF-16), then at NUL bytes in the first
character (UTF-16 or UTF-32 saved without a mark), then at the first stretch of non-ASCII bytes: UTF-8
when it decodes as UTF-8 (unless it is plainly GBK Chinese that UTF-8 reads too, ``guess``), else
GB18030 (a superset of GBK and GB2312). ``--encoding`` forces one.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from littlegiant import lazyre
from littlegiant.errors import InputError

TRIED = "UTF-8, GB18030/GBK, UTF-16, UTF-32"
"""What detection tries, as error messages name it: UTF-16 and UTF-32 with a byte-order mark or
(``_wide``) without one."""

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
"""UTF-32's marks before UTF-16's: UTF-32-LE's begins with UTF-16-LE's. A UTF-32 file read as UTF-8
held a NUL between every letter, and its header matched nothing: "no column holds anything the
criteria read" sent the user looking at the columns, not at how the file was saved."""
_SAMPLE = 1 << 16
_SCAN_LIMIT = 1 << 26
"""Detection reads ahead at most this far (64 MB) for the first non-ASCII byte; a file ASCII up to
there is taken as UTF-8, and a later undecodable row is reported as that row's error."""


def codec_name(name: str, *, field: str = "--encoding") -> str:
    """The codec a user's encoding name means; GBK and GB2312 read and write as GB18030, their
    superset, so that no character a GBK file can hold is refused."""
    found = _looked_up(name, field)
    return "gb18030" if found in _GBK_NAMES else found


def output_codec(name: str, *, field: str = "--output-encoding") -> str:
    """The codec an output written in the user's encoding ``name`` is written in. GBK and GB2312
    are written as GBK (cp936): what Chinese Windows and Excel read a CSV in, and what browsers
    read under either name (the WHATWG Encoding Standard). Written as GB18030 (as they are read),
    a character GBK lacks (𠮷, 䶮, an emoji) became four bytes that Excel shows as garbage, taking
    the next characters of the name with it."""
    found = _looked_up(name, field)
    return "gbk" if found in _GBK_NAMES else found


_GBK_NAMES = ("gbk", "gb2312", "cp936")


_PLAIN_TEXT = 'Name,1.5\r\n"x";'
"""Text every file's encoding must write as ASCII does (UTF-16 and UTF-32 aside) and read back as it was."""


def _looked_up(name: str, field: str) -> str:
    """Python's name for the encoding a user named, or a one-line refusal naming the option.

    Only an encoding of text files: rot13, base64 and hex are codecs of bytes (exit 3 on use), idna
    failed on its first row (an internal error, exit 3), and punycode, utf-7 and unicode_escape
    wrote a CSV whose 企业名称 read \\u4f01… or +TwFOGg- in Excel."""
    try:
        info = codecs.lookup(name.strip())
        found = info.name
        if not getattr(info, "_is_text_encoding", True):
            raise LookupError(found)
        plain = _PLAIN_TEXT.encode(found)
        if plain.decode(found, "surrogateescape") != _PLAIN_TEXT or (
                plain != _PLAIN_TEXT.encode("ascii") and not found.startswith("utf-")):  # a BOM, or 2 or 4 bytes a letter
            raise LookupError(found)
        try:  # raw_unicode_escape writes 企 as \\u4f01 (UTF-16's two bytes of it may be ASCII's too)
            escaped = "企".encode(found).isascii() and not found.startswith("utf-")
        except UnicodeEncodeError:  # latin-1 has no 企: a text encoding still, its rows refused as they come
            escaped = False
        if escaped or found == "utf-7":  # utf-7: 企 as +TwE-
            raise LookupError(found)
        return found
    except (LookupError, ValueError, UnicodeError, TypeError):
        raise InputError(kind="data.unknown_encoding", params={"name": name}, field=field) from None


def holds_all(codec: str) -> bool:
    """Whether ``codec`` (a Python codec name) writes every character: the UTF encodings and GB18030."""
    return codec.startswith("utf") or codec == "gb18030"


GAP = "□"
"""What a character the output's encoding cannot hold is written as: the mark Chinese print has
long used for a character that could not be set, one a reader sees (a ? passes for punctuation)."""


def _gap(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    try:
        GAP.encode(error.encoding)
        mark = GAP
    except UnicodeEncodeError:
        mark = "?"
    # a lone surrogate is no character but a file name's undecodable byte: ? as before
    return "".join("?" if is_surrogate(ch) else mark for ch in error.object[error.start:error.end]), error.end


def is_surrogate(ch: str) -> bool:
    """A lone surrogate: how Python carries an undecodable byte of a file name."""
    return "\ud800" <= ch <= "\udfff"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start:error.end]:
        code = ord(ch)
        if code > 0xFFFF:  # JSON spells a character past the BMP as its UTF-16 surrogate pair
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error("littlegiant-gap", _gap)
codecs.register_error("littlegiant-json", _json_escape)
"""Error handlers of outputs in an encoding that cannot hold every character: a .csv gets GAP
where such a character was (the run then names the rows), JSON Lines the character's JSON escape
(\\u20bb7 as \\ud842\\udfb7), which any JSON reader reads back exactly: the characters batch writes
outside its strings are ASCII."""


def sniff(head: bytes, forced: str | None = None) -> tuple[str, int]:
    """(codec, byte-order-mark length) for a file starting with ``head``. An undecidable file is
    read as UTF-8, so that its undecodable rows are reported one by one.

    ``forced`` (``--encoding``) names the encoding of a file that does not show its own: a
    byte-order mark, or non-ASCII text that is UTF-8, is read as what it is whatever ``forced``
    says. GB18030 decodes almost any bytes, so UTF-8 forced as GB18030 would turn every Chinese
    name to garbage without an error; ``--encoding gb18030``, given for the output, must not do
    that to a UTF-8 input."""
    codec = codec_name(forced) if forced is not None else None
    for bom, marked in _BOMS:
        if head.startswith(bom):
            return marked, len(bom)
    wide = _paired(head) or _wide(head[:4])  # the pairs first: 一 (00 4E in UTF-16-LE) looks big-endian alone
    if wide is not None:
        return wide, 0
    if head.isascii():
        return codec or "utf-8", 0
    return _decide(_stretch(head), codec), 0


_BEFORE = 16
"""How many ASCII bytes before the first non-ASCII one detection looks at: the word or figure a
sign or letter belongs to (Café, Acme ½)."""


def _stretch(data: bytes) -> bytes:
    """``data`` from a little before its first non-ASCII byte: the ASCII text there decodes alike
    in every encoding detection tells apart, and a long ASCII start is not decoded twice."""
    start = next(i for i, b in enumerate(data) if b >= 0x80)
    return data[max(start - _BEFORE, 0):]


def _wide(first: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where the NUL bytes of a first character
    below U+0100 fall (as RFC 4627 told JSON's encoding): text saved in any encoding detection reads
    holds no NUL byte, so a NUL among the first two bytes is no accident. Such a file passed the
    ASCII test and read as one column of letters parted by NULs."""
    if len(first) < 4 or (first[0] and first[1]):
        return None
    if first[1:] == b"\0\0\0" and first[0]:
        return "utf-32-le"
    if first[:3] == b"\0\0\0" and first[3]:
        return "utf-32-be"
    if first[0] and not first[1]:
        return "utf-16-le"
    if not first[0] and first[1]:
        return "utf-16-be"
    return None


_WIDE_SAMPLE = 4096
"""The first bytes looked at for UTF-16 without its byte-order mark whose first character is not ASCII."""


def _paired(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark whose first character is Chinese (企业名称, name: 企业…), told by NUL
    bytes all on one side of its first bytes' pairs: its punctuation, keys, line ends and figures are ASCII,
    each a NUL beside it, and no other encoding detection reads holds a NUL. ``_wide`` looks at the first
    character alone, and 企 holds no NUL byte: a profile, a JSON Lines file or a CSV so saved (Notepad's
    "Unicode", a tool that drops the mark) was refused as 'not text in any encoding tried'."""
    head = head[:_WIDE_SAMPLE]
    if b"\0" not in head:
        return None
    head = head[:len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # the ASCII of a profile or a list (its braces, colons, commas, line ends, figures) is a tenth of its
    # characters or more; a Chinese letter may give a NUL on the other side (一 is 00 4E in UTF-16-LE), never
    # as many; a stray NUL in a UTF-8 file is neither
    least = max(len(head) // 20, 1)
    if odd >= least and odd >= 4 * even:
        codec = "utf-16-le"
    elif even >= least and even >= 4 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = codecs.getincrementaldecoder(codec)().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    return codec if "\0" not in text else None


def _decide(sample: bytes, codec: str | None) -> str:
    """The encoding of a file whose first non-ASCII stretch is ``sample``: detected, or ``codec``
    unless the stretch is UTF-8."""
    if codec is None:
        return guess(sample)
    if codec != "utf-8" and _is_utf8(sample):
        return "utf-8"
    return codec


def _is_utf8(sample: bytes) -> bool:
    """Whether ``sample`` (possibly cut mid-character at its end) is UTF-8."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def guess(sample: bytes) -> str:
    """UTF-8 when ``sample`` (possibly cut mid-character at its end) is UTF-8, else GB18030 when it
    decodes as that, else UTF-8 (its bad bytes then show up as errors where they are). GBK that is
    UTF-8 too (一 is D2 BB, U+04BB һ; 山水实业 four such letters) is GBK when every character of it
    read as UTF-8 is a two-byte letter, none inside a Latin word, and every one read as GB18030 is
    Chinese: a Chinese name saved in GBK was read as Cyrillic and IPA letters. A sign of Latin-1 among
    ASCII words or figures (Acme 1½, ±5) is UTF-8: one ½ made a whole file GBK, Acme 1陆."""
    if _is_utf8(sample):
        return "gb18030" if _gbk_as_utf8(sample) else "utf-8"
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
    except UnicodeDecodeError:
        # neither reads it whole: lines of both (a GBK list with rows pasted from a UTF-8 export). Its first
        # line that is not ASCII decides, and the other's lines are said where they are (utf8_in_gbk); the
        # whole file was refused at its header, 「列名行…都读不出文字」, a GBK header read as UTF-8
        first = next((line for line in sample.split(b"\n") if not line.isascii()), sample)
        if not _is_utf8(first) or _gbk_as_utf8(first):
            try:
                codecs.getincrementaldecoder("gb18030")().decode(first, final=False)
                return "gb18030"
            except UnicodeDecodeError:
                pass
        return "utf-8"
    return "gb18030"


_LATIN_WORD = lazyre.compile("[A-Za-z][\u0080-\u07ff]|[\u0080-\u07ff][A-Za-z]")
"""A two-byte letter beside an ASCII one: a Latin word's (Café), which GBK read as UTF-8 never makes."""


_SIGNS = "\u00a0-\u00bf\u00d7\u00f7"
_LATIN_SIGN = lazyre.compile(f"[A-Za-z0-9] *[{_SIGNS}](?![^\\x00-\\x7f])|(?<![^\\x00-\\x7f])[{_SIGNS}] *[A-Za-z0-9]"
                         f"|\\( *[{_SIGNS}] *\\)")
"""A sign of Latin-1 (½ ° ± × µ ² ·, a no-break space) after or before an ASCII word or figure on its
line, touching no other non-ASCII character: how UTF-8 text writes 1½, 25°, ±5, 3 × 4, µ Labs. Each is
a common Chinese character in GBK too (½ is C2 BD, GBK's 陆; ° 掳, ± 卤, µ 碌, ÷ 梅), but a Chinese
name saved in GBK stands as a whole value (name: 陆, a CSV cell) or beside more Chinese (鲁山 as ³ɽ). And a
sign alone in brackets, as an English header writes its unit: Operating revenue 2025 (¥) read as GBK was
「(楼)」, its amounts taken in 万元."""


_ALPHABETS = ((0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x0530, 0x06FF))
"""Latin with accents, Greek, Cyrillic, Armenian, Hebrew and Arabic: the alphabets a name in UTF-8
two-byte letters is written in. GBK Chinese read as UTF-8 falls between them too (盛藝 as ʢˇ: IPA
letters and spacing marks)."""


def _letters(wide: list[str]) -> bool:
    """Whether the UTF-8 reading's non-ASCII characters are all letters or digits of those alphabets."""
    return all((ch.isalpha() or ch.isdigit()) and any(low <= ord(ch) <= high for low, high in _ALPHABETS)
               for ch in wide)


def _common(chinese: str) -> bool:
    """Whether every character is one of GB2312's (the 6,763 a company name is mostly written in):
    Russian, Greek or Arabic read as GBK falls on GBK's rarer extension (a UTF-8 letter's second byte
    below 0xA1: О is D0 9E, α is CE B1 but π CF 80), where most GBK-written Chinese that is also UTF-8
    (一 is D2 BB, Cyrillic һ in UTF-8) stays; a traditional form (藝 is CB 87) does not, and is told
    from a word of letters by its UTF-8 reading (``_letters``)."""
    try:
        chinese.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _gbk_as_utf8(sample: bytes) -> bool:
    """Whether ``sample``, UTF-8 as a whole, is GBK Chinese that happens to be UTF-8 too: its non-ASCII
    characters are all two-byte letters read as UTF-8 (none Chinese) and all Chinese read as GB18030."""
    try:
        as_utf8 = codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        as_gbk = codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in as_utf8 if ch > "\x7f"]
    chinese = "".join(ch for ch in as_gbk if ch > "\x7f")
    if not wide or not all(ch < "\u0800" for ch in wide) or not all(ch >= "\u2e80" for ch in chinese):
        return False
    if not _common(chinese) and _letters(wide):
        return False  # ООО Ромашка, Ελλάδα: letters whose second byte (О is D0 9E) makes a rare GBK character
    # a letter of a Latin word (Café, Łódź, Müller) touches an ASCII letter, a sign (1½, ±5, 3 × 4) stands
    # among ASCII words or figures; a Chinese name stands apart, or beside more of its own
    return _LATIN_WORD.search(as_utf8) is None and _LATIN_SIGN.search(as_utf8) is None


def sniff_file(handle: BinaryIO, forced: str | None = None) -> tuple[str, int]:
    """(codec, byte-order-mark length) of an open binary file, left positioned at its start.

    Only the first block holding a non-ASCII byte is decoded, so that a large file costs one
    fast scan of its ASCII prefix rather than a decode of the whole."""
    head = handle.read(_SAMPLE)
    try:
        codec, bom = sniff(head, forced)
        if bom or not head.isascii() or codec.startswith("utf-16") or codec.startswith("utf-32"):
            return codec, bom
        forced_codec = codec_name(forced) if forced is not None else None
        seen = len(head)
        while seen < _SCAN_LIMIT:
            block = handle.read(_SAMPLE)
            if not block:
                break
            seen += len(block)
            if not block.isascii():
                return _decide(_stretch(block), forced_codec), 0
        return forced_codec or "utf-8", 0
    finally:
        handle.seek(0)


def decode(raw: bytes, name: str, forced: str | None = None) -> str:
    """A whole file's text (a profile): the detected or forced encoding, or an error naming the
    encodings tried."""
    codec, bom = sniff(raw, forced)
    if codec == "gb18030" and forced is None:
        _one_encoding(raw[bom:], name)
        for number, line in enumerate(raw[bom:].split(b"\n"), 1):
            if not line.isascii() and utf8_in_gbk(line):
                raise InputError(kind="data.mixed_utf8", params={"line": number}, file=name)
    try:
        return raw[bom:].decode(codec)
    except UnicodeDecodeError as exc:
        if forced is not None:
            raise InputError(kind="data.not_forced", params={"encoding": forced, "byte": exc.start + bom},
                             file=name) from None
    _one_encoding(raw[bom:], name)
    raise InputError(kind="data.not_text", params={"tried": TRIED}, file=name)


def utf8_in_gbk(line: bytes | str) -> bool:
    """Whether a line of a file read as GBK/GB18030 is UTF-8 instead: a line added from another export or
    editor. Read as GB18030 it gave other characters (华东精密传动 as 鍗庝笢绮惧瘑浼犲姩), a company's name
    and its choices turned without a word. Chinese in GBK is UTF-8 for a run of two-byte letters at most
    (``_one_encoding``): a line that is UTF-8 and holds three Chinese characters read so is UTF-8. ``line``:
    its bytes, or its text as read in GB18030 (undecodable bytes kept as surrogates)."""
    try:
        raw = line if isinstance(line, bytes) else line.encode("gb18030", "surrogateescape")
        text = raw.decode("utf-8")
    except UnicodeError:
        return False
    chinese = 0
    for ch in text:
        if ch >= "\u2e80":
            chinese += 1
            if chinese >= 3:
                return True
    return False


def _one_encoding(raw: bytes, name: str) -> None:
    """Raise when ``raw``, not UTF-8 as a whole, is UTF-8 up to a line of another encoding: a UTF-8
    profile with one line added in GBK (a comment typed in another editor) was read whole as
    GB18030, every Chinese name and choice turned to other characters without a word. GBK text is
    often UTF-8 for a while too (山水实业 is, as four letters of U+0080–U+07FF): the start must hold
    three Chinese characters, which a GBK pair never reads as."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[:exc.start]
        try:
            text = before.decode("utf-8")
        except UnicodeDecodeError:  # cut inside a character: not UTF-8 before either
            return
        if sum(ch >= "\u2e80" for ch in text) >= 3:  # Chinese: GBK pairs read as UTF-8 are Latin or IPA letters
            raise InputError(kind="data.mixed", params={"line": before.count(b"\n") + 1}, file=name) from None


PLAIN = {"✔": "√v", "✅": "√v", "✓": "√v", "✘": "×x", "✗": "×x", "❌": "×x", "❔": "?", "◔": "○o", "🔎": "○o",
         "−": "-", "–": "-", "—": "-", "…": ".", "→": ">", "≥": "≥>", "≤": "≤<", "≠": "≠#", "×": "x", "·": "-",
         "•": "*", "╭": "+", "╮": "+", "╰": "+", "╯": "+", "─": "-", "│": "|", "┃": "|", "━": "-"}
"""What a report's symbols become on a console whose encoding cannot show them (a GBK Windows
console, PYTHONIOENCODING=gbk): the first candidate it can show, one character wide as the
symbol was, so tables stay aligned; plain text rather than a crash."""


def _plain(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start:error.end]:
        for candidate in PLAIN.get(ch, "") + "?":
            try:
                candidate.encode(error.encoding)
            except UnicodeEncodeError:
                continue
            out.append(candidate)
            break
    return "".join(out), error.end


def plain_fallback(*streams: object) -> None:
    """Let ``streams`` (stdout, stderr) write what their encoding cannot show as plain text."""
    codecs.register_error("littlegiant-plain", _plain)
    for stream in streams:
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not encoding.startswith("utf"):
            reconfigure(errors="littlegiant-plain")
