"""Retrieval's public face: all the bot uses of retrieval and the knowledge base below it.

The bot imports from here only, so the layers underneath can change freely.
"""
from knowledge.dates import display_date
from knowledge.fetch import FetchError
from knowledge.ingest import IngestReport
from knowledge.loaders import SUPPORTED, LoadError
from knowledge.models import Article, FaqEntry
from knowledge.sample import sample_dir
from knowledge.db import Database, DatabaseError, copy_tables, open_database, redact
from knowledge.store import Store
from knowledge.store import dumps
from knowledge.text import fold, split_sentences

from .conversation import continuation
from .conversation import dialogues
from .conversation import followup
from .evaluation import chatstyle, perturb
from .answering.answer import Answer, Source
from .answering.decision import PARAMS_FILE as DECISION_FILE
from .answering.decision import calibration_fit
from .answering.decision import fit as fit_decision
from .answering.decision import save as save_decision
from .index.embedder import Embedder, ModelError
from .evaluation.evaluate import cross_validated, evaluate, gap_table, load_questions, score, split_of, transferred
from .fluent.measure import report as fluent_report
from .hoidap import advice as owncase
from .hoidap.faq import PARAMS_FILE as FAQ_FILE
from .hoidap.faq import cross_validate as faq_cross_validate
from .hoidap.faq import fit as faq_fit
from .hoidap.faq import rows as faq_rows
from .evaluation.evaluate import table as report_table
from .service import Answerer, Timed

__all__ = ["FaqEntry", "Answer", "Answerer", "DECISION_FILE", "FAQ_FILE", "faq_cross_validate", "faq_fit", "faq_rows", "calibration_fit", "fit_decision", "save_decision", "Article", "Embedder", "FetchError", "IngestReport", "LoadError", "ModelError",
           "SUPPORTED", "Source", "Timed", "Database", "DatabaseError", "Store", "copy_tables", "open_database", "redact", "display_date", "dumps", "evaluate", "cross_validated", "gap_table", "score", "split_of", "transferred", "fluent_report", "fold",
           "continuation", "dialogues", "followup", "owncase", "load_questions", "perturb", "chatstyle", "report_table", "sample_dir", "split_sentences"]
