"""Which parts of a scraped page are the article, and where each sentence sits in the original.

News pages carry debris around the story: share buttons, "Related Articles" lists, reaction widgets,
star ratings, comment forms, hashtags, newsletter boxes and copyright lines. Their numbers must not
become claims. HTML goes through trafilatura (main-content extraction) and the kept paragraphs are
found again in the page's own text, so every sentence keeps exact offsets into the ORIGINAL input;
plain text is cleaned line by line with the rules below. Nothing is rewritten: a sentence is always
a slice of the original (HTML entities aside, which are decoded in ``Sentence.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.entities import name2codepoint
from html.parser import HTMLParser

from natosim import extras
from natosim.deprecation import renamed
from natosim.engines.claims.model import ClaimsInputError

#: Largest input read (characters): a long article is ~30,000; a full HTML page rarely tops 2 MB.
MAX_CHARACTERS = 5_000_000
#: Largest article text analysed once the page furniture is gone (~150 pages of prose; a few seconds).
MAX_ARTICLE_CHARACTERS = 400_000

_HTML_HINT = re.compile(r"<\s*(?:html|body|article|p|div|span|h[1-6]|section|main|!doctype)\b", re.IGNORECASE)

#: Lines that are page furniture, not reporting (matched against a whole, stripped line).
_DEBRIS_LINE = re.compile(
    r"""^(?:
      (?:share|tweet|email|print|copy\ link|save|pin\ it|whatsapp|telegram|facebook|twitter|x|linkedin|reddit)
        (?:\s*(?:this|article|story|on\ \w+|via\ \w+|\(\d+\)|\d+))*[\s|·•,/]*
    | (?:share|follow\ us)\s+(?:on|via)\b.*
    | (?:facebook|twitter|linkedin|whatsapp|telegram|reddit|email|
        x)(?:\s*[|·•,/]\s*(?:facebook|twitter|linkedin|whatsapp|telegram|
        reddit|email|x|print|copy\ link))+
    | (?:related|related\ (?:articles?|stories|news|posts|content|
        coverage|reading)|read\ (?:more|also|next)|also\ read|see\ also|
        more\ (?:from|on|stories|news)\b.*|you\ (?:may|might)\ (?:also\ )?like.*|
        recommended(?:\ for\ you)?|trending(?:\ now)?|most\ (?:read|popular|
        viewed)|popular\ (?:stories|now)|latest\ news|top\ stories|editor'?s\ picks?)\s*:?
    | advertisement|sponsored(?:\ content)?|ad|scroll\ to\ continue.*|continue\ reading.*|story\ continues\ below.*
    | (?:what\ (?:is|'s)\ your\ reaction|how\ (?:do|did)\ you\ feel|
        your\ reaction|reactions?|was\ this\ (?:article|story)\ helpful)\??.*
    | (?:like|love|haha|wow|sad|angry|insightful|useful|upvote|downvote)(?:\s*[:(]?\s*\d+\)?)+
        (?:\s*[|·•,/]?\s*\w+\s*[:(]?\s*\d+\)?)*
    | (?:rate\ this|rating|ratings|average\ rating|user\ rating|votes?|stars?)\b.*
    | [★☆✩✪⭐\s]+.*
    | \d(?:\.\d)?\s*/\s*(?:5|10)(?:\s*(?:stars?|\(\d+\s*votes?\)))?.*
    | (?:leave\ a\ (?:comment|reply)|post\ (?:a\ )?comment|add\ (?:a\ )?comment|
        comments?|\d+\s+comments?|comments?\s*\(\d+\)|join\ the\ (?:discussion|
        conversation)|show\ comments|view\ comments|load\ more\ comments)\b.*
    | (?:your\ email\ address\ will\ not\ be\ published|required\ fields\ are\ marked|
        name\s*\*|email\s*\*|website|submit|post\ comment|send|cancel\ reply|
        notify\ me\ of\ .*|save\ my\ name.*|log\ in\ to\ (?:comment|reply).*|
        reply)\b.*
    | (?:\#[\w-]+[\s,]*)+
    | (?:tags?|topics?|filed\ under|categories|category)\s*:.*
    | (?:©|\(c\)|copyright|all\ rights\ reserved).*
    | .*\ball\ rights\ reserved\.?
    | (?:subscribe|sign\ up|newsletter|get\ (?:our|the)\ \w+\ newsletter|
        follow\ us|download\ (?:our|the)\ app|cookie|cookies|accept\ (?:all\ )?cookies|
        privacy\ policy|terms\ of\ (?:use|service)|contact\ us|about\ us)\b.*
    | (?:photo|image|file\ photo|credit|source|caption)\s*:.*
    | (?:by|author|written\ by|posted\ by|published|updated|last\ updated)\b[^.!?]{0,80}
    | (?:home|news|world|europe|politics|opinion|defence|defense)(?:\s*[>»/|›]\s*[\w\ ]+)+
    | \d+\s*(?:min(?:ute)?s?)\ read
    | [\W\d_]{0,40}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A heading that opens a list of links to other stories; the list ends at the first line of prose.
_LIST_HEADING = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|posts|content|coverage|reading))?|read\s+(?:more|also|next)|"
    r"also\s+read|see\s+also|more\s+(?:from|on|stories|news)\b.*|you\s+(?:may|might)\s+(?:also\s+)?like.*|"
    r"recommended(?:\s+for\s+you)?|trending(?:\s+now)?|most\s+(?:read|popular|viewed)|popular\s+(?:stories|now)|"
    r"latest\s+news|top\s+stories|editor'?s\s+picks?)\s*:?$",
    re.IGNORECASE,
)
#: A heading after which the rest of the page is readers' comments.
_COMMENTS_HEADING = re.compile(
    r"^(?:leave\s+a\s+(?:comment|reply)|post\s+(?:a\s+)?comment|add\s+(?:a\s+)?comment|comments?|\d+\s+comments?|"
    r"comments?\s*\(\d+\)|join\s+the\s+(?:discussion|conversation)|reader\s+comments|what\s+readers\s+say)\s*:?$",
    re.IGNORECASE,
)
#: Inline debris inside a kept line: trailing hashtags, "(Reporting by ...)" credits.
_INLINE_HASHTAGS = re.compile(r"(?:\s+#[A-Za-z][\w-]*)+\s*$")

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "sen",
    "rep",
    "gov",
    "pres",
    "st",
    "jr",
    "sr",
    "no",
    "nos",
    "art",
    "arts",
    "para",
    "sec",
    "vol",
    "fig",
    "vs",
    "v",
    "etc",
    "e.g",
    "i.e",
    "approx",
    "est",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "u.s.a",
    "d.c",
    "inc",
    "ltd",
    "co",
    "corp",
    "p",
    "pp",
    "cf",
    "al",
}


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its text and its offsets in the original input."""

    text: str
    start: int
    end: int
    #: original offset of each character of ``text`` (HTML entities map to their '&')
    offsets: tuple[int, ...]
    paragraph: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) slice of ``text`` to offsets in the original input."""
        start = max(0, min(start, len(self.offsets) - 1))
        end = max(start + 1, min(end, len(self.offsets)))
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class NewsArticle:
    """A news article as read: its text, its format, its sentences and what was removed (markup)."""

    original: str
    input_format: str
    sentences: list[Sentence]
    removed: list[tuple[int, int]]


