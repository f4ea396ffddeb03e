"""Where a web page's content is: a text-density rule that works on any page.

Navigation menus, ribbons, breadcrumbs and footers are mostly link text; the
specification is mostly not. The main content is the subtree that keeps the most words
outside links less the words in links, so no site's markup is needed to find it.
"""

from __future__ import annotations

from collections.abc import Callable

import lxml.etree

# Text inside these is navigation, not content: what the density rule weighs against.
_LINK_TAGS = frozenset(("a", "button"))


def main_content(
    body: lxml.etree._Element, skip_tags: frozenset[str], link_weight: float = 1.0
) -> lxml.etree._Element:
    """The element that holds the page's content: the subtree with the most words
    outside links less `link_weight` times the words in links, the outermost on a tie.

    Menus, ribbons, breadcrumbs and footers are mostly link text, so any subtree that
    takes them in scores lower than the content beside them; a page without such
    furniture (a Word export, a plain page) keeps its whole body. One pass over the
    elements, each scored after its children; words are counted by `str.split`.
    """
    if next(body.iter("button"), None) is None and all(a.get("href") is None for a in body.iter("a")):
        return body  # no links at all (Word exports): nothing to weigh
    best = _Best(body, float("-inf"), link_weight, skip_tags)
    try:
        # One Python call per element; the event walk below costs two loop turns and
        # more bookkeeping per element (big portal pages have thousands).
        _measure(body, False, best)
    except RecursionError:  # nested deeper than Python recurses: the same rule, iteratively
        return _main_content_walk(body, skip_tags, link_weight)
    return best.element


class _Best:
    """The best-scoring element so far and what scoring needs."""

    __slots__ = ("element", "link_weight", "score", "skip_tags")

    def __init__(
        self, element: lxml.etree._Element, score: float, link_weight: float, skip_tags: frozenset[str]
    ) -> None:
        self.element, self.score, self.link_weight, self.skip_tags = element, score, link_weight, skip_tags


def _measure(element: lxml.etree._Element, in_link: bool, best: _Best) -> tuple[int, int]:
    """(words outside links, words in links) of the element's subtree, children's tails
    included; each element is scored after its children, so ties go outward."""
    inside = in_link or _is_link(element)
    counts = [0, 0]  # [words outside links, words in links], indexed by `inside`
    text = element.text
    if text:
        counts[inside] += len(text.split())
    skip_tags = best.skip_tags
    for child in element:
        tag = child.tag
        if tag.__class__ is str and tag.lower() not in skip_tags:
            child_words, child_link_words = _measure(child, inside, best)
            counts[0] += child_words
            counts[1] += child_link_words
        tail = child.tail
        if tail:
            counts[inside] += len(tail.split())
    words, link_words = counts
    score = words - best.link_weight * link_words
    if score >= best.score:
        best.element, best.score = element, score
    return words, link_words


def _main_content_walk(
    body: lxml.etree._Element, skip_tags: frozenset[str], link_weight: float
) -> lxml.etree._Element:
    """`main_content` by an event walk: no recursion, for pages nested too deeply."""
    counts = [[0, 0]]  # [words outside links, words in links] per open element
    in_link = 0
    best, best_score = body, float("-inf")
    walker = lxml.etree.iterwalk(body, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        skipped = not isinstance(tag, str) or tag.lower() in skip_tags
        if event == "start":
            if skipped:
                walker.skip_subtree()
                continue
            counts.append([0, 0])
            if _is_link(element):
                in_link += 1
            if element.text:
                counts[-1][in_link > 0] += len(element.text.split())
            continue
        if not skipped:
            words, link_words = counts.pop()
            if _is_link(element):
                in_link -= 1
            score = words - link_weight * link_words
            if score >= best_score:  # parents end after their children: ties go outward
                best, best_score = element, score
            counts[-1][0] += words
            counts[-1][1] += link_words
        if element.tail:
            counts[-1][in_link > 0] += len(element.tail.split())
    return best


def outside_heading(
    body: lxml.etree._Element,
    main: lxml.etree._Element,
    skipped: Callable[[lxml.etree._Element], bool],
) -> lxml.etree._Element | None:
    """The page's first <h1> when the main content left it out and has none of its own:
    templates put the class title in a page header beside the navigation."""
    if main is body or main.tag == "h1" or next(main.iter("h1"), None) is not None:
        return None
    heading = next(body.iter("h1"), None)
    if heading is None or any(ancestor is main for ancestor in heading.iterancestors()):
        return None
    if any(skipped(node) for node in (heading, *heading.iterancestors())):
        return None
    return heading


def _is_link(element: lxml.etree._Element) -> bool:
    tag = element.tag.lower()
    return tag in _LINK_TAGS and (tag != "a" or element.get("href") is not None)
