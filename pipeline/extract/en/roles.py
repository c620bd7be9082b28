"""Who holds which role in which group, read from role cues and the dependency parse.

Cues (models/patterns/en_roles.jsonl) come in shapes:
  noun     "head of G", "G's vice chairmen", "with A and B as deputy heads", "office director of G",
           "Zhu was its head and Li its deputy head", "Its head is P", "the group has two deputy heads, A and B",
           "A and B served as deputy heads" (the one group of the sentence, or of the sentence before),
           "its secretary" (only of a party work commission, which its secretary heads)
  passive  "G is chaired by P", "G, headed by P", "its office, run from 2013 by P", "assisted by A, B",
           "G includes A and B", "leadership of G passed to P"
  active   "P heads G", "P was tasked to head the group", "P took over G from Q", "P sits on G",
           "the group, which P chairs"
  under    "G, under P", "a science group under P", "G, set up in 2019 under P"   (P leads G)
  replace  "..., replacing P"  (P held the same role before)
  no_longer "..., and that P no longer holds the post"  (likewise)
The person of a noun cue is found by walking up the parse from the cue to an apposition, a
subject or a relative clause, so a name elsewhere in the sentence, in another capacity
("vice-chairman of the Central Military Commission"), is not taken for a member of the group.
"""
from __future__ import annotations

import json

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.extract.en.mentions import Fact, add_fact, index_of, is_office_token, office_follows
from pipeline.extract.en.negation import negated_role
from pipeline.extract.en.resources import PATTERN_DIR
from pipeline.extract.en.role_groups import (LEADERSHIP, joined_conjunct, participle_groups, predicative,
                                             previous_sentence_group, secretary_groups, subject_groups)
from pipeline.extract.en.role_people import (RELATIVE, SUBJECTS, after_as, clause_subject_people, gapped_holder,
                                              head_noun, holders_of, mention_end, next_as, pair_respectively,
                                              people_after, subject_people, token_gap, walk_to_person, with_before)

