"""Fitting tools shared by every fitted decision: a logistic model over named features
(fit, thresholds, save/load), folds that stay put across runs, and whether a reply holds an answer.
Imports nothing of retrieval but `params`."""
