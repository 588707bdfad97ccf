"""Import → extract → suggest, in one place, called by the CLI and the app alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casefile.errors import StorageFault
from casefile.ingest import DEFAULT_MAX_BYTES, Failure, Skipped, discover, read_file
from casefile.ingest.language import detect as detect_language, language_name, reads_as_english
from casefile.model import ArticleDraft, CandidateIncident
from casefile.store import CaseFile, utc_now
from casefile.store.articles import body_digest

# Articles stored per transaction (each article still gets its own savepoint, so a failure
# never leaves half an article and never undoes its neighbours). The first batch is stored
# soon, so a small import commits early; each next one is twice as large up to BATCH_MAX,
# because each transaction adds an index segment for full-text search to merge.
BATCH = 200
BATCH_MAX = 1600


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    incident_ids: list[int] = field(default_factory=list)
    duplicate_of: list[tuple[str, int, str]] = field(default_factory=list)  # source, id, why
    warnings: list[tuple[str, str]] = field(default_factory=list)  # source, warning
    suggestions: int | None = None  # duplicate suggestions after this import
    # Why the import stopped before the end (the case file could not be written), or None.
    # Everything counted above is stored; `not_stored` articles read were not.
    stopped: str | None = None
    not_stored: int = 0

    def as_json(self) -> dict:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
            "article_ids": self.article_ids,
            "stopped": self.stopped,
            "not_stored": self.not_stored,
        }


def import_paths(
    case: CaseFile,
    paths: Iterable[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[int, int, str], None] | None = None,
    extract: bool = True,
    jobs: int = 1,
) -> ImportReport:
    """Read and store every article under `paths`; report each problem by path.

    Each new article is extracted into candidate incidents, stored with it in one
    transaction: an article never exists without the candidates it yields.
    """
    report = ImportReport()
    extractor = Extractor(case, jobs) if extract else None
    files: list[Path] = []
    for item in discover(paths):
        if isinstance(item, Failure):
            report.failed.append(item)
        elif isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            files.append(item)
    pending: list[ArticleDraft] = []
    # Without extraction, batches are stored by a thread of their own while the next ones are
    # read (SQLite works without the GIL: the full-text index of one batch is built while the
    # next is cleaned). Storing candidates takes many short statements, each a GIL hand-over
    # between the threads: with extraction, batches are stored here, one behind the reading.
    writer = BatchWriter(case, report, threaded=extractor is None)
    path: Path | None = None
    read_here = 0  # articles read from the current file (to count the unread when stopped)
    batch = BATCH
    try:
        for number, path in enumerate(files, start=1):
            read_here = 0
            for outcome in read_file(path, max_bytes):
                if isinstance(outcome, Failure):
                    report.failed.append(outcome)
                elif isinstance(outcome, ArticleDraft):
                    pending.append(outcome)
                    read_here += 1
                if len(pending) >= batch:  # within a feed too: a 3,000-record file is 4 commits
                    writer.put(_start(case, pending, extractor))
                    pending = []
                    batch = min(2 * batch, BATCH_MAX)
            if on_file:
                on_file(number, len(files), str(path))
        writer.put(_start(case, pending, extractor))
        pending = []
        writer.finish()
        if extractor and report.imported:
            report.suggestions = refresh_suggestions(case)
    except StorageFault as fault:
        # The file cannot take more (disk full, read-only, damaged, locked): what the report
        # counts is stored; say so, and how much was not.
        writer.abort()  # the batch in progress ends; those after it stay unstored
        report.stopped = str(fault)
        unread = _drafts_in(path, max_bytes) - read_here if path is not None else 0
        report.not_stored = (len(pending) + writer.unstored() + unread
                             + sum(_drafts_in(p, max_bytes) for p in _after(files, path)))
    finally:
        writer.abort()  # after an error or an interrupt: the batch being stored ends, no other starts
        if extractor:
            extractor.close()
    return report


class BatchWriter:
    """Stores batches (`_commit`, each its own transaction) in order, in a thread, while the
    caller reads the next: at most two wait. A fault stops it: the batch that met it and those
    after it are not stored, and the fault is raised to the caller at its next put or finish.

    Not `threaded`: each batch is stored by the put of the next one (so the extraction of a
    batch in worker processes goes on while the next is read), the last by finish."""

    WAITING = 2

    def __init__(self, case: CaseFile, report: ImportReport, threaded: bool = True):
        import collections
        import threading

        self.case, self.report, self.threaded = case, report, threaded
        self.batches: collections.deque[Started] = collections.deque()  # handed over, not stored
        self.fault: BaseException | None = None
        self.closing = False  # no more batches will come
        self.stopping = False  # store no more batches
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._run, name="casefile-store", daemon=True)
        if threaded:
            self.thread.start()

    def put(self, started: Started) -> None:
        if not self.threaded:
            self.batches.append(started)
            while len(self.batches) > 1:
                _commit(self.case, self.batches[0], self.report)
                self.batches.popleft()
            return
        with self.cond:
            while len(self.batches) >= self.WAITING and self.fault is None:
                self.cond.wait()
            self._raise()
            self.batches.append(started)
            self.cond.notify_all()

    def finish(self) -> None:
        """Wait until every batch is stored; raise the fault that stopped it, if one did."""
        if not self.threaded:
            while self.batches:
                _commit(self.case, self.batches[0], self.report)
                self.batches.popleft()
            return
        with self.cond:
            self.closing = True
            self.cond.notify_all()
        self.thread.join()
        self._raise()

    def abort(self) -> None:
        """Store nothing more than the batch in progress, and wait for it (the others stay
        counted as unstored)."""
        if not self.threaded:
            return
        with self.cond:
            self.closing = self.stopping = True
            self.cond.notify_all()
        self.thread.join()

    def unstored(self) -> int:
        """Articles handed over and not stored."""
        return sum(len(batch[0]) for batch in self.batches)

    def _raise(self) -> None:
        if self.fault is not None:
            raise self.fault

    def _run(self) -> None:
        while True:
            with self.cond:
                while not self.batches and not self.closing:
                    self.cond.wait()
                if not self.batches or self.stopping:
                    return
                started = self.batches[0]
            try:
                _commit(self.case, started, self.report)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                with self.cond:
                    self.fault = exc
                    self.cond.notify_all()
                return
            with self.cond:
                self.batches.popleft()  # stored
                self.cond.notify_all()


def _after(files: list[Path], current: Path | None) -> list[Path]:
    return files[files.index(current) + 1:] if current in files else []


def _drafts_in(path: Path, max_bytes: int) -> int:
    """Articles a file holds (counted when an import stops, to say how many were not stored)."""
    return sum(1 for o in read_file(path, max_bytes) if isinstance(o, ArticleDraft))


class Extractor:
    """Extraction with the case file's own gazetteer entries added to the shipped ones,
    in `jobs` worker processes when asked (extraction is CPU-bound; storing stays here)."""

    def __init__(self, case: CaseFile, jobs: int = 1):
        from casefile.extract.gazetteer import Gazetteer

        self.extra = case.places()
        self.gazetteer = Gazetteer.default().with_extra(self.extra) if self.extra else Gazetteer.default()
        self.pool = None
        if jobs > 1:
            import multiprocessing

            # A fork server loads the extractor and the gazetteer once and forks the workers from
            # it (a spawned worker loads its own); it is a fresh single-threaded process, so this
            # is safe from the app's threads too.
            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["casefile.pipeline_worker"])
            else:
                context = multiprocessing.get_context("spawn")
            self.pool = context.Pool(jobs, _init_worker, (self.extra,))

    def __call__(self, body: str, published: str | None, excluded) -> list[CandidateIncident]:
        from casefile.extract import extract

        return extract(body, published, excluded, self.gazetteer)

    def submit(self, drafts: list[ArticleDraft]) -> Callable[[], list[list[CandidateIncident]]]:
        """Start extracting `drafts`; the call returned waits for their candidates. With workers,
        the caller reads and stores other batches meanwhile."""
        jobs = [(d.body, d.published, d.excluded) for d in drafts]
        if self.pool is None:
            results = [self(*job) for job in jobs]
            return lambda: results
        return self.pool.starmap_async(_extract_in_worker, jobs, chunksize=8).get

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
            self.pool = None


_worker_gazetteer = None


def _init_worker(extra) -> None:
    global _worker_gazetteer
    from casefile.extract.gazetteer import Gazetteer

    _worker_gazetteer = Gazetteer.default().with_extra(extra) if extra else Gazetteer.default()


def _extract_in_worker(body, published, excluded):
    from casefile.extract import extract

    return extract(body, published, excluded, _worker_gazetteer)


def _store(case: CaseFile, drafts: list[ArticleDraft], report: ImportReport,
           extractor: Extractor | None = None) -> None:
    _commit(case, _start(case, drafts, extractor), report)


# A batch begun: its drafts, those being extracted, the call that waits for their candidates,
# and each draft's body_digest.
Started = tuple[list[ArticleDraft], list[ArticleDraft], Callable[[], list[list[CandidateIncident]]],
                list[str]]


def _start(case: CaseFile, drafts: list[ArticleDraft], extractor: Extractor | None) -> Started:
    """Begin extracting a batch (before taking the write lock, so other curators are not kept
    waiting); duplicates of stored articles are not extracted."""
    body_shas = [body_digest(d.body) for d in drafts]
    if extractor is None:
        return drafts, [], list, body_shas
    fresh = [d for d, sha in zip(drafts, body_shas) if not case.has_article(d.sha256, d.body, sha)]
    english = []
    for draft in fresh:  # the language is stored with the article (an import without extraction skips this)
        draft.language = draft.language or detect_language(draft.body)
        if reads_as_english(draft.language):
            english.append(draft)
        else:
            draft.warnings.append(f"written in {language_name(draft.language)}: stored and searchable, but "
                                  "casefile proposes incidents from English text only")
    return drafts, english, extractor.submit(english), body_shas


def _commit(case: CaseFile, started: Started, report: ImportReport) -> None:
    """Store a batch and its candidates: one transaction (a savepoint per article's candidates)."""
    drafts, fresh, wait, body_shas = started
    if not drafts:
        return
    now = utc_now()
    found = iter(wait())
    by_draft = {id(d): next(found) for d in fresh}
    candidates = [by_draft.get(id(d), []) for d in drafts]
    stored: list[tuple[ArticleDraft, object, list[int]]] = []
    with case.tx.write():
        # The articles first, in order (one statement each: no savepoint per article), then each
        # new one's candidates (in a savepoint each, so never half an incident).
        for draft, found, result in zip(drafts, candidates, case.add_articles(drafts, now, body_shas)):
            incident_ids = case.store_candidates(result.article_id, found, now) \
                if not result.duplicate and found else []
            stored.append((draft, result, incident_ids))
    # Counted once committed: a report never counts an article the file does not hold.
    for draft, result, incident_ids in stored:
        report.incident_ids += incident_ids
        for warning in draft.warnings:
            report.warnings.append((draft.source, warning))
        if result.duplicate:
            report.duplicates += 1
            report.duplicate_of.append((draft.source, result.article_id, result.duplicate_reason))
        else:
            report.imported += 1
            report.article_ids.append(result.article_id)


def reextract(case: CaseFile, article_ids: Iterable[int],
              on_article: Callable[[int, int], None] | None = None) -> list[int]:
    """Run extraction again; untouched candidates are replaced, curated work is kept."""
    extractor = Extractor(case)
    ids = list(article_ids)
    created: list[int] = []
    for number, article_id in enumerate(ids, start=1):
        article = case.article(article_id)
        found = extractor(article.body, article.published, article.excluded) \
            if reads_as_english(article.language or detect_language(article.body)) else []
        created += case.store_candidates(article_id, found, utc_now())
        if on_article:
            on_article(number, len(ids))
    refresh_suggestions(case)
    return created


LEAD = 600  # characters of an article's opening read as its lead
SENTENCE_REACH = 300  # characters either side of a claim its sentence may reach (a sentence is rarely longer)


def match_records(case: CaseFile):
    """The matcher's view of every active incident, read in a few passes over the store:
    its fields, its claims, the sentences those claims stand in, its articles' titles and dates.

    Reading the sentences' words is most of the work, so each incident's reading is kept in
    the case file (`match_words`) under a stamp of what it read, and read again only when that
    changes: a new claim, a merge, another incident drawn from one of its articles."""
    from casefile.match import no_cycle_collection

    with no_cycle_collection():
        return _match_records(case)


def _match_records(case: CaseFile):
    import datetime as dt
    import hashlib
    import json
    import sys

    from casefile.extract.gazetteer import normalise
    from casefile.match import MatchRecord
    from casefile.match.words import READING

    extra: dict[int, dict] = {}
    weekday_names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for incident_id, field_name, value, detail, article_id, start, end, quote in case.match_claims():
        e = extra.get(incident_id)
        if e is None:
            e = extra[incident_id] = {"actors": set(), "weekdays": set(), "months": set(), "text": [],
                                      "articles": set(), "spans": []}
        if article_id:
            e["articles"].add(article_id)
            if start is not None:  # by article, then place in it
                e["spans"].append((article_id, start, end))
        if field_name == "actor":
            if value:
                e["actors"].add(value)
                continue
        elif field_name == "date" and detail:
            partial = json.loads(detail).get("partial") or {}
            if "weekday" in partial:
                e["weekdays"].add(weekday_names.index(partial["weekday"].lower()))
            if "month" in partial:
                e["months"].add(partial["month"])
            continue
        if quote and len(e["text"]) < 8:
            e["text"].append(quote)
    articles = case.match_articles()
    # An article that yields a single incident speaks of it throughout: its lead is that
    # incident's too (an article of many incidents lends each only its own sentences).
    yields: dict[int, int] = {}
    for e in extra.values():
        for a in e["articles"]:
            yields[a] = yields.get(a, 0) + 1
    kept = case.match_words()
    fresh_stamps = {}
    for incident_id, e in extra.items():
        e["articles"] = sorted(a for a in e["articles"] if a in articles)
        e["alone"] = [a for a in e["articles"] if yields[a] == 1]
        stamp = hashlib.blake2b(repr((READING, e["spans"], e["articles"], e["alone"])).encode(),
                                digest_size=12).hexdigest()
        if kept.get(incident_id, ("",))[0] != stamp:
            fresh_stamps[incident_id] = stamp
    fresh = _read_words(case, {i: extra[i] for i in fresh_stamps}, articles)
    if fresh:
        case.keep_match_words((i, fresh_stamps[i], "\n".join(sorted(w)), "\n".join(sorted(n)), "\n".join(p))
                              for i, (w, n, p) in fresh.items())

    def split(text: str) -> frozenset[str]:  # interned: the same word is one string in every record
        return frozenset(map(sys.intern, text.split("\n"))) if text else frozenset()

    records = []
    for row in case.match_incidents():
        (incident_id, start, end, precision, location, admin1, country, lat, lon, geo, actor1,
         actor2, event_type, sub, kl, kh, wl, wh, al, ah) = row
        e = extra.get(incident_id, {})
        names = frozenset(normalise(n) for n in (location or "").split(", ") if n and n != country)
        counts = {name: (low, high) for name, low, high in
                  (("killed", kl, kh), ("wounded", wl, wh), ("arrested", al, ah)) if low is not None}
        if incident_id in fresh:
            words, proper, phrases = fresh[incident_id]
        elif incident_id in kept:
            _, w, n, p = kept[incident_id]
            words, proper, phrases = split(w), split(n), tuple(p.split("\n")) if p else ()
        else:
            words, proper, phrases = frozenset(), frozenset(), ()
        in_articles = e.get("articles", ())
        published = frozenset(dt.date.fromisoformat(articles[a][0][:10]) for a in in_articles if articles[a][0])
        records.append(MatchRecord(
            id=incident_id,
            date_start=dt.date.fromisoformat(start) if start else None,
            date_end=dt.date.fromisoformat(end) if end else None,
            date_precision=precision, location=location, place_names=names, admin1=admin1,
            country=country, latitude=lat, longitude=lon, geo_precision=geo,
            # (one spelling of a name's apostrophe, as extraction now writes it, for older case files)
            actors=frozenset(a.replace("’", "'") for a in e.get("actors", set()) | {actor1, actor2} if a),
            event_type=event_type, sub_event_type=sub, counts=counts,
            text=" ".join(e.get("text", []))[:400], weekdays=frozenset(e.get("weekdays", ())),
            months=frozenset(e.get("months", ())), article_ids=frozenset(in_articles),
            published=published, words=words, names=proper, name_phrases=phrases,
        ))
    return records


def _read_words(case: CaseFile, incidents: dict[int, dict], articles: dict) -> dict[int, tuple]:
    """incident id -> (content words, proper names, many-word names) of the sentences its claims
    stand in, its titles and the leads of the articles it has alone; each body is read once."""
    from casefile.match.words import name_phrases, proper_names, sentences_at, tokens

    if not incidents:
        return {}
    spans_in: dict[int, list[tuple[int, int, int]]] = {}  # article -> (start, end, incident)
    for incident_id, e in incidents.items():
        for article_id, start, end in e["spans"]:
            spans_in.setdefault(article_id, []).append((start, end, incident_id))
    sentences: dict[int, dict[str, None]] = {i: {} for i in incidents}  # ordered, each once
    leads: dict[int, str] = {}
    needed = set(spans_in).union(*(e["alone"] for e in incidents.values()))
    for article_id, body in case.article_bodies(needed):
        leads[article_id] = body[:LEAD]
        spans = sorted(spans_in.get(article_id, ()))
        for (_, _, incident_id), sentence in zip(spans, sentences_at(body, ((s, e) for s, e, _ in spans),
                                                                     SENTENCE_REACH)):
            if sentence and len(sentences[incident_id]) < 12:
                sentences[incident_id][sentence] = None
    # The incidents of one article share its lead and often its sentences: each is read once.
    read_before: dict[tuple, object] = {}

    def read(text: str, reader):
        if (key := (text, reader)) not in read_before:
            read_before[key] = reader(text)
        return read_before[key]

    out = {}
    for incident_id, e in incidents.items():
        texts = list(sentences[incident_id]) + [leads[a] for a in e["alone"]]
        titles = [articles[a][1] for a in e["articles"] if articles[a][1]]
        words, proper, phrases = set(), set(), {}
        for text in texts + titles:
            words |= read(text, tokens)
        for text in texts:  # a headline capitalises every word: no sign of a name there
            proper |= read(text, proper_names)
            phrases.update(dict.fromkeys(read(text, name_phrases)))
        out[incident_id] = (frozenset(words), frozenset(proper), tuple(phrases))
    return out


def learned_model(case: CaseFile):
    """Weights fitted to the case file's own match / no_match judgements, or None while
    there are too few of either, or while they do worse than the hand-set weights on the
    judgements they did not learn from (match.learn.adopt)."""
    from casefile.match.learn import adopt

    return adopt((breakdown, decision == "match") for decision, breakdown in case.match_judgements())


def refresh_suggestions(case: CaseFile) -> int:
    """Recompute every duplicate suggestion; returns how many there are."""
    from casefile.match import no_cycle_collection, suggest

    case.tx.check_ahead()  # the write's integrity check reads every page: beside the matching
    with no_cycle_collection():
        model = learned_model(case)
        found = suggest(match_records(case), case.no_match_pairs(), model=model)
        case.replace_suggestions(found, utc_now(), learned=model is not None)
    return len(found)
