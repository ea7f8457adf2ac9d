"""One article in, its meetings, commitments and topics out."""

from __future__ import annotations

from kabar.commitments import extract_commitments
from kabar.meetings import extract_meetings
from kabar.models import Article, Extraction
from kabar.people import ArticlePeople, attribute_pronouns, attribute_quotes, find_mentions
from kabar.sentences import split
from kabar.topics import score_topics

# Bodies longer than this are cut for event extraction: real articles are far
# shorter, and the cap bounds the time one pathological input can take.
MAX_EXTRACT_CHARS = 200_000


def extract_article(a: Article) -> Extraction:
    body = a.body[:MAX_EXTRACT_CHARS]
    sentences = split(body)
    people = ArticlePeople(language=a.language)
    found = [find_mentions(s.text, s.start) for s in sentences]
    for sentence_mentions in found:
        for m in sentence_mentions:
            people.add(m.person)
    # With every full mention known, short names anywhere resolve to them ("Plate" = "Johnny G Plate").
    mentions = [people.resolve(s.text, s.start, f) for s, f in zip(sentences, found, strict=True)]
    texts = [(s.text, s.start) for s in sentences]
    attribute_pronouns(texts, mentions)
    attribute_quotes(texts, mentions)  # after: '…,” ujarnya' names the speaker by then
    meetings = extract_meetings(sentences, people, mentions, a.published_date, a.article_id, a.dateline)
    commitments = extract_commitments(sentences, people, mentions, a.published_date, a.article_id, meetings)
    topics = [{"article_id": a.article_id, **t} for t in score_topics(a.title, body)]
    return Extraction(meetings=meetings, commitments=commitments, topics=topics)
