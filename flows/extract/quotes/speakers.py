"""Speaker phrases: who a は/が phrase names, resolved to an entity where a mention allows.

A speaker phrase is the run of nouns right before は/が/も (titles, country
abbreviations and parentheses included: ロシアのペスコフ大統領報道官は →
ペスコフ大統領報道官). Inside it the head is a PERSON mention, else an ORG, else
a country with a speaking suffix (ロシア側, 米政府). With no mention the
phrase may still name a speaker: an anonymous source from the lexicon
(欧州高官の1人, モスクワの関係者2人), an anaphor (同氏, 同紙) resolved to the
last entity of its type, a name the extractor missed (佳美さん), a role noun
(研究者, 野党側, スポーツ紙のデスク: no entity) or a bare title (監督, 長官: the last
speaker who bore it, else no entity). Role speakers speak in their own clause
but are no topic to carry (受賞者は緊張で…). A phrase
that coordinates two people (プーチン氏とゼレンスキー大統領は, 両首脳は) names
no single speaker: it is kept as written, with no entity.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from flows.extract.entities.coreference import person_written_with
from flows.extract.quotes.lexicon import framing
from flows.extract.quotes.lexicon import speakers as lexicon
from flows.extract.quotes.tokens import PAREN_CLOSERS, PAREN_OPENERS, is_particle, is_sahen_noun, is_subject_particle
from flows.text.morphemes import Morpheme

SPEAKER_TYPES = ("PERSON", "ORG", "GPE")
HIRAGANA = re.compile(r"[\u3041-\u309f]")
PARENS = re.compile(r"[(（][^()（）]*[)）]")
COUNTED = r"(?:[0-9０-９一二三四五六七八九十数複]+[人名])?(?:ら|たち|の一部|の多く)?"


_FOCUS = ("だけ", "こそ", "さえ", "まで", "ばかり")   # 森泉だけは: the phrase before the focus particle


@dataclass(frozen=True)
class Speaker:
    start: int                 # offsets of speaker_text in the document
    end: int
    entity_id: str | None
    entity_type: str | None    # PERSON, ORG, GPE, or None when unknown
    kind: str                  # "named" | "anonymous" | "public" (ファン, 視聴者) | "anaphora"
    role: bool = False         # named by a role only (研究者, 監督): speaks in its own clause, is no topic to carry
    group: bool = False        # two or more speakers (両首脳, AとB): speaks through a verb of saying only


@cache
def _anonymous_tail() -> re.Pattern[str]:
    words = sorted(lexicon()["anon_all"], key=len, reverse=True)
    return re.compile("(?P<word>" + "|".join(map(re.escape, words)) + ")" + COUNTED + "$")


@cache
def _quantifier() -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(lexicon()["quantifiers"], key=len, reverse=True)))
    return re.compile(rf"^(?:[0-9０-９一二三四五六七八九十]+[人名]|{words})$")


class Mentions:
    """Mentions of a document, found by position."""

    def __init__(self, mentions: list[dict]):
        self.items = sorted((m for m in mentions if m.get("entity_type")), key=lambda m: (m["start"], -m["end"]))
        self.starts = [m["start"] for m in self.items]

    def within(self, a: int, b: int) -> list[dict]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.items) and self.items[i]["start"] < b:
            if self.items[i]["end"] <= b:
                out.append(self.items[i])
            i += 1
        return out

    def covering(self, offset: int) -> dict | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        for j in range(i, max(i - 8, -1), -1):
            if self.items[j]["start"] <= offset < self.items[j]["end"]:
                return self.items[j]
        return None

    def last_before(self, offset: int, entity_type: str) -> dict | None:
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            if self.items[i]["entity_type"] == entity_type and self.items[i]["end"] <= offset:
                return self.items[i]
            i -= 1
        return None


def run_back(ms: list[Morpheme], k: int, lo: int) -> int:
    """Start of the noun run (parentheses included) that ends right before ms[k]."""
    i = k - 1
    while i >= lo:
        m = ms[i]
        if m.surface in PAREN_CLOSERS:
            j, depth = i - 1, 1
            while j >= lo and depth:
                depth += (ms[j].surface in PAREN_CLOSERS) - (ms[j].surface in PAREN_OPENERS)
                j -= 1
            if depth:
                break
            i = j
            continue
        if m.pos1 in ("名詞", "接尾辞", "接頭辞", "代名詞") or m.pos1 == "補助記号" and m.pos2 == "一般" \
                or m.surface in (".", "．") and i + 1 < k and i > lo \
                or m.pos1 == "形状詞" and i + 1 < k and ms[i + 1].pos1 == "名詞" and ms[i + 1].start == m.end \
                and i > lo and ms[i - 1].pos1 == "名詞" and ms[i - 1].end == m.start:
            i -= 1     # G.G.スパロウ; ドミトリエフ|特別|代表: an adjectival noun inside a compound title
            continue
        break
    return i + 1


def run_forward(ms: list[Morpheme], i: int, hi: int) -> int:
    """End of the noun run starting at ms[i] (parentheses included)."""
    while i < hi:
        m = ms[i]
        if m.surface in PAREN_OPENERS:
            j, depth = i + 1, 1
            while j < hi and depth:
                depth += (ms[j].surface in PAREN_OPENERS) - (ms[j].surface in PAREN_CLOSERS)
                j += 1
            if depth:
                break
            i = j
            continue
        if m.pos1 in ("名詞", "接尾辞", "接頭辞", "代名詞") or m.pos1 == "補助記号" and m.pos2 == "一般":
            i += 1
            continue
        break
    return i


class SpeakerFinder:
    """Speaker phrases of one document; remembers resolved speakers for anaphora (同氏, 同紙)."""

    def __init__(self, text: str, mentions: Mentions):
        self.text = text
        self.mentions = mentions
        self.history: list[Speaker] = []
        self.lex = lexicon()
        self.person_suffixes = tuple(sorted(self.lex["person_suffixes"], key=len, reverse=True))
        self.media = tuple(sorted(self.lex["media_suffixes"], key=len, reverse=True))

    # -- the phrase itself ------------------------------------------------------------------
    def _paren_spans(self, ms: list[Morpheme], a: int, b: int) -> list[tuple[int, int]]:
        spans, stack = [], []
        for m in ms[a:b]:
            if m.surface in PAREN_OPENERS:
                stack.append(m.start)
            elif m.surface in PAREN_CLOSERS and stack:
                spans.append((stack.pop(), m.end))
        return spans

    def phrase(self, ms: list[Morpheme], a: int, b: int) -> Speaker | None:
        """The speaker named by morphemes a..b-1 (a noun run), or None."""
        if a >= b:
            return None
        parens = self._paren_spans(ms, a, b)
        if parens and parens[-1][1] == ms[b - 1].end and parens[-1][0] > ms[a].start \
                and self.text[parens[-1][0] + 1:parens[-1][0] + 2].isdigit():
            b = next(k for k in range(a, b) if ms[k].start == parens[-1][0])   # 田村和夫さん|（71）: the age
            parens.pop()                                 # is an aside; ルビオ（国務長官） keeps its title
        start, end = ms[a].start, ms[b - 1].end
        text = self.text[start:end]
        if any(text.startswith(p) for p in self.lex["coordination"]):
            return None
        outside = [m for m in self.mentions.within(start, end)
                   if m["entity_type"] in SPEAKER_TYPES and not any(p <= m["start"] < q for p, q in parens)]
        bare = text
        for p, q in reversed(parens):
            bare = bare[:p - start] + bare[q - start:]
        anonymous = _anonymous_tail().search(bare)
        anon_kind = "public" if anonymous and anonymous.group("word") in self.lex["anon_public"] else "anonymous"
        for etype in SPEAKER_TYPES:
            heads = [m for m in outside if m["entity_type"] == etype]
            if not heads:
                continue
            head = heads[-1]
            tail = self.text[head["end"]:end]
            tail_ms = [m for m in ms[a:b] if m.start >= head["end"]]
            if tail_ms and is_sahen_noun(tail_ms[-1]) and tail_ms[-1].end == end \
                    and not tail.endswith(self.person_suffixes):
                return None                                   # トランプ氏発言: an act (but 監督 is a title)
            if anonymous and tail and self._anonymous_after(tail, etype):
                return Speaker(start, end, None, None, anon_kind)
            if etype == "GPE" and tail and not tail.startswith(("(", "（")) \
                    and not any(tail.startswith(s) for s in self.lex["gpe_suffixes"]):
                continue                                      # ウクライナ東部: a place, not a speaker
            return Speaker(head["start"], end, head["entity_id"], etype, "named")
        if anonymous and text.startswith(self.lex["anaphora_prefix"]) and (sp := self._anaphor(text, start, end)):
            return sp                                         # 同報道官: the spokesman named before, not anonymous
        if anonymous:
            return Speaker(start, end, None, None, anon_kind)
        media = bare.endswith(self.media) and next(x for x in self.media if bare.endswith(x))
        if media and len(bare) - len(media) >= 2 and not HIRAGANA.search(bare):
            return Speaker(start, end, None, "ORG", "named")     # ザ・サン紙, 英紙: a news organisation
        return self._anaphor(text, start, end) or self._unlinked(ms, a, b, text, start, end)

    def _anonymous_after(self, tail: str, etype: str) -> bool:
        """After a name: 側近, 関係者 always head the phrase; 報道官, 高官 only after an honorific or an ORG."""
        core = re.sub(COUNTED + "$", "", tail)
        if etype == "GPE" and core in self.lex["gpe_suffixes"]:
            return False                                      # ロシア政府, 米当局: the country speaks
        if any(core.endswith(w) for w in self.lex["anon_group"]):
            return True
        honorific = tail.startswith(("氏", "さん", "様")) or etype != "PERSON"
        return honorific and any(core.endswith(w) for w in self.lex["anon_role"])

    def _anaphor(self, text: str, start: int, end: int) -> Speaker | None:
        lex = self.lex
        if text in lex["pronouns"]:
            etype = "PERSON"
        elif text.startswith(lex["anaphora_prefix"]) and len(text) > 1:
            head = text[len(lex["anaphora_prefix"]):]
            if head in lex["anaphora_person"]:
                etype = "PERSON"
            elif head in lex["anaphora_org"]:
                etype = "ORG"
            elif head in lex["anaphora_gpe"]:
                etype = "GPE"
            else:
                return None
        else:
            return None
        m = self.mentions.last_before(start, etype)
        if m is not None:
            return Speaker(start, end, m["entity_id"], etype, "anaphora")
        for sp in reversed(self.history):
            if sp.entity_type == etype and sp.entity_id and sp.end <= start:
                return Speaker(start, end, sp.entity_id, etype, "anaphora")
        return Speaker(start, end, None, etype, "anaphora")

    def _unlinked(self, ms: list[Morpheme], a: int, b: int, text: str, start: int, end: int) -> Speaker | None:
        """A person the entity extractor missed: 佳美さん, 富永美樹 (UniDic person names), 金平会長
        (a name without kana before a person title)."""
        text = PARENS.sub("", text).strip()          # 寛さん（33歳）
        suffix = text.endswith(self.person_suffixes) and next(s for s in self.person_suffixes if text.endswith(s))
        own, depth = [], 0
        for m in ms[a:b]:
            depth += (m.surface in PAREN_OPENERS) - (m.surface in PAREN_CLOSERS)
            if depth == 0 and m.pos1 != "補助記号":
                own.append(m)                                # 寛さん（33歳）: the parenthesis aside
        if suffix and own and not own[-1].surface.endswith(suffix) or suffix and own and \
                own[-1].surface != suffix and len(own[-1].surface) > len(suffix) and own[-1].pos1 != "接尾辞":
            suffix = False                                 # 模様 is a word, not 模 + 様
        if suffix and text[:-len(suffix)] in self.lex["title_prefixes"]:
            return self._title(text, start, end)                  # 上級顧問, チーフエコノミスト: a bare title
        if suffix and len(text) > len(suffix) and not HIRAGANA.search(text[:-len(suffix)]):
            return Speaker(start, end, None, "PERSON", "named")
        names = [m for m in ms[a:b] if m.pos3 == "人名" and m.pos2 == "固有名詞"]
        if names and all(m.pos3 == "人名" or m.pos1 == "接尾辞" for m in ms[a:b]):
            return Speaker(start, end, None, "PERSON", "named")
        if len(own) > 1 and own[-1].surface in self.lex["role_suffixes"]:
            return Speaker(start, end, None, None, "anonymous", True)     # 研究者, 評論家, 野党側
        if suffix and text == suffix and suffix not in self.lex["honorifics"]:
            return self._title(text, start, end)                  # 監督は「…」: the coach of the story
        return None

    def _title(self, title: str, start: int, end: int) -> Speaker:
        """A bare title (監督, 首相): the last speaker who bore it (佐藤監督, 石破首相), else nobody named."""
        for sp in reversed(self.history):
            if sp.end <= start and sp.entity_id and sp.end - sp.start > len(title) \
                    and self.text[sp.start:sp.end].endswith(title):
                return Speaker(start, end, sp.entity_id, sp.entity_type, "anaphora", True)
        bearer = person_written_with(self.mentions.items, self.text, start, title)
        if bearer is not None:   # 石破茂首相は…。首相は「…」: the person named with the title before
            return Speaker(start, end, bearer["entity_id"], "PERSON", "anaphora", True)
        return Speaker(start, end, None, None, "anonymous", True)

    def plain(self, ms: list[Morpheme], a: int, k: int, lo: int) -> Speaker:
        """Whatever noun phrase a..k-1 is, as an unresolved speaker (73.8%の女性, zakzak); a genitive
        modifier joins it unless it is a time (1日のzakzak → zakzak)."""
        sp = self.phrase(ms, a, k)
        if sp is not None:
            return sp
        m0 = self._genitive_modifier(ms, a, lo)
        times = framing()["time_words"]
        if m0 < a and not any(m.surface in times or m.lemma in times for m in ms[m0:a - 1]):
            a = m0
        return Speaker(ms[a].start, ms[k - 1].end, None, None, "anonymous")

    # -- phrases in a sentence --------------------------------------------------------------
    def before_particle(self, ms: list[Morpheme], k: int, lo: int, groups: bool = False) -> Speaker | None:
        """The speaker phrase ending right before ms[k] (a particle), not reaching before lo; with
        `groups`, two or more people (両首脳, AとB) as one group speaker with no entity."""
        a = run_back(ms, k, lo)
        if a >= k:
            return None
        if groups and any(self.text.startswith(p, ms[a].start) for p in self.lex["coordination"]):
            return Speaker(ms[a].start, ms[k - 1].end, None, None, "anonymous", group=True)
        head_text = self.text[ms[a].start:ms[k - 1].end]
        if _quantifier().match(head_text) and a - 1 > lo and is_particle(ms[a - 1], "の"):
            a2 = run_back(ms, a - 1, lo)             # 欧州高官の1人
            if a2 < a - 1 and _anonymous_tail().search(self.text[ms[a2].start:ms[a - 2].end]):
                return Speaker(ms[a2].start, ms[k - 1].end, None, None, "anonymous")
        sp = self.phrase(ms, a, k)
        if sp is None:
            return None
        if sp.kind in ("anonymous", "public"):
            a = self._genitive_modifier(ms, a, lo)
            return Speaker(ms[a].start, sp.end, None, None, sp.kind, sp.role)
        first = self._coordinated(ms, a, lo)
        if first is not None:   # two speakers: the phrase as written, no single entity
            return Speaker(ms[first].start, sp.end, None, None, "anonymous", group=True) if groups else None
        return sp

    def _genitive_modifier(self, ms: list[Morpheme], a: int, lo: int) -> int:
        """欧州の高官, 米国と欧州の当局者, 別の高官: one genitive modifier joins an anonymous phrase, as
        does the short clause that says what the source knows (事情に詳しい関係者, 計画を知る関係者)."""
        for words in self.lex["knowing_clauses"]:
            n = len(words)
            if a - n > lo and [m.surface for m in ms[a - n:a]] == words:
                m0 = run_back(ms, a - n, lo)
                return m0 if m0 < a - n else a
        if a - 1 <= lo or not is_particle(ms[a - 1], "の"):
            return a
        m0 = run_back(ms, a - 1, lo)
        if m0 >= a - 1:
            return a
        if m0 - 1 > lo and is_particle(ms[m0 - 1], "と", "や"):
            m1 = run_back(ms, m0 - 1, lo)
            if m1 < m0 - 1:
                return m1
        return m0

    def _coordinated(self, ms: list[Morpheme], a: int, lo: int) -> int | None:
        """プーチン氏とウクライナのゼレンスキー大統領は: the phrase is the second of two; the index where
        the first begins, or None."""
        p = a - 1
        if p > lo and is_particle(ms[p], "の"):
            p = run_back(ms, p, lo) - 1
        if p > lo and is_particle(ms[p], "と", "や") and ms[p - 1].pos1 in ("名詞", "接尾辞"):
            return run_back(ms, p, lo)
        return None

    def candidates(self, ms: list[Morpheme], a: int, b: int, skip: list[bool],
                   groups: bool = False) -> list[tuple[int, Speaker]]:
        """(particle index, speaker) for every は/が/も speaker phrase in a..b-1, in text order; group
        speakers with `groups`, before は/も only (ペスコフ氏は、AとBが「…」と述べた: A and B are what is
        reported, not who reports it)."""
        out = []
        for k in range(max(a, 1), b):
            m = ms[k]
            if skip[k] or not is_subject_particle(m) or skip[k - 1]:
                continue
            head = k
            if ms[k - 1].pos1 == "助詞":
                if not (ms[k - 1].surface in _FOCUS and ms[k - 1].pos2 == "副助詞" and k >= 2
                        and ms[k - 2].pos1 != "助詞"):
                    continue
                head = k - 1                                # 森泉だけは、「…」: a focus particle before は
            sp = self.before_particle(ms, head, a, groups and m.surface != "が")  # AとBが: what they did, reported
            if sp is not None and (m.surface != "も" or sp.entity_id is not None or sp.entity_type == "PERSON"
                                   or self._opens_quote(ms, k + 1, len(ms))):   # 友人も: a list; 友人も「…」
                out.append((k, sp))
        return out

    @staticmethod
    def _opens_quote(ms: list[Morpheme], k: int, b: int) -> bool:
        """A bracket opens at ms[k], a comma before it allowed."""
        if k < b and ms[k].pos1 == "補助記号" and ms[k].pos2 == "読点":
            k += 1
        return k < b and ms[k].surface in ("「", "『")

    def after(self, ms: list[Morpheme], i: int, hi: int) -> Speaker | None:
        """A speaker phrase starting at ms[i] (と話すウクライナのゼレンスキー大統領)."""
        end = run_forward(ms, i, hi)
        if end < hi and is_particle(ms[end], "の") and end + 1 < hi:
            end2 = run_forward(ms, end + 1, hi)     # one genitive: ウクライナの|ゼレンスキー大統領
            if end2 > end + 1:
                sp = self.phrase(ms, end + 1, end2)
                if sp is not None:
                    return sp
        sp = self.phrase(ms, i, end) if end > i else None
        if sp is not None and sp.role and end < hi and is_particle(ms[end], "の"):
            return None                     # と質問した番組側のリサーチ不足: the clause modifies another noun
        return sp

    def remember(self, sp: Speaker) -> None:
        self.history.append(sp)
