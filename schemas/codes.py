"""Shared code lists: the allowed values of every coded column.

The extractors import these lists to decide what they may emit; the schemas
import them to check what was emitted. Each list is declared once, here.
"""
from __future__ import annotations

BLOCK_KINDS: tuple[str, ...] = ("title", "body", "heading", "caption")

PRECISIONS_PUBLISHED: tuple[str, ...] = ("day", "month", "year", "unknown")
PRECISIONS_EVENT: tuple[str, ...] = ("day", "week", "month", "year", "unknown")

# OntoNotes names, as the contract lists them.
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT")

QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
ATTRIBUTIONS: tuple[str, ...] = ("explicit", "carried", "unresolved")

# Where the text says a statement was made.
QUOTE_CHANNELS: tuple[str, ...] = (
    "social_media",   # SNS, X, トゥルース・ソーシャル, 投稿
    "press",          # 記者団, 記者会見, 会見
    "statement",      # 声明, 発表
    "interview",      # インタビュー
    "phone_briefing",  # 電話会見
    "report",         # a news organisation's report (報じた, 伝えた)
    "document",       # 文書, 書簡
    "speech",         # 演説, 講演, スピーチ
    "broadcast",      # テレビ, ラジオ, 番組
)

# PLOVER event types (POLECAT's REQUEST stands where the manual says DEMAND).
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)

# PLOVER modes, by the type they refine: the mode tables of the PLOVER manual (OEDA, draft 0.7b1,
# 2021). Types the manual gives no mode table get none. DEMAND (POLECAT's REQUEST) and REJECT share
# one draft table in the manual.
EVENT_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": (),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "police"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "heavy-weapons"),
}
ALL_EVENT_MODES: tuple[str, ...] = tuple(sorted({m for ms in EVENT_MODES.values() for m in ms}))

# Whether an event is reported as fact, as planned, or as possible: the manual's "future" and
# "hypothetical" contexts (its "negation" context is the `negated` column).
EVENT_MODALITIES: tuple[str, ...] = ("asserted", "planned", "hypothetical")

ACTOR_ROLES: tuple[str, ...] = ("source", "target", "location")

# How a mention was found: catalog names versus evidence in the text.
MENTION_METHODS: tuple[str, ...] = (
    "catalog",        # a name or alias of a catalog entry
    "abbreviation",   # a one-kanji country abbreviation (米, ロ, 露 …)
    "title",          # a name before an honorific or title (氏, 大統領 …)
    "suffix",         # an organisation or place name by its suffix (財団, 省 …)
    "acronym",        # an acronym in parentheses after a name
    "bracket",        # a name in 「」 after the word for its kind (IT企業「ネクストウェーブ」)
    "dictionary",     # a proper noun by its UniDic tag
    "coreference",    # a short form of a name found earlier in the article
    "dateline",       # place and reporter of a dateline (【ワシントン=坂口幸裕】)
    "latin",          # a Latin-script name in Japanese text (IBM, Debian)
    "fullname",       # a katakana full name joined by ・ (ジョルジュ・ブラッサンス)
    "model",          # a name found by the entity model (a tagger trained on openly licensed NER data)
)

INPUT_FORMATS: tuple[str, ...] = ("plain", "livedoor", "jsonl")
PROFILES: tuple[str, ...] = ("open", "full")
