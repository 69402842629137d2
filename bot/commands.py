"""What each `unionbot` subcommand does (bot/cli.py only parses the arguments)."""
from __future__ import annotations

import asyncio
import json
import signal
import sys
import tempfile
import time
from pathlib import Path

from retrieval.api import (DECISION_FILE, FAQ_FILE, Answer, Answerer, DatabaseError, Store, calibration_fit, continuation, dialogues, display_date,
                           cross_validated, dumps, faq_cross_validate, faq_fit, faq_rows, fit_decision, fluent_report, owncase, gap_table,
                           load_questions, perturb, chatstyle, score, split_of, transferred,
                           redact, report_table, sample_dir, save_decision)

from .core import backup, render, texts
from .core.context import Conversations
from .core.assemble import make_core
from .core.messages import ChannelError, Incoming, Reply
from .core.state import BotDB
from .settings import Settings


def _answerer(settings: Settings, **kw) -> Answerer:
    return Answerer(settings, **kw)


def ensure_sample(answerer: Answerer) -> None:
    """An empty knowledge base gets the shipped seed article, so the bot works out of the box."""
    if answerer.count()[0] == 0:
        report = answerer.ingest([sample_dir()], progress=False)
        print(texts.SAMPLE_CREATED.format(n=report.articles), file=sys.stderr)


def cmd_ingest(args, settings: Settings) -> int:
    answerer = _answerer(settings)
    report = answerer.ingest([Path(p) if not p.startswith(("http://", "https://")) else p for p in args.paths],
                             progress=not args.quiet)
    print(texts.ingest_summary(report))
    if report.changed:
        answerer.ensure_fresh(progress=not args.quiet)  # so the next ask is fast
    return 0 if report.articles or not report.skipped else 1


def cmd_list(args, settings: Settings) -> int:
    answerer = _answerer(settings)
    rows = answerer.articles()
    entries = answerer.faq_entries()
    if args.json:
        print(dumps([{"kind": "article", **r} for r in rows] + [{"kind": "faq", **vars(e)} for e in entries]))
        return 0
    if not rows and not entries:
        print(texts.CLI_EMPTY_KB)
        return 0
    for r in rows:
        print(texts.CLI_LIST_ARTICLE.format(id=r["id"], date=display_date(r["date"]), chunks=r["chunks"],
                                            title=r["title"]))
    for e in entries:
        print(texts.CLI_LIST_ENTRY.format(id=e.id, date=display_date(e.valid_from), question=e.questions[0]))
    print(texts.CLI_LIST_TOTAL.format(n=len(rows)) + (texts.CLI_LIST_FAQ.format(n=len(entries)) if entries else ""))
    return 0


def cmd_show(args, settings: Settings) -> int:
    answerer = _answerer(settings)
    info = answerer.describe(args.id)
    entry = None if info else answerer.faq_entry(args.id)
    if entry is not None:
        print(dumps({"kind": "faq", **vars(entry)}) if args.json else
              "\n".join([*(texts.CLI_SHOW_QUESTION.format(question=q) for q in entry.questions),
                         texts.CLI_SHOW_ANSWER.format(answer=entry.answer),
                          *([texts.FAQ_BASIS.format(basis=entry.basis)] if entry.basis else []),
                          *([texts.FAQ_SOURCE.format(source=entry.source)] if entry.source else [])]))
        return 0
    if info is None:
        print(texts.CLI_NO_ARTICLE.format(id=args.id), file=sys.stderr)
        return 1
    if args.json:
        print(dumps(info))
        return 0
    print(texts.CLI_SHOW_HEADER.format(title=info["title"], date=display_date(info["date"]) or "—",
                                       source=info["url"] or info["source"]))
    print(info["text"])
    for c in info["chunks"]:
        facts = "; ".join(f"{f['kind']}: {f['value']}" for f in c["facts"])
        print(texts.CLI_SHOW_CHUNK.format(ord=c["ord"], id=c["id"], chars=len(c["text"]), facts=facts or "—"))
    return 0


def cmd_migrate(args, settings: Settings) -> int:
    """Copy the whole store (knowledge, embeddings, the bot's tables) into another database,
    typically the SQLite default into PostgreSQL; the source is left as it was."""
    source_store = Store(settings.database)
    if redact(str(args.to)) == source_store.location:
        print(texts.MIGRATE_SAME.format(where=source_store.location), file=sys.stderr)
        return 1
    target_store = Store(args.to)
    copied = source_store.copy_to(target_store)
    copied.update(BotDB(source_store.db).copy_to(BotDB(target_store.db)))
    tables = "\n".join(f"  {name}: {n}" for name, n in copied.items())
    print(texts.MIGRATE_DONE.format(where_from=source_store.location, where_to=target_store.location,
                                    tables=tables, url=redact(args.to)))
    return 0


