"""Quality reports on question sets: metrics per variant, type and style, CV folds by article
(`evaluate`), unanswerable variants of answerable questions (`perturb`). May import every room."""
