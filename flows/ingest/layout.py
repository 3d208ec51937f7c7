"""The lines of a raw article → metadata, boilerplate and classed blocks.

Every line is metadata (removed, its value read into a documents column),
boilerplate (removed), or content. Content lines group into blocks (a
paragraph, heading, caption or the headline); each block is classed by the
rules in `layout_rules.yaml`. Nothing here reads files.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).with_name("layout_rules.yaml")
_OPENERS = "「『（(【〔［[｛{〈《"
_CLOSERS = "」』）)】〕］]｝}〉》"


@dataclass(frozen=True)
class LineRule:
    name: str
    pattern: re.Pattern[str]
    kind: str  # metadata | boilerplate
    ends_article: bool = False
    after_title: bool = False
    clean: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (group, pattern removed from its value)

    def values(self, line: str) -> dict[str, str]:
        found = {k: v.strip() for k, v in self.pattern.search(line.strip()).groupdict().items() if v}
        for key, pattern in self.clean:
            if key in found:
                found[key] = pattern.sub("", found[key]).strip()
        return {k: v for k, v in found.items() if v}


@dataclass(frozen=True)
class LayoutRules:
    lines: tuple[LineRule, ...]
    sentence_final: re.Pattern[str]
    dateline: re.Pattern[str]
    caption_patterns: tuple[re.Pattern[str], ...]
    person_endings: tuple[str, ...]
    heading_max_chars: int
    link_header: re.Pattern[str]
    link_item: re.Pattern[str]


@functools.cache
def load_rules(path: Path = RULES_FILE) -> LayoutRules:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines = [
        LineRule(r["name"], re.compile(r["pattern"]), kind, r.get("ends_article", False), r.get("after_title", False),
                 tuple((k, re.compile(p)) for k, p in r.get("clean", {}).items()))
        for kind in ("metadata", "boilerplate") for r in raw[kind]
    ]
    cap = raw["caption"]
    return LayoutRules(
        lines=tuple(lines),
        sentence_final=re.compile(raw["sentence_final"]),
        dateline=re.compile(raw["dateline"]),
        caption_patterns=tuple(re.compile(p) for p in cap["patterns"]),
        person_endings=tuple(sorted(cap["person_endings"], key=len, reverse=True)),
        heading_max_chars=int(raw["heading_max_chars"]),
        link_header=re.compile(raw["link_section"]["header"]),
        link_item=re.compile(raw["link_section"]["item"]),
    )


@dataclass
class Block:
    kind: str  # title | body | heading | caption
    text: str


@dataclass
class Article:
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule name, line)


def match_line(line: str, rules: LayoutRules) -> LineRule | None:
    stripped = line.strip()
    if not stripped:
        return None
    for rule in rules.lines:
        if rule.pattern.search(stripped):
            return rule
    return None


def split_articles(lines: list[str], rules: LayoutRules | None = None) -> list[list[str]]:
    """Cut a file's lines into articles at end-of-article lines (kept with their article)."""
    rules = rules or load_rules()
    articles: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        rule = match_line(line, rules)
        if rule is not None and rule.ends_article:
            articles.append(current)
            current = []
    if any(line.strip() for line in current):
        if articles and all(match_line(ln, rules) is not None or not ln.strip() for ln in current):
            articles[-1].extend(current)  # only trailing metadata after the last end marker
        else:
            articles.append(current)
    return [a for a in articles if any(ln.strip() for ln in a)]


def _unclosed(text: str) -> int:
    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
    return depth


def _group_paragraphs(lines: list[str], rules: LayoutRules, meta: dict[str, str],
                      removed: list[tuple[str, str]]) -> tuple[list[list[str]], int | None]:
    """Content lines → paragraphs; returns them and the index of the first paragraph after the title."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    title_end: int | None = None
    in_links = False
    for line in lines:
        stripped = line.strip()
        if in_links and (not stripped or rules.link_item.match(line)):
            if stripped:
                removed.append(("reading links", stripped))
            continue
        in_links = bool(stripped) and bool(rules.link_header.match(stripped))
        if in_links:
            removed.append(("reading links", stripped))
            if current:
                paragraphs.append(current)
                current = []
            continue
        rule = match_line(line, rules)
        if rule is not None:
            for key, value in rule.values(line).items():
                meta.setdefault(key, value)
            removed.append((rule.name, line.strip()))
            if current:
                paragraphs.append(current)
                current = []
            if rule.after_title and title_end is None:
                title_end = len(paragraphs)
            continue
        if not line.strip():
            if current:
                paragraphs.append(current)
                current = []
            continue
        current.append(line.rstrip())
    if current:
        paragraphs.append(current)
    return paragraphs, title_end


def _split_lines(paragraph: list[str]) -> list[str]:
    """Each line is a paragraph of its own unless the line before left a bracket open."""
    out: list[str] = []
    for line in paragraph:
        if out and _unclosed(out[-1]) > 0:
            out[-1] = out[-1] + "\n" + line
        else:
            out.append(line)
    return out


def is_caption(text: str, rules: LayoutRules) -> bool:
    flat = text.strip()
    if any(p.search(flat) for p in rules.caption_patterns):
        return True
    return flat.endswith(rules.person_endings) and len(flat) > 4


def classify(texts: list[str], rules: LayoutRules) -> list[str]:
    kinds: list[str | None] = [
        "body" if rules.sentence_final.search(t.strip()) else None for t in texts
    ]
    last_body = max((i for i, k in enumerate(kinds) if k == "body"), default=-1)
    out: list[str] = []
    for i, (text, kind) in enumerate(zip(texts, kinds)):
        if kind is None:
            if is_caption(text, rules):
                kind = "caption"
            elif len(text.strip()) <= rules.heading_max_chars and i < last_body:
                kind = "heading"
            else:
                kind = "body"
        out.append(kind)
    return out


def read_article(lines: list[str], title: str | None = None, rules: LayoutRules | None = None) -> Article:
    """Class the lines of one article. `title` is a headline given by the input format."""
    rules = rules or load_rules()
    meta: dict[str, str] = {}
    removed: list[tuple[str, str]] = []
    paragraphs, title_end = _group_paragraphs(lines, rules, meta, removed)
    blocks: list[Block] = []
    if title and title.strip():
        blocks.append(Block("title", title.strip()))
        meta.setdefault("title", title.strip())
    elif title_end:
        head = "\n".join("\n".join(p) for p in paragraphs[:title_end])
        blocks.append(Block("title", head))
        meta.setdefault("title", " ".join(ln.strip() for p in paragraphs[:title_end] for ln in p))
    body_texts = [t for p in paragraphs[title_end or 0:] for t in _split_lines(p)]
    blocks.extend(Block(k, t) for k, t in zip(classify(body_texts, rules), body_texts))
    first_body = next((b for b in blocks if b.kind == "body"), None)
    if first_body is not None:
        m = rules.dateline.match(first_body.text.strip())
        if m:
            places, names = [m.group("dateline").strip()], []
            for part in m.group("byline").split("、"):       # 【ワシントン=赤木俊介、北京=田島如生】: two pairs
                place, sep, name = part.partition("=") if "=" in part else part.partition("＝")
                if sep and names:
                    places.append(place.strip())
                names.append((name if sep and names else part).strip())
            meta.setdefault("dateline", "、".join(places))
            meta.setdefault("byline", "、".join(names))
    return Article(blocks, meta, removed)