def cmd_backup(args, settings: Settings) -> int:
    """A consistent snapshot of the whole store, taken while the bot keeps running."""
    store = Store(settings.database)
    try:
        path = backup.write(store.db, Path(args.file), settings.question_retention_days)
    except (OSError, DatabaseError) as e:
        print(texts.BACKUP_FAILED.format(cause=texts.explain(e)), file=sys.stderr)
        return 1
    print(texts.BACKUP_DONE.format(where=store.location, path=path, mb=path.stat().st_size / 1e6,
                                   days=settings.question_retention_days))
    return 0


def cmd_restore(args, settings: Settings) -> int:
    """Load a backup into an empty data dir / database, then build the index so the bot answers at once."""
    store = Store(settings.database)
    try:
        backup.restore(store, Path(args.file))
    except (OSError, ValueError, DatabaseError) as e:
        print(texts.RESTORE_FAILED.format(cause=texts.explain(e)), file=sys.stderr)
        return 1
    store.close()
    answerer = _answerer(settings)  # the restored store, migrated to this version's schema
    answerer.rebuild()
    print(texts.RESTORE_DONE.format(path=args.file, where=answerer.store.location, articles=answerer.count()[0],
                                    entries=len(answerer.faq_entries())))
    return 0


def cmd_remove(args, settings: Settings) -> int:
    answerer = _answerer(settings)
    removal = answerer.remove(args.id)
    if not removal:
        print(texts.CLI_NO_ARTICLE.format(id=args.id), file=sys.stderr)
        return 1
    print((texts.CLI_REMOVED_FAQ if removal.entry else texts.CLI_REMOVED).format(id=args.id))
    if removal.comes_back:  # as /xoa says it: the next /reload would bring it back
        print((texts.ADMIN_REMOVED_FAQ_COMES_BACK if removal.entry else
               texts.ADMIN_REMOVED_COMES_BACK).format(source=removal.comes_back))
    answerer.ensure_fresh(progress=True)
    return 0


def _ask_one(answerer: Answerer, question: str) -> tuple[Answer, float]:
    timed = answerer.ask(question)
    return timed.answer, timed.latency_ms


def _cli_core(settings: Settings, answerer: Answerer):
    """The same core as the chat channels, for `unionbot ask`: no flood limit (a batch is one
    asker), each run's dialogues kept in memory (a rerun starts afresh), asked off the record."""
    core = make_core(settings.model_copy(update={"flood_per_minute": 0}), answerer)
    core.conversations = Conversations(settings.followup_minutes)
    core.record_questions = False
    return core


async def _ask_core(core, question: str, chat: str):
    """(the reply, ms): the message through the core's one pipeline, as a member's in chat `chat`."""
    t = time.perf_counter()
    replies = await core.handle(Incoming(platform="cli", chat_id=chat, user_id="cli", text=question))
    return (replies[0] if replies else Reply(texts.EMPTY_QUESTION)), (time.perf_counter() - t) * 1000


def cmd_ask(args, settings: Settings) -> int:
    question = " ".join(args.question)
    if not args.batch and not question.strip():
        if args.json:  # a script still gets its one JSON object
            print(json.dumps({"id": None, "question": question, "found": False, "answer": texts.EMPTY_QUESTION,
                              "span": None, "sources": [], "latency_ms": 0.0}, ensure_ascii=False))
        else:
            print(texts.EMPTY_QUESTION, file=sys.stderr)
        return 2
    answerer = _answerer(settings)
    if answerer.count()[0] == 0:
        print(texts.EMPTY_KB, file=sys.stderr)
        return 1
    answerer.warm()
    core = _cli_core(settings, answerer)
    if args.batch:
        try:
            items = load_questions(Path(args.batch))
        except (OSError, ValueError) as e:
            print(texts.CLI_BAD_QUESTIONS.format(cause=e), file=sys.stderr)
            return 2

        async def batch() -> None:
            for n, item in enumerate(items):  # lines with the same "conversation" form one dialogue, in file order
                key = item.get("conversation")
                chat = f"c:{key}" if key is not None else f"line:{n}"
                reply, ms = await _ask_core(core, str(item.get("question", "")), chat)
                print(json.dumps(render.reply_json(reply, ms, item), ensure_ascii=False), flush=True)
        asyncio.run(batch())
        return 0
    reply, ms = asyncio.run(_ask_core(core, question, "one"))
    if args.json:
        print(json.dumps(render.reply_json(reply, ms, {"question": question}), ensure_ascii=False))
    else:
        print(render.reply_text(reply))
    return 0


