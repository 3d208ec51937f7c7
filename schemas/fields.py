"""Every published column, described once.

A field is a name, a logical type, whether it may be null, a description for
the data dictionary and, for coded columns, the list of allowed values. The
tables in `tables.py` list fields by name; pandera schemas, Arrow types, the
Frictionless package and DATA_DICTIONARY.md are all generated from here.
"""
from __future__ import annotations

from dataclasses import dataclass

from schemas import codes

# Logical types and what they become downstream.
LOGICAL_TYPES = ("string", "int", "bool", "date", "string_list")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    nullable: bool = False
    enum: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.type not in LOGICAL_TYPES:
            raise ValueError(f"{self.name}: unknown logical type {self.type!r}")


_SPAN = "Unicode code-point offset into `documents.text`"

FIELDS: dict[str, Field] = {f.name: f for f in [
    # identifiers
    Field("doc_id", "string", "Article identifier: `doc-` and the first 16 hex digits of the SHA-256 of the "
          "article text, so the same article gets the same ID on every run and every machine."),
    Field("sentence_id", "string", "Sentence identifier: the `doc_id`, `-s` and the sentence's start and end "
          "offsets, zero-padded, so IDs sort in reading order."),
    Field("mention_id", "string", "Mention identifier: the `doc_id`, `-m` and the mention's start and end offsets. "
          "In `event_actors`, the mention the actor was read from; null when the actor was carried from an "
          "earlier sentence rather than mentioned.", nullable=True),
    Field("quote_id", "string", "Quote identifier: the `doc_id`, `-q` and the quote's start and end offsets."),
    Field("event_id", "string", "Event identifier: the `doc_id`, `-e` and the trigger's start and end offsets."),
    Field("entity_id", "string", "Entity identifier. Catalog entries have a readable ID of their type and English "
          "name (`person:donald-trump`); entities inferred from the text have their type, `~` and a hash of their "
          "Japanese name (`person:~3f2a…`)."),
    # documents
    Field("source_file", "string", "Path of the raw file, relative to the raw folder, with `/` separators."),
    Field("part", "int", "0-based index of the article within its raw file (a file may hold several articles)."),
    Field("input_format", "string", "How the raw file was read: seed-style plain text, livedoor-style or JSONL.",
          enum=codes.INPUT_FORMATS),
    Field("publisher", "string", "Publisher, from `raw/sources.csv` or the article itself (e.g. `Bloomberg`, "
          "`Nikkei Online`).", nullable=True),
    Field("title", "string", "Japanese headline as printed in the article; null when the article has none "
          "(Bloomberg's Japanese articles carry only the original English title).", nullable=True),
    Field("title_original", "string", "Original-language headline, from the `原題:` line; null if none.",
          nullable=True),
    Field("published_at", "date", "Publication date (Japan time), from `raw/sources.csv` when given there, else "
          "from the article (e.g. Nikkei's `Source:` line); null if unknown.", nullable=True),
    Field("published_precision", "string", "Precision of `published_at`.", enum=codes.PRECISIONS_PUBLISHED),
    Field("byline", "string", "Reporter named in the article's dateline (`【ワシントン=坂口幸裕】` gives "
          "`坂口幸裕`); null if none.", nullable=True),
    Field("dateline", "string", "Place named in the article's dateline (`ワシントン`); null if none.",
          nullable=True),
    Field("credits", "string", "Contributors named on the `--取材協力:` line, as printed; null if none.",
          nullable=True),
    Field("rights", "string", "Copyright notice: the article's own (`©2025 Bloomberg L.P.`), else the license "
          "given in `raw/sources.csv`; null if neither.", nullable=True),
    Field("url", "string", "Address of the article online, from the input; null if not given.", nullable=True),
    Field("n_chars", "int", "Length of `documents.text` in Unicode code points."),
    Field("n_sentences", "int", "Number of rows of this article in `sentences`."),
    Field("content_sha256", "string", "SHA-256 (hex) of `documents.text` encoded as UTF-8; `doc_id` derives from "
          "it, so it can check a local full build against the open release."),
    Field("source_sha256", "string", "SHA-256 (hex) of the raw file's bytes, as listed in `manifest.json`."),
    Field("text", "string", "Text of the row: the whole article for `documents` (after decoding, NFC, newline "
          "normalisation and removal of boilerplate and metadata lines), the sentence for `sentences`, the "
          "quoted words for `quotes`. Where the row has a span, it equals `documents.text[start:end]`."),
    # sentences
    Field("paragraph", "int", "0-based index of the block (paragraph, heading, caption or title) within the "
          "article."),
    Field("block_kind", "string", "What kind of block the sentence belongs to.", enum=codes.BLOCK_KINDS),
    Field("start", "int", f"{_SPAN} where the span starts (inclusive)."),
    Field("end", "int", f"{_SPAN} where the span ends (exclusive)."),
    # tokens
    Field("i", "int", "0-based index of the morpheme within its sentence."),
    Field("surface", "string", "Text of the span as written; equals `documents.text[start:end]`."),
    Field("lemma", "string", "Dictionary form from UniDic (sense glosses such as `-trump` removed); the surface "
          "for unknown words."),
    Field("pos", "string", "UniDic part of speech, levels 1-4 joined by `-` (empty levels left out), e.g. "
          "`名詞-固有名詞-人名-一般`."),
    Field("reading", "string", "Reading in katakana from UniDic (`kana`); empty for symbols and unknown words."),
    # entities and mentions
    Field("entity_type", "string", "Entity type (OntoNotes names).", enum=codes.ENTITY_TYPES),
    Field("method", "string", "How the mention was found: a catalog name, a one-kanji country abbreviation, a "
          "name before an honorific or title, an organisation suffix, a name in `「」` after the word for its kind, an acronym in parentheses, a UniDic "
          "proper-noun tag, a short form of a name found earlier in the article, a dateline's place and "
          "reporter, a Latin-script name in Japanese text, a katakana full name joined by `・`, or a name found "
          "by the entity model (a small tagger trained on openly licensed NER data).",
          enum=codes.MENTION_METHODS),
    Field("name", "string", "Canonical Japanese name."),
    Field("name_en", "string", "Usual English name; for inferred entities a romanisation of the Japanese name."),
    Field("wikidata_id", "string", "Wikidata item (`Q…`) when certain; null otherwise (a wrong ID is worse than "
          "none).", nullable=True),
    Field("aliases", "string_list", "Other names and spellings that resolve to this entity (CSV: joined by "
          "`|`)."),
    Field("inferred", "bool", "True when the entity is not in the catalog but was detected from evidence in "
          "the text (its English name is then a romanisation)."),
    Field("n_mentions", "int", "Number of rows of this entity in `mentions`."),
    Field("n_documents", "int", "Number of articles with at least one mention of this entity."),
    # quotes
    Field("quote_kind", "string", "`direct`: a clause or more inside 「」; `partial`: a word or phrase inside "
          "「」 embedded in the reporter's sentence; `indirect`: reported speech without brackets, closed by a "
          "reporting verb (span up to the quotative と).", enum=codes.QUOTE_KINDS),
    Field("speaker_entity_id", "string", "Entity that said it; null if the speaker is anonymous (`当局者`) or "
          "could not be resolved.", nullable=True),
    Field("speaker_text", "string", "Speaker as written in the text: a name with its titles "
          "(`ペスコフ大統領報道官`), or an anonymous source with its modifiers (`欧州高官の1人`); null if unresolved.",
          nullable=True),
    Field("attribution", "string", "`explicit`: the quote's own sentence names the speaker; `carried`: taken "
          "from a neighbouring sentence, as Japanese omits repeated subjects (a quote standing alone as a "
          "sentence takes the speaker of the sentence after it); `unresolved`: no speaker found.",
          enum=codes.ATTRIBUTIONS),
    Field("reporting_verb", "string", "Lemma of the verb that reports the speech (e.g. `述べる`; `する` for "
          "`…とした`/`…としている`, `示す` for `…との考えを示した`); null if none.", nullable=True),
    Field("channel", "string", "Where the text says the words were said or written (`記者団に` → press, "
          "`SNSに投稿` → social_media, `…と報じた` → report); null if it does not say.",
          nullable=True, enum=codes.QUOTE_CHANNELS),
    # events
    Field("trigger", "string", "The predicate that signals the event, as written; equals "
          "`documents.text[start:end]`: a verbal noun (`電話協議`), a verb (`促し`), or object and verb where "
          "the verb makes the event (`制裁を科す`, `計画を撤回`)."),
    Field("event_type", "string", "PLOVER event type.", enum=codes.EVENT_TYPES),
    Field("event_mode", "string", "PLOVER mode refining the type, from the PLOVER manual's mode tables (e.g. "
          "`phone`/`visit`/`third-party` for CONSULT, `release` for RETREAT, `cancel` for SANCTION, `military` "
          "for AID); null if none.",
          nullable=True, enum=codes.ALL_EVENT_MODES),
    Field("negated", "bool", "True when the text says the action did not happen or is not intended "
          "(`制裁を科すつもりはない`). A refusal is a REJECT that happened, not a negated AGREE."),
    Field("modality", "string", "`asserted`: reported as having happened or happening; `planned`: announced or "
          "intended (〜する方針, 〜する予定); `hypothetical`: possible or conditional (〜する可能性, 〜すれば) — "
          "PLOVER's future and hypothetical contexts.", enum=codes.EVENT_MODALITIES),
    Field("event_date", "date", "Calendar date of the event, resolved against `documents.published_at` (a day "
          "of month is the most recent one on or before publication, the next one for a planned event), or taken "
          "from the event the sentence continues; for week precision the Monday of that week, for month the 1st, "
          "for year 1 January; null if unresolved.",
          nullable=True),
    Field("date_precision", "string", "Precision of `event_date`.", enum=codes.PRECISIONS_EVENT),
    Field("date_text", "string", "The date expression as written (e.g. `19日遅く`, `先週`); null if the "
          "sentence gives none (the date, if any, then comes from the event it continues).", nullable=True),
    Field("role", "string", "`source` acts, `target` receives, `location` is where.", enum=codes.ACTOR_ROLES),
    # rejected inputs
    Field("location", "string", "Where in the raw file the rejected input is: empty for the whole file, "
          "`line N` for a line of a JSONL file, `part N` for one article of a file."),
    Field("sha256", "string", "SHA-256 (hex) of the rejected file's bytes; empty if the file could not be "
          "read."),
    Field("reason", "string", "Why the input was rejected, in words a user can act on."),
]}