# ----------------------------------------------------------------------------------- input checks
def decode(data: str | bytes) -> str:
    """Text from str or bytes; binary data and oversize input raise ``ClaimsInputError``."""
    if isinstance(data, bytes | bytearray):
        raw = bytes(data)
        if len(raw) > MAX_CHARACTERS * 4:
            raise ClaimsInputError(f"input too large ({len(raw):,} bytes); the limit is {MAX_CHARACTERS:,} characters")
        if b"\x00" in raw[:65536]:
            raise ClaimsInputError("input looks binary (NUL bytes); give plain text or HTML (UTF-8)")
        try:
            data = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                data = raw.decode("cp1252")
            except UnicodeDecodeError as error:
                raise ClaimsInputError(
                    "input is neither UTF-8 nor Windows-1252 text; give plain text or HTML"
                ) from error
    if not isinstance(data, str):
        raise ClaimsInputError(f"expected text (str or bytes), got {type(data).__name__}")
    if len(data) > MAX_CHARACTERS:
        raise ClaimsInputError(
            f"input too large ({len(data):,} characters); the limit is {MAX_CHARACTERS:,} "
            "(split the text or check one article at a time)"
        )
    sample = data[:65536]
    control = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0xFFF0 <= ord(ch) <= 0xFFFF)
    if sample and (control / len(sample) > 0.05 or "\x00" in sample):
        raise ClaimsInputError("input looks binary (control characters); give plain text or HTML")
    return data


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:20000]))