def cmd_chat(args, settings: Settings) -> int:
    """Interactive terminal chat: the terminal channel on the same core as the bots."""
    from .channels.terminal import TerminalChannel

    answerer = _answerer(settings)
    ensure_sample(answerer)
    print(texts.CLI_LOADING, file=sys.stderr)
    answerer.ensure_fresh(progress=True)
    answerer.warm()
    asyncio.run(TerminalChannel(make_core(settings, answerer)).run())
    return 0


def _eval_answerer(args, settings: Settings) -> tuple[Answerer, tempfile.TemporaryDirectory | None]:
    """The current knowledge base, or with --articles a fresh temporary one built from that folder."""
    tmp = None
    if args.articles:
        tmp = tempfile.TemporaryDirectory(prefix="unionbot-eval-")
        settings = settings.model_copy(update={"data_dir": Path(tmp.name),
                                               "model_cache_dir": settings.models_dir.resolve()})
        report = _answerer(settings).ingest([Path(args.articles)], progress=False)
        print(texts.CLI_EVAL_KB.format(n=report.articles), file=sys.stderr)
    answerer = _answerer(settings)
    answerer.warm()
    return answerer, tmp


def cmd_calibrate(args, settings: Settings) -> int:
    """Fit the answer-or-decline model on a question set and write it into the package."""
    questions = load_questions(Path(args.questions))
    answerer, tmp = _eval_answerer(args, settings)
    answers = [answerer.ask(q["question"]).answer for q in questions]
    model, (X, y) = fit_decision(questions, answers)
    save_decision(model, X, y, source=f"{Path(args.questions).name}: {len(questions)} questions")
    print(texts.CLI_CALIBRATED.format(n=len(y), pos=int(y.sum()), neg=int(len(y) - y.sum()),
                                      path=DECISION_FILE, threshold=model.threshold))
    if tmp:
        tmp.cleanup()
    return 0


