"""Which date an event verb takes: a date in its sentence, else the narrative date.

    2018年3月，…不再保留X。                         in the sentence (before the verb wins)
    2014年2月，中央召开会议。会议决定成立X。          earlier in the same paragraph
    2018年3月，中共中央印发《方案》。…方案提出，组建X。 a reform plan's month (the plan's events
                                                    carry no dates of their own), also for the
                                                    items of a digest (●不再设立X) after it
A date in a document's title (关于1953年…的指示) is its topic, not the event's; in "X成立后，…"
only a date before the verb counts.
A reporting date ("6月1日，记者…获悉，…成立") says when the news was heard, not when it happened;
"此前/后来/曾" before the verb sets the event at another time than the narrative's.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from pipeline.extract.zh.facts import CONFIDENCE, doc_text
from pipeline.extract.zh.lexicon import event_rules
from pipeline.extract.zh.segments import line_spans, sentence_spans


@lru_cache(maxsize=1)
def _words(key: str) -> tuple[str, ...]:
    return tuple(row[key] for row in event_rules() if key in row)


def sentence_date(doc: Doc, verb: int, sentence: tuple[int, int], after: bool = True) -> str | None:
    """The last date before the verb in its sentence (unless a reporting date), else (`after`)
    the first after."""
    text = doc_text(doc)
    dates = [d for d in doc._.zh_dates if sentence[0] <= d[0] and d[1] <= sentence[1]
             and not _in_title(text, d[0], sentence[0])]
    before = [d for d in dates if d[1] <= verb]
    if before:
        _, end, value = before[-1]
        if any(word in doc_text(doc)[end:verb] for word in _words("reporting")):
            return None
        return value
    later = [d for d in dates if d[0] >= verb] if after else []
    return later[0][2] if later else None


def event_date(doc: Doc, verb: int, sentence: tuple[int, int], narrative: bool = True) -> tuple[str, float] | None:
    """(date, confidence) for an event stated at `verb`, or None when the text gives no date;
    `narrative` False: only a date in the sentence counts."""
    # "X成立后，…调整1978年提出的指标": a later date in a time clause's sentence is another event's
    in_sentence = sentence_date(doc, verb, sentence, after=narrative)
    if in_sentence:
        return in_sentence, CONFIDENCE["event"]
    text = doc_text(doc)
    if not narrative or _reported(doc, sentence) or _told_apart(text, sentence[0], verb):
        return None
    paragraph = next((span for span in line_spans(text) if span[0] <= sentence[0] < span[1] + 1), sentence)
    earlier = [d for d in doc._.zh_dates if d[1] <= sentence[0]]
    in_paragraph = [d for d in earlier if d[0] >= paragraph[0]]
    if in_paragraph and not _reported_between(text, in_paragraph[-1][1], sentence[0]):
        return in_paragraph[-1][2], CONFIDENCE["context_date"]
    cue = any(word in text[paragraph[0]:sentence[1]] for word in _words("plan_cue"))
    if cue and earlier:
        return earlier[-1][2][:7], CONFIDENCE["context_date"]  # the plan's month
    plan = _plan_date(doc, sentence[0])
    return (plan, CONFIDENCE["context_date"]) if plan else None


def _plan_date(doc: Doc, before: int) -> str | None:
    """A digest of a reform plan ("2018年3月，中共中央印发《…方案》。…●不再设立X"): the items
    after the sentence that issues the plan carry its month."""
    text = doc_text(doc)
    for start, end in reversed([span for span in sentence_spans(text) if span[1] <= before]):
        if any(word in text[start:end] for word in _words("plan_cue")) and \
                any(verb in text[start:end] for verb in _words("plan_issued")):
            dates = [d for d in doc._.zh_dates if start <= d[0] and d[1] <= end and len(d[2]) >= 7]
            return dates[0][2][:7] if dates else None
    return None


def _in_title(text: str, start: int, sentence_start: int) -> bool:
    """"关于1953年继续开展…的指示", "《2018年…方案》": a date in a document's title is its topic."""
    clause = text[sentence_start:start]
    cut = max(clause.rfind(ch) for ch in ",，;；:：")
    opened = clause.rfind("《")
    return "关于" in clause[cut + 1:] or opened > clause.rfind("》")


def _told_apart(text: str, start: int, verb: int) -> bool:
    """"此前，中央曾成立X", "会后/后来X撤销": a time of its own, not the narrative's."""
    return any(word in text[start:verb] for word in _words("time_shift"))


def _reported(doc: Doc, sentence: tuple[int, int]) -> bool:
    return any(word in doc_text(doc)[sentence[0]:sentence[1]] for word in _words("reporting"))


def _reported_between(text: str, start: int, end: int) -> bool:
    return any(word in text[start:end] for word in _words("reporting"))