# ----------------------------------------------------------------------------------- HTML
_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "title",
    "iframe",
    "button",
    "select",
    "option",
    "textarea",
    "form",
    "nav",
    "footer",
    "aside",
    "figcaption",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "article",
    "section",
    "header",
    "main",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "figure",
    "hr",
    "dd",
    "dt",
    "pre",
}
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


def _is_pull_quote(attrs: list[tuple[str, str | None]]) -> bool:
    """A pull quote (class or id "pull-quote", "pullquote", "pull"): page furniture repeating a line
    of the article in large type; read, it would give every claim in it twice."""
    words = {
        word
        for name, value in attrs
        if name in ("class", "id") and value
        for word in re.split(r"[\s_-]+", value.casefold())
    }
    return "pullquote" in words or "pull" in words


class _VisibleText(HTMLParser):
    """The page's visible text with, for each character, its start and end offsets in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for index, ch in enumerate(source):
            if ch == "\n":
                self.line_starts.append(index + 1)
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.skip = 0
        self.stack: list[str] = []

    def _pos(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column if line - 1 < len(self.line_starts) else len(self.source)

    def _emit(self, text: str, start: int, end: int | None = None) -> None:
        if self.skip:
            return
        for index, ch in enumerate(text):
            self.chars.append(ch)
            self.starts.append(start + index if end is None else start)
            self.ends.append(start + index + 1 if end is None else end)

    def _newline(self) -> None:
        if self.chars and self.chars[-1] != "\n":
            position = self._pos()
            self.chars.append("\n")
            self.starts.append(position)
            self.ends.append(position)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._newline()
        if tag in _VOID:
            return
        self.stack.append(tag)
        if tag in _SKIP_TAGS or self.skip or _is_pull_quote(attrs):
            self.skip += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if self.skip:
                self.skip -= 1
            if top == tag:
                break
        if tag in _BLOCK_TAGS:
            self._newline()

    def handle_data(self, data: str) -> None:
        self._emit(data, self._pos())

    def handle_entityref(self, name: str) -> None:
        start = self._pos()
        code = name2codepoint.get(name)
        self._emit(chr(code) if code else f"&{name};", start, start + len(name) + 2)

    def handle_charref(self, name: str) -> None:
        start = self._pos()
        try:
            value = chr(int(name[1:], 16) if name[:1] in "xX" else int(name))
        except (ValueError, OverflowError):
            value = "\ufffd"
        self._emit(value, start, start + len(name) + 3)


def _visible(source: str) -> tuple[str, list[int], list[int]]:
    parser = _VisibleText(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # malformed markup of any kind: keep what was read (never a traceback)
        pass
    return "".join(parser.chars), parser.starts, parser.ends


def _main_paragraphs(source: str) -> list[str] | None:
    """trafilatura's main-content paragraphs, or None when it finds nothing."""
    try:
        import trafilatura

        extracted = trafilatura.extract(
            source,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception:  # trafilatura raises assorted parser errors on junk; fall back to our own reading
        return None
    if not extracted:
        return None
    return [line for line in extracted.split("\n") if line.strip()]


def _squash(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its index in ``text``."""
    kept = [(ch, index) for index, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for ch, _ in kept), [index for _, index in kept]


def _html_lines(source: str) -> tuple[list[tuple[str, list[int], list[int]]], list[tuple[int, int]]]:
    """Kept lines of an HTML page as (text, starts, ends) in the original, and the removed ranges."""
    visible, starts, ends = _visible(source)
    raw_lines: list[tuple[int, int]] = []
    position = 0
    for line in visible.split("\n"):
        raw_lines.append((position, position + len(line)))
        position += len(line) + 1
    paragraphs = _main_paragraphs(source)
    keep = [True] * len(raw_lines)
    if paragraphs:
        squashed, index = _squash(visible)
        line_of = []
        for number, (a, b) in enumerate(raw_lines):
            line_of.extend([number] * (b - a + 1))
        chosen: set[int] = set()
        cursor = 0
        for paragraph in paragraphs:
            key, _ = _squash(paragraph)
            if not key:
                continue
            found = squashed.find(key, cursor)
            if found < 0:
                found = squashed.find(key)
            if found < 0:
                continue
            first, last = index[found], index[found + len(key) - 1]
            chosen.update(range(line_of[first], line_of[last] + 1))
            cursor = found + len(key)
        if chosen:
            keep = [number in chosen for number in range(len(raw_lines))]
    lines: list[tuple[str, list[int], list[int]]] = []
    removed: list[tuple[int, int]] = []
    for number, (a, b) in enumerate(raw_lines):
        if a == b:
            continue
        if keep[number]:
            lines.append((visible[a:b], starts[a:b], ends[a:b]))
        elif visible[a:b].strip():
            removed.append((starts[a], ends[b - 1]))
    return lines, removed


# ----------------------------------------------------------------------------------- plain text
def _text_lines(source: str) -> list[tuple[str, list[int], list[int]]]:
    lines = []
    position = 0
    for line in source.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append(
            (body, list(range(position, position + len(body))), list(range(position + 1, position + len(body) + 1)))
        )
        position += len(line)
    return lines


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 8 and line.rstrip().endswith((".", "!", "?", '"', "”", "'", "’"))


def _clean(
    lines: list[tuple[str, list[int], list[int]]],
) -> tuple[list[tuple[str, list[int], list[int]]], list[tuple[int, int]]]:
    """Drop debris lines (rules above); a link-list heading drops the headlines under it; a comments
    heading in the second half of the page drops the rest (readers' comments are not the article)."""
    kept: list[tuple[str, list[int], list[int]]] = []
    removed: list[tuple[int, int]] = []
    total = len(lines)
    in_list = False
    for number, (text, starts, ends) in enumerate(lines):
        stripped = text.strip()
        if not stripped:
            continue
        span = (starts[0], ends[-1])
        if _COMMENTS_HEADING.match(stripped) and number > total * 0.4:
            removed.append((starts[0], lines[-1][2][-1] if lines[-1][2] else ends[-1]))
            break
        if _LIST_HEADING.match(stripped):
            in_list = True
            removed.append(span)
            continue
        if in_list:
            if _is_prose(stripped) and len(stripped) > 120:
                in_list = False
            else:
                removed.append(span)
                continue
        if _DEBRIS_LINE.match(stripped) and (len(stripped) < 100 or not _is_prose(stripped)):
            removed.append(span)
            continue
        tags = _INLINE_HASHTAGS.search(text)
        if tags and tags.start() > 0:
            removed.append((starts[tags.start()], ends[-1]))
            text, starts, ends = text[: tags.start()], starts[: tags.start()], ends[: tags.start()]
        kept.append((text, starts, ends))
    return kept, removed


# ----------------------------------------------------------------------------------- sentences
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def _split(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries in one paragraph, keeping abbreviations (U.S., Gen., Feb.) inside."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        word = re.search(r"([\w.]+)[.!?]+[\"”’')\]]*\s+$", text[start : match.end()])
        if word and match.group(0).startswith(".") and word.group(1).casefold().rstrip(".") in _ABBREVIATIONS:
            continue
        if word and match.group(0).startswith(".") and re.fullmatch(r"[A-Z]", word.group(1)):
            continue  # an initial: "John F. Kennedy"
        end = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
        pieces.append((start, end))
        start = match.end()
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


def read(data: str | bytes, *, max_characters: int = MAX_ARTICLE_CHARACTERS) -> NewsArticle:
    """Read an input (plain text or HTML) into the article's sentences with original offsets.

    ``max_characters`` bounds the article text once page furniture is gone (checking is linear in
    it, about 5 ms per 1,000 characters of news prose once warm: a newspaper article is under 30,000)."""
    source = decode(data)
    if not source.strip():
        return NewsArticle(source, "empty", [], [])
    html = looks_like_html(source)
    if html:
        extras.require("claims-html", what="reading an HTML page")
        lines, removed = _html_lines(source)
    else:
        lines, removed = _text_lines(source), []
    lines, more_removed = _clean(lines)
    removed = sorted(removed + more_removed)
    size = sum(len(text) for text, _, _ in lines)
    if size > max_characters:
        raise ClaimsInputError(
            f"article text too long ({size:,} characters after removing page furniture); the limit is "
            f"{max_characters:,}: check one article at a time, or raise the limit with "
            f"`natosim check --max-chars {size}` (Python: check(text, max_characters={size}))",
            field="max_characters",
        )
    sentences: list[Sentence] = []
    for paragraph, (text, starts, _ends) in enumerate(lines):
        for a, b in _split(text):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if trail <= lead:
                continue
            offsets = tuple(starts[a + lead : a + trail])
            sentences.append(Sentence(piece[lead:trail], offsets[0], _ends[a + trail - 1], offsets, paragraph))
    return NewsArticle(source, "html" if html else "text", sentences, removed)


__getattr__ = renamed(
    __name__, {"Article": (NewsArticle, "use NewsArticle (natosim.rules.Article is an article of the treaty)")}
)