def cmd_eval(args, settings: Settings) -> int:
    llm = getattr(args, "llm", False)
    if llm and not settings.llm_url.strip():
        print(texts.CLI_EVAL_NO_LLM, file=sys.stderr)
        return 2
    if not llm:  # the quoted answers are measured as members get them without a model server
        settings = settings.model_copy(update={"llm_url": ""})
    questions = load_questions(Path(args.questions))
    answerer, tmp = _eval_answerer(args, settings)
    answered = [_ask_one(answerer, q["question"]) for q in questions]
    result = score(questions, cross_validated(questions, answered, args.cv, calibration_fit) if args.cv else answered,
                   folds=args.cv or None)
    if args.transfer:
        sides = split_of(questions, json.loads(Path(args.transfer).read_text(encoding="utf-8")))
        result["transfer"] = transferred(questions, answered, sides, calibration_fit)
    if llm:  # the model's sentences as members see them (decision as committed, also with --cv)
        result["fluent"] = fluent_report(questions, [a for a, _ in answered])
    rows = None
    if getattr(args, "dialogues", False) or getattr(args, "dialogue_set", None):
        rows = continuation.rows(answerer, dialogues.turns(questions, _titles(answerer))) if args.cv else None
    if getattr(args, "dialogues", False):
        result["dialogues"] = _eval_dialogues(answerer, questions, settings, args.cv, rows)
    misses = []
    if getattr(args, "dialogue_set", None):
        convs = dialogues.conversations(load_questions(Path(args.dialogue_set)))
        scored = _eval_dialogue_set(answerer, convs, settings, args.cv, rows)
        misses = _first_split_misses(scored.pop("misses"), convs, args.misses_of)
        result["dialogue_set"] = scored
    if getattr(args, "synthetic", False):
        result["synthetic"] = perturb.declined(answerer, questions)
        # chat-style variants (two per question) of the questions the committed decision gets right, by split
        sides_or = sides if args.transfer else None
        result["synthetic_chat"] = chatstyle.eval_row(chatstyle.chat_scores(
            answerer, questions, sides_or, answered=[a for a, _ in answered], which=chatstyle.EVAL_RECIPES))
    if args.json:
        if "transfer" in result and not args.rows:
            result["transfer"] = {k: v for k, v in result["transfer"].items() if k != "rows"}
        print(json.dumps({k: v for k, v in result.items() if k != "rows" or args.rows}, ensure_ascii=False, indent=2))
    else:
        kind = f"{args.cv}-fold cross-validation, split by article" if args.cv else "fitted on these questions"
        print(f"{len(questions)} questions · {kind}\n")
        print(report_table(result))
        if "transfer" in result:
            t = result["transfer"]
            print(f"\nTransfer: fitted on the first split, scored on the second ({t['overall']['n']} questions "
                  "about articles nobody read while writing the rules)\n")
            print(report_table(t))
            print(f"\nCV ({args.cv or 'none'}) beside transfer\n" if args.cv else "\nAs fitted beside transfer\n")
            print(gap_table(result, t))
        follow_kind = "continuation model fitted on the other folds" if args.cv else "continuation model as committed"
        for key, title in (("dialogues", f"Follow-ups (dialogues made from question pairs about one article; {follow_kind}"),
                           ("dialogue_set", "Dialogues as members chat (" + (f"{args.cv}-fold CV by conversation: the "
                            "continuation model fitted on made-up turns of articles no conversation of the fold is about"
                            if args.cv else "continuation model as committed")),
                           ("synthetic", "Unanswerable variants of the answerable questions (another year, province, "
                                         "ordinal, counted noun"),
                           ("synthetic_chat", "Chat-style variants (shorthand, politeness, accents on some or no words; "
                                              "retrieval/evaluation/chatstyle.py) of the questions answered right, "
                                              "or declined, as typed"),
                           ("fluent", "Sentences from the language model (UNIONBOT_LLM_URL), scored like the quotes")):
            if key in result:
                print(f"\n{title}; decision as committed)\n")
                print("| " + " | ".join(result[key]) + " |")
                print("|" + "---|" * len(result[key]))
                print("| " + " | ".join(str(v) for v in result[key].values()) + " |")
        for m in misses:
            print(f"miss: {json.dumps(m, ensure_ascii=False)}")
    if tmp:
        tmp.cleanup()
    return 0


def _first_split_misses(misses: list[dict], convs: list[dict], splits: str | None) -> list[dict]:
    """Only the misses of conversations whose first turn is about an article of the FIRST split:
    the second split is for scoring, not for reading."""
    if not splits:
        return []
    first = set(json.loads(Path(splits).read_text(encoding="utf-8"))["first"])
    readable = {d["id"] for d in convs if d["turns"][0].get("article_id") in first}
    return [m for m in misses if m["conversation"] in readable]


def _eval_dialogue_set(answerer: Answerer, convs: list[dict], settings: Settings, cv: int, rows) -> dict:
    """Written dialogues read through the same Conversations as the chat channels; with `cv`,
    cross-validated by conversation."""
    if cv:
        return continuation.cross_validate_set(answerer, convs, rows, cv)
    chats = Conversations(settings.followup_minutes)

    def ask(conversation: str, message: str):
        timed, understood = chats.answer(conversation, message, answerer)
        return timed.answer, understood

    return dialogues.score(convs, ask)


def _titles(answerer: Answerer) -> dict[str, str]:
    return {aid: a.get("title", "") for aid, a in answerer.index.articles.items()}


def _eval_dialogues(answerer: Answerer, questions: list[dict], settings: Settings, cv: int = 0, rows=None) -> dict:
    """Each made-up dialogue read through the same Conversations as the chat channels; with
    `cv`, with the continuation model fitted on the other folds' articles."""
    titles = _titles(answerer)
    if cv:
        return continuation.cross_validate(answerer, questions, titles, cv, rows)
    chats = Conversations(settings.followup_minutes)

    def ask(conversation: str, message: str):
        timed, understood = chats.answer(conversation, message, answerer)
        return timed.answer, understood

    return dialogues.evaluate(dialogues.make(questions, titles), ask)


def cmd_calibrate_followup(args, settings: Settings) -> int:
    """Fit when a chat message continues the chat's topic, on dialogues made from a question set."""
    questions = load_questions(Path(args.questions))
    answerer, tmp = _eval_answerer(args, settings)
    rows = continuation.rows(answerer, dialogues.turns(questions, _titles(answerer)))
    model = continuation.fit(rows)
    out = Path(args.out) if args.out else continuation.PARAMS_FILE
    continuation.save(model, rows, source=f"{Path(args.questions).name}: {len(questions)} questions", path=out)
    fresh = sum(r["label"] == 0 for r in rows)
    print(texts.CLI_FOLLOWUP_CALIBRATED.format(n=len(rows), follows=len(rows) - fresh, fresh=fresh, path=out,
                                               threshold=model.threshold))
    if tmp:
        tmp.cleanup()
    return 0