_CONFIDENCE = {"passive": 0.9, "active": 0.85, "noun": 0.8, "as": 0.75, "under": 0.5, "fallback": 0.5}
_HAVING = frozenset({"has", "have", "had", "includes", "include", "included"})
_INCLUDING = frozenset({"comprises", "comprised", "comprise", "consists", "consisted", "brings", "brought"})
_FOUNDING = frozenset({"set", "established", "formed", "created", "founded", "reconstituted", "reorganised", "reorganized"})
_NAMING = frozenset({"named", "name", "names", "appointed", "appoint", "appoints", "made", "make", "makes",
                     "elected", "elect", "elects", "designated", "chose", "choose", "picked", "became", "become"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this"})


class Roles:
    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        for row in map(json.loads, (PATTERN_DIR / "en_roles.jsonl").read_text("utf-8").splitlines()):
            self.matcher.add(f"{row['label']}|{row['shape']}", [row["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        index = index_of(doc)
        found = [c for c in (Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)) if not negated_role(c)]
        # A verb reading ("tasked to head the group") beats a noun reading of the same word.
        spans = filter_spans(sorted(found, key=lambda span: span.label_.endswith("|noun")))
        by_sentence: dict[int, list[Span]] = {}
        for span in spans:
            by_sentence.setdefault(index.sent(span[0]).start, []).append(span)
        for sent_start, cues in by_sentence.items():
            sent = index.sent(doc[sent_start])
            if not any(index.people[t.i] for t in sent):
                continue
            if not any(index.groups[t.i] for t in sent) and not any(
                    after_as(doc, c) or predicative(head_noun(c)) for c in cues):
                continue
            _RoleReader(doc, sent, cues).read()
        return doc


class _RoleReader:
    def __init__(self, doc: Doc, sent: Span, cues: list[Span]):
        self.doc, self.sent, self.cues = doc, sent, cues
        self.index = index_of(doc)
        self.found: list[Fact] = []

    def read(self) -> None:
        attached: dict[int, tuple[list[int], bool]] = {}
        for cue in self.cues:
            role, shape = cue.label_.split("|")
            if shape == "noun":
                attached[cue.start] = self._noun_group(cue)
        for n, cue in enumerate(self.cues):
            role, shape = cue.label_.split("|")
            if shape == "noun":
                groups, office = attached[cue.start]
                if not groups:  # "member and office director of G": the next cue's group
                    nxt = self.cues[n + 1] if n + 1 < len(self.cues) else None
                    if nxt is not None and nxt.start - cue.end <= 2 and nxt.start in attached:
                        groups, office = attached[nxt.start][0], attached[nxt.start][1] and role != "member"
                self._noun(cue, role, groups, office)
            elif shape == "passive":
                self._passive(cue, role)
            elif shape == "active":
                self._active(cue, role)
            elif shape == "under":
                self._under(cue)
        for cue in self.cues:
            if cue.label_.endswith("|replace"):
                self._replace(cue, people_after(self.index, self.sent, cue.end, all_of_list=False)[:1])
            elif cue.label_.endswith("|no_longer"):  # "... and that P no longer holds the post"
                self._replace(cue, walk_to_person(self.index, cue[-1])[:1])
        if "respectively" in self.sent.text:  # "A and B were its head and deputy head respectively"
            nouns = [c.label_.split("|")[0] for c in self.cues if c.label_.endswith("|noun")]
            self.found = pair_respectively(self.found, self.index.people_in(self.sent.start, self.sent.end), nouns)
        for fact in self.found:
            add_fact(self.doc, fact)

    # -- groups ---------------------------------------------------------------------------
    def _noun_group(self, cue: Span) -> tuple[list[int], bool]:
        doc, index = self.doc, self.index
        office = cue.label_.startswith("office_director")
        of_at = cue.end - 1 if cue[-1].lower_ in ("of", "on") else cue.end  # "his deputy on the group"
        if of_at < self.sent.end and doc[of_at].lower_ == "of" or cue[-1].lower_ == "on":
            for t in doc[of_at + 1: min(of_at + 14, self.sent.end)]:
                if t.lower_ in ("office", "offices"):
                    office = True
                if index.groups[t.i]:
                    named_office = index.office_owner(doc[mention_end(index, t) - 1])  # "the office" of G
                    return index.groups[t.i], bool(office or named_office or office_follows(t, index)
                                                   or is_office_token(t, index))
                if index.people[t.i] or t.text in (";", ":") or (
                        t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")):
                    break
                if t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].lower_ not in _DETERMINERS:
                    break
        for child in head_noun(cue).children:  # "its first head", "the commission's executive deputy"
            if child.dep_ == "poss" and index.groups[child.i]:
                return index.groups[child.i], office or is_office_token(child, index)
            if child.dep_ == "poss" and child.lower_ == "whose" and index.groups[child.head.head.head.i]:
                return index.groups[child.head.head.head.i], office  # "G, whose deputy head is P"
        noun = head_noun(cue)
        if noun.dep_ == "dobj" and noun.head.lower_ in _HAVING:  # "the Hainan group has two deputy heads"
            found = subject_groups(self.index, self.sent, noun.head)
            if found and found[0]:
                return found
        before = doc[max(self.sent.start, cue.start - 3): cue.start]
        for t in reversed(before):
            if t.text in ("'s", "’s") and t.i > 0 and index.groups[t.i - 1]:
                return index.groups[t.i - 1], office
            if index.groups[t.i] and t.i == cue.start - 1:  # "the Central Foreign Affairs Office directors"
                return index.groups[t.i], office or is_office_token(t, index)
        return [], office

    # -- shapes ---------------------------------------------------------------------------
    def _noun(self, cue: Span, role: str, groups: list[int], office: bool) -> None:
        doc = self.doc
        if cue.start > 0 and doc[cue.start - 1].lower_ == "party":  # party chief/secretary: not the group role
            return
        noun = head_noun(cue)
        if (noun.dep_ in ("dobj", "dative") and noun.head.lower_ not in _HAVING | _NAMING
                and gapped_holder(self.index, cue) is None):
            return  # "Xi told its members that ...": the subject addresses the role holders, holds no role
        how = "noun"
        people: list = []
        if cue.start > 0 and doc[cue.start - 1].lower_ in ("its", "their") and self._subject_is_office():
            office = True  # "The office of the group ..., with P as its director"
        if after_as(doc, cue):
            with_at = with_before(doc, cue.start)
            if with_at is not None:
                # "with A as its adviser and B as deputy head": A's "as" is not this cue's
                own_as = max(t.i for t in doc[max(0, cue.start - 4): cue.start] if t.lower_ == "as")
                people = [p for p in self.index.people_in(with_at + 1, cue.start)
                          if next_as(doc, p.end, cue.start) == own_as]
                how = "as"
                if not groups:
                    groups = self.index.sentence_groups(self.index.sent(doc[with_at]))[:1]
        gapped = gapped_holder(self.index, cue)
        if gapped is not None:  # "Zhu was its head and Li its deputy head"
            people, how = [gapped], "as"
            if not groups:
                groups = self._earlier_cue_groups(cue)
        noun = head_noun(cue)
        if not groups and predicative(noun):
            # "Xi is its director; A and B are deputy directors", "A and B served as deputy heads",
            # "A and B were named deputy leaders": the one group the sentence names
            named = self.index.sentence_groups(self.sent) or previous_sentence_group(self.index, self.sent)
            groups = named if len(named) == 1 else []
        if any(t.lower_.startswith("secretar") for t in cue):  # a party work commission's head is its secretary
            groups = secretary_groups(cue, groups)
        if not groups:
            return
        if not people:  # not the holder of another cue's gapped clause ("and Li its deputy head")
            others = {id(gapped_holder(self.index, c)) for c in self.cues if c is not cue}
            walked = holders_of(self.index, head_noun(cue))
            people = [p for p in walked if id(p) not in others]
            if walked and not people:  # "Zhu was its head and Li its deputy head": Zhu is the subject
                people = [p for p in clause_subject_people(self.index, head_noun(cue)) if id(p) not in others]
        if not people and head_noun(cue).dep_ == "dobj" and head_noun(cue).head.lower_ in _HAVING:
            people = self.index.people_in(cue.end, self.sent.end)  # "the group has two deputy heads, A and B"
        if not people:
            others = {p.name for p in self.index.people_in(self.sent.start, self.sent.end)}
            if len(others) == 1:
                people, how = self.index.people_in(self.sent.start, self.sent.end)[:1], "fallback"
        self._emit(cue, role, groups, office, people, how)

    def _earlier_cue_groups(self, cue: Span) -> list[int]:
        for other in reversed([c for c in self.cues if c.end <= cue.start]):
            if other.label_.endswith("|noun"):
                groups, _office = self._noun_group(other)
                if groups:
                    return groups
        return self.index.sentence_groups(self.sent)[:1]

    def _subject_is_office(self) -> bool:
        return any(t.lower_ == "office" and t.dep_ in SUBJECTS and self.index.office_owner(t) for t in self.sent)

    def _passive(self, cue: Span, role: str) -> None:
        attached = subject_groups(self.index, self.sent, cue[0])
        if not attached or not attached[0]:
            return
        groups, office = attached
        people = people_after(self.index, self.sent, cue.end, all_of_list=(role == "member"))
        if cue[0].lower_ == "run" and not office:
            return
        if cue[0].lower_ in _HAVING | _INCLUDING:  # "the group includes A and B": only its object's people
            listed = {i for c in cue[-1].children if c.dep_ in ("dobj", "pobj", "attr") for i in
                      range(c.left_edge.i, c.right_edge.i + 1)}
            people = [p for p in people if any(self.index.people[i] is p for i in listed)]
        self._emit(cue, role, groups, office, people, "passive")

    def _active(self, cue: Span, role: str) -> None:
        verb = cue[0]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        objects += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "over", "to")  # "sits on G"
                    for g in p.children if g.dep_ == "pobj"]
        objects += [g for o in objects if o.lower_ in LEADERSHIP | {"charge", "seat"}  # "took charge of G"
                    for p in o.children if p.lower_ in ("of", "on") for g in p.children if g.dep_ == "pobj"]
        if verb.dep_ == "relcl" and any(o.lower_ in RELATIVE for o in objects):
            objects.append(verb.head)  # "the group, which Xi chairs,"
        groups, office = [], False
        for obj in objects:
            owner = self.index.office_owner(obj)
            groups, office = (owner, True) if owner else (self.index.groups[obj.i], is_office_token(obj, self.index))
            if groups:
                break
        if not groups or (verb.lower_ in ("run", "runs") and not office):
            return
        if not office:  # "leads G1, which oversees ..., and G2": the parser may hang G2 on the verb
            also = [c for o in objects for c in (*o.conjuncts, *(x for x in verb.children if x.dep_ == "conj"),
                                                 *(x for x in o.subtree if x.dep_ == "conj" and joined_conjunct(x)))
                    if c.pos_ in ("NOUN", "PROPN") and not is_office_token(c, self.index)]
            groups = list(dict.fromkeys([*groups, *(g for c in also for g in self.index.groups[c.i][:1])]))
        holders = walk_to_person(self.index, verb)
        if verb.dep_ == "relcl" and verb.head in objects:
            holders = [p for c in verb.children if c.dep_ in SUBJECTS for p in subject_people(self.index, c)]
        self._emit(cue, role, groups, office, holders, "active")
        previous = [p for c in (*verb.children, *(c for o in objects for c in o.children))
                    if c.dep_ == "prep" and c.lower_ == "from"
                    for p in (self.index.people[g.i] for g in c.children if g.dep_ == "pobj") if p is not None]
        if previous and cue[-1].lower_ == "over":  # "took over the group from P"
            self._emit(cue, role, groups, office, previous[:1], "under")

    def _under(self, cue: Span) -> None:
        before = self.doc[cue.start - 1] if cue.start > 0 else None
        if before is None:
            return
        groups = self.index.groups[before.i]
        founding = cue[-1].head
        if not groups and founding.lower_ in _FOUNDING:  # "the group, set up in 2019 under P"
            found = participle_groups(self.index, founding)
            groups = found[0] if found and not found[1] else []
        if not groups and founding.lower_ in _FOUNDING:  # "set up the group in May 2008 under P"
            objects = [c for c in founding.children if c.dep_ == "dobj" and not is_office_token(c, self.index)]
            groups = self.index.groups[objects[0].i] if objects else []
        if not groups:
            return
        people = people_after(self.index, self.sent, cue.end, all_of_list=False)
        if cue[0].text != "," and people and token_gap(self.doc, cue.end, people[0].start) > 3:
            return  # "the group under the State Council, Li said": Li leads no group
        self._emit(cue, "leader", groups, False, people[:1], "under")

    def _replace(self, cue: Span, replaced: list) -> None:
        """`replaced` held the roles this sentence gives someone else."""
        if not replaced or cue.label_.endswith("|replace") and token_gap(self.doc, cue.end, replaced[0].start) > 4:
            return
        for fact in list(self.found):
            if fact.person != replaced[0].name:
                self.found.append(Fact(**{**fact.__dict__, "person": replaced[0].name,
                                          "short_forms": [replaced[0].surface],
                                          "confidence": fact.confidence - 0.15}))

    def _emit(self, cue: Span, role: str, groups: list[int], office: bool, people: list, how: str) -> None:
        if office:
            if role not in ("leader", "office_director"):
                return
            role = "office_director"
        sources = {self.index.group_sources[t.i] for t in self.sent if self.index.groups[t.i]}
        penalty = 0.1 if sources == {"coreference"} else 0.0
        for person in people:
            for group in groups:
                self.found.append(Fact(kind="membership", group=group, start=self.sent.start_char,
                                       end=self.sent.end_char, role=role, person=person.name,
                                       short_forms=[person.surface], office=office,
                                       confidence=_CONFIDENCE[how] - penalty - (0 if person.full else 0.1)))


@Language.factory("lsg_roles")
def make_roles(nlp: Language, name: str) -> Roles:
    return Roles(nlp)
