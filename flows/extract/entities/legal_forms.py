"""Companies and other bodies named with their legal form in front: `株式会社ドワンゴ`,
`一般社団法人日本音楽著作権協会`. The form is part of the registered name, as in the suffix form
`ソフトバンクモバイル株式会社` (`orgs.suffix_candidates`), so the span keeps it; a catalog
organisation after it keeps its entity (`株式会社リコー` is Ricoh)."""
from __future__ import annotations

from flows.extract.entities.lexicon import is_katakana, lexicon
from flows.extract.entities.names import entity_candidate
from flows.extract.entities.view import Candidate, TextView
from flows.text.morphemes import Morpheme

_MAX_MORPHEMES = 6


def _name_end(ms: list[Morpheme], k: int) -> int:
    """End offset of the name that starts at morpheme k: nouns and noun suffixes (著作|権; no number
    and no suffix first), and a ・ between katakana; 0 if no name starts there."""
    end = 0
    for j in range(k, min(len(ms), k + _MAX_MORPHEMES)):
        m = ms[j]
        if j > k and m.start != ms[j - 1].end:
            break  # a space ends it
        if m.surface == "・" and j > k and j + 1 < len(ms) and is_katakana(ms[j - 1].surface[-1]) \
                and is_katakana(ms[j + 1].surface[0]):
            continue
        if not (m.pos1 == "名詞" or j > k and m.pos1 == "接尾辞" and m.pos2 == "名詞的") \
                or m.pos2 == "数詞" and j == k or m.pos3 == "副詞可能" or not m.surface[0].isalnum():
            break
        end = m.end
    return end


def legal_form_candidates(view: TextView, found: list[Candidate]) -> list[Candidate]:
    """`株式会社X`: an ORG from the form to the end of the name after it."""
    text = view.text
    out: list[Candidate] = []
    for hit in lexicon().legal_form_re.finditer(text):
        start, form_end = hit.span()
        i = view.sentence_of(start, form_end)
        if i < 0:
            continue
        ms = view.morphemes(i)
        after = next((k for k, m in enumerate(ms) if m.start == form_end), None)
        if after is None or not any(m.start == start for m in ms):
            continue
        end = _name_end(ms, after)
        if end == 0:
            continue
        if not view.is_free(form_end, end) and not any(start <= c.start and c.end <= end for c in found):
            continue
        inner = view.absorb(found, start, end)
        if inner is None or not view.is_free(start, end):
            continue
        known = [c for c in inner if c.entity_type == "ORG" and c.entity_id and c.end == end]
        view.take(start, end)
        out.append(entity_candidate(view, start, end, "ORG", "suffix", otherwise=known[0].entity_id if known else None,
                                    fixed=True))
    return out