def cmd_calibrate_faq(args, settings: Settings) -> int:
    """Fit when a hỏi đáp entry answers (the match model), report it cross-validated by entry,
    and write it into the package."""
    questions = load_questions(Path(args.questions))
    with tempfile.TemporaryDirectory(prefix="unionbot-faq-") as tmp:
        settings = settings.model_copy(update={"data_dir": Path(tmp), "model_cache_dir": settings.models_dir.resolve()})
        answerer = _answerer(settings)
        answerer.ingest([Path(p) for p in (args.entries, args.articles) if p], progress=False)
        answerer.warm()
        X, y = faq_rows(answerer.faq_matches([q["question"] for q in questions]), questions)
    cv = faq_cross_validate(X, y, questions)
    model = faq_fit(X, y)
    out = Path(args.out) if args.out else FAQ_FILE
    save_decision(model, X, y, source=f"{Path(args.questions).name}: {len(questions)} questions", path=out)
    print(texts.CLI_FAQ_CALIBRATED.format(path=out, threshold=model.threshold, **cv))
    return 0


def cmd_calibrate_owncase(args, settings: Settings) -> int:
    """Fit when a message is a member's own case (not a news question), report it cross-validated
    by entry / by article, and write it into the package. A question asked in several files counts once."""
    seen: set[str] = set()
    questions = [q for f in args.questions for q in load_questions(Path(f))
                 if not (q["question"] in seen or seen.add(q["question"]))]
    labelled = owncase.labelled(questions)
    with tempfile.TemporaryDirectory(prefix="unionbot-owncase-") as tmp:
        settings = settings.model_copy(update={"data_dir": Path(tmp), "model_cache_dir": settings.models_dir.resolve()})
        answerer = _answerer(settings)
        answerer.ingest([Path(args.articles)], progress=False)
        answerer.warm()
        news, idf = answerer.first_articles([q["question"] for q in labelled])
    X, y = owncase.rows(labelled, news, idf)
    cv = owncase.cross_validate(X, y, labelled)
    model = owncase.fit(X, y)
    out = Path(args.out) if args.out else owncase.PARAMS_FILE
    save_decision(model, X, y, source=", ".join(Path(f).name for f in args.questions) + f": {len(labelled)} questions",
                  path=out)
    print(texts.CLI_OWNCASE_CALIBRATED.format(path=out, **cv))
    return 0


def run_bot(settings: Settings, only: str | None = None) -> int:
    """`serve` (every configured channel + web chat) or one channel alone."""
    from .channels.telegram import TelegramChannel
    from .channels.web import WebChannel
    from .channels.zalo import ZaloChannel
    from .server import run_channels, serve

    wanted = [only] if only else ["telegram", "zalo"]
    if only and not getattr(settings, f"{only}_token"):
        print(texts.TOKEN_MISSING[only], file=sys.stderr)
        return 2
    answerer = _answerer(settings, background_refresh=True)
    ensure_sample(answerer)
    core = make_core(settings, answerer)
    factories = {"telegram": TelegramChannel, "zalo": ZaloChannel}
    channels = [factories[n](core) for n in wanted if getattr(settings, f"{n}_token")]
    webhooks = any(getattr(settings, f"{n}_webhook_url") for n in wanted)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it: end with status 0 then.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        if only is None or webhooks:
            if only is None:
                up = ", ".join(c.name for c in channels) or texts.NO_CHANNELS
                print(texts.SERVE_UP.format(host=settings.http_host, port=settings.http_port, channels=up), flush=True)
                channels.append(WebChannel(core))
            asyncio.run(serve(core, channels, settings.http_host, settings.http_port))
        else:
            asyncio.run(run_channels(core, channels))
    except ChannelError as e:
        print(texts.START_FAILED.format(cause=e), file=sys.stderr)
        return 4
    return 0


def cmd_serve(args, settings: Settings) -> int:
    return run_bot(settings)


def cmd_telegram(args, settings: Settings) -> int:
    return run_bot(settings, "telegram")


def cmd_zalo(args, settings: Settings) -> int:
    return run_bot(settings, "zalo")
